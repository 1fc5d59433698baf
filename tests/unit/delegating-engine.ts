import type { Table } from 'apache-arrow';
import type { Engine } from '../../src/lib/engine/types';

/** An engine that hands every call to `inner`: a test's engine extends it and overrides what it watches. */
export class DelegatingEngine implements Engine {
	readonly host = 'node' as const;
	constructor(readonly inner: Engine) {}

	query(sql: string): Promise<Table> {
		return this.inner.query(sql);
	}
	exec(sql: string): Promise<void> {
		return this.inner.exec(sql);
	}
	registerFile(name: string, bytes: Uint8Array): Promise<void> {
		return this.inner.registerFile(name, bytes);
	}
	dropFile(name: string): Promise<void> {
		return this.inner.dropFile(name);
	}
	createTableFromParquet(table: string, bytes: Uint8Array): Promise<number> {
		return this.inner.createTableFromParquet(table, bytes);
	}
	exportParquet(sql: string): Promise<Uint8Array> {
		return this.inner.exportParquet(sql);
	}
	interrupt(): Promise<void> {
		return this.inner.interrupt();
	}
	close(): Promise<void> {
		return this.inner.close();
	}
}
