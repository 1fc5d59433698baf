/**
 * Keeps the last loaded register across reloads: the canonical `household` and `person` tables as Parquet
 * bytes plus a small meta record, never DuckDB's own database file (see TOOLCHAIN.md on opfs:// files).
 *
 * Why IndexedDB rather than OPFS: one readwrite transaction writes both tables and the meta record
 * together, so a reload during a save finds either the old complete register or the new one, never half
 * of each; IndexedDB stores multi-MB Uint8Arrays directly in every browser we target (OPFS writes from the
 * main thread need createWritable, which Safari lacks); and clearing is one transaction too.
 */

import { registerSchemaFingerprint } from '$lib/core/schema';
import type { LoadMapping } from '$lib/ingest/mapping';
import type { RegisterRegency } from '$lib/ingest/regency-change';

import { REGISTER_TABLES, type RegisterTable } from '$lib/ingest/tables';
import { request, withStore as withDbStore } from './idb';

/**
 * 3: the regency's `village` and `kecamatan` tables and the regency are kept with the register (2 kept
 * the other tables of REGISTER_TABLES, 1 household and person only).
 */
export const STORE_VERSION = 3;

export const schemaFingerprint = registerSchemaFingerprint;

export type RegisterSource = 'sample' | 'file' | 'stored';

/** What the top bar and the Data screen say about the loaded register. */
export interface RegisterInfo {
	/** File names as the user knows them. */
	names: string[];
	/** ISO date-time of the load. */
	loadedAt: string;
	source: RegisterSource;
	/** Source kind reported by ingest (dtsen, bdt, p3ke). */
	kind: string;
	households: number;
	people: number;
	/** The column mapping the load used (files only; the sample has its standard headers). */
	mapping?: LoadMapping;
	/** The register's regency and how it was decided (files; the sample is the bundled regency's). */
	regency?: RegisterRegency;
}

export interface StoredMeta {
	version: number;
	/** schemaFingerprint() at save time. */
	schema: string;
	info: RegisterInfo;
	savedAt: string;
	bytes: number;
	/** The id of the save that wrote it (save-marker.ts): a start-up marker with another id is a save that never committed. */
	save?: string;
}

export type RegisterTables = Record<RegisterTable, Uint8Array>;

export interface StoredRegister {
	meta: StoredMeta;
	tables: RegisterTables;
}

const DB_NAME = 'tepat';
const STORE = 'register';
const META_KEY = 'meta';
const tableKey = (table: RegisterTable) => `table:${table}`;

function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T> | T): Promise<T> {
	return withDbStore(DB_NAME, STORE, mode, work);
}

/**
 * Writes every register table and the meta record in one transaction (replacing what was there); `save`
 * is the save's id (save-marker.ts), kept in the meta record.
 */
export async function saveRegister(info: RegisterInfo, tables: RegisterTables, save?: string): Promise<StoredMeta> {
	const meta: StoredMeta = {
		version: STORE_VERSION,
		schema: schemaFingerprint(),
		info,
		savedAt: new Date().toISOString(),
		bytes: REGISTER_TABLES.reduce((sum, table) => sum + tables[table].byteLength, 0),
		...(save === undefined ? {} : { save })
	};
	await withStore('readwrite', (store) => {
		store.clear();
		for (const table of REGISTER_TABLES) store.put(tables[table], tableKey(table));
		store.put(meta, META_KEY);
	});
	return meta;
}

function isBytes(value: unknown): value is Uint8Array {
	return value instanceof Uint8Array;
}

/** The stored register, or null when there is none (or it is from an incompatible version). */
export async function readRegister(): Promise<StoredRegister | null> {
	const [meta, ...bytes] = await withStore('readonly', (store) =>
		Promise.all([
			request(store.get(META_KEY)) as Promise<StoredMeta | undefined>,
			...REGISTER_TABLES.map((table) => request(store.get(tableKey(table))) as Promise<unknown>)
		])
	);
	if (!meta) return null;
	if (meta.version !== STORE_VERSION || meta.schema !== schemaFingerprint()) {
		throw new Error('data tersimpan dibuat oleh versi Tepat yang lain');
	}
	const tables: Partial<RegisterTables> = {};
	for (const [index, table] of REGISTER_TABLES.entries()) {
		const value = bytes[index];
		if (!isBytes(value)) throw new Error('data tersimpan tidak lengkap');
		tables[table] = value;
	}
	return { meta, tables: tables as RegisterTables };
}

/** Only the meta record: cheap, for showing what is stored. */
export async function readMeta(): Promise<StoredMeta | null> {
	const meta = await withStore('readonly', (store) => request(store.get(META_KEY)));
	return (meta as StoredMeta | undefined) ?? null;
}

export async function clearRegister(): Promise<void> {
	await withStore('readwrite', (store) => {
		store.clear();
	});
}
