/**
 * The Node part of the benchmark, each step `runs` times: Tepat's load of the flat file through the
 * NodeEngine (and, on Parquet, the overview, indicators, allocation and the BNBA export of the biggest
 * programme on that load), the `tepat summary` CLI on the CSV, and DuckDB native's load of the same
 * file (native-load.ts), each of the last two in a process of its own.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plan, ProgrammeId } from '../src/lib/core/plan';
import { defaultPlan } from '../src/lib/core/plan';
import type { Reference } from '../src/lib/core/reference';
import { NodeEngine } from '../src/lib/engine/node';
import { planNotes } from '../src/lib/words/capability-notes';
import { bnbaCsv, bnbaFileStem, bnbaXlsx, stampOf } from '../src/lib/export/bnba';
import { ingestRegister, loadReference } from '../src/lib/ingest';
import { fileByteSource } from '../src/lib/ingest/node-source';
import { bnba, lineBudget, registerChecksum, runAllocation } from '../src/lib/queries/allocation';
import { registerFields } from '../src/lib/queries/capabilities';
import { villageIndicators } from '../src/lib/queries/indicators';
import { overviewByKecamatan, overviewByVillage } from '../src/lib/queries/overview';
import { samplePeak, treeBytes, treeCpuMs } from './memory';
import type { NativeRuns } from './native-load';
import { timed, type Steps } from './steps';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nodeRss = () => process.memoryUsage().rss;

/** Budgets large enough that every queue runs deep: the running sums cover most candidates. */
export function benchPlan(): Plan {
	const plan = defaultPlan();
	plan.fundingLines = [
		{ id: 'apbd', name: 'APBD', kind: 'APBD', budgets: { pip: 5e9, paket: 2e9, rtlh: 50e9, water: 20e9 } },
		{ id: 'apbn', name: 'APBN', kind: 'APBN', budgets: { bsps: 40e9, pip: 5e9 } }
	];
	return plan;
}

/** Floor areas per person the threshold change cycles through (each differs from the one before). */
const FLOOR_AREAS = [9, 8, 7.2] as const;

export interface NodeContext {
	steps: Steps;
	reference: Reference;
	runs: number;
	/** Where the BNBA files and the child processes' results are written. */
	out: string;
	/** The sizes whose BNBA is exported (--bnba-sizes, --skip-bnba); all when not given. */
	bnbaSizes?: readonly number[];
}

/** The programme with the most funded units in the allocation table, as the Plan screen shows it. */
async function biggestProgramme(engine: NodeEngine): Promise<ProgrammeId | undefined> {
	const units = new Map<string, number>();
	for (const line of await lineBudget(engine)) units.set(line.programme, (units.get(line.programme) ?? 0) + line.units);
	const [top] = [...units].sort((a, b) => b[1] - a[1]);
	return top?.[0] as ProgrammeId | undefined;
}

/** Tepat's load of one flat file in Node, `runs` times; on Parquet the queries that follow a load too. */
export async function benchNodeFile(ctx: NodeContext, people: number, path: string, withQueries: boolean): Promise<void> {
	const { steps, reference } = ctx;
	const file = path.split('/').pop() ?? path;
	const format = file.split('.').pop() as 'parquet' | 'csv' | 'xlsx';
	for (let run = 0; run < ctx.runs; run++) {
		const engine = await NodeEngine.open();
		try {
			await loadReference(engine, reference);
			const source = await fileByteSource(path);
			const memory = samplePeak(nodeRss);
			const load = await timed(() => ingestRegister(engine, [source], reference));
			steps.record(
				{ host: 'node', id: `load-${format}`, what: `load ${file} (flat)`, people, bytes: source.size, note: 'peak = process RSS' },
				{ ms: load.ms, cpuMs: load.cpuMs, peakBytes: memory.stop() }
			);
			if (withQueries) await nodeQueries(ctx, engine, people, run);
		} finally {
			await engine.close();
		}
	}
}

async function nodeQueries(ctx: NodeContext, engine: NodeEngine, people: number, run: number): Promise<void> {
	const { steps } = ctx;
	const overview = await timed(async () => {
		await overviewByKecamatan(engine);
		await overviewByVillage(engine);
	});
	steps.record({ host: 'node', id: 'overview', what: 'overview queries', people, note: 'per kecamatan and per village' }, overview);

	const first = await timed(() => villageIndicators(engine, defaultPlan()));
	steps.record({ host: 'node', id: 'indicators-first', what: 'indicators, first computation', people }, first);
	const changed = defaultPlan();
	changed.indicators.housing.minFloorAreaPerPerson = FLOOR_AREAS[run % FLOOR_AREAS.length] as number;
	const change = await timed(() => villageIndicators(engine, changed));
	steps.record(
		{ host: 'node', id: 'indicators', what: 'indicators after a threshold change', people, note: 'all indicators × all villages' },
		change
	);

	const plan = benchPlan();
	const allocation = await timed(() => runAllocation(engine, plan));
	steps.record(
		{ host: 'node', id: 'allocation', what: 'allocation, all 5 programmes', people, note: 'PIP, Paket, BSPS, RTLH, water' },
		allocation
	);

	const programme = ctx.bnbaSizes && !ctx.bnbaSizes.includes(people) ? undefined : await biggestProgramme(engine);
	if (!programme) return;
	const stamp = stampOf(plan, await registerChecksum(engine), ctx.reference.kabupaten, planNotes(await registerFields(engine), plan));
	await mkdir(ctx.out, { recursive: true });
	const csv = await timed(async () => {
		const rows = await bnba(engine, programme);
		await writeFile(join(ctx.out, `${bnbaFileStem(programme)}.csv`), bnbaCsv(rows, stamp));
		return rows.length;
	});
	steps.record(
		{
			host: 'node',
			id: 'bnba-csv',
			what: 'BNBA export, CSV',
			people,
			note: `${programme}, ${csv.value.toLocaleString('en')} rows, written to disk`
		},
		csv
	);
	const xlsx = await timed(async () => {
		const rows = await bnba(engine, programme);
		await writeFile(join(ctx.out, `${bnbaFileStem(programme)}.xlsx`), await bnbaXlsx(programme, rows, stamp));
		return rows.length;
	});
	steps.record(
		{
			host: 'node',
			id: 'bnba-xlsx',
			what: 'BNBA export, XLSX',
			people,
			note: `${programme}, ${xlsx.value.toLocaleString('en')} rows, written to disk`
		},
		xlsx
	);
}

interface ProcessRun {
	ms: number;
	cpuMs: number;
	peakBytes: number;
	failed?: string;
}

/** Runs `node ARGS` to its end: wall time, CPU and peak PSS of its process tree, sampled every 250 ms. */
function runNode(args: readonly string[]): Promise<ProcessRun> {
	return new Promise((done) => {
		const started = performance.now();
		const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
		const pid = child.pid;
		let cpuMs = 0;
		const memory = samplePeak(() => {
			if (pid === undefined) return 0;
			cpuMs = Math.max(cpuMs, treeCpuMs(pid));
			return treeBytes(pid);
		});
		const finish = (failed?: string) => {
			const peakBytes = memory.stop();
			done({ ms: performance.now() - started, cpuMs, peakBytes, failed });
		};
		child.on('error', (error) => finish(error.message));
		child.on('exit', (code, signal) => finish(code === 0 ? undefined : `ended with ${signal ?? `exit code ${code}`}`));
	});
}

/** `tepat summary FILE` (load + summary queries, CSV to stdout), `runs` times, each a process of its own. */
export async function benchCliSummary(ctx: NodeContext, people: number, path: string, bytes: number): Promise<void> {
	for (let run = 0; run < ctx.runs; run++) {
		const result = await runNode([join(ROOT, 'bin/tepat.js'), 'summary', path]);
		if (result.failed) {
			console.warn(`tepat summary ${path}: ${result.failed}`);
			ctx.steps.failures.push(`node, \`tepat summary\` of the CSV, ${people.toLocaleString('en')} people: ${result.failed}`);
			return;
		}
		ctx.steps.record(
			{
				host: 'node',
				id: 'cli-summary-csv',
				what: '`tepat summary` of the CSV (CLI)',
				people,
				bytes,
				note: 'a process per run, from start to exit; peak = its PSS; CPU sampled every 250 ms'
			},
			result
		);
	}
}

/** DuckDB native's load + overview group-by of the same file, `runs` times in one process (native-load.ts). */
export async function benchNativeLoad(ctx: NodeContext, people: number, path: string, bytes: number): Promise<void> {
	const format = path.endsWith('.parquet') ? 'parquet' : 'csv';
	await mkdir(ctx.out, { recursive: true });
	const out = join(ctx.out, `native-${format}-${people}.json`);
	const result = await runNode([
		'--import',
		'tsx',
		join(ROOT, 'bench/native-load.ts'),
		'--file',
		path,
		'--runs',
		String(ctx.runs),
		'--out',
		out
	]);
	if (result.failed) {
		console.warn(`DuckDB native load of ${path}: ${result.failed}`);
		ctx.steps.failures.push(`node, DuckDB native load of ${format}, ${people.toLocaleString('en')} people: ${result.failed}`);
		return;
	}
	const runs = JSON.parse(await readFile(out, 'utf8')) as NativeRuns;
	if (runs.rows !== people) console.warn(`DuckDB native read ${runs.rows} rows of ${path}, ${people} expected`);
	runs.ms.forEach((ms, i) =>
		ctx.steps.record(
			{
				host: 'node',
				id: `native-load-${format}`,
				what: `DuckDB native: load ${format === 'csv' ? 'CSV' : 'Parquet'} + group-by`,
				people,
				bytes,
				note: `CREATE TABLE AS SELECT * FROM read_${format} + the overview's group-by; @duckdb/node-api, own process; peak = its VmHWM over all runs`
			},
			{ ms, cpuMs: runs.cpuMs[i], peakBytes: runs.peakBytes }
		)
	);
}
