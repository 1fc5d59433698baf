/**
 * parquet-wasm in its own worker: decoding a register's Parquet or encoding the stored copy takes
 * seconds for a million people, and on the page's thread that froze the tab (bench: 6–7 s tasks).
 * Requests and answers are typed in parquet-protocol.ts; answers transfer their bytes.
 */
import init, {
	Compression,
	Table as WasmTable,
	WriterPropertiesBuilder,
	readParquet,
	writeParquet
} from 'parquet-wasm/esm/parquet_wasm.js';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { PARQUET_BATCH_ROWS, type ParquetRequest, type ParquetResponse } from './parquet-protocol';

let ready: Promise<unknown> | null = null;

function ensureParquet(): Promise<unknown> {
	ready ??= init({ module_or_path: parquetWasmUrl }).catch((error: unknown) => {
		ready = null;
		throw error;
	});
	return ready;
}

function convert(request: ParquetRequest): Uint8Array {
	if (request.op === 'parquet-to-ipc') {
		// intoIPCStream consumes (and frees) the wasm-side table.
		return readParquet(request.bytes, { batchSize: PARQUET_BATCH_ROWS }).intoIPCStream();
	}
	const table = WasmTable.fromIPCStream(request.bytes);
	const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
	// writeParquet consumes both the table and the properties.
	return writeParquet(table, properties);
}

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<ParquetRequest>) => void) | null;
	postMessage(message: ParquetResponse, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
	const request = event.data;
	void ensureParquet()
		.then(() => {
			const bytes = convert(request);
			scope.postMessage({ id: request.id, ok: true, bytes }, [bytes.buffer]);
		})
		.catch((error: unknown) => {
			const message = error instanceof Error ? error.message : String(error);
			scope.postMessage({ id: request.id, ok: false, message }, []);
		});
};
