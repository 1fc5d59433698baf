/**
 * Issue 11.2 on Berau's real boundaries (../shared/geo/berau-desa.geojson: 110 villages, 18
 * MultiPolygons, ring winding as in the source): the matcher finds every village whatever the file
 * calls its fields (RBI's KDEPUM/NAMOBJ/WADMKC/WADMKK, undotted codes, or kecamatan + name only), and
 * kecamatan outlines are dissolved from the villages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diskWilayah } from '../../src/cli/wilayah';
import { kecamatanFromVillages } from '../../src/lib/core/geo/dissolve';
import { matchBoundaries } from '../../src/lib/core/geo/match';
import type { BoundaryCollection, BoundaryFeature, InputFeature, Position } from '../../src/lib/core/geo/types';
import type { Reference } from '../../src/lib/core/reference';
import { loadRegencyReference } from '../../src/lib/core/wilayah';
import { bboxOf } from '../../src/lib/ui/map/bounds';

const berau = (await loadRegencyReference(diskWilayah, '64.03')) as Reference;
const file = JSON.parse(readFileSync(new URL('../../../shared/geo/berau-desa.geojson', import.meta.url), 'utf8')) as BoundaryCollection;
const kecamatanFile = JSON.parse(
	readFileSync(new URL('../../../shared/geo/berau-kecamatan.geojson', import.meta.url), 'utf8')
) as BoundaryCollection;

/** The Berau villages with only the properties a BIG/RBI layer would have. */
function rbi(properties: (f: BoundaryFeature) => Record<string, unknown>): InputFeature[] {
	return file.features.map((f) => ({ properties: properties(f), geometry: f.geometry as InputFeature['geometry'] }));
}

const kecamatanName = (kode: string) => berau.kecamatan.find((k) => k.kode === kode)?.nama ?? '';

/** Signed area of a ring (shoelace): positive when counter-clockwise in lon/lat. */
function signedArea(ring: readonly Position[]): number {
	let sum = 0;
	for (let i = 0; i < ring.length - 1; i++) {
		const [x1 = 0, y1 = 0] = ring[i] ?? [];
		const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
		sum += x1 * y2 - x2 * y1;
	}
	return sum / 2;
}

describe('Berau village boundaries', () => {
	it('are read as they are: 110 villages, 18 of them MultiPolygons, outer rings clockwise (not RFC 7946)', () => {
		expect(file.features).toHaveLength(110);
		expect(file.features.filter((f) => f.geometry.type === 'MultiPolygon')).toHaveLength(18);
		const outer = file.features.flatMap((f) =>
			f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p) => p[0])
		);
		const windings = new Set(outer.map((ring) => Math.sign(signedArea(ring ?? []))));
		expect(windings).toEqual(new Set([-1]));
	});

	it('match Berau by RBI fields with undotted codes, and by kecamatan + name alone', () => {
		const byCode = matchBoundaries(
			rbi((f) => ({
				KDEPUM: f.properties.kode.replace(/\./g, ''),
				NAMOBJ: `DESA ${String(f.properties.nama).toUpperCase()}`,
				WADMKC: kecamatanName(String(f.properties.kecamatan_kode)),
				WADMKK: 'Berau'
			})),
			berau,
			'village'
		);
		expect(byCode.report).toMatchObject({
			features: 110,
			matched: 110,
			byCode: 110,
			byName: 0,
			missing: [],
			unmatched: [],
			duplicates: []
		});

		const byName = matchBoundaries(
			rbi((f) => ({ NAMOBJ: String(f.properties.nama), WADMKC: kecamatanName(String(f.properties.kecamatan_kode)).toUpperCase() })),
			berau,
			'village'
		);
		expect(byName.report).toMatchObject({ features: 110, matched: 110, byCode: 0, byName: 110, missing: [], unmatched: [] });
		expect(byName.collection.features.map((f) => f.properties.kode).sort()).toEqual(berau.villages.map((v) => v.kode));
	});

	it('dissolve into Berau’s 13 kecamatan, every village inside its kecamatan’s bounding box', () => {
		const villages = matchBoundaries(file.features, berau, 'village').collection;
		const { collection, grouped } = kecamatanFromVillages(villages, berau);
		expect(grouped).toEqual([]);
		expect(collection.features.map((f) => f.properties.kode)).toEqual(berau.kecamatan.map((k) => k.kode));
		expect(collection.features.map((f) => f.properties.nama)).toEqual(berau.kecamatan.map((k) => k.nama));
		expect(collection.features.reduce((n, f) => n + Number(f.properties.villages), 0)).toBe(110);
		for (const village of villages.features) {
			const kecamatan = collection.features.find((f) => f.properties.kode === village.properties.kecamatan_kode);
			expect(kecamatan, village.properties.kode).toBeDefined();
			const [vw, vs, ve, vn] = bboxOf([village]) ?? [];
			const [kw, ks, ke, kn] = bboxOf([kecamatan as BoundaryFeature]) ?? [];
			const inside =
				(vw ?? 0) >= (kw ?? 0) - 1e-9 && (vs ?? 0) >= (ks ?? 0) - 1e-9 && (ve ?? 0) <= (ke ?? 0) + 1e-9 && (vn ?? 0) <= (kn ?? 0) + 1e-9;
			expect(inside, `${village.properties.kode} in ${kecamatan?.properties.kode}`).toBe(true);
		}
		// Outer rings come out counter-clockwise (RFC 7946), whatever the input's winding.
		for (const f of collection.features) {
			const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
			for (const polygon of polygons) expect(signedArea(polygon[0] ?? [])).toBeGreaterThan(0);
		}
		// The dissolved kecamatan lie where the separately surveyed kecamatan file puts them.
		for (const derived of collection.features) {
			const surveyed = kecamatanFile.features.find((f) => f.properties.kode === derived.properties.kode);
			const [dw = 0, ds = 0, de = 0, dn = 0] = bboxOf([derived]) ?? [];
			const [sw = 0, ss = 0, se = 0, sn = 0] = bboxOf([surveyed as BoundaryFeature]) ?? [];
			const overlap = Math.min(de, se) > Math.max(dw, sw) && Math.min(dn, sn) > Math.max(ds, ss);
			expect(overlap, String(derived.properties.kode)).toBe(true);
		}
	});

	it('groups a kecamatan’s villages when their rings cannot be dissolved', () => {
		const maratua: BoundaryCollection = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { kode: '64.03.11.2001' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[118, 2],
								[118.1, 2],
								[118.1, 2.1],
								[118, 2]
							]
						]
					}
				},
				{
					type: 'Feature',
					properties: { kode: '64.03.11.2002' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[118.2, 2],
								[118.3, 2],
								[118.3, 2.1],
								[118.2, 2]
							]
						]
					}
				}
			]
		};
		// What polygon-clipping does on some degenerate rings: it throws.
		const failing = () => {
			throw new Error('Unable to complete output ring');
		};
		const { collection, grouped } = kecamatanFromVillages(maratua, berau, failing);
		expect(grouped).toEqual(['64.03.11']);
		expect(collection.features).toHaveLength(1);
		expect(collection.features[0]?.geometry).toMatchObject({ type: 'MultiPolygon' });
		expect(collection.features[0]?.geometry.coordinates).toHaveLength(2);
	});
});
