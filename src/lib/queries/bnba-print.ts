/**
 * The printed BNBA's reads (issue 15 point 2): the funded units of one programme in the current
 * allocation, for the whole regency, one kecamatan or one village, ordered by kecamatan, village and
 * name, with what the print adds up per village (people reached and Rupiah). The units, names, NIK and
 * KK are those of the BNBA export (queries/allocation.ts): the same allocation rows, the person for PIP
 * and Paket, the household head for the household programmes. A large scope is counted first, so the
 * page can ask for a smaller one instead of reading tens of thousands of rows.
 */
import type { ProgrammeId } from '../core/plan';
import { ALLOCATION_TABLE } from '../core/programs';
import { PERSON_PROGRAMMES } from '../core/programs/candidates';
import { rowsOf, type RowOf } from '../core/rows';
import { select, sqlString } from '../core/sql';
import type { Engine } from '../engine/types';

/** What a print covers: the whole regency, one kecamatan or one village (dotted Kemendagri codes). */
export type BnbaScope = { level: 'regency' } | { level: 'kecamatan'; kode: string } | { level: 'village'; kode: string };

const BNBA_PRINT_ROW = {
	kecamatan_kode: 'string',
	kecamatan_nama: 'string',
	village_kode: 'string',
	village_nama: 'string',
	/** household_id for household programmes, person_id for PIP and Paket. */
	unit_id: 'string',
	household_id: 'string',
	kk: 'string?',
	nik: 'string?',
	nama: 'string?',
	alamat: 'string?',
	/** People the unit reaches: the household's members for a household programme, 1 for a person. */
	people: 'number',
	funding_line: 'string',
	cost: 'number'
} as const;

export type BnbaPrintRow = RowOf<typeof BNBA_PRINT_ROW>;

function scopeCondition(scope: BnbaScope): string | false {
	switch (scope.level) {
		case 'regency':
			return false;
		case 'kecamatan':
			return `v.kecamatan_kode = ${sqlString(scope.kode)}`;
		case 'village':
			return `a.village_kode = ${sqlString(scope.kode)}`;
	}
}

function fundedIn(programme: ProgrammeId, scope: BnbaScope): (string | false)[] {
	return [`a.programme = ${sqlString(programme)}`, "a.status = 'funded'", scopeCondition(scope)];
}

/** The funded units of a programme in a scope, by kecamatan code, village code, name, then unit id. */
export function bnbaPrintSql(programme: ProgrammeId, scope: BnbaScope): string {
	const personUnit = PERSON_PROGRAMMES.includes(programme);
	// The same names and NIK as the BNBA export: one plain equi-join per kind of unit.
	const heads = "SELECT household_id, min(nik) AS nik FROM person WHERE relation = 'head' GROUP BY household_id";
	// Spelled out, not the alias: `nama` is also the village table's column.
	const name = personUnit ? 'coalesce(p.name, h.head_name)' : 'h.head_name';
	return select({
		select: [
			'v.kecamatan_kode',
			'v.kecamatan_nama',
			'a.village_kode',
			'v.nama AS village_nama',
			'a.unit_id',
			'a.household_id',
			'h.kk',
			personUnit ? 'p.nik' : 'head.nik',
			`${name} AS nama`,
			'h.alamat',
			personUnit ? '1 AS people' : 'coalesce(h.members, 0)::INTEGER AS people',
			'a.funding_line',
			'a.cost'
		],
		from: `${ALLOCATION_TABLE} a`,
		joins: [
			'JOIN village v ON v.kode = a.village_kode',
			'JOIN household h ON h.household_id = a.household_id',
			personUnit ? 'LEFT JOIN person p ON p.person_id = a.unit_id' : `LEFT JOIN (${heads}) head ON head.household_id = a.household_id`
		],
		where: fundedIn(programme, scope),
		orderBy: ['v.kecamatan_kode', 'a.village_kode', `lower(${name}) NULLS LAST`, 'a.unit_id']
	});
}

/** How many funded units the programme has in the scope. */
export function bnbaPrintCountSql(programme: ProgrammeId, scope: BnbaScope): string {
	return select({
		select: ['count(*)::INTEGER AS n'],
		from: `${ALLOCATION_TABLE} a`,
		joins: ['JOIN village v ON v.kode = a.village_kode'],
		where: fundedIn(programme, scope)
	});
}

export async function bnbaPrintCount(engine: Engine, programme: ProgrammeId, scope: BnbaScope): Promise<number> {
	const [row] = rowsOf(await engine.query(bnbaPrintCountSql(programme, scope)), { n: 'number' });
	return row?.n ?? 0;
}

export async function bnbaPrintRows(engine: Engine, programme: ProgrammeId, scope: BnbaScope): Promise<BnbaPrintRow[]> {
	return rowsOf(await engine.query(bnbaPrintSql(programme, scope)), BNBA_PRINT_ROW);
}

/**
 * The most rows one print reads and lays out: above this the page asks for a kecamatan or a village
 * instead (a regency's RTLH or PIP list can be tens of thousands of rows, which would hang the tab).
 */
export const BNBA_PRINT_LIMIT = 5000;

/** What the print reads: the count, and the rows when there are at most `limit` of them (else null). */
export interface BnbaPrintRead {
	total: number;
	rows: BnbaPrintRow[] | null;
}

/** Counts the scope's units and reads them only when they are at most `limit`: a whole regency can be too many to print. */
export async function bnbaPrint(engine: Engine, programme: ProgrammeId, scope: BnbaScope, limit: number): Promise<BnbaPrintRead> {
	const total = await bnbaPrintCount(engine, programme, scope);
	return { total, rows: total > limit ? null : await bnbaPrintRows(engine, programme, scope) };
}
