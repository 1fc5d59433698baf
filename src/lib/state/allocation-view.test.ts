import { describe, expect, it } from 'vitest';
import type { CurvePoint, VillageBudget } from '$lib/queries/allocation';
import { formatRupiah, formatRupiahShort, parseRupiah } from '$lib/ui/format';
import {
	budgetSplit,
	curveOf,
	kecamatanBudget,
	lineCell,
	moreUnits,
	programmeTotal,
	returnsOf,
	unmetView,
	unitsAt
} from './allocation-view';

function village(programme: string, kec: string, kode: string, need: number, funded: number, cost: number): VillageBudget {
	return {
		programme,
		kecamatan_kode: kec,
		kecamatan_nama: `Kec ${kec}`,
		village_kode: kode,
		village_nama: `Desa ${kode}`,
		need_units: need,
		need_rupiah: need * cost,
		funded_units: funded,
		funded_rupiah: funded * cost,
		unmet_units: need - funded,
		unmet_rupiah: (need - funded) * cost
	};
}

describe('kecamatan totals from village rows', () => {
	const rows = [
		village('rtlh', '64.02.02', '64.02.02.2001', 4, 1, 50),
		village('rtlh', '64.02.01', '64.02.01.2001', 3, 3, 50),
		village('rtlh', '64.02.02', '64.02.02.2002', 2, 0, 50),
		village('water', '64.02.01', '64.02.01.2001', 10, 5, 2)
	];
	it('sums one programme per kecamatan in code order, keeping its villages', () => {
		const k = kecamatanBudget(rows, 'rtlh');
		expect(k.map((r) => r.kecamatan_kode)).toEqual(['64.02.01', '64.02.02']);
		expect(k[1]).toMatchObject({ need_units: 6, funded_units: 1, unmet_units: 5, need_rupiah: 300, unmet_rupiah: 250 });
		expect(k[1]?.villages.map((v) => v.village_kode)).toEqual(['64.02.02.2001', '64.02.02.2002']);
	});
	it('totals a programme and reads a funding line cell (zero when absent)', () => {
		expect(programmeTotal(rows, 'water')).toMatchObject({ need_units: 10, funded_rupiah: 10 });
		expect(programmeTotal(rows, 'pip').need_units).toBe(0);
		const lines = [{ programme: 'rtlh', funding_line: 'apbd', units: 4, rupiah: 200 }];
		expect(lineCell(lines, 'rtlh', 'apbd')).toEqual({ units: 4, rupiah: 200 });
		expect(lineCell(lines, 'rtlh', 'csr')).toEqual({ units: 0, rupiah: 0 });
	});
});

describe('what more money reaches, off the coverage curve', () => {
	// Ten units at 100 each, thinned to every other point plus the last.
	const points: CurvePoint[] = [2, 4, 6, 8, 10].map((u) => ({
		programme: 'water',
		units: u,
		rupiah: u * 100,
		people: 3 * u,
		removed: 3 * u
	}));
	const curve = curveOf([...points].reverse().concat([{ programme: 'pip', units: 1, rupiah: 5, people: 1, removed: 1 }]), 'water');
	it('keeps one programme in unit order', () => {
		expect(curve.map((p) => p.units)).toEqual([2, 4, 6, 8, 10]);
	});
	it('reads units at an amount, between points and past the end', () => {
		expect(unitsAt(curve, 0)).toBe(0);
		expect(unitsAt(curve, 150)).toBe(1);
		expect(unitsAt(curve, 400)).toBe(4);
		expect(unitsAt(curve, 499)).toBe(4);
		expect(unitsAt(curve, 500)).toBe(5);
		expect(unitsAt(curve, 5000)).toBe(10);
		expect(unitsAt([], 5000)).toBe(0);
	});
	it('reads a thinned straight line exactly (no float lost to rounding down)', () => {
		const line: CurvePoint[] = [44, 88, 132].map((u) => ({ programme: 'water', units: u, rupiah: u * 2_500_000, people: u, removed: u }));
		expect(unitsAt(line, 100_000_000)).toBe(40);
		expect(moreUnits(line, 100_000_000, 100_000_000).units).toBe(40);
	});
	it('answers "Rp X more" from the funded amount, saying when the queue runs out', () => {
		// Three people a unit, each removing one deprivation: read between points, not rounded down.
		expect(moreUnits(curve, 400, 300)).toEqual({ units: 3, removed: 9, exhausted: false });
		expect(moreUnits(curve, 400, 50)).toEqual({ units: 0, removed: 1.5, exhausted: false });
		expect(moreUnits(curve, 400, 10_000)).toEqual({ units: 6, removed: 18, exhausted: true });
	});
});

describe('the budget split and the marginal return', () => {
	it('splits funded Rupiah per programme and funding line, with the unmet gap and a total row', () => {
		const villages = [village('rtlh', '64.02.01', '64.02.01.2001', 4, 3, 50), village('water', '64.02.01', '64.02.01.2001', 10, 5, 2)];
		const lines = [
			{ programme: 'rtlh', funding_line: 'apbd', units: 2, rupiah: 100 },
			{ programme: 'rtlh', funding_line: 'csr', units: 1, rupiah: 50 },
			{ programme: 'water', funding_line: 'apbd', units: 5, rupiah: 10 }
		];
		expect(budgetSplit(lines, villages, ['rtlh', 'water', 'pip'], ['apbd', 'apbn', 'csr'])).toEqual([
			{ programme: 'rtlh', byLine: [100, 0, 50], funded: 150, unmet: 50, need: 200 },
			{ programme: 'water', byLine: [10, 0, 0], funded: 10, unmet: 10, need: 20 },
			{ programme: 'pip', byLine: [0, 0, 0], funded: 0, unmet: 0, need: 0 },
			{ programme: null, byLine: [110, 0, 50], funded: 160, unmet: 60, need: 220 }
		]);
	});
	it("keeps one programme's slices in queue order", () => {
		const slice = (programme: string, n: number) => ({
			programme,
			slice: n,
			from_rupiah: n,
			to_rupiah: n + 1,
			units: 1,
			rupiah: 1,
			removed: 1,
			cumulative_units: n,
			cumulative_rupiah: n,
			cumulative_removed: n,
			per_billion: 1
		});
		expect(returnsOf([slice('pip', 2), slice('rtlh', 0), slice('pip', 0)], 'pip').map((s) => s.slice)).toEqual([0, 2]);
	});
});

describe('Rupiah formats', () => {
	it('writes full figures with id-ID separators', () => {
		expect(formatRupiah(1_234_567)).toBe('Rp 1.234.567');
		expect(formatRupiah(0)).toBe('Rp 0');
		expect(formatRupiah(null)).toBe('–');
	});
	it('writes short figures for summaries', () => {
		expect(formatRupiahShort(1_800_000)).toBe('Rp 1,8 jt');
		expect(formatRupiahShort(12_500_000_000)).toBe('Rp 12,5 M');
		expect(formatRupiahShort(450_000)).toBe('Rp 450 rb');
		expect(formatRupiahShort(20_000_000)).toBe('Rp 20 jt');
		expect(formatRupiahShort(960_000_000)).toBe('Rp 960 jt');
		expect(formatRupiahShort(999_990_000)).toBe('Rp 1 M');
		expect(formatRupiahShort(2_000_000_000_000)).toBe('Rp 2 T');
		expect(formatRupiahShort(500)).toBe('Rp 500');
	});
	it('reads typed amounts and refuses anything else', () => {
		expect(parseRupiah('5.000.000.000')).toBe(5_000_000_000);
		expect(parseRupiah('Rp 5 000 000')).toBe(5_000_000);
		expect(parseRupiah('0')).toBe(0);
		expect(parseRupiah('1,5')).toBeNull();
		expect(parseRupiah('-5')).toBeNull();
		expect(parseRupiah('')).toBeNull();
		expect(parseRupiah('lima')).toBeNull();
	});
});

describe('the unmet-need map', () => {
	it('classes unmet units per village, zero for villages without candidates, and keys the colours by the figures', () => {
		const rows = [
			village('water', '64.02.01', 'a', 10, 2, 1),
			village('water', '64.02.01', 'b', 30, 0, 1),
			village('rtlh', '64.02.01', 'c', 9, 0, 1)
		];
		const view = unmetView(rows, 'water', ['a', 'b', 'c', 'd'], 'k1');
		expect([...view.values]).toEqual([
			['a', 8],
			['b', 30],
			['c', 0],
			['d', 0]
		]);
		expect(view.paint.classOf.get('b')).toBe(view.paint.colours.length - 1);
		expect(view.paint.classOf.get('c')).toBe(0);
		expect(view.classification.counts.reduce((n, c) => n + c, 0)).toBe(4);
		expect(unmetView(rows, 'water', ['a', 'b', 'c', 'd'], 'k2').paint.key).not.toBe(view.paint.key);
	});
});
