/**
 * The validation report's SQL on duckdb-wasm (the browser's DuckDB, core functions only, no ICU),
 * through its blocking Node build: the same findings as in Node, and the summary reads back.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { loadReport } from '../../src/lib/ingest/report';
import { loadReportRows } from './report-rows';
import { TINY_REFERENCE } from '../fixtures/ingest';
import { PAIR_ROWS, tuple } from '../fixtures/report/expected';
import { WasmTestEngine } from './wasm-engine';

const REPORT_DIR = fileURLToPath(new URL('../fixtures/report/', import.meta.url));

describe('validation report on duckdb-wasm', () => {
	let engine: WasmTestEngine;
	beforeAll(async () => {
		engine = await WasmTestEngine.open();
		await loadReference(engine, TINY_REFERENCE);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('gives the same findings as in Node', async () => {
		await ingestRegister(
			engine,
			[await fileByteSource(`${REPORT_DIR}keluarga.csv`), await fileByteSource(`${REPORT_DIR}anggota.csv`)],
			TINY_REFERENCE,
			{ acceptRejected: true }
		);
		expect((await loadReportRows(engine)).map(tuple)).toEqual(PAIR_ROWS);
		expect(await loadReport(engine)).toMatchObject({
			households: 5,
			people: 12,
			rowsRejected: 5,
			duplicates: { familyRows: 0, sharedKeyFamilies: 0, personRows: 1, personInTwoFamiliesRows: 1 },
			findings: { rejected: 5, error: 8, warning: 14, info: 1 }
		});
	});

	it('flags a column gone through Excel as numbers', async () => {
		await ingestRegister(engine, [await fileByteSource(`${REPORT_DIR}excel-angka.csv`)], TINY_REFERENCE, { acceptRejected: true });
		const report = await loadReport(engine);
		expect(report?.trailingZeroColumns).toEqual([
			{ kind: 'nik', file: 'excel-angka.csv', column: 'nomor_induk_kependudukan', rows: 17, firstRow: 1 }
		]);
		expect(report?.nikInTwoFamilies).toEqual({ niks: 1, rows: 1 });
	});
});
