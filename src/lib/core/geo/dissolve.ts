/**
 * Kecamatan shapes derived from village shapes (issue 11 point 2: "kecamatan shapes can be derived from
 * the village ones when no kecamatan file is given"): the villages of each kecamatan are dissolved into
 * one outline with polygon-clipping's union, which reads rings in either winding (the Berau file keeps
 * its source's winding) and gives RFC 7946 output (outer rings counter-clockwise).
 *
 * Village files are not topological (neighbours have slivers and small overlaps, see ../shared/geo), so
 * a dissolved kecamatan may keep a few sliver holes or islands; for a choropleth that is invisible. Should
 * the union fail on a kecamatan's rings (degenerate input), its villages are grouped into one
 * MultiPolygon instead, which draws the same area with the inner borders, and the kecamatan is listed.
 */
import * as clipping from 'polygon-clipping';
import type { Reference } from '../reference';
import type { BoundaryCollection, BoundaryFeature, BoundaryGeometry, Position } from './types';

type Pair = [number, number];
export type Polygon = Pair[][];

/** The library's functions, whether the bundler hands us the CommonJS object or its ESM default. */
const lib = (clipping as unknown as { default?: typeof clipping }).default ?? clipping;

export interface DerivedKecamatan {
	collection: BoundaryCollection;
	/** Kecamatan whose villages could not be dissolved and were grouped as they are (codes). */
	grouped: string[];
}

function polygonsOf(geometry: BoundaryGeometry): Polygon[] {
	const polygon = (rings: readonly (readonly Position[])[]): Polygon =>
		rings.map((ring) => ring.map((p) => [Number(p[0]), Number(p[1])] as Pair));
	return geometry.type === 'Polygon' ? [polygon(geometry.coordinates)] : geometry.coordinates.map(polygon);
}

function geometryOf(polygons: Polygon[]): BoundaryGeometry {
	return polygons.length === 1 && polygons[0]
		? { type: 'Polygon', coordinates: polygons[0] }
		: { type: 'MultiPolygon', coordinates: polygons };
}

/** Dissolves polygons into one (Multi)Polygon; polygon-clipping's union unless a test gives another. */
export type Union = (first: Polygon, ...rest: Polygon[]) => Polygon[];

/**
 * One feature per kecamatan of `reference` that has at least one village shape, in code order, with
 * `kode`, `nama` and `villages` (how many village shapes it was made from).
 */
export function kecamatanFromVillages(villages: BoundaryCollection, reference: Reference, union: Union = lib.union): DerivedKecamatan {
	const kecamatanOf = new Map(reference.villages.map((v) => [v.kode, v.kecamatan_kode]));
	const byKecamatan = new Map<string, BoundaryFeature[]>();
	for (const feature of villages.features) {
		const kode = kecamatanOf.get(feature.properties.kode);
		if (!kode) continue;
		let list = byKecamatan.get(kode);
		if (!list) byKecamatan.set(kode, (list = []));
		list.push(feature);
	}
	const features: BoundaryFeature[] = [];
	const grouped: string[] = [];
	for (const kecamatan of reference.kecamatan) {
		const members = byKecamatan.get(kecamatan.kode);
		if (!members || members.length === 0) continue;
		const polygons = members.flatMap((f) => polygonsOf(f.geometry));
		let geometry: BoundaryGeometry;
		try {
			const [first, ...rest] = polygons;
			if (!first) continue;
			const dissolved = union(first, ...rest);
			if (dissolved.length === 0) throw new Error('empty union');
			geometry = geometryOf(dissolved);
		} catch {
			grouped.push(kecamatan.kode);
			geometry = { type: 'MultiPolygon', coordinates: polygons };
		}
		features.push({
			type: 'Feature',
			properties: { kode: kecamatan.kode, nama: kecamatan.nama, villages: members.length },
			geometry
		});
	}
	return { collection: { type: 'FeatureCollection', features }, grouped };
}
