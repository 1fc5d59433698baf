import { describe, expect, it } from 'vitest';
import type { BoundaryFeature, Position } from '$lib/core/geo/types';
import { bboxOf } from './bounds';

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
