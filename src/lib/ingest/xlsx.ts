/**
 * XLSX workbooks → the same VARCHAR staging table as CSV (c0 … cN, rowid + 1 = data row), through
 * exceljs (loaded on demand: it is large and only XLSX loads need it). The header row is the first
 * row that names enough known columns of any source, so title rows above it are skipped. Cells are
 * read as text the way Excel holds them: integers as their digits (a numeric NIK 6402061234560001 →
 * '6402061234560001'), dates as YYYY-MM-DD, text as written (a NIK typed as '6.40206E+15' stays so:
 * identifier damage is reported later, not repaired here). Rows go to DuckDB as CSV chunks through
 * read_csv, so per-row work stays in SQL.
 *
 * Data row n of the staging table is sheet row headerRow + n (empty rows inside the data are kept as
 * empty records so the numbers match what the user sees in Excel; trailing empty rows are dropped).
 *
 * Limit: exceljs' browser build has no streaming reader, so the whole workbook is parsed into memory.
 * Measured in Node: 100,000 rows × 51 columns (24.6 MB XLSX) load in ≈56 s at ≈3.3 GB peak RSS. Large
 * registers should come as CSV; an out-of-memory failure is reported as such (see xlsxLoadError).
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { normaliseHeader, knownHeaderNames } from './sources';
import {
	appendCsv,
	checkAbort,
	createStageTable,
	csvReadOptions,
	type StageContext,
	type StagedFile
} from './stage';
import { IngestError, type ByteSource } from './types';

type ExcelJs = typeof import('exceljs');

/** Rows per CSV chunk handed to read_csv (and per progress report). */
export const XLSX_CHUNK_ROWS = 5000;
/** How many rows from the top are searched for the header row. */
const HEADER_SEARCH_ROWS = 50;
/** Known column names a row must carry to count as the header row. */
const HEADER_MIN_MATCHES = 3;

/** ZIP local-file signature 'PK\x03\x04' (XLSX is a ZIP package). */
export function isZip(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** OLE compound file (legacy .xls): D0 CF 11 E0. */
export function isOldExcel(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

let exceljs: Promise<ExcelJs> | undefined;
/** exceljs, loaded once. Node gets the CommonJS build (default export), the browser its bundled build. */
export function loadExcelJs(): Promise<ExcelJs> {
	exceljs ??= import('exceljs').then((mod) => (mod as ExcelJs & { default?: ExcelJs }).default ?? mod);
	return exceljs;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** One cell as text, as described in the module comment. */
export function cellText(value: CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
		// Excel keeps 15 significant digits; drop binary noise such as 0.30000000000000004.
		return String(Number(value.toPrecision(15)));
	}
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return '';
		return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
	}
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('error' in value) return String(value.error);
	if ('formula' in value || 'sharedFormula' in value) {
		const result = (value as { result?: unknown }).result;
		if (result === undefined || result === null) return '';
		if (typeof result === 'object' && result !== null && 'error' in result) return String((result as { error: unknown }).error);
		return cellText(result as CellValue);
	}
	if ('hyperlink' in value) {
		const text = (value as { text?: unknown }).text;
		return typeof text === 'string' ? text : cellText(text as CellValue);
	}
	return '';
}

/** The cells of a sheet row as text, 1-based columns 1 … width (exceljs `row.values` is 1-based). */
function rowTexts(sheet: Worksheet, rowNumber: number, width: number): string[] | undefined {
	const row = sheet.findRow(rowNumber);
	if (!row) return undefined;
	const values = row.values;
	const out = new Array<string>(width);
	for (let c = 1; c <= width; c++) {
		const v = Array.isArray(values) ? (values[c] as CellValue) : undefined;
		out[c - 1] = cellText(v).replace(/\r\n?/g, '\n');
	}
	return out;
}

/** 1-based row number of the header: the first row naming ≥ 3 known columns, else the best, else the first non-empty. */
export function findHeaderRow(rows: readonly (readonly string[] | undefined)[], known: ReadonlySet<string>): number {
	let best = 0;
	let bestScore = 0;
	let firstNonEmpty = 0;
	for (const [i, cells] of rows.entries()) {
		if (!cells) continue;
		if (firstNonEmpty === 0 && cells.some((c) => c.trim() !== '')) firstNonEmpty = i + 1;
		const score = cells.filter((c) => known.has(normaliseHeader(c))).length;
		if (score >= HEADER_MIN_MATCHES) return i + 1;
		if (score > bestScore) {
			best = i + 1;
			bestScore = score;
		}
	}
	return best || firstNonEmpty || 1;
}

/** The IngestError for a workbook exceljs could not load: too large for memory, or not a workbook. */
export function xlsxLoadError(file: string, size: number, error: unknown): IngestError {
	const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
	if (error instanceof RangeError || /memory|allocation failed|invalid (array|string) length/i.test(detail)) {
		return new IngestError(
			`Berkas '${file}' (${(size / 1048576).toFixed(1)} MB) terlalu besar untuk dibuka sebagai XLSX di sini; simpan sebagai CSV UTF-8 di Excel lalu muat berkas CSV-nya.`,
			file
		);
	}
	return new IngestError(`Berkas '${file}' tidak dapat dibaca sebagai buku kerja XLSX (${detail}).`, file);
}

const csvQuote = (text: string) => `"${text.replaceAll('"', '""')}"`;

function sheetNames(workbook: Workbook): string {
	return workbook.worksheets.map((w) => `'${w.name}'`).join(', ');
}

export async function stageXlsx(ctx: StageContext, source: ByteSource, index: number): Promise<StagedFile> {
	const file = source.name;
	const bytes = await source.read(0, source.size);
	checkAbort(ctx, file);
	const ExcelJS = await loadExcelJs();
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs' typings ask for a Node Buffer; it accepts any ArrayBuffer view.
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch (error) {
		throw xlsxLoadError(file, source.size, error);
	}
	checkAbort(ctx, file);
	const wanted = source.sheet?.trim();
	let sheet: Worksheet | undefined;
	if (wanted) {
		sheet =
			workbook.worksheets.find((w) => w.name === wanted) ??
			workbook.worksheets.find((w) => w.name.trim().toLowerCase() === wanted.toLowerCase());
		if (!sheet) {
			throw new IngestError(
				`Berkas '${file}' tidak punya lembar kerja '${wanted}'; lembar yang ada: ${sheetNames(workbook)}.`,
				file
			);
		}
	} else {
		sheet = workbook.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden') ?? workbook.worksheets[0];
	}
	if (!sheet) throw new IngestError(`Berkas '${file}' tidak berisi lembar kerja.`, file);

	const width = Math.max(sheet.columnCount, 0);
	const lastRow = sheet.rowCount;
	if (width === 0 || lastRow === 0) {
		throw new IngestError(`Lembar '${sheet.name}' di berkas '${file}' kosong.`, file);
	}
	const top: (string[] | undefined)[] = [];
	for (let r = 1; r <= Math.min(lastRow, HEADER_SEARCH_ROWS); r++) top.push(rowTexts(sheet, r, width));
	const headerRow = findHeaderRow(top, knownHeaderNames());
	const headerCells = top[headerRow - 1] ?? [];
	let headerWidth = headerCells.length;
	while (headerWidth > 0 && (headerCells[headerWidth - 1] ?? '').trim() === '') headerWidth--;
	const headers = headerCells.slice(0, headerWidth).map((h) => h.replace(/\s+/g, ' ').trim());
	if (headers.length === 0) {
		throw new IngestError(`Lembar '${sheet.name}' di berkas '${file}' tidak punya baris judul kolom.`, file);
	}

	const table = await createStageTable(ctx, index, headers.length);
	const readOptions = csvReadOptions(headers.length, ',', '\\n');
	const encoder = new TextEncoder();
	let lines: string[] = [];
	let pendingEmpty = 0;
	let rows = 0;
	let chunk = 0;
	const flush = async () => {
		if (lines.length === 0) return;
		const text = `${lines.join('\n')}\n`;
		lines = [];
		rows = await appendCsv(ctx, file, table, encoder.encode(text), readOptions, rows, `${index}-x${chunk++}`);
		ctx.onProgress?.({ phase: 'read', file, rowsRead: rows, bytesRead: source.size, bytesTotal: source.size });
		checkAbort(ctx, file);
	};
	const emptyLine = headers.map(() => '""').join(',');
	ctx.onProgress?.({ phase: 'read', file, rowsRead: 0, bytesRead: 0, bytesTotal: source.size });
	for (let r = headerRow + 1; r <= lastRow; r++) {
		const cells = rowTexts(sheet, r, headers.length);
		if (!cells || cells.every((c) => c.trim() === '')) {
			pendingEmpty++;
			continue;
		}
		for (; pendingEmpty > 0; pendingEmpty--) lines.push(emptyLine);
		lines.push(cells.map(csvQuote).join(','));
		if (lines.length >= XLSX_CHUNK_ROWS) await flush();
	}
	await flush();
	return { file, format: 'xlsx', table, headers, sheet: sheet.name, headerRow, rows };
}
