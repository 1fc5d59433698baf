import { describe, expect, it } from 'vitest';
import { emptyFigures, kecamatanFigures, type AreaFigures } from './figures';
import { DEFAULT_SORT, areaLevel, nextSort, sortRows, tableRows, type TableRow } from './table';

/** A village with RTLH count/denominator as given (other indicators empty). */
function village(kode: string, nama: string, kecamatan: string, count: number, denominator: number): AreaFigures {
	const figures = emptyFigures();
	figures.rtlh = { count, denominator };
	return { kode, nama, kecamatan_kode: kode.slice(0, 8), kecamatan, figures };
}

// Rates: A 50, B 33.33 (1/3), C 33.33 (2/6), D no data, E 0, F 50 (2/4), G 100 (1/1).
const VILLAGES: AreaFigures[] = [
	village('64.02.01.2001', 'Alpha', 'Samboja', 5, 10),
	village('64.02.01.2002', 'Beta', 'Samboja', 1, 3),
	village('64.02.02.2001', 'Citra', 'Muara Kaman', 2, 6),
	village('64.02.02.2002', 'Delta', 'Muara Kaman', 0, 0),
	village('64.02.02.2003', 'Eka', 'Muara Kaman', 0, 8),
	village('64.02.03.1001', '=Fiktif', 'Tenggarong', 2, 4),
	village('64.02.03.1002', 'gamma', 'Tenggarong', 1, 1)
];

const pick = (rows: TableRow[], key: keyof TableRow) => rows.map((r) => r[key]);

describe('table twin rows', () => {
	it('an indicator not computed (no column for it): every number is null, never 0, and rows sort by kode under any column', () => {
		const rows = tableRows(VILLAGES, 'rtlh', 'rate', false);
		expect(rows.map((r) => [r.value, r.count, r.denominator, r.rank])).toEqual(VILLAGES.map(() => [null, null, null, null]));
		expect(pick(rows, 'kode')).toEqual(VILLAGES.map((v) => v.kode));
		for (const column of ['count', 'denominator', 'value', 'rank'] as const) {
			for (const direction of ['asc', 'desc'] as const) {
				expect(pick(sortRows(rows, { column, direction }), 'kode')).toEqual(VILLAGES.map((v) => v.kode));
			}
		}
	});

	it('rates: value, count, denominator and competition ranks (ties share, next skips, no data unranked and last)', () => {
		const rows = tableRows(VILLAGES, 'rtlh', 'rate');
		expect(rows.map((r) => [r.nama, r.value === null ? null : Math.round(r.value * 100) / 100, r.rank])).toEqual([
			['gamma', 100, 1],
			['Alpha', 50, 2],
			['=Fiktif', 50, 2],
			['Beta', 33.33, 4],
			['Citra', 33.33, 4],
			['Eka', 0, 6],
			['Delta', null, null]
		]);
		// 1/3 and 2/6 are exactly the same number, so they tie.
		expect(rows[3]?.value).toBe(rows[4]?.value);
		const delta = rows.find((r) => r.nama === 'Delta');
		expect(delta).toMatchObject({ count: 0, denominator: 0, value: null, rank: null });
		expect(rows[0]).toEqual({
			kode: '64.02.03.1002',
			nama: 'gamma',
			kecamatan_kode: '64.02.03',
			kecamatan: 'Tenggarong',
			value: 100,
			count: 1,
			denominator: 1,
			rank: 1
		});
	});

	it('counts: ranks by count, ties by kode; a zero count with a denominator is a value, not no data', () => {
		const rows = tableRows(VILLAGES, 'rtlh', 'count');
		expect(rows.map((r) => [r.nama, r.value, r.rank])).toEqual([
			['Alpha', 5, 1],
			['Citra', 2, 2],
			['=Fiktif', 2, 2],
			['Beta', 1, 4],
			['gamma', 1, 4],
			['Eka', 0, 6],
			['Delta', null, null]
		]);
	});

	it('another indicator of the same areas: all empty → no ranks at all', () => {
		const rows = tableRows(VILLAGES, 'ats', 'rate');
		expect(pick(rows, 'rank').every((r) => r === null)).toBe(true);
		expect(pick(rows, 'kode')).toEqual(VILLAGES.map((v) => v.kode));
	});
});

describe('sorting', () => {
	const rows = tableRows(VILLAGES, 'rtlh', 'rate');

	it('by value both ways; no data last either way; ties by kode ascending', () => {
		expect(pick(sortRows(rows, { column: 'value', direction: 'desc' }), 'nama')).toEqual([
			'gamma',
			'Alpha',
			'=Fiktif',
			'Beta',
			'Citra',
			'Eka',
			'Delta'
		]);
		expect(pick(sortRows(rows, { column: 'value', direction: 'asc' }), 'nama')).toEqual([
			'Eka',
			'Beta',
			'Citra',
			'Alpha',
			'=Fiktif',
			'gamma',
			'Delta'
		]);
	});

	it('by rank: ascending is the default order; descending puts rank 6 first and no data still last', () => {
		expect(sortRows(rows, DEFAULT_SORT)).toEqual(rows);
		expect(pick(sortRows(rows, { column: 'rank', direction: 'desc' }), 'nama')).toEqual([
			'Eka',
			'Beta',
			'Citra',
			'Alpha',
			'=Fiktif',
			'gamma',
			'Delta'
		]);
	});

	it('by name (case-insensitive, id-ID), kecamatan (ties by kode), kode, count and denominator', () => {
		expect(pick(sortRows(rows, { column: 'nama', direction: 'asc' }), 'nama')).toEqual([
			'=Fiktif',
			'Alpha',
			'Beta',
			'Citra',
			'Delta',
			'Eka',
			'gamma'
		]);
		expect(pick(sortRows(rows, { column: 'nama', direction: 'desc' }), 'nama')).toEqual([
			'gamma',
			'Eka',
			'Delta',
			'Citra',
			'Beta',
			'Alpha',
			'=Fiktif'
		]);
		expect(pick(sortRows(rows, { column: 'kecamatan', direction: 'asc' }), 'nama')).toEqual([
			'Citra',
			'Delta',
			'Eka',
			'Alpha',
			'Beta',
			'=Fiktif',
			'gamma'
		]);
		expect(pick(sortRows(rows, { column: 'kecamatan', direction: 'desc' }), 'nama')).toEqual([
			'=Fiktif',
			'gamma',
			'Alpha',
			'Beta',
			'Citra',
			'Delta',
			'Eka'
		]);
		expect(pick(sortRows(rows, { column: 'kode', direction: 'desc' }), 'kode')).toEqual(VILLAGES.map((v) => v.kode).reverse());
		expect(pick(sortRows(rows, { column: 'count', direction: 'desc' }), 'nama')).toEqual([
			'Alpha',
			'Citra',
			'=Fiktif',
			'Beta',
			'gamma',
			'Delta',
			'Eka'
		]);
		expect(pick(sortRows(rows, { column: 'denominator', direction: 'asc' }), 'nama')).toEqual([
			'Delta',
			'gamma',
			'Beta',
			'=Fiktif',
			'Citra',
			'Eka',
			'Alpha'
		]);
	});

	it('does not depend on the input order and does not change its input', () => {
		const shuffled = [rows[4], rows[0], rows[6], rows[2], rows[5], rows[1], rows[3]] as TableRow[];
		const copy = [...shuffled];
		for (const column of ['value', 'rank', 'nama', 'kecamatan', 'count'] as const) {
			for (const direction of ['asc', 'desc'] as const) {
				expect(sortRows(shuffled, { column, direction })).toEqual(sortRows(rows, { column, direction }));
			}
		}
		expect(shuffled).toEqual(copy);
		expect(tableRows([...VILLAGES].reverse(), 'rtlh', 'rate')).toEqual(rows);
	});

	it('a header click flips the sorted column; a new numeric column opens highest first', () => {
		expect(nextSort(DEFAULT_SORT, 'rank')).toEqual({ column: 'rank', direction: 'desc' });
		expect(nextSort(DEFAULT_SORT, 'value')).toEqual({ column: 'value', direction: 'desc' });
		expect(nextSort({ column: 'value', direction: 'desc' }, 'value')).toEqual({ column: 'value', direction: 'asc' });
		expect(nextSort(DEFAULT_SORT, 'nama')).toEqual({ column: 'nama', direction: 'asc' });
	});
});

describe('kecamatan level', () => {
	it('sums villages into kecamatan rows, ranks the recomputed rates, and knows its level', () => {
		const kecamatan = kecamatanFigures(VILLAGES);
		expect(areaLevel(kecamatan)).toBe('kecamatan');
		expect(areaLevel(VILLAGES)).toBe('village');
		expect(areaLevel([])).toBe('village');
		// Samboja 6/13 = 46.15, Muara Kaman 2/14 = 14.29, Tenggarong 3/5 = 60.
		const rows = tableRows(kecamatan, 'rtlh', 'rate');
		expect(rows.map((r) => [r.nama, r.count, r.denominator, r.rank])).toEqual([
			['Tenggarong', 3, 5, 1],
			['Samboja', 6, 13, 2],
			['Muara Kaman', 2, 14, 3]
		]);
	});
});
