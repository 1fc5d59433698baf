import { describe, expect, it } from 'vitest';
import type { BoundaryCollection, BoundaryFeature, Position } from '$lib/core/geo/types';
import { bboxOf, extentBox } from './bounds';

const ring = (x: number, y: number, size: number): Position[] => [
	[x, y],
	[x + size, y],
	[x + size, y + size],
	[x, y + size],
	[x, y]
];

describe('bboxOf', () => {
	it('frames polygons and multipolygons together', () => {
		const polygon: BoundaryFeature = {
			type: 'Feature',
			properties: { kode: 'p' },
			geometry: { type: 'Polygon', coordinates: [ring(116.5, -0.5, 0.25)] }
		};
		const multi: BoundaryFeature = {
			type: 'Feature',
			properties: { kode: 'm' },
			geometry: { type: 'MultiPolygon', coordinates: [[ring(117, -1, 0.5)], [ring(116, 0, 0.125)]] }
		};
		expect(bboxOf([polygon])).toEqual([116.5, -0.5, 116.75, -0.25]);
		expect(bboxOf([multi])).toEqual([116, -1, 117.5, 0.125]);
		expect(bboxOf([polygon, multi])).toEqual([116, -1, 117.5, 0.125]);
	});

	it('is null for nothing', () => {
		expect(bboxOf([])).toBeNull();
	});
});

describe('extentBox', () => {
	const square = (kode: string, x: number): BoundaryFeature => ({
		type: 'Feature',
		properties: { kode },
		geometry: { type: 'Polygon', coordinates: [ring(x, 0, 1)] }
	});
	const collection = (...features: BoundaryFeature[]): BoundaryCollection => ({ type: 'FeatureCollection', features });
	const villages = collection(square('64.02.06.1001', 0), square('64.02.06.1002', 1), square('64.02.07.1001', 5));
	const kecamatan = collection(square('64.02.06', 10), square('64.02.07', 20));
	const none = collection();

	it('frames every village without a kecamatan filter', () => {
		expect(extentBox(villages, kecamatan, null)).toEqual([0, 0, 6, 1]);
	});

	it('frames the villages of the filtered kecamatan only', () => {
		expect(extentBox(villages, kecamatan, '64.02.06')).toEqual([0, 0, 2, 1]);
	});

	it('uses the kecamatan shapes when there are no village shapes', () => {
		expect(extentBox(none, kecamatan, '64.02.07')).toEqual([20, 0, 21, 1]);
		expect(extentBox(none, kecamatan, null)).toEqual([10, 0, 21, 1]);
	});

	it('frames everything when the filter has no shape, and nothing when there are no shapes', () => {
		expect(extentBox(villages, kecamatan, '64.02.99')).toEqual([0, 0, 6, 1]);
		expect(extentBox(none, none, null)).toBeNull();
	});
});
