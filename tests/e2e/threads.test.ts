/**
 * Issue 14 point 2, threads where the browser allows, in real Chromium:
 * - threads are opt-in: by default the single-threaded build on a plain page (the service worker,
 *   registered on every visit for offline use, adds no headers);
 * - on a host that sends no COOP/COEP (scripts/serve.js with isolated: false), `?threads=1` has the
 *   service worker make the page cross-origin isolated after one reload, and the engine runs
 *   duckdb-wasm's threaded build with more than one thread, with the same overview and indicator
 *   figures as the single-threaded build, which `?threads=0` brings back on a plain page;
 * - with the headers (`npm start`) and `?threads=1`, a Parquet file loads on the threaded build and is
 *   restored after a reload;
 * - the single-threaded build is the fallback there too: with the kill switch, and when the threaded
 *   build's worker cannot be loaded at all.
 * No request leaves the served origin on any of these paths.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeSample } from '../../src/lib/sample/write';
import { LOAD_TIMEOUT, saveOutcome, waitForRegister, waitForWorker, type Counts } from './screen';
import { BUILD_DIR, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

interface Engine {
	build: string | null;
	threads: number;
	isolated: boolean;
}

interface Figures {
	totals: Record<string, number>;
	kecamatan: string[];
	indicators: Record<string, string[]>;
}

const INDICATORS = ['rtlh', 'ats'];

let work: string;
let parquetPath: string;
let parquetCounts: Counts;
let sampleCounts: Counts;
let site: Site | undefined;

/** The engine the Data screen says runs, once the page has a register. */
async function engineOf(page: Page): Promise<Engine> {
	const threads = page.locator('[data-testid="summary-threads"]');
	await threads.waitFor({ timeout: LOAD_TIMEOUT });
	return {
		build: await threads.getAttribute('data-build'),
		threads: Number(await threads.getAttribute('data-value')),
		isolated: await page.evaluate(() => globalThis.crossOriginIsolated === true)
	};
}

/** Opens the Data screen with `query` and waits (through any reload the page makes) until `build` runs. */
async function openData(page: Page, url: string, query: string, build: 'coi' | 'eh'): Promise<Engine> {
	await page.goto(`${url}data/${query}`);
	await page.waitForSelector(`[data-testid="summary-threads"][data-build="${build}"]`, { timeout: LOAD_TIMEOUT });
	await waitForRegister(page, sampleCounts);
	return engineOf(page);
}

/** Ringkasan's totals and kecamatan rows, and the Map's village table for some indicators, as shown. */
async function figuresOf(page: Page): Promise<Figures> {
	await page.click('[data-testid="nav-overview"]');
	await page.waitForFunction(
		(people) =>
			Number(document.querySelector('[data-testid="totals-people"]')?.getAttribute('data-value')) === people &&
			document.querySelectorAll('[data-testid="kecamatan-row"]').length > 0,
		sampleCounts.people,
		{ timeout: LOAD_TIMEOUT }
	);
	const totals = await page.$$eval('[data-testid^="totals-"][data-value]', (cells) =>
		Object.fromEntries(cells.map((c) => [c.getAttribute('data-testid') ?? '', Number(c.getAttribute('data-value'))]))
	);
	const kecamatan = await page.$$eval('[data-testid="kecamatan-row"]', (rows) =>
		rows.map((row) =>
			[row.getAttribute('data-kode'), ...[...row.querySelectorAll('[data-value]')].map((cell) => cell.getAttribute('data-value'))].join(' ')
		)
	);

	await page.click('[data-testid="nav-map"]');
	const indicators: Record<string, string[]> = {};
	for (const id of INDICATORS) {
		await page.selectOption('[data-testid="map-indicator"]', id);
		await page.check('[data-testid="map-measure-rate"]');
		await page.waitForSelector(`[data-testid="indicator-table"][data-indicator="${id}"][data-measure="rate"]`, { timeout: LOAD_TIMEOUT });
		await page.waitForFunction(
			() => {
				const figures = document.querySelector('[data-testid="map-below"]');
				return (figures?.getAttribute('data-key') ?? '') !== '' && figures?.getAttribute('aria-busy') === 'false';
			},
			null,
			{ timeout: LOAD_TIMEOUT }
		);
		indicators[id] = await page.$$eval('[data-testid="indicator-table-row"]', (rows) =>
			rows.map((row) =>
				[
					row.getAttribute('data-kode'),
					...[...row.querySelectorAll('[data-col][data-value]')].map((cell) => cell.getAttribute('data-value'))
				].join(' ')
			)
		);
	}
	return { totals, kecamatan, indicators };
}

beforeAll(async () => {
	assertPrerequisites();
	const bundled = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sampleCounts = { households: bundled.families, people: bundled.people };
	work = await mkdtemp(join(tmpdir(), 'tepat-e2e-threads-'));
	const manifest = await writeSample(work, { people: 4_000, seed: 20_261_203, formats: ['parquet'], schemas: ['dtsen'] });
	parquetPath = join(work, 'dtsen.parquet');
	parquetCounts = { households: manifest.families, people: manifest.people };
}, LOAD_TIMEOUT);

afterEach(async () => {
	if (site) expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	await site?.close();
	site = undefined;
});

afterAll(async () => {
	await rm(work, { recursive: true, force: true });
});

describe('threads in Chromium', () => {
	it('without headers: single-threaded by default; ?threads=1 has the service worker isolate the page after one reload: the threaded build, same figures', async () => {
		site = await openSite({ isolated: false });
		const { page } = site;

		expect(await openData(page, site.url, '', 'eh')).toEqual({ build: 'eh', threads: 1, isolated: false });
		// The service worker is registered on every visit (offline use, once the register shows), but adds no headers until asked.
		await waitForWorker(page);
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);

		const threaded = await openData(page, site.url, '?threads=1', 'coi');
		expect(threaded.isolated).toBe(true);
		expect(threaded.threads).toBeGreaterThan(1);
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.url}service-worker.js`);
		// The one reload that made it isolated, and no other: the page stays put from here on.
		expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type)).toBe('reload');
		const withThreads = await figuresOf(page);
		expect(withThreads.kecamatan.length).toBeGreaterThan(0);
		for (const id of INDICATORS) expect(withThreads.indicators[id]?.length).toBeGreaterThan(0);

		// The kill switch: the worker stops adding the headers, one reload back to a plain page (still
		// served by the worker, which keeps the app offline), the single-threaded build.
		const single = await openData(page, site.url, '?threads=0', 'eh');
		expect(single).toEqual({ build: 'eh', threads: 1, isolated: false });
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.url}service-worker.js`);
		expect(await figuresOf(page)).toEqual(withThreads);
		// Remembered: a later visit without the switch stays single-threaded.
		expect(await openData(page, site.url, '', 'eh')).toEqual({ build: 'eh', threads: 1, isolated: false });

		// And on again.
		const again = await openData(page, site.url, '?threads=1', 'coi');
		expect(again.isolated).toBe(true);
		expect(again.threads).toBeGreaterThan(1);
	});

	it('with the headers and ?threads=1, a Parquet file loads on the threaded build and is restored after a reload', async () => {
		site = await openSite({ isolated: true });
		const { page } = site;
		const engine = await openData(page, site.url, '?threads=1', 'coi');
		expect(engine.isolated).toBe(true);
		expect(engine.threads).toBeGreaterThan(1);
		// Isolated by the host: the service worker is there for offline use only.
		await waitForWorker(page);
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);

		await page.setInputFiles('[data-testid="file-input"]', parquetPath);
		await waitForRegister(page, parquetCounts);
		expect((await saveOutcome(page)).state).toBe('saved');

		await page.reload();
		await waitForRegister(page, parquetCounts);
		await page.waitForSelector('[data-testid="load-summary"][data-source="stored"]', { timeout: LOAD_TIMEOUT });
		const restored = await engineOf(page);
		expect(restored.build).toBe('coi');
		expect(restored.threads).toBeGreaterThan(1);
	});

	it('with the headers, the kill switch, or a threaded build that cannot start, gives the single-threaded build', async () => {
		site = await openSite({ isolated: true });
		expect(await openData(site.page, site.url, '?threads=0', 'eh')).toEqual({ build: 'eh', threads: 1, isolated: true });
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
		await site.close();

		site = await openSite({ isolated: true });
		// The threaded build's worker script cannot be had: the engine starts on the single-threaded one.
		await site.context.route('**/duckdb-coi.worker-*.js', (route) => route.fulfill({ status: 404, body: 'Not found' }));
		expect(await openData(site.page, site.url, '?threads=1', 'eh')).toEqual({ build: 'eh', threads: 1, isolated: true });
	});
});
