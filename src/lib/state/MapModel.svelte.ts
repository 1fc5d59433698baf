/**
 * The Map screen's state: the view choices (indicator, count or rate, level, classes, kecamatan
 * filter; stored in localStorage), the selected area, and the classified view derived from the
 * indicator figures. Recolouring is a derivation over the figures already computed (237 villages):
 * no query, no geometry. The logic lives in map-view.ts, where it is unit-tested.
 */
import type { ClassMethod } from '$lib/core/geo/classify';
import type { AreaFigures, IndicatorId, Measure } from '$lib/core/indicators';
import { indicators } from './IndicatorModel.svelte';
import { choicesOf, clampClasses, formatBreaks, mapView, sameSubject, type MapChoices, type MapLevel, type MapView } from './map-view';

const KEY = 'tepat.map.v1';

/** Where the figures come from (IndicatorModel in the app; a plain object in a test). */
export interface FigureSource {
	readonly villages: AreaFigures[];
	readonly kecamatan: AreaFigures[];
	/** Names the figures held (register and plan); empty while none are computed. */
	readonly key: string;
	/** Indicators the register has no column for: the map shows them as no data. */
	readonly uncomputed: ReadonlySet<IndicatorId>;
}

/** What ChoroplethMap needs to colour one level: a class per area code and the class colours. */
export interface MapPaint {
	level: MapLevel;
	/** Class index per area code (-1: no data); codes missing here are no data too. */
	classOf: ReadonlyMap<string, number>;
	/** Area codes outside the kecamatan filter (drawn pale). */
	outside: ReadonlySet<string>;
	colours: readonly string[];
	/** Changes whenever a colour on the map changes. */
	key: string;
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

function readChoices(): MapChoices {
	try {
		const text = storage()?.getItem(KEY);
		return choicesOf(text ? JSON.parse(text) : null);
	} catch {
		return choicesOf(null);
	}
}

export class MapModel {
	#source: FigureSource;
	#persist: boolean;
	#choices = $state.raw<MapChoices>(choicesOf(null));
	/** Code of the selected village (or kecamatan at kecamatan level), or null. */
	selected = $state<string | null>(null);

	constructor(source: FigureSource = indicators, persist = true) {
		this.#source = source;
		this.#persist = persist;
		if (persist) this.#choices = readChoices();
	}

	get choices(): Readonly<MapChoices> {
		return this.#choices;
	}

	get indicator(): IndicatorId {
		return this.#choices.indicator;
	}
	set indicator(indicator: IndicatorId) {
		this.#set({ indicator });
	}

	get measure(): Measure {
		return this.#choices.measure;
	}
	set measure(measure: Measure) {
		this.#set({ measure });
	}

	get level(): MapLevel {
		return this.#choices.level;
	}
	set level(level: MapLevel) {
		this.#set({ level });
	}

	get method(): ClassMethod {
		return this.#choices.method;
	}
	/** Switching to manual breaks with none typed starts from the breaks on screen, to edit. */
	set method(method: ClassMethod) {
		const inner = this.shown.classification?.breaks.slice(1, -1) ?? [];
		const breaks =
			method === 'manual' && this.#choices.breaks.trim() === '' && inner.length > 0 ? formatBreaks(inner) : this.#choices.breaks;
		this.#set({ method, breaks });
	}

	get classes(): number {
		return this.#choices.classes;
	}
	set classes(classes: number) {
		this.#set({ classes: clampClasses(Number(classes)) });
	}

	/** Manual inner breaks as typed. */
	get breaks(): string {
		return this.#choices.breaks;
	}
	set breaks(breaks: string) {
		this.#set({ breaks });
	}

	/** Kecamatan filter (code), null for the whole regency. */
	get kecamatan(): string | null {
		return this.#choices.kecamatan;
	}
	set kecamatan(kecamatan: string | null) {
		this.#set({ kecamatan: kecamatan || null });
	}

	/** The areas of the chosen level. */
	readonly areas = $derived.by(() => (this.#choices.level === 'village' ? this.#source.villages : this.#source.kecamatan));

	/** The view for the current choices, with `error` set when the manual breaks are refused. */
	readonly view: MapView = $derived.by(() => mapView(this.areas, this.#choices, this.#source.key, this.#source.uncomputed));

	#lastGood: MapView | null = null;

	/**
	 * The view the map and the legend show: the current one, or while the manual breaks being typed are
	 * refused, the last good view of the same indicator, measure, level and filter (else no classes).
	 */
	readonly shown: MapView = $derived.by(() => {
		const view = this.view;
		if (view.classification) {
			this.#lastGood = view;
			return view;
		}
		const last = this.#lastGood;
		return last && sameSubject(last, view) ? last : view;
	});

	/** Null until figures are computed. */
	readonly paint: MapPaint | null = $derived.by(() => {
		if (!this.#source.key) return null;
		const { level, classOf, outside, colours, key } = this.shown;
		return { level, classOf, outside, colours, key };
	});

	/** The selected area's figures, if it is one of the current register's areas. */
	readonly selectedArea: AreaFigures | null = $derived.by(() => {
		const kode = this.selected;
		if (!kode) return null;
		return this.#source.villages.find((a) => a.kode === kode) ?? this.#source.kecamatan.find((a) => a.kode === kode) ?? null;
	});

	/** The selected village's code (null when nothing or a kecamatan is selected): what the village panel shows. */
	readonly selectedVillage: string | null = $derived.by(() =>
		this.selected && this.#source.villages.some((a) => a.kode === this.selected) ? this.selected : null
	);

	select(kode: string | null): void {
		this.selected = kode;
	}

	#set(patch: Partial<MapChoices>): void {
		const next = choicesOf({ ...this.#choices, ...patch });
		if (JSON.stringify(next) === JSON.stringify(this.#choices)) return;
		this.#choices = next;
		if (!this.#persist) return;
		try {
			storage()?.setItem(KEY, JSON.stringify(next));
		} catch {
			// A browser that refuses to store keeps the choices for this page only.
		}
	}
}

export const mapModel = new MapModel();
