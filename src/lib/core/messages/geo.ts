/**
 * Why a boundary file is refused (core/geo/read.ts), why typed class breaks are (core/geo/classify.ts)
 * and why the engine refuses a file name (engine/). A foreign library's own error text travels as
 * `detail`; numbers as numbers.
 */
import type { NoParams } from './coded';

export interface BoundaryMessages {
	'boundary.empty': { file: string };
	'boundary.bad_zip': { file: string };
	'boundary.shapefile_part': { file: string };
	'boundary.unknown_format': { file: string };
	'boundary.not_json': { file: string; detail: string };
	'boundary.not_object': { file: string };
	'boundary.no_features_list': { file: string };
	'boundary.topojson': { file: string };
	'boundary.bare_geometry': { file: string };
	'boundary.bad_type': { file: string };
	'boundary.feature_not_object': { file: string; feature: number };
	'boundary.properties_not_object': { file: string; feature: number };
	'boundary.geometry_without_type': { file: string; feature: number };
	'boundary.zip_unreadable': { file: string; detail: string };
	/** `contents`: up to five paths in the ZIP; `more` when it holds others too. */
	'boundary.no_shapefile': { file: string; contents: string[]; more: boolean };
	'boundary.shp_unreadable': { file: string; layer: string; detail: string };
	'boundary.no_dbf': { file: string; layer: string };
	'boundary.dbf_unreadable': { file: string; layer: string; detail: string };
	'boundary.no_polygon_layer': { file: string; layers: string[] };
	'boundary.no_features': { file: string };
	/** `types`: the geometry types found, null for a feature without geometry. */
	'boundary.no_polygons': { file: string; types: (string | null)[] };
	/** An import that matched no area of the regency (state/BoundaryModel). */
	'boundary.none_matched': { file: string; count: number; kabupaten: string; level: 'village' | 'kecamatan' };
	'boundary.not_lon_lat': { file: string; feature: number; coordinates: number[]; format: 'geojson' | 'shapefile' };
	'boundary.too_large': { file: string; megabytes: number; limitMegabytes: number };
	'boundary.too_many_features': { file: string; count: number; max: number };
	'boundary.outside_indonesia': { file: string; feature: number; coordinates: number[] };
	/** A matched shape reaches beyond the regency's bundled shapes' box (`box`: west, south, east, north). */
	'boundary.outside_regency': { file: string; feature: number; kode: string; kabupaten: string; coordinates: number[]; box: number[] };
	/** A matched shape lies more than `span` degrees from the middle of the file's other shapes. */
	'boundary.far_from_others': {
		file: string;
		feature: number;
		kode: string;
		kabupaten: string;
		coordinates: number[];
		middle: number[];
		span: number;
	};
	/** A file covering (nearly) the whole regency lies away from all of its `islands` islands. */
	'boundary.away_from_islands': { file: string; kabupaten: string; islands: number; box: number[]; islandBox: number[] };
	/** The `.prj` names a projection in metres, and the `.shp` box is in degrees. */
	'boundary.prj_projected_over_degrees': { file: string; layer: string; projection: string; box: number[] };
	/** The `.prj` names degrees, and the `.shp` box is beyond them. */
	'boundary.prj_degrees_over_metres': { file: string; layer: string; projection: string; box: number[] };
}

export interface ClassBreakMessages {
	'breaks.not_number': { position: number };
	'breaks.not_rising': { previous: number; next: number };
}

export interface EngineMessages {
	'engine.bad_file_name': { name: string };
	/** The duckdb-wasm worker script failed to load or run (BrowserEngine.open). */
	'engine.worker_failed': { build: 'coi' | 'eh' };
}

export type { NoParams };
