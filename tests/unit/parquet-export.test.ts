/**
 * The browser's stored copy of a register, on the browser's DuckDB (duckdb-wasm) and parquet-wasm in
 * Node: every register table of the BDT-1252 and P3KE format fixtures goes to Parquet and back unchanged.
 * Both fixtures leave a Boolean column (`disability`) entirely NULL, which apache-arrow's IPC writer
 * encodes without its values buffer and parquet-wasm then rejects.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcFileToStream } from '../../src/lib/engine/arrow-ipc';
import { bytesByteSource, ingestRegister, loadReference } from '../../src/lib/ingest';
import { REGISTER_TABLES } from '../../src/lib/ingest/tables';
import { exportTables, restoreTables } from '../../src/lib/state/register-tables';
import { TINY_REFERENCE } from '../fixtures/ingest';
import { WasmTestEngine } from './wasm-engine';

const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const FIXTURES = ['bdt-1252-semicolon.csv', 'p3ke-labels.csv'] as const;

async function ingestFixture(engine: WasmTestEngine, name: string): Promise<void> {
	const bytes = new Uint8Array(await readFile(`${FORMATS}${name}`));
	await ingestRegister(engine, [bytesByteSource(name, bytes)], TINY_REFERENCE, { asOf: '2025-07-01' });
}

/** Column types and every row of `table`, in a fixed order. */
async function contents(engine: WasmTestEngine, table: string): Promise<{ columns: unknown[]; rows: unknown[] }> {
	const columns = await engine.query(
		`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`
	);
	const rows = await engine.query(`SELECT * FROM ${table} ORDER BY ALL`);
	return { columns: columns.toArray().map((row) => row.toJSON()), rows: rows.toArray().map((row) => row.toJSON()) };
}

describe('stored register copy on duckdb-wasm and parquet-wasm', () => {
	let engine: WasmTestEngine;
	let restored: WasmTestEngine;
	beforeAll(async () => {
		engine = await WasmTestEngine.open();
		restored = await WasmTestEngine.open();
		await loadReference(engine, TINY_REFERENCE);
	});
	afterAll(async () => {
		await engine.close();
		await restored.close();
	});

	for (const name of FIXTURES) {
		it(`${name}: every register table comes back from Parquet unchanged`, async () => {
			await ingestFixture(engine, name);
			const disability = await engine.query(`SELECT count(*)::INTEGER AS n, count(disability)::INTEGER AS known FROM person`);
			expect(disability.get(0)?.toJSON()).toMatchObject({ known: 0 });

			await restoreTables(restored, await exportTables(engine));
			for (const table of REGISTER_TABLES) {
				expect(await contents(restored, table), table).toEqual(await contents(engine, table));
			}
		});

		it(`${name}: re-encoding the person table with apache-arrow is what parquet-wasm rejects`, async () => {
			await ingestFixture(engine, name);
			// What BrowserEngine.exportParquet did before: DuckDB's bytes → apache-arrow Table → tableToIPC.
			const reencoded = tableToIPC(tableFromIPC(engine.runQueryIPC('SELECT * FROM person')), 'stream');
			expect(() => writeParquet(WasmTable.fromIPCStream(reencoded))).toThrow(/Need at least 1 bytes for bitmap/);
		});
	}

	it('an empty table keeps its columns through Parquet', async () => {
		await engine.exec(`CREATE OR REPLACE TABLE empty_register AS SELECT NULL::BOOLEAN AS b, 1::BIGINT AS n, 'x' AS s LIMIT 0`);
		expect(await restored.createTableFromParquet('empty_register', await engine.exportParquet('SELECT * FROM empty_register'))).toBe(0);
		expect(await contents(restored, 'empty_register')).toEqual(await contents(engine, 'empty_register'));
	});
});

describe('ipcFileToStream', () => {
	it('refuses bytes that are not an Arrow IPC file', () => {
		expect(() => ipcFileToStream(new TextEncoder().encode('bukan arrow, bukan parquet'))).toThrow('Not an Arrow IPC file');
		expect(() => ipcFileToStream(new Uint8Array(0))).toThrow('Not an Arrow IPC file');
	});
});
