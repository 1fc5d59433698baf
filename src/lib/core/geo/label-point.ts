/**
 * Where an area's name goes: a point well inside its shape, the pole of inaccessibility (the interior
 * point farthest from every edge, after Mapbox's polylabel: a quadtree search that keeps splitting the
 * cells that could still hold a farther point). A centroid or a bounding-box centre can fall outside a
 * concave village (a U along two river banks) or in its hole; this point cannot.
 *
 * Longitudes are scaled by the cosine of the shape's middle latitude first, so distances are the same
 * in every direction (Kukar straddles the equator, where it barely matters; another regency may not).
 */
import type { BoundaryCollection, BoundaryGeometry, Position } from './types';

/** A planar point: [x, y]. */
export type Point = readonly [number, number];

/** The interior point found, and its distance to the nearest edge (in the units of the rings). */
export interface Pole {
	x: number;
	y: number;
	distance: number;
}

const coord = (p: Position): Point => [p[0] ?? 0, p[1] ?? 0];

/** Squared distance from (px, py) to the segment a–b. */
function segmentDistanceSq(px: number, py: number, a: Point, b: Point): number {
	let [x, y] = a;
	let dx = b[0] - x;
	let dy = b[1] - y;
	if (dx !== 0 || dy !== 0) {
		const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
		if (t > 1) {
			[x, y] = b;
		} else if (t > 0) {
			x += dx * t;
			y += dy * t;
		}
	}
	dx = px - x;
	dy = py - y;
	return dx * dx + dy * dy;
}

/** Distance from a point to the polygon's nearest edge: positive inside, negative outside (holes count as outside). */
export function signedDistance(x: number, y: number, polygon: readonly (readonly Point[])[]): number {
	let inside = false;
	let best = Infinity;
	for (const ring of polygon) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const a = ring[i] ?? [0, 0];
			const b = ring[j] ?? [0, 0];
			if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
			best = Math.min(best, segmentDistanceSq(x, y, a, b));
		}
	}
	return (inside ? 1 : -1) * Math.sqrt(best);
}

/** Signed area of a ring (shoelace; the sign follows the winding). */
function ringArea(ring: readonly Point[]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const a = ring[i] ?? [0, 0];
		const b = ring[j] ?? [0, 0];
		sum += (b[0] - a[0]) * (a[1] + b[1]);
	}
	return sum / 2;
}

interface Cell {
	x: number;
	y: number;
	/** Half the cell's side. */
	h: number;
	/** Distance from the centre to the polygon. */
	d: number;
	/** The most any point of the cell can reach. */
	max: number;
}

function cell(x: number, y: number, h: number, polygon: readonly (readonly Point[])[]): Cell {
	const d = signedDistance(x, y, polygon);
	return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** A max-heap of cells by `max`: the cell that could still hide the farthest point comes out first. */
class CellQueue {
	readonly #items: Cell[] = [];

	get size(): number {
		return this.#items.length;
	}

	push(c: Cell): void {
		const items = this.#items;
		items.push(c);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if ((items[parent]?.max ?? 0) >= c.max) break;
			items[i] = items[parent] as Cell;
			i = parent;
		}
		items[i] = c;
	}

	pop(): Cell | undefined {
		const items = this.#items;
		const top = items[0];
		const last = items.pop();
		if (items.length === 0 || !last) return top;
		let i = 0;
		for (;;) {
			const left = 2 * i + 1;
			const right = left + 1;
			let child = left;
			if (right < items.length && (items[right]?.max ?? 0) > (items[left]?.max ?? 0)) child = right;
			if (child >= items.length || (items[child]?.max ?? 0) <= last.max) break;
			items[i] = items[child] as Cell;
			i = child;
		}
		items[i] = last;
		return top;
	}
}

/** The area-weighted centroid of the outer ring (a first guess; it may lie outside a concave shape). */
function centroidCell(polygon: readonly (readonly Point[])[]): Cell {
	const ring = polygon[0] ?? [];
	let area = 0;
	let x = 0;
	let y = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const a = ring[i] ?? [0, 0];
		const b = ring[j] ?? [0, 0];
		const f = a[0] * b[1] - b[0] * a[1];
		x += (a[0] + b[0]) * f;
		y += (a[1] + b[1]) * f;
		area += f * 3;
	}
	const first = ring[0] ?? [0, 0];
	return area === 0 ? cell(first[0], first[1], 0, polygon) : cell(x / area, y / area, 0, polygon);
}

/**
 * The pole of inaccessibility of one polygon (outer ring first, then holes), found to within
 * `precision` (default: half a percent of the polygon's larger side).
 */
export function poleOfInaccessibility(polygon: readonly (readonly Point[])[], precision?: number): Pole {
	const outer = polygon[0] ?? [];
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const [x, y] of outer) {
		minX = Math.min(minX, x);
		minY = Math.min(minY, y);
		maxX = Math.max(maxX, x);
		maxY = Math.max(maxY, y);
	}
	if (!Number.isFinite(minX)) return { x: 0, y: 0, distance: 0 };
	const width = maxX - minX;
	const height = maxY - minY;
	const size = Math.min(width, height);
	if (size === 0) return { x: minX, y: minY, distance: 0 };
	const tolerance = precision ?? Math.max(width, height) * 0.005;

	const queue = new CellQueue();
	for (let x = minX; x < maxX; x += size) {
		for (let y = minY; y < maxY; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2, polygon));
	}
	let best = centroidCell(polygon);
	const boxCentre = cell(minX + width / 2, minY + height / 2, 0, polygon);
	if (boxCentre.d > best.d) best = boxCentre;

	for (let c = queue.pop(); c; c = queue.pop()) {
		if (c.d > best.d) best = c;
		if (c.max - best.d <= tolerance) continue;
		const h = c.h / 2;
		queue.push(cell(c.x - h, c.y - h, h, polygon));
		queue.push(cell(c.x + h, c.y - h, h, polygon));
		queue.push(cell(c.x - h, c.y + h, h, polygon));
		queue.push(cell(c.x + h, c.y + h, h, polygon));
	}
	return { x: best.x, y: best.y, distance: best.d };
}

/** Where an area's label goes, in longitude and latitude, and how roomy it is there. */
export interface LabelPoint {
	lon: number;
	lat: number;
	/** Distance to the nearest edge, in kilometres (a roomier area's name is placed first). */
	radiusKm: number;
}

const KM_PER_DEGREE = 111.32;

function polygonsOf(geometry: BoundaryGeometry): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The label point of a (multi)polygon: the pole of inaccessibility of its largest part. */
export function labelPoint(geometry: BoundaryGeometry): LabelPoint | null {
	let south = Infinity;
	let north = -Infinity;
	for (const polygon of polygonsOf(geometry)) {
		for (const p of polygon[0] ?? []) {
			const lat = p[1] ?? 0;
			south = Math.min(south, lat);
			north = Math.max(north, lat);
		}
	}
	if (!Number.isFinite(south)) return null;
	const cos = Math.cos((((north + south) / 2) * Math.PI) / 180);
	let largest: Point[][] | null = null;
	let largestArea = -1;
	for (const polygon of polygonsOf(geometry)) {
		const planar = polygon.map((ring) => ring.map((p): Point => [coord(p)[0] * cos, coord(p)[1]]));
		const area = Math.abs(ringArea(planar[0] ?? []));
		if (area > largestArea) {
			largest = planar;
			largestArea = area;
		}
	}
	if (!largest) return null;
	const pole = poleOfInaccessibility(largest);
	return { lon: pole.x / cos, lat: pole.y, radiusKm: Math.max(0, pole.distance) * KM_PER_DEGREE };
}

/** One area's label: its code, its name and where the name goes. */
export interface AreaLabel extends LabelPoint {
	kode: string;
	nama: string;
}

/**
 * The labels of a collection, roomiest first (the order `placeLabels` gives way in): a feature's
 * `nama`, or its code when it has none.
 */
export function areaLabels(collection: BoundaryCollection): AreaLabel[] {
	const labels: AreaLabel[] = [];
	for (const f of collection.features) {
		const point = labelPoint(f.geometry);
		if (!point) continue;
		const nama = typeof f.properties.nama === 'string' && f.properties.nama.trim() !== '' ? f.properties.nama : f.properties.kode;
		labels.push({ kode: f.properties.kode, nama, ...point });
	}
	return labels.sort((a, b) => b.radiusKm - a.radiusKm || a.kode.localeCompare(b.kode));
}
