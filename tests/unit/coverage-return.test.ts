/**
 * The coverage curve with people and deprivations removed, and the marginal return per budget slice,
 * on DuckDB for real over the hand-made register of tests/fixtures/coverage.ts (every figure worked
 * out by hand there). The queue puts the neediest first, so the return per Rupiah never rises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { coverageCurve, marginalReturn, runAllocation, type ReturnSlice } from '../../src/lib/queries/allocation';
import { coveragePlan, loadCoverageFixture } from '../fixtures/coverage';

const M = 1_000_000;

describe('coverage and its marginal return on the hand-made register', () => {
	let engine: NodeEngine;
	const plan = coveragePlan();

	beforeAll(async () => {
		engine = await NodeEngine.open();
		await loadCoverageFixture(engine);
		await runAllocation(engine, plan);
	});
	afterAll(async () => {
		await engine.close();
	});

	const of = <T extends { programme: string }>(rows: readonly T[], programme: string) => rows.filter((r) => r.programme === programme);
	const slices = (rows: readonly ReturnSlice[], programme: string) =>
		of(rows, programme).map((s) => [s.slice, s.from_rupiah, s.to_rupiah, s.units, s.rupiah, s.removed, s.cumulative_removed]);

	it('the curve: cumulative Rupiah, units, people and deprivations removed down each queue', async () => {
		const curve = await coverageCurve(engine, plan);
		const points = (programme: string) => of(curve, programme).map((p) => [p.rupiah, p.units, p.people, p.removed]);
		// R1, R2 (desil 1, the larger first), R3, R4.
		expect(points('rtlh')).toEqual([
			[50 * M, 1, 5, 20],
			[100 * M, 2, 9, 32],
			[150 * M, 3, 12, 35],
			[200 * M, 4, 14, 37]
		]);
		expect(points('water')).toEqual([
			[2.5 * M, 1, 5, 5],
			[5 * M, 2, 9, 9],
			[7.5 * M, 3, 12, 10.5]
		]);
		expect(points('pip')).toEqual([
			[225_000, 1, 1, 1],
			[675_000, 2, 2, 1.5],
			[1_425_000, 3, 3, 2]
		]);
		expect(points('paket')).toEqual([
			[450_000, 1, 1, 1],
			[2_250_000, 2, 2, 2]
		]);
		expect(of(curve, 'bsps')).toEqual([]);
	});

	it('four slices: round widths, a unit in the slice where its running cost ends, empty slices left out', async () => {
		const rows = await marginalReturn(engine, plan, 4);
		// 200 M / 4 = 50 M, a round width.
		expect(slices(rows, 'rtlh')).toEqual([
			[0, 0, 50 * M, 1, 50 * M, 20, 20],
			[1, 50 * M, 100 * M, 1, 50 * M, 12, 32],
			[2, 100 * M, 150 * M, 1, 50 * M, 3, 35],
			[3, 150 * M, 200 * M, 1, 50 * M, 2, 37]
		]);
		// 7.5 M / 4 = 1.875 M → 2 M slices: the first connection ends at 2.5 M, in the second slice.
		expect(slices(rows, 'water')).toEqual([
			[1, 2 * M, 4 * M, 1, 2.5 * M, 5, 5],
			[2, 4 * M, 6 * M, 1, 2.5 * M, 4, 9],
			[3, 6 * M, 8 * M, 1, 2.5 * M, 1.5, 10.5]
		]);
		// 1.425 M / 4 = 356.250 → 500.000.
		expect(slices(rows, 'pip')).toEqual([
			[0, 0, 500_000, 1, 225_000, 1, 1],
			[1, 500_000, 1_000_000, 1, 450_000, 0.5, 1.5],
			[2, 1_000_000, 1_500_000, 1, 750_000, 0.5, 2]
		]);
		// 2.25 M / 4 = 562.500 → 1 M.
		expect(slices(rows, 'paket')).toEqual([
			[0, 0, 1 * M, 1, 450_000, 1, 1],
			[2, 2 * M, 3 * M, 1, 1.8 * M, 1, 2]
		]);
		const perBillion = (programme: string) => of(rows, programme).map((s) => Math.round(s.per_billion * 100) / 100);
		// 20 / 50 M × 1 bn = 400, then 12, 3 and 2 per 50 M.
		expect(perBillion('rtlh')).toEqual([400, 240, 60, 40]);
		expect(perBillion('water')).toEqual([2000, 1600, 600]);
		expect(perBillion('pip')).toEqual([4444.44, 1111.11, 666.67]);
		expect(perBillion('paket')).toEqual([2222.22, 555.56]);
	});

	it('two slices hold two units each, and the return falls (never rises) in priority order', async () => {
		const rows = await marginalReturn(engine, plan, 2);
		// 100 M slices: R1 + R2 remove 32, R3 + R4 5.
		expect(of(rows, 'rtlh').map((s) => [s.units, s.removed, s.per_billion])).toEqual([
			[2, 32, 320],
			[2, 5, 50]
		]);
		// 5 M slices: R1 + R2 remove 9 for 5 M, R3 1.5 for 2.5 M.
		expect(of(rows, 'water').map((s) => [s.units, s.removed, s.per_billion])).toEqual([
			[2, 9, 1800],
			[1, 1.5, 600]
		]);
		for (const slicesOf of [rows, await marginalReturn(engine, plan, 4), await marginalReturn(engine, plan, 12)]) {
			for (const programme of ['rtlh', 'water', 'pip', 'paket']) {
				const returns = of(slicesOf, programme).map((s) => s.per_billion);
				expect(returns.length, programme).toBeGreaterThan(0);
				returns.forEach((r, i) => expect(r, `${programme} slice ${i}`).toBeLessThanOrEqual(returns[i - 1] ?? r));
			}
		}
	});

	it('the slices add up to the curve: units, Rupiah and deprivations removed of the whole queue', async () => {
		const curve = await coverageCurve(engine, plan);
		const rows = await marginalReturn(engine, plan, 12);
		for (const programme of ['rtlh', 'water', 'pip', 'paket']) {
			const last = of(curve, programme).at(-1);
			const sum = (f: (s: ReturnSlice) => number) => of(rows, programme).reduce((t, s) => t + f(s), 0);
			expect([sum((s) => s.units), sum((s) => s.rupiah), sum((s) => s.removed)]).toEqual([last?.units, last?.rupiah, last?.removed]);
		}
	});
});
