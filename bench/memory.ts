/**
 * Peak memory while something runs, sampled from /proc (Linux): the proportional set size (PSS) of a
 * process and all its descendants, so Chromium's browser, renderer, worker and utility processes add
 * up without counting shared pages twice. PSS comes from /proc/<pid>/smaps_rollup; where that cannot
 * be read, VmRSS from /proc/<pid>/status is used instead.
 */
import { readFileSync, readdirSync } from 'node:fs';

function readText(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

function kilobytes(text: string | undefined, field: string): number | undefined {
	const match = text ? new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text) : null;
	return match ? Number(match[1]) : undefined;
}

function processBytes(pid: number): number {
	const pss = kilobytes(readText(`/proc/${pid}/smaps_rollup`), 'Pss');
	const kb = pss ?? kilobytes(readText(`/proc/${pid}/status`), 'VmRSS') ?? 0;
	return kb * 1024;
}

function pids(): number[] {
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map(Number);
}

function parentOf(pid: number): number | undefined {
	const stat = readText(`/proc/${pid}/stat`);
	// Field 4 after the parenthesised command name (which may itself hold spaces or parentheses).
	const rest = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
	return rest ? Number(rest[1]) : undefined;
}

/** The process and every descendant. */
export function processTree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const pid of pids()) {
		const parent = parentOf(pid);
		if (parent === undefined) continue;
		children.set(parent, [...(children.get(parent) ?? []), pid]);
	}
	const out: number[] = [];
	const stack = [root];
	while (stack.length > 0) {
		const pid = stack.pop() as number;
		out.push(pid);
		stack.push(...(children.get(pid) ?? []));
	}
	return out;
}

/** The browser process started with this profile directory (its children do not carry the flag). */
export function browserRoot(profile: string): number | undefined {
	for (const pid of pids()) {
		const cmdline = readText(`/proc/${pid}/cmdline`)?.split('\0') ?? [];
		if (cmdline.includes(`--user-data-dir=${profile}`) && !cmdline.some((arg) => arg.startsWith('--type='))) return pid;
	}
	return undefined;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) the process has used so far, in ms; 0 once it has ended. */
function processCpuMs(pid: number): number {
	const stat = readText(`/proc/${pid}/stat`);
	const rest = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
	// utime and stime are fields 14 and 15, i.e. 11 and 12 after the command name.
	return rest ? ((Number(rest[11]) + Number(rest[12])) * 1000) / TICKS_PER_SECOND : 0;
}

/** CPU time used so far by the process and its living descendants (ms); processes that ended are lost. */
export function treeCpuMs(root: number): number {
	return processTree(root).reduce((sum, pid) => sum + processCpuMs(pid), 0);
}

export function treeBytes(root: number): number {
	return processTree(root).reduce((sum, pid) => sum + processBytes(pid), 0);
}

/** Samples `measure` every `intervalMs` until stopped; `stop()` gives the peak seen (bytes). */
export function samplePeak(measure: () => number, intervalMs = 250): { stop(): number } {
	let peak = measure();
	const timer = setInterval(() => {
		peak = Math.max(peak, measure());
	}, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			peak = Math.max(peak, measure());
			return peak;
		}
	};
}
