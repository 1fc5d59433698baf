/**
 * The boundary target: village boundaries as GeoJSON and as a zipped shapefile, damaged (invalid
 * rings, wrong coordinates, a missing .dbf, a truncated .shp, a ZIP declaring a bomb's size, a wrong
 * .prj), read and matched to the Kukar reference as the Data screen does: shapes, or a
 * BoundaryFileError naming the file.
 */
import { matchBoundaries } from '../../src/lib/core/geo/match';
import { BoundaryFileError, readBoundaryFile } from '../../src/lib/core/geo/read';
import { REFERENCE } from '../../src/lib/sample/region';
import { errorWords } from '../../src/lib/words';
import { SHAPEFILE_FIELDS, rbiGeoJson, shapefileLayer, shapefileRecords, zip } from '../fixtures/boundaries/make-shapefile';
import { flipBytes, truncateAt, utf8 } from './bytes';
import type { Random } from './random';
import type { Damage, FuzzInput, Outcome } from './types';

type Position = unknown[];
interface Feature {
	type: 'Feature';
	properties: Record<string, unknown> | null;
	geometry: { type: string; coordinates: unknown } | null;
}

const collection = () => rbiGeoJson() as { type: string; features: Feature[] };
const geojson = (value: unknown) => ({ name: 'batas-rusak.geojson', bytes: utf8(JSON.stringify(value)) });

/** The collection with one polygon feature's first ring changed by `change`. */
function withRing(random: Random, change: (ring: Position[]) => unknown): unknown {
	const value = collection();
	const polygons = value.features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
	const feature = random.pick(polygons);
	const geometry = feature.geometry;
	if (!geometry) return value;
	const rings = (geometry.type === 'Polygon' ? geometry.coordinates : (geometry.coordinates as unknown[][])[0]) as Position[][];
	rings[0] = change(rings[0] ?? []) as Position[];
	return value;
}

function shapefileZip(random: Random, change?: (files: Record<string, Uint8Array>) => void): Uint8Array {
	const records = shapefileRecords().slice(0, random.int(1, 9));
	const files = shapefileLayer('desa', SHAPEFILE_FIELDS, records);
	change?.(files);
	return zip(files);
}

const shapefile = (bytes: Uint8Array) => ({ name: 'batas-rusak.zip', bytes });

/** The ZIP with every central directory entry's declared size (what fflate inflates to) set to `size`. */
function declaring(bytes: Uint8Array, size: number): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let i = 0; i + 46 <= bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
	return bytes;
}

export const BOUNDARY_DAMAGES: Damage[] = [
	{ name: 'geojson-intact', expect: 'either', make: () => geojson(collection()) },
	{ name: 'shapefile-intact', expect: 'either', make: (r) => shapefile(shapefileZip(r)) },
	{ name: 'ring-too-short', expect: 'either', make: (r) => geojson(withRing(r, (ring) => ring.slice(0, r.int(0, 2)))) },
	{ name: 'ring-unclosed', expect: 'either', make: (r) => geojson(withRing(r, (ring) => ring.slice(0, -1))) },
	{
		name: 'bad-position',
		expect: 'either',
		make: (r) =>
			geojson(
				withRing(r, (ring) =>
					ring.map((p, i) => (i === 1 ? r.pick<unknown>([['x', 1], [null, null], [], [117], 'NaN', [1e308, 1e308]]) : p))
				)
			)
	},
	{ name: 'swapped-axes', expect: 'refused', make: (r) => geojson(withRing(r, (ring) => ring.map((p) => [p[1], p[0]]))) },
	{
		name: 'outside-indonesia',
		expect: 'refused',
		make: (r) => geojson(withRing(r, (ring) => ring.map((p) => [Number(p[0]) - 112, Number(p[1]) + 52])))
	},
	{
		name: 'prototype-property',
		expect: 'either',
		make: (r) => {
			const value = collection();
			const feature = r.pick(value.features);
			feature.properties = JSON.parse(
				'{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "NAMOBJ": "Maluhu"}'
			) as Record<string, unknown>;
			return geojson(value);
		}
	},
	{
		name: 'deep-nesting',
		expect: 'refused',
		make: (r) => ({
			name: 'batas-rusak.geojson',
			bytes: utf8(`{"type":"FeatureCollection","features":${'['.repeat(r.pick([1000, 100_000]))}`)
		})
	},
	{
		name: 'geojson-truncated',
		expect: 'either',
		make: (r) => ({ name: 'batas-rusak.geojson', bytes: truncateAt(utf8(JSON.stringify(collection())), r) })
	},
	{
		name: 'geojson-flipped',
		expect: 'either',
		make: (r) => ({ name: 'batas-rusak.geojson', bytes: flipBytes(utf8(JSON.stringify(collection())), r) })
	},
	{ name: 'shapefile-no-dbf', expect: 'refused', make: (r) => shapefile(shapefileZip(r, (files) => delete files['desa.dbf'])) },
	{
		name: 'shapefile-truncated-shp',
		expect: 'either',
		make: (r) =>
			shapefile(
				shapefileZip(r, (files) => {
					const shp = files['desa.shp'];
					if (shp) files['desa.shp'] = truncateAt(shp, r);
				})
			)
	},
	{ name: 'shapefile-declared-bomb', expect: 'refused', make: (r) => shapefile(declaring(shapefileZip(r), 0x7fffffff)) },
	{ name: 'shapefile-flipped', expect: 'either', make: (r) => shapefile(flipBytes(shapefileZip(r), r)) },
	{
		name: 'shapefile-wrong-prj',
		expect: 'refused',
		make: (r) =>
			shapefile(
				shapefileZip(r, (files) => {
					files['desa.prj'] = utf8(
						'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]'
					);
				})
			)
	}
];

export async function runBoundary(input: FuzzInput): Promise<Omit<Outcome, 'input' | 'ms'>> {
	try {
		const read = await readBoundaryFile(input.name, input.bytes);
		const { report } = matchBoundaries(read.features, REFERENCE, 'village');
		if ('polluted' in Object.prototype) return { verdict: 'silently-wrong', detail: 'prototype polluted' };
		if (input.expect === 'refused')
			return { verdict: 'silently-wrong', detail: `accepted ${read.features.length} features that must be refused` };
		return { verdict: 'loaded', detail: `${report.matched} of ${read.features.length} matched` };
	} catch (error) {
		if (!(error instanceof BoundaryFileError)) return { verdict: 'crashed', detail: String(error instanceof Error ? error.stack : error) };
		const words = errorWords(error, 'id');
		return { verdict: words.includes(input.name) ? 'refused' : 'unclear', detail: words };
	}
}
