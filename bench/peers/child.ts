/**
 * One tool's runs in a process of its own, so its memory is its own: `runs` times load then compute,
 * the first answer checked against Tepat's (written by the `tepat` run into the work folder). A tool
 * that disagrees stops there and reports the first difference instead of times.
 *
 *   node --expose-gc --import tsx bench/peers/child.ts --tool duckdb --work DIR --budget N [--runs 3]
 *   … --tool tepat --flat dtsen.parquet: Tepat itself (ingest of the flat file, then the core SQL);
 *   its first answer becomes the reference, and it writes the peers' Parquet files.
 *
 * Memory: the process's peak resident set (VmHWM) minus its resident set before the first load.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reference } from '../../src/lib/core/reference';
import { NodeEngine } from '../../src/lib/engine/node';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { peerById } from './index';
import { tepatAnswer, writeRegisterFiles } from './reference';
import { EXPECTED_FILE, RESULT_FILE, TEPAT_LABEL, type LoadedRegister, type ToolRuns } from './types';
import { firstDifference, workload, type RegisterFiles, type WorkloadAnswer } from './workload';

function statusBytes(field: 'VmRSS' | 'VmHWM'): number {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
	return match ? Number(match[1]) * 1024 : NaN;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function arg(name: string): string | undefined {
	const args = process.argv.slice(2);
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : undefined;
}

function required(name: string): string {
	const value = arg(name);
	if (value === undefined) throw new Error(`--${name} is required`);
	return value;
}

const tool = required('tool');
const work = required('work');
const budget = Number(required('budget'));
const runs = Number(arg('runs') ?? '3');
const files: RegisterFiles = {
	household: join(work, 'household.parquet'),
	person: join(work, 'person.parquet'),
	village: join(work, 'village.parquet')
};

/** Tepat: the register's full ingest of the flat file, then the core SQL through the NodeEngine. */
async function tepatLoad(flat: string, reference: Reference): Promise<LoadedRegister & { engine: NodeEngine }> {
	const engine = await NodeEngine.open();
	await loadReference(engine, reference);
	return {
		engine,
		async compute() {
			return tepatAnswer(engine, budget);
		},
		async release() {
			await engine.close();
		}
	};
}

const label = tool === 'tepat' ? TEPAT_LABEL : peerById(tool).label;
const result: ToolRuns = { tool, label, loadMs: [], computeMs: [], peakDeltaBytes: 0, baselineBytes: 0 };
const reference = tool === 'tepat' ? (JSON.parse(readFileSync('data/reference.json', 'utf8')) as Reference) : undefined;
const expected = tool === 'tepat' ? undefined : (JSON.parse(readFileSync(join(work, EXPECTED_FILE), 'utf8')) as WorkloadAnswer);
gc();
result.baselineBytes = statusBytes('VmRSS');
for (let run = 0; run < runs; run++) {
	gc();
	let loaded: LoadedRegister;
	let started: number;
	if (reference) {
		// Opening DuckDB and loading the village reference are not part of the load, as in bench/run.ts.
		const t = await tepatLoad(required('flat'), reference);
		started = performance.now();
		await ingestRegister(t.engine, [await fileByteSource(required('flat'))], reference);
		loaded = t;
		result.loadMs.push(performance.now() - started);
		if (run === 0) await writeRegisterFiles(t.engine, work);
	} else {
		started = performance.now();
		loaded = await peerById(tool).load(files);
		result.loadMs.push(performance.now() - started);
	}
	started = performance.now();
	const answer = await loaded.compute(workload(budget));
	result.computeMs.push(performance.now() - started);
	await loaded.release();
	if (run === 0) {
		if (expected) result.disagrees = firstDifference(expected, answer);
		else await writeFile(join(work, EXPECTED_FILE), JSON.stringify(answer));
		if (result.disagrees) {
			result.loadMs = [];
			result.computeMs = [];
			break;
		}
	}
}
result.peakDeltaBytes = statusBytes('VmHWM') - result.baselineBytes;
await writeFile(join(work, RESULT_FILE(tool)), JSON.stringify(result));
process.exit(0);
