/**
 * The browser's DuckDB (duckdb-wasm, its blocking Node build) behind the Engine interface, so unit tests
 * can run the same SQL on the engine the browser uses. No Parquet: the browser reads Parquet through
 * parquet-wasm, which the end-to-end tests exercise.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings, type DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS, type Engine } from '../../src/lib/engine/types';

export class WasmTestEngine implements Engine {
	readonly host = 'browser' as const;
	private constructor(
		private readonly db: DuckDBBindings,
		private readonly conn: DuckDBConnection
	) {}

	static async open(): Promise<WasmTestEngine> {
		const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
		const db = await createDuckDB(
			{
				mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
				eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
			},
			new VoidLogger(),
			NODE_RUNTIME
		);
		await db.instantiate();
		const engine = new WasmTestEngine(db, db.connect());
		for (const setting of OFFLINE_SETTINGS) await engine.exec(setting);
		return engine;
	}
	async query(sql: string): Promise<Table> {
		return this.conn.query(sql) as unknown as Table;
	}
	async exec(sql: string): Promise<void> {
		this.conn.query(sql);
	}
	async registerFile(name: string, bytes: Uint8Array): Promise<void> {
		this.db.registerFileBuffer(name, bytes.slice());
	}
	async dropFile(name: string): Promise<void> {
		this.db.dropFile(name);
	}
	async createTableFromParquet(): Promise<number> {
		throw new Error('not in this test engine');
	}
	async exportParquet(): Promise<Uint8Array> {
		throw new Error('not in this test engine');
	}
	async close(): Promise<void> {
		this.conn.close();
	}
}
