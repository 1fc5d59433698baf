/**
 * The village panel's queries on the hand-computed register of tests/fixtures/indicators.ts: every
 * answer below was worked out from the fixture rows (see the comments there), and the panel's figures
 * must agree with the map's (villageIndicators) for the same plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicator } from '../../src/lib/core/indicators';
import { type Plan } from '../../src/lib/core/plan';
import { NodeEngine } from '../../src/lib/engine/node';
import { villageIndicators } from '../../src/lib/queries/indicators';
import {
	schoolAges,
	villageAtsByAge,
	villageBreakdown,
	villageComponents,
	villageDesil,
	villageRecordCount,
	villageRecords,
	villageSummary,
	villageWater,
	type AtsAgeRow
} from '../../src/lib/queries/village-panel';
import { V1, V2, V3, loadIndicatorFixture, handPlan } from '../fixtures/indicators';

function withPlan(change: (plan: Plan) => void): Plan {
	const plan = handPlan();
	change(plan);
	return plan;
}

/** Ages with any child, as [age, children M/F/unknown, out of school M/F/unknown]. */
function nonZero(rows: readonly AtsAgeRow[]): [number, number[], number[]][] {
	return rows
		.filter((r) => r.children.M + r.children.F + r.children.unknown > 0)
		.map((r) => [r.age, [r.children.M, r.children.F, r.children.unknown], [r.outOfSchool.M, r.outOfSchool.F, r.outOfSchool.unknown]]);
}

describe('village panel queries on a hand-computed register', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		await loadIndicatorFixture(engine);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('summary: name, kecamatan and the population counts; none for a code outside the reference', async () => {
		// V1 population: H1–H4 (H5 desil 5, H6 moved); people P1–P11, P13, P14 (P12 deceased).
		expect(await villageSummary(engine, handPlan(), V1)).toEqual({
			kode: V1,
			nama: 'Desa Satu',
			jenis: 'desa',
			kecamatan_kode: '64.02.01',
			kecamatan_nama: 'Satu',
			households: 4,
			people: 13
		});
		expect(await villageSummary(engine, handPlan(), V3)).toMatchObject({ households: 0, people: 0 });
		expect(await villageSummary(engine, handPlan(), '64.02.99.2001')).toBeNull();
	});

	it('RTLH components: deprived, adequate and unknown add up to the households', async () => {
		const c = await villageComponents(engine, handPlan(), V1);
		expect(c.households).toBe(4);
		expect(c.rtlh).toBe(2); // H2, H4
		expect(c.components).toEqual([
			// H2 thatch; H3's roof code is unknown; H1 zinc, H4 tile.
			{ component: 'roof', indicator: 'rtlh_roof', deprived: 1, adequate: 2, unknown: 1 },
			// H2 bamboo, H4 wood in poor condition; H1, H3 masonry.
			{ component: 'wall', indicator: 'rtlh_wall', deprived: 2, adequate: 2, unknown: 0 },
			// H2 earth.
			{ component: 'floor', indicator: 'rtlh_floor', deprived: 1, adequate: 3, unknown: 0 },
			// H2 5 m² each; H1 12.5, H4 8.3; H3 has no floor area.
			{ component: 'crowding', indicator: 'rtlh_crowding', deprived: 1, adequate: 2, unknown: 1 }
		]);
		// H7: asbestos roof, floor area 0 (unknown crowding).
		const v2 = await villageComponents(engine, handPlan(), V2);
		expect(v2).toMatchObject({ households: 1, rtlh: 1 });
		expect(v2.components.map((x) => [x.component, x.deprived, x.adequate, x.unknown])).toEqual([
			['roof', 1, 0, 0],
			['wall', 0, 1, 0],
			['floor', 0, 1, 0],
			['crowding', 0, 0, 1]
		]);
		expect(await villageComponents(engine, handPlan(), V3)).toMatchObject({ households: 0, rtlh: 0 });
	});

	it('components follow the plan: 9 m² makes H4 crowded, ignoring condition makes its wall adequate', async () => {
		const nine = await villageComponents(
			engine,
			withPlan((p) => (p.indicators.housing.minFloorAreaPerPerson = 9)),
			V1
		);
		expect(nine.components[3]).toMatchObject({ component: 'crowding', deprived: 2, adequate: 1, unknown: 1 });
		const noCondition = await villageComponents(
			engine,
			withPlan((p) => (p.indicators.housing.poorConditionCounts = false)),
			V1
		);
		expect(noCondition.rtlh).toBe(1);
		expect(noCondition.components[1]).toMatchObject({ component: 'wall', deprived: 1, adequate: 3 });
	});

	it('the components agree with the map figures for every village', async () => {
		for (const plan of [handPlan(), withPlan((p) => (p.population.desil = { min: 1, max: 10 }))]) {
			const map = await villageIndicators(engine, plan);
			for (const kode of [V1, V2, V3]) {
				const figures = map.find((r) => r.kode === kode)?.figures;
				const c = await villageComponents(engine, plan, kode);
				expect(c.rtlh).toBe(figures?.rtlh.count);
				expect(c.households).toBe(figures?.rtlh.denominator);
				for (const x of c.components) expect(x.deprived, `${kode} ${x.component}`).toBe(figures?.[x.indicator].count);
			}
		}
	});

	it('ATS by single year of age and sex over the plan’s school bands', async () => {
		const plan = handPlan();
		expect(schoolAges(plan.indicators)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
		const v1 = await villageAtsByAge(engine, plan, V1);
		expect(v1.map((r) => r.age)).toEqual(schoolAges(plan.indicators));
		// Children P2 (7), P3 (12), P5 (13), P9 (16), P6 and P7 (18), all boys; out of school P2, P5, P7.
		expect(nonZero(v1)).toEqual([
			[7, [1, 0, 0], [1, 0, 0]],
			[12, [1, 0, 0], [0, 0, 0]],
			[13, [1, 0, 0], [1, 0, 0]],
			[16, [1, 0, 0], [0, 0, 0]],
			[18, [2, 0, 0], [1, 0, 0]]
		]);
		const total = v1.reduce((sum, r) => sum + r.outOfSchool.M + r.outOfSchool.F + r.outOfSchool.unknown, 0);
		expect(total).toBe(3); // the map's ATS count for V1
		// V2: P15, a girl of 10, out of school.
		expect(nonZero(await villageAtsByAge(engine, plan, V2))).toEqual([[10, [0, 1, 0], [0, 1, 0]]]);
	});

	it('ATS ages follow the school bands: SD from 6 brings in P1', async () => {
		const plan = withPlan((p) => (p.indicators.school.sd = { min: 6, max: 12 }));
		const v1 = await villageAtsByAge(engine, plan, V1);
		expect(v1[0]).toEqual({ age: 6, children: { M: 1, F: 0, unknown: 0 }, outOfSchool: { M: 1, F: 0, unknown: 0 } });
		expect(v1).toHaveLength(13);
	});

	it('water sources with the plan’s safe / conditional / unsafe marks', async () => {
		// H1 tap, H2 surface, H3 refill, H4 unprotected well (canonical order).
		expect(await villageWater(engine, handPlan(), V1)).toEqual([
			{ water: 'refill', safety: 'conditional', households: 1 },
			{ water: 'tap', safety: 'safe', households: 1 },
			{ water: 'unprotected_well', safety: 'unsafe', households: 1 },
			{ water: 'surface', safety: 'unsafe', households: 1 }
		]);
		// Refill counted safe by the plan: no longer conditional.
		const refillSafe = withPlan((p) => {
			p.indicators.water.safe.push('refill');
			p.indicators.water.conditional = ['bottled'];
		});
		expect((await villageWater(engine, refillSafe, V1))[0]).toEqual({ water: 'refill', safety: 'safe', households: 1 });
		expect(await villageWater(engine, handPlan(), V3)).toEqual([]);
	});

	it('desil profile under the verval filter only, with the plan’s range marked', async () => {
		// H1–H5 (H5 is desil 5, outside the range but shown); H6 moved is not a valid record.
		const v1 = await villageDesil(engine, handPlan(), V1);
		expect(v1.map((r) => [r.desil, r.households, r.inPopulation])).toEqual([
			[1, 1, true],
			[2, 1, true],
			[3, 1, true],
			[4, 1, true],
			[5, 1, false],
			[6, 0, false],
			[7, 0, false],
			[8, 0, false],
			[9, 0, false],
			[10, 0, false],
			[null, 0, true]
		]);
		// H7 has no desil; H8 is unverified.
		const v2 = await villageDesil(engine, handPlan(), V2);
		expect(v2.filter((r) => r.households > 0)).toEqual([{ desil: null, households: 1, inPopulation: true }]);
		const withUnverified = await villageDesil(
			engine,
			withPlan((p) => p.population.verval.push('unverified')),
			V2
		);
		expect(withUnverified.filter((r) => r.households > 0).map((r) => [r.desil, r.households])).toEqual([
			[2, 1],
			[null, 1]
		]);
	});

	it('breakdown gathers every figure of one village', async () => {
		const b = await villageBreakdown(engine, handPlan(), V1);
		expect(b.kode).toBe(V1);
		expect(b.summary?.nama).toBe('Desa Satu');
		expect(b.components.rtlh).toBe(2);
		expect(b.ages).toHaveLength(12);
		expect(b.water).toHaveLength(4);
		expect(b.desil).toHaveLength(11);
	});

	it('records: typed pages of households and people behind a figure', async () => {
		const plan = handPlan();
		const rtlh = indicator('rtlh');
		expect(await villageRecordCount(engine, rtlh, plan, V1)).toBe(2);
		const households = await villageRecords(engine, {
			indicator: rtlh,
			plan,
			villageKode: V1,
			orderBy: 'floor_area',
			direction: 'desc',
			limit: 25,
			offset: 0
		});
		expect(households.map((r) => [r.household_id, r.floor_area, r.roof, r.desil, r.members])).toEqual([
			['H4', 25, 'tile', 4, 3],
			['H2', 20, 'thatch', 2, 4]
		]);
		const ats = indicator('ats');
		expect(await villageRecordCount(engine, ats, plan, V1)).toBe(3);
		const people = await villageRecords(engine, { indicator: ats, plan, villageKode: V1, limit: 2, offset: 2 });
		expect(people).toEqual([expect.objectContaining({ person_id: 'P7', household_id: 'H2', age: 18, sex: 'M', desil: 2 })]);
		expect(await villageRecordCount(engine, indicator('paket_a'), plan, V3)).toBe(0);
	});
});
