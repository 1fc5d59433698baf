/**
 * Parquet in the browser without DuckDB's parquet extension (which duckdb-wasm would download at run
 * time): parquet-wasm decodes Parquet into an Arrow IPC stream and encodes Arrow IPC into Parquet. It
 * runs in its own worker (parquet.worker.ts, served from our origin with its wasm), started once, on
 * first use, so the page stays responsive while a large register is decoded or stored.
 */
import type { ParquetRequest, ParquetResponse } from './parquet-protocol';

interface Pending {
	resolve(bytes: Uint8Array): void;
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
		if (answer.ok) waiting.resolve(answer.bytes);
		else waiting.reject(new Error(answer.message));
	};
	// A worker that cannot start or crashes (e.g. out of memory) fails what it was doing; the next call starts a new one.
	started.onerror = (event) => failAll(new Error(event.message || 'parquet worker failed'));
	worker = started;
	return started;
}

function run(op: ParquetRequest['op'], bytes: Uint8Array): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const id = nextId++;
		pending.set(id, { resolve, reject });
		// Copied, not transferred: callers may still hold the bytes (a stored copy, a fetched sample).
		parquetWorker().postMessage({ id, op, bytes } satisfies ParquetRequest);
	});
}

/** Parquet bytes → Arrow IPC stream bytes (one schema, many record batches). */
export function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
	return run('parquet-to-ipc', bytes);
}

/** Arrow IPC stream bytes → Parquet bytes (Zstd: the stored register copy stays small). */
export function ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
	return run('ipc-to-parquet', ipc);
}
