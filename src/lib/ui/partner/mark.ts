/**
 * The suppression mark (issue 16 point 2): a figure the pack hides is shown as "< 5", with the plan's
 * own threshold, on the map, in tables, legends and downloads; never as 0, a dash or "no data". The
 * one place the mark is written, so every screen and file says the same.
 */
import type { PackFigure } from '$lib/core/partner/pack';
import { formatCount, formatRupiah } from '$lib/ui/format';

/** "< 5" for a threshold of 5. */
export function suppressedMark(threshold: number): string {
	return `< ${threshold}`;
}

/** A count as shown: id-ID digits, or the mark when the pack hid it. */
export function countText(units: number | null | undefined, threshold: number): string {
	return units === null || units === undefined ? suppressedMark(threshold) : formatCount(units);
}

/**
 * A figure's Rupiah as shown: in full; the mark when its units are hidden; "≥ Rp …" for a total whose
 * Rupiah the pack gives only as the sum of its published cells.
 */
export function rupiahText(figure: PackFigure | undefined, threshold: number): string {
	if (!figure || figure.units === null) return suppressedMark(threshold);
	if (figure.rupiah !== null) return formatRupiah(figure.rupiah);
	return `≥ ${formatRupiah(figure.rupiahAtLeast ?? 0)}`;
}

/** A figure's Rupiah in a CSV cell: the number, the mark, or "≥ 123456" (a lower bound, as text). */
export function rupiahCell(figure: PackFigure | undefined, threshold: number): number | string {
	if (!figure || figure.units === null) return suppressedMark(threshold);
	if (figure.rupiah !== null) return figure.rupiah;
	return `≥ ${figure.rupiahAtLeast ?? 0}`;
}

/** A count in a CSV cell: the number or the mark (never 0, never empty). */
export function countCell(units: number | null | undefined, threshold: number): number | string {
	return units === null || units === undefined ? suppressedMark(threshold) : units;
}
