/**
 * The shapes the map draws, per level (village, kecamatan): the bundled boundaries from data/boundaries,
 * served from our own origin as build assets (CSP connect-src 'self'), or boundaries the user imported
 * (GeoJSON or a zipped shapefile, issue 5.4), matched to the app's reference and kept across reloads
 * in IndexedDB (boundary-store.ts).
 *
 * An import replaces a level's shapes only when the file was read and at least one feature matched;
 * a bad file leaves the shapes as they were and says why (`importError`). Every replacement bumps
 * `version`, which is what the map watches before it re-reads geometry.
 */
import { matchBoundaries, type MatchReport } from '$lib/core/geo/match';
import { BoundaryFileError, readBoundaryFile } from '$lib/core/geo/read';
import type { BoundaryCollection, BoundaryLevel, InputFeature } from '$lib/core/geo/types';
import type { Reference } from '$lib/core/reference';
import { reference as appReference } from '$lib/engine/database';
import { m } from '$lib/paraglide/messages.js';
import villageUrl from '../../../data/boundaries/kukar-desa.geojson?url';
import kecamatanUrl from '../../../data/boundaries/kukar-kecamatan.geojson?url';
import {
	BOUNDARY_STORE_VERSION,
	indexedDbBoundaryStore,
	referenceKey,
	type BoundaryStore,
	type ImportedSource,
	type StoredBoundaries
} from './boundary-store';

export const BOUNDARY_LEVELS: readonly BoundaryLevel[] = ['village', 'kecamatan'];

const DEFAULT_URLS: Record<BoundaryLevel, string> = { village: villageUrl, kecamatan: kecamatanUrl };

export type BoundarySource = { kind: 'default' } | ImportedSource;

export interface BoundaryImportError {
	level: BoundaryLevel;
	/** Indonesian, names the file (and the feature and property where known). */
	message: string;
	file: string;
	/** Counted from 1. */
	feature?: number;
	property?: string;
}

/** A file as the Data screen hands it over, or name and bytes (tests, drag and drop of other sources). */
export type BoundaryInput = File | { name: string; bytes: Uint8Array };

export interface BoundaryModelOptions {
	reference?: Reference;
	store?: BoundaryStore;
	/** The bundled shapes of a level (default: fetched from the build's own assets). */
	loadDefault?: (level: BoundaryLevel) => Promise<BoundaryCollection>;
}

async function fetchDefault(level: BoundaryLevel): Promise<BoundaryCollection> {
	const url = DEFAULT_URLS[level];
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.json()) as BoundaryCollection;
}

/** A timestamp string (not reactive state, so a plain Date is right here). */
function nowIso(): string {
	return new Date(Date.now()).toISOString();
}

function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

const DEFAULT_SOURCE: BoundarySource = { kind: 'default' };

export class BoundaryModel {
	village = $state.raw<BoundaryCollection | null>(null);
	kecamatan = $state.raw<BoundaryCollection | null>(null);
	/** Loading the shapes failed (neither stored nor bundled ones could be read). */
	error = $state<string | null>(null);
	/** Bumped whenever a level's shapes are replaced, so the map re-reads geometry only then. */
	version = $state(0);
	/** Per level: the bundled shapes or the imported file (name, date, format). */
	source = $state.raw<Record<BoundaryLevel, BoundarySource>>({ village: DEFAULT_SOURCE, kecamatan: DEFAULT_SOURCE });
	/** Per level: how the active shapes matched the reference (null until loaded). */
	report = $state.raw<Record<BoundaryLevel, MatchReport | null>>({ village: null, kecamatan: null });
	/** The level being imported or reset, if any. */
	busy = $state<BoundaryLevel | null>(null);
	/** Why the last import failed (the shapes stayed as they were). */
	importError = $state.raw<BoundaryImportError | null>(null);
	/** Why the imported shapes could not be kept (or forgotten) in the browser; they apply to this page. */
	storeError = $state<string | null>(null);

	readonly #reference: Reference;
	readonly #store: BoundaryStore;
	readonly #loadDefault: (level: BoundaryLevel) => Promise<BoundaryCollection>;
	#loading: Promise<void> | null = null;

	constructor(options: BoundaryModelOptions = {}) {
		this.#reference = options.reference ?? appReference;
		this.#store = options.store ?? indexedDbBoundaryStore;
		this.#loadDefault = options.loadDefault ?? fetchDefault;
	}

	/** The active shapes of a level. */
	shapes(level: BoundaryLevel): BoundaryCollection | null {
		return level === 'village' ? this.village : this.kecamatan;
	}

	/**
	 * Loads the shapes once: the imported ones kept in the browser, else the bundled ones. Later calls
	 * return the same promise; a failure is forgotten for a retry.
	 */
	ensureLoaded(): Promise<void> {
		this.#loading ??= this.#load().catch((error: unknown) => {
			this.#loading = null;
			this.error = reasonOf(error);
		});
		return this.#loading;
	}

	async #load(): Promise<void> {
		let stored: Partial<Record<BoundaryLevel, StoredBoundaries>> = {};
		try {
			stored = await this.#store.read();
		} catch (error) {
			this.storeError = m.boundary_store_read_failed({ reason: reasonOf(error) });
		}
		const loaded = await Promise.all(
			BOUNDARY_LEVELS.map(async (level) => {
				const kept = stored[level] ? await this.#restored(stored[level]) : null;
				if (kept) return { level, ...kept };
				const collection = await this.#loadDefault(level);
				return { level, collection, source: DEFAULT_SOURCE, report: this.#match(collection.features, level).report };
			})
		);
		for (const { level, collection, source, report } of loaded) this.#set(level, collection, source, report);
		this.error = null;
		this.version++;
	}

	/** A stored import, matched again if the reference has changed since; null when nothing matches now. */
	async #restored(entry: StoredBoundaries): Promise<{ collection: BoundaryCollection; source: BoundarySource; report: MatchReport } | null> {
		if (entry.referenceKey === referenceKey(this.#reference)) {
			return { collection: entry.collection, source: entry.source, report: entry.report };
		}
		const { collection, report } = this.#match(entry.collection.features, entry.level);
		if (report.matched === 0) {
			await this.#store.clear(entry.level).catch(() => undefined);
			return null;
		}
		await this.#store.save({ ...entry, referenceKey: referenceKey(this.#reference), collection, report }).catch(() => undefined);
		return { collection, source: entry.source, report };
	}

	#match(features: readonly InputFeature[], level: BoundaryLevel) {
		return matchBoundaries(features, this.#reference, level);
	}

	#set(level: BoundaryLevel, collection: BoundaryCollection, source: BoundarySource, report: MatchReport): void {
		if (level === 'village') this.village = collection;
		else this.kecamatan = collection;
		this.source = { ...this.source, [level]: source };
		this.report = { ...this.report, [level]: report };
	}

	/**
	 * Reads `file` (GeoJSON or zipped shapefile), matches it to the reference at `level` and, when at
	 * least one feature matched, makes it that level's shapes and keeps it in the browser. True when the
	 * shapes were replaced; on false, `importError` says why and the shapes are unchanged.
	 */
	async importFile(file: BoundaryInput, level: BoundaryLevel): Promise<boolean> {
		if (this.busy) return false;
		this.busy = level;
		this.importError = null;
		try {
			// The bundled shapes must not arrive after, and over, the imported ones.
			await this.ensureLoaded();
			const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.bytes;
			const read = await readBoundaryFile(file.name, bytes);
			const { collection, report } = this.#match(read.features, level);
			if (report.matched === 0) {
				throw new BoundaryFileError(
					level === 'village'
						? m.boundary_none_matched_village({ file: file.name, count: read.features.length, kabupaten: this.#reference.kabupaten.nama })
						: m.boundary_none_matched_kecamatan({ file: file.name, count: read.features.length, kabupaten: this.#reference.kabupaten.nama }),
					file.name
				);
			}
			const source: ImportedSource = {
				kind: 'imported',
				name: file.name,
				importedAt: nowIso(),
				format: read.format,
				layers: read.layers,
				skippedLayers: read.skippedLayers
			};
			this.#set(level, collection, source, report);
			this.version++;
			try {
				await this.#store.save({
					version: BOUNDARY_STORE_VERSION,
					level,
					source,
					referenceKey: referenceKey(this.#reference),
					collection,
					report
				});
				this.storeError = null;
			} catch (error) {
				this.storeError = m.boundary_store_save_failed({ reason: reasonOf(error) });
			}
			return true;
		} catch (error) {
			this.importError =
				error instanceof BoundaryFileError
					? { level, message: error.message, file: error.file, feature: error.feature, property: error.property }
					: { level, message: m.boundary_read_failed({ file: file.name, reason: reasonOf(error) }), file: file.name };
			return false;
		} finally {
			this.busy = null;
		}
	}

	/** Back to the bundled shapes of `level`; the imported ones are forgotten in the browser too. */
	async resetToDefault(level: BoundaryLevel): Promise<void> {
		if (this.busy) return;
		this.busy = level;
		this.importError = null;
		try {
			await this.ensureLoaded();
			try {
				await this.#store.clear(level);
				this.storeError = null;
			} catch (error) {
				this.storeError = m.boundary_store_clear_failed({ reason: reasonOf(error) });
			}
			const collection = await this.#loadDefault(level);
			this.#set(level, collection, DEFAULT_SOURCE, this.#match(collection.features, level).report);
			this.version++;
		} catch (error) {
			this.error = reasonOf(error);
		} finally {
			this.busy = null;
		}
	}

	dismissImportError(): void {
		this.importError = null;
	}
}

export const boundaries = new BoundaryModel();
