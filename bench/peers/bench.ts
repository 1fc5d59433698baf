/**
 * Tepat against the tools a data team would use instead (issue 14 point 4): for each register size,
 * Tepat's own run (ingest + core SQL, whose answer is the reference) and then every peer, each in a
 * process of its own (child.ts), and the results as a Markdown section for bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEERS } from './index';
import { RESULT_FILE, TEPAT_LABEL, type ToolRuns } from './types';
import { budgetFor } from './workload';
import { LoadSampler, median, shortPeople } from '../stats';

const PEER_LABELS = new Map<string, string>([['tepat', TEPAT_LABEL], ...PEERS.map((p): [string, string] => [p.id, p.label])]);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = join(ROOT, 'bench/peers/child.ts');

export interface PeerSample {
	people: number;
	/** The sample folder holding dtsen.parquet (the flat file Tepat ingests). */
	dir: string;
}

export interface SizeResults {
	people: number;
	budget: number;
	tools: ToolRuns[];
}

/** Runs one tool's process; resolves to why it failed (exit code or signal), or undefined. */
function runChild(args: string[]): Promise<string | undefined> {
	return new Promise((done) => {
		// A larger heap than Node's default (about 4 GiB), so the JavaScript peers are not cut off at 3M people.
		const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=12288', '--import', 'tsx', CHILD, ...args], {
			cwd: ROOT,
			stdio: 'inherit'
		});
		child.on('error', (error) => done(error.message));
		child.on('exit', (code, signal) => done(code === 0 ? undefined : `process ended with ${signal ?? `exit code ${code}`}`));
	});
}

export async function benchPeers(samples: readonly PeerSample[], runs = 3): Promise<{ sizes: SizeResults[]; load: number[] }> {
	const load = new LoadSampler().start();
	const sizes: SizeResults[] = [];
	for (const { people, dir } of samples) {
		const work = join(dir, 'peers');
		await rm(work, { recursive: true, force: true });
		await mkdir(work, { recursive: true });
		const budget = budgetFor(people);
		const common = ['--work', work, '--budget', String(budget), '--runs', String(runs)];
		const tools: ToolRuns[] = [];
		for (const tool of ['tepat', ...PEERS.map((p) => p.id)]) {
			console.log(`peers: ${tool} on ${people.toLocaleString('en')} people …`);
			const failed = await runChild(['--tool', tool, ...common, ...(tool === 'tepat' ? ['--flat', join(dir, 'dtsen.parquet')] : [])]);
			if (failed !== undefined) {
				console.log(`  failed: ${failed}`);
				tools.push({ tool, label: tool, loadMs: [], computeMs: [], peakDeltaBytes: 0, baselineBytes: 0, failed });
				// Without Tepat's answer there is nothing to check the peers against at this size.
				if (tool === 'tepat') break;
				continue;
			}
			const runsOf = JSON.parse(await readFile(join(work, RESULT_FILE(tool)), 'utf8')) as ToolRuns;
			console.log(
				runsOf.disagrees
					? `  disagrees: ${runsOf.disagrees}`
					: `  load ${seconds(median(runsOf.loadMs))} s, compute ${seconds(median(runsOf.computeMs))} s, peak +${mib(runsOf.peakDeltaBytes)} MiB`
			);
			tools.push(runsOf);
		}
		sizes.push({ people, budget, tools });
	}
	load.stop();
	return { sizes, load: load.all() };
}

export { median };

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 3 : 1);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : '–');
const spread = (values: readonly number[]) =>
	values.length === 0 ? '–' : `${seconds(median(values))} (${seconds(Math.min(...values))}–${seconds(Math.max(...values))})`;

function sizeTable(size: SizeResults): string {
	const agreeing = size.tools.filter((t) => !t.disagrees && !t.failed);
	const duck = agreeing.find((t) => t.tool === 'duckdb');
	const peers = agreeing.filter((t) => t.tool !== 'tepat');
	const fastest = (pick: (t: ToolRuns) => number[]) => Math.min(...peers.map((t) => median(pick(t))));
	const fastestLoad = fastest((t) => t.loadMs);
	const fastestCompute = fastest((t) => t.computeMs);
	const lines = [
		`#### ${size.people.toLocaleString('en')} people (PIP budget ${size.budget.toLocaleString('en')} units)`,
		'',
		'| tool | load, s: median (min–max) | compute, s: median (min–max) | load ÷ DuckDB | compute ÷ DuckDB | load ÷ fastest peer | compute ÷ fastest peer | peak RSS − RSS before load | agrees with Tepat |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---|',
		...size.tools.map((t) => {
			if (t.failed) return `| ${PEER_LABELS.get(t.tool) ?? t.label} | – | – | – | – | – | – | – | not run to the end: ${t.failed} |`;
			if (t.disagrees) return `| ${t.label} | – | – | – | – | – | – | – | no: ${t.disagrees} |`;
			const l = median(t.loadMs);
			const c = median(t.computeMs);
			return `| ${t.label} | ${spread(t.loadMs)} | ${spread(t.computeMs)} | ${ratio(l, duck ? median(duck.loadMs) : NaN)} | ${ratio(c, duck ? median(duck.computeMs) : NaN)} | ${ratio(l, fastestLoad)} | ${ratio(c, fastestCompute)} | ${mib(t.peakDeltaBytes)} MiB | yes |`;
		})
	];
	return lines.join('\n');
}

function growthTable(sizes: readonly SizeResults[]): string {
	if (sizes.length < 2) return '';
	const first = sizes[0] as SizeResults;
	const last = sizes[sizes.length - 1] as SizeResults;
	const people = last.people / first.people;
	const header = sizes.map((s) => shortPeople(s.people));
	const lines = [
		`Growth from ${first.people.toLocaleString('en')} to ${last.people.toLocaleString('en')} people (×${people.toFixed(0)}): median seconds per size, and the factor over the smallest size.`,
		'',
		`| tool | step | ${header.join(' | ')} | ×time for ×${people.toFixed(0)} people |`,
		`|---|---|${header.map(() => '---:').join('|')}|---:|`
	];
	for (const tool of first.tools.map((t) => t.tool)) {
		const of = sizes.map((s) => s.tools.find((t) => t.tool === tool && !t.disagrees && !t.failed));
		const label = PEER_LABELS.get(tool) ?? tool;
		for (const [step, pick] of [
			['load', (t: ToolRuns) => t.loadMs],
			['compute', (t: ToolRuns) => t.computeMs]
		] as const) {
			const values = of.map((t) => (t ? median(pick(t)) : NaN));
			const a = values[0] ?? NaN;
			const b = values[values.length - 1] ?? NaN;
			lines.push(`| ${label} | ${step} | ${values.map((v) => (Number.isFinite(v) ? seconds(v) : '–')).join(' | ')} | ${ratio(b, a)} |`);
		}
	}
	return lines.join('\n');
}

export function peersMarkdown(result: { sizes: SizeResults[]; load: number[] }, runs: number): string {
	const load = result.load.filter(Number.isFinite);
	const loadLine = `Load average (1 min) during the peer runs: ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)} (median ${median(load).toFixed(2)}, ${load.length} samples, every 5 s).`;
	return [
		"Tepat and its peers on one workload (bench/peers, issue 14 point 4): per reference village the households, people, ATS and RTLH-by-roof counts (ATS and RTLH under the plan population: desil 1–4, valid verval, missing counted), and the PIP list ranked by desil, household id, person id, cut at one unit per 20 people. Tepat runs its real core SQL through the NodeEngine after a full ingest of the flat DTSEN Parquet (load = `ingestRegister`: staging, code mapping, validation report — not comparable to the peers' load); its answer is the reference. The peers load the register as Tepat left it (canonical codes: household, person and village Parquet with only the columns read) and must agree exactly, or they are reported with the first difference and not timed.",
		'',
		`Each tool runs in its own Node process: ${runs} times load then compute; the first answer is the agreement check and is timed too (so the max includes warm-up: JIT, wasm compilation). Memory: the process's peak resident set (VmHWM, /proc/self/status) over all runs minus its resident set before the first load. DuckDB uses its default threads (2 here); Arquero, SQLite and the loops run on one. Arquero, SQLite and the loops read Parquet with parquet-wasm into Arrow; DuckDB reads it itself.`,
		'',
		loadLine,
		'',
		...result.sizes.map(sizeTable).flatMap((t) => [t, '']),
		growthTable(result.sizes)
	].join('\n');
}
