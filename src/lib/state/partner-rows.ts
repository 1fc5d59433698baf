/**
 * The rows partner mode lists under its kecamatan and programme filters, without Svelte (the model
 * derives them; the map, the CSV and the tests read the same functions).
 */
import type { PackArea, PackFigure, PackVillage, PartnerPack } from '$lib/core/partner/pack';
import type { ProgrammeId } from '$lib/core/plan';

export interface PackFilter {
	kecamatan: string | null;
	programme: ProgrammeId | null;
}

/** The figure a filter looks at: the programme's, or all programmes together. */
export function figureOf(area: PackArea, programme: ProgrammeId | null): PackFigure | undefined {
	return programme === null ? area.total : area.need[programme];
}

/** The programmes shown as columns: the one filtered to, or every programme of the pack. */
export function shownProgrammes(pack: PartnerPack, programme: ProgrammeId | null): ProgrammeId[] {
	return programme === null ? [...pack.programmes] : pack.programmes.filter((p) => p === programme);
}

/** Villages of the filter with need left (a hidden figure may hide need, so it stays), in the pack's order. */
export function packRows(pack: PartnerPack, filter: PackFilter): PackVillage[] {
	return pack.villages.filter((v) => {
		if (filter.kecamatan !== null && v.kecamatan !== filter.kecamatan) return false;
		const figure = figureOf(v, filter.programme);
		return figure !== undefined && figure.units !== 0;
	});
}

/** Kecamatan of the filter, with their totals. */
export function kecamatanRows(pack: PartnerPack, filter: PackFilter): PackArea[] {
	return pack.kecamatan.filter((k) => filter.kecamatan === null || k.kode === filter.kecamatan);
}
