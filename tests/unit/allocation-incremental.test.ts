/**
 * Issue 14: a change to the plan re-runs only the programmes it touches. After each change, the table
 * an incremental update leaves must equal the one a run from nothing builds (every row, every column),
 * and the update must name the programmes it re-ran: a budget of one programme re-runs that one, a
 * housing programme also the housing programme after it, the population all five.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/lib/core/plan';
import { allocationStatements, type AllocationState } from '../../src/lib/core/programs';
import type { NodeEngine } from '../../src/lib/engine/node';
import { runAllocation, updateAllocation } from '../../src/lib/queries/allocation';
import { generatedRegisterEngine } from '../fixtures/capabilities';
import { budgetedPlan } from '../fixtures/plans';

type Row = Record<string, unknown>;
const DATA = 'register-1';

describe('an allocation updated programme by programme equals one built from nothing', () => {
	let engine: NodeEngine;
	let held: AllocationState | null = null;

	const table = async (name: string): Promise<Row[]> =>
		(await engine.query(`SELECT * FROM ${name} ORDER BY programme, unit_id`)).toArray().map((row: Row) => ({ ...row }));

	/** Updates `allocation` from what it held; builds `allocation_compared` from nothing; both must agree. */
	async function update(plan: Plan): Promise<string[]> {
		const result = await updateAllocation(engine, plan, held, DATA);
		held = result.state;
		for (const statement of allocationStatements(plan, 'allocation_compared')) await engine.exec(statement);
		const incremental = await table('allocation');
		expect(incremental.length).toBeGreaterThan(0);
		expect(incremental).toEqual(await table('allocation_compared'));
		return result.rebuilt;
	}

	beforeAll(async () => {
		engine = await generatedRegisterEngine(4000, 21);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('re-runs exactly the programmes each change touches', async () => {
		const plan = budgetedPlan();
		expect(await update(plan)).toEqual(['bsps', 'rtlh', 'pip', 'paket', 'water']);
		// The same plan again: nothing to do.
		expect(await update(plan)).toEqual([]);

		plan.fundingLines[0]!.budgets.water = 40e6;
		expect(await update(plan)).toEqual(['water']);

		plan.fundingLines[0]!.budgets.pip = 5e6;
		expect(await update(plan)).toEqual(['pip']);

		// The first housing programme: the second skips the households it funds, so it re-runs too.
		plan.fundingLines[1]!.budgets.bsps = 60e6;
		expect(await update(plan)).toEqual(['bsps', 'rtlh']);

		plan.fundingLines[0]!.budgets.rtlh = 100e6;
		expect(await update(plan)).toEqual(['rtlh']);

		plan.programmes.paket.enabled = false;
		expect(await update(plan)).toEqual(['paket']);
		plan.programmes.paket.enabled = true;
		expect(await update(plan)).toEqual(['paket']);

		// An override belongs to one programme.
		const [unit] = (
			await engine.query("SELECT unit_id FROM allocation WHERE programme = 'water' AND status = 'unfunded' LIMIT 1")
		).toArray();
		plan.overrides = [{ programme: 'water', unitId: String(unit?.unit_id), action: 'include', reason: 'uji' }];
		expect(await update(plan)).toEqual(['water']);

		// Who is counted, the priority order or the village cap: every programme.
		plan.villageCap = 3;
		expect(await update(plan)).toEqual(['bsps', 'rtlh', 'pip', 'paket', 'water']);
		plan.population.desil = { min: 1, max: 2 };
		expect(await update(plan)).toEqual(['bsps', 'rtlh', 'pip', 'paket', 'water']);
	});

	it('builds from nothing when the data changed or nothing is known of the table', async () => {
		const plan = budgetedPlan();
		const first = await updateAllocation(engine, plan, null, DATA);
		expect(first.rebuilt).toHaveLength(5);
		const other = await updateAllocation(engine, plan, first.state, 'register-2');
		expect(other.rebuilt).toHaveLength(5);
		expect(other.state.data).toBe('register-2');
	});

	it("a second plan built beside it leaves the first plan's households and overrides in place", async () => {
		const plan = budgetedPlan();
		const first = await updateAllocation(engine, plan, null, DATA);
		const planB = budgetedPlan();
		planB.population.desil = { min: 1, max: 1 };
		planB.overrides = [{ programme: 'water', unitId: 'none', action: 'exclude', reason: 'uji' }];
		await runAllocation(engine, planB, 'allocation_compared');
		plan.fundingLines[0]!.budgets.water = 10e6;
		const next = await updateAllocation(engine, plan, first.state, DATA);
		expect(next.rebuilt).toEqual(['water']);
		const incremental = await table('allocation');
		for (const statement of allocationStatements(plan, 'allocation_compared')) await engine.exec(statement);
		expect(incremental).toEqual(await table('allocation_compared'));
	});
});
