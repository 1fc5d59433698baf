/**
 * Issue 14 point 2, the parts of "threads where the browser allows" that need no browser: the kill
 * switch (`?threads=0`, remembered), the headers the service worker adds to the app's own responses,
 * and the page's decision to tell the worker (registered on every visit, for offline use) to isolate it
 * and reload once, never in a loop. The real worker in
 * real Chromium is tests/e2e/threads.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, isolates, withIsolationHeaders } from '../../src/lib/isolation/headers';
import { isolate, type IsolationEnvironment } from '../../src/lib/isolation/page';
import { THREADS_STORAGE_KEY, threadsWanted } from '../../src/lib/isolation/threads-setting';

class MemoryStorage {
	readonly items = new Map<string, string>();
	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.items.set(key, value);
	}
	removeItem(key: string): void {
		this.items.delete(key);
	}
}

describe('the threads kill switch', () => {
	it('is on by default, ?threads=0 turns it off for later visits too, ?threads=1 on again', () => {
		const storage = new MemoryStorage();
		expect(threadsWanted('', storage)).toBe(false);
		expect(threadsWanted('?threads=1', storage)).toBe(true);
		expect(storage.getItem(THREADS_STORAGE_KEY)).toBe('on');
		expect(threadsWanted('?lang=en', storage)).toBe(true);
		expect(threadsWanted('?threads=0', storage)).toBe(false);
		expect(storage.getItem(THREADS_STORAGE_KEY)).toBeNull();
		expect(threadsWanted('', storage)).toBe(false);
	});

	it('without storage, or with one that refuses, the address alone decides', () => {
		expect(threadsWanted('?threads=0', null)).toBe(false);
		expect(threadsWanted('?threads=1', null)).toBe(true);
		expect(threadsWanted('', null)).toBe(false);
		const refusing = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('SecurityError');
			},
			removeItem: () => undefined
		};
		expect(threadsWanted('?threads=1', refusing)).toBe(true);
		expect(threadsWanted('', refusing)).toBe(false);
	});
});

describe("the service worker's headers", () => {
	const origin = 'http://127.0.0.1:4173';

	it("are added to the app's own GET requests only", () => {
		expect(isolates(new Request(`${origin}/data/`), origin)).toBe(true);
		expect(isolates(new Request(`${origin}/_app/immutable/assets/duckdb-coi.wasm`), origin)).toBe(true);
		expect(isolates(new Request('https://tiles.example.org/0/0/0.png'), origin)).toBe(false);
		expect(isolates(new Request(`${origin}/x`, { method: 'POST', body: 'a' }), origin)).toBe(false);
		expect(isolates(new Request(`${origin}/x`, { cache: 'only-if-cached', mode: 'same-origin' }), origin)).toBe(true);
	});

	it('keep status, body and the headers already there', async () => {
		const response = new Response('<!doctype html>', {
			status: 200,
			statusText: 'OK',
			headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }
		});
		const isolated = withIsolationHeaders(response);
		for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(isolated.headers.get(name)).toBe(value);
		expect(isolated.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(isolated.headers.get('cache-control')).toBe('no-cache');
		expect(isolated.status).toBe(200);
		expect(isolated.statusText).toBe('OK');
		expect(await isolated.text()).toBe('<!doctype html>');

		const missing = withIsolationHeaders(new Response('Not found', { status: 404 }));
		expect(missing.status).toBe(404);
		expect(missing.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
	});

	it('leave an opaque response as it is (it cannot be changed)', () => {
		const opaque = Response.error();
		expect(withIsolationHeaders(opaque)).toBe(opaque);
	});
});

interface Harness {
	env: IsolationEnvironment;
	session: MemoryStorage;
	reloads: number;
	/** What the worker was told, in order. */
	told: boolean[];
}

/**
 * The page's environment, its worker (registered on every visit for offline use) hearing what it is told;
 * `deaf`: no worker could be registered or answer.
 */
function harness(options: { isolated?: boolean; controlled?: boolean; deaf?: boolean } = {}): Harness {
	const session = new MemoryStorage();
	const state: Harness = { env: undefined as unknown as IsolationEnvironment, session, reloads: 0, told: [] };
	state.env = {
		isolated: options.isolated ?? false,
		controlled: options.controlled ?? false,
		canUseWorker: true,
		tellWorker: async (threads) => {
			if (options.deaf) return false;
			state.told.push(threads);
			return true;
		},
		session,
		reload: () => {
			state.reloads++;
		}
	};
	return state;
}

describe('isolating the page through the service worker', () => {
	it('an isolated page goes on at once, telling the worker nothing', async () => {
		const h = harness({ isolated: true });
		expect(await isolate(h.env, true)).toBe('isolated');
		expect(h.told).toEqual([]);
		expect(h.reloads).toBe(0);
	});

	it('the first visit tells the worker to isolate and reloads once; a second plain load does not reload again', async () => {
		const h = harness();
		expect(await isolate(h.env, true)).toBe('reloading');
		expect(h.told).toEqual([true]);
		expect(h.reloads).toBe(1);
		// The browser still did not isolate the page after that reload: single-threaded, no loop.
		expect(await isolate(h.env, true)).toBe('not-isolated');
		expect(h.reloads).toBe(1);
		// Once isolated, the guard is cleared, so a later hard reload (which bypasses the worker) may reload once again.
		expect(await isolate({ ...h.env, isolated: true }, true)).toBe('isolated');
		expect(h.session.items.size).toBe(0);
	});

	it('no worker to tell (it failed to install, the browser refuses one, no sessionStorage) leaves the page single-threaded without a reload', async () => {
		const deaf = harness({ deaf: true });
		expect(await isolate(deaf.env, true)).toBe('not-isolated');
		expect(deaf.reloads).toBe(0);
		const failing = harness();
		expect(await isolate({ ...failing.env, tellWorker: () => Promise.reject(new Error('SecurityError')) }, true)).toBe('not-isolated');
		const none = harness();
		expect(await isolate({ ...none.env, canUseWorker: false }, true)).toBe('not-isolated');
		expect(await isolate({ ...none.env, session: null }, true)).toBe('not-isolated');
		expect(none.told).toEqual([]);
		expect(failing.reloads + none.reloads).toBe(0);
	});

	it('the kill switch on a page the worker does not control tells it to stop, without a reload', async () => {
		const h = harness();
		expect(await isolate(h.env, false)).toBe('not-isolated');
		expect(h.told).toEqual([false]);
		expect(h.reloads).toBe(0);
	});

	it('the kill switch on a page our worker isolated reloads it once to come back plain; threads on again isolates it again', async () => {
		const h = harness({ isolated: true, controlled: true });
		expect(await isolate(h.env, false)).toBe('reloading');
		expect(h.told).toEqual([false]);
		expect(h.reloads).toBe(1);
		// Still isolated after that reload: goes on single-threaded, no loop.
		expect(await isolate(h.env, false)).toBe('isolated');
		expect(h.reloads).toBe(1);
		// Plain at last, then `?threads=1`: the worker is told and one reload isolates.
		const plain = { ...h.env, isolated: false };
		expect(await isolate(plain, false)).toBe('not-isolated');
		expect(await isolate(plain, true)).toBe('reloading');
		expect(h.told).toEqual([false, false, false, true]);
		expect(h.reloads).toBe(2);
	});

	it('the kill switch on a page isolated by the host does not reload: the single-threaded build runs there', async () => {
		const h = harness({ isolated: true });
		expect(await isolate(h.env, false)).toBe('isolated');
		expect(h.reloads).toBe(0);
	});
});
