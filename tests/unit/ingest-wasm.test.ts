/**
 * The same ingest and overview SQL on duckdb-wasm (the browser's DuckDB 1.4.3 with core functions
 * only), through its blocking Node build. Parquet is not exercised here (the browser reads it with
 * parquet-wasm); CSV slices, normalisation, the swap and the overview queries are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError, ingestRegister, loadReference } from '../../src/lib/ingest';
import { loadReportRows } from './report-rows';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { overviewByKecamatan, registerTotals } from '../../src/lib/queries/overview';
import { TINY_REFERENCE, fixture } from '../fixtures/ingest';
import { KK, NIK, tuple, type Tuple } from '../fixtures/report/expected';
import { WasmTestEngine } from './wasm-engine';

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
		const people = await engine.query(
			`SELECT count(*) FILTER (WHERE disability)::INTEGER AS d, count(birth_date)::INTEGER AS b, count(age)::INTEGER AS a FROM person`
		);
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

	it('places duplicate families and people as in Node (ingest-duplicates.test.ts)', async () => {
		const flat = await ingestRegister(engine, [await fileByteSource(fixture('dtsen-flat-dup.csv'))], TINY_REFERENCE);
		expect(flat).toMatchObject({ households: 3, people: 7, rowsRejected: 2 });
		expect((await loadReportRows(engine)).map(tuple)).toEqual([
			['rejected', 'duplicate_person', 'dtsen-flat-dup.csv', 8, NIK, '6402065206750004', 1],
			['rejected', 'duplicate_person', 'dtsen-flat-dup.csv', 9, NIK, '6402066507100005', 1],
			['error', 'family_key_shared', 'dtsen-flat-dup.csv', 3, KK, '6402060101150001', 2]
		] satisfies Tuple[]);
		const members = await engine.query(`SELECT string_agg(household_id || ':' || members, ',' ORDER BY source_row) AS m FROM household`);
		expect(String(members.get(0)?.m)).toBe('6402060101150001:3,6402060101150001~2:2,6402061203180002:2');

		const pair = await ingestRegister(
			engine,
			[await fileByteSource(fixture('dtsen-keluarga-kk-dua.csv')), await fileByteSource(fixture('dtsen-anggota.csv'))],
			TINY_REFERENCE
		);
		expect(pair).toMatchObject({ households: 5, people: 10, rowsRejected: 0 });
		const shared = (await loadReportRows(engine)).filter((r) => r.code === 'family_key_shared');
		expect(shared.map(tuple)).toEqual([
			['error', 'family_key_shared', 'dtsen-keluarga-kk-dua.csv', 5, KK, '6402061203180002', 1]
		] satisfies Tuple[]);
	});

	it('a failed load keeps the previous tables', async () => {
		await ingestRegister(engine, [await fileByteSource(fixture('dtsen-flat.csv'))], TINY_REFERENCE);
		const error = await ingestRegister(
			engine,
			[await fileByteSource(fixture('dtsen-keluarga.csv')), await fileByteSource(fixture('bdt-flat-semicolon.csv'))],
			TINY_REFERENCE
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(IngestError);
		expect(await registerTotals(engine)).toMatchObject({ households: 4, people: 10 });
	});
});
