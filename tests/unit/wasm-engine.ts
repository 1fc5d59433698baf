/**
 * The browser's DuckDB (duckdb-wasm, its blocking Node build) behind the Engine interface, so unit tests
 * can run the same SQL on the engine the browser uses. Parquet goes through parquet-wasm (its Node
 * build) the way src/lib/engine/browser.ts and parquet-browser.ts do it: the same bytes both ways.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings, type DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, readParquet, writeParquet } from 'parquet-wasm';
import { ipcFileToStream } from '../../src/lib/engine/arrow-ipc';
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
	/**
	 * The browser registers the File itself (BROWSER_FILEREADER, which needs a browser); here its bytes,
	 * so stage.ts takes the same path and DuckDB reads the whole file in one read_csv.
	 */
	async registerFileHandle(name: string, file: Blob): Promise<void> {
		this.db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
	}
	/** The browser's contract (one batch at a time in `table`), in record batches of `parquetBatchRows`. */
	async readParquetBatches(file: Blob, table: string, batch: (rows: number, fileRows: number) => Promise<void>): Promise<void> {
		const decoded = readParquet(new Uint8Array(await file.arrayBuffer()), { batchSize: this.parquetBatchRows });
		const fileRows = decoded.numBatches === 0 ? 0 : decoded.recordBatches().reduce((sum, b) => sum + b.numRows, 0);
		try {
			for (let i = 0; i < decoded.numBatches; i++) {
				const ipc = decoded.recordBatch(i)?.intoIPCStream();
				if (!ipc) break;
				this.conn.query(`DROP TABLE IF EXISTS ${table}`);
				this.conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
				await batch(Number(this.conn.query(`SELECT count(*)::INTEGER AS n FROM ${table}`).get(0)?.n ?? 0), fileRows);
			}
		} finally {
			decoded.free();
			this.conn.query(`DROP TABLE IF EXISTS ${table}`);
		}
	}
	/** Rows per record batch in readParquetBatches; tests make it tiny to cross batches. */
	parquetBatchRows = 65_536;
	/** DuckDB's Arrow IPC file for `sql`, as the browser engine gets it from its worker. */
	runQueryIPC(sql: string): Uint8Array {
		return this.conn.useUnsafe((db, connection) => db.runQuery(connection, sql));
	}
	async createTableFromParquet(table: string, bytes: Uint8Array): Promise<number> {
		const ipc = readParquet(bytes, { batchSize: 65_536 }).intoIPCStream();
		this.conn.query(`DROP TABLE IF EXISTS ${table}`);
		this.conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
		return Number(this.conn.query(`SELECT count(*)::INTEGER AS n FROM ${table}`).get(0)?.n ?? 0);
	}
	async exportParquet(sql: string): Promise<Uint8Array> {
		const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
		return writeParquet(WasmTable.fromIPCStream(ipcFileToStream(this.runQueryIPC(sql))), properties);
	}
	/** The blocking bindings run each statement to its end before any other code runs: nothing to stop. */
	async interrupt(): Promise<void> {}
	async close(): Promise<void> {
		this.conn.close();
	}
}
