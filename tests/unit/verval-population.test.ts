/**
 * Issue 13 point 2: the verified set is what the population reads. On the hand-made register of
 * tests/fixtures/indicators.ts (figures worked out in tests/unit/indicators.test.ts), field results
 * take out household H2 (every member moved), P2 (deceased) and P15 (living outside the regency);
 * P13 is found (H4 verified, no change) and P9 has an open conflict (keeps the register's standing).
 * Every figure below is worked out by hand from those changes; with no results at all, the verified
 * set's figures are the register's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql } from '../../src/lib/core/catalog';
import { INDICATOR_IDS, type AreaFigures, type IndicatorId } from '../../src/lib/core/indicators';
import { PROGRAMME_IDS } from '../../src/lib/core/plan';
import { candidatesSql } from '../../src/lib/core/programs';
import { rowsOf } from '../../src/lib/core/rows';
import { resolveHouseholdStatements, resolvePersonStatements } from '../../src/lib/core/verval/resolve';
import { NodeEngine } from '../../src/lib/engine/node';
import { populationFunnel } from '../../src/lib/queries/capabilities';
import { villageIndicators } from '../../src/lib/queries/indicators';
import { villageRecordCount, villageSummary } from '../../src/lib/queries/village-panel';
import { INDICATORS } from '../../src/lib/core/indicators';
import { V1, V2, loadIndicatorFixture, handPlan } from '../fixtures/indicators';

type Figures = Record<IndicatorId, [number, number]>;

function figuresOf(rows: readonly AreaFigures[], kode: string): Figures {
	const row = rows.find((r) => r.kode === kode);
	if (!row) throw new Error(`no row ${kode}`);
	return Object.fromEntries(INDICATOR_IDS.map((id) => [id, [row.figures[id].count, row.figures[id].denominator]])) as Figures;
}

const V1_VERIFIED: Figures = {
	ats: [0, 2], // P3, P9 of school age; P2 deceased, P5–P7 moved
	ats_sd: [0, 1], // P3
	ats_smp: [0, 0],
	ats_sma: [0, 1], // P9
	rtlh: [1, 3], // H4 of H1, H3, H4
	rtlh_roof: [0, 3],
	rtlh_wall: [1, 3], // H4
	rtlh_floor: [0, 3],
	rtlh_crowding: [0, 3],
	water_unsafe: [1, 3], // H4
	water_conditional: [1, 3], // H3
	paket_a: [1, 5], // P10 of P4 P10 P11 P13 P14
	paket_b: [1, 5], // P11
	paket_c: [0, 5] // P8 moved
};

const V2_VERIFIED: Figures = {
	ats: [0, 0], // P15 lives outside the regency
	ats_sd: [0, 0],
	ats_smp: [0, 0],
	ats_sma: [0, 0],
	rtlh: [1, 1], // H7 stays: P16 was not checked
	rtlh_roof: [1, 1],
	rtlh_wall: [0, 1],
	rtlh_floor: [0, 1],
	rtlh_crowding: [0, 1],
	water_unsafe: [0, 1],
	water_conditional: [1, 1],
	paket_a: [1, 1], // P16
	paket_b: [0, 1],
	paket_c: [0, 1]
};

describe('the population reads the verified set', () => {
	let engine: NodeEngine;
	const plan = handPlan();
	const resolve = async () => {
		for (const s of [...resolvePersonStatements(), ...resolveHouseholdStatements()]) await engine.exec(s);
	};
	const units = async (programme: (typeof PROGRAMME_IDS)[number], source: 'register' | 'field') =>
		new Set(
			rowsOf(await engine.query(`SELECT unit_id FROM (${candidatesSql(plan, programme, null, source)})`), { unit_id: 'string' }).map(
				(r) => r.unit_id
			)
		);

	beforeAll(async () => {
		engine = await NodeEngine.open();
		await loadIndicatorFixture(engine);
		for (const t of ['verval_result', 'verval_decision'] as const) await engine.exec(createTableSql(t));
	});
	afterAll(async () => {
		await engine.close();
	});

	it('with no results, the verified set is the register', async () => {
		await resolve();
		expect(await villageIndicators(engine, plan, 'field')).toEqual(await villageIndicators(engine, plan, 'register'));
		expect(await populationFunnel(engine, plan, 'field')).toEqual(await populationFunnel(engine, plan, 'register'));
	});

	it('figures drop by exactly the households and people that left', async () => {
		const results: [string, string, string][] = [
			['P5', 'moved', 'Pindah'],
			['P6', 'moved', 'Pindah'],
			['P7', 'moved', 'Pindah'],
			['P8', 'moved', 'Pindah'],
			['P2', 'deceased', 'Meninggal'],
			['P15', 'out_of_regency', 'Di luar kabupaten'],
			['P13', 'found', 'Ditemukan'],
			['P9', 'found', 'Ditemukan'],
			['P9', 'moved', 'Pindah']
		];
		await engine.exec(
			`INSERT INTO verval_result (round, source_file, source_row, record_id, outcome, answer) VALUES ${results
				.map(([id, outcome, answer], i) => `(1, 'r1.csv', ${i + 1}, '${id}', '${outcome}', '${answer}')`)
				.join(', ')}`
		);
		await resolve();
		const verified = await villageIndicators(engine, plan, 'field');
		expect(figuresOf(verified, V1)).toEqual(V1_VERIFIED);
		expect(figuresOf(verified, V2)).toEqual(V2_VERIFIED);
		// The register's own figures are untouched (indicators.test.ts has them).
		expect(figuresOf(await villageIndicators(engine, plan, 'register'), V1).ats).toEqual([3, 6]);
	});

	it('the funnel and the village panel count the verified set', async () => {
		const register = await populationFunnel(engine, plan, 'register');
		const verified = await populationFunnel(engine, plan, 'field');
		// H2 leaves: one household fewer with a valid status and in the population.
		expect(verified.verval).toBe(register.verval - 1);
		expect(verified.population).toBe(register.population - 1);
		expect(await villageSummary(engine, plan, V1, 'field')).toMatchObject({ households: 3, people: 8 });
		const ats = INDICATORS.find((d) => d.id === 'ats');
		if (!ats) throw new Error('no ats');
		expect(await villageRecordCount(engine, ats, plan, V1, 'register')).toBe(3);
		expect(await villageRecordCount(engine, ats, plan, V1, 'field')).toBe(0);
	});

	it('candidates lose exactly the units that left, and no others', async () => {
		// H2 owns house and land, is RTLH and drinks surface water: a candidate for every household programme.
		const leaving: Record<string, string[]> = { pip: ['P15', 'P2', 'P5', 'P7'], paket: ['P8'], water: ['H2'], bsps: ['H2'], rtlh: ['H2'] };
		for (const programme of PROGRAMME_IDS) {
			const register = await units(programme, 'register');
			const field = await units(programme, 'field');
			expect({ programme, extra: [...field].filter((u) => !register.has(u)) }).toEqual({ programme, extra: [] });
			const gone = [...register].filter((u) => !field.has(u)).sort();
			expect({ programme, gone }).toEqual({ programme, gone: leaving[programme] });
		}
	});
});
