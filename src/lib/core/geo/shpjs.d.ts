/**
 * The part of shpjs 6 (no bundled types; @types/shpjs describes 3.x) that read.ts uses: its .shp and
 * .dbf parsers and the function that pairs their rows into a FeatureCollection.
 */
declare module 'shpjs' {
	type Bytes = ArrayBuffer | ArrayBufferView | DataView;
	export interface ShpGeometry {
		type: string;
		coordinates: unknown;
	}
	export interface ShpFeatureCollection {
		type: 'FeatureCollection';
		features: { type: 'Feature'; geometry: ShpGeometry | null; properties: Record<string, unknown> }[];
	}
	/** Shapes of a .shp, reprojected to WGS 84 lon/lat when `prj` is a projection proj4 understands. */
	export function parseShp(shp: Bytes, prj?: string | Bytes): (ShpGeometry | null)[];
	/** Records of a .dbf, decoded with the .cpg's code page (UTF-8 without one). */
	export function parseDbf(dbf: Bytes, cpg?: string | Bytes): Record<string, unknown>[];
	export function combine(parts: [(ShpGeometry | null)[], Record<string, unknown>[]?]): ShpFeatureCollection;
}
