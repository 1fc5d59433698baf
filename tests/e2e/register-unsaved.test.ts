/**
 * Issue 18 point 7 in the built site: a reload while the register is being saved. The save is held
 * open without any timing: a second tab of the same origin holds a readwrite transaction on the
 * register's object store, so the app's save transaction waits for it (IndexedDB runs overlapping
 * readwrite transactions one after the other) and the status stays 'menyimpan' for as long as the test
 * wants. The page is reloaded in that state; the held transaction is let go only once the new page has
 * loaded, when the old page's save has been aborted with its document. The restored page must show
 * the previous register and say that the last file was not saved.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/ingest';
import { LOAD_TIMEOUT } from './screen';
import { foreignRequests, openSite, type Site } from './site';

const FIRST = 'dtsen-flat.csv';
const SECOND = 'bdt-flat-semicolon.csv';
const MARKER = 'tepat:register-saving';

let site: Site;

beforeAll(async () => {
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

/** Waits until the top bar names `name` and nothing is loading. */
async function waitForName(page: Page, name: string): Promise<void> {
	await page.waitForFunction(
		(expected) => {
			const badge = document.querySelector('[data-testid="register-badge"]');
			const shown = document.querySelector('[data-testid="register-name"]')?.textContent ?? '';
			return badge?.getAttribute('data-status') !== 'loading' && shown.includes(expected);
		},
		name,
		{ timeout: LOAD_TIMEOUT }
	);
}

/** Whether a page leave would be asked about now: a cancelable beforeunload the app's handler prevents. */
function leaveIsWarned(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const event = new Event('beforeunload', { cancelable: true });
		window.dispatchEvent(event);
		return event.defaultPrevented;
	});
}

/** In `holder` (another tab of the origin): a readwrite transaction on the register store, kept running until released. */
async function holdRegisterStore(holder: Page): Promise<void> {
	await holder.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('tepat');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('register', 'readwrite');
					const store = tx.objectStore('register');
					const state = window as unknown as { release?: boolean; released?: boolean };
					state.release = false;
					state.released = false;
					let first = true;
					// One request after another keeps the transaction alive (and the store locked) until release.
					const spin = () => {
						if (first) {
							first = false;
							resolve(); // the transaction is running: it holds the store
						}
						if (!state.release) store.get('meta').onsuccess = spin;
					};
					store.get('meta').onsuccess = spin;
					tx.oncomplete = () => {
						db.close();
						state.released = true;
					};
					tx.onabort = () => reject(tx.error);
				};
			})
	);
}

async function releaseRegisterStore(holder: Page): Promise<void> {
	await holder.evaluate(() => {
		(window as unknown as { release: boolean }).release = true;
	});
	await holder.waitForFunction(() => (window as unknown as { released?: boolean }).released === true, null, { timeout: LOAD_TIMEOUT });
}

/** The file names of the register in IndexedDB, read from `page`. */
function storedNames(page: Page): Promise<string[] | null> {
	return page.evaluate(
		() =>
			new Promise<string[] | null>((resolve, reject) => {
				const open = indexedDB.open('tepat');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const get = db.transaction('register', 'readonly').objectStore('register').get('meta');
					get.onsuccess = () => {
						db.close();
						const meta = get.result as { info?: { names?: string[] } } | undefined;
						resolve(meta?.info?.names ?? null);
					};
					get.onerror = () => reject(get.error);
				};
			})
	);
}

describe('a reload while the register is being saved', () => {
	it('warns while saving, and the restored page names the file that was not saved and the register shown', async () => {
		const { page, context } = site;
		const dialogs: string[] = [];
		// A leave the browser asks about is confirmed, as a user who reloads anyway would.
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.type());
			void dialog.accept();
		});
		await page.goto(site.url);
		await waitForName(page, 'Contoh sintetis');
		await page.click('[data-testid="nav-data"]');

		// A first file, saved in full: no marker left, no warning once saved.
		await page.setInputFiles('[data-testid="file-input"]', fixture(FIRST));
		await waitForName(page, FIRST);
		await page.waitForSelector('[data-testid="persist-status"][data-state="saved"]', { timeout: LOAD_TIMEOUT });
		expect(await page.evaluate((key) => localStorage.getItem(key), MARKER)).toBeNull();
		expect(await leaveIsWarned(page)).toBe(false);

		// A second tab holds the store; the second file loads, and its save waits.
		const holder = await context.newPage();
		await holder.goto(new URL('sample/manifest.json', site.url).href);
		await holdRegisterStore(holder);
		await page.setInputFiles('[data-testid="file-input"]', fixture(SECOND));
		await waitForName(page, SECOND);
		await page.waitForSelector('[data-testid="persist-status"][data-state="saving"]', { timeout: LOAD_TIMEOUT });
		expect(await leaveIsWarned(page)).toBe(true);
		expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), MARKER)) ?? 'null')).toMatchObject({ names: [SECOND] });

		// Reloaded while saving: the browser asks first (the page has had a click, so Chromium may ask), and
		// the leave is confirmed. Once the new page has loaded, the old one's save is gone with it.
		await page.reload();
		expect(dialogs).toEqual(['beforeunload']);
		await releaseRegisterStore(holder);
		expect(await storedNames(holder)).toEqual([FIRST]);
		await holder.close();

		await waitForName(page, FIRST);
		const notice = page.locator('[data-testid="notice"]');
		await notice.waitFor({ timeout: LOAD_TIMEOUT });
		const text = (await notice.textContent()) ?? '';
		expect(text).toContain(`Register terakhir yang dimuat (${SECOND}) belum selesai disimpan`);
		expect(text).toContain(`Yang tampil sekarang: register yang tersimpan sebelumnya (${FIRST})`);
		await site.screenshot('18-unsaved-after-reload');
		expect(await page.getAttribute('[data-testid="persist-status"]', 'data-state')).toBe('saved');
		expect(await leaveIsWarned(page)).toBe(false);
		// Said once: the marker is gone, and the next start says nothing.
		expect(await page.evaluate((key) => localStorage.getItem(key), MARKER)).toBeNull();
		await page.reload();
		await waitForName(page, FIRST);
		expect(await page.locator('[data-testid="notice"]').count()).toBe(0);
		expect(dialogs).toEqual(['beforeunload']);
	});

	it('made no request outside the served origin', () => {
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
