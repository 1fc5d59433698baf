/**
 * The streaming XLSX reader (src/lib/ingest/xlsx/): what lands in the staging table, cell by cell,
 * for workbooks written by exceljs and for hand-written packages (fixtures/xlsx-package.ts), read in
 * slices small enough to cut tags, attribute values and UTF-8 characters in half.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { NodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import { DEFAULT_SLICE_BYTES, stageSource, type StageContext, type StagedFile } from '../../src/lib/ingest/stage';
import { IngestCancelled, IngestError, type ByteSource, type IngestProgress } from '../../src/lib/ingest/types';
import { bytesByteSource } from '../../src/lib/ingest/bytes-source';
import { xlsxLoadError } from '../../src/lib/ingest/xlsx';
import { XlsxReader } from '../../src/lib/ingest/xlsx/reader';
import { XlsxTooLargeError } from '../../src/lib/ingest/xlsx/errors';
import { isDateFormatCode } from '../../src/lib/ingest/xlsx/styles';
import { columnOf, serialDate } from '../../src/lib/ingest/xlsx/cells';
import { xlsxPackage, zipOrder, type PackageSpec } from '../fixtures/xlsx-package';
import { inIndonesianError, indonesian } from './in-indonesian';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The workbook an operator's Excel might hand over, written by exceljs (which stores sharedStrings after the sheets). */
async function operatorWorkbook(): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const hidden = wb.addWorksheet('Lama', { state: 'hidden' });
	hidden.addRow(['IDBDT', 'Nama', 'NIK']);
	hidden.addRow(['LAMA-1', 'Tidak dibaca', '1']);
	const ws = wb.addWorksheet('Data');
	ws.addRow(['DAFTAR PENERIMA BANTUAN']);
	ws.addRow(['Kabupaten Contoh, Desember 2025']);
	ws.addRow(['IDBDT', 'Nama', 'NIK', 'TglLahir', 'Tgl Daftar', 'Luas', 'Aktif', 'Catatan']);
	ws.addRow([
		'B1',
		{ richText: [{ text: 'Siti ', font: { bold: true } }, { text: 'Rahmah' }] },
		6402061234560001,
		utc(1978, 4, 4),
		utc(2024, 1, 31),
		{ formula: '20+0.5', result: 20.5 },
		true,
		'baris\r\nkedua'
	]);
	ws.addRow([
		'B2',
		'Marni',
		'6.40206E+15',
		utc(1980, 8, 8),
		null,
		{ formula: '1/0', result: { error: '#DIV/0!' } },
		false,
		{ error: '#N/A' }
	]);
	ws.addRow([]);
	ws.getCell('A7').value = 'B3';
	ws.getCell('D7').value = utc(2001, 2, 3);
	ws.getCell('H7').value = 'sel jarang';
	ws.addRow(['B4', 'Ana "Ani"', 0.1 + 0.2, null, null, { formula: 'A8&"-x"', result: 'B4-x' }, null, 'Désa Ñ €']);
	for (const cell of ['D4', 'D5', 'D7']) ws.getCell(cell).numFmt = 'mm-dd-yy'; // built-in format 14
	ws.getCell('E4').numFmt = 'dd/mm/yyyy'; // custom format 164
	ws.getCell('C4').numFmt = '0';
	// Styled but empty cells: rows that exist in the XML with nothing in them, after the data.
	ws.getCell('A10').numFmt = '0';
	ws.getCell('B12').numFmt = '@';
	const rekap = wb.addWorksheet('Rekap');
	rekap.addRow(['IDBDT', 'Nama', 'NIK']);
	rekap.addRow(['R1', 'Amat', '6402010101700001']);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

const OPERATOR_ROWS = [
	['B1', 'Siti Rahmah', '6402061234560001', '1978-04-04', '2024-01-31', '20.5', 'TRUE', 'baris\nkedua'],
	['B2', 'Marni', '6.40206E+15', '1980-08-08', '', '#DIV/0!', 'FALSE', '#N/A'],
	['', '', '', '', '', '', '', ''],
	['B3', '', '', '2001-02-03', '', '', '', 'sel jarang'],
	['B4', 'Ana "Ani"', '0.3', '', '', 'B4-x', '', 'Désa Ñ €']
];

const HEADER =
	'<row r="1"><c r="A1" t="inlineStr"><is><t>IDBDT</t></is></c><c r="B1" t="inlineStr"><is><t>Nama</t></is></c><c r="C1" t="inlineStr"><is><t>NIK</t></is></c></row>';
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, value: string, style?: number) =>
	`<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${value}</v></c>`;
/** cellXfs 0 General, 1 built-in 14 (date), 2 custom 164 d/m/yyyy, 3 custom 165 with a quoted "d" only (not a date), 4 built-in 1 '0'. */
const STYLES =
	'<numFmts count="2"><numFmt numFmtId="164" formatCode="d/m/yyyy;@"/><numFmt numFmtId="165" formatCode="0 &quot;hari&quot;"/></numFmts>' +
	'<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
	'<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="1"/></cellXfs>';

describe('streaming XLSX reader', () => {
	let engine: NodeEngine;
	let loads = 0;
	beforeAll(async () => {
		engine = await NodeEngine.open();
	});
	afterAll(async () => {
		await engine.close();
	});

	interface StageOptions {
		/** The engine the stage runs on (default: the suite's). */
		on?: Engine;
		sheet?: string;
		sliceBytes?: number;
		onProgress?: (p: IngestProgress) => void;
		signal?: AbortSignal;
	}
	/** Stages `bytes` as file `name` and returns what the staging table holds, in row order. */
	async function stage(
		name: string,
		bytes: Uint8Array,
		options: StageOptions = {}
	): Promise<{ staged: StagedFile; rows: (string | null)[][] }> {
		const base = bytesByteSource(name, bytes);
		const source: ByteSource = options.sheet ? { ...base, sheet: options.sheet } : base;
		const ctx: StageContext = {
			engine: options.on ?? engine,
			loadId: `xs${loads++}`,
			sliceBytes: options.sliceBytes ?? DEFAULT_SLICE_BYTES,
			registered: new Set(),
			tables: new Set(),
			...(options.onProgress ? { onProgress: options.onProgress } : {}),
			...(options.signal ? { signal: options.signal } : {})
		};
		try {
			const staged = await stageSource(ctx, source, 0);
			const columns = staged.headers.map((_, i) => `c${i}`).join(', ');
			const table = await engine.query(`SELECT ${columns} FROM ${staged.table} ORDER BY rowid`);
			const rows = table
				.toArray()
				.map((r: { toJSON(): Record<string, unknown> }) =>
					Object.values(r.toJSON()).map((v) => (v === null || v === undefined ? null : String(v)))
				);
			return { staged, rows };
		} finally {
			for (const t of ctx.tables) await engine.exec(`DROP TABLE IF EXISTS ${t}`);
			for (const f of ctx.registered) await engine.dropFile(f);
		}
	}
	const failure = async (name: string, bytes: Uint8Array, options: StageOptions = {}) => {
		const error = await stage(name, bytes, options).catch(inIndonesianError);
		expect(error).toBeInstanceOf(IngestError);
		return (error as IngestError).message;
	};
	/** DuckDB's checkpoint threshold now (a workbook's appends raise it while they run). */
	const checkpointThreshold = async () => String((await engine.query(`SELECT current_setting('checkpoint_threshold') AS v`)).get(0)?.v);
	/** Staged cells with NULL (DuckDB's reading of an empty field) as ''. */
	const cells = (rows: (string | null)[][]) => rows.map((r) => r.map((v) => v ?? ''));

	it('an exceljs workbook: hidden first sheet skipped, title rows, rich text, dates by style, numbers, formulas, errors, gaps, trailing empty rows', async () => {
		const bytes = await operatorWorkbook();
		// The case this reader exists for: cells refer to shared strings that come after the worksheets.
		const order = zipOrder(bytes);
		expect(order.indexOf('xl/sharedStrings.xml')).toBeGreaterThan(order.indexOf('xl/worksheets/sheet2.xml'));
		const { staged, rows } = await stage('operator.xlsx', bytes);
		expect(staged).toMatchObject({
			file: 'operator.xlsx',
			format: 'xlsx',
			sheet: 'Data',
			headerRow: 3,
			rows: 5,
			headers: ['IDBDT', 'Nama', 'NIK', 'TglLahir', 'Tgl Daftar', 'Luas', 'Aktif', 'Catatan']
		});
		expect(cells(rows)).toEqual(OPERATOR_ROWS);
	});

	it('tiny read slices (1 KiB, 100 B, 7 B) give exactly the same staged rows', async () => {
		const bytes = await operatorWorkbook();
		for (const sliceBytes of [1024, 100, 7]) {
			const { staged, rows } = await stage('operator.xlsx', bytes, { sliceBytes });
			expect(staged.rows, `slice ${sliceBytes}`).toBe(5);
			expect(cells(rows), `slice ${sliceBytes}`).toEqual(OPERATOR_ROWS);
		}
	});

	it('a sheet chosen by name in any case, hidden sheets too; a missing one lists every sheet', async () => {
		const bytes = await operatorWorkbook();
		const rekap = await stage('operator.xlsx', bytes, { sheet: ' rekap ' });
		expect(rekap.staged).toMatchObject({ sheet: 'Rekap', headerRow: 1, rows: 1, headers: ['IDBDT', 'Nama', 'NIK'] });
		expect(rekap.rows).toEqual([['R1', 'Amat', '6402010101700001']]);
		const hidden = await stage('operator.xlsx', bytes, { sheet: 'Lama' });
		expect(hidden.rows).toEqual([['LAMA-1', 'Tidak dibaca', '1']]);
		expect(await failure('operator.xlsx', bytes, { sheet: 'Data 2024' })).toBe(
			"Berkas 'operator.xlsx' tidak punya lembar kerja 'Data 2024'; lembar yang ada: 'Lama', 'Data', 'Rekap'."
		);
	});

	it('without a chosen sheet, a cover or instructions sheet before the register is passed over', async () => {
		const wb = new ExcelJS.Workbook();
		const cover = wb.addWorksheet('Petunjuk');
		cover.addRow(['Petunjuk pengisian']);
		cover.addRow(['Isi kolom IDBDT, Nama dan NIK pada lembar Data.']);
		const data = wb.addWorksheet('Data');
		data.addRow(['Verval 2026']);
		data.addRow(['IDBDT', 'Nama', 'NIK']);
		data.addRow(['B9', 'Inah', '6402124202680004']);
		const { staged, rows } = await stage('petunjuk.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
		expect(staged).toMatchObject({ sheet: 'Data', headerRow: 2, rows: 1 });
		expect(rows).toEqual([['B9', 'Inah', '6402124202680004']]);
		// When no sheet names register columns, the first visible sheet is read (and its header reported).
		const plain = new ExcelJS.Workbook();
		plain.addWorksheet('Satu').addRow(['a', 'b']);
		plain.addWorksheet('Dua').addRow(['c', 'd']);
		const first = await stage('polos.xlsx', new Uint8Array(await plain.xlsx.writeBuffer()));
		expect(first.staged).toMatchObject({ sheet: 'Satu', headers: ['a', 'b'], rows: 0 });
	});

	it('inline strings with escapes, phonetic runs, str/b/e/d cells, E-notation numbers, rows and cells without r', async () => {
		const spec: PackageSpec = {
			styles: STYLES,
			sharedStrings:
				'<si><t>Gg. Kenari</t></si>' +
				'<si><r><t xml:space="preserve">Rah</t></r><r><rPr><i/></rPr><t>mah</t></r><rPh sb="0" eb="1"><t>ラ</t></rPh><phoneticPr fontId="1"/></si>' +
				'<si><t>a_x000D_&#10;b _x005F_x000D_ &amp; &lt;c&gt;</t></si>',
			sheets: [
				{
					name: 'Data',
					sheetData:
						HEADER.replace('</row>', `${inline('D1', 'TglLahir')}${inline('E1', 'Lain')}${inline('F1', 'Angka')}</row>`) +
						// Row 2: every value kind.
						'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c>' +
						num('C2', '6.402061234560001E+15') +
						num('D2', '28584', 1) +
						'<c r="E2" t="b"><v>1</v></c>' +
						num('F2', '0.30000000000000004') +
						'</row>' +
						// Rows without r follow row 2; cells without r follow the previous cell.
						'<row><c t="inlineStr"><is><t>tanpa r</t></is></c><c t="str"><f>B3</f><v>hasil rumus</v></c><c t="e"><v>#REF!</v></c>' +
						'<c r="D3" s="2"><v>45322.75</v></c><c t="d"><v>2024-02-29T00:00:00Z</v></c><c s="3"><v>7</v></c></row>' +
						'<row><c r="A4" t="s"><v>2</v></c><c r="C4" s="4"><v>1.5E-3</v></c><c r="F4"><v>-12</v></c></row>' +
						// Row 5 missing altogether, row 6 holds only an empty string: both are empty records.
						'<row r="6"><c r="A6" t="inlineStr"><is><t></t></is></c></row>' +
						`<row r="7">${inline('A7', 'akhir')}<c r="B7" t="inlineStr"><is><r><t>teks </t></r><r><t>kaya</t></r></is></c>${num('C7', '1E+21')}</row>` +
						'<row r="8"><c r="A8" s="1"/></row><row r="9"/>'
				}
			]
		};
		const { staged, rows } = await stage('tangan.xlsx', xlsxPackage(spec));
		expect(staged).toMatchObject({ headerRow: 1, rows: 6, headers: ['IDBDT', 'Nama', 'NIK', 'TglLahir', 'Lain', 'Angka'] });
		expect(cells(rows)).toEqual([
			['Gg. Kenari', 'Rahmah', '6402061234560001', '1978-04-04', 'TRUE', '0.3'],
			['tanpa r', 'hasil rumus', '#REF!', '2024-01-31', '2024-02-29', '7'],
			['a\nb _x000D_ & <c>', '', '0.0015', '', '', '-12'],
			['', '', '', '', '', ''],
			['', '', '', '', '', ''],
			['akhir', 'teks kaya', '1000000000000000000000', '', '', '']
		]);
	});

	it('sharedStrings after the worksheet, stored (uncompressed) entries, a prefixed namespace, date1904', async () => {
		const sheetData =
			HEADER.replace('</row>', `${inline('D1', 'TglLahir')}</row>`) +
			'<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>0</v></c><c r="C2"><v>6402061234560001</v></c><c r="D2" s="1"><v>27122</v></c></row>';
		const spec: PackageSpec = {
			styles: STYLES,
			sharedStrings: '<si><t>Bujang</t></si><si><t>H1</t></si>',
			sharedStringsLast: true,
			sheets: [{ name: 'S', sheetData }]
		};
		const deflated = xlsxPackage(spec);
		expect(zipOrder(deflated).at(-1)).toBe('xl/sharedStrings.xml');
		const expected = [['H1', 'Bujang', '6402061234560001', '1974-04-03']];
		expect((await stage('a.xlsx', deflated, { sliceBytes: 64 })).rows).toEqual(expected);
		expect((await stage('b.xlsx', xlsxPackage({ ...spec, stored: true }), { sliceBytes: 64 })).rows).toEqual(expected);
		// The same serial number in a 1904 workbook is 1,462 days later.
		expect((await stage('c.xlsx', xlsxPackage({ ...spec, date1904: true }))).rows).toEqual([
			['H1', 'Bujang', '6402061234560001', '1978-04-04']
		]);
		// Some writers prefix every SpreadsheetML element (x:row, x:c …).
		const prefixed = sheetData.replace(/<(\/?)(row|c|v|is|t)([ >/])/g, '<$1x:$2$3');
		expect(prefixed).toContain('<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c>');
		expect((await stage('d.xlsx', xlsxPackage({ ...spec, sheets: [{ name: 'S', sheetData: prefixed }] }))).rows).toEqual(expected);
	});

	it('a header further down (up to row 50) skips the title rows; one below row 50 is not searched for', async () => {
		const title = (r: number) => `<row r="${r}">${inline(`A${r}`, `Judul ${r}`)}</row>`;
		const data = (r: number) => `<row r="${r}">${inline(`A${r}`, `H${r}`)}${inline(`B${r}`, 'Nama')}${inline(`C${r}`, '1')}</row>`;
		const at = (row: number) =>
			`${title(1)}${title(2)}${HEADER.replaceAll('r="1"', `r="${row}"`).replace(/([ABC])1"/g, `$1${row}"`)}${data(row + 1)}${data(row + 3)}`;
		const fifty = await stage('t50.xlsx', xlsxPackage({ sheets: [{ name: 'S', sheetData: at(50) }] }));
		expect(fifty.staged).toMatchObject({ headerRow: 50, rows: 3, headers: ['IDBDT', 'Nama', 'NIK'] });
		expect(cells(fifty.rows)).toEqual([
			['H51', 'Nama', '1'],
			['', '', ''],
			['H53', 'Nama', '1']
		]);
		const below = await stage('t51.xlsx', xlsxPackage({ sheets: [{ name: 'S', sheetData: at(51) }] }));
		// No row in the first 50 names three known columns: the first non-empty row is the header.
		expect(below.staged).toMatchObject({ headerRow: 1, headers: ['Judul 1'] });
		expect(below.staged.rows).toBe(53);
	});

	it('more rows than one CSV chunk: order, numbering and progress that moves with the compressed bytes', async () => {
		const n = 12_345;
		let sheetData = HEADER;
		for (let r = 2; r <= n + 1; r++) {
			if (r === 7000) continue; // an empty row across chunk boundaries
			sheetData += `<row r="${r}">${inline(`A${r}`, `ID${r}`)}<c r="B${r}" t="s"><v>${r % 3}</v></c>${num(`C${r}`, String(6402060000000000 + r))}</row>`;
		}
		const bytes = xlsxPackage({
			sheets: [{ name: 'Besar', sheetData }],
			sharedStrings: '<si><t>nol</t></si><si><t>satu</t></si><si><t>dua</t></si>',
			sharedStringsLast: true
		});
		const progress: IngestProgress[] = [];
		const threshold = await checkpointThreshold();
		// The threshold as each append into the stage finds it, read just before it on the same engine.
		const seenByAppends: string[] = [];
		const watch = async (sql: string) => {
			if (/^INSERT INTO tepat_stage_/.test(sql)) seenByAppends.push(await checkpointThreshold());
		};
		const watched: Engine = Object.assign(Object.create(Object.getPrototypeOf(engine) as object) as Engine, engine, {
			exec: async (sql: string) => {
				await watch(sql);
				return engine.exec(sql);
			},
			// The appends run as queries: their answer is the rows they inserted.
			query: async (sql: string) => {
				await watch(sql);
				return engine.query(sql);
			}
		});
		const { staged, rows } = await stage('besar.xlsx', bytes, { on: watched, sliceBytes: 4096, onProgress: (p) => progress.push(p) });
		// The appends ran without checkpoints, and the database's own threshold is back after them.
		expect(seenByAppends).toHaveLength(3);
		expect(new Set(seenByAppends)).toEqual(new Set(['931.3 GiB']));
		expect(await checkpointThreshold()).toBe(threshold);
		expect(staged.rows).toBe(n);
		expect(rows).toHaveLength(n);
		expect(rows[0]).toEqual(['ID2', 'dua', '6402060000000002']);
		expect(rows[6997]).toEqual(['ID6999', 'nol', '6402060000006999']);
		expect(cells([rows[6998] ?? []])).toEqual([['', '', '']]);
		expect(rows[6999]).toEqual(['ID7001', 'dua', '6402060000007001']);
		expect(rows[n - 1]).toEqual([`ID${n + 1}`, `${['nol', 'satu', 'dua'][(n + 1) % 3]}`, String(6402060000000000 + n + 1)]);
		const read = progress.filter((p) => p.phase === 'read');
		const total = read[0]?.bytesTotal ?? 0;
		expect(total).toBeGreaterThan(4096);
		expect(total).toBeLessThan(bytes.length);
		expect(read.every((p) => p.bytesTotal === total)).toBe(true);
		const steps = read.map((p) => p.bytesRead);
		expect(steps.length).toBeGreaterThan(10);
		expect(steps.every((b, i) => i === 0 || b >= (steps[i - 1] ?? 0))).toBe(true);
		expect(new Set(steps).size).toBeGreaterThan(10);
		expect(read.at(-1)).toMatchObject({ rowsRead: n, bytesRead: total });
	});

	it('a cancelled load stops between slices', async () => {
		let sheetData = HEADER;
		for (let r = 2; r < 3000; r++) sheetData += `<row r="${r}">${inline(`A${r}`, `ID${r}`)}</row>`;
		const controller = new AbortController();
		const progress: IngestProgress[] = [];
		const error = await stage('batal.xlsx', xlsxPackage({ sheets: [{ name: 'S', sheetData }] }), {
			sliceBytes: 1024,
			signal: controller.signal,
			onProgress: (p) => {
				progress.push(p);
				if (p.bytesRead > 0) controller.abort();
			}
		}).catch(inIndonesianError);
		expect(error).toBeInstanceOf(IngestCancelled);
		expect(progress.at(-1)?.bytesRead).toBeLessThan(progress.at(-1)?.bytesTotal ?? 0);
		expect(await checkpointThreshold()).toBe('16.0 MiB');
	});

	it('damaged, truncated, foreign and encrypted packages are refused with the file named', async () => {
		const good = xlsxPackage({ sheets: [{ name: 'S', sheetData: HEADER }] });
		expect(await failure('potong.xlsx', good.subarray(0, good.length - 30))).toBe(
			"Berkas 'potong.xlsx' tidak dapat dibaca sebagai buku kerja XLSX (berkas ZIP-nya rusak atau terpotong (daftar isi ZIP tidak ditemukan))."
		);
		// Deflate data overwritten in the middle of the worksheet.
		const big = xlsxPackage({
			sheets: [
				{
					name: 'S',
					sheetData:
						HEADER + Array.from({ length: 400 }, (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, `x${i * 7919}`)}</row>`).join('')
				}
			]
		});
		const sheetAt = findLocal(big, 'xl/worksheets/sheet1.xml');
		const damaged = big.slice();
		damaged.fill(0xff, sheetAt + 200, sheetAt + 260);
		// Damaged deflate data may fail to inflate, inflate to broken XML, or inflate past the declared size.
		expect(await failure('rusak.xlsx', damaged)).toMatch(
			/^Berkas 'rusak.xlsx' tidak dapat dibaca sebagai buku kerja XLSX \((isi XML bagian|bagian) 'xl\/worksheets\/sheet1.xml' ((rusak|di dalam ZIP rusak) \(.+\)|di dalam ZIP lebih besar daripada ukuran yang dicatat ZIP-nya \(\d+ bita\): berkas rusak atau sengaja diubah)\)\.$/
		);
		// A deflate block of the reserved type 3 at the start of the worksheet.
		const badBlock = big.slice();
		badBlock[sheetAt] = 0x06;
		expect(await failure('blok.xlsx', badBlock)).toBe(
			"Berkas 'blok.xlsx' tidak dapat dibaca sebagai buku kerja XLSX (bagian 'xl/worksheets/sheet1.xml' di dalam ZIP rusak (invalid block type))."
		);
		// A ZIP that is not a workbook (e.g. a .docx renamed).
		const docx = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') });
		expect(await failure('surat.xlsx', docx)).toBe(
			"Berkas 'surat.xlsx' tidak dapat dibaca sebagai buku kerja XLSX (isinya ZIP, tetapi bukan buku kerja Excel (xl/workbook.xml tidak ada))."
		);
		// Broken XML in the worksheet.
		expect(
			await failure('xml.xlsx', xlsxPackage({ sheets: [{ name: 'S', sheetData: `${HEADER}<row r="2"><c r="A2"><v>1</c></row>` }] }))
		).toMatch(
			/^Berkas 'xml.xlsx' tidak dapat dibaca sebagai buku kerja XLSX \(isi XML bagian 'xl\/worksheets\/sheet1.xml' rusak \(.+\)\)\.$/
		);
		expect(await failure('terkunci.xlsx', encryptedOle())).toBe(
			"Berkas 'terkunci.xlsx' adalah buku kerja Excel yang dilindungi kata sandi (terenkripsi); buka di Excel, hapus kata sandinya, simpan ulang sebagai .xlsx atau CSV UTF-8, lalu muat lagi."
		);
		expect(await failure('lama.xls', encryptedOle('Workbook'))).toBe(
			"Berkas 'lama.xls' adalah buku kerja Excel lama (.xls); simpan ulang di Excel sebagai .xlsx atau CSV UTF-8."
		);
	});

	it('empty sheets and sheets without a header row', async () => {
		expect(await failure('kosong.xlsx', xlsxPackage({ sheets: [{ name: 'Kosong', sheetData: '' }] }))).toBe(
			"Lembar 'Kosong' di berkas 'kosong.xlsx' kosong."
		);
		expect(await failure('kosong2.xlsx', xlsxPackage({ sheets: [{ name: 'K', sheetData: '<row r="3"><c r="B3" s="0"/></row>' }] }))).toBe(
			"Lembar 'K' di berkas 'kosong2.xlsx' kosong."
		);
		expect(
			await failure('tanpa.xlsx', xlsxPackage({ sheets: [{ name: 'Bawah', sheetData: `<row r="60">${inline('A60', 'x')}</row>` }] }))
		).toBe("Lembar 'Bawah' di berkas 'tanpa.xlsx' tidak punya baris judul kolom.");
		expect(await failure('nol.xlsx', xlsxPackage({ sheets: [] }))).toBe("Berkas 'nol.xlsx' tidak berisi lembar kerja.");
	});

	it('a sheet or shared strings over the size bound: too large, save as CSV', async () => {
		let sheetData = HEADER;
		for (let r = 2; r < 500; r++) sheetData += `<row r="${r}"><c r="A${r}" t="s"><v>${r % 2}</v></c></row>`;
		const bytes = xlsxPackage({ sheets: [{ name: 'S', sheetData }], sharedStrings: '<si><t>a</t></si><si><t>b</t></si>' });
		const rowsOf = async (reader: XlsxReader) => {
			const sheet = reader.sheets[0];
			if (!sheet) throw new Error('no sheet');
			let n = 0;
			for await (const batch of reader.rows(sheet)) n += batch.rows.length;
			return n;
		};
		const source = bytesByteSource('besar.xlsx', bytes);
		expect(await rowsOf(await XlsxReader.open(source))).toBe(499);
		const sheetError = await rowsOf(await XlsxReader.open(source, { maxSheetXmlBytes: 10_000, sliceBytes: 512 })).catch(inIndonesianError);
		expect(sheetError).toBeInstanceOf(XlsxTooLargeError);
		expect(indonesian(xlsxLoadError('besar.xlsx', 52_428_800, new XlsxTooLargeError('sheet', 2048 * 1048576)))).toBe(
			"Berkas 'besar.xlsx' (50.0 MB) terlalu besar untuk dibuka sebagai XLSX di sini: lembar kerjanya lebih dari 2048 MB setelah dibuka; simpan sebagai CSV UTF-8 di Excel lalu muat berkas CSV-nya."
		);
		const stringsError = await rowsOf(await XlsxReader.open(source, { maxSharedStringsXmlBytes: 100 })).catch(inIndonesianError);
		expect(stringsError).toBeInstanceOf(XlsxTooLargeError);
		expect(indonesian(xlsxLoadError('besar.xlsx', 3 * 1048576, new XlsxTooLargeError('sharedStrings', 256 * 1048576)))).toBe(
			"Berkas 'besar.xlsx' (3.0 MB) terlalu besar untuk dibuka sebagai XLSX di sini: teks di dalamnya (sharedStrings) lebih dari 256 MB setelah dibuka; simpan sebagai CSV UTF-8 di Excel lalu muat berkas CSV-nya."
		);
	});
});

describe('XLSX cell helpers', () => {
	it('date formats: tokens outside quotes, brackets and escapes', () => {
		for (const code of ['dd/mm/yyyy', 'd-mmm-yy', 'yyyy-mm-dd;@', '[$-421]dddd, d mmmm yyyy', 'h:mm AM/PM', '[h]:mm:ss', 'mm:ss.0']) {
			expect(isDateFormatCode(code), code).toBe(true);
		}
		for (const code of ['General', '0', '#,##0.00', '0 "hari"', '"dd"0', '[Red]0.00', '0\\d', '0.00E+00', '@', '_(* #,##0_)']) {
			expect(isDateFormatCode(code), code).toBe(false);
		}
	});

	it('serial days: 1900 system with its phantom 29 February, and 1904', () => {
		expect(serialDate(1, false)).toBe('1900-01-01');
		expect(serialDate(59, false)).toBe('1900-02-28');
		expect(serialDate(61, false)).toBe('1900-03-01');
		expect(serialDate(28584, false)).toBe('1978-04-04');
		expect(serialDate(45322.99, false)).toBe('2024-01-31');
		expect(serialDate(0, true)).toBe('1904-01-01');
		expect(serialDate(Number.NaN, false)).toBe('');
	});

	it('column letters', () => {
		expect(['A1', 'Z9', 'AA10', 'XFD1048576', 'b2', '12'].map(columnOf)).toEqual([0, 25, 26, 16383, 1, -1]);
	});
});

/** Offset of a ZIP entry's compressed data, found from its local header. */
function findLocal(bytes: Uint8Array, name: string): number {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let at = 0;
	while (view.getUint32(at, true) === 0x04034b50) {
		const nameLength = view.getUint16(at + 26, true);
		const start = at + 30 + nameLength + view.getUint16(at + 28, true);
		if (new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength)) === name) return start;
		at = start + view.getUint32(at + 18, true);
	}
	throw new Error(`no entry ${name}`);
}

/**
 * A minimal OLE compound file whose directory (two sectors, chained through the FAT) names `stream`:
 * 'EncryptedPackage' is what Excel's password protection writes, 'Workbook' an old .xls.
 */
function encryptedOle(stream = 'EncryptedPackage'): Uint8Array {
	const sector = 512;
	const bytes = new Uint8Array(sector * 4);
	const view = new DataView(bytes.buffer);
	bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
	view.setUint16(0x1a, 0x3e, true);
	view.setUint16(0x1c, 0xfffe, true);
	view.setUint16(0x1e, 9, true);
	view.setUint32(0x2c, 1, true); // one FAT sector
	view.setUint32(0x30, 0, true); // directory starts at sector 0
	view.setUint32(0x4c, 1, true); // DIFAT[0]: the FAT is sector 1
	for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, 0xffffffff, true);
	const name = (at: number, text: string) => {
		for (let i = 0; i < text.length; i++) view.setUint16(at + i * 2, text.charCodeAt(i), true);
		view.setUint16(at + 0x40, (text.length + 1) * 2, true);
	};
	const dir0 = sector * 1; // sector 0
	name(dir0, 'Root Entry');
	name(dir0 + 128, '\u0006DataSpaces');
	name(dir0 + 256, 'Version');
	name(dir0 + 384, 'DataSpaceMap');
	const fat = sector * 2; // sector 1
	view.setUint32(fat, 2, true); // sector 0 → 2
	view.setUint32(fat + 4, 0xfffffffd, true); // sector 1 is the FAT
	view.setUint32(fat + 8, 0xfffffffe, true); // sector 2 ends the chain
	const dir1 = sector * 3; // sector 2
	name(dir1, 'EncryptionInfo');
	name(dir1 + 128, stream);
	return bytes;
}
