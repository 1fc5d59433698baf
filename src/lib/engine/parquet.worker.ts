/**
 * parquet-wasm in its own worker: decoding a register's Parquet or encoding the stored copy takes
 * seconds for a million people, and on the page's thread that froze the tab (bench: 6–7 s tasks).
 * A user's File is read here one row group at a time, each handed over only when asked for, so its
 * decoded table is never held whole (nor the file's bytes on the page). Requests and answers are typed
 * in parquet-protocol.ts; answers transfer their bytes.
 */
import init, {
	Compression,
	ParquetFile,
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

/**
 * The file's bytes and the next row group to decode. parquet-wasm's own streaming reader (ParquetFile
 * over the Blob) read the 1M-person file three times slower than decoding from bytes, so the bytes (a
 * Parquet file is small next to its decoded table) are read once here and decoded a row group at a time.
 */
interface BatchStream {
	bytes: Uint8Array;
	rowGroups: number;
	next: number;
}

const streams = new Map<number, BatchStream>();

function closeStream(id: number): void {
	streams.delete(id);
}

async function answer(request: ParquetRequest): Promise<{ bytes: Uint8Array | null; rows?: number }> {
	switch (request.op) {
		case 'parquet-to-ipc':
			// intoIPCStream consumes (and frees) the wasm-side table.
			return { bytes: readParquet(request.bytes, { batchSize: PARQUET_BATCH_ROWS }).intoIPCStream() };
		case 'ipc-to-parquet': {
			const table = WasmTable.fromIPCStream(request.bytes);
			const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
			// writeParquet consumes both the table and the properties.
			return { bytes: writeParquet(table, properties) };
		}
		case 'batches-open': {
			const file = await ParquetFile.fromFile(request.file);
			let rows: number;
			let rowGroups: number;
			try {
				const metadata = file.metadata();
				rows = Number(metadata.fileMetadata().numRows());
				rowGroups = metadata.numRowGroups();
			} finally {
				file.free();
			}
			const bytes = new Uint8Array(await request.file.arrayBuffer());
			streams.set(request.id, { bytes, rowGroups, next: 0 });
			return { bytes: null, rows };
		}
		case 'batches-next': {
			const stream = streams.get(request.stream);
			if (!stream) throw new Error('parquet stream is closed');
			if (stream.next >= stream.rowGroups) {
				closeStream(request.stream);
				return { bytes: null };
			}
			const rowGroup = stream.next++;
			return { bytes: readParquet(stream.bytes, { rowGroups: [rowGroup], batchSize: PARQUET_BATCH_ROWS }).intoIPCStream() };
		}
		case 'batches-close':
			closeStream(request.stream);
			return { bytes: null };
	}
}

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<ParquetRequest>) => void) | null;
	postMessage(message: ParquetResponse, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
	const request = event.data;
	void ensureParquet()
		.then(() => answer(request))
		.then(({ bytes, rows }) => {
			const message: ParquetResponse = rows === undefined ? { id: request.id, ok: true, bytes } : { id: request.id, ok: true, bytes, rows };
			scope.postMessage(message, bytes ? [bytes.buffer] : []);
		})
		.catch((error: unknown) => {
			const message = error instanceof Error ? error.message : String(error);
			scope.postMessage({ id: request.id, ok: false, message }, []);
		});
};
