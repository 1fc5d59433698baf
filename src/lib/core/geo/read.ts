/**
 * Reads a user's boundary file into features for `matchBoundaries`: GeoJSON (`.geojson`/`.json`, a
 * FeatureCollection or one Feature) or an ESRI Shapefile in a ZIP (`.shp` + `.dbf`, with `.prj` and
 * `.cpg` when present). The shapefile is unzipped with fflate and its parts parsed by shpjs, which
 * reprojects to WGS 84 through the `.prj` (proj4) and decodes the `.dbf` with the `.cpg` code page.
 *
 * A ZIP holding several layers: every layer with polygons is read and the features are concatenated in
 * the ZIP's order (`layers` says which); layers of points or lines are left out (`skippedLayers`).
 *
 * Whatever the format, the result is checked to be polygons in WGS 84 longitude/latitude; anything
 * else fails with a BoundaryFileError (a code, worded at the edge) naming the file (and the feature, counted
 * from 1, and the property where one is at fault). Pure TypeScript, no DOM: runs in Node tests too.
 */
import { unzipSync } from 'fflate';
import { CodedError, coded, type CodedMessage } from '../messages';
import type { BoundaryMessages } from '../messages/geo';
import { findPosition } from './extent';
import type { InputFeature } from './types';

/** A boundary file refused: why as a code (worded at the edge), the file, and the feature and property at fault. */
export class BoundaryFileError extends CodedError {
	declare readonly said: CodedMessage<keyof BoundaryMessages>;

	constructor(
		said: CodedMessage<keyof BoundaryMessages>,
		readonly file: string,
		/** The feature at fault, counted from 1 as people count. */
		readonly feature?: number,
		readonly property?: string
	) {
		super(said);
		this.name = 'BoundaryFileError';
	}
}

export type BoundaryFormat = 'geojson' | 'shapefile';

export interface BoundaryFile {
	name: string;
	format: BoundaryFormat;
	features: InputFeature[];
	/** Shapefile layers read (paths in the ZIP without extension), in order; empty for GeoJSON. */
	layers: string[];
	/** Shapefile layers without polygons (points, lines), left out. */
	skippedLayers: string[];
}

const POLYGON_TYPES = new Set(['Polygon', 'MultiPolygon']);

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function extension(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

/** The first non-blank character after an optional UTF-8 byte order mark. */
function firstCharacter(bytes: Uint8Array): string {
	let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
	return at < bytes.length ? String.fromCharCode(bytes[at] ?? 0) : '';
}

/**
 * Limits checked before the work (issue 18): Indonesia's 83,000-odd villages in one file fit, with
 * their shapes; a file or an unzipped layer past them is refused in a second instead of filling memory.
 */
export const MAX_BOUNDARY_FEATURES = 100_000;
export const MAX_BOUNDARY_BYTES = 512 * 1024 * 1024;

const megabytes = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

function tooLarge(file: string, bytes: number): BoundaryFileError {
	return new BoundaryFileError(
		coded('boundary.too_large', { file, megabytes: megabytes(bytes), limitMegabytes: megabytes(MAX_BOUNDARY_BYTES) }),
		file
	);
}

/** Refuses a boundary file by its size alone, before its bytes are read into memory. */
export function checkBoundarySize(name: string, bytes: number): void {
	if (bytes > MAX_BOUNDARY_BYTES) throw tooLarge(name, bytes);
}

/** Reads `bytes` (the content of the file called `name`) as boundary features. */
export async function readBoundaryFile(name: string, bytes: Uint8Array): Promise<BoundaryFile> {
	if (bytes.length === 0) throw new BoundaryFileError(coded('boundary.empty', { file: name }), name);
	checkBoundarySize(name, bytes.length);
	const ext = extension(name);
	let file: BoundaryFile;
	if (isZip(bytes)) {
		file = await readShapefileZip(name, bytes);
	} else if (ext === 'zip') {
		throw new BoundaryFileError(coded('boundary.bad_zip', { file: name }), name);
	} else if (['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(ext)) {
		throw new BoundaryFileError(coded('boundary.shapefile_part', { file: name }), name);
	} else if (ext === 'json' || ext === 'geojson' || firstCharacter(bytes) === '{') {
		file = readGeoJson(name, bytes);
	} else {
		throw new BoundaryFileError(coded('boundary.unknown_format', { file: name }), name);
	}
	if (file.features.length > MAX_BOUNDARY_FEATURES) {
		throw new BoundaryFileError(
			coded('boundary.too_many_features', { file: name, count: file.features.length, max: MAX_BOUNDARY_FEATURES }),
			name
		);
	}
	checkPolygons(file);
	checkLonLat(file);
	checkInIndonesia(file);
	return file;
}

function readGeoJson(name: string, bytes: Uint8Array): BoundaryFile {
	let root: unknown;
	try {
		root = JSON.parse(new TextDecoder('utf-8').decode(bytes));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new BoundaryFileError(coded('boundary.not_json', { file: name, detail: reason }), name);
	}
	if (!isRecord(root)) {
		throw new BoundaryFileError(coded('boundary.not_object', { file: name }), name);
	}
	let items: unknown[];
	if (root.type === 'FeatureCollection') {
		if (!Array.isArray(root.features)) {
			throw new BoundaryFileError(coded('boundary.no_features_list', { file: name }), name, undefined, 'features');
		}
		items = root.features;
	} else if (root.type === 'Feature') {
		items = [root];
	} else if (root.type === 'Topology') {
		throw new BoundaryFileError(coded('boundary.topojson', { file: name }), name);
	} else if (
		typeof root.type === 'string' &&
		(POLYGON_TYPES.has(root.type) || root.type === 'GeometryCollection' || 'coordinates' in root)
	) {
		throw new BoundaryFileError(coded('boundary.bare_geometry', { file: name }), name);
	} else {
		throw new BoundaryFileError(coded('boundary.bad_type', { file: name }), name, undefined, 'type');
	}
	const features = items.map((item, index): InputFeature => {
		const number = index + 1;
		if (!isRecord(item)) {
			throw new BoundaryFileError(coded('boundary.feature_not_object', { file: name, feature: number }), name, number);
		}
		const { properties, geometry } = item;
		if (properties !== null && properties !== undefined && !isRecord(properties)) {
			throw new BoundaryFileError(coded('boundary.properties_not_object', { file: name, feature: number }), name, number, 'properties');
		}
		if (geometry !== null && geometry !== undefined && !(isRecord(geometry) && typeof geometry.type === 'string')) {
			throw new BoundaryFileError(coded('boundary.geometry_without_type', { file: name, feature: number }), name, number, 'geometry');
		}
		return {
			properties: properties ?? null,
			geometry: geometry ? { type: geometry.type as string, coordinates: geometry.coordinates } : null
		};
	});
	return { name, format: 'geojson', features, layers: [], skippedLayers: [] };
}

const SHAPEFILE_PART = /\.(shp|dbf|prj|cpg)$/i;

function isMacResource(path: string): boolean {
	return path.includes('__MACOSX/') || (path.split('/').pop() ?? '').startsWith('._');
}

/** DBF values as JSON-friendly properties: dates as `YYYY-MM-DD`, empty numbers (NaN) as null. */
function cleanProperties(row: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(row)) {
		if (value instanceof Date) out[key] = Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
		else if (typeof value === 'number' && Number.isNaN(value)) out[key] = null;
		else out[key] = value;
	}
	return out;
}

async function readShapefileZip(name: string, bytes: Uint8Array): Promise<BoundaryFile> {
	let entries: Record<string, Uint8Array>;
	const listed: string[] = [];
	// fflate inflates an entry to no more than its declared size, so the declared sizes bound the memory.
	let declared = 0;
	try {
		entries = unzipSync(bytes, {
			filter: (entry) => {
				listed.push(entry.name);
				const wanted = SHAPEFILE_PART.test(entry.name) && !isMacResource(entry.name);
				if (wanted) declared += entry.originalSize;
				if (declared > MAX_BOUNDARY_BYTES) throw tooLarge(name, declared);
				return wanted;
			}
		});
	} catch (error) {
		if (error instanceof BoundaryFileError) throw error;
		const reason = error instanceof Error ? error.message : String(error);
		throw new BoundaryFileError(coded('boundary.zip_unreadable', { file: name, detail: reason }), name);
	}
	// Layer → its parts by lower-case extension (Windows tools write .SHP as often as .shp).
	const layers = new Map<string, Partial<Record<string, Uint8Array>>>();
	for (const [path, data] of Object.entries(entries)) {
		const dot = path.lastIndexOf('.');
		const base = path.slice(0, dot);
		const parts = layers.get(base) ?? {};
		parts[path.slice(dot + 1).toLowerCase()] = data;
		layers.set(base, parts);
	}
	const shapeLayers = [...layers].filter(([, parts]) => parts.shp);
	if (shapeLayers.length === 0) {
		const shown = listed.filter((path) => !isMacResource(path) && !path.endsWith('/')).slice(0, 5);
		throw new BoundaryFileError(coded('boundary.no_shapefile', { file: name, contents: shown, more: listed.length > shown.length }), name);
	}

	const { parseShp, parseDbf, combine } = await import('shpjs');
	const decoder = new TextDecoder();
	const features: InputFeature[] = [];
	const read: string[] = [];
	const skipped: string[] = [];
	for (const [layer, parts] of shapeLayers) {
		const label = layer.split('/').pop() ?? layer;
		if (parts.prj) checkProjectionAgrees(name, label, decoder.decode(parts.prj), parts.shp as Uint8Array);
		let shapes: ReturnType<typeof parseShp>;
		try {
			shapes = parseShp(parts.shp as Uint8Array, parts.prj ? decoder.decode(parts.prj) : undefined);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new BoundaryFileError(coded('boundary.shp_unreadable', { file: name, layer: label, detail: reason }), name);
		}
		if (!shapes.some((shape) => shape !== null && POLYGON_TYPES.has(shape.type))) {
			skipped.push(layer);
			continue;
		}
		if (!parts.dbf) {
			throw new BoundaryFileError(coded('boundary.no_dbf', { file: name, layer: label }), name);
		}
		let rows: Record<string, unknown>[];
		try {
			rows = parseDbf(parts.dbf, parts.cpg ? decoder.decode(parts.cpg) : undefined);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new BoundaryFileError(coded('boundary.dbf_unreadable', { file: name, layer: label, detail: reason }), name);
		}
		for (const feature of combine([shapes, rows]).features) {
			features.push({ properties: cleanProperties(feature.properties), geometry: feature.geometry });
		}
		read.push(layer);
	}
	if (read.length === 0) {
		throw new BoundaryFileError(coded('boundary.no_polygon_layer', { file: name, layers: skipped }), name);
	}
	return { name, format: 'shapefile', features, layers: read, skippedLayers: skipped };
}

function checkPolygons(file: BoundaryFile): void {
	if (file.features.some((feature) => feature.geometry && POLYGON_TYPES.has(feature.geometry.type))) return;
	const types = [...new Set(file.features.map((feature) => feature.geometry?.type ?? null))];
	throw new BoundaryFileError(
		file.features.length === 0
			? coded('boundary.no_features', { file: file.name })
			: coded('boundary.no_polygons', { file: file.name, types }),
		file.name
	);
}

/**
 * Every polygon position must be longitude −180…180, latitude −90…90: projected metres (UTM, Web
 * Mercator) or swapped axes for Indonesia fall outside. The first offender is named.
 */
function checkLonLat(file: BoundaryFile): void {
	file.features.forEach((feature, index) => {
		const geometry = feature.geometry;
		if (!geometry || !POLYGON_TYPES.has(geometry.type)) return;
		const bad = findOutside(geometry.coordinates);
		if (!bad) return;
		throw new BoundaryFileError(
			coded('boundary.not_lon_lat', {
				file: file.name,
				feature: index + 1,
				coordinates: bad.map((n) => Number(n.toFixed(3))),
				format: file.format
			}),
			file.name,
			index + 1,
			'geometry'
		);
	});
}

/**
 * Indonesia from Sabang to Merauke and Miangas to Rote, with a margin of about half a degree: a
 * boundary file of a regency here lies inside it. Coordinates that do not were reprojected wrongly (a
 * `.prj` saying metres over degrees collapses every village to a square metre near 0° 0°) or belong
 * to another country, and would otherwise draw nothing where the map looks.
 */
export const INDONESIA_BOUNDS = { west: 94, east: 142, south: -12, north: 7 } as const;

function checkInIndonesia(file: BoundaryFile): void {
	const { west, east, south, north } = INDONESIA_BOUNDS;
	file.features.forEach((feature, index) => {
		const geometry = feature.geometry;
		if (!geometry || !POLYGON_TYPES.has(geometry.type)) return;
		const bad = findPosition(geometry.coordinates, (x, y) => x < west || x > east || y < south || y > north);
		if (!bad) return;
		throw new BoundaryFileError(
			coded('boundary.outside_indonesia', { file: file.name, feature: index + 1, coordinates: bad.map((n) => Number(n.toFixed(4))) }),
			file.name,
			index + 1,
			'geometry'
		);
	});
}

/** The projection a `.prj` (WKT) names: PROJCS["name", ...] is projected, GEOGCS["name", ...] is degrees. */
function prjKind(wkt: string): { projected: boolean; name: string } | null {
	const match = /^\s*(PROJCS|PROJCRS|GEOGCS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(wkt);
	if (!match) return null;
	return { projected: (match[1] ?? '').toUpperCase().startsWith('PROJ'), name: match[2] ?? '' };
}

/** The bounding box a `.shp` records in its 100-byte header (x min, y min, x max, y max), in its own units. */
function shpBox(shp: Uint8Array): [number, number, number, number] | null {
	if (shp.length < 100) return null;
	const view = new DataView(shp.buffer, shp.byteOffset, 100);
	const box: [number, number, number, number] = [
		view.getFloat64(36, true),
		view.getFloat64(44, true),
		view.getFloat64(52, true),
		view.getFloat64(60, true)
	];
	return box.every(Number.isFinite) ? box : null;
}

/**
 * A `.prj` must agree with the numbers it describes: a projection in metres over coordinates that are
 * all within ±180/±90 (degrees with the wrong `.prj`), or degrees over coordinates beyond them, is
 * refused naming both, before anything is reprojected into nonsense.
 */
function checkProjectionAgrees(file: string, layer: string, wkt: string, shp: Uint8Array): void {
	const kind = prjKind(wkt);
	const box = shpBox(shp);
	if (!kind || !box) return;
	const [xMin, yMin, xMax, yMax] = box;
	const looksLikeDegrees = Math.max(Math.abs(xMin), Math.abs(xMax)) <= 180 && Math.max(Math.abs(yMin), Math.abs(yMax)) <= 90;
	if (kind.projected === looksLikeDegrees) {
		throw new BoundaryFileError(
			coded(kind.projected ? 'boundary.prj_projected_over_degrees' : 'boundary.prj_degrees_over_metres', {
				file,
				layer,
				projection: kind.name,
				box: box.map((n) => Number(n.toFixed(4)))
			}),
			file
		);
	}
}

/** The first position in nested coordinate arrays for which `bad(x, y)` holds, or null. */
/** The first position outside lon/lat range in nested coordinate arrays, or null. */
function findOutside(coordinates: unknown): number[] | null {
	return findPosition(coordinates, (x, y) => Math.abs(x) > 180 || Math.abs(y) > 90);
}
