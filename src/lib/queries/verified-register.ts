/**
 * The verified register as rows under the source's own headers (core/verval/verified-register.ts
 * builds the statement). Which columns: the source's fields Tepat keeps, under the headers the loaded
 * file had (the load's mapping, the user's choices included) or, without a mapping, the source's
 * standard header; a column the register lacks stays empty. Member and family columns of one name (the
 * family key, the verval status of a flat file) are written once, the member's value winning: a row is
 * a person.
 */
import { CODE_TABLES } from '../core/codes';
import { writtenCodes } from '../core/codes/written';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS } from '../core/catalog/columns';
import { rowsOf } from '../core/rows';
import type { AnyCodedField } from '../core/schema';
import {
	VERIFIED_EXTRA_COLUMNS,
	verifiedColumnName,
	verifiedRegisterSql,
	type RegisterSide,
	type VerifiedColumn,
	type VerifiedValue,
	type VillagePart
} from '../core/verval/verified-register';
import type { Engine } from '../engine/types';
import type { LoadMapping } from '../ingest/mapping';
import { SOURCES, normaliseHeader, type FieldSpec, type RegisterSource, type SourceSpec } from '../ingest/sources';

export type VerifiedCell = string | number | null;

export interface VerifiedRegister {
	source: RegisterSource;
	/** The register's headers, then VERIFIED_EXTRA_COLUMNS. */
	headers: string[];
	rows: VerifiedCell[][];
}

const CANONICAL: Readonly<Record<RegisterSide, ReadonlySet<string>>> = {
	household: new Set(HOUSEHOLD_COLUMNS.map((c) => c.name)),
	person: new Set(PERSON_COLUMNS.map((c) => c.name))
};

/** What a source field is written from; null for a field Tepat does not keep (the difficulty domains …). */
/**
 * How each source writes its village code: DTSEN's kode_kelurahan_desa and P3KE's kode_kemdagri hold
 * all ten digits; BDT's KDDESA only the village's own part, after KDPROP, KDKAB and KDKEC.
 */
const VILLAGE_CODE_STYLE: Readonly<Record<RegisterSource, VillagePart>> = { dtsen: 'digits', bdt: 'village', p3ke: 'digits' };

function valueOf(spec: SourceSpec, side: RegisterSide, field: FieldSpec): VerifiedValue | null {
	switch (field.field) {
		case 'key':
			return { kind: 'column', side, column: 'household_id' };
		case 'person_key':
			return side === 'person' ? { kind: 'column', side, column: 'person_id' } : null;
		case 'village_prov':
			return { kind: 'village', part: 'province' };
		case 'village_kab':
			return { kind: 'village', part: 'regency' };
		case 'village_kec':
			return { kind: 'village', part: 'kecamatan' };
		case 'village_desa':
			return { kind: 'village', part: VILLAGE_CODE_STYLE[spec.id] };
		case 'village_name':
			return { kind: 'village_name' };
		case 'village_kec_name':
			return { kind: 'kecamatan_name' };
	}
	if (!CANONICAL[side].has(field.field)) return null;
	if (field.kind === 'code' && field.code !== undefined) {
		const codes = writtenCodes(CODE_TABLES[spec.codeTable], field.code as AnyCodedField);
		return { kind: 'coded', side, column: field.field, codes };
	}
	return { kind: 'column', side, column: field.field };
}

/** Each field once, in the spec's order, with the header it has in this register (null: no column). */
function headersOf(spec: SourceSpec, side: RegisterSide, mapping: LoadMapping | undefined): [FieldSpec, string | null][] {
	const seen = new Set<string>();
	const fields = spec[side].filter((f) => !seen.has(f.field) && seen.add(f.field));
	const mapped = mapping?.source === spec.id ? new Map(mapping[side].fields.map((f) => [f.field, f.header])) : undefined;
	return fields.map((f) => [f, mapped ? (mapped.get(f.field) ?? null) : (f.headers[0] ?? null)]);
}

/** The register's columns of the verified register, household's then member's, each header once. */
export function verifiedRegisterColumns(source: RegisterSource, mapping?: LoadMapping): VerifiedColumn[] {
	const spec = SOURCES[source];
	const columns: VerifiedColumn[] = [];
	const at = new Map<string, number>();
	for (const side of ['household', 'person'] as const) {
		const fields = headersOf(spec, side, mapping);
		const nikHeader = fields.find(([f]) => f.field === 'nik')?.[1];
		for (const [field, header] of fields) {
			if (header === null) continue;
			// DTSEN and P3KE name the member by NIK: the NIK column is the NIK, not Tepat's person id.
			if (field.field === 'person_key' && header === nikHeader) continue;
			const value = valueOf(spec, side, field);
			if (value === null) continue;
			const key = normaliseHeader(header);
			const index = at.get(key);
			if (index === undefined) {
				at.set(key, columns.length);
				columns.push({ header, value });
			} else if (side === 'person') columns[index] = { header: columns[index]?.header ?? header, value };
		}
	}
	return columns;
}

async function registerSource(engine: Engine): Promise<RegisterSource> {
	const [row] = rowsOf(await engine.query('SELECT any_value(source) AS source FROM household'), { source: 'string?' });
	const source = row?.source ?? 'dtsen';
	return Object.hasOwn(SOURCES, source) ? (source as RegisterSource) : 'dtsen';
}

/**
 * The verified register of the loaded register, read after `verval_person` and `verval_household` are
 * resolved. `mapping`: the load's (RegisterInfo.mapping, IngestResult.mapping), for the file's own
 * headers; the source is the mapping's, else the register's.
 */
export async function verifiedRegister(engine: Engine, mapping?: LoadMapping): Promise<VerifiedRegister> {
	const source = mapping?.source ?? (await registerSource(engine));
	const columns = verifiedRegisterColumns(source, mapping);
	const spec = {
		...Object.fromEntries(columns.map((_, i) => [verifiedColumnName(i), 'string?' as const])),
		status_verval_tepat: 'string?',
		dasar_status: 'string',
		putaran: 'number?',
		tanggal_kunjungan: 'date?'
	} as const;
	const rows = rowsOf(await engine.query(verifiedRegisterSql(columns)), spec);
	const names = [...columns.map((_, i) => verifiedColumnName(i)), ...VERIFIED_EXTRA_COLUMNS];
	return {
		source,
		headers: [...columns.map((c) => c.header), ...VERIFIED_EXTRA_COLUMNS],
		rows: rows.map((row) => names.map((name) => (row as Record<string, VerifiedCell>)[name] ?? null))
	};
}
