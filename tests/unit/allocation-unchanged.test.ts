/**
 * Issue 14's rewrite of the allocation SQL (the plan's households built once, the running sum in the
 * ranking's window, no join back from the queue) must not change a single row: on a generated register
 * of a few thousand people, the current builders and the ones before the rewrite
 * (tests/fixtures/allocation-before/) give the same allocation, every column, in the same order, under
 * plans with several funding lines, a village cap and quota, and overrides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocationStatements } from '../../src/lib/core/programs';
import { defaultPlan, type Plan } from '../../src/lib/core/plan';
import type { NodeEngine } from '../../src/lib/engine/node';
import { allocationStatements as allocationStatementsBefore } from '../fixtures/allocation-before';
import { generatedRegisterEngine } from '../fixtures/capabilities';
import { budgetedPlan } from '../fixtures/plans';

type Row = Record<string, unknown>;

describe('the allocation after issue 14 gives the rows it gave before', () => {
	let engine: NodeEngine;

	async function allocate(statements: readonly string[]): Promise<Row[]> {
		for (const statement of statements) await engine.exec(statement);
		// Every column, in the list's order (the table's own order is not part of the answer: readers sort).
		return (await engine.query('SELECT * FROM allocation ORDER BY programme, rank NULLS LAST, unit_id'))
			.toArray()
			.map((row: Row) => ({ ...row }));
	}

	async function expectSame(plan: Plan): Promise<Row[]> {
		// The place among its village is kept only where a cap or a quota reads it.
		const limited = plan.villageCap !== null || plan.villageQuota;
		const before = (await allocate(allocationStatementsBefore(plan))).map((row) => (limited ? row : { ...row, village_rank: null }));
		const after = await allocate(allocationStatements(plan));
		expect(after.length).toBe(before.length);
		expect(after).toEqual(before);
		return after;
	}

	beforeAll(async () => {
		engine = await generatedRegisterEngine(4000, 14);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('under budgets over two funding lines', async () => {
		const rows = await expectSame(budgetedPlan());
		const statuses = new Set(rows.map((r) => `${String(r.programme)} ${String(r.status)}`));
		// Every programme has candidates, and funds some of them but not all.
		for (const programme of ['pip', 'paket', 'bsps', 'rtlh', 'water']) {
			expect(statuses).toContain(`${programme} funded`);
			expect(statuses).toContain(`${programme} unfunded`);
		}
	});

	it('under the default plan (no budget)', async () => {
		await expectSame(defaultPlan());
	});

	it('with a village cap, a quota and overrides', async () => {
		const plain = await expectSame(budgetedPlan());
		const plan = budgetedPlan();
		plan.villageCap = 3;
		plan.villageQuota = true;
		for (const programme of ['pip', 'paket', 'bsps', 'rtlh', 'water'] as const) {
			const queue = plain.filter((r) => r.programme === programme);
			const first = queue[0];
			const last = queue[queue.length - 1];
			if (!first || !last) throw new Error(`no ${programme} candidates`);
			plan.overrides.push(
				{ programme, unitId: String(first.unit_id), action: 'exclude', reason: 'sudah menerima' },
				{ programme, unitId: String(last.unit_id), action: 'include', reason: 'rumah roboh' }
			);
		}
		const rows = await expectSame(plan);
		const statuses = new Set(rows.map((r) => String(r.status)));
		for (const status of ['funded', 'unfunded', 'over_cap', 'excluded']) expect(statuses).toContain(status);
	});

	it('with a cap only, and with the quota only', async () => {
		const capped = budgetedPlan();
		capped.villageCap = 2;
		await expectSame(capped);
		const quota = budgetedPlan();
		quota.villageQuota = true;
		await expectSame(quota);
	});
});
