/**
 * CSV that is safe to open in a spreadsheet (the validation report, the lists, the partner's target
 * table). Imports nothing, so partner mode, which may not reach the register, writes CSV with it too.
 *
 * Formula neutralising (CSV injection, OWASP): a text cell whose first character is `=`, `+`, `-`, `@`,
 * a tab or a carriage return would be read by Excel/LibreOffice as a formula. Such a cell gets a
 * leading apostrophe (`=1+1` → `'=1+1`), which spreadsheets show as text and which a reader can see
 * and remove. Only text cells are touched; numbers are written as numbers (a negative count is not
 * text). Everything else is written exactly.
 *
 * Identifiers (NIK, KK) are always text cells here, written digit for digit — never as numbers, never
 * rounded. Excel still turns a 16-digit text into a number when it *opens* a CSV by double-click (and
 * drops the 16th digit); that is Excel's import, not the file. Use the XLSX download (export/xlsx.ts),
 * whose NIK cells are typed text, or Excel's Data → From Text with the column set to Text.
 *
 * Format: RFC 4180 (fields quoted when they hold the delimiter, a quote, CR or LF, or begin or end with
 * a space; quotes doubled), CRLF line ends, UTF-8 with a BOM by default so Excel reads names such as
 * "Désa" right.
 */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
	/** Default ','. Indonesian Excel often expects ';'. */
	delimiter?: ',' | ';' | '\t';
	/** UTF-8 byte order mark at the start (default true). */
	bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** `'` in front of a text that a spreadsheet would run as a formula; other text unchanged. */
export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A cell as it was before neutraliseFormula, for reading back a CSV this module wrote. A text that
 * itself began with an apostrophe and a formula character reads back without the apostrophe.
 */
export function restoreFormula(text: string): string {
	return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One CSV field: empty for null, numbers as written, text neutralised and quoted when needed. */
export function csvCell(value: CsvCell, delimiter: string = ','): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = neutraliseFormula(value);
	const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ');
	return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: header line, then one line per row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, opts: CsvOptions = {}): string {
	const delimiter = opts.delimiter ?? ',';
	const lines = [header.map((h) => csvCell(h, delimiter)).join(delimiter)];
	for (const row of rows) lines.push(row.map((v) => csvCell(v, delimiter)).join(delimiter));
	return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
