/**
 * Indicator figures as the screens and the CLI use them: count and denominator per indicator, a rate
 * per 100, and kecamatan totals summed from their villages (counts add up; rates are recomputed from
 * the sums, never averaged).
 */
import { INDICATOR_IDS, type IndicatorId } from './definitions';

export interface Figure {
	count: number;
	denominator: number;
}

export type Figures = Record<IndicatorId, Figure>;

export interface AreaFigures {
	kode: string;
	nama: string;
	kecamatan_kode: string;
	kecamatan: string;
	figures: Figures;
}

export type Measure = 'count' | 'rate';

/** Count per 100 of the denominator; null when there is nobody to count (no data, not zero). */
export function rateOf(figure: Figure): number | null {
	return figure.denominator > 0 ? (100 * figure.count) / figure.denominator : null;
}

/** The value a map or table shows: null means "no data" (no households or no people of that age). */
export function valueOf(figure: Figure, measure: Measure): number | null {
	if (measure === 'rate') return rateOf(figure);
	return figure.denominator > 0 ? figure.count : null;
}

export function emptyFigures(): Figures {
	return Object.fromEntries(INDICATOR_IDS.map((id) => [id, { count: 0, denominator: 0 }])) as Figures;
}

/** Kecamatan rows from village rows, in the order the kecamatan first appear. */
export function kecamatanFigures(villages: readonly AreaFigures[]): AreaFigures[] {
	const byKode = new Map<string, AreaFigures>();
	for (const v of villages) {
		let k = byKode.get(v.kecamatan_kode);
		if (!k) {
			k = { kode: v.kecamatan_kode, nama: v.kecamatan, kecamatan_kode: v.kecamatan_kode, kecamatan: v.kecamatan, figures: emptyFigures() };
			byKode.set(v.kecamatan_kode, k);
		}
		for (const id of INDICATOR_IDS) {
			k.figures[id].count += v.figures[id].count;
			k.figures[id].denominator += v.figures[id].denominator;
		}
	}
	return [...byKode.values()];
}
