/**
 * The table twin of a map: one row per area (village or kecamatan) with the value the map colours,
 * the count and denominator behind it, and a rank. Pure: the rows come from the AreaFigures the map
 * already holds, so sorting or switching indicator never queries DuckDB.
 *
 * Ranking rule (standard competition ranking, "1224"): rank 1 is the highest value; areas with the
 * same value share the best rank of their group and the next value's rank skips the shared places
 * (values 9, 7, 7, 5 → ranks 1, 2, 2, 4). Values compare exactly: a rate is (100 × count) /
 * denominator, a single correctly rounded division of integers, so two areas with the same ratio
 * (1/3 and 2/6) get the same number and tie. Areas without data (denominator 0, value null) get no
 * rank and come after every ranked area. An indicator the register has no column for (capabilities:
 * status 'none') is not computed at all: every row's value, count, denominator and rank is null, so no
 * table or download shows a count of 0 that was never counted.
 */
import type { IndicatorId } from './definitions';
import { valueOf, type AreaFigures, type Measure } from './figures';
import type { SortDirection } from './sql';

export interface TableRow {
	kode: string;
	nama: string;
	kecamatan_kode: string;
	kecamatan: string;
	/** What the map shows: the count or the rate per 100; null = no data. */
	value: number | null;
	/** Null when the indicator is not computed (the register has no column for it). */
	count: number | null;
	denominator: number | null;
	/** 1 = highest value; null for an area without data. */
	rank: number | null;
}

export const TABLE_COLUMNS = ['rank', 'kode', 'nama', 'kecamatan', 'value', 'count', 'denominator'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
export interface TableSort {
	column: TableColumn;
	direction: SortDirection;
}

/** The order a table opens in: by rank, neediest first. */
export const DEFAULT_SORT: TableSort = { column: 'rank', direction: 'asc' };

/** 'kecamatan' when every row is a kecamatan (kecamatanFigures gives kode = kecamatan_kode). */
export type AreaLevel = 'village' | 'kecamatan';

export function areaLevel(areas: readonly Pick<AreaFigures, 'kode' | 'kecamatan_kode'>[]): AreaLevel {
	return areas.length > 0 && areas.every((a) => a.kode === a.kecamatan_kode) ? 'kecamatan' : 'village';
}

const byKode = (a: { kode: string }, b: { kode: string }): number => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0);

/**
 * Table rows for one indicator and measure, in rank order (ties and no-data rows by kode).
 * `computed` false: the indicator could not be computed, every figure is null.
 */
export function tableRows(areas: readonly AreaFigures[], indicator: IndicatorId, measure: Measure, computed = true): TableRow[] {
	const rows: TableRow[] = areas.map((a) => {
		const figure = a.figures[indicator];
		return {
			kode: a.kode,
			nama: a.nama,
			kecamatan_kode: a.kecamatan_kode,
			kecamatan: a.kecamatan,
			value: computed ? valueOf(figure, measure) : null,
			count: computed ? figure.count : null,
			denominator: computed ? figure.denominator : null,
			rank: null
		};
	});
	const ranked = rows.filter((r) => r.value !== null).sort((a, b) => (b.value as number) - (a.value as number) || byKode(a, b));
	ranked.forEach((row, i) => {
		const previous = ranked[i - 1];
		row.rank = previous && previous.value === row.value ? previous.rank : i + 1;
	});
	return sortRows(rows, DEFAULT_SORT);
}

const collator = new Intl.Collator('id-ID', { sensitivity: 'base', numeric: true });

/** Compares two present values of a column, ascending. */
function compare(a: TableRow, b: TableRow, column: TableColumn): number {
	switch (column) {
		case 'kode':
			return byKode(a, b);
		case 'nama':
			return collator.compare(a.nama, b.nama);
		case 'kecamatan':
			return collator.compare(a.kecamatan, b.kecamatan);
		default:
			return (a[column] as number) - (b[column] as number);
	}
}

type NumericColumn = 'rank' | 'value' | 'count' | 'denominator';
const NUMERIC: ReadonlySet<TableColumn> = new Set<NumericColumn>(['rank', 'value', 'count', 'denominator']);

/**
 * The rows sorted by one column, either way, in a new array. Rows without a value in that column (no
 * data: value and rank null; nothing computed: every number null) come last in both directions; equal values fall back to kode, ascending
 * in both directions, so the order never depends on the order the rows arrived in.
 */
export function sortRows(rows: readonly TableRow[], sort: TableSort): TableRow[] {
	const sign = sort.direction === 'asc' ? 1 : -1;
	const missing = (r: TableRow): boolean => NUMERIC.has(sort.column) && r[sort.column as NumericColumn] === null;
	return [...rows].sort((a, b) => {
		const ma = missing(a);
		const mb = missing(b);
		if (ma !== mb) return ma ? 1 : -1;
		return (ma ? 0 : sign * compare(a, b, sort.column)) || byKode(a, b);
	});
}

/** The direction a header click gives: the other way on the sorted column; a new column starts where it reads best. */
export function nextSort(current: TableSort, column: TableColumn): TableSort {
	if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
	// Values, counts and denominators open highest first; rank, codes and names open from the top of the list.
	const direction: SortDirection = column === 'value' || column === 'count' || column === 'denominator' ? 'desc' : 'asc';
	return { column, direction };
}
