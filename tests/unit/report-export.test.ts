import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { NodeEngine } from '../../src/lib/engine/node';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { loadExcelJs } from '../../src/lib/export/exceljs';
import { loadReport, type ReportRow } from '../../src/lib/ingest/report';
import { loadReportRows } from './report-rows';
import { csvCell, neutraliseFormula, reportToCsv, toCsv } from '../../src/lib/export/csv';
import { reportToXlsx, summaryPairs } from '../../src/lib/export/xlsx';
import { TINY_REFERENCE } from '../fixtures/ingest';

const REPORT_DIR = fileURLToPath(new URL('../fixtures/report/', import.meta.url));

describe('formula-safe CSV', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+62 812', "'+62 812"],
		['-5', "'-5"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		['6402061505800001', '6402061505800001'],
		["'6402061505800001", "'6402061505800001"],
		['Désa', 'Désa'],
		['a=b', 'a=b']
	])('neutralises %j → %j', (input, expected) => {
		expect(neutraliseFormula(input)).toBe(expected);
	});

	it('quotes and writes cells', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
		expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvCell(' padded')).toBe('" padded"');
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(null)).toBe('');
		expect(csvCell('a;b', ';')).toBe('"a;b"');
		expect(csvCell('a;b', ',')).toBe('a;b');
		expect(
			toCsv(
				['x', 'y'],
				[
					['1', 2],
					[null, '=z']
				]
			)
		).toBe("\uFEFFx,y\r\n1,2\r\n,'=z\r\n");
		expect(toCsv(['x'], [], { bom: false, delimiter: ';' })).toBe('x\r\n');
	});
});

describe('report download', () => {
	let engine: NodeEngine;
	let rows: ReportRow[];
	beforeAll(async () => {
		engine = await NodeEngine.open();
		await loadReference(engine, TINY_REFERENCE);
		await ingestRegister(
			engine,
			[await fileByteSource(`${REPORT_DIR}keluarga.csv`), await fileByteSource(`${REPORT_DIR}anggota.csv`)],
			TINY_REFERENCE,
			// Damaged on purpose: more rows rejected than a load takes unasked (ingest/losses.ts).
			{ acceptRejected: true }
		);
		rows = await loadReportRows(engine);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('CSV: Indonesian headers, every row, NIK digits as written (read back by DuckDB as text)', async () => {
		const csv = reportToCsv(rows);
		expect(csv.startsWith('\uFEFFtingkat,kode_alasan,berkas,baris_data,kolom,nilai,jumlah_baris,id_keluarga,id_anggota,pesan\r\n')).toBe(
			true
		);
		await engine.registerFile('report-test.csv', new TextEncoder().encode(csv.slice(1)));
		const back = await engine.query(
			`SELECT kode_alasan, baris_data, nilai FROM read_csv('report-test.csv', header = true, all_varchar = true) WHERE kode_alasan IN ('nik_spaces', 'nik_apostrophe', 'nik_lost_digits') ORDER BY kode_alasan`
		);
		expect(back.toArray().map((r) => (r as { toJSON(): unknown }).toJSON())).toEqual([
			{ kode_alasan: 'nik_apostrophe', baris_data: '5', nilai: "'6402066507100005" },
			{ kode_alasan: 'nik_lost_digits', baris_data: '4', nilai: '6402061206750000' },
			{ kode_alasan: 'nik_spaces', baris_data: '3', nilai: '6402 0610 0312 0003' }
		]);
		const count = await engine.query(`SELECT count(*)::INTEGER AS n FROM read_csv('report-test.csv', header = true, all_varchar = true)`);
		expect(Number(count.get(0)?.n)).toBe(rows.length);
		await engine.dropFile('report-test.csv');
	});

	it('XLSX: detail and summary sheets, NIK cells are text, counts are numbers', async () => {
		const bytes = await reportToXlsx(rows, await loadReport(engine));
		const ExcelJS = await loadExcelJs();
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
		const detail = workbook.getWorksheet('Laporan');
		expect(detail?.rowCount).toBe(rows.length + 1);
		expect(detail?.getRow(1).getCell(1).value).toBe('tingkat');
		const lost = rows.findIndex((r) => r.code === 'nik_lost_digits');
		const cell = detail?.getRow(lost + 2).getCell(6);
		expect(cell?.value).toBe('6402061206750000');
		expect(cell?.type).toBe(ExcelJS.ValueType.String);
		expect(detail?.getRow(lost + 2).getCell(7).value).toBe(1);
		const summary = workbook.getWorksheet('Ringkasan');
		const pairs = new Map<string, unknown>();
		summary?.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
		expect(pairs.get('Keluarga dimuat')).toBe(5);
		expect(pairs.get('Jiwa dimuat')).toBe(12);
		expect(pairs.get('Baris ditolak')).toBe(5);
		expect(pairs.get('  baris ganda')).toBe(2);
		expect(pairs.get('Orang ganda dalam satu keluarga, tidak dimuat (baris)')).toBe(1);
		expect(pairs.get('Orang di dua keluarga, tidak dimuat (baris)')).toBe(1);
		expect(pairs.get('NIK: notasi ilmiah Excel')).toBe(1);
	});

	it('the summary sheet in English, for a download from the English UI', async () => {
		const pairs = new Map(summaryPairs((await loadReport(engine))!, 'en'));
		expect(pairs.get('Source')).toBe('DTSEN');
		expect(pairs.get('Households loaded')).toBe(5);
		expect(pairs.get('People loaded')).toBe(12);
		expect(pairs.get('Rows rejected')).toBe(5);
		expect(pairs.get('Rows read: keluarga.csv')).toBeGreaterThan(0);
		// No Indonesian label left (file names aside).
		const labels = [...pairs.keys()].map((label) => label.replace(/^Rows read: .*/, 'Rows read'));
		expect(labels.filter((label) => /keluarga|baris|jiwa|dimuat|ditolak|sumber/i.test(label))).toEqual([]);
	});
});
