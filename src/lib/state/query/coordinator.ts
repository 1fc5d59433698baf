/**
 * The one way the screens read DuckDB, after Mosaic's Coordinator/QueryManager. Every read is a job
 * with a priority; jobs run one at a time on the app's one connection, interactive reads (map, village
 * panel, tables, overview) before background work (allocation, exports, plan comparison). A job whose
 * answer is no longer wanted (its signal aborted) is dropped if it has not started; if it is running,
 * its next statement is refused and the one running is interrupted where the driver can (Node; see
 * Engine.interrupt for duckdb-wasm). Either way its answer is never delivered.
 */
import type { Engine } from '$lib/engine/types';
import { QueryDropped } from './dropped';
import { SignalledEngine } from './signalled-engine';

export { QueryDropped };

export type QueryPriority = 'interactive' | 'background';

export interface QueryJob<T> {
	priority: QueryPriority;
	/** Aborted by the caller when the answer is no longer wanted. */
	signal?: AbortSignal;
	run(engine: Engine): Promise<T>;
}

interface Waiting {
	job: QueryJob<unknown>;
	resolve(value: unknown): void;
	reject(error: unknown): void;
}

export class QueryCoordinator {
	#queue: Waiting[] = [];
	#running: Waiting | null = null;
	#engine: Engine | null = null;
	#idleWaiters: (() => void)[] = [];

	constructor(private readonly engineOf: () => Promise<Engine>) {}

	/**
	 * Settles once no job is queued or running, the queue having stayed empty for a task after the last
	 * answer (the screens' effects ask for their next reads within it). Background work that is not a
	 * query (the service worker's install) waits for it, so as not to take a core from the screens.
	 */
	idle(): Promise<void> {
		return new Promise((resolve) => {
			this.#idleWaiters.push(resolve);
			this.#whenIdle();
		});
	}

	#whenIdle(): void {
		if (this.#idleWaiters.length === 0) return;
		setTimeout(() => {
			if (this.#running || this.#queue.length > 0) return; // Checked again when that job ends.
			const waiters = this.#idleWaiters;
			this.#idleWaiters = [];
			for (const resolve of waiters) resolve();
		}, 0);
	}

	/** Queues `job`; its promise settles with the job's answer, or rejects with QueryDropped. */
	submit<T>(job: QueryJob<T>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			if (job.signal?.aborted) {
				reject(new QueryDropped());
				return;
			}
			const waiting: Waiting = { job, resolve: resolve as (value: unknown) => void, reject };
			job.signal?.addEventListener('abort', () => this.#abort(waiting), { once: true });
			this.#queue.push(waiting);
			// Chosen a microtask later, so jobs asked for in the same turn (a new register's save and the
			// screens' reads its effects start) go by priority, not by who asked first.
			queueMicrotask(() => void this.#next());
		});
	}

	#abort(waiting: Waiting): void {
		const at = this.#queue.indexOf(waiting);
		if (at >= 0) {
			this.#queue.splice(at, 1);
			waiting.reject(new QueryDropped());
			this.#whenIdle();
		} else if (this.#running === waiting) {
			// One job runs at a time, so the statement stopped is this job's. (A register load runs beside the
			// coordinator, but in the browser interrupt cancels only a sent query, which loads never use.)
			void this.#engine?.interrupt().catch(() => undefined);
		}
	}

	/** The first interactive job waiting, else the first background one. */
	#take(): Waiting | undefined {
		const at = this.#queue.findIndex((w) => w.job.priority === 'interactive');
		return this.#queue.splice(at >= 0 ? at : 0, 1)[0];
	}

	async #next(): Promise<void> {
		if (this.#running) return;
		const waiting = this.#take();
		if (!waiting) return;
		this.#running = waiting;
		const { job } = waiting;
		try {
			const engine = await this.engineOf();
			this.#engine = engine;
			const signal = job.signal ?? new AbortController().signal;
			const answer = await job.run(new SignalledEngine(engine, signal));
			if (job.signal?.aborted) waiting.reject(new QueryDropped());
			else waiting.resolve(answer);
		} catch (error) {
			waiting.reject(job.signal?.aborted ? new QueryDropped() : error);
		} finally {
			this.#running = null;
			void this.#next();
			this.#whenIdle();
		}
	}
}
