/**
 * An engine lent to long work that is not one job: each statement is a background job of the
 * coordinator, so the screens' reads go between its statements instead of waiting for all of them.
 * Once `signal` is aborted every statement is refused (`stopped()` is thrown) except the dropping of a
 * table or a file: the work's own cleanup still runs.
 */
import type { Table } from 'apache-arrow';
import type { Engine } from '$lib/engine/types';
import type { QueryCoordinator } from './coordinator';

const CLEANUP = /^\s*DROP TABLE IF EXISTS\s/i;

export class BackgroundEngine implements Engine {
	readonly registerFileHandle?: (name: string, file: Blob) => Promise<void>;

	constructor(
		private readonly inner: Engine,
		private readonly coordinator: QueryCoordinator,
		private readonly signal: AbortSignal,
		private readonly stopped: () => Error
	) {
		const handles = inner.registerFileHandle?.bind(inner);
		if (handles) {
			this.registerFileHandle = async (name, file) => {
				this.#check();
				return handles(name, file);
			};
		}
	}

	get host(): Engine['host'] {
		return this.inner.host;
	}

	#check(sql?: string): void {
		if (this.signal.aborted && !(sql !== undefined && CLEANUP.test(sql))) throw this.stopped();
	}

	#job<T>(run: (engine: Engine) => Promise<T>): Promise<T> {
		return this.coordinator.submit({ priority: 'background', run });
	}

	async query(sql: string): Promise<Table> {
		this.#check(sql);
		return this.#job((engine) => engine.query(sql));
	}

	async exec(sql: string): Promise<void> {
		this.#check(sql);
		return this.#job((engine) => engine.exec(sql));
	}

	async registerFile(name: string, bytes: Uint8Array): Promise<void> {
		this.#check();
		return this.inner.registerFile(name, bytes);
	}

	dropFile(name: string): Promise<void> {
		return this.inner.dropFile(name);
	}

	async createTableFromParquet(table: string, bytes: Uint8Array): Promise<number> {
		this.#check();
		return this.#job((engine) => engine.createTableFromParquet(table, bytes));
	}

	async exportParquet(sql: string): Promise<Uint8Array> {
		this.#check();
		return this.#job((engine) => engine.exportParquet(sql));
	}

	interrupt(): Promise<void> {
		return this.inner.interrupt();
	}

	close(): Promise<void> {
		throw new Error('Background work does not close the engine it is lent.');
	}
}
