/**
 * The app's single DuckDB engine (browser driver), created once and shared by every screen. `getEngine()`
 * is idempotent: the first call starts the worker, opens DuckDB and loads the village reference; every
 * later call gets the same promise. A failed start is forgotten so the next call can try again.
 */
import type { Reference } from '$lib/core/reference';
import { loadReference } from '$lib/ingest';
import { BrowserEngine } from '$lib/engine/browser';
import { prepareThreads } from '$lib/isolation/start';
import type { Engine } from '$lib/engine/types';
import referenceJson from '../../../data/reference.json';

/** The regency's village reference, bundled with the app (Vite JSON import). */
export const reference = referenceJson as Reference;

export interface EngineStart {
	engine: Engine;
	/** Worker start + wasm compile + open, in milliseconds. */
	instantiateMs: number;
	/** Including the reference load. */
	readyMs: number;
	/** duckdb-wasm's build: 'coi' (threads) on a cross-origin isolated page, else 'eh'. */
	build: 'coi' | 'eh';
	threads: number;
}

let starting: Promise<EngineStart> | null = null;

async function start(): Promise<EngineStart> {
	const started = performance.now();
	const engine = await BrowserEngine.open({ threads: await prepareThreads() });
	try {
		await loadReference(engine, reference);
	} catch (error) {
		await engine.close();
		throw error;
	}
	return {
		engine,
		instantiateMs: engine.timings.instantiateMs,
		readyMs: performance.now() - started,
		build: engine.timings.build,
		threads: engine.timings.threads
	};
}

export function startEngine(): Promise<EngineStart> {
	if (!starting) {
		starting = start().catch((error: unknown) => {
			starting = null;
			throw error;
		});
	}
	return starting;
}

export async function getEngine(): Promise<Engine> {
	return (await startEngine()).engine;
}
