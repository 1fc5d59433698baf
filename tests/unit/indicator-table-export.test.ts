/**
 * The table twin's downloads: CSV with Indonesian headers, '.' decimals and neutralised formulas; XLSX
 * read back with exceljs (title block, codes as text, numbers as numbers, the row order given).
 */
import { describe, expect, it } from 'vitest';
import { emptyFigures, kecamatanFigures, type AreaFigures } from '../../src/lib/core/indicators/figures';
import { sortRows, tableRows } from '../../src/lib/core/indicators/table';
import { NodeEngine } from '../../src/lib/engine/node';
import { loadExcelJs } from '../../src/lib/export/exceljs';
import { XLSX_TITLE_ROWS, indicatorTableFileName, indicatorTableToCsv, indicatorTableToXlsx } from '../../src/lib/export/indicator-table';

function village(kode: string, nama: string, kecamatan: string, count: number, denominator: number): AreaFigures {
	const figures = emptyFigures();
	figures.rtlh_crowding = { count, denominator };
	return { kode, nama, kecamatan_kode: kode.slice(0, 8), kecamatan, figures };
}

const VILLAGES: AreaFigures[] = [
	village('64.02.01.2001', 'Sungai Merdeka', 'Samboja', 1, 3),
	village('64.02.01.2002', '=HYPERLINK("http://x")', 'Samboja', 1234, 2000),
	village('64.02.02.2001', 'Tanpa Data', 'Muara Kaman', 0, 0),
	village('64.02.02.2002', 'Sebulu, Ilir', '+Kecamatan', 0, 7)
];

const TITLE = {
	indicator: 'RTLH: luas lantai per jiwa kurang',
	measure: 'Rasio, per 100 keluarga',
	plan: 'RKA 2027',
	planDate: '2026-05-16',
	population: 'Desil 1–4; verval: Ditemukan',
	date: new Date(2026, 4, 17, 9, 5),
	regency: 'Kabupaten Berau (64.03)'
};

describe('indicator table CSV', () => {
	const rows = tableRows(VILLAGES, 'rtlh_crowding', 'rate');

	it("Indonesian header, '.' decimals, empty cells for no data, neutralised formulas, rows in the order given", () => {
		const csv = indicatorTableToCsv(rows, 'rate', 'village');
		expect(csv.split('\r\n')).toEqual([
			'\uFEFFkode,desa_kelurahan,kecamatan,nilai,jumlah,penyebut,peringkat',
			`64.02.01.2002,"'=HYPERLINK(""http://x"")",Samboja,61.7,1234,2000,1`,
			'64.02.01.2001,Sungai Merdeka,Samboja,33.3333,1,3,2',
			`64.02.02.2002,"Sebulu, Ilir",'+Kecamatan,0,0,7,3`,
			'64.02.02.2001,Tanpa Data,Muara Kaman,,0,0,',
			''
		]);
		const byName = indicatorTableToCsv(sortRows(rows, { column: 'nama', direction: 'desc' }), 'rate', 'village', {
			bom: false
		});
		expect(
			byName
				.split('\r\n')
				.slice(1, 3)
				.map((l) => l.slice(0, 13))
		).toEqual(['64.02.02.2001', '64.02.01.2001']);
	});

	it('an indicator the register has no column for: every number cell empty, never 0', () => {
		const csv = indicatorTableToCsv(tableRows(VILLAGES, 'rtlh_crowding', 'rate', false), 'rate', 'village', { bom: false });
		expect(csv.split('\r\n').slice(1, -1)).toEqual([
			'64.02.01.2001,Sungai Merdeka,Samboja,,,,',
			`64.02.01.2002,"'=HYPERLINK(""http://x"")",Samboja,,,,`,
			'64.02.02.2001,Tanpa Data,Muara Kaman,,,,',
			`64.02.02.2002,"Sebulu, Ilir",'+Kecamatan,,,,`
		]);
	});

	it('counts as integers; kecamatan level has no desa column', () => {
		const counts = indicatorTableToCsv(tableRows(VILLAGES, 'rtlh_crowding', 'count'), 'count', 'village', { bom: false });
		expect(counts.split('\r\n')[1]).toBe(`64.02.01.2002,"'=HYPERLINK(""http://x"")",Samboja,1234,1234,2000,1`);
		const kec = indicatorTableToCsv(tableRows(kecamatanFigures(VILLAGES), 'rtlh_crowding', 'rate'), 'rate', 'kecamatan', {
			bom: false
		});
		expect(kec.split('\r\n')).toEqual([
			'kode,kecamatan,nilai,jumlah,penyebut,peringkat',
			'64.02.01,Samboja,61.6575,1235,2003,1',
			'64.02.02,Muara Kaman,0,0,7,2',
			''
		]);
	});

	it('is read by DuckDB with numeric columns and the codes as written', async () => {
		const engine = await NodeEngine.open();
		try {
			await engine.registerFile('tabel.csv', new TextEncoder().encode(indicatorTableToCsv(rows, 'rate', 'village', { bom: false })));
			const back = await engine.query(
				`SELECT kode, nilai, peringkat, typeof(nilai) AS t FROM read_csv('tabel.csv', header = true, types = {'kode': 'VARCHAR'}) ORDER BY kode`
			);
			expect(back.toArray().map((r) => (r as { toJSON(): unknown }).toJSON())).toEqual([
				{ kode: '64.02.01.2001', nilai: 33.3333, peringkat: 2n, t: 'DOUBLE' },
				{ kode: '64.02.01.2002', nilai: 61.7, peringkat: 1n, t: 'DOUBLE' },
				{ kode: '64.02.02.2001', nilai: null, peringkat: null, t: 'DOUBLE' },
				{ kode: '64.02.02.2002', nilai: 0, peringkat: 3n, t: 'DOUBLE' }
			]);
		} finally {
			await engine.close();
		}
	});

	it('file names say the indicator, the measure and a kecamatan level', () => {
		expect(indicatorTableFileName('rtlh', 'rate', 'csv')).toBe('peta-rtlh-rate.csv');
		expect(indicatorTableFileName('paket_a', 'count', 'xlsx', 'village')).toBe('peta-paket_a-count.xlsx');
		expect(indicatorTableFileName('ats', 'rate', 'xlsx', 'kecamatan')).toBe('peta-ats-rate-kecamatan.xlsx');
	});
});

describe('indicator table XLSX', () => {
	it('title block, typed cells and the table rows, read back with exceljs', async () => {
		const rows = tableRows(VILLAGES, 'rtlh_crowding', 'rate');
		const bytes = await indicatorTableToXlsx(rows, 'rate', 'village', TITLE);
		const ExcelJS = await loadExcelJs();
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
		const sheet = workbook.getWorksheet('Tabel');
		if (!sheet) throw new Error('no sheet Tabel');

		expect(sheet.getCell('A1').value).toBe('RTLH: luas lantai per jiwa kurang — Rasio, per 100 keluarga');
		expect([2, 3, 4, 5, 6].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 2).value])).toEqual([
			['Rencana', 'RKA 2027'],
			['Tanggal rencana', '2026-05-16'],
			['Populasi', 'Desil 1–4; verval: Ditemukan'],
			['Diunduh', '2026-05-17 09:05'],
			['Kabupaten/kota', 'Kabupaten Berau (64.03)']
		]);
		expect(XLSX_TITLE_ROWS).toBe(8);
		const header = sheet.getRow(XLSX_TITLE_ROWS).values as unknown[];
		expect(header.slice(1)).toEqual(['Kode', 'Desa/Kelurahan', 'Kecamatan', 'Nilai', 'Jumlah', 'Penyebut', 'Peringkat']);

		const data = [1, 2, 3, 4].map((i) => (sheet.getRow(XLSX_TITLE_ROWS + i).values as unknown[]).slice(1));
		expect(data).toEqual([
			['64.02.01.2002', '=HYPERLINK("http://x")', 'Samboja', 61.7, 1234, 2000, 1],
			['64.02.01.2001', 'Sungai Merdeka', 'Samboja', 100 / 3, 1, 3, 2],
			['64.02.02.2002', 'Sebulu, Ilir', '+Kecamatan', 0, 0, 7, 3],
			// No data: empty value and rank cells (exceljs gives undefined for an empty cell).
			['64.02.02.2001', 'Tanpa Data', 'Muara Kaman', undefined, 0, 0]
		]);
		const first = sheet.getRow(XLSX_TITLE_ROWS + 1);
		expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String);
		expect(first.getCell(2).type).toBe(ExcelJS.ValueType.String); // text, not a formula
		expect(first.getCell(4).type).toBe(ExcelJS.ValueType.Number);
		expect(first.getCell(4).numFmt).toBe('#,##0.0');
		expect(sheet.rowCount).toBe(XLSX_TITLE_ROWS + 4);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_TITLE_ROWS });
	});

	it('an indicator not computed: the title block says why and the number cells are empty', async () => {
		const rows = tableRows(VILLAGES, 'rtlh_crowding', 'rate', false);
		const note = 'RTLH: luas lantai per jiwa kurang tidak dihitung dari register ini (kolomnya tidak ada)';
		const bytes = await indicatorTableToXlsx(rows, 'rate', 'village', { ...TITLE, note });
		const ExcelJS = await loadExcelJs();
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
		const sheet = workbook.getWorksheet('Tabel');
		if (!sheet) throw new Error('no sheet Tabel');
		expect([sheet.getCell(7, 1).value, sheet.getCell(7, 2).value]).toEqual(['Catatan', note]);
		expect((sheet.getRow(XLSX_TITLE_ROWS).values as unknown[]).slice(1)[0]).toBe('Kode');
		const data = [1, 2, 3, 4].map((i) => (sheet.getRow(XLSX_TITLE_ROWS + i).values as unknown[]).slice(1));
		expect(data.map((cells) => cells.slice(3))).toEqual([[], [], [], []]);
		expect(data.map((cells) => cells[0])).toEqual(VILLAGES.map((v) => v.kode));
	});

	it('kecamatan level and counts', async () => {
		const rows = tableRows(kecamatanFigures(VILLAGES), 'rtlh_crowding', 'count');
		const bytes = await indicatorTableToXlsx(rows, 'count', 'kecamatan', { ...TITLE, planDate: null });
		const ExcelJS = await loadExcelJs();
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
		const sheet = workbook.getWorksheet('Tabel');
		if (!sheet) throw new Error('no sheet Tabel');
		expect(sheet.getCell('B3').value).toBe('belum disimpan atau diubah');
		expect((sheet.getRow(XLSX_TITLE_ROWS).values as unknown[]).slice(1)).toEqual([
			'Kode',
			'Kecamatan',
			'Nilai',
			'Jumlah',
			'Penyebut',
			'Peringkat'
		]);
		expect((sheet.getRow(XLSX_TITLE_ROWS + 1).values as unknown[]).slice(1)).toEqual(['64.02.01', 'Samboja', 1235, 1235, 2003, 1]);
		expect(sheet.getRow(XLSX_TITLE_ROWS + 1).getCell(3).numFmt).toBe('#,##0');
	});
});

describe('indicator table downloads in English', () => {
	const rows = tableRows(VILLAGES, 'rtlh_crowding', 'rate');

	it('the CSV has English column names, the same cells', () => {
		const csv = indicatorTableToCsv(rows, 'rate', 'village', { bom: false }, 'en').split('\r\n');
		expect(csv[0]).toBe('code,village,district,value,count,denominator,rank');
		expect(csv[2]).toBe('64.02.01.2001,Sungai Merdeka,Samboja,33.3333,1,3,2');
		expect(
			indicatorTableToCsv(tableRows(kecamatanFigures(VILLAGES), 'rtlh_crowding', 'rate'), 'rate', 'kecamatan', { bom: false }, 'en')
		).toMatch(/^code,district,value,/);
	});

	it('the XLSX has an English sheet, title block and headers', async () => {
		const bytes = await indicatorTableToXlsx(rows, 'rate', 'village', { ...TITLE, planDate: null, note: 'none computed' }, 'en');
		const ExcelJS = await loadExcelJs();
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = workbook.getWorksheet('Table');
		expect(sheet).toBeDefined();
		const labels = [2, 3, 4, 5, 6, 7].map((r) => [sheet?.getCell(r, 1).value, sheet?.getCell(r, 2).value]);
		expect(labels.slice(0, 2)).toEqual([
			['Plan', 'RKA 2027'],
			['Plan date', 'not yet saved or edited']
		]);
		expect(labels.slice(2).map(([label]) => label)).toEqual(['Population', 'Downloaded', 'Regency/city', 'Note']);
		expect((sheet?.getRow(XLSX_TITLE_ROWS).values as unknown[]).slice(1)).toEqual([
			'Code',
			'Village',
			'District',
			'Value',
			'Count',
			'Denominator',
			'Rank'
		]);
	});
});
