/**
 * Parquet in the browser without DuckDB's parquet extension (which duckdb-wasm would download at run
 * time): parquet-wasm decodes Parquet into an Arrow IPC stream and encodes Arrow IPC into Parquet. It
 * runs in its own worker (parquet.worker.ts, served from our origin with its wasm), started once, on
 * first use, so the page stays responsive while a large register is decoded or stored. A user's File
 * is read there in record batches (openParquetBatches), pulled one at a time.
 */
import type { ParquetRequest, ParquetResponse } from './parquet-protocol';

interface Answer {
	bytes: Uint8Array | null;
	rows?: number;
}

interface Pending {
	resolve(answer: Answer): void;
	reject(error: Error): void;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
	for (const waiting of pending.values()) waiting.reject(error);
	pending.clear();
	worker?.terminate();
	worker = null;
}

function parquetWorker(): Worker {
	if (worker) return worker;
	const started = new Worker(new URL('./parquet.worker.ts', import.meta.url), { type: 'module' });
	started.onmessage = (event: MessageEvent<ParquetResponse>) => {
		const answer = event.data;
		const waiting = pending.get(answer.id);
		if (!waiting) return;
		pending.delete(answer.id);
		if (answer.ok) waiting.resolve(answer);
		else waiting.reject(new Error(answer.message));
	};
	// A worker that cannot start or crashes (e.g. out of memory) fails what it was doing; the next call starts a new one.
	started.onerror = (event) => failAll(new Error(event.message || 'parquet worker failed'));
	worker = started;
	return started;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = WithoutId<ParquetRequest>;

function send(request: Request): { id: number; answer: Promise<Answer> } {
	const id = nextId++;
	const answer = new Promise<Answer>((resolve, reject) => {
		pending.set(id, { resolve, reject });
		// Copied, not transferred: callers may still hold the bytes (a stored copy, a fetched sample).
		// A File is handed over as a handle: the worker reads it, the page never holds its bytes.
		parquetWorker().postMessage({ ...request, id } as ParquetRequest);
	});
	return { id, answer };
}

async function convert(op: 'parquet-to-ipc' | 'ipc-to-parquet', bytes: Uint8Array): Promise<Uint8Array> {
	const { bytes: out } = await send({ op, bytes }).answer;
	if (!out) throw new Error('parquet worker answered without bytes');
	return out;
}

/** Parquet bytes → Arrow IPC stream bytes (one schema, many record batches). */
export function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
	return convert('parquet-to-ipc', bytes);
}

/**
 * Decodes started before DuckDB could take them, keyed by the very bytes they were started for. At
 * start-up the parquet worker decodes the stored copy or the bundled sample while DuckDB's wasm is still
 * compiling in its own worker (two cores, two workers), so only the inserts wait for DuckDB.
 */
const ahead = new WeakMap<Uint8Array, Promise<Uint8Array>>();

/** Starts decoding `bytes` now; `decodedIPC(bytes)` later takes the result. */
export function decodeAhead(bytes: Uint8Array): void {
	if (ahead.has(bytes)) return;
	const decoded = parquetToIPC(bytes);
	// Seen by whoever takes it; a decode nobody takes (DuckDB failed to start) must not be reported as unhandled.
	decoded.catch(() => undefined);
	ahead.set(bytes, decoded);
}

/** The decode started ahead for these bytes (handed out once), or a new one. */
export function decodedIPC(bytes: Uint8Array): Promise<Uint8Array> {
	const started = ahead.get(bytes);
	if (!started) return parquetToIPC(bytes);
	ahead.delete(bytes);
	return started;
}

/** Arrow IPC stream bytes → Parquet bytes (Zstd: the stored register copy stays small). */
export function ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
	return convert('ipc-to-parquet', ipc);
}

/** A Parquet File read one record batch at a time; `close` it in every case (it is idempotent). */
export interface ParquetBatches {
	/** Rows in the file, from its footer. */
	rows: number;
	/** The next record batch as an Arrow IPC stream, or null after the last. */
	next(): Promise<Uint8Array | null>;
	close(): Promise<void>;
}

export async function openParquetBatches(file: Blob): Promise<ParquetBatches> {
	const opened = send({ op: 'batches-open', file });
	const { rows } = await opened.answer;
	let open = true;
	return {
		rows: rows ?? 0,
		async next() {
			if (!open) return null;
			const { bytes } = await send({ op: 'batches-next', stream: opened.id }).answer;
			if (!bytes) open = false;
			return bytes;
		},
		async close() {
			if (!open) return;
			open = false;
			await send({ op: 'batches-close', stream: opened.id }).answer.catch(() => undefined);
		}
	};
}
