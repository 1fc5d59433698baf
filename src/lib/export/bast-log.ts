/**
 * The BAST log (issue 16 point 4): one row per handover of an encrypted by-name file, kept beside the
 * plan and read back when the plan is reopened. The header is fixed and language-free (it is read back
 * by name whatever the UI language); cells go through the formula-safe writer (export/csv.ts), since a
 * firm or recipient name is typed by people and the log is opened in a spreadsheet.
 */
import { BAST_FIELDS, checkBast, repeatedBastNumber, type BastField, type BastInput, type BastRecord } from '../core/partner/bast-record';
import { CodedError, coded } from '../core/messages';
import { restoreFormula, toCsv, type CsvCell, type CsvOptions } from './csv';

const COLUMN: Readonly<Record<BastField, string>> = {
	number: 'number',
	handedOverAt: 'handed_over_at',
	programme: 'programme',
	pledgeId: 'pledge_id',
	units: 'units',
	fileName: 'file_name',
	fileSha256: 'file_sha256',
	firm: 'firm',
	recipientName: 'recipient_name',
	recipientContact: 'recipient_contact',
	officerName: 'officer_name',
	officerPosition: 'officer_position'
};

/** The log's header, in order. */
export const BAST_LOG_COLUMNS: readonly string[] = BAST_FIELDS.map((f) => COLUMN[f]);

/** The log as CSV; every record is checked first, so what is written reads back. */
export function bastLogCsv(records: readonly BastInput[], opts: CsvOptions = {}): string {
	const checked: BastRecord[] = records.map((input) => {
		const result = checkBast(input);
		if (!result.ok) throw new CodedError(coded('partner.bast_field_refused', result.problem));
		return result.record;
	});
	const repeated = repeatedBastNumber(checked);
	if (repeated !== null) throw new CodedError(coded('partner.bast_number_taken', { number: repeated }));
	const rows = checked.map((record): CsvCell[] => BAST_FIELDS.map((field) => record[field]));
	return toCsv(BAST_LOG_COLUMNS, rows, opts);
}

interface CsvLine {
	/** 1-based line of the file where the row starts. */
	line: number;
	cells: string[];
}

/** RFC 4180 rows (quotes doubled, CRLF or LF), each with the line it starts on; an unclosed quote refused. */
function readRows(text: string, delimiter: string): CsvLine[] {
	const rows: CsvLine[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	let quoteLine = 1;
	const endRow = (): void => {
		cells.push(cell);
		// A blank line (a lone empty cell) is not a row.
		if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
		cells = [];
		cell = '';
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i] ?? '';
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else {
				if (ch === '\n') line++;
				cell += ch;
			}
		} else if (ch === '"' && cell === '') {
			quoted = true;
			quoteLine = line;
		} else if (ch === delimiter) {
			cells.push(cell);
			cell = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			continue;
		} else if (ch === '\n' || ch === '\r') {
			endRow();
			line++;
			rowLine = line;
		} else cell += ch;
	}
	if (quoted) throw new CodedError(coded('partner.bast_log_quote', { line: String(quoteLine) }));
	endRow();
	return rows;
}

/** The delimiter the writer used: the character after the first column's name (',' when it cannot tell). */
function delimiterOf(text: string): string {
	const first = BAST_LOG_COLUMNS[0] ?? '';
	const after = text.startsWith(first) ? text[first.length] : undefined;
	return after === ';' || after === '\t' ? after : ',';
}

/**
 * The records of a log bastLogCsv wrote (any of its delimiters, with or without the BOM), in file order.
 * An empty text is an empty log; a changed header, a row of the wrong width, a refused field or a
 * number written twice is a CodedError naming the line.
 */
export function parseBastLog(text: string): BastRecord[] {
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (body.trim() === '') return [];
	const [header, ...rows] = readRows(body, delimiterOf(body));
	const found = header?.cells ?? [];
	if (found.length !== BAST_LOG_COLUMNS.length || found.some((name, i) => name !== BAST_LOG_COLUMNS[i])) {
		throw new CodedError(coded('partner.bast_log_header', { expected: BAST_LOG_COLUMNS.join(', '), found: found.join(', ') }));
	}
	const records = rows.map(({ line, cells }): BastRecord => {
		if (cells.length !== BAST_FIELDS.length) {
			throw new CodedError(
				coded('partner.bast_log_row_cells', { line: String(line), count: String(cells.length), expected: String(BAST_FIELDS.length) })
			);
		}
		const input = Object.fromEntries(BAST_FIELDS.map((field, i) => [field, restoreFormula(cells[i] ?? '')])) as BastInput;
		const result = checkBast(input);
		if (!result.ok) throw new CodedError(coded('partner.bast_log_row_refused', { line: String(line), ...result.problem }));
		return result.record;
	});
	const repeated = repeatedBastNumber(records);
	if (repeated !== null) throw new CodedError(coded('partner.bast_number_taken', { number: repeated }));
	return records;
}
