/**
 * The browser engine is opened once per page, whoever asks first (the app's start-up in hooks.client.ts
 * or database.ts's start), and a failed or closed one is not handed out again. BrowserEngine needs a
 * browser; here it is a stand-in that counts its opens.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const opens = vi.hoisted(() => ({ count: 0, fail: false, closed: 0 }));

vi.mock('../../src/lib/isolation/start', () => ({ prepareThreads: async () => false }));
vi.mock('../../src/lib/engine/browser', () => ({
	BrowserEngine: {
		open: async () => {
			opens.count++;
			if (opens.fail) throw new Error('wasm did not compile');
			const id = opens.count;
			return { id, close: async () => void opens.closed++ };
		}
	}
}));

const { openBrowserEngine, closeBrowserEngine } = await import('../../src/lib/state/engine-open');

describe('opening the browser engine', () => {
	beforeEach(async () => {
		opens.fail = false;
		// Each test starts with no engine held.
		await closeBrowserEngine(await openBrowserEngine());
		opens.count = 0;
		opens.closed = 0;
	});

	it('two callers at once get the one engine', async () => {
		const [early, shell] = await Promise.all([openBrowserEngine(), openBrowserEngine()]);
		expect(early).toBe(shell);
		expect(await openBrowserEngine()).toBe(early);
		expect(opens.count).toBe(1);
	});

	it('after a failed open the next call opens again', async () => {
		opens.fail = true;
		await expect(openBrowserEngine()).rejects.toThrow('wasm did not compile');
		opens.fail = false;
		const engine = await openBrowserEngine();
		expect(opens.count).toBe(2);
		expect(engine).toMatchObject({ id: 2 });
	});

	it('a closed engine is never handed out again', async () => {
		const first = await openBrowserEngine();
		await closeBrowserEngine(first);
		expect(opens.closed).toBe(1);
		const second = await openBrowserEngine();
		expect(second).not.toBe(first);
		expect(opens.count).toBe(2);
	});
});
