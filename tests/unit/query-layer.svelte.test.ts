// @vitest-environment runes
/**
 * The query layer with a stand-in engine whose statements wait until the test answers them by hand:
 * priority, dropping, cancelling, and a resource that loads again only when its inputs change. No
 * timing: every step waits for a state, never for time.
 */
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { Table } from 'apache-arrow';
import type { Engine } from '../../src/lib/engine/types';
import { QueryCoordinator, QueryDropped, type QueryPriority } from '../../src/lib/state/query/coordinator';
import { Resource } from '../../src/lib/state/query/resource.svelte';

interface Held {
	resolve(): void;
	reject(error: Error): void;
}

/** Every statement waits until `answer(sql)` (or `fail(sql)`); `interrupt` fails the ones waiting, as DuckDB does. */
class HeldEngine implements Engine {
	readonly host = 'node' as const;
	readonly sent: string[] = [];
	interrupts = 0;
	#held = new Map<string, Held>();

	query(sql: string): Promise<Table> {
		this.sent.push(sql);
		return new Promise((resolve, reject) => this.#held.set(sql, { resolve: () => resolve(new Table()), reject }));
	}
	async exec(sql: string): Promise<void> {
		await this.query(sql);
	}
	answer(sql: string): void {
		const held = this.#held.get(sql);
		if (!held) throw new Error(`not waiting: ${sql}`);
		this.#held.delete(sql);
		held.resolve();
	}
	fail(sql: string, error: Error): void {
		this.#held.get(sql)?.reject(error);
		this.#held.delete(sql);
	}
	async interrupt(): Promise<void> {
		this.interrupts++;
		for (const [sql, held] of this.#held) {
			this.#held.delete(sql);
			held.reject(new Error('INTERRUPT Error: Interrupted!'));
		}
	}
	waiting(sql: string): boolean {
		return this.#held.has(sql);
	}
	registerFile(): Promise<void> {
		throw new Error('not used');
	}
	async dropFile(): Promise<void> {}
	createTableFromParquet(): Promise<number> {
		throw new Error('not used');
	}
	exportParquet(): Promise<Uint8Array> {
		throw new Error('not used');
	}
	async close(): Promise<void> {}
}

function setUp() {
	const engine = new HeldEngine();
	const coordinator = new QueryCoordinator(async () => engine);
	const job = (sql: string, priority: QueryPriority, signal?: AbortSignal) =>
		coordinator.submit({ priority, signal, run: async (e) => (await e.query(sql), sql) });
	return { engine, coordinator, job };
}

const waitSent = (engine: HeldEngine, sent: string[]) => vi.waitFor(() => expect(engine.sent).toEqual(sent));

describe('QueryCoordinator', () => {
	it('runs one job at a time, an interactive read queued after background work first', async () => {
		const { engine, job } = setUp();
		const allocation = job('allocate', 'background');
		await waitSent(engine, ['allocate']);
		const exported = job('export', 'background');
		const panel = job('panel', 'interactive');
		engine.answer('allocate');
		await waitSent(engine, ['allocate', 'panel']);
		engine.answer('panel');
		await waitSent(engine, ['allocate', 'panel', 'export']);
		engine.answer('export');
		expect(await Promise.all([allocation, panel, exported])).toEqual(['allocate', 'panel', 'export']);
	});

	it('jobs asked for in the same turn start by priority: a save asked first waits for the reads', async () => {
		const { engine, job } = setUp();
		const saved = job('export', 'background');
		const read = job('overview', 'interactive');
		await waitSent(engine, ['overview']);
		engine.answer('overview');
		await waitSent(engine, ['overview', 'export']);
		engine.answer('export');
		expect(await Promise.all([read, saved])).toEqual(['overview', 'export']);
	});

	it('drops a superseded job before it runs: it never reaches the engine', async () => {
		const { engine, job } = setUp();
		const first = job('first', 'interactive');
		const superseded = new AbortController();
		const second = job('second', 'interactive', superseded.signal);
		const third = job('third', 'interactive');
		await waitSent(engine, ['first']);
		superseded.abort();
		await expect(second).rejects.toBeInstanceOf(QueryDropped);
		engine.answer('first');
		await waitSent(engine, ['first', 'third']);
		engine.answer('third');
		expect(await Promise.all([first, third])).toEqual(['first', 'third']);
		expect(engine.interrupts).toBe(0);
	});

	it('cancels a running job: the statement is interrupted, its answer dropped, the next job runs', async () => {
		const { engine, job } = setUp();
		const cancelled = new AbortController();
		const running = job('slow', 'background', cancelled.signal);
		await waitSent(engine, ['slow']);
		const next = job('next', 'interactive');
		cancelled.abort();
		await expect(running).rejects.toBeInstanceOf(QueryDropped);
		expect(engine.interrupts).toBe(1);
		await waitSent(engine, ['slow', 'next']);
		engine.answer('next');
		expect(await next).toBe('next');
	});

	it('a job cancelled between statements sends none after', async () => {
		const { engine, coordinator } = setUp();
		const cancelled = new AbortController();
		let resume: () => void = () => undefined;
		const between = new Promise<void>((resolve) => (resume = resolve));
		const running = coordinator.submit({
			priority: 'background',
			signal: cancelled.signal,
			run: async (e) => {
				await e.query('one');
				await between;
				await e.query('two');
				return 'done';
			}
		});
		await waitSent(engine, ['one']);
		engine.answer('one');
		cancelled.abort();
		resume();
		await expect(running).rejects.toBeInstanceOf(QueryDropped);
		expect(engine.sent).toEqual(['one']);
	});

	it('an answer that lands after its job was cancelled is dropped', async () => {
		const engine = new HeldEngine();
		// An engine that cannot stop a running statement (duckdb-wasm's query()).
		engine.interrupt = async () => void engine.interrupts++;
		const coordinator = new QueryCoordinator(async () => engine);
		const cancelled = new AbortController();
		const running = coordinator.submit({ priority: 'interactive', signal: cancelled.signal, run: async (e) => (await e.query('q'), 'q') });
		await waitSent(engine, ['q']);
		cancelled.abort();
		engine.answer('q');
		await expect(running).rejects.toBeInstanceOf(QueryDropped);
	});

	it('a failing job rejects with its own error and does not stop the queue', async () => {
		const { engine, job } = setUp();
		const failing = job('bad', 'interactive');
		const next = job('good', 'interactive');
		await waitSent(engine, ['bad']);
		const error = new Error('Binder Error');
		engine.fail('bad', error);
		await expect(failing).rejects.toBe(error);
		await waitSent(engine, ['bad', 'good']);
		engine.answer('good');
		expect(await next).toBe('good');
	});

	/** Whether `idle` has settled once the tasks queued so far (answers, the effects they start) have run. */
	async function idleYet(idle: Promise<void>): Promise<boolean> {
		let settled = false;
		void idle.then(() => (settled = true));
		for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
		return settled;
	}

	it('is idle at once when nothing was asked', async () => {
		const { coordinator } = setUp();
		expect(await idleYet(coordinator.idle())).toBe(true);
	});

	it('is idle only when no job is queued or running, a job asked for on the last answer counted', async () => {
		const { engine, coordinator, job } = setUp();
		const overview = job('overview', 'interactive');
		const allocation = job('allocate', 'background');
		// As a screen's effect does: the next read is asked for when the first answer lands.
		void overview.then(() => job('villages', 'interactive'));
		const idle = coordinator.idle();
		await waitSent(engine, ['overview']);
		expect(await idleYet(idle)).toBe(false);
		engine.answer('overview');
		await waitSent(engine, ['overview', 'allocate']);
		expect(await idleYet(idle)).toBe(false);
		engine.answer('allocate');
		await allocation;
		await waitSent(engine, ['overview', 'allocate', 'villages']);
		expect(await idleYet(idle)).toBe(false);
		engine.answer('villages');
		expect(await idleYet(idle)).toBe(true);
	});

	it('is idle once the running job ends and the one waiting is dropped', async () => {
		const { engine, coordinator, job } = setUp();
		const first = job('first', 'interactive');
		const cancelled = new AbortController();
		const dropped = job('dropped', 'background', cancelled.signal);
		const idle = coordinator.idle();
		await waitSent(engine, ['first']);
		cancelled.abort();
		await expect(dropped).rejects.toBeInstanceOf(QueryDropped);
		expect(await idleYet(idle)).toBe(false);
		engine.answer('first');
		await first;
		expect(await idleYet(idle)).toBe(true);
		expect(engine.sent).toEqual(['first']);
	});
});

describe('Resource', () => {
	/** Screen state a resource reads: `village` matters to the load, `title` does not. */
	class Screen {
		village = $state('V1');
		title = $state('Rencana A');
		open = $state(true);
	}

	function resourceOn(screen: Screen, coordinator: QueryCoordinator) {
		return new Resource(coordinator, {
			priority: 'interactive',
			inputs: () => (screen.open ? { village: screen.village, title: screen.title } : null),
			key: (inputs) => inputs.village,
			load: async (engine, inputs) => (await engine.query(`panel ${inputs.village}`), `figures of ${inputs.village}`)
		});
	}

	it('loads when its key changes and only then', async () => {
		const { engine, coordinator } = setUp();
		const screen = new Screen();
		const panel = resourceOn(screen, coordinator);
		const stop = $effect.root(() => panel.activate());
		try {
			flushSync();
			await waitSent(engine, ['panel V1']);
			expect(panel.loading).toBe(true);
			engine.answer('panel V1');
			await vi.waitFor(() => expect(panel.loading).toBe(false));
			expect(panel.value).toBe('figures of V1');
			expect(panel.key).toBe('V1');
			expect(panel.current).toBe(true);

			screen.title = 'Rencana B';
			flushSync();
			await panel.refresh();
			expect(engine.sent).toEqual(['panel V1']);

			screen.village = 'V2';
			flushSync();
			expect(panel.current).toBe(false);
			await waitSent(engine, ['panel V1', 'panel V2']);
			engine.answer('panel V2');
			await vi.waitFor(() => expect(panel.value).toBe('figures of V2'));
			expect(panel.current).toBe(true);
		} finally {
			stop();
		}
	});

	it('drops the answer for inputs no longer current and cancels its job', async () => {
		const { engine, coordinator } = setUp();
		const screen = new Screen();
		const panel = resourceOn(screen, coordinator);
		const stop = $effect.root(() => panel.activate());
		try {
			flushSync();
			await waitSent(engine, ['panel V1']);
			screen.village = 'V2';
			flushSync();
			// V1's statement was interrupted; V2's runs next.
			await waitSent(engine, ['panel V1', 'panel V2']);
			expect(engine.interrupts).toBe(1);
			expect(engine.waiting('panel V1')).toBe(false);
			engine.answer('panel V2');
			await vi.waitFor(() => expect(panel.loading).toBe(false));
			expect(panel.value).toBe('figures of V2');
			expect(panel.error).toBeNull();
		} finally {
			stop();
		}
	});

	it('keeps the thrown value as its error, and tries again on the next refresh', async () => {
		const { engine, coordinator } = setUp();
		const screen = new Screen();
		const panel = resourceOn(screen, coordinator);
		const loaded = panel.refresh();
		await waitSent(engine, ['panel V1']);
		const error = new Error('Catalog Error: Table with name household does not exist!');
		engine.fail('panel V1', error);
		await loaded;
		expect(panel.error).toBe(error);
		expect(panel.value).toBeNull();
		expect(panel.loading).toBe(false);
		const again = panel.refresh();
		await waitSent(engine, ['panel V1', 'panel V1']);
		engine.answer('panel V1');
		await again;
		expect(panel.error).toBeNull();
		expect(panel.value).toBe('figures of V1');
	});

	it('loads nothing while there is nothing to load, and drops the load on its way when the scope ends', async () => {
		const { engine, coordinator } = setUp();
		const screen = new Screen();
		screen.open = false;
		const panel = resourceOn(screen, coordinator);
		const stop = $effect.root(() => panel.activate());
		flushSync();
		await panel.refresh();
		expect(engine.sent).toEqual([]);
		screen.open = true;
		flushSync();
		await waitSent(engine, ['panel V1']);
		stop();
		// Left a turn for a screen taking over, then dropped: nobody took it.
		expect(engine.interrupts).toBe(0);
		await vi.waitFor(() => expect(engine.interrupts).toBe(1));
		expect(panel.loading).toBe(false);
		expect(panel.value).toBeNull();
	});

	it('hands the load on its way to the next screen that wants the same answer, instead of starting it again', async () => {
		const { engine, coordinator } = setUp();
		const screen = new Screen();
		const panel = resourceOn(screen, coordinator);
		const leaving = $effect.root(() => panel.activate());
		flushSync();
		await waitSent(engine, ['panel V1']);
		// A navigation: the old page's scope ends, the new page's begins in the same turn.
		leaving();
		const arriving = $effect.root(() => panel.activate());
		try {
			flushSync();
			await new Promise((resolve) => setTimeout(resolve, 0));
			expect(engine.interrupts).toBe(0);
			engine.answer('panel V1');
			await vi.waitFor(() => expect(panel.value).toBe('figures of V1'));
			expect(engine.sent).toEqual(['panel V1']);
			expect(panel.loading).toBe(false);
		} finally {
			arriving();
		}
	});

	it('lets the next screen that wants another answer drop the load it was handed', async () => {
		const { engine, coordinator } = setUp();
		const screen = new Screen();
		const panel = resourceOn(screen, coordinator);
		const leaving = $effect.root(() => panel.activate());
		flushSync();
		await waitSent(engine, ['panel V1']);
		leaving();
		screen.village = 'V2';
		const arriving = $effect.root(() => panel.activate());
		try {
			flushSync();
			await waitSent(engine, ['panel V1', 'panel V2']);
			expect(engine.interrupts).toBe(1);
			engine.answer('panel V2');
			await vi.waitFor(() => expect(panel.value).toBe('figures of V2'));
		} finally {
			arriving();
		}
	});
});
