/**
 * Issue 15: the landing page's figures (core/landing.ts) equal the indicator and allocation queries
 * for the same register and plan, checked against statements written here over the same tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_IDS, emptyFigures, type AreaFigures } from '../../src/lib/core/indicators';
import {
	HEADLINE_INDICATORS,
	areaBriefs,
	budgetsBy,
	sortAreaBriefs,
	kecamatanBudgets,
	programmeBudgets,
	regencyFigures,
	topVillages,
	totalBudget
} from '../../src/lib/core/landing';
import { PROGRAMME_IDS } from '../../src/lib/core/plan';
import { rowsOf } from '../../src/lib/core/rows';
import type { NodeEngine } from '../../src/lib/engine/node';
import { populationFunnel } from '../../src/lib/queries/capabilities';
import { runAllocation, villageBudget, type VillageBudget } from '../../src/lib/queries/allocation';
import { villageIndicators } from '../../src/lib/queries/indicators';
import { generatedRegisterEngine } from '../fixtures/capabilities';
import { budgetedPlan } from '../fixtures/plans';

let engine: NodeEngine;
let villages: AreaFigures[];
let budget: VillageBudget[];
const plan = budgetedPlan();

beforeAll(async () => {
	engine = await generatedRegisterEngine(4000, 23);
	villages = await villageIndicators(engine, plan);
	await runAllocation(engine, plan);
	budget = await villageBudget(engine);
}, 60_000);

afterAll(async () => {
	await engine?.close();
});

describe('the landing page figures', () => {
	it('the regency need is the sum of the villages the map shows, and the unfit houses are the housing funnel’s', async () => {
		const total = regencyFigures(villages);
		for (const id of INDICATOR_IDS) {
			expect(total[id].count).toBe(villages.reduce((s, v) => s + v.figures[id].count, 0));
			expect(total[id].denominator).toBe(villages.reduce((s, v) => s + v.figures[id].denominator, 0));
		}
		const funnel = await populationFunnel(engine, plan);
		expect(total.rtlh.count).toBe(funnel.housing.bsps.need);
		expect(total.rtlh.denominator).toBe(funnel.population);
		for (const id of HEADLINE_INDICATORS) expect(total[id].count, id).toBeGreaterThan(0);
	});

	it('need, funded and unmet per programme equal the allocation table read directly', async () => {
		const direct = rowsOf(
			await engine.query(`
				SELECT programme,
					count(*)::INTEGER AS need_units, coalesce(sum(cost), 0)::DOUBLE AS need_rupiah,
					count_if(status = 'funded')::INTEGER AS funded_units,
					coalesce(sum(cost) FILTER (WHERE status = 'funded'), 0)::DOUBLE AS funded_rupiah,
					count_if(status <> 'funded')::INTEGER AS unmet_units,
					coalesce(sum(cost) FILTER (WHERE status <> 'funded'), 0)::DOUBLE AS unmet_rupiah
				FROM allocation WHERE status <> 'excluded' GROUP BY programme`),
			{
				programme: 'string',
				need_units: 'number',
				need_rupiah: 'number',
				funded_units: 'number',
				funded_rupiah: 'number',
				unmet_units: 'number',
				unmet_rupiah: 'number'
			}
		);
		const budgets = programmeBudgets(budget);
		for (const id of PROGRAMME_IDS) {
			const row = direct.find((r) => r.programme === id);
			const b = budgets[id];
			expect([b.needUnits, b.needRupiah, b.fundedUnits, b.fundedRupiah, b.unmetUnits, b.unmetRupiah], id).toEqual(
				row ? [row.need_units, row.need_rupiah, row.funded_units, row.funded_rupiah, row.unmet_units, row.unmet_rupiah] : [0, 0, 0, 0, 0, 0]
			);
			expect(b.needUnits).toBe(b.fundedUnits + b.unmetUnits);
		}
		const funded = PROGRAMME_IDS.filter((id) => budgets[id].fundedUnits > 0);
		const unmet = PROGRAMME_IDS.filter((id) => budgets[id].unmetUnits > 0);
		expect(funded.length).toBeGreaterThan(0);
		expect(unmet.length).toBeGreaterThan(0);

		const total = totalBudget(budgets);
		const byKecamatan = [...kecamatanBudgets(budget).values()];
		expect(byKecamatan.reduce((s, b) => s + b.fundedRupiah, 0)).toBeCloseTo(total.fundedRupiah, 2);
		expect(byKecamatan.reduce((s, b) => s + b.unmetUnits, 0)).toBe(total.unmetUnits);
	});

	it('the villages most in need: most first, then the higher rate, then the code; none with nobody', () => {
		const village = (kode: string, count: number, denominator: number): AreaFigures => {
			const figures = emptyFigures();
			figures.ats = { count, denominator };
			return { kode, nama: kode, kecamatan_kode: kode.slice(0, 8), kecamatan: 'K', figures };
		};
		const rows = [
			village('64.02.01.2004', 0, 10),
			village('64.02.01.2003', 5, 50),
			village('64.02.01.2002', 5, 10),
			village('64.02.01.2001', 5, 50),
			village('64.02.01.2005', 9, 90)
		];
		expect(topVillages(rows, 'ats', 3).map((v) => v.kode)).toEqual(['64.02.01.2005', '64.02.01.2002', '64.02.01.2001']);
		expect(topVillages(rows, 'ats').length).toBe(4);
		const top = topVillages(villages, 'rtlh');
		expect(top.length).toBe(10);
		const most = Math.max(...villages.map((v) => v.figures.rtlh.count));
		expect(top[0]?.figures.rtlh.count).toBe(most);
	});

	it('per-area rows: sizes, need counts (empty when not computed or not yet there), Rupiah by area; sorted with empties last', () => {
		const byVillage = budgetsBy(budget, 'village_kode');
		const sizes = villages.slice(0, 5).map((v) => ({ kode: v.kode, nama: v.nama, villages: 1, households: 10n, people: 40 }));
		const rows = areaBriefs(sizes, villages, byVillage, new Set(['paket_b']));
		const first = villages[0];
		if (!first) throw new Error('no villages');
		expect(rows[0]).toMatchObject({
			kode: first.kode,
			households: 10,
			ats: first.figures.ats.count,
			rtlh: first.figures.rtlh.count,
			paket: null,
			funded: byVillage.get(first.kode)?.fundedRupiah ?? 0
		});
		const before = areaBriefs(sizes, [], null, new Set());
		expect(before.map((r) => [r.rtlh, r.funded])).toEqual(sizes.map(() => [null, null]));
		const mixed = [...before.slice(0, 2), ...rows.slice(2)];
		const sorted = sortAreaBriefs(mixed, { column: 'rtlh', direction: 'asc' });
		expect(sorted.slice(-2).map((r) => r.rtlh)).toEqual([null, null]);
		const counts = sorted.slice(0, 3).map((r) => r.rtlh ?? -1);
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
	});
});
