/**
 * What an officer brings back from a field kit: one entry per person checked (and per new member
 * found), sealed with a checksum so that a file changed on the way, by one byte, is refused rather
 * than imported. The file is two lines: the JSON body exactly as written, and the SHA-256 of those
 * bytes; the body names the kit's own checksum, so results are tied to the kit they were made from.
 */
import { coded } from '../messages';
import { sha256Hex } from '../sha256';
import { StrictJsonReader } from '../strict-json';
import { OUTCOMES, type Outcome } from '../verval/outcomes';
import { KitFileError, type FieldKit } from './kit';

export const RESULTS_FORMAT = 'tepat-field-results';
export const RESULTS_VERSION = 1;

export interface KitEntry {
	household: string;
	/** The kit's person; null for a new member found in the household. */
	person: string | null;
	status: Outcome;
	/** A new member's name and NIK as the officer wrote them; null otherwise. */
	name: string | null;
	nik: string | null;
	notes: string;
	/** When the entry was last changed (ISO 8601). */
	at: string;
}

export interface KitResults {
	format: typeof RESULTS_FORMAT;
	version: typeof RESULTS_VERSION;
	/** SHA-256 of the kit file the entries were made from. */
	kit: string;
	/** The register checksum the kit was cut from. */
	register: string;
	village: string;
	officer: string;
	savedAt: string;
	entries: KitEntry[];
}

const HEX = /^[0-9a-f]{64}$/;
const encode = (text: string) => new TextEncoder().encode(text);

/** The kit file's checksum, as results name it. */
export function kitChecksum(kitText: string): Promise<string> {
	return sha256Hex(encode(kitText));
}

/** The results file: the body, then its checksum, each on its own line. */
export async function sealResults(results: KitResults): Promise<string> {
	const body = JSON.stringify({
		format: results.format,
		version: results.version,
		kit: results.kit,
		register: results.register,
		village: results.village,
		officer: results.officer,
		savedAt: results.savedAt,
		entries: results.entries.map((e) => ({
			household: e.household,
			person: e.person,
			status: e.status,
			name: e.name,
			nik: e.nik,
			notes: e.notes,
			at: e.at
		}))
	});
	return `${body}\n${await sha256Hex(encode(body))}\n`;
}

class ResultsReader extends StrictJsonReader {
	fail(field: string): never {
		throw new KitFileError(coded('fieldkit.results_field', { file: this.file, field }));
	}
}

const TEXT = 200;
const NOTES = 2000;

/**
 * The results of a sealed file; refused (KitFileError) when the file is not two lines, the checksum
 * does not match the body's bytes, or a field is wrong. With `kit`, the results must be of that kit.
 */
export async function openResults(text: string, file: string, kit?: { text: string; kit: FieldKit }): Promise<KitResults> {
	const match = /^([^\n]*)\n([0-9a-f]{64})\n$/.exec(text);
	if (!match) throw new KitFileError(coded('fieldkit.results_not_sealed', { file }));
	const [, body = '', checksum] = match;
	if ((await sha256Hex(encode(body))) !== checksum) throw new KitFileError(coded('fieldkit.results_changed', { file }));
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch {
		throw new KitFileError(coded('fieldkit.results_not_sealed', { file }));
	}
	const r = new ResultsReader(file);
	const o = r.record(value, '', ['format', 'version', 'kit', 'register', 'village', 'officer', 'savedAt', 'entries']);
	if (o.format !== RESULTS_FORMAT || o.version !== RESULTS_VERSION) throw new KitFileError(coded('fieldkit.results_not_sealed', { file }));
	const results: KitResults = {
		format: RESULTS_FORMAT,
		version: RESULTS_VERSION,
		kit: r.line(o.kit, 'kit', 64, { pattern: HEX }),
		register: r.line(o.register, 'register', 64, { pattern: /^[0-9a-f]{1,64}$/ }),
		village: r.line(o.village, 'village', 20),
		officer: r.line(o.officer, 'officer', TEXT, { trim: true }),
		savedAt: r.line(o.savedAt, 'savedAt', 40),
		entries: r.list(o.entries, 'entries').map((item, i): KitEntry => {
			const field = `entries[${i}]`;
			const e = r.record(item, field, ['household', 'person', 'status', 'name', 'nik', 'notes', 'at']);
			if (typeof e.status !== 'string' || !(OUTCOMES as readonly string[]).includes(e.status)) r.fail(`${field}.status`);
			const status = e.status as Outcome;
			const person = e.person === null ? null : r.line(e.person, `${field}.person`, 64);
			// A new member is the one entry without a kit person, and must say who they are.
			if ((person === null) !== (status === 'new_member')) r.fail(`${field}.person`);
			const name = e.name === null ? null : r.line(e.name, `${field}.name`, TEXT, { trim: true });
			const nik = e.nik === null ? null : r.line(e.nik, `${field}.nik`, 16, { pattern: /^\d{16}$/ });
			if (status === 'new_member' && (name === null || nik === null)) r.fail(`${field}.${name === null ? 'name' : 'nik'}`);
			return {
				household: r.line(e.household, `${field}.household`, 64),
				person,
				status,
				name,
				nik,
				notes: typeof e.notes === 'string' && [...e.notes].length <= NOTES ? e.notes : r.fail(`${field}.notes`),
				at: r.line(e.at, `${field}.at`, 40, { pattern: /^\d{4}-\d{2}-\d{2}T/ })
			};
		})
	};
	if (kit) {
		if (results.kit !== (await kitChecksum(kit.text))) throw new KitFileError(coded('fieldkit.results_other_kit', { file }));
		const people = new Set(kit.kit.households.flatMap((h) => h.people.map((p) => `${h.id}\u0000${p.id}`)));
		const households = new Set(kit.kit.households.map((h) => h.id));
		results.entries.forEach((e, i) => {
			if (!households.has(e.household)) r.fail(`entries[${i}].household`);
			if (e.person !== null && !people.has(`${e.household}\u0000${e.person}`)) r.fail(`entries[${i}].person`);
		});
	}
	return results;
}

/** Whether a file's first bytes (as text) are those of a sealed results file, not a result sheet. */
export function looksLikeResults(head: string): boolean {
	return head.startsWith(`{"format":"${RESULTS_FORMAT}"`);
}
