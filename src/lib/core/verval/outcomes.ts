/**
 * What a field check can find about one person (issue 13, ../shared/DOMAIN.md §2e), and what each
 * finding does to the verified set. Answers come as DTSEN assessment codes (1 found, 2 moved,
 * 3 deceased, 4 not found), as the BDT/DTSEN presence labels, or as free text typed into a Google
 * Form or a paper form; `recogniseOutcome` reads all three and returns null for anything else, so an
 * unreadable answer is listed instead of guessed.
 */
import { codeKey } from '../codes/types';

export const OUTCOMES = ['found', 'not_found', 'deceased', 'moved', 'well_off', 'out_of_regency', 'new_member'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * - keep: stays in the verified set;
 * - leave: leaves the verified set (the register row stays; only the resolved status changes);
 * - remove_proposed: stays, marked for removal until a pleno confirms it (a well-off household);
 * - proposal: not in the register's set at all; visible and counted apart, funded only if the plan says so.
 */
export type OutcomeEffect = 'keep' | 'leave' | 'remove_proposed' | 'proposal';

export const OUTCOME_EFFECT: Readonly<Record<Outcome, OutcomeEffect>> = {
	found: 'keep',
	not_found: 'leave',
	deceased: 'leave',
	moved: 'leave',
	out_of_regency: 'leave',
	well_off: 'remove_proposed',
	new_member: 'proposal'
};

/**
 * The answer a field team writes for each outcome on a worklist Tepat prints: the words
 * `recogniseOutcome` reads back, in the order the status column offers them.
 */
export const FIELD_ANSWERS: Readonly<Record<Outcome, string>> = {
	found: 'ditemukan',
	not_found: 'tidak ditemukan',
	deceased: 'meninggal',
	moved: 'pindah',
	well_off: 'mampu',
	out_of_regency: 'di luar kabupaten',
	new_member: 'anggota baru'
};

/** Answers read exactly (after `codeKey`: case, spaces and spacing around '/' ignored). */
const EXACT_ANSWERS: Readonly<Record<string, Outcome>> = {
	// DTSEN assessment app codes (§2e).
	'1': 'found',
	'2': 'moved',
	'3': 'deceased',
	'4': 'not_found',
	valid: 'found',
	ada: 'found',
	aktif: 'found',
	layak: 'found',
	'ditemukan/valid': 'found',
	'ditemukan/aktif': 'found',
	'dtsen aktif': 'found',
	'tinggal bersama keluarga': 'found',
	'tinggal di ruta': 'found',
	'masih tinggal': 'found',
	'tidak ada': 'not_found',
	'tidak layak': 'well_off',
	'kesalahan prelist': 'not_found',
	'dtsen aktif - asesmen meninggal': 'deceased',
	baru: 'new_member',
	'usulan baru': 'new_member'
};
const EXACT = new Map(Object.entries(EXACT_ANSWERS).map(([answer, outcome]) => [codeKey(answer), outcome]));

/**
 * Free text that starts with one of these means the outcome (e.g. "Meninggal dunia 2025",
 * "Pindah ke Samarinda"). Longer prefixes first: "tidak ditemukan" before "ditemukan".
 */
const PREFIXES: readonly (readonly [string, Outcome])[] = [
	['tidak ditemukan', 'not_found'],
	['tdk ditemukan', 'not_found'],
	['tidak dikenal', 'not_found'],
	['di luar kabupaten', 'out_of_regency'],
	['diluar kabupaten', 'out_of_regency'],
	['luar kabupaten', 'out_of_regency'],
	['luar daerah', 'out_of_regency'],
	['bukan warga', 'out_of_regency'],
	['bukan penduduk', 'out_of_regency'],
	['anggota baru', 'new_member'],
	['anggota keluarga baru', 'new_member'],
	['sudah mampu', 'well_off'],
	['mampu', 'well_off'],
	['meninggal', 'deceased'],
	['wafat', 'deceased'],
	['almarhum', 'deceased'],
	['pindah', 'moved'],
	['ditemukan', 'found']
];

/** The outcome an answer means, or null when it is empty or not recognised. */
export function recogniseOutcome(answer: string): Outcome | null {
	if (answer.trim() === '') return null;
	const key = codeKey(answer);
	const exact = EXACT.get(key);
	if (exact) return exact;
	// "tidak mampu" (poor, i.e. still eligible) must not read as "mampu" through a prefix.
	if (key.startsWith('tidak mampu')) return null;
	for (const [prefix, outcome] of PREFIXES) {
		if (key === prefix || key.startsWith(`${prefix} `) || key.startsWith(`${prefix}/`) || key.startsWith(`${prefix},`)) {
			return outcome;
		}
	}
	return null;
}
