/**
 * Threads are opt-in: `?threads=1` in any address turns duckdb-wasm's threaded build (and the service
 * worker that isolates the page for it) on for this browser, `?threads=0` off again. Kept in
 * localStorage so it is switched once and every later visit keeps it.
 *
 * Off by default because, measured on a 2-core machine (bench/RESULTS.md, "Threads, session 8"), the
 * threaded build opens the app later (engine start 4.5 s against 2.2 s, plus the service worker's one
 * reload on a static host), spends 20–65 % more CPU and 300–500 MiB more memory on a load, and one
 * stall in the e2e suite under heavy load was never explained; the gain is in long queries only.
 */
export const THREADS_STORAGE_KEY = 'tepat-threads';

type SettingStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Whether threads may be used: what `search` asks for, remembered, else what was remembered (off by default). */
export function threadsWanted(search: string, storage: SettingStorage | null): boolean {
	const asked = new URLSearchParams(search).get('threads');
	try {
		if (asked === '1') storage?.setItem(THREADS_STORAGE_KEY, 'on');
		if (asked === '0') storage?.removeItem(THREADS_STORAGE_KEY);
	} catch {
		// Storage refused (private mode, blocked site data): the address still decides for this visit.
	}
	if (asked === '0' || asked === '1') return asked === '1';
	try {
		return storage?.getItem(THREADS_STORAGE_KEY) === 'on';
	} catch {
		return false;
	}
}
