/**
 * Choropleth classes for the village map (issue 5): quantiles, equal intervals, natural breaks (Jenks)
 * or breaks the user types. The statistics come from simple-statistics; this module only fixes what
 * a break list means for Tepat and how villages without a value are kept apart.
 *
 * Breaks are ascending and include the minimum and the maximum: [b0, b1, …, bk] gives k classes,
 * class i holding b_i ≤ v < b_(i+1), the last class also holding its upper bound. Repeated breaks
 * (few distinct values) are merged, so there may be fewer classes than asked for, never empty ones
 * made up from ties.
 */
import { equalIntervalBreaks, jenks, quantile } from 'simple-statistics';
import { CodedError, coded, type CodedMessage } from '../messages';
import type { ClassBreakMessages } from '../messages/geo';

export type ClassMethod = 'quantile' | 'equal' | 'jenks' | 'manual';

export interface Classification {
	method: ClassMethod;
	breaks: number[];
	/** Villages per class (same order as the classes). */
	counts: number[];
	/** Villages without a value ("no data" colour). */
	missing: number;
}

/** Typed class breaks refused: why as a code, worded at the edge. */
export class ClassBreaksError extends CodedError {
	declare readonly said: CodedMessage<keyof ClassBreakMessages>;

	constructor(said: CodedMessage<keyof ClassBreakMessages>) {
		super(said);
		this.name = 'ClassBreaksError';
	}
}

function unique(sorted: readonly number[]): number[] {
	return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

function present(values: readonly (number | null | undefined)[]): number[] {
	return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
}

/** Breaks for `values` (no data left out) in `classes` classes; `manual` are the inner breaks typed by the user. */
export function classBreaks(
	values: readonly (number | null | undefined)[],
	method: ClassMethod,
	classes: number,
	manual: readonly number[] = []
): number[] {
	const sorted = present(values);
	const min = sorted[0];
	const max = sorted[sorted.length - 1];
	if (min === undefined || max === undefined) return [];
	const k = Math.max(1, Math.floor(classes));
	const distinct = unique(sorted);
	if (distinct.length === 1) return [min, max];
	let breaks: number[];
	switch (method) {
		case 'equal':
			breaks = equalIntervalBreaks(sorted, k);
			break;
		case 'quantile':
			breaks = [min, ...Array.from({ length: k - 1 }, (_, i) => quantile(sorted, (i + 1) / k)), max];
			break;
		case 'jenks':
			// Jenks needs more distinct values than classes (it answers null otherwise).
			breaks = jenks(sorted, Math.min(k, distinct.length - 1)) ?? [min, max];
			break;
		case 'manual': {
			for (const [i, b] of manual.entries()) {
				if (!Number.isFinite(b)) throw new ClassBreaksError(coded('breaks.not_number', { position: i + 1 }));
				if (i > 0 && b <= (manual[i - 1] ?? -Infinity)) {
					throw new ClassBreaksError(coded('breaks.not_rising', { previous: manual[i - 1] ?? -Infinity, next: b }));
				}
			}
			breaks = [min, ...manual.filter((b) => b > min && b < max), max];
			break;
		}
	}
	return unique(breaks);
}

/** The class of `value` under `breaks`, or -1 for no data (or outside a manual range). */
export function classIndex(value: number | null | undefined, breaks: readonly number[]): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || breaks.length < 2) return -1;
	const last = breaks.length - 2;
	if (value < (breaks[0] ?? 0) || value > (breaks[last + 1] ?? 0)) return -1;
	for (let i = 0; i < last; i++) if (value < (breaks[i + 1] ?? 0)) return i;
	return last;
}

export function classify(
	values: readonly (number | null | undefined)[],
	method: ClassMethod,
	classes: number,
	manual: readonly number[] = []
): Classification {
	const breaks = classBreaks(values, method, classes, manual);
	const counts = new Array<number>(Math.max(0, breaks.length - 1)).fill(0);
	let missing = 0;
	for (const value of values) {
		const index = classIndex(value, breaks);
		if (index < 0) missing++;
		else counts[index] = (counts[index] ?? 0) + 1;
	}
	return { method, breaks, counts, missing };
}
