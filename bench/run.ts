/**
 * The benchmark: load and query times of the register in the browser (the built site in headless
 * Chromium) and in Node, on generated registers of the given sizes. Results go to bench/RESULTS.md with
 * the machine's details. Timings are recorded here, never asserted in tests.
 *
 *   npm run bench [-- --sizes 1000000[,3000000]] [--xlsx-people 100000] [--skip-browser] [--indicators-only]
 *                 [--peers | --peers-only] [--note TEXT]
 * Needs `npm run build` first (the browser part serves build/). Peak memory is sampled from /proc
 * (bench/memory.ts): the Node process's RSS, and the PSS of all of Chromium's processes.
 * `--peers` also runs the same workload in Tepat's peers (DuckDB native, Arquero, SQLite in wasm,
 * TypeScript loops over Arrow: bench/peers/) for every size; `--peers-only` runs only that.
 * `--people` is the older name of `--sizes`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeEngine } from '../src/lib/engine/node';
import { ingestRegister, loadReference } from '../src/lib/ingest';
import { fileByteSource } from '../src/lib/ingest/node-source';
import { overviewByKecamatan, overviewByVillage } from '../src/lib/queries/overview';
import { villageIndicators } from '../src/lib/queries/indicators';
import { runAllocation } from '../src/lib/queries/allocation';
import { defaultPlan } from '../src/lib/core/plan';
import type { Reference } from '../src/lib/core/reference';
import { writeSample, type SampleFormat, type SampleManifest } from '../src/lib/sample/write';
import { BUILD_DIR, CHROMIUM, openSite } from '../tests/e2e/site';
import { describeMachine } from './machine';
import { browserRoot, samplePeak, treeBytes } from './memory';
import { benchPeers, peersMarkdown } from './peers/bench';

/** The run's date, for the results' heading. */
const runStarted = new Date();
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench/out');
const reference = JSON.parse(readFileSync(join(ROOT, 'data/reference.json'), 'utf8')) as Reference;

function arg(name: string): string | undefined {
	const args = process.argv.slice(2);
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : undefined;
}
const sizes = (arg('sizes') ?? arg('people') ?? '1000000').split(',').map((s) => Number(s.replaceAll('_', '')));
const peersOnly = process.argv.includes('--peers-only');
const peers = peersOnly || process.argv.includes('--peers');
/** Load and compute runs per tool in the peer comparison. */
const peerRuns = Number(arg('peer-runs') ?? '3');
const xlsxPeople = Number((arg('xlsx-people') ?? '100000').replaceAll('_', ''));
const skipBrowser = process.argv.includes('--skip-browser');
/** Only the Parquet load and what follows it (indicators, map): the CSV and XLSX loads take minutes. */
const indicatorsOnly = process.argv.includes('--indicators-only');
const loadFiles = indicatorsOnly ? ['dtsen.parquet'] : ['dtsen.parquet', 'dtsen.csv'];
/** Anything worth knowing about the run, e.g. other work on the machine at the time. */
const runNote = arg('note');

interface Row {
	host: 'browser' | 'node';
	what: string;
	people: number;
	bytes?: number;
	ms: number;
	/** Peak memory during the step: Node's RSS, or the PSS of all Chromium processes. */
	peakBytes?: number;
	note?: string;
}
const rows: Row[] = [];
function record(row: Row): void {
	rows.push(row);
	const size = row.bytes ? ` (${(row.bytes / 2 ** 20).toFixed(0)} MiB)` : '';
	const peak = row.peakBytes ? `, peak ${(row.peakBytes / 2 ** 20).toFixed(0)} MiB` : '';
	console.log(
		`${row.host.padEnd(7)} ${row.what.padEnd(34)} ${row.people.toLocaleString('en')} people${size}: ${(row.ms / 1000).toFixed(2)} s${peak}`
	);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function sampleOf(people: number, formats: SampleFormat[] = ['csv', 'parquet']): Promise<{ dir: string; manifest: SampleManifest }> {
	const dir = join(OUT, formats.includes('xlsx') ? `x${people}` : formats.includes('csv') ? `p${people}` : `q${people}`);
	const manifestPath = join(dir, 'manifest.json');
	if (existsSync(manifestPath)) {
		return { dir, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as SampleManifest };
	}
	console.log(`generating ${people.toLocaleString('en')} people into ${dir} …`);
	const manifest = await writeSample(dir, { people, seed: 1, formats, schemas: ['dtsen'] });
	return { dir, manifest };
}

const nodeRss = () => process.memoryUsage().rss;

async function benchNode(people: number, dir: string, files = loadFiles): Promise<void> {
	for (const file of files) {
		const engine = await NodeEngine.open();
		try {
			await loadReference(engine, reference);
			const source = await fileByteSource(join(dir, file));
			const memory = samplePeak(nodeRss);
			const started = performance.now();
			await ingestRegister(engine, [source], reference);
			const ms = performance.now() - started;
			record({
				host: 'node',
				what: `load ${file} (flat)`,
				people,
				bytes: source.size,
				ms,
				peakBytes: memory.stop(),
				note: 'peak = process RSS'
			});
			const times: number[] = [];
			for (let i = 0; i < 5; i++) {
				const t = performance.now();
				await overviewByKecamatan(engine);
				await overviewByVillage(engine);
				times.push(performance.now() - t);
			}
			if (file.endsWith('.parquet')) {
				record({ host: 'node', what: 'overview queries (median of 5)', people, ms: median(times) });
				await benchNodeIndicators(engine, people);
			}
		} finally {
			await engine.close();
		}
	}
}

/** All 14 indicators for every village, as the Map screen recomputes them after a threshold change. */
async function benchNodeIndicators(engine: NodeEngine, people: number): Promise<void> {
	let t = performance.now();
	await villageIndicators(engine, defaultPlan());
	record({ host: 'node', what: 'indicators, first computation', people, ms: performance.now() - t });
	const times: number[] = [];
	for (const area of [9, 8, 7.2, 9, 8]) {
		const plan = defaultPlan();
		plan.indicators.housing.minFloorAreaPerPerson = area;
		t = performance.now();
		await villageIndicators(engine, plan);
		times.push(performance.now() - t);
	}
	record({
		host: 'node',
		what: 'indicators after a threshold change',
		people,
		ms: median(times),
		note: 'median of 5; all indicators × all villages'
	});

	// Budgets large enough that every queue runs deep: the running sums cover most candidates.
	const plan = defaultPlan();
	plan.fundingLines = [
		{ id: 'apbd', name: 'APBD', kind: 'APBD', budgets: { pip: 5e9, paket: 2e9, rtlh: 50e9, water: 20e9 } },
		{ id: 'apbn', name: 'APBN', kind: 'APBN', budgets: { bsps: 40e9, pip: 5e9 } }
	];
	const allocations: number[] = [];
	for (let i = 0; i < 3; i++) allocations.push(await runAllocation(engine, plan));
	record({
		host: 'node',
		what: 'allocation, all 5 programmes',
		people,
		ms: median(allocations),
		note: 'median of 3; PIP, Paket, BSPS, RTLH, water'
	});
}

/** Waits until the top bar shows the register loaded from `name` (the same people may be loaded twice). */
async function registerShown(page: import('playwright-core').Page, households: number, people: number, name?: string): Promise<void> {
	await page.waitForFunction(
		({ households, people, name }) => {
			const badge = document.querySelector('[data-testid="register-badge"]');
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
		{ timeout: 30 * 60_000, polling: 100 }
	);
}

/** The map's colour key once it is idle with colours other than `previous`. */
async function colours(page: import('playwright-core').Page, previous: string | null): Promise<string> {
	const handle = await page.waitForFunction(
		(prev) => {
			const map = document.querySelector('[data-testid="map"]');
			const key = map?.getAttribute('data-colour-key');
			return map?.getAttribute('data-ready') === 'true' && key && key !== prev ? key : null;
		},
		previous,
		{ timeout: 10 * 60_000, polling: 20 }
	);
	return String(await handle.jsonValue());
}

/**
 * Peta after the load: the first figures and colours, then a threshold change (floor area per person)
 * timed from the change to the recoloured map, with the recompute inside it as the app measures it.
 */
async function benchBrowserMap(page: import('playwright-core').Page, people: number): Promise<void> {
	let started = performance.now();
	await page.click('[data-testid="nav-map"]');
	let key = await colours(page, null);
	record({
		host: 'browser',
		what: 'Peta: figures and colours',
		people,
		ms: performance.now() - started,
		note: 'all indicators × 237 villages, then the map'
	});
	await page.selectOption('[data-testid="map-indicator"]', 'rtlh_crowding');
	key = await colours(page, key);
	const changes: number[] = [];
	const computes: number[] = [];
	for (const area of ['9', '8', '7.2', '9', '7.2']) {
		started = performance.now();
		await page.selectOption('[data-testid="plan-floor-area"]', area);
		key = await colours(page, key);
		changes.push(performance.now() - started);
		computes.push(Number(await page.getAttribute('[data-testid="map-compute-time"]', 'data-ms')));
	}
	record({
		host: 'browser',
		what: 'threshold change: indicators recomputed',
		people,
		ms: median(computes),
		note: 'median of 5; all indicators × 237 villages in duckdb-wasm'
	});
	record({
		host: 'browser',
		what: 'threshold change → recoloured map',
		people,
		ms: median(changes),
		note: 'median of 5; from the select to the idle map'
	});
	await page.click('[data-testid="nav-overview"]');
}

/** The allocation key once the Plan screen shows an allocation other than `previous`. */
async function allocated(page: import('playwright-core').Page, previous: string): Promise<string> {
	const handle = await page.waitForFunction(
		(prev) => {
			const figures = document.querySelector('[data-testid="plan-figures"]');
			const key = figures?.getAttribute('data-key') ?? '';
			return key !== '' && key !== prev && figures?.getAttribute('aria-busy') === 'false' ? key : null;
		},
		previous,
		{ timeout: 10 * 60_000, polling: 20 }
	);
	return String(await handle.jsonValue());
}

/** Rencana after the load: the allocation of all programmes, then again after a budget is typed in. */
async function benchBrowserPlan(page: import('playwright-core').Page, people: number): Promise<void> {
	await page.click('[data-testid="nav-plan"]');
	let key = await allocated(page, '');
	const ms = () => page.getAttribute('[data-testid="plan-allocation-time"]', 'data-ms').then(Number);
	record({
		host: 'browser',
		what: 'allocation, all 5 programmes',
		people,
		ms: await ms(),
		note: 'first on Rencana; PIP, Paket, BSPS, RTLH, water in duckdb-wasm'
	});
	const times: number[] = [];
	for (const budget of ['100.000.000', '2.000.000.000', '500.000.000']) {
		await page.fill('[data-testid="plan-budget-apbd-water"]', budget);
		await page.press('[data-testid="plan-budget-apbd-water"]', 'Tab');
		key = await allocated(page, key);
		times.push(await ms());
	}
	record({ host: 'browser', what: 'allocation after a budget change', people, ms: median(times), note: 'median of 3' });
	await page.click('[data-testid="nav-overview"]');
}

interface Sample {
	people: number;
	dir: string;
	manifest: SampleManifest;
}

async function benchBrowser(samples: Sample[], xlsx: Sample | undefined): Promise<void> {
	const site = await openSite();
	try {
		const { page } = site;
		const root = browserRoot(site.profile);
		if (root === undefined) console.warn('Chromium process not found: peak memory not recorded');
		const browserBytes = () => (root === undefined ? 0 : treeBytes(root));
		/** Loads one file through the Data screen; time until the top bar shows it, and Chromium's peak memory. */
		const load = async (sample: Sample, file: string) => {
			const path = join(sample.dir, file);
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
			// Once a second: reading smaps_rollup walks the page tables of Chromium's huge wasm reservations.
			const memory = samplePeak(browserBytes, 1000);
			const started = performance.now();
			await page.setInputFiles('[data-testid="file-input"]', path);
			await registerShown(page, sample.manifest.families, sample.people, file);
			const ms = performance.now() - started;
			const peakBytes = root === undefined ? undefined : memory.stop();
			const longest = await page.evaluate(() => (window as unknown as { __longestTask: number }).__longestTask);
			record({
				host: 'browser',
				what: `load ${file} (flat)`,
				people: sample.people,
				bytes: readFileSync(path).length,
				ms,
				peakBytes,
				note: `peak = PSS of all Chromium processes; longest main-thread task ${Math.round(longest)} ms`
			});
		};
		const bundled = JSON.parse(readFileSync(join(BUILD_DIR, 'sample/manifest.json'), 'utf8')) as SampleManifest;
		let started = performance.now();
		await page.goto(site.url);
		await registerShown(page, bundled.families, bundled.people);
		record({
			host: 'browser',
			what: 'first open on bundled sample',
			people: bundled.people,
			ms: performance.now() - started,
			note: 'page load + wasm instantiate + Parquet load'
		});
		await page.click('[data-testid="nav-data"]');
		const instantiate = Number(await page.getAttribute('[data-testid="load-summary"]', 'data-instantiate-ms'));
		record({ host: 'browser', what: 'duckdb-wasm instantiate', people: 0, ms: instantiate });

		if (xlsx) await load(xlsx, 'dtsen.xlsx');
		for (const sample of samples) {
			const { people } = sample;
			for (const file of loadFiles) await load(sample, file);
			// Overview as a user sees it: open Ringkasan (per-kecamatan query), then a kecamatan's villages.
			started = performance.now();
			await page.click('[data-testid="nav-overview"]');
			await page.waitForFunction(
				(people) =>
					Number(document.querySelector('[data-testid="totals-people"]')?.getAttribute('data-value')) === people &&
					document.querySelectorAll('[data-testid="kecamatan-row"]').length === 20,
				people,
				{ timeout: 10 * 60_000, polling: 50 }
			);
			record({ host: 'browser', what: 'Ringkasan after load (kecamatan query)', people, ms: performance.now() - started });
			const times: number[] = [];
			for (let i = 0; i < 5; i++) {
				const rowsOpen = page.locator('[data-testid="kecamatan-select"]').nth(i);
				const t = performance.now();
				await rowsOpen.click();
				await page.waitForSelector('[data-testid="village-row"]');
				times.push(performance.now() - t);
				await page.click('[data-testid="village-close"]');
				await page.waitForSelector('[data-testid="village-row"]', { state: 'detached' });
			}
			record({ host: 'browser', what: 'kecamatan → villages, first click', people, ms: times[0] ?? NaN, note: 'reads every village once' });
			record({ host: 'browser', what: 'kecamatan → villages, next clicks', people, ms: median(times.slice(1)), note: 'median of 4' });
			await benchBrowserMap(page, people);
			await benchBrowserPlan(page, people);
			await page.click('[data-testid="nav-data"]');
		}
		const foreign = site.requests.filter((url) => !url.startsWith(site.origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
		if (foreign.length) console.warn('requests outside the origin:', foreign);
	} finally {
		await site.close();
	}
}

function markdown(): string {
	const lines = [
		'| host | what | people | file size | time (s) | peak memory | note |',
		'|---|---|---:|---:|---:|---:|---|',
		...rows.map(
			(r) =>
				`| ${r.host} | ${r.what} | ${r.people ? r.people.toLocaleString('en') : ''} | ${r.bytes ? `${(r.bytes / 2 ** 20).toFixed(0)} MiB` : ''} | ${(r.ms / 1000).toFixed(2)} | ${r.peakBytes ? `${(r.peakBytes / 2 ** 20).toFixed(0)} MiB` : ''} | ${r.note ?? ''} |`
		)
	];
	return lines.join('\n');
}

const samples: Sample[] = [];
for (const people of sizes) samples.push({ people, ...(await sampleOf(people, peersOnly ? ['parquet'] : ['csv', 'parquet'])) });
const xlsx =
	xlsxPeople > 0 && !indicatorsOnly && !peersOnly ? { people: xlsxPeople, ...(await sampleOf(xlsxPeople, ['xlsx'])) } : undefined;
if (!peersOnly) {
	if (xlsx) await benchNode(xlsx.people, xlsx.dir, ['dtsen.xlsx']);
	for (const s of samples) await benchNode(s.people, s.dir);
	if (!skipBrowser) await benchBrowser(samples, xlsx);
}
const peerSection = peers ? peersMarkdown(await benchPeers(samples, peerRuns), peerRuns) : undefined;

const stamp = runStarted.toISOString().slice(0, 16).replace('T', ' ');
const machine = describeMachine(skipBrowser && !peers ? undefined : CHROMIUM);
const registers = `Registers: generated DTSEN flat files (\`npm run sample\`, seed 1), one row per person${xlsx ? `; the XLSX one has ${xlsxPeople.toLocaleString('en')} rows` : ''}.${runNote ? ` ${runNote}` : ''}`;
const parts = [
	`## Run of ${stamp} UTC${peersOnly ? ': Tepat and its peers' : ''}`,
	`\`\`\`\n${machine}\n\`\`\``,
	registers,
	...(peersOnly ? [] : [markdown()]),
	...(peerSection ? [...(peersOnly ? [] : ['### Tepat and its peers']), peerSection] : [])
];
const section = parts.join('\n\n').trimEnd() + '\n';
const resultsPath = join(ROOT, 'bench/RESULTS.md');
const previous = existsSync(resultsPath)
	? readFileSync(resultsPath, 'utf8')
	: '# Benchmark results\n\nNewest run first. `npm run bench` appends a section.\n';
const [head, ...rest] = previous.split(/\n(?=## Run of )/);
await writeFile(resultsPath, [head?.trimEnd(), section, ...rest].join('\n\n').trimEnd() + '\n');
console.log(`\nwritten to ${resultsPath}`);
process.exit(0);
