/** exceljs, for writing workbooks (report export); the ingest reader does not use it. */
import type { CellValue, Workbook } from 'exceljs';
import { truncatedCellWord } from '../words/export-labels';
import type { Locale } from '../words/render';

type ExcelJs = typeof import('exceljs');

let exceljs: Promise<ExcelJs> | undefined;
/** exceljs, loaded once (it is large). Node gets the CommonJS build (default export), the browser its bundled build. */
export function loadExcelJs(): Promise<ExcelJs> {
	exceljs ??= import('exceljs').then((mod) => (mod as ExcelJs & { default?: ExcelJs }).default ?? mod);
	return exceljs;
}

/** Excel's limit on the characters (UTF-16 code units) of one cell. */
export const EXCEL_CELL_LIMIT = 32_767;

/**
 * Characters XML 1.0 does not allow anywhere in a document: C0 controls but tab, LF and CR; U+FFFE and
 * U+FFFF; and surrogates that are not half of a pair. exceljs drops the C0 controls itself but writes
 * U+FFFE, U+FFFF and lone surrogates as they are, and Excel then has to "repair" the workbook (issue 18).
 */
const XML_FORBIDDEN =
	// eslint-disable-next-line no-control-regex -- the control characters are what it finds
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids (they are invisible or broken in any name, so nothing is lost to a reader). */
export function xmlSafeText(text: string): string {
	return text.replace(XML_FORBIDDEN, '');
}

/**
 * A text as one cell may hold it: XML-safe, and within Excel's 32,767 characters.
 *
 * A longer text is cut, not refused: one overlong cell (an address pasted a thousand times, a 1 MiB
 * plan name in every title block) must not cost an office the whole BNBA list or budget summary it
 * needs; the cut is visible, as `marker` ends the cell and says how long the original was, and the
 * CSV download of the same list keeps the whole text. Excel itself cuts such a cell without a word
 * (or refuses to open the file), which is what this replaces.
 */
export function cellText(text: string, marker: (length: number) => string): string {
	const safe = xmlSafeText(text);
	if (safe.length <= EXCEL_CELL_LIMIT) return safe;
	const end = marker(safe.length);
	let keep = Math.max(0, EXCEL_CELL_LIMIT - end.length);
	// Never half of a surrogate pair at the cut.
	if (/[\uD800-\uDBFF]/.test(safe.charAt(keep - 1))) keep -= 1;
	return `${safe.slice(0, keep)}${end}`.slice(0, EXCEL_CELL_LIMIT);
}

function safeValue(value: CellValue, marker: (length: number) => string): CellValue {
	if (typeof value === 'string') return cellText(value, marker);
	if (value && typeof value === 'object' && 'richText' in value) {
		return { ...value, richText: value.richText.map((run) => ({ ...run, text: cellText(run.text, marker) })) };
	}
	return value;
}

/**
 * The workbook's bytes, every text cell made XML-safe and cut to Excel's limit first (cellText). Every
 * XLSX Tepat writes goes through here (BNBA, budget summary, report, worklist, indicator table), so a
 * hostile name from a register, a reference or a boundary file cannot make a workbook Excel must repair.
 */
export async function workbookBytes(workbook: Workbook, locale: Locale): Promise<Uint8Array> {
	const marker = (length: number) => truncatedCellWord(length, locale);
	workbook.eachSheet((sheet) => {
		sheet.eachRow({ includeEmpty: false }, (row) => {
			row.eachCell({ includeEmpty: false }, (cell) => {
				const safe = safeValue(cell.value, marker);
				if (safe !== cell.value) cell.value = safe;
			});
		});
	});
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
