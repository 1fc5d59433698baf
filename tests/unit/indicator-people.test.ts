/**
 * Issue 14: the Map screen counts its population's people once (INDICATOR_PEOPLE_TABLE) and a threshold
 * change reads those counts. The figures from the table must equal the figures of the one statement
 * that counts the people itself, for every village and indicator, under other thresholds and other
 * populations; and the table is rebuilt for another population or register, and only then. The same
 * figures again in two parts (households', people's), of which a threshold change runs only its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_PEOPLE_TABLE } from '../../src/lib/core/indicators';
import { defaultPlan, type Plan } from '../../src/lib/core/plan';
import type { NodeEngine } from '../../src/lib/engine/node';
import { IndicatorParts, preparePeopleCounts, villageIndicators, villageIndicatorsByPart } from '../../src/lib/queries/indicators';
import { generatedRegisterEngine } from '../fixtures/capabilities';

describe('indicator figures from the counted people equal those counting every person', () => {
	let engine: NodeEngine;
	let held: string | null = null;
	const parts = new IndicatorParts();
	/** The statements of the last villageIndicatorsByPart. */
	let ran: string[] = [];

	/** Figures both ways; returns whether the people table was built again. */
	async function expectSame(plan: Plan, data = 'register-1'): Promise<boolean> {
		const before = held;
		held = await preparePeopleCounts(engine, plan.population, 'register', data, held);
		const fromTable = await villageIndicators(engine, plan, 'register', INDICATOR_PEOPLE_TABLE);
		const direct = await villageIndicators(engine, plan);
		expect(fromTable).toEqual(direct);
		ran = [];
		const recording = Object.assign(Object.create(engine) as NodeEngine, {
			query: (sql: string) => {
				ran.push(sql);
				return engine.query(sql);
			}
		});
		const byPart = await villageIndicatorsByPart(recording, plan, 'register', { data, people: held }, parts);
		expect(byPart).toEqual(direct);
		// Somebody is counted: the comparison is not of two empty lists.
		expect(direct.reduce((sum, v) => sum + v.figures.ats.denominator, 0)).toBeGreaterThan(0);
		return held !== before;
	}

	beforeAll(async () => {
		engine = await generatedRegisterEngine(4000, 33);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('under the default plan, other thresholds, and other populations', async () => {
		const plan = defaultPlan();
		expect(await expectSame(plan)).toBe(true);
		expect(ran).toHaveLength(2);
		plan.indicators.housing.minFloorAreaPerPerson = 9;
		expect(await expectSame(plan)).toBe(false);
		expect(ran).toEqual([expect.stringContaining('rtlh_crowding_count')]);
		plan.indicators.school.sd = { min: 6, max: 12 };
		expect(await expectSame(plan)).toBe(false);
		expect(ran).toEqual([expect.stringContaining('ats_count')]);
		expect(await expectSame(plan)).toBe(false);
		expect(ran).toEqual([]);
		plan.population.desil = { min: 1, max: 2 };
		expect(await expectSame(plan)).toBe(true);
		plan.population.verval = ['found', 'unverified'];
		expect(await expectSame(plan)).toBe(true);
		plan.population.missing.desil = plan.population.missing.desil === 'excluded' ? 'counted' : 'excluded';
		expect(await expectSame(plan)).toBe(true);
		// Another register (or other statuses): built again though the population is the same.
		expect(await expectSame(plan, 'register-2')).toBe(true);
	});
});
