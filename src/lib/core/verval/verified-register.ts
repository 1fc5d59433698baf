/**
 * The verified register (issue 13 point 5): every register person once, in the register's own
 * columns, with the verval status each person and household resolved to (relations.ts, 'field'),
 * written back as the source writes it, and four columns of Tepat's own after them: the canonical
 * status, what it rests on (a result, a decision, an open conflict, unchecked), the round and the
 * visit date. Which columns, under which headers, is the caller's (queries/verified-register.ts reads
 * the source's spec and the load's mapping); this builds the statement from that plain list.
 */
import { caseWhen, select, sqlIdent, sqlString } from '../sql';
import { householdsFrom, peopleFrom } from './relations';

export type RegisterSide = 'household' | 'person';

/** A part of the dotted village code '64.02.06.1001': '64', '02', '06', '1001', or all ten digits. */
export type VillagePart = 'province' | 'regency' | 'kecamatan' | 'village' | 'digits';

export type VerifiedValue =
	| { kind: 'column'; side: RegisterSide; column: string }
	/** A coded column written with `codes` (canonical value → the source's code or label). */
	| { kind: 'coded'; side: RegisterSide; column: string; codes: Readonly<Record<string, string>> }
	| { kind: 'village'; part: VillagePart }
	| { kind: 'village_name' }
	| { kind: 'kecamatan_name' };

export interface VerifiedColumn {
	/** The header as the source (or the user's file) writes it. */
	header: string;
	value: VerifiedValue;
}

/** Tepat's own columns after the register's, in this order. */
export const VERIFIED_EXTRA_COLUMNS = ['status_verval_tepat', 'dasar_status', 'putaran', 'tanggal_kunjungan'] as const;

/** The result column of the i-th register column (headers may repeat or hold any character). */
export const verifiedColumnName = (i: number): string => `c${i + 1}`;

const ALIAS: Readonly<Record<RegisterSide, string>> = { household: 'h', person: 'p' };

const VILLAGE_PART: Readonly<Record<Exclude<VillagePart, 'digits'>, number>> = { province: 1, regency: 2, kecamatan: 3, village: 4 };

function valueSql(value: VerifiedValue): string {
	switch (value.kind) {
		case 'column':
			return `CAST(${ALIAS[value.side]}.${sqlIdent(value.column)} AS VARCHAR)`;
		case 'coded': {
			const column = `${ALIAS[value.side]}.${sqlIdent(value.column)}`;
			const branches = Object.entries(value.codes).map(([canonical, code]) => [sqlString(canonical), sqlString(code)] as const);
			return branches.length === 0 ? column : caseWhen(branches, column, column);
		}
		case 'village':
			return value.part === 'digits'
				? `replace(h.village_kode, '.', '')`
				: `nullif(split_part(h.village_kode, '.', ${VILLAGE_PART[value.part]}), '')`;
		case 'village_name':
			return 'v.nama';
		case 'kecamatan_name':
			return 'v.kecamatan_nama';
	}
}

/** One row per register person: the given columns as text (c1, c2 …), then VERIFIED_EXTRA_COLUMNS. */
export function verifiedRegisterSql(columns: readonly VerifiedColumn[]): string {
	return select({
		select: [
			...columns.map((c, i) => `${valueSql(c.value)} AS ${verifiedColumnName(i)}`),
			'p.verval_status AS status_verval_tepat',
			'vp.basis AS dasar_status',
			'vp.round AS putaran',
			'vp.visit_date AS tanggal_kunjungan'
		],
		from: `${peopleFrom('field')} p`,
		joins: [
			`JOIN ${householdsFrom('field')} h ON h.household_id = p.household_id`,
			'JOIN verval_person vp ON vp.person_id = p.person_id',
			'LEFT JOIN village v ON v.kode = h.village_kode'
		],
		orderBy: ['h.source_file', 'h.source_row', 'p.source_file', 'p.source_row', 'p.person_id']
	});
}
