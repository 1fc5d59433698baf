import { describe, expect, it } from 'vitest';
import { fittingLabels, scaleBar, svgMap } from './svg';
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

	it('labels at the pole of inaccessibility, keeping only the names that do not overlap', () => {
		const map = svgMap(COLLECTION, 208, 4);
		// Each square is 0.1° (11.132 km) wide: 5.566 km from its centre to a side.
		expect(map.shapes.map((s) => s.room)).toEqual([expect.closeTo(5.566, 3), expect.closeTo(5.566, 3)]);
		expect(map.shapes[1]?.label).toEqual({ x: 154, y: 54 });
	});

	it('keeps the roomiest names that fit, none overlapping', () => {
		const shape = (kode: string, nama: string, x: number, room: number) => ({ kode, nama, d: '', label: { x, y: 50 }, room });
		// At 10 units a name is 6 a character + 4: "Hulu" 28 wide, "Tengah" 40, "Hilir" 34.
		const shapes = [shape('a', 'Hulu', 30, 1), shape('b', 'Tengah', 60, 3), shape('c', 'Hilir', 110, 2)];
		// b spans 40–80 and comes first; c (93–127) is clear of it; a (16–44) overlaps b.
		expect(fittingLabels(shapes, 10, 200, 100).map((s) => s.kode)).toEqual(['b', 'c']);
		// A drawing 120 wide cuts c off (127 > 120), and a still overlaps b.
		expect(fittingLabels(shapes, 10, 120, 100).map((s) => s.kode)).toEqual(['b']);
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
