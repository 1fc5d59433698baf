/**
 * Keeps the verval fieldwork across reloads (issue 13 point 2): the `verval_result` and
 * `verval_decision` tables as Parquet bytes plus what the user entered on the Verval screen (rounds,
 * pleno dates, villages verified on paper, the deadline), in its own IndexedDB database beside the
 * register's. A register load never replaces it: results name people by NIK or record id, so they
 * resolve against whatever register is loaded. One transaction writes tables and meta together.
 */
import { createTableSql, FIELDWORK_TABLES, fieldworkSchemaFingerprint, type FieldworkTable } from '$lib/core/catalog';
import type { Engine } from '$lib/engine/types';
import { request, withStore } from './idb';

export const FIELDWORK_STORE_VERSION = 1;

/** One imported result file. */
export interface RoundFile {
	name: string;
	rows: number;
	/** Rows whose status answer was not recognised. */
	unreadRows: number;
	importedAt: string;
}

export interface FieldworkRound {
	round: number;
	files: RoundFile[];
}

/** A pleno held: `level:kode` → ISO date. */
export type PlenoKey = `${'village' | 'kecamatan'}:${string}`;

export interface FieldworkMeta {
	version: number;
	schema: string;
	rounds: FieldworkRound[];
	plenos: Record<PlenoKey, string>;
	/** Village codes verified on paper (blank spots), their results typed in later or not at all. */
	paper: string[];
	/** ISO date by which every kecamatan should be done; null when none is set. */
	deadline: string | null;
	/**
	 * Names the results and decisions as they stand: new with every import, decision or clearing, so
	 * what was computed from them can be recognised after a reload (absent in copies stored before it).
	 */
	revision?: string;
}

/** A new fieldwork revision. */
export function newRevision(): string {
	return `${new Date().toISOString()}-${Math.random().toString(36).slice(2, 10)}`;
}

export type FieldworkTables = Record<FieldworkTable, Uint8Array>;

export interface StoredFieldwork {
	meta: FieldworkMeta;
	tables: FieldworkTables;
}

export function emptyFieldworkMeta(): FieldworkMeta {
	return { version: FIELDWORK_STORE_VERSION, schema: fieldworkSchemaFingerprint(), rounds: [], plenos: {}, paper: [], deadline: null };
}

const DB_NAME = 'tepat-fieldwork';
const STORE = 'fieldwork';
const META_KEY = 'meta';
const tableKey = (table: FieldworkTable) => `table:${table}`;

export async function saveFieldwork(meta: FieldworkMeta, tables: FieldworkTables): Promise<void> {
	await withStore(DB_NAME, STORE, 'readwrite', (store) => {
		store.clear();
		for (const table of FIELDWORK_TABLES) store.put(tables[table], tableKey(table));
		store.put(meta, META_KEY);
	});
}

/** Replaces only the meta record (pleno dates, paper villages, deadline): the tables stored beside it stay. */
export async function saveFieldworkMeta(meta: FieldworkMeta): Promise<void> {
	await withStore(DB_NAME, STORE, 'readwrite', (store) => {
		store.put(meta, META_KEY);
	});
}

/** The stored fieldwork; null when there is none. Throws when it is from another version of Tepat. */
export async function readFieldwork(): Promise<StoredFieldwork | null> {
	const [meta, ...bytes] = await withStore(DB_NAME, STORE, 'readonly', (store) =>
		Promise.all([
			request(store.get(META_KEY)) as Promise<FieldworkMeta | undefined>,
			...FIELDWORK_TABLES.map((table) => request(store.get(tableKey(table))) as Promise<unknown>)
		])
	);
	if (!meta) return null;
	if (meta.version !== FIELDWORK_STORE_VERSION || meta.schema !== fieldworkSchemaFingerprint()) {
		throw new Error('hasil verval tersimpan dibuat oleh versi Tepat yang lain');
	}
	const tables: Partial<FieldworkTables> = {};
	for (const [index, table] of FIELDWORK_TABLES.entries()) {
		const value = bytes[index];
		if (!(value instanceof Uint8Array)) throw new Error('hasil verval tersimpan tidak lengkap');
		tables[table] = value;
	}
	return { meta, tables: tables as FieldworkTables };
}

export async function clearFieldwork(): Promise<void> {
	await withStore(DB_NAME, STORE, 'readwrite', (store) => {
		store.clear();
	});
}

/** Creates the fieldwork tables where they do not exist yet (empty). */
export async function ensureFieldworkTables(engine: Engine): Promise<void> {
	for (const table of FIELDWORK_TABLES) await engine.exec(createTableSql(table, table, 'if_not_exists'));
}

export async function exportFieldworkTables(engine: Engine): Promise<FieldworkTables> {
	await ensureFieldworkTables(engine);
	const entries: [FieldworkTable, Uint8Array][] = [];
	for (const table of FIELDWORK_TABLES) entries.push([table, await engine.exportParquet(`SELECT * FROM ${table}`)]);
	return Object.fromEntries(entries) as FieldworkTables;
}

export async function restoreFieldworkTables(engine: Engine, tables: FieldworkTables): Promise<void> {
	for (const table of FIELDWORK_TABLES) await engine.createTableFromParquet(table, tables[table]);
}
