/**
 * The validation report's SQL on duckdb-wasm (the browser's DuckDB, core functions only, no ICU),
 * through its blocking Node build: the same findings as in Node, and the summary reads back.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings, type DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS, type Engine } from '../../src/lib/engine/types';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { loadReport, loadReportRows } from '../../src/lib/ingest/report';
import { TINY_REFERENCE } from '../fixtures/ingest';
import { PAIR_ROWS, tuple } from '../fixtures/report/expected';

const REPORT_DIR = fileURLToPath(new URL('../fixtures/report/', import.meta.url));

class WasmEngine implements Engine {
	readonly host = 'browser' as const;
	constructor(
		private readonly db: DuckDBBindings,
		private readonly conn: DuckDBConnection
	) {}
	static async open(): Promise<WasmEngine> {
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
		const engine = new WasmEngine(db, db.connect());
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

describe('validation report on duckdb-wasm', () => {
	let engine: WasmEngine;
	beforeAll(async () => {
		engine = await WasmEngine.open();
		await loadReference(engine, TINY_REFERENCE);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('gives the same findings as in Node', async () => {
		await ingestRegister(
			engine,
			[await fileByteSource(`${REPORT_DIR}keluarga.csv`), await fileByteSource(`${REPORT_DIR}anggota.csv`)],
			TINY_REFERENCE
		);
		expect((await loadReportRows(engine)).map(tuple)).toEqual(PAIR_ROWS);
		expect(await loadReport(engine)).toMatchObject({
			households: 5,
			people: 14,
			rowsRejected: 3,
			findings: { rejected: 3, error: 10, warning: 15, info: 1 }
		});
	});

	it('flags a column gone through Excel as numbers', async () => {
		await ingestRegister(engine, [await fileByteSource(`${REPORT_DIR}excel-angka.csv`)], TINY_REFERENCE);
		const report = await loadReport(engine);
		expect(report?.trailingZeroColumns).toEqual([
			{ kind: 'nik', file: 'excel-angka.csv', column: 'nomor_induk_kependudukan', rows: 17, firstRow: 1 }
		]);
		expect(report?.nikInTwoFamilies).toEqual({ niks: 1, rows: 1 });
	});
});
