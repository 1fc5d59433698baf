import type { RegisterFiles, Workload, WorkloadAnswer } from './workload';

/** A register held in a peer's own memory, ready to answer the workload. */
export interface LoadedRegister {
	compute(workload: Workload): Promise<WorkloadAnswer>;
	/** Frees what the load holds (tables, wasm memory, connections). */
	release(): Promise<void>;
}

/** A tool a data team might use instead of Tepat: how it loads the register files. */
export interface Peer {
	/** Short id for `--peer` and the results. */
	id: string;
	/** Name and version for the results. */
	label: string;
	load(files: RegisterFiles): Promise<LoadedRegister>;
}

/** What a tool's process (child.ts) reports: its label, its times and memory, or why it is not timed. */
export interface ToolRuns {
	tool: string;
	label: string;
	loadMs: number[];
	computeMs: number[];
	/** VmHWM − VmRSS before the first load, bytes. */
	peakDeltaBytes: number;
	baselineBytes: number;
	/** Set when the answer differs from Tepat's: the first difference; no times then. */
	disagrees?: string;
	/** Set when the tool's process did not finish (out of memory, a crash): how it ended. */
	failed?: string;
}

export const EXPECTED_FILE = 'expected.json';
export const RESULT_FILE = (tool: string) => `result-${tool}.json`;

export const TEPAT_LABEL = 'Tepat (NodeEngine, core SQL)';
