import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { NodeEngine } from '../../src/lib/engine/node';
import { IngestError, ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { identifierStatusSql, loadReport } from '../../src/lib/ingest/report';
import { loadReportRows } from './report-rows';
import { rowsOf } from '../../src/lib/core/rows';
import { TINY_REFERENCE, fixture as ingestFixture } from '../fixtures/ingest';
import { KK, NIK, PAIR_ROWS, tuple, type Tuple } from '../fixtures/report/expected';

const REPORT_DIR = fileURLToPath(new URL('../fixtures/report/', import.meta.url));
const src = (name: string) => fileByteSource(`${REPORT_DIR}${name}`);
const formatsFixture = (name: string) => fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url));

/** The fixtures are damaged on purpose: more rows rejected than a load takes without being told to (ingest/losses.ts). */
const ACCEPT = { asOf: '2025-01-01', acceptRejected: true };
describe('validation report', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
	});
	afterAll(async () => {
		await engine.close();
	});
	beforeEach(async () => {
		for (const t of ['household', 'person', 'village', 'kecamatan', 'ingest_unknown_code', 'ingest_report', 'ingest_file']) {
			await engine.exec(`DROP TABLE IF EXISTS ${t}`);
		}
		await loadReference(engine, TINY_REFERENCE);
	});

	const loadPair = async () => ingestRegister(engine, [await src('keluarga.csv'), await src('anggota.csv')], TINY_REFERENCE, ACCEPT);

	it('is null before any load', async () => {
		expect(await loadReport(engine)).toBeNull();
		expect(await loadReportRows(engine)).toEqual([]);
	});

	it('DTSEN pair with Excel damage: every finding with file, row, column, value', async () => {
		const result = await loadPair();
		expect(result).toMatchObject({ rowsRead: 22, households: 5, people: 12, rowsRejected: 5 });
		const rows = await loadReportRows(engine);
		expect(rows.map(tuple)).toEqual(PAIR_ROWS);
		// Every message names the file, and the row and column where there is one.
		for (const r of rows) {
			expect(r.message).toContain(`Berkas '${r.source_file}'`);
			if (r.source_column) expect(r.message).toContain(r.source_column);
			if (r.code !== 'unknown_code' && r.source_row !== null) expect(r.message).toContain(`baris data ${r.source_row}`);
		}
		// Loaded rows carry their household / person; rejected rows do not.
		const byKey = (code: string, row: number) => rows.find((r) => r.code === code && r.source_row === row);
		expect(byKey('nik_scientific', 2)).toMatchObject({ household_id: '6402060101150001', person_id: '6,40206E+15' });
		expect(byKey('orphan_member', 9)).toMatchObject({ household_id: null, person_id: null });
		// A repeated person is not loaded; the finding names the family the row was in.
		expect(byKey('person_in_two_families', 7)).toMatchObject({ household_id: '6402061203180002', person_id: null });
		expect(byKey('person_in_two_families', 7)?.message).toBe(
			"Berkas 'anggota.csv', baris data 7, kolom nomor_induk_kependudukan: NIK '6402060101800001' dan nama 'Ahmad Fauzi' sudah tercatat di baris data 1 pada keluarga '6402060101150001'; satu orang hanya tercatat di satu keluarga (Permensos 3/2021 pasal 8), jadi orang ini tetap di keluarga pertama dan baris ini (keluarga '6402061203180002') tidak dimuat. Periksa keluarga mana yang benar."
		);
		expect(byKey('duplicate_person', 12)?.message).toBe(
			"Berkas 'anggota.csv', baris data 12, kolom nomor_induk_kependudukan: NIK '6402120101700011' dan nama 'Bujang Lawing' sama dengan baris data 11 dalam keluarga yang sama; baris ganda ini tidak dimuat."
		);
		expect(byKey('nik_scientific', 2)?.message).toBe(
			"Berkas 'anggota.csv', baris data 2, kolom nomor_induk_kependudukan: NIK '6,40206E+15' tertulis dalam notasi ilmiah Excel; digit terakhir sudah hilang dan tidak dapat dipulihkan. Ambil ulang dari sumber dengan kolom berformat Teks."
		);
		expect(byKey('orphan_member', 9)?.message).toBe(
			"Berkas 'anggota.csv', baris data 9, kolom nomor_kartu_keluarga: '6402069999990009' tidak ada di berkas keluarga 'keluarga.csv'; anggota tanpa keluarga tidak dimuat."
		);
		expect(byKey('village_not_in_reference', 3)?.message).toBe(
			"Berkas 'keluarga.csv', baris data 3, kolom kode_kelurahan_desa: kode desa '64.02.06.9999' tidak ada di referensi Kutai Kartanegara (1 keluarga, 2 jiwa, baris data pertama 3); data tetap dimuat tetapi tidak masuk desa mana pun di peta."
		);
		// Flagged people are kept: the register still has them.
		const kept = await engine.query(
			`SELECT count(*)::INTEGER AS n FROM person WHERE nik IN ('6,40206E+15', '640212010170001', '6402-1201-0170-0016')`
		);
		expect(Number(kept.get(0)?.n)).toBe(3);
		// One record per person: the first occurrence of each repeated person, in its own family.
		const repeated = await engine.query(
			`SELECT nik, household_id, source_row FROM person WHERE nik IN ('6402060101800001', '6402120101700011') ORDER BY source_row`
		);
		expect(rowsOf(repeated, { nik: 'string', household_id: 'string', source_row: 'number' })).toEqual([
			{ nik: '6402060101800001', household_id: '6402060101150001', source_row: 1 },
			{ nik: '6402120101700011', household_id: "'6402121507120003", source_row: 11 }
		]);
	});

	it('DTSEN pair: the typed summary', async () => {
		await loadPair();
		const report = await loadReport(engine);
		expect(report).not.toBeNull();
		expect(report).toMatchObject({
			source: 'dtsen',
			files: [
				{
					file: 'keluarga.csv',
					source: 'dtsen',
					role: 'household',
					format: 'csv',
					encoding: 'utf-8',
					sheet: null,
					headerRow: null,
					rowsRead: 6
				},
				{
					file: 'anggota.csv',
					source: 'dtsen',
					role: 'person',
					format: 'csv',
					encoding: 'utf-8',
					sheet: null,
					headerRow: null,
					rowsRead: 16
				}
			],
			rowsRead: 22,
			households: 5,
			people: 12,
			rowsRejected: 5,
			rejected: [
				{ code: 'duplicate_person', rows: 1 },
				{ code: 'empty_key', rows: 2 },
				{ code: 'orphan_member', rows: 1 },
				{ code: 'person_in_two_families', rows: 1 }
			],
			orphanMembers: 1,
			emptyKeyRows: 2,
			householdsWithoutMembers: 1,
			unknownCodes: [
				{ table: 'person', field: 'relation', file: 'anggota.csv', column: 'status_hubungan_keluarga', value: '9', rows: 1, firstRow: 11 },
				{ table: 'household', field: 'roof', file: 'keluarga.csv', column: 'jenis_atap_terluas', value: '99', rows: 1, firstRow: 6 }
			],
			villagesNotInReference: [{ kode: '64.02.06.9999', rows: 1, households: 1, people: 2, firstRow: 3, file: 'keluarga.csv' }],
			duplicates: { familyRows: 0, sharedKeyFamilies: 0, personRows: 1, personInTwoFamiliesRows: 1 },
			duplicateNik: { niks: 0, rows: 0 },
			nikInTwoFamilies: { niks: 0, rows: 0 },
			trailingZeroColumns: [],
			findings: { rejected: 5, error: 8, warning: 14, info: 1 }
		});
		expect(report?.identifiers.nik).toEqual({
			missing: 1,
			scientific: 1,
			non_digit: 1,
			wrong_length: 1,
			apostrophe: 1,
			spaces: 1,
			lost_digits: 1,
			bad_region: 0,
			bad_birth_date: 1,
			sex_mismatch: 1,
			outside_regency: 1
		});
		expect(report?.identifiers.kk).toMatchObject({ scientific: 3, apostrophe: 6, missing: 0, lost_digits: 0 });
	});

	it('flat file through Excel as numbers: column of trailing zeros, NIKs collapsed into two families, empty key', async () => {
		const result = await ingestRegister(engine, [await src('excel-angka.csv')], TINY_REFERENCE, ACCEPT);
		expect(result).toMatchObject({ rowsRead: 21, households: 5, people: 20, rowsRejected: 1 });
		expect((await loadReportRows(engine)).map(tuple)).toEqual([
			['rejected', 'empty_key', 'excel-angka.csv', 21, KK, null, 1],
			['error', 'nik_in_two_families', 'excel-angka.csv', 20, NIK, '6402061505800020', 1],
			['warning', 'nik_column_trailing_zeros', 'excel-angka.csv', 1, NIK, null, 17],
			['warning', 'village_not_in_reference', 'excel-angka.csv', 17, 'kode_kelurahan_desa', '64.02.06.9999', 4]
		] satisfies Tuple[]);
		const report = await loadReport(engine);
		expect(report).toMatchObject({
			rowsRead: 21,
			rowsRejected: 1,
			trailingZeroColumns: [{ kind: 'nik', file: 'excel-angka.csv', column: NIK, rows: 17, firstRow: 1 }],
			villagesNotInReference: [{ kode: '64.02.06.9999', rows: 4, households: 1, people: 4, firstRow: 17 }]
		});
	});

	it('XLSX under title rows: messages give the sheet row too; a blank sheet row is an empty row (formats fixture)', async () => {
		await ingestRegister(engine, [await fileByteSource(formatsFixture('bdt-title-rows.xlsx'))], TINY_REFERENCE);
		const rows = await loadReportRows(engine);
		expect(rows.map(tuple)).toEqual([
			['rejected', 'empty_row', 'bdt-title-rows.xlsx', 3, null, null, 1],
			['error', 'nik_scientific', 'bdt-title-rows.xlsx', 2, 'NIK', '6.40206E+15', 1]
		] satisfies Tuple[]);
		expect(rows.map((r) => r.message)).toEqual([
			"Berkas 'bdt-title-rows.xlsx', baris data 3 (baris 6 di lembar DTKS): baris kosong; dilewati.",
			"Berkas 'bdt-title-rows.xlsx', baris data 2 (baris 5 di lembar DTKS), kolom NIK: NIK '6.40206E+15' tertulis dalam notasi ilmiah Excel; digit terakhir sudah hilang dan tidak dapat dipulihkan. Ambil ulang dari sumber dengan kolom berformat Teks."
		]);
		const report = await loadReport(engine);
		expect(report?.files).toEqual([
			{ file: 'bdt-title-rows.xlsx', source: 'bdt', role: 'flat', format: 'xlsx', encoding: null, sheet: 'DTKS', headerRow: 3, rowsRead: 5 }
		]);
		expect(report).toMatchObject({ rowsRejected: 1, emptyRows: 1, emptyKeyRows: 0 });
	});

	it('village names that match no reference village are listed with the reason (formats fixture)', async () => {
		await ingestRegister(engine, [await fileByteSource(formatsFixture('dtsen-tab.tsv'))], TINY_REFERENCE);
		const rows = (await loadReportRows(engine)).filter((r) => r.code.startsWith('village'));
		expect(rows.map(tuple)).toEqual([
			['warning', 'village_name_not_found', 'dtsen-tab.tsv', 6, 'nama_kelurahan_desa', 'Antah Berantah', 1],
			['warning', 'village_not_in_reference', 'dtsen-tab.tsv', 6, 'kode_kelurahan_desa', null, 1]
		] satisfies Tuple[]);
		expect(rows[0]?.message).toBe(
			"Berkas 'dtsen-tab.tsv', baris data 6, kolom nama_kelurahan_desa: nama desa 'Antah Berantah' tidak ada di kecamatan 'Tenggarong' pada referensi; desa tidak ditebak (1 keluarga, baris data pertama 6)."
		);
	});

	it('a failed load leaves the previous register and its report as they were', async () => {
		await loadPair();
		const before = await loadReport(engine);
		const rowsBefore = await loadReportRows(engine);
		await expect(ingestRegister(engine, [await fileByteSource(ingestFixture('garbage.csv'))], TINY_REFERENCE)).rejects.toBeInstanceOf(
			IngestError
		);
		await expect(
			ingestRegister(
				engine,
				[await fileByteSource(ingestFixture('dtsen-keluarga.csv')), await fileByteSource(ingestFixture('bdt-flat-semicolon.csv'))],
				TINY_REFERENCE
			)
		).rejects.toBeInstanceOf(IngestError);
		expect(await loadReport(engine)).toEqual(before);
		expect(await loadReportRows(engine)).toEqual(rowsBefore);
		const leftovers = await engine.query(
			`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name LIKE '%_next' OR table_name LIKE 'tepat_%'`
		);
		expect(Number(leftovers.get(0)?.n)).toBe(0);
	});

	it('a cancelled load leaves the previous report as it was', async () => {
		await loadPair();
		const before = await loadReportRows(engine);
		const controller = new AbortController();
		const load = ingestRegister(engine, [await src('excel-angka.csv')], TINY_REFERENCE, {
			...ACCEPT,
			signal: controller.signal,
			onProgress: (p) => {
				if (p.phase === 'normalise') controller.abort();
			}
		});
		await expect(load).rejects.toBeInstanceOf(IngestError);
		expect(await loadReportRows(engine)).toEqual(before);
	});

	it('a load replaces the previous report', async () => {
		await loadPair();
		await ingestRegister(engine, [await src('excel-angka.csv')], TINY_REFERENCE, ACCEPT);
		const report = await loadReport(engine);
		expect(report?.files.map((f) => f.file)).toEqual(['excel-angka.csv']);
		expect((await loadReportRows(engine)).every((r) => r.source_file === 'excel-angka.csv')).toBe(true);
	});

	it('a register put in place without a load (other files) has no report', async () => {
		await loadPair();
		await engine.exec(`UPDATE household SET source_file = 'sampel.parquet'`);
		expect(await loadReport(engine)).toBeNull();
	});

	it('gives each flagged person the worst status of their NIK/KK findings', async () => {
		await loadPair();
		const table = await engine.query(identifierStatusSql());
		const rows = rowsOf(table, { person_id: 'string', household_id: 'string', status: 'string', codes: 'string' });
		expect(rows.find((r) => r.person_id === '6,40206E+15')).toEqual({
			person_id: '6,40206E+15',
			household_id: '6402060101150001',
			status: 'error',
			codes: 'nik_scientific'
		});
		expect(rows.find((r) => r.person_id === "'6402066507100005")).toMatchObject({ status: 'error', codes: 'kk_scientific,nik_apostrophe' });
		expect(rows.find((r) => r.person_id === '3273065505800006')).toMatchObject({ status: 'info', codes: 'nik_outside_regency' });
		expect(rows.find((r) => r.person_id === '6402060101800001')).toBeUndefined(); // kept first occurrence: clean
		expect(rows).toHaveLength(11);
	});

	it('pages the detail rows', async () => {
		await loadPair();
		const page = await loadReportRows(engine, 2, 3);
		expect(page.map(tuple)).toEqual(PAIR_ROWS.slice(3, 5));
	});
});
