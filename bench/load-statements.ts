/**
 * Per-statement timings of one register load in Node: every exec/query the load runs, grouped, slowest
 * first. `npx tsx bench/load-statements.ts [--wasm] FILE [FILE2]`; `--wasm` runs the load on duckdb-wasm
 * (one thread, as the browser's default build) with each file handed over as a Blob, so it takes the
 * browser's path (a CSV read whole from its handle, Parquet in record batches); with EXPLAIN=1 each INSERT / CREATE TABLE AS runs
 * as EXPLAIN ANALYZE and the plans go to $PLANS (default /tmp/load-plans.txt). See RESULTS.md, "Load, step by step at 1M".
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { NodeEngine } from '../src/lib/engine/node';
import { ingestRegister, loadReference } from '../src/lib/ingest';
import { fileByteSource } from '../src/lib/ingest/node-source';
import { readReference } from '../src/cli/reference';
import { diskWilayah } from '../src/cli/wilayah';
import type { Engine } from '../src/lib/engine/types';
import type { ByteSource } from '../src/lib/ingest/types';
import { fileSource } from '../src/lib/state/sources';
import { WasmTestEngine } from '../tests/unit/wasm-engine';

const wasm = process.argv.includes('--wasm');
const files = process.argv.slice(2).filter((a) => a !== '--wasm');
const engine: Engine = wasm ? await WasmTestEngine.open() : await NodeEngine.open();
// CPU (user+sys of the whole process, DuckDB's threads included) beside wall time: the machine is shared.
const log: { sql: string; ms: number; cpuMs: number }[] = [];
const label = (sql: string) => {
	const flat = sql
		.replace(/\s+/g, ' ')
		.replace(/_[a-z0-9]{10,}(_\d+)?/g, '_<id>')
		.replace(/tepat-[a-z0-9]+-[\dx-]+\.csv/g, 'slice.csv');
	return flat.slice(0, 150);
};
const wrap =
	<A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
	async (...a: A): Promise<R> => {
		const t = performance.now();
		const cpu = process.cpuUsage();
		try {
			return await f(...a);
		} finally {
			const used = process.cpuUsage(cpu);
			log.push({ sql: label(String(a[0])), ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 });
		}
	};
const explain = process.env.EXPLAIN === '1';
const plans: string[] = [];
const execOrExplain = async (sql: string): Promise<void> => {
	if (explain && /^(INSERT INTO|CREATE TABLE \S+ AS)/.test(sql) && !/^INSERT INTO \S+ VALUES/.test(sql)) {
		const t = await engine.query(`EXPLAIN ANALYZE ${sql}`);
		const row = t.get(0)?.toJSON() as Record<string, unknown> | undefined;
		plans.push(`${label(sql)}\n${String(row?.explain_value ?? '')}`);
		return;
	}
	await engine.exec(sql);
};
const traced: Engine = Object.assign(Object.create(Object.getPrototypeOf(engine)) as Engine, engine, {
	exec: wrap(execOrExplain),
	query: wrap((sql: string) => engine.query(sql)),
	registerFile: wrap((name: string, bytes: Uint8Array) => engine.registerFile(name, bytes)),
	createTableFromParquet: wrap((t: string, b: Uint8Array) => engine.createTableFromParquet(t, b)),
	...(engine.readParquetBatches && { readParquetBatches: tracedParquetBatches(engine.readParquetBatches.bind(engine)) })
});

/** The browser's Parquet path, its decode and Arrow insert timed apart from what each batch's callback runs. */
function tracedParquetBatches(read: NonNullable<Engine['readParquetBatches']>): NonNullable<Engine['readParquetBatches']> {
	return async (file, table, batch) => {
		let since = performance.now();
		let cpu = process.cpuUsage();
		await read(file, table, async (rows, fileRows) => {
			const used = process.cpuUsage(cpu);
			log.push({
				sql: 'parquet record batch: decode + Arrow insert',
				ms: performance.now() - since,
				cpuMs: (used.user + used.system) / 1000
			});
			await batch(rows, fileRows);
			since = performance.now();
			cpu = process.cpuUsage();
		});
	};
}

/** In Node the file's path; with --wasm the browser's File, through the app's own fileSource. */
async function sourceOf(path: string): Promise<ByteSource> {
	if (!wasm) return fileByteSource(path);
	return fileSource(new File([await readFile(path)], basename(path)));
}
const current = await readReference(undefined);
await loadReference(engine, current);
log.length = 0;
const sources = await Promise.all(files.map(sourceOf));
const t0 = performance.now();
const result = await ingestRegister(traced, sources, current, {
	region: { wilayah: diskWilayah },
	onTiming: (t) => console.log('STEP', t.step, (t.ms / 1000).toFixed(2), t.rows)
});
console.log(
	'total',
	((performance.now() - t0) / 1000).toFixed(2),
	's cpu',
	((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(2),
	's (process)',
	result.households,
	result.people,
	'load',
	((await import('node:os')).loadavg()[0] ?? 0).toFixed(1)
);
const groups = new Map<string, { ms: number; cpuMs: number; n: number }>();
for (const { sql, ms, cpuMs } of log) {
	const g = groups.get(sql) ?? { ms: 0, cpuMs: 0, n: 0 };
	g.ms += ms;
	g.cpuMs += cpuMs;
	g.n++;
	groups.set(sql, g);
}
for (const [sql, g] of [...groups].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) {
	console.log(
		`${(g.ms / 1000).toFixed(2).padStart(7)} s cpu ${(g.cpuMs / 1000).toFixed(2).padStart(6)} s ×${String(g.n).padStart(4)}  ${sql}`
	);
}
if (explain) (await import('node:fs')).writeFileSync(process.env.PLANS ?? '/tmp/load-plans.txt', plans.join('\n\n'));
await engine.close();
