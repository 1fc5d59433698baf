import { describe, expect, it } from 'vitest';
import { scaleBar, svgMap } from './svg';
import type { BoundaryCollection } from './types';

// Two 0.1° squares side by side on the equator, the second a MultiPolygon with a repeated point.
const COLLECTION: BoundaryCollection = {
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			properties: { kode: '64.02.01.2001', nama: 'Barat' },
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[116, 0],
						[116.1, 0],
						[116.1, 0.1],
						[116, 0.1],
						[116, 0]
					]
				]
			}
		},
		{
			type: 'Feature',
			properties: { kode: '64.02.01.2002' },
			geometry: {
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[116.1, 0],
							[116.2, 0],
							[116.2, 0],
							[116.2, 0.1],
							[116.1, 0.1],
							[116.1, 0]
						]
					]
				]
			}
		}
	]
};

describe('boundaries as SVG paths', () => {
	it('fits the width, keeps the shape (north up), drops repeated points and names a feature by its code when it has no name', () => {
		const map = svgMap(COLLECTION, 208, 4);
		expect(map.height).toBe(108);
		expect(map.shapes.map((s) => [s.kode, s.nama, s.d])).toEqual([
			['64.02.01.2001', 'Barat', 'M4 104L104 104L104 4L4 4L4 104Z'],
			['64.02.01.2002', '64.02.01.2002', 'M104 104L204 104L204 4L104 4L104 104Z']
		]);
		expect(map.shapes[0]?.label).toEqual({ x: 54, y: 54 });
		// 0.2° of longitude over 200 units at the equator.
		expect(map.kmPerUnit).toBeCloseTo((0.2 * 111.32) / 200, 6);
	});

	it('no shapes: an empty drawing', () => {
		expect(svgMap({ type: 'FeatureCollection', features: [] }, 100)).toEqual({ width: 100, height: 0, shapes: [], kmPerUnit: 0 });
	});

	it('a scale bar of a round length that fits', () => {
		expect(scaleBar(0.5, 100)).toEqual({ km: 50, units: 100 });
		expect(scaleBar(0.3, 100)).toEqual({ km: 20, units: 20 / 0.3 });
		expect(scaleBar(0.07, 100)).toEqual({ km: 5, units: 5 / 0.07 });
		expect(scaleBar(0, 100)).toBeNull();
	});
});
