/**
 * Node side: writes a generated table as an XLSX workbook the way an operator's Excel export looks:
 * one sheet 'Data' with the header in row 1, digit strings of up to 15 digits without a leading zero
 * as number cells (16-digit NIK/KK and 18-digit IDARTBDT stay text, as a careful operator keeps them;
 * codes such as '09' stay text), ISO dates as date cells, everything else as text. Streams rows to the
 * file (exceljs WorkbookWriter), so a 200,000-row table does not sit in memory as cells.
 */
import ExcelJS from 'exceljs';
import type { SampleTable } from './tables';

/** Rows of the generator's own RFC 4180 CSV text (header first). */
export function* csvRows(text: string): Generator<string[]> {
	let row: string[] = [];
	let field = '';
	let inQuotes = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inQuotes) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else inQuotes = false;
			} else field += ch;
		} else if (ch === '"') inQuotes = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n') {
			row.push(field);
			yield row;
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		yield row;
	}
}

const NUMBER = /^[1-9][0-9]{0,14}$|^0$/;
const DECIMAL = /^[0-9]+\.[0-9]+$/;
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** The cell value an Excel export would hold for a generated text value. */
export function excelValue(text: string): string | number | Date | null {
	if (text === '') return null;
	if (NUMBER.test(text) || DECIMAL.test(text)) return Number(text);
	const date = ISO_DATE.exec(text);
	if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
	return text;
}

/** Writes `table` as an XLSX file at `path`. */
export async function writeTableXlsx(path: string, table: SampleTable): Promise<void> {
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
	workbook.creator = 'tepat sample generator (synthetic data)';
	const fixed = new Date(Date.UTC(2025, 0, 1));
	workbook.created = fixed;
	workbook.modified = fixed;
	const sheet = workbook.addWorksheet('Data');
	let header = true;
	for (const cells of csvRows(table.csv)) {
		const row = sheet.addRow(header ? cells : cells.map(excelValue));
		if (!header) {
			row.eachCell((cell) => {
				if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
			});
		}
		row.commit();
		header = false;
	}
	sheet.commit();
	await workbook.commit();
}
