/**
 * DuckDB native's load of a flat register file (the "≤ 3× native" reference of issue 14's targets), in
 * a process of its own so its peak memory is its own: `runs` times a fresh in-memory database, the
 * whole file into a table (`CREATE TABLE AS SELECT * FROM read_csv/read_parquet`) and the overview's
 * group-by of it. Writes the times to `--out` as JSON (`NativeRuns`).
 *
 *   node --import tsx bench/native-load.ts --file dtsen.csv --runs 3 --out result.json
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { NATIVE_COUNT_SQL, NATIVE_OVERVIEW_SQL, nativeLoadSql } from './peers/sql';

export interface NativeRuns {
	ms: number[];
	cpuMs: number[];
	/** The process's peak resident set over all runs (VmHWM). */
	peakBytes: number;
	rows: number;
}

function arg(name: string): string {
	const args = process.argv.slice(2);
	const value = args[args.indexOf(`--${name}`) + 1];
	if (!args.includes(`--${name}`) || value === undefined) throw new Error(`--${name} is required`);
	return value;
}

const file = arg('file');
const runs = Number(arg('runs'));
const result: NativeRuns = { ms: [], cpuMs: [], peakBytes: 0, rows: 0 };
for (let run = 0; run < runs; run++) {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const cpu = process.cpuUsage();
	const started = performance.now();
	await connection.run(nativeLoadSql(file));
	for (const sql of NATIVE_OVERVIEW_SQL) await connection.runAndReadAll(sql);
	result.ms.push(performance.now() - started);
	const used = process.cpuUsage(cpu);
	result.cpuMs.push((used.user + used.system) / 1000);
	const count = await connection.runAndReadAll(NATIVE_COUNT_SQL);
	result.rows = Number(count.getColumnsJS()[0]?.[0] ?? 0);
	connection.closeSync();
	instance.closeSync();
}
const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
result.peakBytes = hwm ? Number(hwm[1]) * 1024 : 0;
await writeFile(arg('out'), JSON.stringify(result));
process.exit(0);
