/**
 * Area names over the MapLibre map without glyphs: one HTML layer of absolutely placed spans over the
 * canvas, moved on every frame the map moves. Names come from the register's reference, so they are
 * set as text (textContent), never as markup. Which names show: kecamatan when the map shows
 * kecamatan or the villages from afar, village names once zoomed in; of those, the roomiest first and
 * none overlapping (core/geo/label-placement). The layer takes no pointer or keyboard input and is
 * hidden from screen readers (the table twin names every area).
 */
import { areaLabels, type AreaLabel } from '$lib/core/geo/label-point';
import { placeLabels, type LabelBox } from '$lib/core/geo/label-placement';
import type { BoundaryCollection } from '$lib/core/geo/types';
import type { MapLevel } from '$lib/state/map-view';

/** From this zoom on, the village map names villages instead of kecamatan. */
export const VILLAGE_LABEL_ZOOM = 8.5;

/** Whose names the map shows at `zoom`. */
export function labelLevel(level: MapLevel, zoom: number): MapLevel {
	return level === 'village' && zoom >= VILLAGE_LABEL_ZOOM ? 'village' : 'kecamatan';
}

/** Label points per shapes, kept while the shapes live: a map opened again (another screen) reuses them. */
const computed = new WeakMap<BoundaryCollection, AreaLabel[]>();

function labelsOf(shapes: BoundaryCollection): AreaLabel[] {
	let labels = computed.get(shapes);
	if (!labels) {
		labels = areaLabels(shapes);
		computed.set(shapes, labels);
	}
	return labels;
}

interface Label {
	level: MapLevel;
	kode: string;
	lon: number;
	lat: number;
	element: HTMLSpanElement;
	width: number;
	height: number;
	shown: boolean;
}

/** Projects a longitude and latitude to pixels of the map's container. */
export type Project = (lon: number, lat: number) => { x: number; y: number };

export class LabelLayer {
	readonly #root: HTMLDivElement;
	#labels: Label[] = [];

	constructor(container: HTMLElement) {
		this.#root = document.createElement('div');
		this.#root.className = 'map-labels';
		this.#root.dataset.testid = 'map-labels';
		this.#root.setAttribute('aria-hidden', 'true');
		container.append(this.#root);
	}

	/** New shapes: new labels, measured once (their font does not change). */
	setShapes(shapes: Record<MapLevel, BoundaryCollection>): void {
		this.#root.replaceChildren();
		const labels: Omit<Label, 'width' | 'height'>[] = [];
		for (const level of ['kecamatan', 'village'] as const) {
			for (const label of labelsOf(shapes[level])) {
				const element = document.createElement('span');
				element.className = `map-label map-label-${level}`;
				element.dataset.testid = 'map-label';
				element.dataset.level = level;
				element.dataset.kode = label.kode;
				element.dataset.shown = 'false';
				element.textContent = label.nama;
				this.#root.append(element);
				labels.push({ level, kode: label.kode, lon: label.lon, lat: label.lat, element, shown: false });
			}
		}
		// One layout for every label: append them all, then read their sizes.
		this.#labels = labels.map((l) => ({ ...l, width: l.element.offsetWidth, height: l.element.offsetHeight }));
		this.#root.dataset.level = '';
	}

	/** Places the names of the level shown at `zoom` for the view as it is now. */
	update(project: Project, view: { width: number; height: number }, level: MapLevel, zoom: number): void {
		const showing = labelLevel(level, zoom);
		const candidates: (LabelBox & { label: Label })[] = [];
		for (const label of this.#labels) {
			if (label.level !== showing) continue;
			const { x, y } = project(label.lon, label.lat);
			candidates.push({ id: label.kode, x, y, width: label.width, height: label.height, label });
		}
		const placed = new Map(placeLabels(candidates, view).map((p) => [p.id, p]));
		for (const label of this.#labels) {
			const box = label.level === showing ? placed.get(label.kode) : undefined;
			if (box) {
				label.element.style.transform = `translate(${box.left}px, ${box.top}px)`;
				if (!label.shown) label.element.dataset.shown = 'true';
			} else if (label.shown) {
				label.element.dataset.shown = 'false';
			}
			label.shown = box !== undefined;
		}
		this.#root.dataset.level = showing;
	}

	remove(): void {
		this.#root.remove();
	}
}
