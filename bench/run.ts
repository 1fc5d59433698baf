/**
 * The benchmark (issue 14 points 4–5): load and query times of the register in the browser (the built
 * site in headless Chromium) and in Node, on generated registers of the given sizes, every step run
 * `--runs` times (median, min–max), next to DuckDB native's load of the same files and, with `--peers`,
 * the same workload in Tepat's peers. Results go to the top of bench/RESULTS.md with the machine's
 * details and the load average per section. Timings are recorded here, never asserted in tests.
 *
 *   npm run bench [-- --sizes 100000,1000000,3000000] [--runs 3] [--xlsx-people 100000]
 *                 [--browser-sizes 100000,1000000] [--browser-csv-sizes 100000,1000000]
 *                 [--skip-browser] [--skip-node] [--skip-native] [--skip-cli] [--skip-bnba | --bnba-sizes 100000] [--indicators-only]
 *                 [--builds eh,coi]
 *                 [--peers | --peers-only] [--peer-runs N] [--note TEXT] [--out FILE] [--work DIR]
 *
 * Needs `npm run build` first (the browser part serves build/). Peak memory is sampled from /proc
 * (bench/memory.ts): the Node process's RSS, child processes' PSS or VmHWM, and the PSS of all of
 * Chromium's processes. `--browser-sizes` limits the browser steps to some sizes (default: all),
 * `--browser-csv-sizes` the browser's CSV load (default: the browser sizes), for sizes whose load the
 * machine cannot hold; the output says which were left out. `--out` writes the section to that file
 * instead of bench/RESULTS.md and `--work DIR` puts the generated registers there instead of bench/out
 * (the smoke test). `--people` is the older name of `--sizes`. `--builds` runs the browser steps on each of
 * duckdb-wasm's builds in turn (default both): `eh`, single-threaded, on a plain page; `coi`, threaded,
 * on a page isolated by the server's headers. `--skip-node` leaves out the Node loads (and so the native
 * and CLI ones), for a browser-only run.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reference } from '../src/lib/core/reference';
import { writeSample, type SampleFormat, type SampleManifest } from '../src/lib/sample/write';
import { BUILD_DIR, CHROMIUM } from '../tests/e2e/site';
import { benchBrowserSizes, benchFirstOpen, type BrowserSample } from './browser';
import { describeMachine } from './machine';
import { resultsMarkdown } from './markdown';
import { benchCliSummary, benchNativeLoad, benchNodeFile, type NodeContext } from './node';
import { benchPeers, peersMarkdown, type SizeResults } from './peers/bench';
import { LoadSampler } from './stats';
import { Steps, type EngineBuild } from './steps';

const runStarted = new Date();
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reference = JSON.parse(readFileSync(join(ROOT, 'data/reference.json'), 'utf8')) as Reference;

function arg(name: string): string | undefined {
	const args = process.argv.slice(2);
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const count = (text: string) => Number(text.replaceAll('_', ''));
const list = (text: string | undefined) => text?.split(',').filter(Boolean).map(count);

const sizes = (list(arg('sizes') ?? arg('people')) ?? [1_000_000]).sort((a, b) => a - b);
const runs = count(arg('runs') ?? '3');
const peersOnly = flag('peers-only');
const peers = peersOnly || flag('peers');
const peerRuns = count(arg('peer-runs') ?? String(runs));
const xlsxPeople = count(arg('xlsx-people') ?? '100000');
const skipBrowser = flag('skip-browser');
const skipNode = flag('skip-node');
const skipNative = flag('skip-native');
const skipCli = flag('skip-cli');
/** The BNBA export's query joins people in a nested loop today (quadratic in the people): at 1M and more it can take hours. */
const bnbaSizes = flag('skip-bnba') ? [] : list(arg('bnba-sizes'));
/** Only the Parquet load and what follows it (indicators, map, plan): the CSV and XLSX loads take minutes. */
const indicatorsOnly = flag('indicators-only');
const browserSizes = list(arg('browser-sizes')) ?? sizes;
const builds = (arg('builds') ?? 'eh,coi').split(',').filter(Boolean);
if (!builds.every((b): b is EngineBuild => b === 'eh' || b === 'coi')) throw new Error('--builds takes eh, coi or both (eh,coi)');
const browserCsvSizes = list(arg('browser-csv-sizes')) ?? browserSizes;
const runNote = arg('note');
const resultsPath = arg('out') ?? join(ROOT, 'bench/RESULTS.md');
/** Where the generated registers and the runs' files go. */
const OUT = resolve(arg('work') ?? join(ROOT, 'bench/out'));
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');

interface Sample {
	people: number;
	dir: string;
	manifest: SampleManifest;
}

async function sampleOf(people: number, formats: SampleFormat[]): Promise<Sample> {
	const dir = join(OUT, formats.includes('xlsx') ? `x${people}` : formats.includes('csv') ? `p${people}` : `q${people}`);
	const manifestPath = join(dir, 'manifest.json');
	if (existsSync(manifestPath)) return { people, dir, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as SampleManifest };
	console.log(`generating ${people.toLocaleString('en')} people into ${dir} …`);
	const manifest = await writeSample(dir, { people, seed: 1, formats, schemas: ['dtsen'] });
	return { people, dir, manifest };
}

const load = new LoadSampler().start();
const steps = new Steps();
const loadFiles = indicatorsOnly ? ['dtsen.parquet'] : ['dtsen.parquet', 'dtsen.csv'];

load.section('sample generation');
const samples: Sample[] = [];
for (const people of sizes) samples.push(await sampleOf(people, peersOnly || indicatorsOnly ? ['parquet'] : ['csv', 'parquet']));
const xlsx = xlsxPeople > 0 && !indicatorsOnly && !peersOnly ? await sampleOf(xlsxPeople, ['xlsx']) : undefined;

if (!peersOnly) {
	const ctx: NodeContext = { steps, reference, runs, out: join(OUT, 'node-results'), bnbaSizes };
	if (xlsx && !skipNode) {
		load.section(`node, XLSX ${xlsx.people.toLocaleString('en')}`);
		await benchNodeFile(ctx, xlsx.people, join(xlsx.dir, 'dtsen.xlsx'), false);
	}
	for (const s of skipNode ? [] : samples) {
		load.section(`node, ${s.people.toLocaleString('en')} people`);
		for (const file of loadFiles) {
			const path = join(s.dir, file);
			try {
				await benchNodeFile(ctx, s.people, path, file.endsWith('.parquet'));
			} catch (error) {
				const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
				steps.failures.push(`node, ${file}, ${s.people.toLocaleString('en')} people: ${reason}`);
				console.warn(`node, ${file}, ${s.people.toLocaleString('en')} people failed: ${reason}`);
			}
			if (!skipNative) await benchNativeLoad(ctx, s.people, path, statSync(path).size);
		}
		const csv = join(s.dir, 'dtsen.csv');
		if (!skipCli && !indicatorsOnly) await benchCliSummary(ctx, s.people, csv, statSync(csv).size);
	}
	if (!skipBrowser) {
		const inBrowser: BrowserSample[] = samples
			.filter((s) => browserSizes.includes(s.people))
			.map((s) => ({ ...s, csv: !indicatorsOnly && browserCsvSizes.includes(s.people) }));
		for (const build of builds) {
			const browserCtx = { build, steps, runs, bnbaSizes, section: (name: string) => load.section(`${name} (${build})`) };
			load.section(`browser, first open (${build})`);
			await benchFirstOpen(browserCtx);
			await benchBrowserSizes(browserCtx, inBrowser, xlsx ? { ...xlsx, csv: false } : undefined);
		}
	}
}
let peerResults: { sizes: SizeResults[]; load: number[] } | undefined;
if (peers) {
	load.section('peers');
	peerResults = await benchPeers(samples, peerRuns);
}
load.stop();

const stamp = runStarted.toISOString().slice(0, 16).replace('T', ' ');
const minutes = ((Date.now() - runStarted.getTime()) / 60_000).toFixed(1);
const machine = describeMachine(skipBrowser && !peers ? undefined : CHROMIUM);
const sizeWords = sizes.map((p) => p.toLocaleString('en')).join(', ');
const leftOut = (all: readonly number[], kept: readonly number[]) =>
	all.filter((p) => !kept.includes(p)).map((p) => p.toLocaleString('en'));
const browserNote = skipBrowser
	? 'Browser steps not run (--skip-browser).'
	: [
			leftOut(sizes, browserSizes).length
				? `Browser steps not run at ${leftOut(sizes, browserSizes).join(', ')} people (--browser-sizes).`
				: '',
			!indicatorsOnly && leftOut(browserSizes, browserCsvSizes).length
				? `Browser CSV load not run at ${leftOut(browserSizes, browserCsvSizes).join(', ')} people (--browser-csv-sizes).`
				: ''
		]
			.filter(Boolean)
			.join(' ');
const bundled = skipBrowser ? undefined : (JSON.parse(readFileSync(join(BUILD_DIR, 'sample/manifest.json'), 'utf8')) as SampleManifest);
const registers = [
	`Registers: generated DTSEN flat files (\`npm run sample\`, seed 1), one row per person: ${sizeWords} people${xlsx ? `; the XLSX one ${xlsxPeople.toLocaleString('en')} rows` : ''}.`,
	skipBrowser
		? ''
		: `Browser steps on duckdb-wasm's ${builds.map((b) => (b === 'coi' ? 'threaded build (coi: host browser-coi)' : 'single-threaded build (eh: host browser)')).join(' and ')}; each page's first file is chosen once the Data screen's rehearsal of a load has ended.`,
	skipNode ? 'Node steps not run (--skip-node).' : '',
	`${runs} run${runs === 1 ? '' : 's'} of every step${peers ? `, ${peerRuns} of every peer` : ''}; the whole run took ${minutes} min.`,
	browserNote,
	bnbaSizes && leftOut(sizes, bnbaSizes).length
		? `BNBA export not run at ${leftOut(sizes, bnbaSizes).join(', ')} people (--bnba-sizes / --skip-bnba).`
		: '',
	runNote ?? ''
]
	.filter(Boolean)
	.join(' ');
const parts = [
	`## Run of ${stamp} UTC${peersOnly ? ': Tepat and its peers' : ''}`,
	`\`\`\`\n${machine}\n\`\`\``,
	registers,
	...(peersOnly ? [] : [resultsMarkdown({ steps, sizes, peers: peerResults?.sizes, load }, bundled?.people)]),
	...(peerResults ? [...(peersOnly ? [] : ['### Tepat and its peers']), peersMarkdown(peerResults, peerRuns)] : [])
];
const section = parts.join('\n\n').trimEnd() + '\n';
const previous = existsSync(resultsPath)
	? readFileSync(resultsPath, 'utf8')
	: '# Benchmark results\n\nNewest run first. `npm run bench` appends a section.\n';
// The new section goes first, after the title lines and before the newest section of any kind.
const [head, ...rest] = previous.split(/\n(?=## )/);
await writeFile(resultsPath, [head?.trimEnd(), section, ...rest.map((r) => r.trim())].join('\n\n').trimEnd() + '\n');
console.log(`\nwritten to ${resultsPath} (${minutes} min)`);
process.exit(0);
