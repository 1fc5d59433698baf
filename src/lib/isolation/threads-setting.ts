/**
 * The kill switch for threads: `?threads=0` in any address turns duckdb-wasm's threaded build (and the
 * service worker that isolates the page for it) off for this browser, `?threads=1` on again. Kept in
 * localStorage so a support call can switch it once and every later visit keeps it.
 */
export const THREADS_STORAGE_KEY = 'tepat-threads';

type SettingStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Whether threads may be used: what `search` asks for, remembered, else what was remembered (on by default). */
export function threadsWanted(search: string, storage: SettingStorage | null): boolean {
	const asked = new URLSearchParams(search).get('threads');
	try {
		if (asked === '0') storage?.setItem(THREADS_STORAGE_KEY, 'off');
		if (asked === '1') storage?.removeItem(THREADS_STORAGE_KEY);
	} catch {
		// Storage refused (private mode, blocked site data): the address still decides for this visit.
	}
	if (asked === '0' || asked === '1') return asked === '1';
	try {
		return storage?.getItem(THREADS_STORAGE_KEY) !== 'off';
	} catch {
		return true;
	}
}
