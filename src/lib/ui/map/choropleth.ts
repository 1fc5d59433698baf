/**
 * The choropleth's MapLibre side, apart from Svelte: one map over our own GeoJSON and nothing else (no
 * tiles, glyphs, sprites or fonts; the worker is served from our origin), so area names are an HTML
 * layer over it (label-layer.ts), and the map never rotates (north stays up for the fixed arrow).
 * Geometry is handed over once per boundaries version; colours are feature state (class index per
 * area code) read by a `match` expression, so recolouring only calls setFeatureState. MapLibre is imported by `createChoropleth`,
 * so only the screens that draw a map load it.
 */
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap, PointLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { BoundaryCollection } from '$lib/core/geo/types';
import type { MapPaint } from '$lib/state/MapModel.svelte';
import { NO_DATA_COLOUR, OUTSIDE_COLOUR, SELECTION_COLOUR, type MapLevel } from '$lib/state/map-view';
import type { Bbox } from './bounds';
import { LabelLayer } from './label-layer';

export interface Shapes {
	village: BoundaryCollection;
	kecamatan: BoundaryCollection;
}

/** The words MapLibre shows (the canvas's name and the zoom buttons). */
export interface ChoroplethWords {
	canvas: string;
	zoomIn: string;
	zoomOut: string;
	resetNorth: string;
}

export interface ChoroplethEvents {
	/** The area under the pointer and where, or null when the pointer leaves the areas. */
	hover: (area: { kode: string; x: number; y: number } | null) => void;
	/** A click on an area (its code), or on no area (null). */
	select: (kode: string | null) => void;
	/** MapLibre reported an error. */
	error: (message: string) => void;
}

/** One area's feature state: its class (-1: no data or outside) and whether it is outside the filter. */
export interface AreaState {
	kode: string;
	cls: number;
	out: boolean;
}

const SOURCES = { village: 'villages', kecamatan: 'kecamatan' } as const;
const FILL = { village: 'village-fill', kecamatan: 'kecamatan-fill' } as const;
const LEVELS = ['village', 'kecamatan'] as const;
const BACKGROUND = '#e4ecf1';
const PADDING = 24;

type GeoJSONData = Parameters<GeoJSONSource['setData']>[0];

/** Our boundary types are GeoJSON with read-only positions; MapLibre's types want mutable ones. */
function geojson(c: BoundaryCollection): GeoJSONData {
	return c as unknown as GeoJSONData;
}

const kodeIs = (kode: string): ExpressionSpecification => ['==', ['get', 'kode'], kode];

/** The fill colour expression: pale outside the filter, else the class's colour, else no data. */
export function fillColour(colours: readonly string[]): ExpressionSpecification {
	const cls: ExpressionSpecification = ['coalesce', ['feature-state', 'cls'], -1];
	const classes: ExpressionSpecification | string =
		colours.length === 0
			? NO_DATA_COLOUR
			: (['match', cls, ...colours.flatMap((c, i) => [i, c]), NO_DATA_COLOUR] as ExpressionSpecification);
	return ['case', ['boolean', ['feature-state', 'out'], false], OUTSIDE_COLOUR, classes];
}

/** The feature state of every shape of the painted level. */
export function areaStates(shapes: BoundaryCollection, paint: MapPaint): AreaState[] {
	return shapes.features.map((feature) => {
		const kode = feature.properties.kode;
		const out = paint.outside.has(kode);
		return { kode, cls: out ? -1 : (paint.classOf.get(kode) ?? -1), out };
	});
}

/** A MapLibre map drawing the village and kecamatan shapes, one level at a time. */
export class Choropleth {
	readonly #map: MapLibreMap;
	readonly #labels: LabelLayer;
	/** The colours the fill layers were last given, so an unchanged palette is not set again. */
	#colours = '';
	#level: MapLevel = 'village';

	constructor(map: MapLibreMap, shapes: Shapes, events: ChoroplethEvents) {
		this.#map = map;
		map.addSource(SOURCES.village, { type: 'geojson', data: geojson(shapes.village), promoteId: 'kode' });
		map.addSource(SOURCES.kecamatan, { type: 'geojson', data: geojson(shapes.kecamatan), promoteId: 'kode' });
		const fill = fillColour([]);
		map.addLayer({ id: FILL.village, type: 'fill', source: SOURCES.village, paint: { 'fill-color': fill } });
		map.addLayer({ id: FILL.kecamatan, type: 'fill', source: SOURCES.kecamatan, paint: { 'fill-color': fill } });
		map.addLayer({ id: 'village-line', type: 'line', source: SOURCES.village, paint: { 'line-color': '#ffffff', 'line-width': 0.6 } });
		map.addLayer({
			id: 'kecamatan-line',
			type: 'line',
			source: SOURCES.kecamatan,
			paint: { 'line-color': '#51626e', 'line-width': 1.2 }
		});
		for (const l of LEVELS) {
			const outline = (id: string, colour: string, width: number) =>
				map.addLayer({ id, type: 'line', source: SOURCES[l], filter: kodeIs(''), paint: { 'line-color': colour, 'line-width': width } });
			outline(`${l}-hover`, '#13232f', 2);
			outline(`${l}-selected-casing`, '#ffffff', 6);
			outline(`${l}-selected`, SELECTION_COLOUR, 3.5);
			map.on('mousemove', FILL[l], (e) => {
				const kode: unknown = e.features?.[0]?.properties?.kode;
				if (typeof kode !== 'string') return;
				events.hover({ kode, x: e.point.x, y: e.point.y });
				map.getCanvas().style.cursor = 'pointer';
			});
			map.on('mouseleave', FILL[l], () => {
				events.hover(null);
				map.getCanvas().style.cursor = '';
			});
		}
		map.on('click', (e) => events.select(this.#areaAt(e.point)));
		this.#labels = new LabelLayer(map.getContainer());
		this.#labels.setShapes(shapes);
		map.on('move', () => this.#placeLabels());
		map.on('resize', () => this.#placeLabels());
		map.once('remove', () => this.#labels.remove());
		this.#placeLabels();
	}

	#placeLabels(): void {
		const canvas = this.#map.getCanvas();
		const view = { width: canvas.clientWidth, height: canvas.clientHeight };
		this.#labels.update((lon, lat) => this.#map.project([lon, lat]), view, this.#level, this.#map.getZoom());
	}

	/** Hands MapLibre new shapes (a boundary import, or shapes that arrived after the map). */
	setShapes(shapes: Shapes): void {
		(this.#map.getSource(SOURCES.village) as GeoJSONSource | undefined)?.setData(geojson(shapes.village));
		(this.#map.getSource(SOURCES.kecamatan) as GeoJSONSource | undefined)?.setData(geojson(shapes.kecamatan));
		this.#labels.setShapes(shapes);
		this.#placeLabels();
	}

	/** Colours the areas of `paint.level` (feature state only); returns how many carry a class colour. */
	setPaint(shapes: BoundaryCollection, paint: MapPaint): number {
		const source = SOURCES[paint.level];
		let coloured = 0;
		for (const { kode, cls, out } of areaStates(shapes, paint)) {
			if (cls >= 0) coloured++;
			this.#map.setFeatureState({ source, id: kode }, { cls, out });
		}
		const colours = `${paint.level}:${paint.colours.join(',')}`;
		if (colours !== this.#colours) {
			this.#map.setPaintProperty(FILL[paint.level], 'fill-color', fillColour(paint.colours));
			this.#colours = colours;
		}
		return coloured;
	}

	/** Shows one level's fills and lines. */
	setLevel(level: MapLevel): void {
		this.#level = level;
		const show = (id: string, visible: boolean) => this.#map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
		show(FILL.village, level === 'village');
		show('village-line', level === 'village');
		show(FILL.kecamatan, level === 'kecamatan');
		// Kecamatan borders orient the village map from afar and fade as it zooms in: the bundled
		// kecamatan and village shapes come from different surveys and part ways up close.
		this.#map.setPaintProperty(
			'kecamatan-line',
			'line-opacity',
			level === 'village' ? ['interpolate', ['linear'], ['zoom'], 8, 0.8, 10, 0] : 1
		);
		this.#placeLabels();
	}

	/** Outlines the selected area ('' for none), at both levels. */
	setSelected(kode: string): void {
		for (const l of LEVELS) {
			this.#map.setFilter(`${l}-selected-casing`, kodeIs(kode));
			this.#map.setFilter(`${l}-selected`, kodeIs(kode));
		}
	}

	/** Outlines the area under the pointer ('' for none), at both levels. */
	setHover(kode: string): void {
		for (const l of LEVELS) this.#map.setFilter(`${l}-hover`, kodeIs(kode));
	}

	/** The area of the level shown at a point on the canvas, or null. */
	#areaAt(point: PointLike): string | null {
		const [feature] = this.#map.queryRenderedFeatures(point, { layers: [FILL[this.#level]] });
		const kode: unknown = feature?.properties?.kode;
		return typeof kode === 'string' ? kode : null;
	}

	/** Frames a box, flying there when `animate`. */
	fit(box: Bbox | null, animate: boolean): void {
		if (!box) return;
		this.#map.fitBounds(box, { padding: PADDING, animate, duration: animate ? 600 : 0, maxZoom: 12 });
	}

	/** Calls `done` once MapLibre has drawn everything asked of it. */
	whenIdle(done: () => void): void {
		this.#map.once('idle', done);
		this.#map.triggerRepaint();
	}
}

/**
 * Imports MapLibre, builds the map in `container` (sized to it as it resizes) and resolves once its
 * style has loaded, drawing the shapes that `shapes()` returns then. Aborting `signal` removes the map;
 * aborted before the map is ready, the result is null.
 */
export async function createChoropleth(
	container: HTMLElement,
	shapes: () => Shapes,
	words: ChoroplethWords,
	events: ChoroplethEvents,
	signal: AbortSignal
): Promise<Choropleth | null> {
	const maplibregl = await import('maplibre-gl');
	if (signal.aborted) return null;
	maplibregl.setWorkerUrl(workerUrl);
	const map = new maplibregl.Map({
		container,
		style: {
			version: 8,
			sources: {},
			transition: { duration: 0, delay: 0 },
			layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }]
		},
		attributionControl: false,
		dragRotate: false,
		pitchWithRotate: false,
		touchPitch: false,
		fadeDuration: 0,
		maxZoom: 14,
		renderWorldCopies: false,
		locale: {
			'Map.Title': words.canvas,
			'NavigationControl.ZoomIn': words.zoomIn,
			'NavigationControl.ZoomOut': words.zoomOut,
			'NavigationControl.ResetBearing': words.resetNorth
		}
	});
	const resize = new ResizeObserver(() => map.resize());
	resize.observe(container);
	signal.addEventListener(
		'abort',
		() => {
			resize.disconnect();
			map.remove();
		},
		{ once: true }
	);
	map.keyboard.disableRotation();
	map.touchZoomRotate.disableRotation();
	map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
	map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
	map.on('error', (e) => events.error(e.error instanceof Error ? e.error.message : String(e.error)));
	const loaded = await new Promise<boolean>((resolve) => {
		map.once('load', () => resolve(true));
		signal.addEventListener('abort', () => resolve(false), { once: true });
	});
	return loaded && !signal.aborted ? new Choropleth(map, shapes(), events) : null;
}
