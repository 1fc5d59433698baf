/**
 * An engine that refuses every statement once its signal is aborted: a job the coordinator dropped
 * while it ran stops at its next statement instead of running the rest for nobody.
 */
import type { Table } from 'apache-arrow';
import type { Engine } from '$lib/engine/types';
import { QueryDropped } from './dropped';

export class SignalledEngine implements Engine {
	constructor(
		private readonly inner: Engine,
		private readonly signal: AbortSignal
	) {}

	get host(): Engine['host'] {
		return this.inner.host;
	}

	#check(): void {
		if (this.signal.aborted) throw new QueryDropped();
	}

	async query(sql: string): Promise<Table> {
		this.#check();
		return this.inner.query(sql);
	}

	async exec(sql: string): Promise<void> {
		this.#check();
		return this.inner.exec(sql);
	}

	async registerFile(name: string, bytes: Uint8Array): Promise<void> {
		this.#check();
		return this.inner.registerFile(name, bytes);
	}

	dropFile(name: string): Promise<void> {
		// Always allowed: it is how a job cleans up after itself.
		return this.inner.dropFile(name);
	}

	async createTableFromParquet(table: string, bytes: Uint8Array): Promise<number> {
		this.#check();
		return this.inner.createTableFromParquet(table, bytes);
	}

	async exportParquet(sql: string): Promise<Uint8Array> {
		this.#check();
		return this.inner.exportParquet(sql);
	}

	interrupt(): Promise<void> {
		return this.inner.interrupt();
	}

	close(): Promise<void> {
		throw new Error('A query job does not close the engine it is lent.');
	}
}
