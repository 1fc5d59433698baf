/**
 * The browser part of the benchmark: the built site in headless Chromium (tests/e2e/site.ts), each
 * step `runs` times. First open: a fresh profile per run (a new user), then the Plan screen's first
 * visit and a reload of the same profile (a returning user). Per register size: the Parquet file
 * loaded `runs` times in one page, and after each load the overview, the map with a threshold change,
 * the Plan screen with a budget change, the BNBA of the biggest programme as CSV and XLSX, and a reload
 * that restores the stored register; then the CSV loaded `runs` times. Steps wait for the figures the
 * user sees, not for internal events, so they hold when the app's internals change.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SampleManifest } from '../src/lib/sample/write';
import { rehearsalEnded, waitForAllocation, waitForLandingSettled } from '../tests/e2e/screen';
import { BUILD_DIR, openSite, type Site } from '../tests/e2e/site';
import { browserRoot, samplePeak, treeBytes, treeCpuMs } from './memory';
import { hostOf, type EngineBuild, type Steps } from './steps';

const LONG = 30 * 60_000;

export interface BrowserSample {
	people: number;
	dir: string;
	manifest: SampleManifest;
	/** Load the CSV too (off for sizes whose CSV load the machine cannot hold: --browser-csv-sizes). */
	csv: boolean;
}

export interface BrowserContext {
	/** duckdb-wasm's build the browser steps run on: 'coi' (threads, an isolated page) or 'eh' (a plain page). */
	build: EngineBuild;
	steps: Steps;
	runs: number;
	/** Called when a part starts, for the load average per section. */
	section(name: string): void;
	/** The sizes whose BNBA is exported (--bnba-sizes, --skip-bnba); all when not given. */
	bnbaSizes?: readonly number[];
}

/**
 * The threaded build on a page isolated by the server's headers (`npm start`); the single-threaded one on
 * a plain page (`?threads=0`); threads are opt-in, so the threaded run asks for them (`?threads=1`).
 */
const openSiteFor = (build: EngineBuild) => openSite({ isolated: build === 'coi' });
const queryFor = (build: EngineBuild) => (build === 'eh' ? '?threads=0' : '?threads=1');

/** Fails the run when the page runs another build than the one being measured (e.g. coi fell back to eh). */
async function checkBuild(page: Page, build: EngineBuild): Promise<void> {
	const threads = page.locator('[data-testid="summary-threads"]');
	await threads.waitFor({ timeout: LONG });
	const running = await threads.getAttribute('data-build');
	if (running !== build) throw new Error(`the page runs duckdb-wasm's ${running ?? 'unknown'} build, not ${build}`);
	console.log(`browser on the ${build} build, ${await threads.getAttribute('data-value')} thread(s)`);
}

/** Chromium's CPU and memory, measured over the whole process tree of the site's profile. */
class Meter {
	readonly root: number | undefined;
	constructor(site: Site) {
		this.root = browserRoot(site.profile);
		if (this.root === undefined) console.warn('Chromium process not found: peak memory and CPU not recorded');
	}
	cpu(): number {
		return this.root === undefined ? 0 : treeCpuMs(this.root);
	}
	/** Times `work`; with `memory`, Chromium's peak PSS too (sampled once a second: smaps_rollup is slow on wasm heaps). */
	async time(work: () => Promise<unknown>, memory = false): Promise<{ ms: number; cpuMs?: number; peakBytes?: number }> {
		const root = this.root;
		const sampler = memory && root !== undefined ? samplePeak(() => treeBytes(root), 1000) : undefined;
		const cpu = this.cpu();
		const started = performance.now();
		await work();
		const ms = performance.now() - started;
		return { ms, cpuMs: root === undefined ? undefined : this.cpu() - cpu, peakBytes: sampler?.stop() };
	}
}

/**
 * Waits until the top bar shows the register loaded from `name` (the same people may be loaded twice);
 * throws when the load ends in an error (e.g. out of memory) or the page crashes, instead of waiting on.
 */
async function registerShown(page: Page, households: number, people: number, name?: string): Promise<void> {
	const handle = await page.waitForFunction(
		({ households, people, name }) => {
			const badge = document.querySelector('[data-testid="register-badge"]');
			if (badge?.getAttribute('data-status') === 'error') return 'error';
			const h = document.querySelector('[data-testid="register-households"]')?.getAttribute('data-value');
			const p = document.querySelector('[data-testid="register-people"]')?.getAttribute('data-value');
			const shown = document.querySelector('[data-testid="register-name"]')?.textContent ?? '';
			return (
				badge?.getAttribute('data-status') !== 'loading' &&
				Number(h) === households &&
				Number(p) === people &&
				(name === undefined || shown.includes(name))
			);
		},
		{ households, people, name },
		{ timeout: LONG, polling: 100 }
	);
	if ((await handle.jsonValue()) === 'error') {
		const shown = await page.locator('[role="alert"]').allTextContents();
		throw new Error(`the load ended in an error: ${shown.join(' ').trim() || 'no message shown'}`);
	}
}

/** The stored copy's save after a load, either way; answers whether it was saved. */
async function stored(page: Page): Promise<boolean> {
	const status = page.locator('[data-testid="persist-status"][data-state="saved"], [data-testid="persist-status"][data-state="failed"]');
	await status.waitFor({ timeout: LONG });
	return (await status.getAttribute('data-state')) === 'saved';
}

/** The map's colour key once it is idle with colours other than `previous`. */
async function colours(page: Page, previous: string | null): Promise<string> {
	const handle = await page.waitForFunction(
		(prev) => {
			const map = document.querySelector('[data-testid="map"]');
			const key = map?.getAttribute('data-colour-key');
			return map?.getAttribute('data-ready') === 'true' && key && key !== prev ? key : null;
		},
		previous,
		{ timeout: LONG, polling: 20 }
	);
	return String(await handle.jsonValue());
}

/** The allocation key once the Plan screen shows the figures of an allocation other than `previous` (the curves follow). */
const allocated = (page: Page, previous: string) => waitForAllocation(page, previous, LONG, 'figures');

const attributeMs = (page: Page, testid: string) => page.getAttribute(`[data-testid="${testid}"]`, 'data-ms').then(Number);

/** First open as a new user (fresh profile, one per run), the Plan screen's first visit, then a reload. */
export async function benchFirstOpen(ctx: BrowserContext): Promise<void> {
	const { steps } = ctx;
	const bundled = JSON.parse(readFileSync(join(BUILD_DIR, 'sample/manifest.json'), 'utf8')) as SampleManifest;
	const people = bundled.people;
	for (let run = 0; run < ctx.runs; run++) {
		const site = await openSiteFor(ctx.build);
		try {
			const { page } = site;
			const meter = new Meter(site);
			const open = await meter.time(async () => {
				await page.goto(`${site.url}${queryFor(ctx.build)}`);
				await registerShown(page, bundled.families, people);
			}, true);
			steps.record(
				{
					host: hostOf(ctx.build),
					id: 'first-open',
					what: 'first open, new user (bundled sample)',
					people,
					note: 'fresh profile: page load + wasm instantiate + the prebuilt sample'
				},
				open
			);
			const plan = await meter.time(async () => {
				await page.click('[data-testid="nav-plan"]');
				await allocated(page, '');
			});
			steps.record(
				{
					host: hostOf(ctx.build),
					id: 'first-plan',
					what: 'first visit of Rencana (bundled sample)',
					people,
					note: 'from the click to the figures, clicked as the first open ends (its overview and offline install still running)'
				},
				plan
			);
			// The service worker registers once the register shows; its install (the precache of the
			// engine and the sample) runs beside the steps above. When it is done, counted from the page's start:
			const offlineReady = await page.evaluate(async () => {
				await navigator.serviceWorker.ready;
				return performance.now();
			});
			steps.record(
				{
					host: hostOf(ctx.build),
					id: 'offline-ready',
					what: 'first open → kept for offline use (bundled sample)',
					people,
					note: "from the page's start to the service worker's install done"
				},
				{ ms: offlineReady }
			);
			await page.click('[data-testid="nav-data"]');
			await checkBuild(page, ctx.build);
			const instantiate = Number(await page.getAttribute('[data-testid="load-summary"]', 'data-instantiate-ms'));
			if (Number.isFinite(instantiate) && instantiate > 0) {
				steps.record({ host: hostOf(ctx.build), id: 'instantiate', what: 'duckdb-wasm instantiate', people: 0 }, { ms: instantiate });
			}
			const reopen = await meter.time(async () => {
				await page.reload();
				await registerShown(page, bundled.families, people);
			}, true);
			steps.record(
				{ host: hostOf(ctx.build), id: 'reopen-sample', what: 'reopen (bundled sample, same profile)', people, note: 'page reload' },
				reopen
			);
		} finally {
			await site.close();
		}
		await benchSettledPlan(ctx, bundled, people);
	}
}

/**
 * Rencana's first visit on an idle page (the condition): another new user whose first open has
 * settled (the overview's figures, the service worker's install) before the click.
 */
async function benchSettledPlan(ctx: BrowserContext, bundled: SampleManifest, people: number): Promise<void> {
	const site = await openSiteFor(ctx.build);
	try {
		const { page } = site;
		const meter = new Meter(site);
		await page.goto(`${site.url}${queryFor(ctx.build)}`);
		await registerShown(page, bundled.families, people);
		await waitForLandingSettled(page);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		const plan = await meter.time(async () => {
			await page.click('[data-testid="nav-plan"]');
			await allocated(page, '');
		});
		ctx.steps.record(
			{
				host: hostOf(ctx.build),
				id: 'first-plan-settled',
				what: 'first visit of Rencana, the first open settled (bundled sample)',
				people,
				note: "from the click to the figures; the overview's figures and the offline install done before it"
			},
			plan
		);
	} finally {
		await site.close();
	}
}

/** Loads one file through the Data screen; time until the top bar shows it; Chromium's peak memory. */
async function load(ctx: BrowserContext, page: Page, meter: Meter, sample: BrowserSample, file: string, people: number): Promise<boolean> {
	const path = join(sample.dir, file);
	const format = file.split('.').pop() as 'parquet' | 'csv' | 'xlsx';
	// The page's longest main-thread task during the load: how long the tab could not react.
	await page.evaluate(() => {
		const w = window as unknown as { __longestTask: number; __longTasks?: PerformanceObserver };
		w.__longestTask = 0;
		w.__longTasks?.disconnect();
		w.__longTasks = new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) w.__longestTask = Math.max(w.__longestTask, entry.duration);
		});
		w.__longTasks.observe({ type: 'longtask' });
	});
	const timing = await meter.time(async () => {
		await page.setInputFiles('[data-testid="file-input"]', path);
		await registerShown(page, sample.manifest.families, people, file);
	}, true);
	const longest = await page.evaluate(() => (window as unknown as { __longestTask: number }).__longestTask);
	ctx.steps.record(
		{
			host: hostOf(ctx.build),
			id: `load-${format}`,
			what: `load ${file} (flat)`,
			people,
			bytes: statSync(path).size,
			note: `peak = PSS of all Chromium processes; longest main-thread task (last run) ${Math.round(longest)} ms`
		},
		timing
	);
	// The stored copy is written after the load on the same worker: the next step starts once it is done.
	let saved = false;
	const saving = await meter.time(async () => {
		saved = await stored(page);
	});
	ctx.steps.record(
		{
			host: hostOf(ctx.build),
			id: `stored-${format}`,
			what: `stored copy saved after ${format} load`,
			people,
			note: 'from the figures shown to the save done'
		},
		saving
	);
	return saved;
}

/** Ringkasan as a user sees it after a load: per kecamatan, then a kecamatan's villages twice. */
async function overview(ctx: BrowserContext, page: Page, meter: Meter, people: number): Promise<void> {
	const shown = await meter.time(async () => {
		await page.click('[data-testid="nav-overview"]');
		await page.waitForFunction(
			(people) =>
				Number(document.querySelector('[data-testid="totals-people"]')?.getAttribute('data-value')) === people &&
				document.querySelectorAll('[data-testid="kecamatan-row"]').length === 20,
			people,
			{ timeout: LONG, polling: 50 }
		);
	});
	ctx.steps.record({ host: hostOf(ctx.build), id: 'overview', what: 'Ringkasan after load (kecamatan query)', people }, shown);
	for (const [i, id, what] of [
		[0, 'villages-first', 'kecamatan → villages, first click'],
		[1, 'villages-next', 'kecamatan → villages, next click']
	] as const) {
		const t = await meter.time(async () => {
			await page.locator('[data-testid="kecamatan-select"]').nth(i).click();
			await page.waitForSelector('[data-testid="village-row"]');
		});
		ctx.steps.record({ host: hostOf(ctx.build), id, what, people, note: i === 0 ? 'reads every village once' : undefined }, t);
		await page.click('[data-testid="village-close"]');
		await page.waitForSelector('[data-testid="village-row"]', { state: 'detached' });
	}
}

/**
 * Peta: the first figures and colours, then a floor-area threshold change to the recoloured map, made
 * as the colours show (the screen's follow-up read, the population funnel, may still hold the engine),
 * then another made on the settled screen, a second after the last colours.
 */
async function map(ctx: BrowserContext, page: Page, meter: Meter, people: number): Promise<void> {
	let key: string | null = null;
	const first = await meter.time(async () => {
		await page.click('[data-testid="nav-map"]');
		key = await colours(page, null);
	});
	ctx.steps.record(
		{
			host: hostOf(ctx.build),
			id: 'map-first',
			what: 'Peta: figures and colours',
			people,
			note: 'all indicators × 237 villages, then the map'
		},
		first
	);
	if ((await page.inputValue('[data-testid="map-indicator"]')) !== 'rtlh_crowding') {
		await page.selectOption('[data-testid="map-indicator"]', 'rtlh_crowding');
		key = await colours(page, key);
	}
	/** Another floor-area threshold, timed from the select to the recoloured map. */
	const changeFloorArea = async () => {
		const current = await page.inputValue('[data-testid="plan-floor-area"]');
		const area = ['9', '8', '7.2'].find((a) => a !== current) ?? '9';
		return meter.time(async () => {
			await page.selectOption('[data-testid="plan-floor-area"]', area);
			key = await colours(page, key);
		});
	};
	const change = await changeFloorArea();
	ctx.steps.record(
		{
			host: hostOf(ctx.build),
			id: 'indicators',
			what: 'threshold change: indicators recomputed',
			people,
			note: 'as the app times it (map-compute-time)'
		},
		{ ms: await attributeMs(page, 'map-compute-time') }
	);
	ctx.steps.record(
		{
			host: hostOf(ctx.build),
			id: 'recolour',
			what: 'threshold change → recoloured map',
			people,
			note: 'from the select to the idle map; changed as the first colours show'
		},
		change
	);
	// A planner reads the map before changing a threshold: by then the screen's own reads are done.
	await page.waitForTimeout(SETTLE_MS);
	const settled = await changeFloorArea();
	ctx.steps.record(
		{
			host: hostOf(ctx.build),
			id: 'recolour-settled',
			what: 'threshold change → recoloured map, the screen settled',
			people,
			note: `from the select to the idle map; changed ${SETTLE_MS / 1000} s after the last colours`
		},
		settled
	);
}

/** How long a planner reads the map before the settled threshold change. */
const SETTLE_MS = 1000;

/** Rencana: the allocation on the first visit after the load, a budget change, then the BNBA of the biggest programme. */
async function plan(ctx: BrowserContext, page: Page, meter: Meter, people: number): Promise<void> {
	let key = '';
	const first = await meter.time(async () => {
		await page.click('[data-testid="nav-plan"]');
		key = await allocated(page, '');
	});
	ctx.steps.record(
		{ host: hostOf(ctx.build), id: 'plan-first', what: 'Rencana after load: figures shown', people, note: 'from the click' },
		first
	);
	ctx.steps.record(
		{
			host: hostOf(ctx.build),
			id: 'allocation',
			what: 'allocation, all 5 programmes',
			people,
			note: 'as the app times it (plan-allocation-time)'
		},
		{ ms: await attributeMs(page, 'plan-allocation-time') }
	);
	const input = '[data-testid="plan-budget-apbd-water"]';
	const current = await page.inputValue(input);
	const budget = ['2.000.000.000', '500.000.000'].find((b) => b !== current) ?? '100.000.000';
	const change = await meter.time(async () => {
		await page.fill(input, budget);
		await page.press(input, 'Tab');
		key = await allocated(page, key);
	});
	ctx.steps.record(
		{
			host: hostOf(ctx.build),
			id: 'allocation-budget',
			what: 'allocation after a budget change',
			people,
			note: `water budget; the app's time ${Math.round(await attributeMs(page, 'plan-allocation-time'))} ms (last run)`
		},
		change
	);

	if (ctx.bnbaSizes && !ctx.bnbaSizes.includes(people)) return;
	// The biggest programme by funded units, as the cards show them.
	const units = await page.$$eval('[data-testid^="funded-units-"]', (cards) =>
		cards.map((c) => ({
			programme: (c.getAttribute('data-testid') ?? '').replace('funded-units-', ''),
			units: Number(c.getAttribute('data-value'))
		}))
	);
	const biggest = units.sort((a, b) => b.units - a.units)[0];
	if (!biggest || biggest.units === 0) return;
	await page.selectOption('[data-testid="plan-programme"]', biggest.programme);
	for (const kind of ['csv', 'xlsx'] as const) {
		const t = await meter.time(async () => {
			const [download] = await Promise.all([
				page.waitForEvent('download', { timeout: LONG }),
				page.click(`[data-testid="export-bnba-${kind}"]`)
			]);
			await download.path();
		});
		ctx.steps.record(
			{
				host: hostOf(ctx.build),
				id: `bnba-${kind}`,
				what: `BNBA export, ${kind.toUpperCase()}`,
				people,
				note: `${biggest.programme}, ${biggest.units.toLocaleString('en')} units; from the click to the download saved`
			},
			t
		);
	}
}

/** XLSX loads and every size's steps in one page. */
export async function benchBrowserSizes(
	ctx: BrowserContext,
	samples: readonly BrowserSample[],
	xlsx: BrowserSample | undefined
): Promise<void> {
	const site = await openSiteFor(ctx.build);
	try {
		const { page } = site;
		const meter = new Meter(site);
		await page.goto(`${site.url}${queryFor(ctx.build)}`);
		const bundled = JSON.parse(readFileSync(join(BUILD_DIR, 'sample/manifest.json'), 'utf8')) as SampleManifest;
		await registerShown(page, bundled.families, bundled.people);
		await page.click('[data-testid="nav-data"]');
		await checkBuild(page, ctx.build);
		// As a user who takes longer to choose a file than the Data screen's rehearsal of a load takes.
		await rehearsalEnded(page, 300_000);
		if (xlsx) {
			ctx.section(`browser, XLSX ${xlsx.people.toLocaleString('en')}`);
			for (let run = 0; run < ctx.runs; run++) await load(ctx, page, meter, xlsx, 'dtsen.xlsx', xlsx.people);
		}
		for (const sample of samples) {
			const { people } = sample;
			ctx.section(`browser, ${people.toLocaleString('en')} people`);
			try {
				await benchSize(ctx, page, meter, sample);
			} catch (error) {
				// The page may be unusable after this (a crashed tab): the larger sizes are not tried.
				const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
				ctx.steps.failures.push(`browser, ${people.toLocaleString('en')} people: ${reason}`);
				console.warn(`browser, ${people.toLocaleString('en')} people failed: ${reason}`);
				break;
			}
		}
		const foreign = site.requests.filter((url) => !url.startsWith(site.origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
		if (foreign.length) console.warn('requests outside the origin:', foreign);
	} finally {
		await site.close();
	}
}

/** One size in the page: the Parquet load and every step after it, `runs` times, then the CSV loads. */
async function benchSize(ctx: BrowserContext, page: Page, meter: Meter, sample: BrowserSample): Promise<void> {
	const { people } = sample;
	for (let run = 0; run < ctx.runs; run++) {
		const saved = await load(ctx, page, meter, sample, 'dtsen.parquet', people);
		await overview(ctx, page, meter, people);
		await map(ctx, page, meter, people);
		await plan(ctx, page, meter, people);
		if (saved) {
			const reopen = await meter.time(async () => {
				await page.reload();
				await registerShown(page, sample.manifest.families, people);
			}, true);
			ctx.steps.record(
				{
					host: hostOf(ctx.build),
					id: 'reopen',
					what: 'reopen (stored register)',
					people,
					note: 'page reload; the register restored from the stored copy'
				},
				reopen
			);
		} else console.warn(`the ${people.toLocaleString('en')}-person register was not stored: no reopen`);
		await page.click('[data-testid="nav-data"]');
	}
	if (sample.csv) for (let run = 0; run < ctx.runs; run++) await load(ctx, page, meter, sample, 'dtsen.csv', people);
}
