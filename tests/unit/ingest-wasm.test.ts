/**
 * The same ingest and overview SQL on duckdb-wasm (the browser's DuckDB 1.4.3 with core functions
 * only), through its blocking Node build. Parquet is not exercised here (the browser reads it with
 * parquet-wasm); CSV slices, normalisation, the swap and the overview queries are.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings, type DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS, type Engine } from '../../src/lib/engine/types';
import { IngestError, ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { overviewByKecamatan, registerTotals } from '../../src/lib/queries/overview';
import { TINY_REFERENCE, fixture } from '../fixtures/ingest';

/** A minimal Engine over the blocking duckdb-wasm build (no Parquet). */
class WasmTestEngine implements Engine {
	readonly host = 'browser' as const;
	constructor(
		private readonly db: DuckDBBindings,
		private readonly conn: DuckDBConnection
	) {}

	static async open(): Promise<WasmTestEngine> {
		const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
		const db = await createDuckDB(
			{
				mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
				eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
			},
			new VoidLogger(),
			NODE_RUNTIME
		);
		await db.instantiate();
		const engine = new WasmTestEngine(db, db.connect());
		for (const setting of OFFLINE_SETTINGS) await engine.exec(setting);
		return engine;
	}
	async query(sql: string): Promise<Table> {
		return this.conn.query(sql) as unknown as Table;
	}
	async exec(sql: string): Promise<void> {
		this.conn.query(sql);
	}
	async registerFile(name: string, bytes: Uint8Array): Promise<void> {
		this.db.registerFileBuffer(name, bytes.slice());
	}
	async dropFile(name: string): Promise<void> {
		this.db.dropFile(name);
	}
	async createTableFromParquet(): Promise<number> {
		throw new Error('not in this test engine');
	}
	async exportParquet(): Promise<Uint8Array> {
		throw new Error('not in this test engine');
	}
	async close(): Promise<void> {
		this.conn.close();
	}
}

describe('ingest on duckdb-wasm', () => {
	let engine: WasmTestEngine;
	beforeAll(async () => {
		engine = await WasmTestEngine.open();
		await loadReference(engine, TINY_REFERENCE);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('loads DTSEN flat, DTSEN pair and BDT semicolon files with the Node counts', async () => {
		const flat = await ingestRegister(engine, [await fileByteSource(fixture('dtsen-flat-quoted.csv'))], TINY_REFERENCE, { sliceBytes: 97 });
		expect(flat).toMatchObject({ households: 4, people: 10, unmatchedHouseholds: 1, unknownValues: 1 });
		expect(await overviewByKecamatan(engine)).toEqual([
			{ kecamatan_kode: '64.02.01', kecamatan_nama: 'Muara Muntai', villages: 1, households: 0, people: 0 },
			{ kecamatan_kode: '64.02.06', kecamatan_nama: 'Tenggarong', villages: 2, households: 2, people: 5 },
			{ kecamatan_kode: '64.02.12', kecamatan_nama: 'Tabang', villages: 1, households: 1, people: 4 }
		]);
		const people = await engine.query(`SELECT count(*) FILTER (WHERE disability)::INTEGER AS d, count(birth_date)::INTEGER AS b, count(age)::INTEGER AS a FROM person`);
		expect(people.get(0)?.toJSON()).toEqual({ d: 2, b: 10, a: 10 });

		const pair = await ingestRegister(
			engine,
			[await fileByteSource(fixture('dtsen-anggota.csv')), await fileByteSource(fixture('dtsen-keluarga.csv'))],
			TINY_REFERENCE
		);
		expect(pair).toMatchObject({ households: 4, people: 10 });

		const bdt = await ingestRegister(engine, [await fileByteSource(fixture('bdt-flat-semicolon.csv'))], TINY_REFERENCE);
		expect(bdt).toMatchObject({ source: 'bdt', households: 3, people: 7 });
		expect(await registerTotals(engine)).toEqual({ households: 3, people: 7, villages_with_data: 3, unmatched_households: 0 });
	});

	it('a failed load keeps the previous tables', async () => {
		await ingestRegister(engine, [await fileByteSource(fixture('dtsen-flat.csv'))], TINY_REFERENCE);
		const error = await ingestRegister(
			engine,
			[await fileByteSource(fixture('dtsen-keluarga-dup.csv')), await fileByteSource(fixture('dtsen-anggota.csv'))],
			TINY_REFERENCE
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(IngestError);
		expect(await registerTotals(engine)).toMatchObject({ households: 4, people: 10 });
	});
});
