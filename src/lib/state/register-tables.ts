/** Moves a register's tables between DuckDB and Parquet bytes (the stored copy, the prebuilt sample). */
import type { Engine } from '$lib/engine/types';
import { REGISTER_TABLES } from '$lib/ingest/tables';
import type { RegisterTables } from './persistence';

export async function exportTables(engine: Engine): Promise<RegisterTables> {
	const entries: [string, Uint8Array][] = [];
	for (const table of REGISTER_TABLES) {
		entries.push([table, await engine.exportParquet(`SELECT * FROM ${table}`)]);
	}
	return Object.fromEntries(entries) as RegisterTables;
}

export async function restoreTables(engine: Engine, tables: RegisterTables): Promise<void> {
	for (const table of REGISTER_TABLES) await engine.createTableFromParquet(table, tables[table]);
}
