/**
 * The benchmark's figures: every timed step is run N times and kept as all its samples, reported as the
 * median with min and max; the machine's 1-minute load average is sampled every 5 s and reported per
 * section of the run, since other jobs on a shared machine move wall times more than anything measured.
 */
import { loadavg } from 'node:os';

/** The middle value; of an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	if (sorted.length === 0) return NaN;
	return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Spread {
	median: number;
	min: number;
	max: number;
	n: number;
}

export function spreadOf(values: readonly number[]): Spread | undefined {
	const finite = values.filter(Number.isFinite);
	if (finite.length === 0) return undefined;
	return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length };
}

/** Seconds with three decimals below 10 s, one above. */
export const seconds = (ms: number): string => (ms / 1000).toFixed(ms < 10_000 ? 3 : 1);
export const mib = (bytes: number): string =>
	bytes < 2 ** 20 ? `${(bytes / 2 ** 10).toFixed(0)} KiB` : `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MiB`;

/** "1.234 (1.100–1.500)" in seconds, or "1.234" for a single run. */
export function secondsSpread(values: readonly number[]): string {
	const s = spreadOf(values);
	if (!s) return '–';
	return s.n === 1 ? seconds(s.median) : `${seconds(s.median)} (${seconds(s.min)}–${seconds(s.max)})`;
}

export function ratio(a: number | undefined, b: number | undefined): string {
	return a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : '–';
}

/** A size as a column heading: 1,000,000 people as "1M", 20,000 as "20k". */
export function shortPeople(people: number): string {
	if (people >= 1e6) return `${(people / 1e6).toLocaleString('en')}M`;
	if (people >= 1e3) return `${(people / 1e3).toLocaleString('en')}k`;
	return String(people);
}

export interface LoadSection {
	name: string;
	start: number;
	end?: number;
}

/**
 * The 1-minute load average every `intervalMs`, with named sections of the run (the Node part of a
 * size, the browser part, the peers): `section(name)` closes the open one and starts the next.
 */
export class LoadSampler {
	readonly samples: { at: number; load: number }[] = [];
	readonly sections: LoadSection[] = [];
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(private readonly intervalMs = 5000) {}

	#sample(): void {
		this.samples.push({ at: Date.now(), load: loadavg()[0] ?? NaN });
	}

	start(): this {
		this.#sample();
		this.#timer = setInterval(() => this.#sample(), this.intervalMs);
		// The sampler alone must not keep the process alive.
		this.#timer.unref();
		return this;
	}

	section(name: string): void {
		this.#close();
		this.sections.push({ name, start: Date.now() });
		this.#sample();
	}

	#close(): void {
		const open = this.sections[this.sections.length - 1];
		if (open && open.end === undefined) {
			this.#sample();
			open.end = Date.now();
		}
	}

	stop(): void {
		this.#close();
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = undefined;
	}

	/** The samples taken while a section ran (its first and last included). */
	loadOf(section: LoadSection): number[] {
		const end = section.end ?? Date.now();
		return this.samples.filter((s) => s.at >= section.start && s.at <= end).map((s) => s.load);
	}

	all(): number[] {
		return this.samples.map((s) => s.load);
	}
}

/** "2.10–3.40–5.00 (12 samples)": min–median–max of the load average. */
export function loadLine(values: readonly number[]): string {
	const s = spreadOf(values);
	if (!s) return '–';
	return `${s.min.toFixed(2)}–${s.median.toFixed(2)}–${s.max.toFixed(2)} (${s.n} samples)`;
}
