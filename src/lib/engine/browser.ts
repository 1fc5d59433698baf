/**
 * The browser driver: DuckDB (duckdb-wasm) in its own Web Worker. Where the page is cross-origin isolated
 * (scripts/serve.js sends COOP/COEP; on a host that cannot, the service worker adds them: src/lib/isolation/)
 * it runs the multithreaded "coi" build with one thread per core (up to MAX_THREADS), through our wrapper
 * of its worker (duckdb-coi.worker.ts); elsewhere, with the `?threads=0` kill switch, or if that build
 * fails to start, the single-threaded "eh" build. The worker
 * scripts and the wasm come from our own origin through Vite `?url` imports: no CDN, and OFFLINE_SETTINGS
 * switch extension autoloading off at open, so a missing extension is an error and never a request.
 * DuckDB in the browser has no Parquet reader (an extension), so Parquet goes through parquet-wasm.
 * A user's File is never copied whole: CSV is read by DuckDB through a registered File handle, and
 * Parquet in record batches pulled one at a time from parquet-wasm's worker.
 */
import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import duckdbWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import duckdbCoiWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import duckdbCoiWorkerUrl from './duckdb-coi.worker?worker&url';
import duckdbCoiPthreadUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS, type Engine } from './types';
import { ipcFileToStream } from './arrow-ipc';
import { decodedIPC, ipcToParquet, openParquetBatches } from './parquet-browser';
import { sqlIdent } from '../core/sql';
import { CodedError, coded } from '../core/messages';

/** How long opening took, and which build runs with how many threads (the benchmark records both). */
export interface BrowserEngineTimings {
	instantiateMs: number;
	build: 'coi' | 'eh';
	threads: number;
}

/** More threads than this buys little on the laptops Dinsos uses, and each one costs wasm memory. */
const MAX_THREADS = 4;

interface Bundle {
	build: 'coi' | 'eh';
	worker: string;
	wasm: string;
	pthread: string | null;
}

const EH: Bundle = { build: 'eh', worker: duckdbWorkerUrl, wasm: duckdbWasmUrl, pthread: null };
const COI: Bundle = { build: 'coi', worker: duckdbCoiWorkerUrl, wasm: duckdbCoiWasmUrl, pthread: duckdbCoiPthreadUrl };

/** Threads are possible only where SharedArrayBuffer is: a cross-origin isolated page. */
function threadsAllowed(): boolean {
	return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer !== 'undefined';
}

/**
 * Rejects when `worker` reports an error (its script failed to load, or threw at the top level).
 * AsyncDuckDB only logs that and drops its pending requests, so `instantiate` would wait forever and
 * the single-threaded fallback would never be tried.
 */
function workerFailure(worker: Worker, build: Bundle['build']): { failed: Promise<never>; stop(): void } {
	let onError: () => void = () => undefined;
	const failed = new Promise<never>((_, reject) => {
		onError = () => reject(new CodedError(coded('engine.worker_failed', { build })));
		worker.addEventListener('error', onError);
	});
	return { failed, stop: () => worker.removeEventListener('error', onError) };
}

async function instantiate(bundle: Bundle, threads: number): Promise<{ db: AsyncDuckDB; worker: Worker }> {
	const worker = new Worker(bundle.worker);
	const db = new AsyncDuckDB(new VoidLogger(), worker);
	const failure = workerFailure(worker, bundle.build);
	const starting = (async () => {
		await db.instantiate(bundle.wasm, bundle.pthread);
		// The thread pool is sized when the database opens; `SET threads` afterwards blocks in the coi build.
		await db.open({ path: ':memory:', maximumThreads: threads, query: { castBigIntToDouble: false } });
	})();
	// Whichever loses the race below may still settle later; that is no unhandled rejection.
	starting.catch(() => undefined);
	try {
		await Promise.race([failure.failed, starting]);
		return { db, worker };
	} catch (error) {
		await db.terminate();
		worker.terminate();
		throw error;
	} finally {
		failure.stop();
	}
}

/**
 * duckdb-wasm ships without ICU, where DuckDB 1.4 keeps `current_date` and `today()`; in Node they are
 * built in. So the same SQL runs in both hosts, define them as macros fixed at the browser's local date
 * when the engine opens (a session does not outlive a day in any way that matters here).
 */
function dateShims(now = new Date()): string[] {
	const pad = (n: number) => String(n).padStart(2, '0');
	const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
	return [`CREATE OR REPLACE MACRO current_date() AS DATE '${today}'`, `CREATE OR REPLACE MACRO today() AS DATE '${today}'`];
}

function checkFileName(name: string): void {
	if (name.includes('/') || name.includes('\\') || name.startsWith('.')) {
		throw new CodedError(coded('engine.bad_file_name', { name }));
	}
}

function uniqueName(prefix: string): string {
	return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The worker takes ownership of buffers it is handed (postMessage transfer), which would detach the
 * caller's bytes. Hand it a private copy instead so callers can keep using theirs.
 */
function ownedCopy(bytes: Uint8Array): Uint8Array {
	return bytes.slice();
}

export class BrowserEngine implements Engine {
	readonly host = 'browser' as const;

	private constructor(
		private readonly db: AsyncDuckDB,
		private readonly worker: Worker,
		private readonly connection: AsyncDuckDBConnection,
		readonly timings: BrowserEngineTimings
	) {
		if (timings.build === 'eh') {
			this.registerFileHandle = async (name, file) => {
				checkFileName(name);
				await this.db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
			};
		}
	}

	/**
	 * Opens the multithreaded build where the page allows it and `threads` is not false (the kill
	 * switch), else (or when it fails to start) the single-threaded one.
	 */
	static async open(options: { threads?: boolean } = {}): Promise<BrowserEngine> {
		const started = performance.now();
		let opened: { db: AsyncDuckDB; worker: Worker } | null = null;
		let bundle = EH;
		const wanted = Math.max(1, Math.min(MAX_THREADS, navigator.hardwareConcurrency || 1));
		if (options.threads !== false && threadsAllowed()) {
			try {
				opened = await instantiate(COI, wanted);
				bundle = COI;
			} catch {
				// The single-threaded build below serves every browser; a failed threaded start is not an error.
				opened = null;
			}
		}
		opened ??= await instantiate(EH, 1);
		const { db, worker } = opened;
		try {
			const connection = await db.connect();
			const threads = bundle.build === 'coi' ? wanted : 1;
			const engine = new BrowserEngine(db, worker, connection, {
				instantiateMs: performance.now() - started,
				build: bundle.build,
				threads
			});
			// The threaded build's workers can hold a reload up for a minute while they wind down on
			// their own; ending them as the page goes lets the next page start at once.
			if (bundle.build === 'coi') addEventListener('pagehide', () => worker.terminate(), { once: true });
			for (const setting of OFFLINE_SETTINGS) await engine.exec(setting);
			for (const shim of dateShims()) await engine.exec(shim);
			return engine;
		} catch (error) {
			await db.terminate();
			throw error;
		}
	}

	async query(sql: string): Promise<Table> {
		return (await this.connection.query(sql)) as unknown as Table;
	}

	async exec(sql: string): Promise<void> {
		await this.connection.query(sql);
	}

	async registerFile(name: string, bytes: Uint8Array): Promise<void> {
		checkFileName(name);
		await this.db.registerFileBuffer(name, ownedCopy(bytes));
	}

	/**
	 * The worker reads the File with FileReaderSync, range by range as DuckDB scans it ("direct I/O":
	 * no copy of the whole file into the wasm heap first). Single-threaded build only (undefined on the
	 * threaded one, so ingest copies the file in slices instead): there a scan may run on a pthread,
	 * whose worker holds no File handles and calls back into DuckDB for the file's details while the
	 * query's thread waits for it; CSV loads then hung now and then (2 of 12 e2e register tests in one
	 * run) and never finished.
	 */
	readonly registerFileHandle?: (name: string, file: Blob) => Promise<void>;

	async readParquetBatches(file: Blob, table: string, batch: (rows: number, fileRows: number) => Promise<void>): Promise<void> {
		const batches = await openParquetBatches(file);
		try {
			for (let ipc = await batches.next(); ipc !== null; ipc = await batches.next()) {
				await this.exec(`DROP TABLE IF EXISTS ${table}`);
				await this.connection.insertArrowFromIPCStream(ipc, { name: table, create: true });
				const count = await this.query(`SELECT count(*)::INTEGER AS n FROM ${table}`);
				await batch(Number(count.get(0)?.n ?? 0), batches.rows);
			}
		} finally {
			await batches.close();
			await this.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
		}
	}

	async dropFile(name: string): Promise<void> {
		await this.db.dropFile(name);
	}

	async createTableFromParquet(table: string, bytes: Uint8Array): Promise<number> {
		// A decode started ahead (start-up) is taken here, not done twice.
		const ipc = await decodedIPC(bytes);
		const staging = uniqueName('__parquet');
		// Insert into a staging table first, then swap: a failed decode or insert leaves `table` untouched.
		try {
			await this.connection.insertArrowFromIPCStream(ipc, { name: staging, create: true });
			await this.exec(`BEGIN TRANSACTION; DROP TABLE IF EXISTS ${table}; ALTER TABLE ${sqlIdent(staging)} RENAME TO ${table}; COMMIT`);
		} catch (error) {
			await this.exec('ROLLBACK').catch(() => undefined);
			await this.exec(`DROP TABLE IF EXISTS ${sqlIdent(staging)}`).catch(() => undefined);
			throw error;
		}
		const count = await this.query(`SELECT count(*)::INTEGER AS n FROM ${table}`);
		return Number(count.get(0)?.n ?? 0);
	}

	/**
	 * Hands parquet-wasm DuckDB's own Arrow bytes. Re-encoding them with apache-arrow's tableToIPC broke
	 * any register with a Boolean column all NULL in a batch (e.g. `disability` for BDT or P3KE): that
	 * writer leaves the column's values buffer empty (apache/arrow#39776), which parquet-wasm rightly
	 * rejects ("Need at least 1 bytes for bitmap").
	 */
	async exportParquet(sql: string): Promise<Uint8Array> {
		const file = await this.connection.useUnsafe((db, connection) => db.runQuery(connection, sql));
		return ipcToParquet(ipcFileToStream(file));
	}

	/**
	 * duckdb-wasm can cancel only a query started with `send` (it is polled between chunks); `query`
	 * runs the whole statement in one synchronous call inside the worker, which nothing can stop. So
	 * this cancels a sent query if there is one, and a running `query` finishes: its answer is dropped
	 * by the caller.
	 */
	async interrupt(): Promise<void> {
		await this.connection.cancelSent();
	}

	async close(): Promise<void> {
		await this.connection.close().catch(() => undefined);
		await this.db.terminate();
		this.worker.terminate();
	}
}
