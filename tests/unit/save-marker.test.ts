/**
 * Issue 18 point 7, the logic under the notice: the marker a save leaves until it commits, how start-up
 * tells a save that never committed from one that did, and the beforeunload warning that lasts exactly
 * as long as the save. (tests/e2e/register-unsaved.test.ts drives the same in Chromium.)
 */
import { describe, expect, it } from 'vitest';
import {
	SAVE_MARKER_KEY,
	clearSaving,
	markSaving,
	newSaveId,
	readSaving,
	unfinishedSave,
	warnOnUnload,
	type MarkerStorage
} from '../../src/lib/state/save-marker';

function memoryStorage(): MarkerStorage & { items: Map<string, string> } {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, String(value)),
		removeItem: (key) => void items.delete(key)
	};
}

describe('the unfinished-save marker', () => {
	it('is written before the save, read back, and removed only by the save it belongs to', () => {
		const store = memoryStorage();
		expect(readSaving(store)).toBeNull();
		markSaving({ names: ['keluarga.csv', 'anggota.csv'], id: 'a1' }, store);
		expect(readSaving(store)).toEqual({ names: ['keluarga.csv', 'anggota.csv'], id: 'a1' });
		// Another save's commit leaves this marker alone.
		clearSaving('b2', store);
		expect(readSaving(store)?.id).toBe('a1');
		clearSaving('a1', store);
		expect(readSaving(store)).toBeNull();
		// Without an id (start-up, clearing the store): whatever is there goes.
		markSaving({ names: ['x.csv'], id: 'c3' }, store);
		clearSaving(undefined, store);
		expect(store.items.size).toBe(0);
	});

	it('a save that never committed is one whose id the stored copy does not carry', () => {
		const marker = { names: ['dtsen-baru.csv'], id: 'new' };
		// Closed mid-save: the stored copy is the previous one (another id, or none from before ids).
		expect(unfinishedSave(marker, 'old')).toEqual(marker);
		expect(unfinishedSave(marker, undefined)).toEqual(marker);
		// Closed between the commit and the marker's removal: the copy is this save's, nothing was lost.
		expect(unfinishedSave(marker, 'new')).toBeNull();
		expect(unfinishedSave(null, 'old')).toBeNull();
	});

	it('ignores a marker it did not write and survives a storage that refuses', () => {
		const store = memoryStorage();
		for (const junk of ['not json', '42', 'null', '{"names":"a.csv","id":"x"}', '{"names":[1],"id":"x"}', '{"names":[]}']) {
			store.items.set(SAVE_MARKER_KEY, junk);
			expect(readSaving(store), junk).toBeNull();
		}
		const refusing: MarkerStorage = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
			removeItem: () => {
				throw new Error('SecurityError');
			}
		};
		expect(() => markSaving({ names: ['a.csv'], id: 'x' }, refusing)).not.toThrow();
		expect(readSaving(refusing)).toBeNull();
		expect(() => clearSaving('x', refusing)).not.toThrow();
		expect(() => clearSaving(undefined, null)).not.toThrow();
	});

	it('save ids differ', () => {
		const ids = new Set(Array.from({ length: 1000 }, () => newSaveId(0)));
		expect(ids.size).toBe(1000);
	});
});

describe('the beforeunload warning', () => {
	it('asks while it is on, and not after', () => {
		// A window's listeners, and a leaving event as the browser hands it (preventDefault, a settable returnValue).
		const listeners = new Map<string, Set<EventListenerOrEventListenerObject>>();
		const target = {
			addEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
				void listeners.set(type, (listeners.get(type) ?? new Set()).add(listener)),
			removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) => void listeners.get(type)?.delete(listener)
		} as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
		const leave = () => {
			const event = {
				prevented: false,
				returnValue: undefined as unknown,
				preventDefault() {
					this.prevented = true;
				}
			};
			for (const listener of listeners.get('beforeunload') ?? []) {
				if (typeof listener === 'function') listener(event as unknown as Event);
			}
			return event.prevented && event.returnValue === '';
		};
		expect(leave()).toBe(false);
		const stop = warnOnUnload(target);
		expect(leave()).toBe(true);
		stop();
		expect(leave()).toBe(false);
		// Where there is no window (Node, the CLI), nothing to warn and nothing to undo.
		expect(() => warnOnUnload(undefined)()).not.toThrow();
	});
});
