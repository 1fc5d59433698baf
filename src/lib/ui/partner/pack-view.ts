/**
 * What partner mode draws and writes of a pack, without Svelte: the map's colours and legend rows under
 * the kecamatan and programme filters, and the target table as CSV. Hidden figures (null in the pack)
 * get their own class, colour and legend row, apart from "no data". The rows themselves are
 * state/partner-rows.ts (the model derives them).
 */
import { classIndex, classify } from '$lib/core/geo/classify';
import type { PackFigure, PackVillage, PartnerPack } from '$lib/core/partner/pack';
import type { ProgrammeId } from '$lib/core/plan';
import { toCsv, type CsvCell } from '$lib/export/csv-write';
import { NO_DATA_COLOUR, OUTSIDE_COLOUR, rampColours } from '$lib/state/map-view';
import { figureOf, shownProgrammes, type PackFilter } from '$lib/state/partner-rows';
import { countCell, rupiahCell } from './mark';

export { figureOf, kecamatanRows, packRows, shownProgrammes, type PackFilter } from '$lib/state/partner-rows';

/** Hidden figures: a slate grey, darker than "no data" (#cccccc) and unlike every ramp colour. */
export const SUPPRESSED_COLOUR = '#5f6f80';
/** No unmet need left (published 0): pale green, so it does not read as a small need. */
export const ZERO_COLOUR = '#d9efd3';
const CLASSES = 5;

export type LegendKind = 'class' | 'zero' | 'suppressed' | 'missing' | 'outside';

export interface LegendRow {
	kind: LegendKind;
	colour: string;
	/** The class's range of units (kind 'class'). */
	from: number;
	to: number;
	/** Villages drawn in this colour. */
	count: number;
}

/** The colours ChoroplethMap takes (MapModel's MapPaint, repeated so partner mode needs no register state). */
export interface PackPaint {
	level: 'village';
	classOf: ReadonlyMap<string, number>;
	outside: ReadonlySet<string>;
	colours: readonly string[];
	key: string;
}

export interface PackMapView {
	paint: PackPaint;
	legend: LegendRow[];
}

/**
 * Colours of the villages under a filter: class 0 hidden, class 1 no need left, then the unmet units
 * in quantile classes of YlOrRd; villages outside the kecamatan filter pale. `key` names the pack.
 */
export function packMapView(pack: PartnerPack, filter: PackFilter, key: string): PackMapView {
	const features = pack.boundaries?.features ?? [];
	const byKode = new Map(pack.villages.map((v) => [v.kode, v]));
	const outside = new Set<string>();
	const inside: { kode: string; units: number | null | undefined }[] = [];
	for (const f of features) {
		const village = byKode.get(f.properties.kode);
		if (filter.kecamatan !== null && village?.kecamatan !== filter.kecamatan) outside.add(f.properties.kode);
		else inside.push({ kode: f.properties.kode, units: village ? figureOf(village, filter.programme)?.units : undefined });
	}
	const classification = classify(
		inside.map((a) => (typeof a.units === 'number' && a.units > 0 ? a.units : null)),
		'quantile',
		CLASSES
	);
	const ramp = rampColours('YlOrRd', classification.counts.length);
	const classOf = new Map<string, number>();
	let suppressed = 0;
	let zero = 0;
	let missing = 0;
	for (const a of inside) {
		if (a.units === null) {
			classOf.set(a.kode, 0);
			suppressed++;
		} else if (a.units === 0) {
			classOf.set(a.kode, 1);
			zero++;
		} else if (a.units === undefined) {
			missing++;
		} else {
			classOf.set(a.kode, classIndex(a.units, classification.breaks) + 2);
		}
	}
	const legend: LegendRow[] = classification.counts.map((count, i) => ({
		kind: 'class',
		colour: ramp[i] ?? NO_DATA_COLOUR,
		from: classification.breaks[i] ?? 0,
		to: classification.breaks[i + 1] ?? 0,
		count
	}));
	legend.push({ kind: 'zero', colour: ZERO_COLOUR, from: 0, to: 0, count: zero });
	legend.push({ kind: 'suppressed', colour: SUPPRESSED_COLOUR, from: 0, to: 0, count: suppressed });
	if (missing > 0) legend.push({ kind: 'missing', colour: NO_DATA_COLOUR, from: 0, to: 0, count: missing });
	if (outside.size > 0) legend.push({ kind: 'outside', colour: OUTSIDE_COLOUR, from: 0, to: 0, count: outside.size });
	return {
		paint: {
			level: 'village',
			classOf,
			outside,
			colours: [SUPPRESSED_COLOUR, ZERO_COLOUR, ...ramp],
			key: `${key}:${filter.programme ?? 'all'}:${filter.kecamatan ?? 'all'}`
		},
		legend
	};
}

export interface PackCsvWords {
	kecamatanKode: string;
	kecamatan: string;
	villageKode: string;
	village: string;
	units: (programme: string) => string;
	rupiah: (programme: string) => string;
	programme: (id: ProgrammeId) => string;
	total: string;
}

/**
 * The target table as CSV: one line per village of `rows`, units and Rupiah per programme shown (and
 * all programmes together when none is filtered to); a hidden figure is the mark, never 0 or empty.
 */
export function packCsv(pack: PartnerPack, rows: readonly PackVillage[], programme: ProgrammeId | null, words: PackCsvWords): string {
	const threshold = pack.plan.threshold;
	const programmes = shownProgrammes(pack, programme);
	const columns: { header: [string, string]; figure: (v: PackVillage) => PackFigure | undefined }[] = programmes.map((p) => ({
		header: [words.units(words.programme(p)), words.rupiah(words.programme(p))],
		figure: (v) => v.need[p]
	}));
	if (programme === null) columns.push({ header: [words.units(words.total), words.rupiah(words.total)], figure: (v) => v.total });
	const names = new Map(pack.kecamatan.map((k) => [k.kode, k.nama]));
	const header = [words.kecamatanKode, words.kecamatan, words.villageKode, words.village, ...columns.flatMap((c) => c.header)];
	const lines = rows.map((v): CsvCell[] => [
		v.kecamatan,
		names.get(v.kecamatan) ?? '',
		v.kode,
		v.nama,
		...columns.flatMap((c) => {
			const f = c.figure(v);
			return [countCell(f?.units, threshold), rupiahCell(f, threshold)];
		})
	]);
	return toCsv(header, lines);
}
