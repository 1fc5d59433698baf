/**
 * Reading boundary files (issue 5.4): the committed shapefile ZIP and GeoJSON fixtures through the real
 * shpjs in Node, then matched against the bundled Kukar reference with exact counts; and the errors a
 * wrong file gets, in Bahasa Indonesia and naming the file.
 */
import { readFileSync } from 'node:fs';
// proj4 comes with shpjs (its reprojection library): used here only to write a projected test layer.
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { matchBoundaries } from '../../src/lib/core/geo/match';
import { BoundaryFileError, MAX_BOUNDARY_FEATURES, readBoundaryFile } from '../../src/lib/core/geo/read';
import type { Reference } from '../../src/lib/core/reference';
import { SHAPEFILE_FIELDS, shapefileLayer, shapefileRecords, sourceVillages, zip } from '../fixtures/boundaries/make-shapefile';
import { indonesian } from './in-indonesian';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/boundaries/${name}`, import.meta.url)));
const reference = JSON.parse(readFileSync(new URL('../../data/reference.json', import.meta.url), 'utf8')) as Reference;
const villages = sourceVillages();
const encode = (text: string) => new TextEncoder().encode(text);

const UTM_50S_PRJ =
	'PROJCS["WGS_1984_UTM_Zone_50S",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",10000000.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** Rings compared without regard to winding (shapefiles wind outer rings clockwise). */
function sameRing(a: number[][], b: number[][], tolerance = 0): boolean {
	const close = (p: number[], q: number[]) =>
		Math.abs((p[0] ?? 0) - (q[0] ?? 0)) <= tolerance && Math.abs((p[1] ?? 0) - (q[1] ?? 0)) <= tolerance;
	const equal = (x: number[][]) => x.length === b.length && x.every((p, i) => close(p, b[i] ?? []));
	return equal(a) || equal([...a].reverse());
}

async function expectError(name: string, bytes: Uint8Array, message: string | RegExp): Promise<BoundaryFileError> {
	const error = await readBoundaryFile(name, bytes).then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(BoundaryFileError);
	const failure = error as BoundaryFileError;
	expect(indonesian(failure)).toMatch(message);
	expect(failure.file).toBe(name);
	return failure;
}

describe('the zipped shapefile fixture through shpjs', () => {
	it('reads nine polygon records with their DBF attributes and the source coordinates', async () => {
		const file = await readBoundaryFile('desa-sebagian.zip', fixture('desa-sebagian.zip'));
		expect(file).toMatchObject({ name: 'desa-sebagian.zip', format: 'shapefile', layers: ['batas_desa'], skippedLayers: [] });
		expect(file.features).toHaveLength(9);
		expect(file.features[0]?.properties).toEqual({
			KD_DESA: '6402061003',
			NAMA_DESA: 'BUKIT BIRU',
			KECAMATAN: 'TENGGARONG',
			KD_KEC: '640206',
			LUAS_HA: 523.4
		});
		// A blank number is null, not NaN; text is trimmed by the DBF reader.
		expect(file.features[2]?.properties?.LUAS_HA).toBeNull();
		expect(file.features[7]?.properties?.NAMA_DESA).toBe('Desa   sumber  SARI');

		// Muara Jawa: a MultiPolygon of three parts; Sungai Payang: one polygon with its hole. shpjs runs
		// even the WGS 84 .prj through proj4, which adds float noise far below the 5-decimal source.
		const muaraJawa = villages.get('64.02.14.1008')?.geometry;
		const read = file.features[3]?.geometry as { type: string; coordinates: number[][][][] };
		expect(read.type).toBe('MultiPolygon');
		expect(muaraJawa?.type).toBe('MultiPolygon');
		const parts = (muaraJawa?.coordinates ?? []) as number[][][][];
		expect(read.coordinates).toHaveLength(parts.length);
		for (const part of parts) {
			expect(read.coordinates.some((p) => sameRing(p[0] ?? [], part[0] ?? [], 1e-9))).toBe(true);
		}
		const payang = file.features[4]?.geometry as { type: string; coordinates: number[][][] };
		const source = villages.get('64.02.02.2002')?.geometry.coordinates as number[][][];
		expect(payang.type).toBe('Polygon');
		expect(payang.coordinates).toHaveLength(2);
		expect(sameRing(payang.coordinates[0] ?? [], source[0] ?? [], 1e-9)).toBe(true);
		expect(sameRing(payang.coordinates[1] ?? [], source[1] ?? [], 1e-9)).toBe(true);
	});

	it('matches 5 villages by undotted code and 3 by prefixed, differently cased names; one feature matches nothing', async () => {
		const file = await readBoundaryFile('desa-sebagian.zip', fixture('desa-sebagian.zip'));
		const { collection, report } = matchBoundaries(file.features, reference, 'village');
		expect(report).toMatchObject({ features: 9, units: 237, matched: 8, byCode: 5, byName: 3, duplicates: [] });
		expect(report.unmatched).toEqual([{ index: 8, label: 'NAMA_DESA: DESA TIDAK DIKENAL · KECAMATAN: TENGGARONG', reason: 'no-match' }]);
		expect(report.missing).toHaveLength(229);
		expect(collection.features.map((f) => f.properties.kode)).toEqual([
			'64.02.02.2002',
			'64.02.06.1003',
			'64.02.06.1005',
			'64.02.06.1008',
			'64.02.07.2005',
			'64.02.07.2007',
			'64.02.14.1008',
			'64.02.16.2016'
		]);
		const kampungBaru = collection.features.find((f) => f.properties.kode === '64.02.06.1008');
		expect(kampungBaru?.properties).toMatchObject({
			NAMA_DESA: 'kelurahan kampung baru',
			nama: 'Kampung Baru',
			kecamatan_kode: '64.02.06'
		});
	});

	it('is rebuilt byte for byte by its script', () => {
		const rebuilt = zip(shapefileLayer('batas_desa', SHAPEFILE_FIELDS, shapefileRecords(villages)));
		expect(Buffer.from(rebuilt).equals(Buffer.from(fixture('desa-sebagian.zip')))).toBe(true);
	});
});

describe('the GeoJSON fixture (RBI-style properties)', () => {
	it('reports codes, names, an ambiguous name, another regency, a point, an unknown kecamatan and a duplicate', async () => {
		const file = await readBoundaryFile('desa-rbi.geojson', fixture('desa-rbi.geojson'));
		expect(file).toMatchObject({ format: 'geojson', layers: [], skippedLayers: [] });
		const { collection, report } = matchBoundaries(file.features, reference, 'village');
		expect(report).toMatchObject({ features: 10, matched: 5, byCode: 4, byName: 2 });
		expect(report.missing).toHaveLength(232);
		expect(report.duplicates).toEqual([{ index: 7, firstIndex: 0, kode: '64.02.06.1011', nama: 'Maluhu' }]);
		expect(report.unmatched.map(({ index, reason, detail }) => ({ index, reason, detail }))).toEqual([
			{ index: 5, reason: 'ambiguous', detail: '64.02.04.2007, 64.02.12.2010' },
			{ index: 6, reason: 'outside', detail: '64.71.01.1001' },
			{ index: 8, reason: 'geometry', detail: 'Point' },
			{ index: 9, reason: 'kecamatan-unknown', detail: 'Samarinda Ulu' }
		]);
		expect(collection.features.map((f) => f.properties.kode)).toEqual([
			'64.02.06.1007',
			'64.02.06.1011',
			'64.02.13.1012',
			'64.02.13.2016',
			'64.02.14.1004'
		]);
		expect(collection.features[1]?.geometry.type).toBe('MultiPolygon');
	});
});

describe('shapefile variants', () => {
	const records = shapefileRecords(villages).slice(0, 2);
	const project = (position: number[]) => proj4(UTM_50S_PRJ, [position[0] ?? 0, position[1] ?? 0]);

	it('reprojects a UTM layer to WGS 84 longitude/latitude through its .prj', async () => {
		const bytes = zip(shapefileLayer('utm', SHAPEFILE_FIELDS, records, { prj: UTM_50S_PRJ, project }));
		const file = await readBoundaryFile('utm.zip', bytes);
		const ring = (file.features[0]?.geometry?.coordinates as number[][][])[0] ?? [];
		const source = (villages.get('64.02.06.1003')?.geometry.coordinates as number[][][])[0] ?? [];
		expect(sameRing(ring, source, 1e-7)).toBe(true);
		expect(matchBoundaries(file.features, reference, 'village').report.byCode).toBe(2);
	});

	it('refuses projected coordinates without a .prj, naming the feature', async () => {
		const bytes = zip(shapefileLayer('utm', SHAPEFILE_FIELDS, records, { prj: null, project }));
		const error = await expectError(
			'utm-tanpa-prj.zip',
			bytes,
			/^Berkas 'utm-tanpa-prj\.zip', fitur ke-1: koordinat \(\d+\.\d+, \d+\.\d+\) bukan bujur\/lintang WGS 84\. Sertakan berkas \.prj/
		);
		expect(error.feature).toBe(1);
	});

	it('refuses a .prj in metres over coordinates in degrees (EPSG:3857 written over lon/lat), before reprojecting', async () => {
		const mercator =
			'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';
		const bytes = zip(shapefileLayer('desa', SHAPEFILE_FIELDS, records, { prj: mercator }));
		await expectError(
			'mercator.zip',
			bytes,
			/^Berkas ZIP 'mercator\.zip': desa\.prj menyebut proyeksi dalam meter \(WGS_1984_Web_Mercator_Auxiliary_Sphere\), tetapi koordinat di desa\.shp \(11\d\.\d+, -?\d\.\d+, 11\d\.\d+, -?\d\.\d+\) berupa derajat bujur\/lintang\. Hapus \.prj yang salah/
		);
	});

	it('refuses a WGS 84 .prj over coordinates in metres, asking for the right .prj', async () => {
		const bytes = zip(shapefileLayer('desa', SHAPEFILE_FIELDS, records, { project }));
		await expectError(
			'utm-prj-salah.zip',
			bytes,
			/^Berkas ZIP 'utm-prj-salah\.zip': desa\.prj menyebut koordinat derajat \(GCS_WGS_1984\), tetapi koordinat di desa\.shp \(\d{6}\.\d+, \d{7}\.\d+, \d{6}\.\d+, \d{7}\.\d+\) bukan derajat/
		);
	});

	it('refuses coordinates outside Indonesia, naming the feature', async () => {
		const toEurope = (position: number[]) => [(position[0] ?? 0) - 112, (position[1] ?? 0) + 52.8];
		const error = await expectError(
			'eropa.zip',
			zip(shapefileLayer('desa', SHAPEFILE_FIELDS, records, { project: toEurope })),
			/^Berkas 'eropa\.zip', fitur ke-1: koordinat \(\d\.\d+, 52\.\d+\) berada di luar wilayah Indonesia/
		);
		expect(error.feature).toBe(1);
		const geojson = encode(
			'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[116.9,-0.4],[117,-0.4],[117,-0.3],[116.9,-0.4]]]}},{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0.00001,0],[0.00001,0.00001],[0,0]]]}}]}'
		);
		expect(
			(
				await expectError(
					'nol.geojson',
					geojson,
					"Berkas 'nol.geojson', fitur ke-2: koordinat (0, 0) berada di luar wilayah Indonesia, jadi batas ini tidak dapat dipetakan. Periksa proyeksi berkas (.prj) dan urutan bujur/lintang, atau minta berkas batas desa yang benar dari Bappeda."
				)
			).feature
		).toBe(2);
	});

	it('refuses a ZIP whose shapefile parts declare more than the limit, before inflating them', async () => {
		const bytes = zip(shapefileLayer('desa', SHAPEFILE_FIELDS, records));
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		const names = new TextDecoder();
		// The .shp's declared size in the central directory (the size fflate inflates to) set to 600 MiB.
		for (let at = 0; at + 46 <= bytes.length; at++) {
			if (view.getUint32(at, true) !== 0x02014b50) continue;
			const name = names.decode(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
			if (name === 'desa.shp') view.setUint32(at + 24, 600 * 1024 * 1024, true);
		}
		await expectError(
			'bom.zip',
			bytes,
			"Berkas 'bom.zip' terlalu besar untuk berkas batas wilayah (600 MB setelah dibuka; paling besar 512 MB). Gunakan berkas batas desa kabupaten ini saja."
		);
	});

	it(`refuses a file of more than ${MAX_BOUNDARY_FEATURES} features`, async () => {
		const feature =
			'{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[116.9,-0.4],[117,-0.4],[117,-0.3],[116.9,-0.4]]]}}';
		const text = `{"type":"FeatureCollection","features":[${Array.from({ length: MAX_BOUNDARY_FEATURES + 1 }, () => feature).join(',')}]}`;
		await expectError(
			'nasional.geojson',
			encode(text),
			`Berkas 'nasional.geojson' berisi ${MAX_BOUNDARY_FEATURES + 1} fitur; paling banyak ${MAX_BOUNDARY_FEATURES}. Gunakan berkas batas desa kabupaten ini saja.`
		);
	});

	it('merges polygon layers, skips point layers, finds upper-case parts in folders and ignores __MACOSX', async () => {
		const a = shapefileLayer('peta/BAGIAN_A', SHAPEFILE_FIELDS, records.slice(0, 1));
		const b = shapefileLayer('peta/bagian_b', SHAPEFILE_FIELDS, records.slice(1, 2));
		const upper = Object.fromEntries(
			Object.entries(a).map(([name, data]) => [name.replace(/\.(\w+)$/, (_, ext: string) => `.${ext.toUpperCase()}`), data])
		);
		const files = {
			...upper,
			...b,
			'peta/kantor.shp': pointShp([[116.99, -0.42]]),
			'peta/kantor.dbf': b['peta/bagian_b.dbf'] as Uint8Array,
			'__MACOSX/peta/._bagian_b.shp': encode('x')
		};
		const file = await readBoundaryFile('dua-lapisan.zip', zip(files));
		expect(file.layers).toEqual(['peta/BAGIAN_A', 'peta/bagian_b']);
		expect(file.skippedLayers).toEqual(['peta/kantor']);
		expect(file.features.map((f) => f.properties?.KD_DESA)).toEqual(['6402061003', '6402061005']);
	});

	it('refuses a layer without its .dbf and a ZIP without a .shp', async () => {
		const layer = shapefileLayer('batas', SHAPEFILE_FIELDS, records);
		delete layer['batas.dbf'];
		await expectError('tanpa-dbf.zip', zip(layer), "Berkas ZIP 'tanpa-dbf.zip': batas.shp tanpa batas.dbf");
		await expectError(
			'dokumen.zip',
			zip({ 'baca saya.txt': encode('halo'), 'batas.dbf': encode('x') }),
			"Berkas ZIP 'dokumen.zip' tidak berisi shapefile (.shp); isinya: baca saya.txt, batas.dbf."
		);
		await expectError(
			'titik.zip',
			zip({ 'titik.shp': pointShp([[116.9, -0.4]]) }),
			"Berkas ZIP 'titik.zip' tidak berisi poligon: lapisan titik berisi titik atau garis"
		);
	});
});

describe('GeoJSON and other files that are refused', () => {
	it('names the file and, where it can, the feature and property', async () => {
		await expectError(
			'batas.geojson',
			encode('{"type": "FeatureCollection", "features": [ {'),
			/^Berkas 'batas\.geojson' bukan JSON yang sah: /
		);
		await expectError(
			'peta.kml',
			encode('<kml></kml>'),
			"Berkas 'peta.kml' bukan GeoJSON (.geojson/.json) atau shapefile dalam ZIP (.zip)."
		);
		await expectError('batas.zip', encode('bukan zip'), "Berkas 'batas.zip' bukan ZIP yang sah");
		await expectError('batas.shp', encode('x'), "Berkas 'batas.shp' hanya satu bagian dari shapefile.");
		await expectError('kosong.geojson', new Uint8Array(), "Berkas 'kosong.geojson' kosong.");
		await expectError('topo.json', encode('{"type":"Topology","objects":{}}'), "Berkas 'topo.json' adalah TopoJSON");
		await expectError(
			'geom.json',
			encode('{"type":"Polygon","coordinates":[]}'),
			"Berkas 'geom.json' hanya berisi geometri tanpa properti"
		);
		await expectError(
			'titik.geojson',
			encode(
				'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[116,-0.4]}}]}'
			),
			"Berkas 'titik.geojson' tidak berisi poligon (batas wilayah); geometrinya: Point."
		);
		await expectError('nol.geojson', encode('{"type":"FeatureCollection","features":[]}'), "Berkas 'nol.geojson' tidak berisi fitur.");
		const properties = await expectError(
			'rusak.geojson',
			encode(
				'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},{"type":"Feature","properties":"Desa X","geometry":null}]}'
			),
			'Berkas \'rusak.geojson\', fitur ke-2: "properties" bukan objek.'
		);
		expect(properties).toMatchObject({ feature: 2, property: 'properties' });
		const mercator = await expectError(
			'mercator.geojson',
			encode(
				'{"type":"Feature","properties":{"KODE":"6402061001"},"geometry":{"type":"Polygon","coordinates":[[[12950000,-45000],[12951000,-45000],[12951000,-44000],[12950000,-45000]]]}}'
			),
			"Berkas 'mercator.geojson', fitur ke-1: koordinat (12950000, -45000) bukan bujur/lintang WGS 84. GeoJSON harus memakai WGS 84 (EPSG:4326)"
		);
		expect(mercator).toMatchObject({ feature: 1, property: 'geometry' });
	});

	it('reads a single Feature and a file with a byte order mark', async () => {
		const feature = { type: 'Feature', properties: { KODE: '64.02.06.1003' }, geometry: villages.get('64.02.06.1003')?.geometry };
		const file = await readBoundaryFile('satu.txt', encode(`\ufeff  ${JSON.stringify(feature)}`));
		expect(file.features).toHaveLength(1);
		expect(matchBoundaries(file.features, reference, 'village').report.byCode).toBe(1);
	});
});

/** A point shapefile (shape type 1), enough to show point layers are left out. */
function pointShp(points: number[][]): Uint8Array {
	const bytes = new Uint8Array(100 + points.length * 28);
	const view = new DataView(bytes.buffer);
	view.setInt32(0, 9994);
	view.setInt32(24, bytes.length / 2);
	view.setInt32(28, 1000, true);
	view.setInt32(32, 1, true);
	points.forEach((point, i) => {
		const at = 100 + i * 28;
		view.setInt32(at, i + 1);
		view.setInt32(at + 4, 10);
		view.setInt32(at + 8, 1, true);
		view.setFloat64(at + 12, point[0] ?? 0, true);
		view.setFloat64(at + 20, point[1] ?? 0, true);
	});
	return bytes;
}
