/**
 * Where the allocation's and the indicators' time goes (issue 14 point 1): loads a generated register
 * once in Node, then for every allocation statement (`allocationStatements`) and for
 * `villageIndicatorsSql` prints the wall time (median of --runs) and DuckDB's EXPLAIN ANALYZE, as the
 * costliest operators or (--full) the whole profile tree. It ends with checksums of the funded lists
 * and of the indicator figures, so a change to the SQL can be shown to give the same answers.
 *
 *   npx tsx bench/explain.ts [--people 1000000] [--runs 3] [--top 12] [--full] [--wasm] [--only allocation|indicators|budget]
 *
 * The register is generated into bench/out/explain-p<N>/ (seed 1, Parquet) and loaded as the app
 * loads it; the loaded tables are kept beside it in register.duckdb, so later runs start in seconds.
 * --wasm also runs the same statements on duckdb-wasm under Node (tests/unit/wasm-engine.ts), with the
 * tables moved over as Parquet the way the browser restores its stored copy: the nearest thing to the
 * browser without one. Timings are printed, never asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Table } from 'apache-arrow';
import { NodeEngine } from '../src/lib/engine/node';
import type { Engine } from '../src/lib/engine/types';
import { ingestRegister, loadReference } from '../src/lib/ingest';
import { REGISTER_TABLES } from '../src/lib/ingest/tables';
import { fileByteSource } from '../src/lib/ingest/node-source';
import { defaultPlan, type Plan } from '../src/lib/core/plan';
import type { Reference } from '../src/lib/core/reference';
import { ALLOCATION_ORDER, allocationStatements } from '../src/lib/core/programs';
import { updateAllocation } from '../src/lib/queries/allocation';
import { INDICATOR_PEOPLE_TABLE, villageIndicatorsSql } from '../src/lib/core/indicators';
import { preparePeopleCounts } from '../src/lib/queries/indicators';
import { sqlString } from '../src/lib/core/sql';
import { writeSample } from '../src/lib/sample/write';
import { WasmTestEngine } from '../tests/unit/wasm-engine';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string): string | undefined {
	const args = process.argv.slice(2);
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : undefined;
}
const people = Number((arg('people') ?? '1000000').replaceAll('_', ''));
const runs = Number(arg('runs') ?? '3');
const top = Number(arg('top') ?? '12');
const full = process.argv.includes('--full');
const wasm = process.argv.includes('--wasm');
/** 'allocation', 'indicators' or 'budget' (one programme's budget changed) runs only that part. */
const only = arg('only');
const dir = join(ROOT, 'bench/out', `explain-p${people}`);

/** The benchmark's plan (bench/run.ts): budgets large enough that every queue runs deep. */
function benchPlan(minFloorAreaPerPerson?: number): Plan {
	const plan = defaultPlan();
	plan.fundingLines = [
		{ id: 'apbd', name: 'APBD', kind: 'APBD', budgets: { pip: 5e9, paket: 2e9, rtlh: 50e9, water: 20e9 } },
		{ id: 'apbn', name: 'APBN', kind: 'APBN', budgets: { bsps: 40e9, pip: 5e9 } }
	];
	if (minFloorAreaPerPerson !== undefined) plan.indicators.housing.minFloorAreaPerPerson = minFloorAreaPerPerson;
	return plan;
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/** CPU milliseconds (all of DuckDB's threads are this process's) spent by timed runs, by label. */
const cpu = new Map<string, number[]>();

/** Wall milliseconds of `run`; its CPU time is kept under `label` (less sensitive to other jobs' load). */
async function timed(run: () => Promise<unknown>, label = ''): Promise<number> {
	const used = process.cpuUsage();
	const started = performance.now();
	await run();
	const ms = performance.now() - started;
	const { user, system } = process.cpuUsage(used);
	if (label) cpu.set(label, [...(cpu.get(label) ?? []), (user + system) / 1000]);
	return ms;
}

const cpuMedian = (label: string) => `cpu ${seconds(median(cpu.get(label) ?? []))}`;

/** Node DuckDB with the register loaded: from the kept database when there is one, else from the file. */
async function openRegister(): Promise<NodeEngine> {
	const kept = join(dir, 'register.duckdb');
	const engine = await NodeEngine.open();
	if (existsSync(kept)) {
		await engine.exec(`ATTACH ${sqlString(kept)} AS kept (READ_ONLY)`);
		await engine.exec('COPY FROM DATABASE kept TO memory');
		await engine.exec('DETACH kept');
		console.log(`register restored from ${kept}`);
		return engine;
	}
	if (!existsSync(join(dir, 'manifest.json'))) {
		console.log(`generating ${people.toLocaleString('en')} people into ${dir} …`);
		await writeSample(dir, { people, seed: 1, formats: ['parquet'], schemas: ['dtsen'] });
	}
	const reference = JSON.parse(readFileSync(join(ROOT, 'data/reference.json'), 'utf8')) as Reference;
	await loadReference(engine, reference);
	const ms = await timed(async () => ingestRegister(engine, [await fileByteSource(join(dir, 'dtsen.parquet'))], reference));
	console.log(`register loaded in ${seconds(ms)}`);
	await engine.exec(`ATTACH ${sqlString(kept)} AS kept`);
	await engine.exec('COPY FROM DATABASE memory TO kept');
	await engine.exec('DETACH kept');
	return engine;
}

/** The same tables in duckdb-wasm, moved as Parquet bytes (as the browser restores a stored register). */
async function wasmCopy(node: NodeEngine): Promise<WasmTestEngine> {
	const engine = await WasmTestEngine.open();
	const tables = (await node.query('SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()'))
		.toArray()
		.map((row: { table_name: string }) => row.table_name);
	for (const table of tables) await engine.createTableFromParquet(table, await node.exportParquet(`SELECT * FROM ${table}`));
	console.log(`copied ${tables.length} tables to duckdb-wasm (${REGISTER_TABLES.length} register tables among them)`);
	return engine;
}

// ---- EXPLAIN ANALYZE ---------------------------------------------------------------------------

interface ProfileNode {
	operator_name?: string;
	operator_type?: string;
	operator_timing?: number;
	operator_cardinality?: number;
	extra_info?: Record<string, unknown>;
	children?: ProfileNode[];
}

interface Operator {
	name: string;
	seconds: number;
	rows: number;
	info: string;
}

function operators(node: ProfileNode, into: Operator[] = []): Operator[] {
	if (node.operator_name !== undefined || node.operator_type !== undefined) {
		const info = Object.entries(node.extra_info ?? {})
			.map(([k, v]) => `${k}: ${String(v).replaceAll(/\s+/g, ' ')}`)
			.join('; ');
		into.push({
			name: node.operator_name ?? node.operator_type ?? '?',
			seconds: node.operator_timing ?? 0,
			rows: node.operator_cardinality ?? 0,
			info: info.length > 160 ? `${info.slice(0, 157)}…` : info
		});
	}
	for (const child of node.children ?? []) operators(child, into);
	return into;
}

function explainText(table: Table): string {
	return table
		.toArray()
		.map((row: { explain_value: string }) => row.explain_value)
		.join('\n');
}

/** Runs `sql` under EXPLAIN ANALYZE (an INSERT is carried out) and prints its costliest operators. */
async function explain(engine: Engine, label: string, sql: string): Promise<void> {
	if (full) {
		console.log(`\n---- ${label}: EXPLAIN ANALYZE\n${explainText(await engine.query(`EXPLAIN ANALYZE ${sql}`))}`);
		return;
	}
	const profile = JSON.parse(explainText(await engine.query(`EXPLAIN (ANALYZE, FORMAT json) ${sql}`))) as ProfileNode | ProfileNode[];
	const roots = Array.isArray(profile) ? profile : [profile];
	const all = roots.flatMap((root) => operators(root));
	const total = all.reduce((sum, o) => sum + o.seconds, 0);
	console.log(`\n---- ${label}: ${all.length} operators, ${total.toFixed(3)} s operator time; costliest:`);
	for (const o of [...all].sort((a, b) => b.seconds - a.seconds).slice(0, top)) {
		console.log(
			`  ${o.seconds.toFixed(3).padStart(7)} s  ${o.name.padEnd(22)} ${o.rows.toLocaleString('en').padStart(10)} rows  ${o.info}`
		);
	}
}

// ---- Runs ---------------------------------------------------------------------------------------

/** Statement labels: the allocation's INSERTs are named after their programme. */
function labelOf(statement: string, i: number): string {
	const programme = /^INSERT INTO [\s\S]*?'(\w+)' AS programme/.exec(statement)?.[1];
	return programme ? `allocation ${programme}` : `statement ${i}: ${statement.split('\n')[0]?.slice(0, 60)}`;
}

async function timeAllocation(engine: Engine, host: string): Promise<void> {
	const statements = allocationStatements(benchPlan(), 'allocation', 'register');
	const times: number[][] = statements.map(() => []);
	const totals: number[] = [];
	for (let r = 0; r < runs; r++) {
		let total = 0;
		for (const [i, statement] of statements.entries()) {
			const ms = await timed(() => engine.exec(statement), `${host} ${i}`);
			times[i]?.push(ms);
			total += ms;
		}
		totals.push(total);
		cpu.set(`${host} allocation`, [
			...(cpu.get(`${host} allocation`) ?? []),
			statements.reduce((sum, _, i) => sum + (cpu.get(`${host} ${i}`)?.[r] ?? 0), 0)
		]);
	}
	console.log(
		`\n==== ${host}: allocation, all statements, median of ${runs}: ${seconds(median(totals))}, ${cpuMedian(`${host} allocation`)} (runs: ${totals.map(seconds).join(', ')})`
	);
	for (const [i, statement] of statements.entries()) {
		console.log(`  ${seconds(median(times[i] ?? [])).padStart(9)}  ${cpuMedian(`${host} ${i}`).padStart(13)}  ${labelOf(statement, i)}`);
	}
	for (const [i, statement] of statements.entries()) {
		if (/^INSERT INTO (allocation|plan_household|plan_person) /.test(statement))
			await explain(engine, `${host} ${labelOf(statement, i)}`, statement);
		else await engine.exec(statement);
	}
	const totalsSql = `SELECT programme, funding_line, status, count(*)::INTEGER AS units, sum(cost)::DOUBLE AS rupiah
		FROM allocation GROUP BY ALL ORDER BY ALL`;
	console.log(`\n${host}: allocation totals`);
	for (const row of (await engine.query(totalsSql)).toArray() as {
		programme: string;
		funding_line: string | null;
		status: string;
		units: number;
		rupiah: number;
	}[]) {
		console.log(
			`  ${row.programme.padEnd(6)} ${(row.funding_line ?? '-').padEnd(5)} ${row.status.padEnd(9)} ${row.units.toLocaleString('en').padStart(9)} units ${row.rupiah.toLocaleString('en').padStart(20)} Rp`
		);
	}
	// The whole list in its order, every column the screens read: equal digests, equal lists.
	const digestSql = `SELECT programme, count(*)::INTEGER AS n, md5(string_agg(concat_ws('|', unit_id, household_id, village_kode, cost, rule, rank,
		village_rank, cumulative_cost, funding_line, status, override_reason), ',' ORDER BY rank NULLS LAST, unit_id)) AS digest
		FROM allocation GROUP BY programme ORDER BY programme`;
	console.log(`${host}: allocation list digests`);
	for (const row of (await engine.query(digestSql)).toArray() as { programme: string; n: number; digest: string }[]) {
		console.log(`  ${row.programme.padEnd(6)} ${row.n.toLocaleString('en').padStart(9)} rows  ${row.digest}`);
	}
}

/**
 * A budget change on the Plan screen: from the whole allocation held, one programme's budget moves and
 * only that programme (with the housing one after it) runs again (`updateAllocation`).
 */
async function timeBudgetChanges(engine: Engine, host: string): Promise<void> {
	let plan = benchPlan();
	let held = (await updateAllocation(engine, plan, null, 'bench')).state;
	console.log(`\n==== ${host}: allocation after one programme's budget changes (median of ${runs})`);
	for (const programme of ALLOCATION_ORDER) {
		const times: number[] = [];
		let rebuilt: string[] = [];
		for (let r = 0; r < runs; r++) {
			plan = structuredClone(plan);
			const line = plan.fundingLines.find((l) => (l.budgets[programme] ?? 0) > 0);
			if (line) line.budgets[programme] = Math.round((line.budgets[programme] ?? 0) * (r % 2 ? 1.25 : 0.8));
			let update: Awaited<ReturnType<typeof updateAllocation>> | undefined;
			times.push(await timed(async () => (update = await updateAllocation(engine, plan, held, 'bench')), `${host} budget ${programme}`));
			held = update!.state;
			rebuilt = update!.rebuilt;
		}
		console.log(
			`  ${programme.padEnd(6)} ${seconds(median(times)).padStart(9)}  ${cpuMedian(`${host} budget ${programme}`).padStart(13)}  re-ran ${rebuilt.join(', ')}`
		);
	}
}

async function timeIndicators(engine: Engine, host: string): Promise<void> {
	const first = await timed(() => engine.query(villageIndicatorsSql(benchPlan())));
	const times: number[] = [];
	for (const area of [9, 8, 7.2, 9, 8])
		times.push(await timed(() => engine.query(villageIndicatorsSql(benchPlan(area))), `${host} indicators`));
	console.log(
		`\n==== ${host}: indicators, first ${seconds(first)}; after a threshold change, median of 5: ${seconds(median(times))}, ${cpuMedian(`${host} indicators`)} (runs: ${times.map(seconds).join(', ')})`
	);
	await explain(engine, `${host} villageIndicatorsSql`, villageIndicatorsSql(benchPlan(8)));
	// As the Map screen runs it: the population's people counted once, read by every threshold change.
	const build = await timed(() => preparePeopleCounts(engine, benchPlan().population, 'register', 'bench', null));
	const fromCounts: number[] = [];
	for (const area of [9, 8, 7.2, 9, 8]) {
		const sql = villageIndicatorsSql(benchPlan(area), 'register', INDICATOR_PEOPLE_TABLE);
		fromCounts.push(await timed(() => engine.query(sql), `${host} indicators from counts`));
	}
	console.log(
		`\n==== ${host}: people counted once ${seconds(build)}; indicators after a threshold change from the counts, median of 5: ${seconds(median(fromCounts))}, ${cpuMedian(`${host} indicators from counts`)} (runs: ${fromCounts.map(seconds).join(', ')})`
	);
	await explain(
		engine,
		`${host} villageIndicatorsSql from the people counts`,
		villageIndicatorsSql(benchPlan(8), 'register', INDICATOR_PEOPLE_TABLE)
	);
	const digest = await engine.query(
		`SELECT count(*)::INTEGER AS n, md5(string_agg(CAST(f AS VARCHAR), ',' ORDER BY f.kode)) AS digest FROM (${villageIndicatorsSql(benchPlan(8))}) f`
	);
	const row = digest.toArray()[0] as { n: number; digest: string } | undefined;
	console.log(`${host}: indicator figures digest (${row?.n} villages): ${row?.digest}`);
}

/** The machine's load (other jobs share it): printed with the timings. */
function loadAverage(): string {
	return existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').trim() : 'unknown';
}
console.log(`load average at start: ${loadAverage()}`);
const node = await openRegister();
try {
	if (only !== 'allocation') await timeIndicators(node, 'node');
	if (only !== 'indicators' && only !== 'budget') await timeAllocation(node, 'node');
	if (only === undefined || only === 'budget') await timeBudgetChanges(node, 'node');
	if (wasm) {
		const browser = await wasmCopy(node);
		try {
			if (only !== 'allocation') await timeIndicators(browser, 'wasm');
			if (only !== 'indicators' && only !== 'budget') await timeAllocation(browser, 'wasm');
			if (only === undefined || only === 'budget') await timeBudgetChanges(browser, 'wasm');
		} finally {
			await browser.close();
		}
	}
} finally {
	await node.close();
}
console.log(`\nload average at end: ${loadAverage()}`);
