/**
 * Keeps the figures of the last allocation across reloads (issue 14 point 3): the Plan screen shows them
 * at once while DuckDB builds the allocation again, instead of an empty screen for seconds. One record,
 * named by a key that says which app build, register, statuses and plan made it; a record under any
 * other key is never shown. Its own IndexedDB database, so the register's store is not touched.
 */
import { request, withStore } from './idb';

const DB_NAME = 'tepat-allocation';
const STORE = 'last';
const RECORD_KEY = 'last';
const STORE_VERSION = 1;

interface StoredAllocation<T> {
	version: number;
	key: string;
	savedAt: string;
	figures: T;
}

/** The figures stored under `key`; null when the stored ones were made from anything else (or none are). */
export async function readLastAllocation<T>(key: string): Promise<T | null> {
	const stored = (await withStore(DB_NAME, STORE, 'readonly', (store) => request(store.get(RECORD_KEY)))) as
		StoredAllocation<T> | undefined;
	return stored && stored.version === STORE_VERSION && stored.key === key ? stored.figures : null;
}

export async function saveLastAllocation<T>(key: string, figures: T): Promise<void> {
	const record: StoredAllocation<T> = { version: STORE_VERSION, key, savedAt: new Date().toISOString(), figures };
	await withStore(DB_NAME, STORE, 'readwrite', (store) => {
		store.put(record, RECORD_KEY);
	});
}
