/**
 * The map/reduce check of issue 14 point 6, run on one machine:
 *   npx tsx bench/partitioned.ts --dir bench/out/kaltim-10m [--workers 2] [--only 64.71,64.74,64.11]
 * 1. single engine, one after the other: `tepat summary DIR` (each regency in a fresh engine);
 * 2. map: the partitions dealt to W worker processes (largest first, to the least loaded), each running
 *    the same `tepat summary` over its own share (a folder of links), all at once;
 *    reduce: the workers' CSVs read by DuckDB, summed per regency and for the province;
 * 3. the partitioned Parquet read as a whole by one DuckDB query with hive partitioning, what Spark,
 *    Trino or BigQuery would run over the same layout (`count(*)` of register rows per regency).
 * Checks that 1 and 2 give the same rows and totals and that 3 counts the same people, and prints wall,
 * CPU and peak RSS of each (from /usr/bin/time) with the load average.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeEngine } from '../src/lib/engine/node';
import { sqlString } from '../src/lib/core/sql';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const dir = resolve(arg('dir') ?? join(ROOT, 'bench/out/kaltim-10m'));
const workers = Number(arg('workers') ?? '2');
const only = arg('only')?.split(',');
/** Where to keep each run's stderr (the `--timings` of every regency); default: not kept. */
const logDir = arg('log');

interface Measured {
	wall: number;
	cpu: number;
	rssMiB: number;
	stdout: string;
	stderr: string;
}

/** Runs `tepat ARGS` under /usr/bin/time: its output, wall and CPU seconds and peak RSS. */
function tepat(tepatArgs: string[]): Promise<Measured> {
	return new Promise((done, fail) => {
		const child = spawn('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, join(ROOT, 'bin/tepat.js'), ...tepatArgs], {
			cwd: ROOT
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', fail);
		child.on('close', (code) => {
			const match = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
			if (code !== 0 || !match) return fail(new Error(`tepat ${tepatArgs.join(' ')} failed (${code}):\n${stderr}`));
			const [, wall = '0', user = '0', sys = '0', kib = '0'] = match;
			done({ wall: Number(wall), cpu: Number(user) + Number(sys), rssMiB: Number(kib) / 1024, stdout, stderr });
		});
	});
}

const load = (): string =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(' ');
const fmt = (m: { wall: number; cpu: number; rssMiB: number }): string =>
	`wall ${m.wall.toFixed(1)} s, CPU ${m.cpu.toFixed(1)} s, peak RSS ${m.rssMiB.toFixed(0)} MiB`;

async function partitionSize(path: string): Promise<number> {
	let bytes = 0;
	for (const f of await readdir(path)) if (f.endsWith('.parquet')) bytes += (await stat(join(path, f))).size;
	return bytes;
}

const work = await mkdtemp(join(tmpdir(), 'tepat-mapreduce-'));
try {
	let partitions = (await readdir(dir)).filter((d) => d.startsWith('kabupaten=')).sort();
	if (only) partitions = partitions.filter((p) => only.includes(p.slice('kabupaten='.length)));
	let source = dir;
	if (only) {
		source = join(work, 'selected');
		await mkdir(source);
		for (const p of partitions) await symlink(join(dir, p), join(source, p));
	}
	const sizes = new Map(await Promise.all(partitions.map(async (p) => [p, await partitionSize(join(dir, p))] as const)));
	console.log(
		`${partitions.length} partitions, ${(([...sizes.values()].reduce((a, b) => a + b, 0) / 2 ** 20) | 0).toString()} MiB of Parquet; load ${load()}`
	);

	// 1. One engine at a time, in one process.
	const single = await tepat(['summary', source, '--timings']);
	if (logDir) await mkdir(logDir, { recursive: true });
	if (logDir) await writeFile(join(logDir, 'single.stderr'), single.stderr);
	console.log(`single: ${fmt(single)}; load ${load()}`);

	// 2. Map: largest partition first, to the worker with the fewest bytes so far.
	const shares = Array.from({ length: workers }, () => ({ bytes: 0, partitions: [] as string[] }));
	for (const p of [...partitions].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0))) {
		const least = shares.reduce((a, b) => (b.bytes < a.bytes ? b : a));
		least.partitions.push(p);
		least.bytes += sizes.get(p) ?? 0;
	}
	const shareDirs: string[] = [];
	for (const [i, share] of shares.entries()) {
		const shareDir = join(work, `worker-${i}`);
		await mkdir(shareDir);
		for (const p of share.partitions) await symlink(join(dir, p), join(shareDir, p));
		shareDirs.push(shareDir);
	}
	const mapStarted = performance.now();
	const mapped = await Promise.all(shareDirs.map((d) => tepat(['summary', d, '--timings'])));
	const mapWall = (performance.now() - mapStarted) / 1000;
	const csvs: string[] = [];
	for (const [i, m] of mapped.entries()) {
		const csv = join(work, `worker-${i}.csv`);
		await writeFile(csv, m.stdout);
		csvs.push(csv);
		if (logDir) await writeFile(join(logDir, `worker-${i}.stderr`), m.stderr);
		console.log(`map worker ${i} (${shares[i]?.partitions.join(' ')}): ${fmt(m)}`);
	}

	// Reduce: the workers' rows summed per regency and for the province, by SQL over their CSVs.
	const engine = await NodeEngine.open();
	try {
		const reduceStarted = performance.now();
		const files = `[${csvs.map(sqlString).join(', ')}]`;
		const perRegency = await engine.query(
			`SELECT kabupaten_kode, sum(households)::BIGINT AS households, sum(people)::BIGINT AS people
			 FROM read_csv(${files}, header = true, all_varchar = false, types = {'kabupaten_kode': 'VARCHAR', 'kecamatan_kode': 'VARCHAR'})
			 GROUP BY kabupaten_kode ORDER BY kabupaten_kode`
		);
		const reduceWall = (performance.now() - reduceStarted) / 1000;
		const singleCsv = join(work, 'single.csv');
		await writeFile(singleCsv, single.stdout);
		const same = await engine.query(
			`SELECT count(*)::BIGINT AS differing FROM (
			   (SELECT * FROM read_csv(${sqlString(singleCsv)}, all_varchar = true) EXCEPT ALL SELECT * FROM read_csv(${files}, all_varchar = true))
			   UNION ALL
			   (SELECT * FROM read_csv(${files}, all_varchar = true) EXCEPT ALL SELECT * FROM read_csv(${sqlString(singleCsv)}, all_varchar = true)))`
		);
		const differing = Number(same.getChild('differing')?.get(0));
		const rows = perRegency
			.toArray()
			.map((r) => ({ kode: String(r.kabupaten_kode), households: Number(r.households), people: Number(r.people) }));
		const people = rows.reduce((a, r) => a + r.people, 0);
		const households = rows.reduce((a, r) => a + r.households, 0);
		const wallMax = Math.max(...mapped.map((m) => m.wall));
		console.log(
			`map: ${mapWall.toFixed(1)} s wall for ${workers} workers at once (slowest ${wallMax.toFixed(1)} s), CPU ${mapped.reduce((a, m) => a + m.cpu, 0).toFixed(1)} s, peak RSS per worker ${mapped.map((m) => m.rssMiB.toFixed(0)).join(' / ')} MiB; reduce ${(reduceWall * 1000).toFixed(0)} ms; load ${load()}`
		);
		console.log(
			`reduce: ${households} households, ${people} people in ${rows.length} regencies; rows differing from the single engine: ${differing}`
		);
		const provinceLine = /Total provinsi: .*/.exec(single.stderr)?.[0] ?? '';
		console.log(`single engine said: ${provinceLine}`);

		// 3. The whole partitioned set as one table, hive style.
		const hiveStarted = performance.now();
		const cpuBefore = process.cpuUsage();
		const hive = await engine.query(
			`SELECT kabupaten, count(*)::BIGINT AS people FROM read_parquet(${sqlString(`${source}/*/*.parquet`)}, hive_partitioning = true, hive_types = {'kabupaten': VARCHAR})
			 GROUP BY kabupaten ORDER BY kabupaten`
		);
		const cpu = process.cpuUsage(cpuBefore);
		const hiveRows = hive.toArray().map((r) => ({ kode: String(r.kabupaten), people: Number(r.people) }));
		const agree = hiveRows.length === rows.length && hiveRows.every((h, i) => h.kode === rows[i]?.kode && h.people === rows[i]?.people);
		console.log(
			`hive query: ${((performance.now() - hiveStarted) / 1000).toFixed(2)} s wall, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, ${hiveRows.reduce((a, r) => a + r.people, 0)} register rows; per regency equal to the reduce: ${agree}; load ${load()}`
		);
		await writeFile(join(work, 'summary.json'), JSON.stringify({ rows, hiveRows }));
		if (differing !== 0 || !agree) process.exitCode = 1;
	} finally {
		await engine.close();
	}
} finally {
	await rm(work, { recursive: true, force: true });
}
