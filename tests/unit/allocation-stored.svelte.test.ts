// @vitest-environment runes
/**
 * Issue 14 point 3: the Plan screen shows the last allocation's figures while a new one runs, also on
 * the first visit after a reload. A model on a fresh page (a new AllocationModel over the same store)
 * shows the figures the last one kept while its own allocation waits behind other work on the engine,
 * and then the allocation's own, equal ones; figures kept for another plan are never shown.
 */
import { flushSync } from 'svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import type { Allocated, LastAllocationStore } from '../../src/lib/state/AllocationModel.svelte';
import { loadIndicatorFixture } from '../fixtures/indicators';

const stub = vi.hoisted(() => ({ engine: null as unknown }));

vi.mock('../../src/lib/state/RegisterModel.svelte', () => ({
	register: {
		info: { names: ['fixture.csv'], loadedAt: '2026-12-01T08:00:00.000Z', source: 'stored', kind: 'dtsen', households: 8, people: 20 },
		version: 1,
		engine: async () => stub.engine
	}
}));
vi.mock('../../src/lib/state/database', () => ({ getEngine: async () => stub.engine }));
vi.mock('../../src/lib/state/RegionModel.svelte', () => ({
	region: { kabupaten: { kode: '64.02', nama: 'Kutai Kartanegara' } }
}));

const { plan } = await import('../../src/lib/state/PlanModel.svelte');
const { AllocationModel } = await import('../../src/lib/state/AllocationModel.svelte');
const { verval } = await import('../../src/lib/state/VervalModel.svelte');
const { queries } = await import('../../src/lib/state/query');

/** A bound on waiting for answers on a busy machine, not a timing assertion. */
const LOAD_TIMEOUT = 30_000;

async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + LOAD_TIMEOUT;
	for (;;) {
		flushSync();
		if (condition()) return;
		if (Date.now() > deadline) throw new Error('timed out waiting for the models');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Holds the engine with a job of its own until released: what the page's other work does to the allocation. */
function holdEngine(): () => void {
	let release: () => void = () => undefined;
	const held = new Promise<void>((resolve) => (release = resolve));
	void queries.submit({ priority: 'interactive', run: () => held });
	return release;
}

let engine: NodeEngine;
const kept = new Map<string, Allocated>();
const store: LastAllocationStore = {
	read: async (key) => kept.get(key) ?? null,
	save: async (key, figures) => void kept.set(key, structuredClone(figures))
};

beforeAll(async () => {
	engine = await NodeEngine.open();
	await loadIndicatorFixture(engine);
	stub.engine = engine;
	await verval.restore();
	plan.update((p) => (p.fundingLines[0]!.budgets = { rtlh: 50_000_000, water: 2_500_000, pip: 1_000_000 }));
});

afterAll(async () => {
	await queries.submit({ priority: 'background', run: async () => undefined });
	await engine.close();
});

describe('the last allocation, kept between visits', () => {
	it('a fresh page shows the kept figures while its allocation waits, then its own equal ones', async () => {
		const first = new AllocationModel(store);
		const stopFirst = $effect.root(() => first.activate());
		await until(() => first.key !== '' && !first.loading && first.curvesKey === first.key);
		stopFirst();
		expect(kept.size).toBe(1);
		const lines = first.lines;
		expect(lines.length).toBeGreaterThan(0);
		expect(first.villages.length).toBeGreaterThan(0);

		const release = holdEngine();
		const reloaded = new AllocationModel(store);
		const stop = $effect.root(() => reloaded.activate());
		try {
			await until(() => reloaded.fromStore);
			// The allocation has not run: the engine is still held.
			expect(reloaded.key).toBe('');
			expect(reloaded.loading).toBe(true);
			expect(reloaded.lines).toEqual(lines);
			expect(reloaded.villages).toEqual(first.villages);
			expect(reloaded.curve).toEqual(first.curve);
			release();
			await until(() => reloaded.key !== '' && !reloaded.loading);
			expect(reloaded.fromStore).toBe(false);
			expect(reloaded.lines).toEqual(lines);
			// The figures come first; until the curves are read again, the kept ones of the same inputs stay.
			expect(reloaded.curve).toEqual(first.curve);
			await until(() => reloaded.curvesKey === reloaded.key);
			expect(reloaded.curve).toEqual(first.curve);
			expect(reloaded.returns).toEqual(first.returns);
		} finally {
			release();
			stop();
		}
	});

	it('figures kept for another plan are not shown', async () => {
		plan.update((p) => (p.fundingLines[0]!.budgets.water = 5_000_000));
		const release = holdEngine();
		const reloaded = new AllocationModel(store);
		const stop = $effect.root(() => reloaded.activate());
		try {
			// Reading the store is asked for at once; give its answer every chance to land.
			for (let i = 0; i < 20; i++) {
				flushSync();
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			expect(reloaded.fromStore).toBe(false);
			expect(reloaded.lines).toEqual([]);
			release();
			await until(() => reloaded.key !== '' && !reloaded.loading && reloaded.curvesKey === reloaded.key);
			expect(reloaded.lines.length).toBeGreaterThan(0);
			// Kept for the next visit under the new plan's key.
			expect(kept.size).toBe(2);
		} finally {
			release();
			stop();
		}
	});
});
