/**
 * A field kit (issue 17 point 3): what one officer takes to one village with no signal. Only that
 * village's records to check and only the fields the visit form needs (who lives where, by name, NIK
 * and RT); nothing of the household's assets or scores. A kit is a JSON file read back strictly: a
 * damaged or hand-edited kit is refused where it is wrong, never half-opened.
 */
import { CodedError, coded } from '../messages';
import { StrictJsonReader } from '../strict-json';

export const KIT_FORMAT = 'tepat-field-kit';
export const KIT_VERSION = 1;

/** Why the kit lists these records: the verval worklist, or (before verval) the village's whole register. */
export const KIT_BASES = ['worklist', 'register'] as const;
export type KitBasis = (typeof KIT_BASES)[number];

export interface KitPerson {
	id: string;
	nik: string | null;
	name: string;
	/** The register's relation to the head, as a code label in the register's words. */
	relation: string | null;
	age: number | null;
}

export interface KitHousehold {
	id: string;
	kk: string | null;
	address: string | null;
	/** The RT number read from the address ("RT 020" → "020"), for finding a house by RT. */
	rt: string | null;
	head: string | null;
	people: KitPerson[];
}

export interface FieldKit {
	format: typeof KIT_FORMAT;
	version: typeof KIT_VERSION;
	createdAt: string;
	/** The register checksum the kit was cut from: results match it, not a later register. */
	register: string;
	village: { kode: string; nama: string; kecamatan: string };
	officer: string;
	basis: KitBasis;
	households: KitHousehold[];
}

/** One person of the village as the kit's query gives it (worklist or register). */
export interface KitSourceRow {
	household_id: string;
	kk: string | null;
	alamat: string | null;
	head_name: string | null;
	person_id: string;
	nik: string | null;
	name: string | null;
	relation: string | null;
	age: number | null;
}

/** RT as written in an Indonesian address: "RT 020 Dusun Sumber Rejo", "Rt.3/Rw.1", "RT:05". */
export function rtOf(address: string | null): string | null {
	const match = /\bRT\s*[.:]?\s*(\d{1,3})\b/i.exec(address ?? '');
	return match?.[1] ?? null;
}

/** The kit of `rows` (one village's people, in household order), households in their first row's order. */
export function buildKit(
	rows: readonly KitSourceRow[],
	meta: Pick<FieldKit, 'createdAt' | 'register' | 'village' | 'officer' | 'basis'>
): FieldKit {
	const households = new Map<string, KitHousehold>();
	for (const row of rows) {
		let household = households.get(row.household_id);
		if (!household) {
			household = { id: row.household_id, kk: row.kk, address: row.alamat, rt: rtOf(row.alamat), head: row.head_name, people: [] };
			households.set(row.household_id, household);
		}
		if (household.people.some((p) => p.id === row.person_id)) continue;
		household.people.push({ id: row.person_id, nik: row.nik, name: row.name ?? '', relation: row.relation, age: row.age });
	}
	return { format: KIT_FORMAT, version: KIT_VERSION, ...meta, households: [...households.values()] };
}

export function serialiseKit(kit: FieldKit): string {
	return `${JSON.stringify(kit)}\n`;
}

/** A kit refused: not JSON, not a kit, or a field that is wrong. */
export class KitFileError extends CodedError {}

/** At most this many people in one kit: the largest village's register several times over. */
const MAX_PEOPLE = 50_000;
const TEXT = 200;
const ID = /^[^\s]{1,64}$/;

class KitReader extends StrictJsonReader {
	fail(field: string): never {
		throw new KitFileError(coded('fieldkit.kit_field', { file: this.file, field }));
	}

	text(value: unknown, field: string): string | null {
		return value === null ? null : this.line(value, field, TEXT);
	}
}

export function readKit(text: string, file: string): FieldKit {
	let value: unknown;
	try {
		value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
	} catch {
		throw new KitFileError(coded('fieldkit.kit_not_json', { file }));
	}
	const r = new KitReader(file);
	const o = r.record(value, '', ['format', 'version', 'createdAt', 'register', 'village', 'officer', 'basis', 'households']);
	if (o.format !== KIT_FORMAT || o.version !== KIT_VERSION) throw new KitFileError(coded('fieldkit.kit_not_format', { file }));
	const village = r.record(o.village, 'village', ['kode', 'nama', 'kecamatan']);
	if (typeof o.basis !== 'string' || !(KIT_BASES as readonly string[]).includes(o.basis)) r.fail('basis');
	let people = 0;
	const households = r.list(o.households, 'households').map((item, i): KitHousehold => {
		const field = `households[${i}]`;
		const h = r.record(item, field, ['id', 'kk', 'address', 'rt', 'head', 'people']);
		return {
			id: r.line(h.id, `${field}.id`, 64, { pattern: ID }),
			kk: r.text(h.kk, `${field}.kk`),
			address: r.text(h.address, `${field}.address`),
			rt: r.text(h.rt, `${field}.rt`),
			head: r.text(h.head, `${field}.head`),
			people: r.list(h.people, `${field}.people`).map((p, j): KitPerson => {
				const at = `${field}.people[${j}]`;
				if (++people > MAX_PEOPLE) r.fail(at);
				const person = r.record(p, at, ['id', 'nik', 'name', 'relation', 'age']);
				return {
					id: r.line(person.id, `${at}.id`, 64, { pattern: ID }),
					nik: r.text(person.nik, `${at}.nik`),
					name: r.line(person.name, `${at}.name`, TEXT),
					relation: r.text(person.relation, `${at}.relation`),
					age: r.whole(person.age, `${at}.age`, 150, true)
				};
			})
		};
	});
	return {
		format: KIT_FORMAT,
		version: KIT_VERSION,
		createdAt: r.line(o.createdAt, 'createdAt', 40),
		register: r.line(o.register, 'register', 64, { pattern: /^[0-9a-f]{1,64}$/ }),
		village: {
			kode: r.line(village.kode, 'village.kode', 20, { pattern: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/ }),
			nama: r.line(village.nama, 'village.nama', TEXT),
			kecamatan: r.line(village.kecamatan, 'village.kecamatan', TEXT)
		},
		officer: r.line(o.officer, 'officer', TEXT),
		basis: o.basis as KitBasis,
		households
	};
}
