/** Words for a refused boundary file, refused class breaks and a file name the engine refuses (core/messages/geo.ts). */
import type { BoundaryMessages, ClassBreakMessages, EngineMessages } from '../core/messages/geo';
import { m } from '../paraglide/messages.js';
import { message, type WordTable } from './render';

export const BOUNDARY_WORDS: WordTable<keyof BoundaryMessages> = {
	'boundary.empty': message(m.said_boundary_empty),
	'boundary.bad_zip': message(m.said_boundary_bad_zip),
	'boundary.shapefile_part': message(m.said_boundary_shapefile_part),
	'boundary.unknown_format': message(m.said_boundary_unknown_format),
	'boundary.not_json': message(m.said_boundary_not_json),
	'boundary.not_object': message(m.said_boundary_not_object),
	'boundary.no_features_list': message(m.said_boundary_no_features_list),
	'boundary.topojson': message(m.said_boundary_topojson),
	'boundary.bare_geometry': message(m.said_boundary_bare_geometry),
	'boundary.bad_type': message(m.said_boundary_bad_type),
	'boundary.feature_not_object': message(m.said_boundary_feature_not_object),
	'boundary.properties_not_object': message(m.said_boundary_properties_not_object),
	'boundary.geometry_without_type': message(m.said_boundary_geometry_without_type),
	'boundary.zip_unreadable': message(m.said_boundary_zip_unreadable),
	'boundary.no_shapefile': (p, locale) => {
		const paths = `${p.contents.join(', ')}${p.more ? ', …' : ''}`;
		const contents = p.contents.length > 0 ? m.said_boundary_zip_contents({ paths }, { locale }) : '';
		return m.said_boundary_no_shapefile({ file: p.file, contents }, { locale });
	},
	'boundary.shp_unreadable': message(m.said_boundary_shp_unreadable),
	'boundary.no_dbf': message(m.said_boundary_no_dbf),
	'boundary.dbf_unreadable': message(m.said_boundary_dbf_unreadable),
	'boundary.no_polygon_layer': (p, locale) => m.said_boundary_no_polygon_layer({ file: p.file, layers: p.layers.join(', ') }, { locale }),
	'boundary.no_features': message(m.said_boundary_no_features),
	'boundary.no_polygons': (p, locale) =>
		m.said_boundary_no_polygons(
			{ file: p.file, types: p.types.map((t) => t ?? m.said_boundary_no_geometry({}, { locale })).join(', ') },
			{ locale }
		),
	// The Data screen's own words for it, one per level.
	'boundary.none_matched': ({ level, ...p }, locale) =>
		level === 'village' ? m.boundary_none_matched_village(p, { locale }) : m.boundary_none_matched_kecamatan(p, { locale }),
	'boundary.too_large': message(m.said_boundary_too_large),
	'boundary.too_many_features': message(m.said_boundary_too_many_features),
	'boundary.outside_indonesia': (p, locale) =>
		m.said_boundary_outside_indonesia({ file: p.file, feature: p.feature, coordinates: p.coordinates.join(', ') }, { locale }),
	'boundary.outside_regency': (p, locale) =>
		m.said_boundary_outside_regency({ ...p, coordinates: p.coordinates.join(', '), box: p.box.join(', ') }, { locale }),
	'boundary.far_from_others': (p, locale) =>
		m.said_boundary_far_from_others({ ...p, coordinates: p.coordinates.join(', '), middle: p.middle.join(', ') }, { locale }),
	'boundary.away_from_islands': (p, locale) =>
		m.said_boundary_away_from_islands({ ...p, box: p.box.join(', '), islandBox: p.islandBox.join(', ') }, { locale }),
	'boundary.prj_projected_over_degrees': (p, locale) =>
		m.said_boundary_prj_projected_over_degrees({ ...p, box: p.box.join(', ') }, { locale }),
	'boundary.prj_degrees_over_metres': (p, locale) => m.said_boundary_prj_degrees_over_metres({ ...p, box: p.box.join(', ') }, { locale }),
	'boundary.not_lon_lat': (p, locale) =>
		m.said_boundary_not_lon_lat(
			{
				file: p.file,
				feature: p.feature,
				coordinates: p.coordinates.join(', '),
				hint: p.format === 'shapefile' ? m.said_boundary_hint_shapefile({}, { locale }) : m.said_boundary_hint_geojson({}, { locale })
			},
			{ locale }
		)
};

export const CLASS_BREAK_WORDS: WordTable<keyof ClassBreakMessages> = {
	'breaks.not_number': message(m.said_breaks_not_number),
	'breaks.not_rising': message(m.said_breaks_not_rising)
};

export const ENGINE_WORDS: WordTable<keyof EngineMessages> = {
	'engine.bad_file_name': message(m.said_engine_bad_file_name),
	'engine.worker_failed': message(m.said_engine_worker_failed)
};
