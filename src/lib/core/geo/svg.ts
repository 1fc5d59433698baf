/**
 * Boundary shapes as SVG paths, for the maps that are printed or shown small (the landing page, the
 * regency brief): no MapLibre, no tiles, crisp on paper. An equirectangular projection scaled by the
 * cosine of the middle latitude keeps a regency's shape true enough at this size (Kukar spans ~2°),
 * north up. Coordinates are rounded to a tenth of a unit and repeated points dropped, which keeps a
 * regency's ~240 villages a few hundred kilobytes of path text.
 */
import { placeLabels } from './label-placement';
import { labelPoint } from './label-point';
import type { BoundaryCollection, BoundaryGeometry, Position } from './types';

export interface SvgShape {
	kode: string;
	nama: string;
	d: string;
	/** Where a label goes: the pole of inaccessibility of the largest part (label-point.ts). */
	label: { x: number; y: number };
	/** Kilometres from the label point to the nearest edge: roomier shapes are labelled first. */
	room: number;
}

export interface SvgMap {
	width: number;
	height: number;
	shapes: SvgShape[];
	/** Kilometres one unit of the drawing stands for (at the middle latitude). */
	kmPerUnit: number;
}

const KM_PER_DEGREE = 111.32;

function rings(geometry: BoundaryGeometry): Position[][] {
	return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

interface Projection {
	width: number;
	height: number;
	kmPerUnit: number;
	x: (lon: number) => number;
	y: (lat: number) => number;
}

/** The projection that fits every collection into a `width`-wide drawing with `margin` around; null without shapes. */
function fit(collections: readonly BoundaryCollection[], width: number, margin: number): Projection | null {
	let west = Infinity;
	let east = -Infinity;
	let south = Infinity;
	let north = -Infinity;
	for (const collection of collections) {
		for (const f of collection.features) {
			for (const ring of rings(f.geometry)) {
				for (const [x = 0, y = 0] of ring) {
					if (x < west) west = x;
					if (x > east) east = x;
					if (y < south) south = y;
					if (y > north) north = y;
				}
			}
		}
	}
	if (!Number.isFinite(west) || east <= west || north <= south) return null;
	const cos = Math.cos((((north + south) / 2) * Math.PI) / 180);
	const scale = (width - 2 * margin) / ((east - west) * cos);
	return {
		width,
		height: Math.round((north - south) * scale + 2 * margin),
		kmPerUnit: KM_PER_DEGREE / scale,
		x: (lon) => margin + (lon - west) * cos * scale,
		y: (lat) => margin + (north - lat) * scale
	};
}

function shapesOf(collection: BoundaryCollection, p: Projection): SvgShape[] {
	const round = (v: number) => Math.round(v * 10) / 10;
	return collection.features.map((f): SvgShape => {
		const parts: string[] = [];
		for (const ring of rings(f.geometry)) {
			let path = '';
			let last = '';
			for (const [lon = 0, lat = 0] of ring) {
				const point = `${round(p.x(lon))} ${round(p.y(lat))}`;
				if (point === last) continue;
				path += `${path === '' ? 'M' : 'L'}${point}`;
				last = point;
			}
			if (path !== '') parts.push(`${path}Z`);
		}
		const pole = labelPoint(f.geometry);
		const label = pole ? { x: round(p.x(pole.lon)), y: round(p.y(pole.lat)) } : { x: 0, y: 0 };
		const nama = typeof f.properties.nama === 'string' ? f.properties.nama : f.properties.kode;
		return { kode: f.properties.kode, nama, d: parts.join(''), label, room: pole?.radiusKm ?? 0 };
	});
}

/** Projects the collection into a `width`-wide drawing (height follows the shape), with `margin` around it. */
export function svgMap(collection: BoundaryCollection, width: number, margin = 4): SvgMap {
	return svgMaps([collection], width, margin)[0] ?? { width, height: 0, shapes: [], kmPerUnit: 0 };
}

/** Several collections (villages and their kecamatan) drawn with one projection, fitted to them all. */
export function svgMaps(collections: readonly BoundaryCollection[], width: number, margin = 4): SvgMap[] {
	const p = fit(collections, width, margin);
	return collections.map((c) =>
		p ? { width, height: p.height, shapes: shapesOf(c, p), kmPerUnit: p.kmPerUnit } : { width, height: 0, shapes: [], kmPerUnit: 0 }
	);
}

/** A scale bar of a round length (1, 2, 5 × 10ⁿ km) no longer than `maxUnits` of the drawing. */
export function scaleBar(kmPerUnit: number, maxUnits: number): { km: number; units: number } | null {
	if (!(kmPerUnit > 0) || !(maxUnits > 0)) return null;
	const most = kmPerUnit * maxUnits;
	const power = 10 ** Math.floor(Math.log10(most));
	const km = [5, 2, 1].map((s) => s * power).find((k) => k <= most) ?? power;
	return { km, units: km / kmPerUnit };
}

/**
 * The shapes whose names fit in a `width` × `height` drawing at `fontSize`, roomiest first, none
 * overlapping another. Text is not measured here (no DOM): a name is taken as 0.6 em a character,
 * about the average advance of a bold sans-serif.
 */
export function fittingLabels(shapes: readonly SvgShape[], fontSize: number, width: number, height: number): SvgShape[] {
	const byRoom = [...shapes].sort((a, b) => b.room - a.room || a.kode.localeCompare(b.kode));
	const boxes = byRoom.map((s) => ({
		id: s.kode,
		x: s.label.x,
		// SVG text sits on its baseline: the box is centred a third of the size above it.
		y: s.label.y - fontSize / 3,
		width: s.nama.length * fontSize * 0.6 + 4,
		height: fontSize + 2
	}));
	const kept = new Set(placeLabels(boxes, { width, height }).map((p) => p.id));
	return byRoom.filter((s) => kept.has(s.kode));
}
