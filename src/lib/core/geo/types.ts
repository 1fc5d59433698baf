/**
 * Boundary shapes as Tepat keeps them: GeoJSON (RFC 7946, WGS 84) whose features carry the canonical
 * dotted Kemendagri code in `properties.kode`, whatever the file they came from called it.
 */

export type Position = readonly number[];

export type BoundaryGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface BoundaryFeature {
	type: 'Feature';
	/** `kode` is the dotted code (`64.02.06.1001` or `64.02.06`); other properties are kept as read. */
	properties: { kode: string; [property: string]: unknown };
	geometry: BoundaryGeometry;
}

export interface BoundaryCollection {
	type: 'FeatureCollection';
	features: BoundaryFeature[];
}

export type BoundaryLevel = 'village' | 'kecamatan';

/**
 * A feature as read from a user's boundary file (GeoJSON, or a shapefile through shpjs): nothing about
 * it is trusted yet. `matchBoundaries` turns these into BoundaryFeatures or says why it could not.
 */
export interface InputFeature {
	properties: Record<string, unknown> | null;
	geometry: { type: string; coordinates?: unknown } | null;
}
