/**
 * The Plan screen's arithmetic without Svelte or the DOM: kecamatan totals from the village rows,
 * the programme × funding line table, and "what would Rp X more reach?" read off the coverage curve.
 * AllocationModel.svelte.ts and the components use these; they are unit-tested directly.
 */
import { classify, classIndex, type Classification } from '$lib/core/geo/classify';
import type { ProgrammeId } from '$lib/core/plan';
import type { CurvePoint, LineBudget, ReturnSlice, VillageBudget, VillageLineBudget } from '$lib/queries/allocation';
import type { MapPaint } from './MapModel.svelte';
import { rampColours } from './map-view';

export interface BudgetFigures {
	need_units: number;
	need_rupiah: number;
	funded_units: number;
	funded_rupiah: number;
	unmet_units: number;
	unmet_rupiah: number;
}

export interface KecamatanBudget extends BudgetFigures {
	programme: string;
	kecamatan_kode: string;
	kecamatan_nama: string;
	villages: VillageBudget[];
}

const FIGURES = ['need_units', 'need_rupiah', 'funded_units', 'funded_rupiah', 'unmet_units', 'unmet_rupiah'] as const;

export function emptyFigures(): BudgetFigures {
	return { need_units: 0, need_rupiah: 0, funded_units: 0, funded_rupiah: 0, unmet_units: 0, unmet_rupiah: 0 };
}

function add(into: BudgetFigures, row: BudgetFigures): void {
	for (const f of FIGURES) into[f] += row[f];
}

/** One programme's villages summed per kecamatan (kecamatan code order), each with its villages. */
export function kecamatanBudget(villages: readonly VillageBudget[], programme: string): KecamatanBudget[] {
	const byKode = new Map<string, KecamatanBudget>();
	for (const v of villages) {
		if (v.programme !== programme) continue;
		let k = byKode.get(v.kecamatan_kode);
		if (!k) {
			k = { programme, kecamatan_kode: v.kecamatan_kode, kecamatan_nama: v.kecamatan_nama, villages: [], ...emptyFigures() };
			byKode.set(v.kecamatan_kode, k);
		}
		k.villages.push(v);
		add(k, v);
	}
	return [...byKode.values()].sort((a, b) => a.kecamatan_kode.localeCompare(b.kecamatan_kode));
}

/** A programme's total over all its villages. */
export function programmeTotal(villages: readonly VillageBudget[], programme: string): BudgetFigures {
	const total = emptyFigures();
	for (const v of villages) if (v.programme === programme) add(total, v);
	return total;
}

/** Funded units and Rupiah of one programme from one funding line (zero when the line funds none). */
export function lineCell(lines: readonly LineBudget[], programme: ProgrammeId, line: string): { units: number; rupiah: number } {
	const row = lines.find((l) => l.programme === programme && l.funding_line === line);
	return { units: row?.units ?? 0, rupiah: row?.rupiah ?? 0 };
}

/**
 * Funded units of one programme per funding line, for a village (`kode` a village code) or a whole
 * kecamatan (`kode` a kecamatan code): line id → units.
 */
export function fundedByLine(rows: readonly VillageLineBudget[], programme: string, kode: string): Map<string, number> {
	const out = new Map<string, number>();
	for (const r of rows) {
		if (r.programme !== programme || (r.village_kode !== kode && r.kecamatan_kode !== kode)) continue;
		out.set(r.funding_line, (out.get(r.funding_line) ?? 0) + r.units);
	}
	return out;
}

/** A programme's curve points, in rank order. */
export function curveOf(curve: readonly CurvePoint[], programme: string): CurvePoint[] {
	return curve.filter((p) => p.programme === programme).sort((a, b) => a.units - b.units);
}

/** What a curve point counts down the queue. */
export type CurveMeasure = 'units' | 'people' | 'removed';

/**
 * A measure reached with `rupiah` spent from the top of the queue, read off the (thinned) curve: the
 * largest point at or below the amount, then linear between it and the next point. Never more than
 * the whole queue.
 */
export function measureAt(points: readonly CurvePoint[], rupiah: number, measure: CurveMeasure): number {
	if (points.length === 0 || !(rupiah > 0)) return 0;
	let previous = { rupiah: 0, value: 0 };
	for (const p of points) {
		if (p.rupiah === rupiah) return p[measure];
		if (p.rupiah > rupiah) {
			const span = p.rupiah - previous.rupiah;
			const share = span > 0 ? (rupiah - previous.rupiah) / span : 0;
			return previous.value + share * (p[measure] - previous.value);
		}
		previous = { rupiah: p.rupiah, value: p[measure] };
	}
	return previous.value;
}

/** Units reached with `rupiah` spent, rounded down (a unit is reached only when paid in full). */
export function unitsAt(points: readonly CurvePoint[], rupiah: number): number {
	// The epsilon keeps 39,999999 (a float of 40) at 40.
	return Math.floor(measureAt(points, rupiah, 'units') + 1e-9);
}

/**
 * What `extra` Rupiah more than `funded` would reach: the additional units and deprivations removed
 * (core/programs/removed.ts), and whether the queue runs out.
 */
export function moreUnits(
	points: readonly CurvePoint[],
	funded: number,
	extra: number
): { units: number; removed: number; exhausted: boolean } {
	const last = points[points.length - 1];
	const after = funded + Math.max(0, extra);
	return {
		units: Math.max(0, unitsAt(points, after) - unitsAt(points, funded)),
		removed: Math.max(0, measureAt(points, after, 'removed') - measureAt(points, funded, 'removed')),
		exhausted: last !== undefined && funded + extra >= last.rupiah
	};
}

/** A programme's budget slices, in queue order. */
export function returnsOf(returns: readonly ReturnSlice[], programme: string): ReturnSlice[] {
	return returns.filter((r) => r.programme === programme).sort((a, b) => a.slice - b.slice);
}

/** One row of the budget split: funded Rupiah per funding line (in the plan's order), funded, unmet and need. */
export interface SplitRow {
	programme: ProgrammeId | null;
	byLine: number[];
	funded: number;
	unmet: number;
	need: number;
}

/** Funded Rupiah of each programme per funding line, and its unmet gap; the last row (programme null) is the total. */
export function budgetSplit(
	lines: readonly LineBudget[],
	villages: readonly VillageBudget[],
	programmes: readonly ProgrammeId[],
	lineIds: readonly string[]
): SplitRow[] {
	const rows = programmes.map((programme): SplitRow => {
		const total = programmeTotal(villages, programme);
		return {
			programme,
			byLine: lineIds.map((line) => lineCell(lines, programme, line).rupiah),
			funded: total.funded_rupiah,
			unmet: total.unmet_rupiah,
			need: total.need_rupiah
		};
	});
	const total: SplitRow = {
		programme: null,
		byLine: lineIds.map((_, i) => rows.reduce((sum, r) => sum + (r.byLine[i] ?? 0), 0)),
		funded: rows.reduce((sum, r) => sum + r.funded, 0),
		unmet: rows.reduce((sum, r) => sum + r.unmet, 0),
		need: rows.reduce((sum, r) => sum + r.need, 0)
	};
	return [...rows, total];
}

export interface UnmetView {
	/** Unmet units per village code (0 for a village without candidates). */
	values: Map<string, number>;
	classification: Classification;
	paint: MapPaint;
}

/**
 * The unmet-need map of one programme: unmet units per village (every village of `kodes`, 0 where
 * no candidate is left unfunded), in natural-breaks classes on the YlOrRd ramp. `figuresKey` (the
 * allocation's key) makes the colour key change when the figures do.
 */
export function unmetView(villages: readonly VillageBudget[], programme: string, kodes: readonly string[], figuresKey: string): UnmetView {
	const values = new Map<string, number>(kodes.map((k) => [k, 0]));
	for (const v of villages) if (v.programme === programme) values.set(v.village_kode, v.unmet_units);
	const classification = classify([...values.values()], 'jenks', 5);
	const breaks = classification.breaks;
	const classOf = new Map<string, number>();
	for (const [kode, value] of values) classOf.set(kode, classIndex(value, breaks));
	const colours = rampColours('YlOrRd', Math.max(0, breaks.length - 1));
	const key = [figuresKey, 'unmet', programme, breaks.join(','), colours.join(',')].join('|');
	return { values, classification, paint: { level: 'village', classOf, outside: new Set(), colours, key } };
}
