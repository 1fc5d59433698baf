/**
 * Parquet in the browser without DuckDB's parquet extension (which duckdb-wasm would download at run
 * time): parquet-wasm decodes Parquet into an Arrow IPC stream and encodes Arrow IPC into Parquet.
 * Its wasm is served from our own origin through a Vite `?url` import and instantiated once, lazily.
 */
import init, {
	Compression,
	Table as WasmTable,
	WriterPropertiesBuilder,
	readParquet,
	writeParquet
} from 'parquet-wasm/esm/parquet_wasm.js';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | null = null;

function ensureParquet(): Promise<unknown> {
	if (!ready) {
		ready = init({ module_or_path: parquetWasmUrl }).catch((error: unknown) => {
			ready = null;
			throw error;
		});
	}
	return ready;
}

/** Rows per Arrow record batch when decoding: large batches insert into DuckDB much faster than 1024. */
const BATCH_ROWS = 65_536;

/** Parquet bytes → Arrow IPC stream bytes (one schema, many record batches). */
export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
	await ensureParquet();
	const table = readParquet(bytes, { batchSize: BATCH_ROWS });
	// intoIPCStream consumes (and frees) the wasm-side table.
	return table.intoIPCStream();
}

/** Arrow IPC stream bytes → Parquet bytes (Zstd: the stored register copy stays small). */
export async function ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
	await ensureParquet();
	const table = WasmTable.fromIPCStream(ipc);
	const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
	// writeParquet consumes both the table and the properties.
	return writeParquet(table, properties);
}
