/**
 * The little IndexedDB the app needs: one database with one object store per use (the register, the
 * imported boundaries), each piece of work in one transaction that commits or fails as a whole.
 */

export function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
	});
}

function openDb(database: string, store: string): Promise<IDBDatabase> {
	if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB tidak tersedia'));
	const req = indexedDB.open(database, 1);
	req.onupgradeneeded = () => {
		if (!req.result.objectStoreNames.contains(store)) req.result.createObjectStore(store);
	};
	return request(req);
}

/** Runs `work` on `store` of `database` in one transaction and resolves once it has committed. */
export async function withStore<T>(
	database: string,
	store: string,
	mode: IDBTransactionMode,
	work: (store: IDBObjectStore) => Promise<T> | T
): Promise<T> {
	const db = await openDb(database, store);
	try {
		const tx = db.transaction(store, mode);
		const finished = done(tx);
		const result = await work(tx.objectStore(store));
		await finished;
		return result;
	} finally {
		db.close();
	}
}
