/**
 * The Map screen's logic without Svelte or the DOM: the view choices (what the user picked, and how
 * they are stored), the ColorBrewer ramps, manual breaks as typed, and the classification of the
 * areas of one level into coloured classes. MapModel.svelte.ts wraps it in runes; these functions are
 * unit-tested directly.
 */
import { ClassBreaksError, classify, classIndex, type ClassMethod, type Classification } from '$lib/core/geo/classify';
import type { BoundaryLevel } from '$lib/core/geo/types';
import {
	indicator as indicatorDefinition,
	isIndicatorId,
	valueOf,
	type AreaFigures,
	type IndicatorGroup,
	type IndicatorId,
	type Measure
} from '$lib/core/indicators';
import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/words/error-text';

export type MapLevel = BoundaryLevel;

export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

/** What the user chose on the Map screen; kept in localStorage so it survives a reload. */
export interface MapChoices {
	indicator: IndicatorId;
	measure: Measure;
	level: MapLevel;
	method: ClassMethod;
	/** Classes asked for (3–7); manual breaks make as many classes as they allow instead. */
	classes: number;
	/** Manual inner breaks as typed ("10; 20,5; 30"), id-ID decimals. */
	breaks: string;
	/** Kecamatan code the map is filtered to, or null for the whole regency. */
	kecamatan: string | null;
}

export const DEFAULT_CHOICES: Readonly<MapChoices> = {
	indicator: 'rtlh',
	measure: 'rate',
	level: 'village',
	method: 'quantile',
	classes: 5,
	breaks: '',
	kecamatan: null
};

const KECAMATAN_KODE = /^\d{2}\.\d{2}\.\d{2}$/;

/** Stored choices read back field by field: anything unknown or damaged falls back to its default. */
export function choicesOf(raw: unknown): MapChoices {
	const choices: MapChoices = { ...DEFAULT_CHOICES };
	if (typeof raw !== 'object' || raw === null) return choices;
	const r = raw as Record<string, unknown>;
	if (typeof r.indicator === 'string' && isIndicatorId(r.indicator)) choices.indicator = r.indicator;
	if (r.measure === 'count' || r.measure === 'rate') choices.measure = r.measure;
	if (r.level === 'village' || r.level === 'kecamatan') choices.level = r.level;
	if (typeof r.method === 'string' && (CLASS_METHODS as readonly string[]).includes(r.method)) {
		choices.method = r.method as ClassMethod;
	}
	if (typeof r.classes === 'number') choices.classes = clampClasses(r.classes);
	if (typeof r.breaks === 'string') choices.breaks = r.breaks.slice(0, 200);
	if (typeof r.kecamatan === 'string' && KECAMATAN_KODE.test(r.kecamatan)) choices.kecamatan = r.kecamatan;
	return choices;
}

export function clampClasses(n: number): number {
	if (!Number.isFinite(n)) return DEFAULT_CHOICES.classes;
	return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(n)));
}

// ---- Colours ---------------------------------------------------------------------------------

/** ColorBrewer sequential ramps (Cynthia Brewer, colorbrewer2.org), 3 to 7 classes. */
const RAMPS = {
	YlOrRd: [
		['#ffeda0', '#feb24c', '#f03b20'],
		['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
		['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
		['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
		['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026']
	],
	PuBu: [
		['#ece7f2', '#a6bddb', '#2b8cbe'],
		['#f1eef6', '#bdc9e1', '#74a9cf', '#0570b0'],
		['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'],
		['#f1eef6', '#d0d1e6', '#a6bddb', '#74a9cf', '#2b8cbe', '#045a8d'],
		['#f1eef6', '#d0d1e6', '#a6bddb', '#74a9cf', '#3690c0', '#0570b0', '#034e7b']
	],
	BuPu: [
		['#e0ecf4', '#9ebcda', '#8856a7'],
		['#edf8fb', '#b3cde3', '#8c96c6', '#88419d'],
		['#edf8fb', '#b3cde3', '#8c96c6', '#8856a7', '#810f7c'],
		['#edf8fb', '#bfd3e6', '#9ebcda', '#8c96c6', '#8856a7', '#810f7c'],
		['#edf8fb', '#bfd3e6', '#9ebcda', '#8c96c6', '#8c6bb1', '#88419d', '#6e016b']
	]
} as const;

export type RampName = keyof typeof RAMPS;

const RAMP_OF_GROUP: Record<IndicatorGroup, RampName> = { ats: 'YlOrRd', rtlh: 'YlOrRd', water: 'PuBu', paket: 'BuPu' };

/** Grey for an area without a value (DESIGN: #CCCCCC). */
export const NO_DATA_COLOUR = '#cccccc';
/** Areas outside the kecamatan filter: drawn, not classified. */
export const OUTSIDE_COLOUR = '#eef1f3';
/** The one accent colour for the selected area's outline. */
export const SELECTION_COLOUR = '#00a3a3';

export function rampOf(id: IndicatorId): RampName {
	return RAMP_OF_GROUP[indicatorDefinition(id).group];
}

/** `k` colours of the ramp, light to dark. Fewer than 3 classes (ties merged) take from the 3-class ramp. */
export function rampColours(ramp: RampName, k: number): string[] {
	const scheme = RAMPS[ramp];
	if (k <= 0) return [];
	if (k === 1) return [scheme[0][1]];
	if (k === 2) return [scheme[0][0], scheme[0][2]];
	return [...scheme[Math.min(k, MAX_CLASSES) - MIN_CLASSES]!];
}

/** Every colour a ramp can paint a class with (the pixel check of the end-to-end test reads these). */
export function allRampColours(): string[] {
	return [...new Set(Object.values(RAMPS).flatMap((s) => s.flat()))];
}

// ---- Manual breaks as typed ------------------------------------------------------------------

export class BreaksInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BreaksInputError';
	}
}

/**
 * One number typed in id-ID style: a comma is the decimal sign and a dot groups thousands ("1.250,5");
 * without a comma, a dot before exactly three digits groups thousands ("1.250") and otherwise is a
 * decimal point ("12.5"), since people paste either.
 */
export function parseNumber(text: string): number | null {
	const t = text.trim();
	let normal: string;
	if (t.includes(',')) normal = t.replaceAll('.', '').replace(',', '.');
	else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) normal = t.replaceAll('.', '');
	else normal = t;
	if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
	const value = Number(normal);
	return Number.isFinite(value) ? value : null;
}

/** Inner class breaks from what the user typed, separated by semicolons or spaces. */
export function parseBreaks(text: string): number[] {
	const tokens = text
		.split(/[;\s]+/)
		.map((t) => t.trim())
		.filter((t) => t !== '');
	if (tokens.length === 0) throw new BreaksInputError(m.map_breaks_empty());
	if (tokens.length > MAX_CLASSES - 1) throw new BreaksInputError(m.map_breaks_too_many({ max: MAX_CLASSES - 1 }));
	return tokens.map((token) => {
		const value = parseNumber(token);
		if (value === null) throw new BreaksInputError(m.map_breaks_not_number({ token }));
		return value;
	});
}

/** Breaks written back the way parseBreaks reads them ("10; 20,5"). */
export function formatBreaks(breaks: readonly number[]): string {
	const f = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, useGrouping: false });
	return breaks.map((b) => f.format(b)).join('; ');
}

// ---- The classified view ---------------------------------------------------------------------

export interface MapView {
	level: MapLevel;
	indicator: IndicatorId;
	measure: Measure;
	/** The kecamatan filter in force (null: none, or a code the figures do not know). */
	filter: string | null;
	/** The areas of the level that are classified (all of them, or the filtered kecamatan's villages). */
	areas: AreaFigures[];
	/** Value per classified area (null = no data). */
	values: Map<string, number | null>;
	/** Null when the manual breaks cannot be used (see `error`). */
	classification: Classification | null;
	/** Why the manual breaks were refused, in the UI language. */
	error: string | null;
	/** Class per area code of the level: -1 no data; areas outside the filter are absent. */
	classOf: Map<string, number>;
	/** Area codes of the level outside the kecamatan filter (drawn pale, not classified). */
	outside: Set<string>;
	/** One colour per class, light to dark. */
	colours: string[];
	/** Changes whenever any area's colour changes. */
	key: string;
}

/** Whether `area` lies in kecamatan `kode` (a kecamatan's own row carries its code as kecamatan_kode). */
function inKecamatan(area: AreaFigures, kode: string): boolean {
	return area.kecamatan_kode === kode;
}

/**
 * Classifies the areas of one level under the user's choices. At village level a kecamatan filter
 * classifies only that kecamatan's villages; at kecamatan level all 20 are classified (one area makes
 * no classes) and the filter only marks the others as outside. `figuresKey` names the figures (register
 * and plan) so the colour key changes when they do.
 */
export function mapView(
	levelAreas: readonly AreaFigures[],
	choices: MapChoices,
	figuresKey = '',
	uncomputed: ReadonlySet<IndicatorId> = new Set()
): MapView {
	const { level, indicator, measure, method, kecamatan } = choices;
	// An indicator the register has no column for colours nothing: every area is "no data", not 0.
	const computed = !uncomputed.has(indicator);
	const filter = kecamatan && levelAreas.some((a) => inKecamatan(a, kecamatan)) ? kecamatan : null;
	const areas = filter && level === 'village' ? levelAreas.filter((a) => inKecamatan(a, filter)) : [...levelAreas];
	const outside = new Set<string>(filter ? levelAreas.filter((a) => !inKecamatan(a, filter)).map((a) => a.kode) : []);
	const values = new Map<string, number | null>(areas.map((a) => [a.kode, computed ? valueOf(a.figures[indicator], measure) : null]));

	let classification: Classification | null = null;
	let error: string | null = null;
	try {
		const manual = method === 'manual' ? parseBreaks(choices.breaks) : [];
		classification = classify([...values.values()], method, clampClasses(choices.classes), manual);
	} catch (e) {
		if (!(e instanceof ClassBreaksError || e instanceof BreaksInputError)) throw e;
		error = errorText(e);
	}

	const classOf = new Map<string, number>();
	const breaks = classification?.breaks ?? [];
	for (const [kode, value] of values) classOf.set(kode, classification ? classIndex(value, breaks) : -1);
	const colours = rampColours(rampOf(indicator), Math.max(0, breaks.length - 1));
	const key = [
		figuresKey,
		level,
		indicator,
		computed ? '' : 'uncomputed',
		measure,
		method,
		breaks.join(','),
		filter ?? '*',
		colours.join(',')
	].join('|');
	return { level, indicator, measure, filter, areas, values, classification, error, classOf, outside, colours, key };
}

/** Whether two views colour the same thing (they may differ in method and breaks). */
export function sameSubject(a: MapView, b: MapView): boolean {
	return a.level === b.level && a.indicator === b.indicator && a.measure === b.measure && a.filter === b.filter;
}

// ---- Numbers for the legend and the tooltip ---------------------------------------------------

const oneDecimal = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** A value as the map shows it: rates with one decimal ("12,5"), counts whole ("1.234", or "3,3" for a quantile break). */
export function formatValue(value: number, measure: Measure): string {
	return measure === 'rate' ? oneDecimal.format(value) : upToOneDecimal.format(value);
}

/** A class range for the legend: "12,5 – 20,0". */
export function formatRange(from: number, to: number, measure: Measure): string {
	return `${formatValue(from, measure)} – ${formatValue(to, measure)}`;
}
