// @vitest-environment runes
/**
 * What a plan edit costs in queries, with the screens' models following the plan through their effects
 * (driven by `$effect.root` and `flushSync`) over DuckDB in Node on the hand-computed register. Every
 * statement that reaches the engine is recorded: renaming the plan runs none; a threshold runs the
 * figures and the funnel on the Map screen, and on the Plan screen the funnel, then the allocation.
 */
import { flushSync } from 'svelte';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Table } from 'apache-arrow';
import { defaultPlan } from '../../src/lib/core/plan';
import {
	INDICATOR_PEOPLE_TABLE,
	indicatorPeopleSql,
	villageHouseholdIndicatorsSql,
	villagePersonIndicatorsSql
} from '../../src/lib/core/indicators';
import { NodeEngine } from '../../src/lib/engine/node';
import { funnelSql } from '../../src/lib/core/funnel';
import { allocationStatements } from '../../src/lib/core/programs';
import {
	coverageCurveSql,
	lineBudgetSql,
	marginalReturnSql,
	villageBudgetSql,
	villageLineBudgetSql
} from '../../src/lib/queries/allocation';
import { V1, loadIndicatorFixture } from '../fixtures/indicators';
import { DelegatingEngine } from './delegating-engine';

/** Records every statement it runs. */
class CountingEngine extends DelegatingEngine {
	readonly statements: string[] = [];

	override query(sql: string): Promise<Table> {
		this.statements.push(sql);
		return this.inner.query(sql);
	}
	override exec(sql: string): Promise<void> {
		this.statements.push(sql);
		return this.inner.exec(sql);
	}
}

const stub = vi.hoisted(() => ({ engine: null as unknown }));

vi.mock('../../src/lib/state/RegisterModel.svelte', () => ({
	register: { info: { name: 'fixture' }, version: 1, engine: async () => stub.engine }
}));
vi.mock('../../src/lib/state/database', () => ({ getEngine: async () => stub.engine }));
vi.mock('../../src/lib/state/RegionModel.svelte', () => ({
	region: { kabupaten: { kode: '64.02', nama: 'Kutai Kartanegara' } }
}));

const { plan } = await import('../../src/lib/state/PlanModel.svelte');
const { indicators } = await import('../../src/lib/state/IndicatorModel.svelte');
const { capabilities } = await import('../../src/lib/state/CapabilityModel.svelte');
const { allocation } = await import('../../src/lib/state/AllocationModel.svelte');
const { VillagePanelModel } = await import('../../src/lib/state/VillagePanelModel.svelte');
const { verval } = await import('../../src/lib/state/VervalModel.svelte');
const { queries } = await import('../../src/lib/state/query');

/** The Map screen's figures statements for the current plan: the households', and the people's over their counts. */
const householdFigures = () => villageHouseholdIndicatorsSql(plan.current, 'register');
const personFigures = () => villagePersonIndicatorsSql(plan.current, INDICATOR_PEOPLE_TABLE);

/** A bound on waiting for answers on a busy machine, not a timing assertion. */
const LOAD_TIMEOUT = 30_000;

let engine: CountingEngine;

beforeAll(async () => {
	const node = await NodeEngine.open();
	await loadIndicatorFixture(node);
	engine = new CountingEngine(node);
	stub.engine = engine;
	// Figures wait for the stored verval fieldwork (none here: Node has no IndexedDB).
	await verval.restore();
});

afterAll(async () => {
	// Let a job still running on the engine end before DuckDB closes under it.
	await queries.submit({ priority: 'background', run: async () => undefined });
	await engine.close();
});

beforeEach(() => {
	plan.replace(defaultPlan());
});

/** The Map screen's models, following the register and the plan. */
function mapScreen(): () => void {
	return $effect.root(() => {
		indicators.activate();
		capabilities.activateWithFunnel();
	});
}

/** The Plan screen's models. */
function planScreen(): () => void {
	return $effect.root(() => {
		allocation.activate();
		capabilities.activateWithFunnel();
	});
}

/** Applies an edit, lets the effects run, and returns the statements it cost once every answer is in. */
async function statementsFor(edit: () => void, settled: () => boolean): Promise<string[]> {
	const before = engine.statements.length;
	edit();
	flushSync();
	await vi.waitFor(() => expect(settled()).toBe(true), { timeout: LOAD_TIMEOUT });
	return engine.statements.slice(before);
}

const mapSettled = () => indicators.current && !indicators.loading && capabilities.funnel !== null;
const planSettled = () =>
	allocation.key !== '' && !allocation.loading && allocation.curvesKey === allocation.key && capabilities.funnel !== null;

describe('queries per plan edit', () => {
	it('Map screen: a rename runs nothing; a threshold runs its part of the figures and the funnel, once each', async () => {
		const stop = mapScreen();
		try {
			const first = await statementsFor(() => undefined, mapSettled);
			expect(first).toContain(`INSERT INTO ${INDICATOR_PEOPLE_TABLE} ${indicatorPeopleSql(plan.current.population)}`);
			expect(first).toContain(householdFigures());
			expect(first).toContain(personFigures());

			const renamed = await statementsFor(() => plan.update((p) => (p.name = 'Rencana lain')), mapSettled);
			expect(renamed).toEqual([]);
			expect(indicators.loading).toBe(false);

			const threshold = await statementsFor(() => plan.update((p) => (p.indicators.housing.minFloorAreaPerPerson = 9)), mapSettled);
			// A household threshold: the households' figures again, the people's kept; then the funnel.
			expect(threshold).toEqual([householdFigures(), funnelSql(plan.current)]);

			const ages = await statementsFor(() => plan.update((p) => (p.indicators.school.sd = { min: 6, max: 12 })), mapSettled);
			// A person threshold: the people's figures from their counts, the households' kept.
			expect(ages).toEqual([personFigures(), funnelSql(plan.current)]);
		} finally {
			stop();
		}
	});

	it('Plan screen: a rename runs nothing; a threshold re-allocates and recounts the funnel', async () => {
		const stop = planScreen();
		try {
			await statementsFor(() => undefined, planSettled);
			const renamed = await statementsFor(() => plan.update((p) => (p.name = 'Rencana lain')), planSettled);
			expect(renamed).toEqual([]);

			const key = allocation.key;
			const threshold = await statementsFor(
				() => plan.update((p) => (p.indicators.housing.minFloorAreaPerPerson = 9)),
				() => planSettled() && allocation.key !== key
			);
			// The funnel (a read, first), then the allocation and the tables read from it (not the checksum:
			// same register); no figures for a map that is not on screen.
			expect(threshold).toEqual([
				funnelSql(plan.current),
				...allocationStatements(plan.current),
				lineBudgetSql(),
				villageBudgetSql(),
				villageLineBudgetSql(),
				coverageCurveSql(plan.current, 200),
				marginalReturnSql(plan.current, 20)
			]);
		} finally {
			stop();
		}
	});

	it("Plan screen: the printed BNBA's letterhead and signatories (a print setting) run nothing", async () => {
		const stop = planScreen();
		try {
			await statementsFor(() => undefined, planSettled);
			const key = allocation.key;
			const printed = await statementsFor(
				() =>
					plan.update(
						(p) =>
							(p.print = {
								letterhead: ['PEMERINTAH KABUPATEN KUTAI KARTANEGARA', 'DINAS SOSIAL'],
								place: 'Tenggarong',
								signatories: [{ position: 'Kepala Dinas Sosial', name: 'Budi', nip: null }],
								year: 2027
							})
					),
				planSettled
			);
			expect(printed).toEqual([]);
			expect(allocation.key).toBe(key);
		} finally {
			stop();
		}
	});

	it("Plan screen: one programme's budget re-runs that programme only, on the households already built", async () => {
		const stop = planScreen();
		try {
			await statementsFor(() => undefined, planSettled);
			const key = allocation.key;
			const budget = await statementsFor(
				() => plan.update((p) => (p.fundingLines[0]!.budgets.water = 1_000_000_000)),
				() => planSettled() && allocation.key !== key
			);
			const inserts = budget.filter((sql) => sql.startsWith('INSERT INTO allocation '));
			expect(inserts).toHaveLength(1);
			expect(inserts[0]).toContain("'water' AS programme");
			expect(budget).toContain("DELETE FROM allocation WHERE programme = 'water'");
			expect(budget.filter((sql) => sql.includes('plan_household ('))).toEqual([]);
			expect(budget.slice(-5)).toEqual([
				lineBudgetSql(),
				villageBudgetSql(),
				villageLineBudgetSql(),
				coverageCurveSql(plan.current, 200),
				marginalReturnSql(plan.current, 20)
			]);
		} finally {
			stop();
		}
	});

	it('a village cap (an allocation setting) runs nothing on the Map screen', async () => {
		const stop = mapScreen();
		try {
			await statementsFor(() => undefined, mapSettled);
			const budget = await statementsFor(() => plan.update((p) => (p.villageCap = 1)), mapSettled);
			expect(budget).toEqual([]);
		} finally {
			stop();
		}
	});

	it('a closed village panel computes no map figures; an open one computes them once, beside its own reads', async () => {
		// Figures no screen has computed yet.
		plan.update((p) => (p.indicators.housing.minFloorAreaPerPerson = 8));
		const panel = new VillagePanelModel();
		const stop = $effect.root(() => panel.activate());
		try {
			const closed = await statementsFor(
				() => undefined,
				() => !indicators.loading
			);
			expect(closed).toEqual([]);
			expect(indicators.current).toBe(false);
			const open = await statementsFor(
				() => void panel.show(V1, 'rtlh'),
				() => indicators.current && !indicators.loading && panel.records !== null && !panel.loading && !panel.recordsLoading
			);
			// A floor area no figures had: the households' part once; the people's is kept from before, or run once.
			expect(open.filter((sql) => sql === householdFigures())).toHaveLength(1);
			expect(open.filter((sql) => sql === personFigures()).length).toBeLessThanOrEqual(1);
			expect(open.filter((sql) => sql.includes(`'${V1}'`)).length).toBeGreaterThan(0);
			expect(panel.breakdown?.kode).toBe(V1);
		} finally {
			stop();
		}
	});
});
