/**
 * Overview figures: households and people per kecamatan and village, read from the canonical
 * tables. Every reference kecamatan/village appears (zeros included); households whose village code
 * is not in the reference are counted apart (registerTotals.unmatched_households), never dropped
 * silently. Counts are cast to INTEGER so both engines hand back the same Arrow types.
 */
import type { Engine } from '../engine/types';
import { select, sqlString, withCtes, type Cte } from '../core/sql';
import { rowsOf, type RowOf } from '../core/rows';

/** Households and people per village code (any code, matched or not). */
const PER_VILLAGE_CTES: readonly Cte[] = [
	['hh', 'SELECT village_kode, count(*) AS households FROM household GROUP BY village_kode'],
	[
		'pp',
		select({
			select: ['h.village_kode', 'count(*) AS people'],
			from: 'person p',
			joins: ['JOIN household h ON h.household_id = p.household_id'],
			groupBy: ['h.village_kode']
		})
	]
];

export function overviewByKecamatanSql(): string {
	return withCtes(
		PER_VILLAGE_CTES,
		select({
			select: [
				'k.kode AS kecamatan_kode',
				'k.nama AS kecamatan_nama',
				'count(v.kode)::INTEGER AS villages',
				'coalesce(sum(hh.households), 0)::INTEGER AS households',
				'coalesce(sum(pp.people), 0)::INTEGER AS people'
			],
			from: 'kecamatan k',
			joins: [
				'LEFT JOIN village v ON v.kecamatan_kode = k.kode',
				'LEFT JOIN hh ON hh.village_kode = v.kode',
				'LEFT JOIN pp ON pp.village_kode = v.kode'
			],
			groupBy: ['k.kode', 'k.nama'],
			orderBy: ['k.kode']
		})
	);
}

export function overviewByVillageSql(kecamatanKode?: string): string {
	return withCtes(
		PER_VILLAGE_CTES,
		select({
			select: [
				'v.kode',
				'v.nama',
				'v.jenis',
				'v.kecamatan_kode',
				'v.kecamatan_nama',
				'coalesce(hh.households, 0)::INTEGER AS households',
				'coalesce(pp.people, 0)::INTEGER AS people'
			],
			from: 'village v',
			joins: ['LEFT JOIN hh ON hh.village_kode = v.kode', 'LEFT JOIN pp ON pp.village_kode = v.kode'],
			where: [kecamatanKode !== undefined && `v.kecamatan_kode = ${sqlString(kecamatanKode)}`],
			orderBy: ['v.kode']
		})
	);
}

export function registerTotalsSql(): string {
	const withData = 'SELECT count(DISTINCT h.village_kode) FROM household h JOIN village v ON v.kode = h.village_kode';
	const unmatched = 'SELECT count(*) FROM household h WHERE h.village_kode IS NULL OR h.village_kode NOT IN (SELECT kode FROM village)';
	return select({
		select: [
			'(SELECT count(*) FROM household)::INTEGER AS households',
			'(SELECT count(*) FROM person)::INTEGER AS people',
			`(${withData})::INTEGER AS villages_with_data`,
			`(${unmatched})::INTEGER AS unmatched_households`
		]
	});
}

const KECAMATAN_ROW = {
	kecamatan_kode: 'string',
	kecamatan_nama: 'string',
	villages: 'number',
	households: 'number',
	people: 'number'
} as const;
const VILLAGE_ROW = {
	kode: 'string',
	nama: 'string',
	jenis: 'string',
	kecamatan_kode: 'string',
	kecamatan_nama: 'string',
	households: 'number',
	people: 'number'
} as const;
const TOTALS_ROW = {
	households: 'number',
	people: 'number',
	villages_with_data: 'number',
	unmatched_households: 'number'
} as const;

export type KecamatanOverview = RowOf<typeof KECAMATAN_ROW>;
export type VillageOverview = RowOf<typeof VILLAGE_ROW>;
export type RegisterTotals = RowOf<typeof TOTALS_ROW>;

/** One row per reference kecamatan, ordered by code. */
export async function overviewByKecamatan(engine: Engine): Promise<KecamatanOverview[]> {
	return rowsOf(await engine.query(overviewByKecamatanSql()), KECAMATAN_ROW);
}

/** One row per reference village (of one kecamatan if given, dotted code '64.02.06'), ordered by code. */
export async function overviewByVillage(engine: Engine, kecamatanKode?: string): Promise<VillageOverview[]> {
	return rowsOf(await engine.query(overviewByVillageSql(kecamatanKode)), VILLAGE_ROW);
}

export async function registerTotals(engine: Engine): Promise<RegisterTotals> {
	const [row] = rowsOf(await engine.query(registerTotalsSql()), TOTALS_ROW);
	if (!row) throw new Error('registerTotals: no row');
	return row;
}
