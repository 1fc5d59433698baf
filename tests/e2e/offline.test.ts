/**
 * Issue 17 points 1 and 2 in real Chromium:
 * - after one visit the service worker has the whole app: with the context offline every route loads
 *   and reloads, the bundled sample opens, the map draws and the plan computes;
 * - a changed service worker (a new deployment) shows the "update available" notice and nothing reloads
 *   until the user accepts; then the page reloads once, the new version serves it, and the old version's
 *   cache is gone;
 * - the Data screen says how much storage is used and whether the browser keeps it; a change the full
 *   storage refuses is named, with the register and the plan offered as files;
 * - no request leaves the origin, online or offline.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_TIMEOUT, waitForAllocation, waitForColours, waitForRegister, waitForWorker, type Counts } from './screen';
import { BUILD_DIR, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

/** Every prerendered route and what shows once it has its content from the register. */
const ROUTES: readonly { path: string; ready: string }[] = [
	{ path: '', ready: '[data-testid="landing-cards"][aria-busy="false"]' },
	{ path: 'data/', ready: '[data-testid="load-summary"]' },
	{ path: 'verval/', ready: '[data-testid="verval-source"]' },
	{ path: 'peta/', ready: '[data-testid="map-below"][aria-busy="false"]' },
	{ path: 'rencana/', ready: '[data-testid="plan-figures"][aria-busy="false"]' },
	{ path: 'mitra/', ready: '[data-testid="mitra-standing"][aria-busy="false"]' },
	{ path: 'glosarium/', ready: '[data-testid="glossary"]' },
	{ path: 'cetak/ringkasan/', ready: '[data-testid="print-brief"][data-ready="true"]' },
	// The print routes without a choice in the address list what can be printed.
	{ path: 'cetak/kecamatan/', ready: '[data-testid="print-kecamatan-list"]' },
	{ path: 'cetak/bnba/', ready: '[data-testid="bnba-programme-list"]' },
	{ path: 'verval/cetak/', ready: '[data-testid="print-kecamatan-list"]' },
	{ path: 'verval/formulir/', ready: '[data-testid="print-village-list"]' },
	{ path: 'mitra/bast/?nomor=001', ready: '[data-testid="print-bast-missing"]' },
	// Partner mode opens no register: it waits for a partner pack.
	{ path: 'tjsp/', ready: '[data-testid="partner-empty"]' },
	// Nor does the field screen: it waits for a kit.
	{ path: 'lapangan/', ready: '[data-testid="lapangan-page"][data-restored="true"]' }
];

let sample: Counts;
let site: Site | undefined;
let copy: string | undefined;

/** The version of the app the worker in control serves (it answers on a port). */
async function servedVersion(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const controller = navigator.serviceWorker.controller;
				if (!controller) return reject(new Error('no service worker controls the page'));
				const channel = new MessageChannel();
				channel.port1.onmessage = (event: MessageEvent<{ version: string }>) => resolve(event.data.version);
				controller.postMessage({ type: 'version' }, [channel.port2]);
			})
	);
}

async function routeShows(page: Page, route: { path: string; ready: string }): Promise<void> {
	await page.waitForSelector(route.ready, { timeout: LOAD_TIMEOUT });
	if (route.path === 'peta/') await waitForColours(page);
	if (route.path === 'rencana/') await waitForAllocation(page, '', LOAD_TIMEOUT, 'figures');
	if (route.path !== 'tjsp/' && route.path !== 'lapangan/') await waitForRegister(page, sample);
}

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
});

afterEach(async () => {
	if (site) expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	await site?.close();
	site = undefined;
	if (copy) await rm(copy, { recursive: true, force: true });
	copy = undefined;
});

describe('offline in Chromium', () => {
	it('after one visit, every route loads and reloads with no network: the sample opens, the map draws, the plan computes', async () => {
		site = await openSite();
		const { page, context } = site;
		// The one visit is partner mode, which loads no engine, sample, map or boundaries: whatever the
		// Dinsos screens need below can only come from the worker's precache.
		await page.goto(`${site.url}tjsp/`);
		await page.waitForSelector('[data-testid="partner-empty"]', { timeout: LOAD_TIMEOUT });
		await waitForWorker(page);
		// Nor from the browser's HTTP cache, where the visit's own files (served immutable) would otherwise answer.
		await (await context.newCDPSession(page)).send('Network.clearBrowserCache');

		await context.setOffline(true);
		// The network is really gone, for the worker too: a file it does not hold cannot be had.
		expect(
			await page.evaluate(() =>
				fetch('/not-in-the-cache.json').then(
					() => 'fetched',
					() => 'failed'
				)
			)
		).toBe('failed');

		for (const route of ROUTES) {
			await page.goto(`${site.url}${route.path}`);
			await routeShows(page, route);
			await page.reload();
			await routeShows(page, route);
			expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
		}

		// Point 2, offline too: the Data screen says how much is stored and whether the browser keeps it.
		await page.goto(`${site.url}data/`);
		const estimate = page.locator('[data-testid="storage-estimate"]');
		await estimate.waitFor({ timeout: LOAD_TIMEOUT });
		expect(Number(await estimate.getAttribute('data-used'))).toBeGreaterThan(0);
		expect(Number(await estimate.getAttribute('data-quota'))).toBeGreaterThan(0);
		expect(await estimate.textContent()).toMatch(/Terpakai .+ dari .+ \(tersisa .+\)/);
		expect(['granted', 'denied']).toContain(await page.getAttribute('[data-testid="storage-persistence"]', 'data-state'));
	}, 900_000);

	it("a first open registers the service worker only once the register shows and the overview's figures are in: its precache competes with neither", async () => {
		site = await openSite();
		const { page, context } = site;
		// What the top bar said at the moment the page asked for the worker.
		await context.addInitScript(() => {
			const container = ServiceWorkerContainer.prototype;
			const register = container.register;
			container.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
				const badge = document.querySelector('[data-testid="register-badge"]');
				const people = document.querySelector('[data-testid="register-people"]')?.getAttribute('data-value');
				const cards = document.querySelector('[data-testid="landing-cards"]')?.getAttribute('aria-busy');
				(window as unknown as { registeredWhile: string }).registeredWhile =
					`${badge?.getAttribute('data-status') ?? 'none'} ${people ?? 'none'} cards busy ${cards ?? 'none'}`;
				return register.apply(this, args);
			};
		});
		await page.goto(site.url);
		await waitForRegister(page, sample);
		await waitForWorker(page);
		const registeredWhile = await page.evaluate(() => (window as unknown as { registeredWhile?: string }).registeredWhile);
		expect(registeredWhile).toBe(`ready ${sample.people} cards busy false`);
	}, 300_000);

	it('a new version shows the update notice and waits for the user; accepted, it reloads once and serves the page', async () => {
		copy = await mkdtemp(join(tmpdir(), 'tepat-e2e-offline-'));
		await cp(BUILD_DIR, copy, { recursive: true });
		site = await openSite({ root: copy });
		const { page } = site;
		await page.goto(`${site.url}data/`);
		await waitForRegister(page, sample);
		await waitForWorker(page);
		const first = await servedVersion(page);

		// A new deployment: the service worker's script changes (its version, so its cache's name too).
		const script = join(copy, 'service-worker.js');
		const source = await readFile(script, 'utf8');
		expect(source).toContain(first);
		const next = `${first}1`;
		await writeFile(script, source.replaceAll(first, next));

		await page.evaluate(() => {
			(globalThis as { beforeUpdate?: boolean }).beforeUpdate = true;
		});
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())?.update();
		});
		await page.waitForSelector('[data-testid="update-notice"]', { timeout: LOAD_TIMEOUT });
		await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed', undefined, {
			timeout: LOAD_TIMEOUT
		});

		// Installed and waiting, and still the old version in a page that has not reloaded, through more work.
		await page.click('[data-testid="nav-map"]');
		await waitForColours(page);
		expect(await page.evaluate(() => (globalThis as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);
		expect(await servedVersion(page)).toBe(first);
		expect(await page.isVisible('[data-testid="update-notice"]')).toBe(true);

		await Promise.all([page.waitForEvent('load', { timeout: LOAD_TIMEOUT }), page.click('[data-testid="update-accept"]:not([disabled])')]);
		await waitForRegister(page, sample);
		expect(await page.evaluate(() => (globalThis as { beforeUpdate?: boolean }).beforeUpdate)).toBeUndefined();
		expect(await servedVersion(page)).toBe(next);
		expect(await page.isVisible('[data-testid="update-notice"]')).toBe(false);
		const names = await page.evaluate(() => caches.keys());
		expect(names).toContain(`tepat-offline-${next}`);
		expect(names).not.toContain(`tepat-offline-${first}`);
		await waitForColours(page);
	}, 600_000);

	it('a plan change the full storage refuses says so and offers the register and the plan as files', async () => {
		site = await openSite();
		const { page, context } = site;
		// The browser's storage is full: localStorage refuses the plan as a browser out of quota does.
		await context.addInitScript(() => {
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (key: string, value: string) {
				if (key.startsWith('tepat.plan')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				setItem.call(this, key, value);
			};
		});
		await page.goto(`${site.url}rencana/`);
		await waitForRegister(page, sample);
		const key = await waitForAllocation(page, '', LOAD_TIMEOUT, 'figures');
		expect(await page.isVisible('[data-testid="storage-full"]')).toBe(false);

		await page.selectOption('[data-testid="plan-programme"]', 'water');
		await page.fill('[data-testid="plan-budget-apbd-water"]', '100.000.000');
		await page.press('[data-testid="plan-budget-apbd-water"]', 'Tab');
		await waitForAllocation(page, key, LOAD_TIMEOUT, 'figures');
		const alert = page.locator('[data-testid="storage-full"]');
		await alert.waitFor({ timeout: LOAD_TIMEOUT });
		expect(await alert.getAttribute('data-unsaved')).toBe('plan');
		expect(await alert.textContent()).toContain('Ruang penyimpanan peramban penuh: rencana tidak tersimpan');

		const [plan] = await Promise.all([
			page.waitForEvent('download', { timeout: LOAD_TIMEOUT }),
			alert.locator('[data-testid="storage-save-plan"]').click()
		]);
		expect(plan.suggestedFilename()).toMatch(/^rencana-.+\.json$/);
		expect(await readFile(await plan.path(), 'utf8')).toContain('100000000');

		const [register] = await Promise.all([
			page.waitForEvent('download', { timeout: LOAD_TIMEOUT }),
			alert.locator('[data-testid="storage-save-register"]').click()
		]);
		expect(register.suggestedFilename()).toBe('register-terverifikasi.csv');
		const rows = (await readFile(await register.path(), 'utf8')).trimEnd().split('\n');
		expect(rows.length - 1).toBe(sample.people);
	}, 600_000);
});
