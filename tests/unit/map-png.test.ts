/**
 * Issue 15 point 3: the pure parts of the map image and the names layer: which shapes the image of a
 * view draws, its file name, and whose names the map shows at a zoom.
 */
import { describe, expect, it } from 'vitest';
import type { BoundaryCollection, BoundaryFeature } from '../../src/lib/core/geo/types';
import { VILLAGE_LABEL_ZOOM, labelLevel } from '../../src/lib/ui/map/label-layer';
import { pngShapes } from '../../src/lib/ui/map/map-png';
import { fileSlug, mapPngName } from '../../src/lib/ui/map/svg-png';

const square = (kode: string): BoundaryFeature => ({
	type: 'Feature',
	properties: { kode },
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 0]
			]
		]
	}
});
const collection = (...kodes: string[]): BoundaryCollection => ({ type: 'FeatureCollection', features: kodes.map(square) });

describe('pngShapes', () => {
	const villages = collection('64.02.06.1001', '64.02.06.2012', '64.02.07.2001');
	const kecamatan = collection('64.02.06', '64.02.07');
	const kodes = (c: BoundaryCollection | null) => c?.features.map((f) => f.properties.kode) ?? null;

	it('draws the villages under the kecamatan, named by kecamatan, for the whole regency', () => {
		const shapes = pngShapes('village', null, villages, kecamatan);
		expect([kodes(shapes.villages), kodes(shapes.kecamatan), shapes.labels]).toEqual([
			['64.02.06.1001', '64.02.06.2012', '64.02.07.2001'],
			['64.02.06', '64.02.07'],
			'kecamatan'
		]);
	});

	it('draws one kecamatan and its villages, named by village, when the village map is filtered', () => {
		const shapes = pngShapes('village', '64.02.06', villages, kecamatan);
		expect([kodes(shapes.villages), kodes(shapes.kecamatan), shapes.labels]).toEqual([
			['64.02.06.1001', '64.02.06.2012'],
			['64.02.06'],
			'village'
		]);
	});

	it('draws only the kecamatan at kecamatan level, filtered or not (the others are drawn pale)', () => {
		for (const filter of [null, '64.02.06']) {
			const shapes = pngShapes('kecamatan', filter, villages, kecamatan);
			expect([shapes.villages, kodes(shapes.kecamatan), shapes.labels]).toEqual([null, ['64.02.06', '64.02.07'], 'kecamatan']);
		}
	});
});

describe('the image file name', () => {
	it('is peta-<subject>-<regency>-<date>, in plain lower-case words', () => {
		expect(mapPngName('rtlh', 'Kabupaten Kutai Kartanegara', new Date(2026, 11, 4, 23, 59))).toBe(
			'peta-rtlh-kutai-kartanegara-2026-12-04.png'
		);
		expect(mapPngName('pip-belum-terdanai', 'Kota Samarinda', new Date(2027, 0, 9))).toBe(
			'peta-pip-belum-terdanai-samarinda-2027-01-09.png'
		);
		expect(mapPngName('ats_sd', 'Kab. Pulau Taliabu', new Date(2026, 2, 1))).toBe('peta-ats-sd-pulau-taliabu-2026-03-01.png');
	});

	it('keeps nothing but letters, digits and single dashes', () => {
		expect(fileSlug(' Muara  Jawa / Ulu ')).toBe('muara-jawa-ulu');
		expect(fileSlug('Tanjung Redeb (Berau) é')).toBe('tanjung-redeb-berau-e');
		expect(fileSlug('../../etc')).toBe('etc');
	});
});

describe('labelLevel', () => {
	it('names kecamatan at kecamatan level, and on the village map until zoomed in', () => {
		expect(labelLevel('kecamatan', 12)).toBe('kecamatan');
		expect(labelLevel('village', 7)).toBe('kecamatan');
		expect(labelLevel('village', VILLAGE_LABEL_ZOOM - 0.01)).toBe('kecamatan');
		expect(labelLevel('village', VILLAGE_LABEL_ZOOM)).toBe('village');
	});
});
