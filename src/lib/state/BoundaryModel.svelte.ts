/**
 * The shapes the map draws, per level (village, kecamatan), for the regency of the loaded register
 * (issue 11 point 2). Kukar's boundaries are bundled (data/boundaries, served from our own origin as
 * build assets, CSP connect-src 'self'); any regency's can be imported (GeoJSON or a zipped shapefile,
 * issue 5.4), matched to that regency's reference and kept in IndexedDB per regency (boundary-store.ts).
 * So: the bundled regency → the user's import for it, else the bundled shapes; any other regency → the
 * user's import for it, else none (`hasShapes` false: the map says so, every figure works without).
 * Kecamatan shapes that were neither imported nor bundled are derived from the village shapes
 * (dissolve.ts).
 *
 * `follow(reference)` moves the model to another regency (the register's, set by the app); shapes
 * still loading for the previous one are dropped. An import replaces a level's shapes only when the
 * file was read and at least one feature matched; a bad file leaves the shapes as they were and says
 * why (`importError`). Every replacement bumps `version`, which is what the map watches before it
 * re-reads geometry.
 */
import { kecamatanFromVillages } from '$lib/core/geo/dissolve';
import { matchBoundaries, type MatchReport } from '$lib/core/geo/match';
import { checkWithinRegency } from '$lib/core/geo/regency-extent';
import { BoundaryFileError, checkBoundarySize, readBoundaryFile } from '$lib/core/geo/read';
import type { BoundaryCollection, BoundaryLevel } from '$lib/core/geo/types';
import type { Reference } from '$lib/core/reference';
import { reference as bundledReference } from './database';
import { coded } from '$lib/core/messages';
import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/words/error-text';
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
import { BUNDLED_BOUNDARY_SOURCE } from '$lib/core/geo/bundled';

export const BOUNDARY_LEVELS: readonly BoundaryLevel[] = ['village', 'kecamatan'];

/** Where the bundled shapes come from and their licence, credited while they are drawn. */
export const BOUNDARY_SOURCE = BUNDLED_BOUNDARY_SOURCE;

const DEFAULT_URLS: Record<BoundaryLevel, string> = { village: villageUrl, kecamatan: kecamatanUrl };

/** Kecamatan outlines dissolved from the village shapes of `from` (an imported file's name). */
export interface DerivedSource {
	kind: 'derived';
	from: string;
	/** Kecamatan whose villages could not be dissolved and are drawn grouped (codes). */
	grouped: string[];
}

export type BoundarySource = { kind: 'default' } | ImportedSource | DerivedSource | { kind: 'none' };

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
	/** The regency's reference to start on (default: the bundled one). */
	reference?: Reference;
	store?: BoundaryStore;
	/** The regency whose shapes are bundled (default: the bundled reference's, Kukar). */
	bundledRegency?: string;
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
	return errorText(error);
}

const DEFAULT_SOURCE: BoundarySource = { kind: 'default' };
const NO_SOURCE: BoundarySource = { kind: 'none' };

interface LevelShapes {
	collection: BoundaryCollection | null;
	source: BoundarySource;
	report: MatchReport;
}

export class BoundaryModel {
	village = $state.raw<BoundaryCollection | null>(null);
	kecamatan = $state.raw<BoundaryCollection | null>(null);
	/** Loading the shapes failed (neither stored nor bundled ones could be read). */
	error = $state<string | null>(null);
	/** Bumped whenever a level's shapes are replaced, so the map re-reads geometry only then. */
	version = $state(0);
	/** Per level: the bundled shapes, the imported file, kecamatan derived from villages, or none. */
	source = $state.raw<Record<BoundaryLevel, BoundarySource>>({ village: DEFAULT_SOURCE, kecamatan: DEFAULT_SOURCE });
	/** Per level: how the active shapes matched the reference (null until loaded). */
	report = $state.raw<Record<BoundaryLevel, MatchReport | null>>({ village: null, kecamatan: null });
	/** The level being imported or reset, if any. */
	busy = $state<BoundaryLevel | null>(null);
	/** Why the last import failed (the shapes stayed as they were). */
	importError = $state.raw<BoundaryImportError | null>(null);
	/** Why the imported shapes could not be kept (or forgotten) in the browser; they apply to this page. */
	storeError = $state<string | null>(null);
	/** The regency the shapes are for (code and name as Kemendagri writes it). */
	regency = $state.raw<{ kode: string; nama: string }>(bundledReference.kabupaten);
	/** Whether the shapes of the shown regency are loaded (false while a regency's shapes are being read). */
	loaded = $state(false);

	#reference = $state.raw<Reference>(bundledReference);
	readonly #store: BoundaryStore;
	readonly #bundledRegency: string;
	readonly #loadDefault: (level: BoundaryLevel) => Promise<BoundaryCollection>;
	#loading: Promise<void> | null = null;
	/** Whether anything asked for shapes yet (a regency change reloads only then). */
	#wanted = false;

	constructor(options: BoundaryModelOptions = {}) {
		this.#reference = options.reference ?? bundledReference;
		this.regency = this.#reference.kabupaten;
		this.#store = options.store ?? indexedDbBoundaryStore;
		this.#bundledRegency = options.bundledRegency ?? bundledReference.kabupaten.kode;
		this.#loadDefault = options.loadDefault ?? fetchDefault;
	}

	/** Whether Tepat ships this regency's shapes. */
	get bundled(): boolean {
		return this.#reference.kabupaten.kode === this.#bundledRegency;
	}

	/** Whether there are village shapes to draw for the shown regency. */
	get hasShapes(): boolean {
		return (this.village?.features.length ?? 0) > 0;
	}

	/** Whether bundled shapes are drawn at some level (their licence notice is then due). */
	get showsBundled(): boolean {
		return this.source.village.kind === 'default' || this.source.kecamatan.kind === 'default';
	}

	/** The active shapes of a level. */
	shapes(level: BoundaryLevel): BoundaryCollection | null {
		return level === 'village' ? this.village : this.kecamatan;
	}

	/**
	 * Moves to the regency of `reference`: its shapes replace the current ones (loaded now if shapes
	 * were asked for, else at the next `ensureLoaded`). The same reference again changes nothing.
	 */
	follow(reference: Reference): Promise<void> {
		if (referenceKey(reference) === referenceKey(this.#reference)) return this.#loading ?? Promise.resolve();
		this.#reference = reference;
		this.regency = reference.kabupaten;
		this.importError = null;
		this.#loading = null;
		this.loaded = false;
		return this.#wanted ? this.ensureLoaded() : Promise.resolve();
	}

	/**
	 * Loads the shapes of the current regency once: the imported ones kept in the browser, else the
	 * bundled ones (or none). Later calls return the same promise; a failure is forgotten for a retry.
	 */
	ensureLoaded(): Promise<void> {
		this.#wanted = true;
		if (!this.#loading) {
			const loading: Promise<void> = this.#load(this.#reference).catch((error: unknown) => {
				if (this.#loading === loading) this.#loading = null;
				this.error = reasonOf(error);
			});
			this.#loading = loading;
		}
		return this.#loading;
	}

	async #load(reference: Reference): Promise<void> {
		let stored: Partial<Record<BoundaryLevel, StoredBoundaries>> = {};
		try {
			stored = await this.#store.read(reference.kabupaten.kode);
		} catch (error) {
			this.storeError = m.boundary_store_read_failed({ reason: reasonOf(error) });
		}
		const bundled = reference.kabupaten.kode === this.#bundledRegency;
		const loaded = await Promise.all(
			BOUNDARY_LEVELS.map(async (level): Promise<[BoundaryLevel, LevelShapes]> => {
				const kept = stored[level] ? await this.#restored(stored[level], reference) : null;
				if (kept) return [level, kept];
				if (!bundled) return [level, this.#none(level, reference)];
				const collection = await this.#loadDefault(level);
				return [level, { collection, source: DEFAULT_SOURCE, report: matchBoundaries(collection.features, reference, level).report }];
			})
		);
		// Another regency was chosen meanwhile: its own load sets the shapes.
		if (reference !== this.#reference) return;
		const levels = Object.fromEntries(loaded) as Record<BoundaryLevel, LevelShapes>;
		for (const level of BOUNDARY_LEVELS) this.#set(level, levels[level]);
		this.#deriveKecamatan(reference);
		this.error = null;
		this.loaded = true;
		this.version++;
	}

	#none(level: BoundaryLevel, reference: Reference): LevelShapes {
		return { collection: null, source: NO_SOURCE, report: matchBoundaries([], reference, level).report };
	}

	/** A stored import, matched again if the reference has changed since; null when nothing matches now. */
	async #restored(entry: StoredBoundaries, reference: Reference): Promise<LevelShapes | null> {
		const key = referenceKey(reference);
		if (entry.referenceKey === key) return { collection: entry.collection, source: entry.source, report: entry.report };
		const { collection, report } = matchBoundaries(entry.collection.features, reference, entry.level);
		if (report.matched === 0) {
			await this.#store.clear(reference.kabupaten.kode, entry.level).catch(() => undefined);
			return null;
		}
		await this.#store.save({ ...entry, referenceKey: key, collection, report }).catch(() => undefined);
		return { collection, source: entry.source, report };
	}

	/**
	 * Kecamatan shapes neither imported nor bundled: dissolved from the village shapes when there are
	 * some (imported), else none.
	 */
	#deriveKecamatan(reference: Reference): void {
		const kind = this.source.kecamatan.kind;
		if (kind === 'imported' || kind === 'default') return;
		const villageSource = this.source.village;
		if (villageSource.kind !== 'imported' || !this.village) {
			this.#set('kecamatan', this.#none('kecamatan', reference));
			return;
		}
		const derived = kecamatanFromVillages(this.village, reference);
		this.#set('kecamatan', {
			collection: derived.collection,
			source: { kind: 'derived', from: villageSource.name, grouped: derived.grouped },
			report: matchBoundaries(derived.collection.features, reference, 'kecamatan').report
		});
	}

	#set(level: BoundaryLevel, shapes: LevelShapes): void {
		if (level === 'village') this.village = shapes.collection;
		else this.kecamatan = shapes.collection;
		this.source = { ...this.source, [level]: shapes.source };
		this.report = { ...this.report, [level]: shapes.report };
	}

	/**
	 * Reads `file` (GeoJSON or zipped shapefile), matches it to the regency's reference at `level` and,
	 * when at least one feature matched, makes it that level's shapes and keeps it in the browser. True
	 * when the shapes were replaced; on false, `importError` says why and the shapes are unchanged.
	 */
	async importFile(file: BoundaryInput, level: BoundaryLevel): Promise<boolean> {
		if (this.busy) return false;
		this.busy = level;
		this.importError = null;
		try {
			// The bundled or stored shapes must not arrive after, and over, the imported ones.
			await this.ensureLoaded();
			const reference = this.#reference;
			if (file instanceof Blob) checkBoundarySize(file.name, file.size);
			const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.bytes;
			const read = await readBoundaryFile(file.name, bytes);
			const match = matchBoundaries(read.features, reference, level);
			const { collection, report } = match;
			if (report.matched === 0) {
				const kabupaten = reference.kabupaten.nama;
				throw new BoundaryFileError(
					coded('boundary.none_matched', { file: file.name, count: read.features.length, kabupaten, level }),
					file.name
				);
			}
			checkWithinRegency(file.name, match, reference);
			const source: ImportedSource = {
				kind: 'imported',
				name: file.name,
				importedAt: nowIso(),
				format: read.format,
				layers: read.layers,
				skippedLayers: read.skippedLayers
			};
			if (reference !== this.#reference) return false;
			this.#set(level, { collection, source, report });
			if (level === 'village') this.#deriveKecamatan(reference);
			this.version++;
			try {
				await this.#store.save({
					version: BOUNDARY_STORE_VERSION,
					level,
					source,
					referenceKey: referenceKey(reference),
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
					? { level, message: errorText(error), file: error.file, feature: error.feature, property: error.property }
					: { level, message: m.boundary_read_failed({ file: file.name, reason: reasonOf(error) }), file: file.name };
			return false;
		} finally {
			this.busy = null;
		}
	}

	/**
	 * Forgets the imported shapes of `level` (here and in the browser): back to the bundled ones, or to
	 * none (kecamatan: derived from the villages) for a regency whose shapes are not bundled.
	 */
	async resetToDefault(level: BoundaryLevel): Promise<void> {
		if (this.busy) return;
		this.busy = level;
		this.importError = null;
		try {
			await this.ensureLoaded();
			const reference = this.#reference;
			try {
				await this.#store.clear(reference.kabupaten.kode, level);
				this.storeError = null;
			} catch (error) {
				this.storeError = m.boundary_store_clear_failed({ reason: reasonOf(error) });
			}
			let shapes = this.#none(level, reference);
			if (reference.kabupaten.kode === this.#bundledRegency) {
				const collection = await this.#loadDefault(level);
				shapes = { collection, source: DEFAULT_SOURCE, report: matchBoundaries(collection.features, reference, level).report };
			}
			if (reference !== this.#reference) return;
			this.#set(level, shapes);
			this.#deriveKecamatan(reference);
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
