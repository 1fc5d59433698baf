import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import {
	HOUSEHOLD_INDICATOR_COLUMNS,
	INDICATORS,
	INDICATOR_IDS,
	PERSON_INDICATOR_COLUMNS,
	indicator,
	indicatorRecordCountSql,
	indicatorRecordsSql,
	kecamatanFigures,
	rateOf,
	valueOf,
	type AreaFigures,
	type IndicatorId
} from '../../src/lib/core/indicators';
import { defaultPlan, type Plan } from '../../src/lib/core/plan';
import { rowsOf } from '../../src/lib/core/rows';
import { villageIndicators } from '../../src/lib/queries/indicators';
import { V1, V2, V3, loadIndicatorFixture, handPlan } from '../fixtures/indicators';

type Expected = Partial<Record<IndicatorId, [count: number, denominator: number]>>;

function figuresOf(rows: readonly AreaFigures[], kode: string): Record<IndicatorId, [number, number]> {
	const row = rows.find((r) => r.kode === kode);
	if (!row) throw new Error(`no row ${kode}`);
	return Object.fromEntries(INDICATOR_IDS.map((id) => [id, [row.figures[id].count, row.figures[id].denominator]])) as Record<
		IndicatorId,
		[number, number]
	>;
}

/** Worked out by hand from tests/fixtures/indicators.ts under handPlan (the default, H7's missing desil counted). */
const V1_DEFAULT: Required<Expected> = {
	ats: [3, 6], // P2, P5, P7 of P2 P3 P5 P6 P7 P9 (P1 is 6, P12 deceased)
	ats_sd: [1, 2], // P2 of P2 (7), P3 (12)
	ats_smp: [1, 1], // P5 (13)
	ats_sma: [1, 3], // P7 of P6, P7 (18), P9 (16); P6 has the SMA certificate
	rtlh: [2, 4], // H2, H4 of H1–H4
	rtlh_roof: [1, 4], // H2 (H3's roof code is unknown)
	rtlh_wall: [2, 4], // H2 bamboo, H4 wall in poor condition
	rtlh_floor: [1, 4], // H2 earth
	rtlh_crowding: [1, 4], // H2 5 m²; H4 8.3 m² ≥ 7.2; H3 has no area
	water_unsafe: [2, 4], // H2 surface, H4 unprotected well
	water_conditional: [1, 4], // H3 refill
	paket_a: [1, 6], // P10 of 19+: P4 P8 P10 P11 P13 P14
	paket_b: [1, 6], // P11 (MI)
	paket_c: [1, 6] // P8 (SMP); P13 is still in school
};

const V2_DEFAULT: Required<Expected> = {
	ats: [1, 1],
	ats_sd: [1, 1],
	ats_smp: [0, 0],
	ats_sma: [0, 0],
	rtlh: [1, 1], // H7 asbestos
	rtlh_roof: [1, 1],
	rtlh_wall: [0, 1],
	rtlh_floor: [0, 1],
	rtlh_crowding: [0, 1], // floor area 0 is missing
	water_unsafe: [0, 1],
	water_conditional: [1, 1], // bottled
	paket_a: [1, 1], // P16 at 65: no age cap
	paket_b: [0, 1],
	paket_c: [0, 1]
};

const ZEROS = Object.fromEntries(INDICATOR_IDS.map((id) => [id, [0, 0]]));

function withPlan(change: (plan: Plan) => void): Plan {
	const plan = handPlan();
	change(plan);
	return plan;
}

describe('indicators on a hand-computed register', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		await loadIndicatorFixture(engine);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('default plan: every count and denominator per village', async () => {
		const rows = await villageIndicators(engine, handPlan());
		expect(rows.map((r) => r.kode)).toEqual([V1, V2, V3]);
		expect(figuresOf(rows, V1)).toEqual(V1_DEFAULT);
		expect(figuresOf(rows, V2)).toEqual(V2_DEFAULT);
		expect(figuresOf(rows, V3)).toEqual(ZEROS);
		expect(rows[0]).toMatchObject({ nama: 'Desa Satu', kecamatan_kode: '64.02.01', kecamatan: 'Satu' });
	});

	it('the default plan leaves H7, the family without desil, out: V2 has nobody left, V1 is unchanged', async () => {
		const plan = handPlan();
		plan.population.missing.desil = 'excluded';
		expect(plan.population).toEqual(defaultPlan().population);
		const rows = await villageIndicators(engine, defaultPlan());
		expect(figuresOf(rows, V1)).toEqual(V1_DEFAULT);
		expect(figuresOf(rows, V2)).toEqual(ZEROS); // H8 is unverified; H7 has no desil
	});

	it('kecamatan totals are sums of their villages; rates come from the sums', async () => {
		const [k1, k2] = kecamatanFigures(await villageIndicators(engine, handPlan()));
		expect(k1).toMatchObject({ kode: '64.02.01', nama: 'Satu' });
		expect(k1?.figures.rtlh).toEqual({ count: 3, denominator: 5 });
		expect(k1?.figures.ats).toEqual({ count: 4, denominator: 7 });
		expect(rateOf(k1!.figures.rtlh)).toBe(60);
		expect(k2?.figures.rtlh).toEqual({ count: 0, denominator: 0 });
		expect(rateOf(k2!.figures.rtlh)).toBeNull();
		expect(valueOf(k2!.figures.rtlh, 'count')).toBeNull();
		expect(valueOf({ count: 0, denominator: 4 }, 'count')).toBe(0);
	});

	it('9 m² per person makes H4 crowded too (RTLH total unchanged: its wall already counts)', async () => {
		const rows = await villageIndicators(
			engine,
			withPlan((p) => (p.indicators.housing.minFloorAreaPerPerson = 9))
		);
		expect(figuresOf(rows, V1)).toEqual({ ...V1_DEFAULT, rtlh_crowding: [2, 4] });
	});

	it('poor condition can be left out: H4 is then not RTLH', async () => {
		const rows = await villageIndicators(
			engine,
			withPlan((p) => (p.indicators.housing.poorConditionCounts = false))
		);
		expect(figuresOf(rows, V1)).toMatchObject({ rtlh: [1, 4], rtlh_wall: [1, 4] });
	});

	it('asbestos counted durable: H7 leaves RTLH', async () => {
		const rows = await villageIndicators(
			engine,
			withPlan((p) => p.indicators.housing.durableRoof.push('asbestos'))
		);
		expect(figuresOf(rows, V2)).toMatchObject({ rtlh: [0, 1], rtlh_roof: [0, 1] });
	});

	it('desil 1–10 brings in H5 and its child', async () => {
		const rows = await villageIndicators(
			engine,
			withPlan((p) => (p.population.desil = { min: 1, max: 10 }))
		);
		expect(figuresOf(rows, V1)).toMatchObject({
			rtlh: [3, 5],
			rtlh_roof: [2, 5],
			water_unsafe: [3, 5],
			ats_sd: [2, 3],
			ats: [4, 7]
		});
	});

	it('verval statuses: moved and unverified records count only when chosen', async () => {
		const rows = await villageIndicators(
			engine,
			withPlan((p) => (p.population.verval = ['found', 'moved', 'unverified']))
		);
		expect(figuresOf(rows, V1).rtlh).toEqual([3, 5]); // H6 (moved, thatch)
		expect(figuresOf(rows, V2).rtlh).toEqual([2, 2]); // H8 (unverified, thatch)
	});

	it('a Paket age cap and school bands are thresholds like any other', async () => {
		const rows = await villageIndicators(
			engine,
			withPlan((p) => {
				p.indicators.paket.a = { min: 19, max: 59 };
				p.indicators.school.sd = { min: 6, max: 12 };
			})
		);
		expect(figuresOf(rows, V2).paket_a).toEqual([0, 0]); // P16 is 65
		expect(figuresOf(rows, V1).ats_sd).toEqual([2, 3]); // P1 (6) now counts
	});

	it('the rows behind a figure: paged, sorted, stable', async () => {
		const plan = handPlan();
		const rtlh = indicator('rtlh');
		const count = await engine.query(indicatorRecordCountSql(rtlh, plan, V1));
		expect(rowsOf(count, { n: 'number' })).toEqual([{ n: 2 }]);
		const page = await engine.query(
			indicatorRecordsSql({ indicator: rtlh, plan, villageKode: V1, orderBy: 'desil', direction: 'desc', limit: 10, offset: 0 })
		);
		expect(rowsOf(page, { household_id: 'string', desil: 'number?' }).map((r) => r.household_id)).toEqual(['H4', 'H2']);
		const ats = await engine.query(
			indicatorRecordsSql({ indicator: indicator('ats'), plan, villageKode: V1, orderBy: 'age', limit: 2, offset: 1 })
		);
		expect(rowsOf(ats, { person_id: 'string', age: 'number' })).toEqual([
			{ person_id: 'P5', age: 13 },
			{ person_id: 'P7', age: 18 }
		]);
		// An unknown sort column falls back to the id rather than reaching the SQL.
		const safe = await engine.query(
			indicatorRecordsSql({ indicator: rtlh, plan, villageKode: V1, orderBy: 'x"; DROP TABLE person; --', limit: 5, offset: 0 })
		);
		expect(rowsOf(safe, { household_id: 'string' }).map((r) => r.household_id)).toEqual(['H2', 'H4']);
	});
});

describe('the columns the indicators read', () => {
	it('are all listed, so the village figures keep and group by every column a definition reads', () => {
		const plan = handPlan();
		plan.indicators.housing.poorConditionCounts = false;
		for (const settings of [handPlan().indicators, plan.indicators]) {
			for (const d of INDICATORS) {
				const sql = `${d.count(settings)} ${d.base(settings)}`;
				const read = [...sql.matchAll(/\b([hp])\.(\w+)/g)];
				expect(read.length, d.id).toBeGreaterThan(0);
				for (const [, alias, column] of read) {
					expect(alias, `${d.id} reads ${alias}.${column}`).toBe(d.unit === 'household' ? 'h' : 'p');
					const listed: readonly string[] = alias === 'h' ? HOUSEHOLD_INDICATOR_COLUMNS : PERSON_INDICATOR_COLUMNS;
					expect(listed, `${d.id} reads ${alias}.${column}`).toContain(column);
				}
			}
		}
	});
});
