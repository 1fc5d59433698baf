/**
 * The table twin of a map view as a download: CSV for scripts and quick looks, XLSX for people. Rows
 * are written in the order given (the order the table shows), with the same values, counts,
 * denominators and ranks (core/indicators/table.ts).
 *
 * CSV numbers are written with a '.' decimal point and no thousands separator (12.5, 1234), not in
 * id-ID (12,5; 1.234): a CSV's numbers are read by spreadsheets and scripts, and "12,5" would be split
 * on the comma or read as text. Rates are rounded to 4 decimals (the exact value is jumlah / penyebut
 * × 100); a village without data has an empty nilai and peringkat. Text cells go through toCsv's
 * formula neutralising, so a village named "=…" cannot run in a spreadsheet.
 *
 * An indicator the register cannot compute comes as rows whose numbers are all empty (never 0), and
 * the XLSX title block says why (`note`).
 *
 * XLSX: a title block (indicator and measure, plan and its date, population filter, download time, regency), then the table with a
 * frozen header. Codes and names are typed text cells (a code stays "64.02.06.1001", a name "=…" stays
 * text: XLSX stores the type, as in export/xlsx.ts); values, counts, denominators and ranks are number
 * cells, the rate at full precision shown with one decimal.
 */
import type { Worksheet } from 'exceljs';
import type { IndicatorId } from '../core/indicators/definitions';
import type { Measure } from '../core/indicators/figures';
import type { AreaLevel, TableRow } from '../core/indicators/table';
import { toCsv, type CsvCell, type CsvOptions } from './csv';
import { columnWord, tableWord, type TableWord } from '../words/export-labels';
import type { Locale } from '../words/render';
import { loadExcelJs, workbookBytes } from './exceljs';

/** What the title block of the workbook says; the caller gives the words (Indonesian by default). */
export interface IndicatorTableTitle {
	/** e.g. "Rumah tidak layak huni (RTLH)". */
	indicator: string;
	/** e.g. "Rasio, per 100 keluarga". */
	measure: string;
	/** The plan's name. */
	plan: string;
	/** The plan's date (YYYY-MM-DD; null: never edited or saved). */
	planDate: string | null;
	/** e.g. "Desil 1–4; verval: Ditemukan". */
	population: string;
	/** When the table was downloaded. */
	date: Date;
	/** The register's regency, e.g. "Kabupaten Berau (64.03)". */
	regency: string;
	/** Why the table holds no figures (the indicator is not computed), or null. */
	note?: string | null;
}

export function indicatorTableFileName(
	indicator: IndicatorId,
	measure: Measure,
	ext: 'csv' | 'xlsx',
	level: AreaLevel = 'village'
): string {
	return `peta-${indicator}-${measure}${level === 'kecamatan' ? '-kecamatan' : ''}.${ext}`;
}

type ColumnId = 'kode' | 'desa' | 'kecamatan' | 'nilai' | 'jumlah' | 'penyebut' | 'peringkat';

interface Column {
	id: ColumnId;
	text: boolean;
	cell: (row: TableRow) => string | number | null;
}

/** The CSV name and the XLSX header of each column, in the file's language. */
const COLUMN_WORDS: Record<ColumnId, { csv: (locale: Locale) => string; xlsx: TableWord }> = {
	kode: { csv: (l) => tableWord('col_code', l), xlsx: 'head_code' },
	desa: { csv: (l) => columnWord('village', l), xlsx: 'head_village' },
	kecamatan: { csv: (l) => columnWord('kecamatan', l), xlsx: 'head_kecamatan' },
	nilai: { csv: (l) => tableWord('col_value', l), xlsx: 'head_value' },
	jumlah: { csv: (l) => tableWord('col_count', l), xlsx: 'head_count' },
	penyebut: { csv: (l) => tableWord('col_denominator', l), xlsx: 'head_denominator' },
	peringkat: { csv: (l) => columnWord('rank', l), xlsx: 'head_rank' }
};

function columns(level: AreaLevel): Column[] {
	const area: Column[] =
		level === 'kecamatan'
			? [{ id: 'kecamatan', text: true, cell: (r) => r.nama }]
			: [
					{ id: 'desa', text: true, cell: (r) => r.nama },
					{ id: 'kecamatan', text: true, cell: (r) => r.kecamatan }
				];
	return [
		{ id: 'kode', text: true, cell: (r) => r.kode },
		...area,
		{ id: 'nilai', text: false, cell: (r) => r.value },
		{ id: 'jumlah', text: false, cell: (r) => r.count },
		{ id: 'penyebut', text: false, cell: (r) => r.denominator },
		{ id: 'peringkat', text: false, cell: (r) => r.rank }
	];
}

/** A rate to 4 decimals, a count as it is (Number.toFixed would give "12.5000"; this gives 12.5). */
function csvNumber(value: number | null, measure: Measure): number | null {
	if (value === null) return null;
	return measure === 'rate' ? Math.round(value * 10_000) / 10_000 : value;
}

/**
 * CSV of the table: kode, desa_kelurahan, kecamatan, nilai, jumlah, penyebut, peringkat (kecamatan
 * level: no desa column); English names (code, village, district, …) when `locale` is 'en'.
 */
export function indicatorTableToCsv(
	rows: Iterable<TableRow>,
	measure: Measure,
	level: AreaLevel,
	opts: CsvOptions = {},
	locale: Locale = 'id'
): string {
	const cols = columns(level);
	function* cells(): Iterable<CsvCell[]> {
		for (const row of rows) {
			yield cols.map((c) => (c.id === 'nilai' ? csvNumber(row.value, measure) : c.cell(row)));
		}
	}
	return toCsv(
		cols.map((c) => COLUMN_WORDS[c.id].csv(locale)),
		cells(),
		opts
	);
}

/** The date as the title block shows it: YYYY-MM-DD HH:MM in the machine's time zone. */
function stamp(date: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Rows of the title block before the table (the header row is the next one). */
export const XLSX_TITLE_ROWS = 8;

function writeTitle(sheet: Worksheet, title: IndicatorTableTitle, locale: Locale): void {
	sheet.getCell('A1').value = `${title.indicator} — ${title.measure}`;
	sheet.getCell('A1').font = { bold: true, size: 13 };
	const word = (w: TableWord) => tableWord(w, locale);
	const pairs: [string, string][] = [
		[word('plan'), title.plan],
		[word('plan_date'), title.planDate ?? word('plan_unsaved')],
		[word('population'), title.population],
		[word('downloaded'), stamp(title.date)],
		[word('regency'), title.regency],
		...(title.note ? [[word('note'), title.note] as [string, string]] : [])
	];
	pairs.forEach(([label, value], i) => {
		sheet.getCell(i + 2, 1).value = label;
		sheet.getCell(i + 2, 2).value = value;
	});
	// Row 7 (when there is no note) is left empty between the title block and the table.
}

/** XLSX bytes of the table (sheet "Tabel"). */
export async function indicatorTableToXlsx(
	rows: Iterable<TableRow>,
	measure: Measure,
	level: AreaLevel,
	title: IndicatorTableTitle,
	locale: Locale = 'id'
): Promise<Uint8Array> {
	const ExcelJS = await loadExcelJs();
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Tepat';
	workbook.created = title.date;
	const sheet = workbook.addWorksheet(tableWord('sheet', locale));
	const cols = columns(level);
	writeTitle(sheet, title, locale);

	const headerRow = sheet.getRow(XLSX_TITLE_ROWS);
	cols.forEach((c, i) => {
		headerRow.getCell(i + 1).value = tableWord(COLUMN_WORDS[c.id].xlsx, locale);
	});
	headerRow.font = { bold: true };

	const valueFormat = measure === 'rate' ? '#,##0.0' : '#,##0';
	let r = XLSX_TITLE_ROWS;
	for (const row of rows) {
		r++;
		const out = sheet.getRow(r);
		cols.forEach((c, i) => {
			const cell = out.getCell(i + 1);
			const value = c.cell(row);
			if (c.text) {
				cell.value = String(value ?? ''); // always a string cell: never a number, never a formula
				cell.numFmt = '@';
			} else {
				cell.value = value;
				cell.numFmt = c.id === 'nilai' ? valueFormat : c.id === 'peringkat' ? '0' : '#,##0';
			}
		});
	}

	cols.forEach((c, i) => {
		sheet.getColumn(i + 1).width = c.text ? (c.id === 'kode' ? 16 : 26) : 12;
	});
	sheet.views = [{ state: 'frozen', ySplit: XLSX_TITLE_ROWS }];
	return workbookBytes(workbook, locale);
}
