/**
 * Typed reads of the verval fieldwork for the Verval screen and the camat's printed page (issue 13):
 * the resolution that derives the verified set, progress per village and kecamatan and per round,
 * open conflicts, results that resolve nobody, and quality findings. Same SQL as `tepat verval`.
 */
import { rowsOf, type RowOf, type RowSpec } from '../core/rows';
import { qualityCountsSql } from '../core/verval/checks';
import { kecamatanProgressSql, PROGRESS_COUNT_COLUMNS, roundProgressSql, villageProgressSql } from '../core/verval/progress';
import { conflictsSql, resolveHouseholdStatements, resolvePersonStatements, unmatchedResultsSql } from '../core/verval/resolve';
import type { Engine } from '../engine/types';

/** Rebuilds `verval_person` and `verval_household` from the register, the results and the decisions. */
export async function resolveVerifiedSet(engine: Engine): Promise<void> {
	for (const statement of [...resolvePersonStatements(), ...resolveHouseholdStatements()]) await engine.exec(statement);
}

const COUNTS_SPEC = Object.fromEntries(PROGRESS_COUNT_COLUMNS.map((c) => [c, 'number'])) as Record<
	(typeof PROGRESS_COUNT_COLUMNS)[number],
	'number'
>;

export const PROGRESS_SPEC = {
	kecamatan_kode: 'string',
	kecamatan_nama: 'string',
	...COUNTS_SPEC,
	last_round: 'number?',
	last_visit: 'date?'
} as const satisfies RowSpec;

export const VILLAGE_PROGRESS_SPEC = { village_kode: 'string', village_nama: 'string', ...PROGRESS_SPEC } as const satisfies RowSpec;

export type KecamatanProgress = RowOf<typeof PROGRESS_SPEC>;
export type VillageProgress = RowOf<typeof VILLAGE_PROGRESS_SPEC>;

export async function villageProgress(engine: Engine): Promise<VillageProgress[]> {
	return rowsOf(await engine.query(villageProgressSql()), VILLAGE_PROGRESS_SPEC);
}

export async function kecamatanProgress(engine: Engine): Promise<KecamatanProgress[]> {
	return rowsOf(await engine.query(kecamatanProgressSql()), PROGRESS_SPEC);
}

const ROUND_SPEC = { round: 'number', last_visit: 'date?', kecamatan_kode: 'string', people_visited: 'number' } as const satisfies RowSpec;
export type RoundProgress = RowOf<typeof ROUND_SPEC>;

export async function roundProgress(engine: Engine): Promise<RoundProgress[]> {
	return rowsOf(await engine.query(roundProgressSql()), ROUND_SPEC);
}

export const CONFLICT_SPEC = {
	person_id: 'string',
	household_id: 'string',
	round: 'number',
	outcome: 'string',
	rows: 'string',
	officers: 'string?'
} as const satisfies RowSpec;

/** One open conflict: a person, a round, and each outcome reported, with the file rows behind it. */
export interface Conflict {
	person_id: string;
	household_id: string;
	round: number;
	name: string | null;
	nik: string | null;
	village_kode: string | null;
	reports: { outcome: string; rows: string; officers: string | null }[];
}

export async function openConflicts(engine: Engine): Promise<Conflict[]> {
	const rows = rowsOf(
		await engine.query(`
SELECT c.*, p.name, p.nik, h.village_kode
FROM (${conflictsSql()}) c
JOIN person p ON p.person_id = c.person_id
JOIN household h ON h.household_id = c.household_id
ORDER BY h.village_kode, c.person_id, c.outcome`),
		{ ...CONFLICT_SPEC, name: 'string?', nik: 'string?', village_kode: 'string?' }
	);
	const byPerson = new Map<string, Conflict>();
	for (const row of rows) {
		const key = `${row.person_id}\u0000${row.round}`;
		let conflict = byPerson.get(key);
		if (!conflict) {
			conflict = {
				person_id: row.person_id,
				household_id: row.household_id,
				round: row.round,
				name: row.name,
				nik: row.nik,
				village_kode: row.village_kode,
				reports: []
			};
			byPerson.set(key, conflict);
		}
		conflict.reports.push({ outcome: row.outcome, rows: row.rows, officers: row.officers });
	}
	return [...byPerson.values()];
}

export const UNMATCHED_SPEC = {
	round: 'number',
	source_file: 'string',
	source_row: 'number',
	nik: 'string?',
	record_id: 'string?',
	outcome: 'string?',
	answer: 'string?',
	name: 'string?',
	reason: 'string'
} as const satisfies RowSpec;
export type UnmatchedResult = RowOf<typeof UNMATCHED_SPEC>;

export async function unmatchedResults(engine: Engine): Promise<UnmatchedResult[]> {
	return rowsOf(await engine.query(unmatchedResultsSql()), UNMATCHED_SPEC);
}

const QUALITY_COUNT_SPEC = { village_kode: 'string?', check: 'string', findings: 'number' } as const satisfies RowSpec;
/** Findings of one code (a quality check of core/verval/checks.ts or a load report code) in one village. */
export type QualityCount = RowOf<typeof QUALITY_COUNT_SPEC>;

export async function qualityCounts(engine: Engine): Promise<QualityCount[]> {
	return rowsOf(await engine.query(qualityCountsSql()), QUALITY_COUNT_SPEC);
}
