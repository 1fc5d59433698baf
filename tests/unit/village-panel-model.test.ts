/**
 * VillagePanelModel on the hand-computed register (DuckDB in Node behind a stand-in for the app's
 * register): what it re-reads and when, that an answer for a village no longer shown is dropped, the
 * indicator the screen passes versus the one chosen in the panel, sorting, paging, and a page that no
 * longer exists after a plan change. Slow answers are made by holding queries behind a gate the test
 * opens, never by waiting for time.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Table } from 'apache-arrow';
import { NodeEngine } from '../../src/lib/engine/node';
import { V1, V2, loadIndicatorFixture, handPlan } from '../fixtures/indicators';
import { DelegatingEngine } from './delegating-engine';

/**
 * Queries whose text contains `hold` wait until `release` is called; `interrupt` fails the ones
 * waiting, as DuckDB's interrupt fails the statement running.
 */
class GatedEngine extends DelegatingEngine {
	hold: string | null = null;
	#gate: Promise<void> = Promise.resolve();
	#open: () => void = () => undefined;
	#fail: (error: Error) => void = () => undefined;

	gate(text: string): void {
		this.hold = text;
		this.#gate = new Promise((resolve, reject) => {
			this.#open = resolve;
			this.#fail = reject;
		});
		this.#gate.catch(() => undefined);
	}
	override async interrupt(): Promise<void> {
		if (this.hold !== null) this.#fail(new Error('INTERRUPT Error: Interrupted!'));
	}
	release(): void {
		this.hold = null;
		this.#open();
	}
	override async query(sql: string): Promise<Table> {
		if (this.hold !== null && sql.includes(this.hold)) await this.#gate;
		return this.inner.query(sql);
	}
}

const stub = vi.hoisted(() => ({ engine: null as unknown }));

vi.mock('../../src/lib/state/RegisterModel.svelte', () => ({
	register: {
		info: { name: 'fixture' },
		version: 1,
		engine: async () => stub.engine
	}
}));
// The query layer's engine (the app's, in the browser).
vi.mock('../../src/lib/state/database', () => ({ getEngine: async () => stub.engine }));
vi.mock('../../src/lib/state/RegionModel.svelte', () => ({
	region: { kabupaten: { kode: '64.02', nama: 'Kutai Kartanegara' } }
}));

const { VillagePanelModel } = await import('../../src/lib/state/VillagePanelModel.svelte');
const { plan } = await import('../../src/lib/state/PlanModel.svelte');
const { indicators } = await import('../../src/lib/state/IndicatorModel.svelte');
const { verval } = await import('../../src/lib/state/VervalModel.svelte');

let engine: GatedEngine;

const ids = (rows: readonly Readonly<Record<string, unknown>>[] | undefined, column = 'household_id'): unknown[] =>
	(rows ?? []).map((r) => r[column]);

beforeAll(async () => {
	const node = await NodeEngine.open();
	await loadIndicatorFixture(node);
	engine = new GatedEngine(node);
	stub.engine = engine;
	// Figures wait for the stored verval fieldwork (none here: Node has no IndexedDB).
	await verval.restore();
});

afterAll(async () => {
	// The panel starts the map figures' recompute without waiting for it: let it end before closing.
	await vi.waitFor(() => expect(indicators.loading).toBe(false));
	await engine.close();
});

beforeEach(() => {
	plan.replace(handPlan());
});

describe('VillagePanelModel', () => {
	it('loads the breakdown, the headline figures and the first page of the figure passed in', async () => {
		const panel = new VillagePanelModel();
		await panel.show(V1, 'rtlh');
		expect(panel.breakdown?.kode).toBe(V1);
		expect(panel.breakdown?.summary?.nama).toBe('Desa Satu');
		expect(panel.breakdown?.components.rtlh).toBe(2);
		expect(panel.records).toMatchObject({ kode: V1, indicator: 'rtlh', unit: 'household', total: 2, page: 0, pages: 1 });
		expect(ids(panel.records?.rows)).toEqual(['H2', 'H4']);
		expect(panel.loading).toBe(false);
		expect(panel.recordsLoading).toBe(false);
		await vi.waitFor(() => expect(panel.figures?.rtlh).toEqual({ count: 2, denominator: 4 }));
		expect(indicators.villages.length).toBe(3);
	});

	it('drops a slow answer for the previous village', async () => {
		const panel = new VillagePanelModel();
		engine.gate(`'${V1}'`);
		const first = panel.show(V1, 'rtlh');
		await panel.show(V2, 'rtlh');
		expect(panel.breakdown?.kode).toBe(V2);
		engine.release();
		await first;
		expect(panel.kode).toBe(V2);
		expect(panel.breakdown?.kode).toBe(V2);
		expect(panel.breakdown?.summary?.nama).toBe('Desa Dua');
		expect(panel.records).toMatchObject({ kode: V2, total: 1 });
		expect(ids(panel.records?.rows)).toEqual(['H7']);
		expect(panel.loading).toBe(false);
		expect(panel.recordsLoading).toBe(false);
	});

	it('closing while an answer is on its way keeps the panel empty', async () => {
		const panel = new VillagePanelModel();
		engine.gate(`'${V1}'`);
		const pending = panel.show(V1, 'rtlh');
		await panel.show(null, 'rtlh');
		engine.release();
		await pending;
		expect(panel.breakdown).toBeNull();
		expect(panel.records).toBeNull();
		expect(panel.loading).toBe(false);
	});

	it('re-reads when the plan changes, and only then', async () => {
		const panel = new VillagePanelModel();
		await panel.show(V1, 'rtlh');
		const queries = vi.spyOn(engine, 'query');
		await panel.refresh();
		expect(queries.mock.calls.filter(([sql]) => sql.includes(`'${V1}'`))).toHaveLength(0);
		plan.update((p) => (p.population.desil = { min: 1, max: 10 }));
		await panel.refresh();
		queries.mockRestore();
		// H5 (desil 5, thatch) joins the population.
		expect(panel.breakdown?.components.rtlh).toBe(3);
		expect(panel.records?.total).toBe(3);
		expect(ids(panel.records?.rows)).toEqual(['H2', 'H4', 'H5']);
	});

	it('the screen’s indicator replaces the panel’s choice only when it changes', async () => {
		const panel = new VillagePanelModel();
		await panel.show(V1, 'rtlh');
		await panel.choose('ats');
		expect(panel.records).toMatchObject({ indicator: 'ats', unit: 'person', total: 3 });
		expect(ids(panel.records?.rows, 'person_id')).toEqual(['P2', 'P5', 'P7']);
		expect(panel.records?.columns).toContain('nik');
		await panel.show(V1, 'rtlh');
		expect(panel.indicator).toBe('ats');
		await panel.show(V1, 'water_unsafe');
		expect(panel.records).toMatchObject({ indicator: 'water_unsafe', total: 2 });
		// Another village starts from the screen's indicator.
		await panel.choose('ats');
		await panel.show(V2, 'water_unsafe');
		expect(panel.indicator).toBe('water_unsafe');
	});

	it('sorts by a column, flips on a second click, ignores a column the records do not have', async () => {
		const panel = new VillagePanelModel();
		await panel.show(V1, 'rtlh');
		await panel.sortBy('desil');
		expect(panel.records?.sort).toEqual({ column: 'desil', direction: 'asc' });
		expect(ids(panel.records?.rows)).toEqual(['H2', 'H4']);
		await panel.sortBy('desil');
		expect(panel.records?.sort).toEqual({ column: 'desil', direction: 'desc' });
		expect(ids(panel.records?.rows)).toEqual(['H4', 'H2']);
		await panel.sortBy('nik');
		expect(panel.sort).toEqual({ column: 'desil', direction: 'desc' });
	});

	it('pages, and shows the last page when a plan change leaves fewer', async () => {
		const panel = new VillagePanelModel({ pageSize: 1 });
		await panel.show(V1, 'rtlh');
		expect(panel.records).toMatchObject({ page: 0, pages: 2 });
		expect(panel.canPrevious).toBe(false);
		expect(panel.canNext).toBe(true);
		await panel.next();
		expect(panel.records).toMatchObject({ page: 1, pages: 2 });
		expect(ids(panel.records?.rows)).toEqual(['H4']);
		expect(panel.canNext).toBe(false);
		await panel.next();
		expect(panel.page).toBe(1);
		// Without the poor-condition rule H4 is no longer RTLH: one page left.
		plan.update((p) => (p.indicators.housing.poorConditionCounts = false));
		await panel.refresh();
		expect(panel.records).toMatchObject({ page: 0, pages: 1, total: 1 });
		expect(panel.page).toBe(0);
		expect(ids(panel.records?.rows)).toEqual(['H2']);
	});

	it('a figure with no records is one empty page', async () => {
		const panel = new VillagePanelModel();
		await panel.show(V2, 'ats_smp');
		expect(panel.records).toMatchObject({ total: 0, page: 0, pages: 1, rows: [] });
		expect(panel.canNext).toBe(false);
	});
});
