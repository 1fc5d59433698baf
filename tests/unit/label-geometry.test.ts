/**
 * Issue 15 point 3: where the map's names go. The pole of inaccessibility of hand-made shapes, whose
 * answers are worked out by hand below, and the greedy placement that keeps names from overlapping.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelBox } from '../../src/lib/core/geo/label-placement';
import { areaLabels, labelPoint, poleOfInaccessibility, signedDistance, type Point } from '../../src/lib/core/geo/label-point';
import type { BoundaryCollection } from '../../src/lib/core/geo/types';

const SQUARE: Point[][] = [
	[
		[0, 0],
		[10, 0],
		[10, 10],
		[0, 10],
		[0, 0]
	]
];

// A U open at the top: a 30×10 bottom bar with two 10×20 arms. Area 700; its centroid is
// x = (300·15 + 200·5 + 200·25) / 700 = 15, y = (300·5 + 200·20 + 200·20) / 700 = 13.57…, in the gap.
const U: Point[][] = [
	[
		[0, 0],
		[30, 0],
		[30, 30],
		[20, 30],
		[20, 10],
		[10, 10],
		[10, 30],
		[0, 30],
		[0, 0]
	]
];

// In each bottom corner of the U, a point (a, a) is a from the outer edges and √2·(10 − a) from the
// inner corner (10, 10) or (20, 10): the two meet at a = 10√2 / (1 + √2) = 10(2 − √2) ≈ 5.858, farther
// than the 5 of any point of the arms or the middle of the bar.
const U_RADIUS = 10 * (2 - Math.SQRT2);

describe('poleOfInaccessibility', () => {
	it('is the centre of a square, 5 from every side', () => {
		const pole = poleOfInaccessibility(SQUARE, 0.01);
		expect(pole.x).toBeCloseTo(5, 6);
		expect(pole.y).toBeCloseTo(5, 6);
		expect(pole.distance).toBeCloseTo(5, 6);
	});

	it('lies inside a U whose centroid and bounding-box centre are outside it', () => {
		expect(signedDistance(15, 95 / 7, U)).toBeLessThan(0);
		expect(signedDistance(15, 15, U)).toBeLessThan(0);

		const pole = poleOfInaccessibility(U, 0.001);
		expect(signedDistance(pole.x, pole.y, U)).toBeGreaterThan(5);
		expect(pole.distance).toBeCloseTo(U_RADIUS, 2);
		expect(pole.y).toBeCloseTo(U_RADIUS, 1);
		// One of the two bottom corners, which are equally good.
		expect([U_RADIUS, 30 - U_RADIUS].some((x) => Math.abs(pole.x - x) < 0.05)).toBe(true);
	});

	it('keeps out of a hole: a 10×10 square with a 2×2 hole in its middle', () => {
		const holed: Point[][] = [
			...SQUARE,
			[
				[4, 4],
				[4, 6],
				[6, 6],
				[6, 4],
				[4, 4]
			]
		];
		// The centre is in the hole; (a, a) is a from the outside and √2·(4 − a) from the hole's corner:
		// a = 4(2 − √2) ≈ 2.343, more than the 2 of a point midway between a side and the hole.
		expect(signedDistance(5, 5, holed)).toBeLessThan(0);
		const pole = poleOfInaccessibility(holed, 0.001);
		expect(pole.distance).toBeCloseTo(4 * (2 - Math.SQRT2), 2);
		expect(signedDistance(pole.x, pole.y, holed)).toBeGreaterThan(2);
	});

	it('answers a degenerate ring with its first point, at distance 0', () => {
		expect(
			poleOfInaccessibility([
				[
					[3, 4],
					[3, 4],
					[3, 4]
				]
			])
		).toEqual({ x: 3, y: 4, distance: 0 });
	});
});

describe('labelPoint and areaLabels', () => {
	// Two parts on the equator (middle latitude 0: longitudes are not rescaled): a 0.2° square around
	// (116.1, 0) and a small 0.05° square far to the east.
	const collection: BoundaryCollection = {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				properties: { kode: '64.02.01.2001', nama: 'Dua Bagian' },
				geometry: {
					type: 'MultiPolygon',
					coordinates: [
						[
							[
								[117, 0],
								[117.05, 0],
								[117.05, 0.05],
								[117, 0.05],
								[117, 0]
							]
						],
						[
							[
								[116, -0.1],
								[116.2, -0.1],
								[116.2, 0.1],
								[116, 0.1],
								[116, -0.1]
							]
						]
					]
				}
			},
			{
				type: 'Feature',
				properties: { kode: '64.02.01.2002' },
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[117.5, -0.01],
							[117.52, -0.01],
							[117.52, 0.01],
							[117.5, 0.01],
							[117.5, -0.01]
						]
					]
				}
			}
		]
	};

	it("puts a multipolygon's label in its largest part, and measures the room in km", () => {
		const feature = collection.features[0];
		if (!feature) throw new Error('no feature');
		const point = labelPoint(feature.geometry);
		expect(point?.lon).toBeCloseTo(116.1, 6);
		expect(point?.lat).toBeCloseTo(0, 6);
		// 0.1° to the nearest side, 111.32 km a degree.
		expect(point?.radiusKm).toBeCloseTo(11.132, 3);
	});

	it('lists the roomiest area first and names an unnamed one by its code', () => {
		const labels = areaLabels(collection);
		expect(labels.map((l) => [l.kode, l.nama])).toEqual([
			['64.02.01.2001', 'Dua Bagian'],
			['64.02.01.2002', '64.02.01.2002']
		]);
		expect(labels[1]?.radiusKm).toBeCloseTo(1.1132, 3);
	});
});

describe('the bundled Kukar boundaries', () => {
	it('get one label point per shape, each inside its shape', () => {
		for (const file of ['kukar-kecamatan', 'kukar-desa']) {
			const collection = JSON.parse(
				readFileSync(new URL(`../../data/boundaries/${file}.geojson`, import.meta.url), 'utf8')
			) as BoundaryCollection;
			const labels = areaLabels(collection);
			expect(labels).toHaveLength(collection.features.length);
			for (const label of labels) {
				const feature = collection.features.find((f) => f.properties.kode === label.kode);
				const polygons = feature?.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : (feature?.geometry.coordinates ?? []);
				const inside = polygons.some(
					(polygon) =>
						signedDistance(
							label.lon,
							label.lat,
							polygon.map((ring) => ring.map((p): Point => [p[0] ?? 0, p[1] ?? 0]))
						) > 0
				);
				expect(inside, `${file} ${label.kode} ${label.nama}`).toBe(true);
			}
		}
	});
});

describe('placeLabels', () => {
	const view = { width: 100, height: 50 };
	const box = (id: string, x: number, y: number, width = 20, height = 10): LabelBox => ({ id, x, y, width, height });

	it('keeps the first of two overlapping labels and drops the second', () => {
		const placed = placeLabels([box('a', 20, 10), box('b', 25, 12), box('c', 60, 30)], view);
		expect(placed.map((p) => p.id)).toEqual(['a', 'c']);
		expect(placed[0]).toEqual({ id: 'a', left: 10, top: 5, right: 30, bottom: 15 });
	});

	it('gives way in the order given', () => {
		expect(placeLabels([box('b', 25, 12), box('a', 20, 10)], view).map((p) => p.id)).toEqual(['b']);
	});

	it('keeps a gap between labels: 2 pixels clear is enough, 1.9 is not', () => {
		// a spans x 10–30; c starts at 42 − 10 = 32 (2 clear), d at 41.9 − 10 = 31.9.
		expect(placeLabels([box('a', 20, 10), box('c', 42, 10)], view).map((p) => p.id)).toEqual(['a', 'c']);
		expect(placeLabels([box('a', 20, 10), box('d', 41.9, 10)], view).map((p) => p.id)).toEqual(['a']);
		expect(placeLabels([box('a', 20, 10), box('d', 41.9, 10)], view, 0).map((p) => p.id)).toEqual(['a', 'd']);
	});

	it('drops a label that does not fit wholly in the view, or has no position', () => {
		expect(placeLabels([box('e', 95, 10), box('f', 20, 47), box('g', Number.NaN, 10), box('h', 50, 25)], view).map((p) => p.id)).toEqual([
			'h'
		]);
	});

	it('never keeps two overlapping boxes out of a crowd', () => {
		const crowd = Array.from({ length: 60 }, (_, i) => box(`l${i}`, 15 + ((i * 37) % 70), 8 + ((i * 11) % 34), 18 + (i % 5), 8));
		const placed = placeLabels(crowd, view);
		expect(placed.length).toBeGreaterThan(3);
		expect(placed.length).toBeLessThan(crowd.length);
		for (const a of placed) for (const b of placed) if (a !== b) expect(overlaps(a, b)).toBe(false);
	});
});
