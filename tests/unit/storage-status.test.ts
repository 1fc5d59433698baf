/**
 * Issue 17 point 2, the logic of "storage that holds": persistence asked once per browser and the answer
 * remembered, the used and free space, a full store told apart from other failures, and what the user
 * is told (full storage before a refused persistence). The Data screen showing it is tests/e2e/offline.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PERSIST_ASKED_KEY, askPersistence, isQuotaError, storageTrouble, storageUse } from '../../src/lib/state/storage-status';

class MemoryStorage {
	readonly items = new Map<string, string>();
	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.items.set(key, value);
	}
}

/** A StorageManager that grants (or not) and counts how often it was asked. */
function manager(options: { grants: boolean; persisted?: boolean }) {
	const calls = { persist: 0 };
	return {
		calls,
		persisted: async () => options.persisted ?? false,
		persist: async () => {
			calls.persist++;
			return options.grants;
		},
		estimate: async () => ({ usage: 3_000, quota: 10_000 })
	};
}

describe('persistent storage', () => {
	it('is asked for once; a refusal is remembered and not asked again', async () => {
		const memory = new MemoryStorage();
		const refusing = manager({ grants: false });
		expect(await askPersistence(refusing, memory)).toBe('denied');
		expect(memory.getItem(PERSIST_ASKED_KEY)).toBe('denied');
		expect(await askPersistence(refusing, memory)).toBe('denied');
		expect(refusing.calls.persist).toBe(1);
	});

	it('granted later by the browser on its own is seen at the next start', async () => {
		const memory = new MemoryStorage();
		memory.setItem(PERSIST_ASKED_KEY, 'denied');
		const later = manager({ grants: false, persisted: true });
		expect(await askPersistence(later, memory)).toBe('granted');
		expect(later.calls.persist).toBe(0);
	});

	it('granted when asked', async () => {
		const granting = manager({ grants: true });
		expect(await askPersistence(granting, new MemoryStorage())).toBe('granted');
		expect(granting.calls.persist).toBe(1);
	});

	it('without the API, or with one that throws, is unsupported; without a memory it still asks', async () => {
		expect(await askPersistence(undefined, null)).toBe('unsupported');
		expect(await askPersistence({}, null)).toBe('unsupported');
		const throwing = {
			persisted: () => Promise.reject(new Error('SecurityError')),
			persist: async () => true
		};
		expect(await askPersistence(throwing, null)).toBe('unsupported');
		expect(await askPersistence(manager({ grants: true }), null)).toBe('granted');
	});
});

describe('used and free space', () => {
	it('comes from the estimate; none where the browser does not say', async () => {
		expect(await storageUse(manager({ grants: true }))).toEqual({ used: 3_000, quota: 10_000, free: 7_000 });
		expect(await storageUse({ estimate: async () => ({ usage: 12_000, quota: 10_000 }) })).toEqual({
			used: 12_000,
			quota: 10_000,
			free: 0
		});
		expect(await storageUse({ estimate: async () => ({}) })).toBeNull();
		expect(await storageUse({ estimate: () => Promise.reject(new Error('no')) })).toBeNull();
		expect(await storageUse(undefined)).toBeNull();
	});
});

describe('a full store', () => {
	it("is IndexedDB's or localStorage's QuotaExceededError, not any other failure", () => {
		expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
		expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
		expect(isQuotaError(new DOMException('Transaction aborted', 'AbortError'))).toBe(false);
		expect(isQuotaError(new Error('IndexedDB tidak tersedia'))).toBe(false);
		expect(isQuotaError('QuotaExceededError')).toBe(false);
		expect(isQuotaError(null)).toBe(false);
	});
});

describe('what the user is told', () => {
	const none = { register: false, results: false, plan: false };

	it('full storage names what was not stored, before anything else', () => {
		expect(storageTrouble('denied', { register: true, results: false, plan: true })).toEqual({
			kind: 'full',
			unsaved: ['register', 'plan']
		});
		expect(storageTrouble('granted', { ...none, results: true })).toEqual({ kind: 'full', unsaved: ['results'] });
	});

	it('a refused persistence says the data may be removed; granted or unknown says nothing', () => {
		expect(storageTrouble('denied', none)).toEqual({ kind: 'denied' });
		expect(storageTrouble('granted', none)).toBeNull();
		expect(storageTrouble('unsupported', none)).toBeNull();
		expect(storageTrouble(null, none)).toBeNull();
	});
});
