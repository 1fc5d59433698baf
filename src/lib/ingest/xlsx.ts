/**
 * XLSX workbooks → the same VARCHAR staging table as CSV (c0 … cN, rowid + 1 = data row), through a
 * streaming reader (./xlsx/): the ZIP directory is read from the end of the file, then only the parts
 * needed; the worksheet is inflated and parsed one slice of the file at a time, so memory stays at the
 * shared strings plus one slice's rows and the same code runs in a browser tab and in Node. The header
 * row is the first row that names enough known columns of any source, so title rows above it are
 * skipped. Cells are read as text the way Excel holds them: integers as their digits (a numeric NIK
 * 6402061234560001 → '6402061234560001'), dates (by cell style) as YYYY-MM-DD, text as written (a NIK
 * typed as '6.40206E+15' stays so: identifier damage is reported later, not repaired here), booleans
 * TRUE/FALSE, formulas by their cached result, errors as their text (#N/A). Rows go to DuckDB as CSV
 * chunks through read_csv, so per-row work stays in SQL.
 *
 * Data row n of the staging table is sheet row headerRow + n (empty rows inside the data are kept as
 * empty records so the numbers match what the user sees in Excel; trailing empty rows are dropped).
 *
 * Limits: the shared strings (all text cells of the workbook, when Excel wrote them) are held in
 * memory, up to MAX_SHARED_STRINGS_XML_BYTES of XML; a larger workbook is refused as too large, with
 * the advice to save it as CSV UTF-8. The worksheet itself streams: its size bounds time, not memory.
 * Measured (bench/RESULTS.md, session 23): the bench's DTSEN workbook of 100,000 rows × 55 columns
 * (24.5 MiB, 171 MB of sheet XML) loads whole in 12–13 s in Chromium on a fresh page, with the
 * progress bar moving throughout; the exceljs reader once took 43–51 s at ≈2.8 GB for a similar one.
 */
import { coded } from '../core/messages';
import type { CellValue } from 'exceljs';
import { normaliseHeader, knownHeaderNames } from './sources';
import {
	appendCsv,
	checkAbort,
	createReadStageTable,
	csvReadOptions,
	type CsvStage,
	type StageContext,
	type StagedFile
} from './stage-table';
import { IngestError, type ByteSource } from './types';
import { isoDate, numberText } from './xlsx/cells';
import { XlsxFormatError, XlsxTooLargeError } from './xlsx/errors';
import { XLSX_SLICE_BYTES, XlsxReader, type SheetInfo, type SheetRow } from './xlsx/reader';

export { isEncryptedPackage } from './xlsx/ole';

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

/** OLE compound file (legacy .xls, or a password-protected .xlsx): D0 CF 11 E0. */
export function isOldExcel(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** An exceljs cell value as text, by the same rules as the reader (for values exceljs wrote). */
export function cellText(value: CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return numberText(value);
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) return isoDate(value);
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('error' in value) return String(value.error);
	if ('formula' in value || 'sharedFormula' in value) {
		const result = (value as { result?: unknown }).result;
		if (result === undefined || result === null) return '';
		if (typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error);
		return cellText(result as CellValue);
	}
	if ('hyperlink' in value) {
		const text = (value as { text?: unknown }).text;
		return typeof text === 'string' ? text : cellText(text as CellValue);
	}
	return '';
}

/** 1-based row number of the header: the first row naming ≥ 3 known columns, else the best, else the first non-empty. */
export function findHeaderRow(rows: readonly (readonly string[] | undefined)[], known: ReadonlySet<string>): number {
	let best = 0;
	let bestScore = 0;
	let firstNonEmpty = 0;
	for (const [i, cells] of rows.entries()) {
		if (!cells) continue;
		if (firstNonEmpty === 0 && cells.some((c) => c.trim() !== '')) firstNonEmpty = i + 1;
		const score = headerScore(cells, known);
		if (score >= HEADER_MIN_MATCHES) return i + 1;
		if (score > bestScore) {
			best = i + 1;
			bestScore = score;
		}
	}
	return best || firstNonEmpty || 1;
}

const headerScore = (cells: readonly string[], known: ReadonlySet<string>) => cells.filter((c) => known.has(normaliseHeader(c))).length;

/** The IngestError for a workbook that could not be read: too large for memory, or not a workbook. */
export function xlsxLoadError(file: string, size: number, error: unknown): IngestError {
	const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
	if (error instanceof XlsxTooLargeError) {
		return new IngestError(
			coded('ingest.xlsx_part_too_large', { file, bytes: size, part: error.part, limitBytes: error.limitBytes }),
			file
		);
	}
	if (error instanceof RangeError || /memory|allocation failed|invalid (array|string) length/i.test(detail)) {
		return new IngestError(coded('ingest.xlsx_too_large', { file, bytes: size }), file);
	}
	const reason = error instanceof XlsxFormatError ? error.said : null;
	return new IngestError(coded('ingest.xlsx_unreadable', { file, reason, detail }), file);
}

/** Quoted only where read_csv needs it: a delimiter, quote or line break, an edge space, or empty (so it reads as '', not NULL). */
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$|^$/;
const csvField = (text: string) => (NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The sheet named `wanted` (exact, else trimmed and case-insensitive), else the first visible worksheet. */
function chooseSheet(file: string, sheets: readonly SheetInfo[], wanted: string | undefined): SheetInfo {
	if (wanted) {
		const sheet = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.toLowerCase());
		if (!sheet) {
			throw new IngestError(coded('ingest.sheet_not_found', { file, sheet: wanted, sheets: sheets.map((s) => s.name) }), file);
		}
		if (sheet.kind !== 'worksheet') {
			throw new IngestError(coded('ingest.not_data_sheet', { file, sheet: sheet.name }), file);
		}
		return sheet;
	}
	const worksheets = sheets.filter((s) => s.kind === 'worksheet');
	const sheet = worksheets.find((s) => !s.hidden) ?? worksheets[0];
	if (!sheet) throw new IngestError(coded('ingest.no_worksheet', { file }), file);
	return sheet;
}

/**
 * Without a chosen sheet: the first visible worksheet whose top rows hold a register header, so a
 * workbook that opens on a cover or instructions sheet still loads; else the first visible one.
 */
async function findRegisterSheet(reader: XlsxReader, file: string, sheets: readonly SheetInfo[]): Promise<SheetInfo> {
	const first = chooseSheet(file, sheets, undefined);
	const visible = sheets.filter((s) => s.kind === 'worksheet' && !s.hidden);
	if (visible.length < 2) return first;
	const known = knownHeaderNames();
	for (const sheet of visible) {
		for await (const batch of reader.rows(sheet)) {
			const rows = batch.rows.filter((r) => r.row <= HEADER_SEARCH_ROWS);
			if (rows.some((r) => headerScore(r.cells, known) >= HEADER_MIN_MATCHES)) return sheet;
			if (rows.length < batch.rows.length) break;
		}
	}
	return first;
}

/**
 * A workbook is appended to its stage in many small chunks, and each append that commits more than
 * DuckDB's checkpoint threshold (16 MiB) checkpoints the database, compressing the growing stage again:
 * 24 appends of 5,000 rows took 3.0–3.4 s against 1.4 s without (bench/RESULTS.md, session 17). The
 * stage is scratch, dropped after the load, so its appends skip the checkpoints; the later statements
 * checkpoint as before.
 */
const NO_CHECKPOINT = `SET checkpoint_threshold = '1TB'`;

export async function stageXlsx(ctx: StageContext, source: ByteSource, index: number): Promise<StagedFile> {
	await ctx.engine.exec(NO_CHECKPOINT);
	try {
		return await stageWorkbook(ctx, source, index);
	} catch (error) {
		if (error instanceof IngestError) throw error;
		throw xlsxLoadError(source.name, source.size, error);
	} finally {
		// A failure here must not hide the load's own error; an engine that cannot reset is gone anyway.
		await ctx.engine.exec('RESET checkpoint_threshold').catch(() => undefined);
	}
}

async function stageWorkbook(ctx: StageContext, source: ByteSource, index: number): Promise<StagedFile> {
	const file = source.name;
	const reader = await XlsxReader.open(source, { sliceBytes: Math.min(ctx.sliceBytes, XLSX_SLICE_BYTES) });
	checkAbort(ctx, file);
	const wanted = source.sheet?.trim();
	const sheet = wanted ? chooseSheet(file, reader.sheets, wanted) : await findRegisterSheet(reader, file, reader.sheets);
	const known = knownHeaderNames();
	const bytesTotal = sheet.entry?.compressedSize ?? 0;
	const progress = (rowsRead: number, bytesRead: number) => ctx.onProgress?.({ phase: 'read', file, rowsRead, bytesRead, bytesTotal });

	/** Rows 1 … HEADER_SEARCH_ROWS as read, until the header row is known (index = row − 1). */
	const top: (string[] | undefined)[] = [];
	let anyText = false;
	let staging:
		{ headerRow: number; headers: string[]; stage: CsvStage; read: number[]; readOptions: string; emptyLine: string } | undefined;
	let lastRow = 0;
	let pendingEmpty = 0;
	let lines: string[] = [];
	/** Data rows handed to DuckDB so far, and the table's row count after the last append. */
	let sent = 0;
	let rows = 0;
	let chunk = 0;
	// One chunk goes into DuckDB (its own thread, or the wasm worker) while the next is parsed.
	let appending: Promise<void> = Promise.resolve();
	let appendError: { error: unknown } | undefined;
	const appended = async () => {
		await appending;
		if (appendError) throw appendError.error;
	};

	const startStaging = async (atEnd: boolean) => {
		const headerRow = findHeaderRow(top, known);
		const headerCells = top[headerRow - 1] ?? [];
		let headerWidth = headerCells.length;
		while (headerWidth > 0 && (headerCells[headerWidth - 1] ?? '').trim() === '') headerWidth--;
		const headers = headerCells.slice(0, headerWidth).map((h) => h.replace(/\s+/g, ' ').trim());
		if (headers.length === 0) {
			if (atEnd && !anyText) throw new IngestError(coded('ingest.empty_sheet', { file, sheet: sheet.name }), file);
			throw new IngestError(coded('ingest.sheet_without_header', { file, sheet: sheet.name }), file);
		}
		// Only the columns the stage reads go to DuckDB (43 of a DTSEN register's 55).
		const { read, ...stage } = await createReadStageTable(ctx, index, headers);
		staging = {
			headerRow,
			headers,
			stage,
			read,
			readOptions: csvReadOptions(read.length, ',', '\\n'),
			emptyLine: read.map(() => '""').join(',')
		};
		lastRow = headerRow;
		for (const [i, cells] of top.entries()) if (i + 1 > headerRow && cells) addDataRow({ row: i + 1, cells });
		top.length = 0;
	};

	const addDataRow = ({ row, cells }: SheetRow) => {
		if (!staging) return;
		// Rows the XML leaves out are empty rows too.
		pendingEmpty += Math.max(0, row - lastRow - 1);
		lastRow = Math.max(lastRow, row);
		const width = staging.headers.length;
		let empty = true;
		for (let c = 0; c < width && empty; c++) if ((cells[c] ?? '').trim() !== '') empty = false;
		if (empty) {
			pendingEmpty++;
			return;
		}
		for (; pendingEmpty > 0; pendingEmpty--) lines.push(staging.emptyLine);
		const { read } = staging;
		let line = csvField(cells[read[0] as number] ?? '');
		for (let c = 1; c < read.length; c++) line += `,${csvField(cells[read[c] as number] ?? '')}`;
		lines.push(line);
	};

	const flush = async () => {
		if (!staging || lines.length === 0) return;
		const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
		const rowsBefore = sent;
		sent += lines.length;
		lines = [];
		await appended();
		checkAbort(ctx, file);
		const { stage, readOptions } = staging;
		appending = appendCsv(ctx, file, stage, bytes, readOptions, rowsBefore, `${index}-x${chunk++}`).then(
			(count) => void (rows = count),
			(error: unknown) => void (appendError = { error })
		);
	};

	progress(0, 0);
	try {
		for await (const batch of reader.rows(sheet)) {
			checkAbort(ctx, file);
			for (const row of batch.rows) {
				if (!staging) {
					if (row.row <= HEADER_SEARCH_ROWS) {
						top[row.row - 1] = row.cells;
						if (!anyText && row.cells.some((c) => c.trim() !== '')) anyText = true;
						if (headerScore(row.cells, known) >= HEADER_MIN_MATCHES) await startStaging(false);
						continue;
					}
					await startStaging(false);
				}
				addDataRow(row);
				if (lines.length >= XLSX_CHUNK_ROWS) await flush();
			}
			progress(sent + lines.length, batch.compressedRead);
		}
		if (!staging) await startStaging(true);
		await flush();
	} finally {
		// Never leave a DuckDB append running behind an error: the caller drops its files and tables.
		await appending;
	}
	await appended();
	if (!staging) throw new IngestError(coded('ingest.empty_sheet', { file, sheet: sheet.name }), file);
	progress(rows, bytesTotal);
	const { headerRow, headers, stage } = staging;
	const sheets = reader.sheets.filter((s) => s.kind === 'worksheet').map((s) => s.name);
	return { file, format: 'xlsx', table: stage.table, headers, sheet: sheet.name, sheets, headerRow, rows };
}
