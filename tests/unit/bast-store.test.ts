/**
 * The last partner pack made, kept in the browser (state/bast-store.ts) over a stand-in localStorage:
 * it reads back only whole. (The BAST log is in the plan: tests/unit/plan-handovers.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackSent, writePackSent } from '../../src/lib/state/bast-store';

class MemoryStorage {
	items = new Map<string, string>();
	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.items.set(key, value);
	}
}

let storage: MemoryStorage;
const global = globalThis as { localStorage?: unknown };

beforeEach(() => {
	storage = new MemoryStorage();
	global.localStorage = storage;
});

afterEach(() => {
	delete global.localStorage;
});

describe('the last pack made, in the browser', () => {
	it('keeps the last pack made, and ignores a copy missing a field', () => {
		expect(readPackSent()).toBeNull();
		const sent = {
			checksum: 'b'.repeat(64),
			register: 'c'.repeat(64),
			createdAt: '2027-01-01T00:00:00.000Z',
			fileName: 'paket-mitra.tepat'
		};
		writePackSent(sent);
		expect(readPackSent()).toEqual(sent);
		storage.items.set('tepat.partner-pack.v1', JSON.stringify({ ...sent, register: 1 }));
		expect(readPackSent()).toBeNull();
	});
});
