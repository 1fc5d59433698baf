/**
 * parquet-wasm in its own worker: decoding a register's Parquet or encoding the stored copy takes
 * seconds for a million people, and on the page's thread that froze the tab (bench: 6–7 s tasks).
 * A user's File is read here in record batches, each handed over only when asked for, so neither the
 * file nor its decoded table is ever held whole. Requests and answers are typed in parquet-protocol.ts;
 * answers transfer their bytes.
 */
import init, {
	Compression,
	ParquetFile,
	Table as WasmTable,
	WriterPropertiesBuilder,
	readParquet,
	writeParquet,
	type RecordBatch
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

interface BatchStream {
	file: ParquetFile;
	reader: ReadableStreamDefaultReader<RecordBatch>;
}

const streams = new Map<number, BatchStream>();

async function closeStream(id: number): Promise<void> {
	const stream = streams.get(id);
	if (!stream) return;
	streams.delete(id);
	await stream.reader.cancel().catch(() => undefined);
	stream.file.free();
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
			try {
				const rows = Number(file.metadata().fileMetadata().numRows());
				const stream = (await file.stream({ batchSize: PARQUET_BATCH_ROWS })) as ReadableStream<RecordBatch>;
				streams.set(request.id, { file, reader: stream.getReader() });
				return { bytes: null, rows };
			} catch (error) {
				file.free();
				throw error;
			}
		}
		case 'batches-next': {
			const stream = streams.get(request.stream);
			if (!stream) throw new Error('parquet stream is closed');
			const next = await stream.reader.read();
			if (next.done) {
				await closeStream(request.stream);
				return { bytes: null };
			}
			return { bytes: next.value.intoIPCStream() };
		}
		case 'batches-close':
			await closeStream(request.stream);
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
