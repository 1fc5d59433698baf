/**
 * Imported boundaries kept across reloads: one record per regency and level (village, kecamatan) in an
 * IndexedDB database of their own ('tepat-boundaries'), apart from the register's ('tepat'), so neither
 * schema has to know the other and "Hapus data tersimpan" (the register) leaves the user's boundaries
 * alone, as it leaves their column mappings. Keeping them per regency means a register of another
 * regency finds its own imported shapes, and Kukar's come back with a Kukar register.
 *
 * What is kept is the matched result (shapes keyed by canonical codes, with their original properties)
 * and its report, not the source file: a reload needs no shapefile parsing. The record says which
 * reference it was matched against; if the app's reference has changed since, the model matches the
 * kept shapes again. Records that do not look right are ignored, never applied.
 */
import type { MatchReport } from '$lib/core/geo/match';
import type { BoundaryFormat } from '$lib/core/geo/read';
import type { BoundaryCollection, BoundaryLevel } from '$lib/core/geo/types';
import type { Reference } from '$lib/core/reference';
import { request, withStore as withDbStore } from './idb';

export const BOUNDARY_STORE_VERSION = 1;

/** Where a level's imported shapes came from. */
export interface ImportedSource {
	kind: 'imported';
	/** The file name as the user chose it. */
	name: string;
	/** ISO date-time of the import. */
	importedAt: string;
	format: BoundaryFormat;
	/** Shapefile layers read / left out (empty for GeoJSON). */
	layers: string[];
	skippedLayers: string[];
}

export interface StoredBoundaries {
	version: number;
	level: BoundaryLevel;
	source: ImportedSource;
	/** `referenceKey()` of the reference the shapes were matched against. */
	referenceKey: string;
	collection: BoundaryCollection;
	report: MatchReport;
}

export type StoredLevels = Partial<Record<BoundaryLevel, StoredBoundaries>>;

/** The persistence the BoundaryModel needs, per regency (its code, e.g. 64.03); IndexedDB in the app, a Map in tests. */
export interface BoundaryStore {
	read(regency: string): Promise<StoredLevels>;
	/** Keeps `entry` for the regency its `referenceKey` names (`storedRegency`). */
	save(entry: StoredBoundaries): Promise<void>;
	clear(regency: string, level: BoundaryLevel): Promise<void>;
}

/** The regency a stored record belongs to: the kabupaten code that opens its reference key. */
export function storedRegency(entry: Pick<StoredBoundaries, 'referenceKey'>): string {
	return entry.referenceKey.split(':')[0] ?? '';
}

/** Identifies a reference by its kabupaten and every unit's code and name (FNV-1a, hex). */
export function referenceKey(reference: Reference): string {
	let hash = 0x811c9dc5;
	const units = [...reference.kecamatan.map((k) => `${k.kode}=${k.nama}`), ...reference.villages.map((v) => `${v.kode}=${v.nama}`)];
	for (const char of units.join('|')) {
		hash ^= char.codePointAt(0) ?? 0;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return `${reference.kabupaten.kode}:${reference.kecamatan.length}:${reference.villages.length}:${hash.toString(16)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/** A stored record fit to apply: the right version and level, a FeatureCollection and a report. */
export function isStoredBoundaries(value: unknown, level: BoundaryLevel): value is StoredBoundaries {
	if (!isRecord(value) || value.version !== BOUNDARY_STORE_VERSION || value.level !== level) return false;
	const { source, collection, report } = value;
	return (
		isRecord(source) &&
		source.kind === 'imported' &&
		typeof source.name === 'string' &&
		typeof source.importedAt === 'string' &&
		typeof value.referenceKey === 'string' &&
		isRecord(collection) &&
		collection.type === 'FeatureCollection' &&
		Array.isArray(collection.features) &&
		isRecord(report) &&
		report.level === level &&
		Array.isArray(report.unmatched) &&
		Array.isArray(report.missing)
	);
}

const DB_NAME = 'tepat-boundaries';
const STORE = 'levels';
const LEVELS: BoundaryLevel[] = ['village', 'kecamatan'];

function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T> | T): Promise<T> {
	return withDbStore(DB_NAME, STORE, mode, work);
}

/** Key of a regency's level; records kept before imports were per regency are under the level alone. */
const keyOf = (regency: string, level: BoundaryLevel) => `${regency}/${level}`;

/**
 * The browser's store: IndexedDB 'tepat-boundaries', object store 'levels', keyed by regency and level
 * (`64.03/village`). A record from before (keyed by level alone) is read as its regency's, and moved
 * under the new key by the next save or clear of that regency's level.
 */
export const indexedDbBoundaryStore: BoundaryStore = {
	async read(regency) {
		const values = await withStore('readonly', (store) =>
			Promise.all(LEVELS.flatMap((level) => [request(store.get(keyOf(regency, level))), request(store.get(level))]))
		);
		const out: StoredLevels = {};
		LEVELS.forEach((level, i) => {
			const current: unknown = values[i * 2];
			const legacy: unknown = values[i * 2 + 1];
			if (isStoredBoundaries(current, level) && storedRegency(current) === regency) out[level] = current;
			else if (isStoredBoundaries(legacy, level) && storedRegency(legacy) === regency) out[level] = legacy;
		});
		return out;
	},
	async save(entry) {
		const regency = storedRegency(entry);
		await withStore('readwrite', async (store) => {
			await dropLegacy(store, regency, entry.level);
			store.put(entry, keyOf(regency, entry.level));
		});
	},
	async clear(regency, level) {
		await withStore('readwrite', async (store) => {
			await dropLegacy(store, regency, level);
			store.delete(keyOf(regency, level));
		});
	}
};

/** Removes the level's record from before per-regency keys when it is this regency's. */
async function dropLegacy(store: IDBObjectStore, regency: string, level: BoundaryLevel): Promise<void> {
	const legacy: unknown = await request(store.get(level));
	if (isStoredBoundaries(legacy, level) && storedRegency(legacy) === regency) store.delete(level);
}
