/** Bounding boxes of boundary features, for framing the map on the regency, a kecamatan or one village. */
import type { BoundaryCollection, BoundaryFeature, Position } from '$lib/core/geo/types';

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

function extend(box: Bbox | null, ring: readonly Position[]): Bbox | null {
	let b = box;
	for (const [x, y] of ring) {
		if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) continue;
		if (!b) b = [x, y, x, y];
		else b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
	}
	return b;
}

/** The box around `features` (outer rings suffice), or null when there is nothing to frame. */
export function bboxOf(features: Iterable<BoundaryFeature>): Bbox | null {
	let box: Bbox | null = null;
	for (const feature of features) {
		const g = feature.geometry;
		if (!g) continue;
		const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
		for (const polygon of polygons) box = extend(box, polygon[0] ?? []);
	}
	return box;
}

/**
 * The box a map frames: the kecamatan `extent` (its own shape and its villages'), or every shape when
 * `extent` is null or has none. Village shapes are used when there are any, else kecamatan shapes.
 */
export function extentBox(village: BoundaryCollection, kecamatan: BoundaryCollection, extent: string | null): Bbox | null {
	const shapes = village.features.length > 0 ? village : kecamatan;
	const inExtent = extent
		? shapes.features.filter((f) => f.properties.kode === extent || f.properties.kode.startsWith(`${extent}.`))
		: shapes.features;
	return bboxOf(inExtent.length > 0 ? inExtent : shapes.features);
}
