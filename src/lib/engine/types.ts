import type { Table } from 'apache-arrow';

/**
 * The one boundary between Tepat and DuckDB. The browser driver runs duckdb-wasm in a Web Worker,
 * the Node driver runs @duckdb/node-api; both run the same SQL and hand results back as Arrow tables.
 * Code above this layer never imports a DuckDB package.
 */
export interface Engine {
	readonly host: 'browser' | 'node';
	/** Runs one statement that returns rows. */
	query(sql: string): Promise<Table>;
	/** Runs statements for their effect (DDL, INSERT, SET …). */
	exec(sql: string): Promise<void>;
	/**
	 * Makes bytes readable from SQL under `name` (e.g. `read_csv('name')`).
	 * The name is a plain file name, unique per load; drop it with `dropFile` when done.
	 */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	dropFile(name: string): Promise<void>;
	/**
	 * Browser only: makes a user's File readable from SQL under `name` without copying its bytes;
	 * DuckDB reads the ranges it needs from the worker as it scans. Drop it with `dropFile`.
	 */
	registerFileHandle?(name: string, file: Blob): Promise<void>;
	/**
	 * Browser only: reads a Parquet File in record batches of its own types, without the whole file or
	 * its decoded table in memory at once. Before each `batch` call, `table` holds that batch's rows only
	 * (and nothing else); after the last one it is dropped. A `batch` that throws stops the read.
	 * `batch` gets the batch's rows and the file's (from its footer), for progress.
	 */
	readParquetBatches?(file: Blob, table: string, batch: (rows: number, fileRows: number) => Promise<void>): Promise<void>;
	/** Creates (or replaces) table `table` from a Parquet file's bytes. */
	createTableFromParquet(table: string, bytes: Uint8Array): Promise<number>;
	/** Writes the rows of `sql` as Parquet bytes (used to keep a copy of the register). */
	exportParquet(sql: string): Promise<Uint8Array>;
	/**
	 * Asks DuckDB to stop the statement running now, which then fails; with nothing running it does
	 * nothing. Drivers that cannot stop a running statement say so and leave it to finish.
	 */
	interrupt(): Promise<void>;
	close(): Promise<void>;
}

/** Settings every driver applies on open: nothing is ever downloaded at run time. */
export const OFFLINE_SETTINGS = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'] as const;
