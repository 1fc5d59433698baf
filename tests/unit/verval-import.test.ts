/**
 * Issue 13 point 1: a Google Forms export and a field team's XLSX imported as two rounds, then
 * resolved against a small register. Every expected value is read off the files written here.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql } from '../../src/lib/core/catalog';
import { rowsOf, scalarNumber } from '../../src/lib/core/rows';
import { resolveHouseholdStatements, resolvePersonStatements } from '../../src/lib/core/verval/resolve';
import { NodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import { bytesByteSource } from '../../src/lib/ingest/bytes-source';
import { ResultImportError, importResultFile } from '../../src/lib/ingest/verval-results';
import { errorWords } from '../../src/lib/words';
import { WasmTestEngine } from './wasm-engine';

const text = (s: string) => new TextEncoder().encode(s);

// An English-account Google Forms export: month-first timestamps, question labels, free-text answers.
const FORMS_CSV = [
	'Timestamp,Email Address,Desa/Kelurahan,NIK anggota keluarga yang dikunjungi,Nama anggota keluarga,Status keberadaan,Keterangan (jika ada)',
	'11/3/2026 10:15:22,rt03@example.id,Jahab,6402060101900001,Siti,Ditemukan / Valid,',
	'11/3/2026 10:20:01,rt03@example.id,Jahab,6402060101900002,Budi,Meninggal dunia,"Oktober 2026, surat kematian ada"',
	'11/4/2026 8:01:00,rt03@example.id,Jahab,6402060101900003,Ani,Pindah ke Samarinda,',
	',,,,,,',
	'11/4/2026 9:00:00,rt04@example.id,Jahab,6402069999999999,Baru,Anggota baru,lahir Oktober',
	'11/4/2026 9:30:00,rt04@example.id,Jahab,6402060101900004,Dedi,entah,'
].join('\r\n');

async function roundTwoXlsx(): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Hasil');
	ws.addRow(['IDARTBDT', 'Nama', 'Hasil verifikasi', 'Tanggal kunjungan', 'Petugas']);
	ws.addRow(['P2', 'Budi', 'Ditemukan', '25/11/2026', 'Kades Jahab']);
	ws.addRow(['P4', 'Dedi', 'Mampu', '26/11/2026', 'Kades Jahab']);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ENGINES: [string, () => Promise<Engine>][] = [
	['Node DuckDB', () => NodeEngine.open()],
	['duckdb-wasm', () => WasmTestEngine.open()]
];

describe.each(ENGINES)('importing verval result files (%s)', (_, open) => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await open();
		for (const t of ['household', 'person', 'verval_decision'] as const) await engine.exec(createTableSql(t));
		await engine.exec(`INSERT INTO household (household_id) VALUES ('H1'), ('H2')`);
		await engine.exec(`INSERT INTO person (person_id, household_id, nik) VALUES
			('P1', 'H1', '6402060101900001'), ('P2', 'H1', '6402060101900002'),
			('P3', 'H2', '6402060101900003'), ('P4', 'H2', '6402060101900004')`);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('reads a Google Forms export as it comes', async () => {
		const imported = await importResultFile(engine, bytesByteSource('verval-rt03.csv', text(FORMS_CSV)), { round: 1 });
		expect(imported).toMatchObject({
			file: 'verval-rt03.csv',
			round: 1,
			rows: 5,
			unreadAnswers: [{ answer: 'entah', rows: 1 }],
			dates: { order: 'mdy', basis: 'default' },
			unreadDates: []
		});
		expect(imported.columns.fields.officer).toBe('Email Address');
		const rows = rowsOf(
			await engine.query('SELECT source_row, nik, outcome, visit_date, officer, notes FROM verval_result ORDER BY source_row'),
			{ source_row: 'number', nik: 'string', outcome: 'string?', visit_date: 'date', officer: 'string', notes: 'string?' }
		);
		expect(rows).toEqual([
			{ source_row: 1, nik: '6402060101900001', outcome: 'found', visit_date: '2026-11-03', officer: 'rt03@example.id', notes: null },
			{
				source_row: 2,
				nik: '6402060101900002',
				outcome: 'deceased',
				visit_date: '2026-11-03',
				officer: 'rt03@example.id',
				notes: 'Oktober 2026, surat kematian ada'
			},
			{ source_row: 3, nik: '6402060101900003', outcome: 'moved', visit_date: '2026-11-04', officer: 'rt03@example.id', notes: null },
			{
				source_row: 5,
				nik: '6402069999999999',
				outcome: 'new_member',
				visit_date: '2026-11-04',
				officer: 'rt04@example.id',
				notes: 'lahir Oktober'
			},
			{ source_row: 6, nik: '6402060101900004', outcome: null, visit_date: '2026-11-04', officer: 'rt04@example.id', notes: null }
		]);
	});

	it('a second round in XLSX overrides the first, by record id, and the register is untouched', async () => {
		await importResultFile(engine, bytesByteSource('verval-desa.xlsx', await roundTwoXlsx()), { round: 2 });
		for (const s of [...resolvePersonStatements(), ...resolveHouseholdStatements()]) await engine.exec(s);
		const people = rowsOf(await engine.query('SELECT person_id, outcome, round, visit_date FROM verval_person ORDER BY 1'), {
			person_id: 'string',
			outcome: 'string?',
			round: 'number?',
			visit_date: 'date?'
		});
		expect(people).toEqual([
			{ person_id: 'P1', outcome: 'found', round: 1, visit_date: '2026-11-03' },
			{ person_id: 'P2', outcome: 'found', round: 2, visit_date: '2026-11-25' },
			{ person_id: 'P3', outcome: 'moved', round: 1, visit_date: '2026-11-04' },
			{ person_id: 'P4', outcome: 'well_off', round: 2, visit_date: '2026-11-26' }
		]);
		const households = rowsOf(await engine.query('SELECT household_id, status FROM verval_household ORDER BY 1'), {
			household_id: 'string',
			status: 'string'
		});
		expect(households).toEqual([
			{ household_id: 'H1', status: 'verified' },
			{ household_id: 'H2', status: 'remove_proposed' }
		]);
		const n = scalarNumber(await engine.query('SELECT count(*) AS n FROM person'));
		expect(n).toBe(4);
	});

	it('importing the same file into the same round again replaces its rows', async () => {
		await importResultFile(engine, bytesByteSource('verval-rt03.csv', text(FORMS_CSV)), { round: 1 });
		const n = scalarNumber(await engine.query(`SELECT count(*) AS n FROM verval_result WHERE source_file = 'verval-rt03.csv'`));
		expect(n).toBe(5);
	});

	it('refuses a file that does not say who or what was found, naming the missing fields', async () => {
		const bad = bytesByteSource('rekap.csv', text('Nama,Tanggal\nSiti,03/11/2026\n'));
		const error = await importResultFile(engine, bad, { round: 3 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ResultImportError);
		expect((error as ResultImportError).said).toEqual({
			code: 'verval.columns_missing',
			params: { file: 'rekap.csv', missing: [['nik', 'record_id'], ['status']], headers: ['Nama', 'Tanggal'] }
		});
		expect(errorWords(error, 'id')).toBe(
			"Berkas hasil verval 'rekap.csv': tidak ada kolom NIK atau ID anggota (IDARTBDT), dan tidak ada kolom status/hasil verifikasi. Kolom berkas: Nama, Tanggal."
		);
		expect(errorWords(error, 'en')).toBe(
			"Verval result file 'rekap.csv': no NIK or member id (IDARTBDT) column, and no status/verification result column. The file's columns: Nama, Tanggal."
		);
	});

	it('refuses dates written in both day orders, naming the column and two examples', async () => {
		const bad = bytesByteSource(
			'campur.csv',
			text('NIK,Status,Tanggal\n6402060101900001,Ditemukan,25/11/2026\n6402060101900002,Ditemukan,11/25/2026\n')
		);
		const error = await importResultFile(engine, bad, { round: 3 }).catch((e: unknown) => e);
		expect((error as ResultImportError).said).toEqual({
			code: 'verval.dates_ambiguous',
			params: { file: 'campur.csv', column: 'Tanggal', dayFirst: '25/11/2026', monthFirst: '11/25/2026' }
		});
		const n = scalarNumber(await engine.query('SELECT count(*) AS n FROM verval_result WHERE round = 3'));
		expect(n).toBe(0);
	});
});
