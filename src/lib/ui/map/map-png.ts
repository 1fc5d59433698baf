/**
 * What the downloaded map image shows besides the shapes: which shapes for the view on screen, and
 * the source lines (the register and when it was loaded, the boundaries' and area codes' credits,
 * and when the image was made), worded in the UI's language.
 */
import type { BoundaryCollection } from '$lib/core/geo/types';
import { WILAYAH_SOURCE } from '$lib/core/wilayah';
import { m } from '$lib/paraglide/messages.js';
import { BOUNDARY_SOURCE } from '$lib/state/BoundaryModel.svelte';
import type { MapLevel } from '$lib/state/map-view';
import type { RegisterInfo } from '$lib/state/persistence';
import { formatDateTime } from '../format';
import { registerSourceLine } from '../landing/source-line';

export interface PngShapes {
	villages: BoundaryCollection | null;
	kecamatan: BoundaryCollection | null;
	labels: 'kecamatan' | 'village';
}

/**
 * The shapes of the image: the kecamatan at kecamatan level; the villages under their kecamatan
 * otherwise, named by kecamatan; with a kecamatan filter at village level, only that kecamatan and
 * its villages, named by village.
 */
export function pngShapes(
	level: MapLevel,
	filter: string | null,
	villages: BoundaryCollection | null,
	kecamatan: BoundaryCollection | null
): PngShapes {
	if (level === 'kecamatan') return { villages: null, kecamatan, labels: 'kecamatan' };
	if (!filter) return { villages, kecamatan, labels: 'kecamatan' };
	const inFilter = (c: BoundaryCollection | null, keep: (kode: string) => boolean): BoundaryCollection | null =>
		c ? { type: 'FeatureCollection', features: c.features.filter((f) => keep(f.properties.kode)) } : null;
	return {
		villages: inFilter(villages, (kode) => kode.startsWith(`${filter}.`)),
		kecamatan: inFilter(kecamatan, (kode) => kode === filter),
		labels: 'village'
	};
}

/** The image's source lines: "Sumber: Register …, dimuat …", the credits, and the date it was made. */
export function mapSourceLines(info: RegisterInfo | null, bundledBoundaries: boolean, dateLocale: string, made: Date): string[] {
	const register = registerSourceLine(info, dateLocale);
	return [
		...(register ? [m.map_png_source({ register })] : []),
		[
			bundledBoundaries ? m.footer_boundaries({ source: BOUNDARY_SOURCE }) : m.map_png_boundaries_imported(),
			m.footer_area_codes({ source: WILAYAH_SOURCE })
		].join(' '),
		m.map_png_made({ date: formatDateTime(made.toISOString(), dateLocale) })
	];
}
