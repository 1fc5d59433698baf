/**
 * What the benchmark measured: one entry per step, host and register size, holding every run's wall
 * time, CPU time and peak memory. Steps are named by a stable id (`StepId`), so the tables can find the
 * DuckDB native equivalent of a step, its growth over the sizes and the targets.
 */
import { seconds, mib } from './stats';

/** 'browser' is duckdb-wasm's single-threaded build (eh), 'browser-coi' its threaded one. */
export type Host = 'browser' | 'browser-coi' | 'node';

export type EngineBuild = 'eh' | 'coi';

export const hostOf = (build: EngineBuild): Host => (build === 'coi' ? 'browser-coi' : 'browser');

export type StepId =
	| 'first-open'
	| 'first-plan'
	| 'first-plan-settled'
	| 'offline-ready'
	| 'reopen-sample'
	| 'instantiate'
	| 'load-parquet'
	| 'load-csv'
	| 'load-xlsx'
	| 'stored-parquet'
	| 'stored-csv'
	| 'stored-xlsx'
	| 'reopen'
	| 'native-load-parquet'
	| 'native-load-csv'
	| 'cli-summary-csv'
	| 'overview'
	| 'villages-first'
	| 'villages-next'
	| 'map-first'
	| 'indicators-first'
	| 'indicators'
	| 'recolour'
	| 'recolour-settled'
	| 'plan-first'
	| 'allocation'
	| 'allocation-budget'
	| 'bnba-csv'
	| 'bnba-xlsx';

export interface StepRuns {
	host: Host;
	id: StepId;
	what: string;
	people: number;
	/** File size, for loads. */
	bytes?: number;
	ms: number[];
	/** CPU time of the run: the Node process (all DuckDB threads), or all Chromium processes. */
	cpuMs: number[];
	/** Peak memory of each run: Node's RSS, or the PSS of all Chromium processes. */
	peakBytes: number[];
	note?: string;
}

export interface RunSample {
	ms: number;
	cpuMs?: number;
	peakBytes?: number;
}

export class Steps {
	readonly all: StepRuns[] = [];
	/** Parts of the run that did not finish, and why. */
	readonly failures: string[] = [];

	/** Adds one run of a step (created on its first run); logs it. */
	record(step: Omit<StepRuns, 'ms' | 'cpuMs' | 'peakBytes'>, sample: RunSample): void {
		let entry = this.find(step.host, step.id, step.people);
		if (!entry) {
			entry = { ...step, ms: [], cpuMs: [], peakBytes: [] };
			this.all.push(entry);
		}
		entry.ms.push(sample.ms);
		if (sample.cpuMs !== undefined) entry.cpuMs.push(sample.cpuMs);
		if (sample.peakBytes !== undefined && sample.peakBytes > 0) entry.peakBytes.push(sample.peakBytes);
		const size = step.bytes ? ` (${mib(step.bytes)})` : '';
		const cpu = sample.cpuMs !== undefined ? `, CPU ${seconds(sample.cpuMs)} s` : '';
		const peak = sample.peakBytes ? `, peak ${mib(sample.peakBytes)}` : '';
		console.log(
			`${step.host.padEnd(7)} ${step.what.padEnd(40)} ${step.people.toLocaleString('en')} people${size}: ${seconds(sample.ms)} s${cpu}${peak} [run ${entry.ms.length}]`
		);
	}

	find(host: Host, id: StepId, people: number): StepRuns | undefined {
		return this.all.find((s) => s.host === host && s.id === id && s.people === people);
	}
}

/** Wall time and CPU time of `work` in this process (CPU: user + system of every thread). */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
	const cpu = process.cpuUsage();
	const started = performance.now();
	const value = await work();
	const ms = performance.now() - started;
	const used = process.cpuUsage(cpu);
	return { ms, cpuMs: (used.user + used.system) / 1000, value };
}
