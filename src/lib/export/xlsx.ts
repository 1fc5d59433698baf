/**
 * The validation report as an XLSX workbook (exceljs, loaded on demand): sheet "Laporan" with the
 * detail rows and sheet "Ringkasan" with the summary. Every text cell is a typed string cell, so a
 * NIK or KK stays 16 digits (number format '@', Text) and a value such as `=1+1` is text, not a
 * formula: XLSX stores the cell type, so no apostrophe is needed (unlike CSV, export/csv.ts).
 * Counts are number cells.
 */
import type { Worksheet } from 'exceljs';
import { loadExcelJs, workbookBytes } from './exceljs';
import type { IdIssue } from '../core/nik';
import { duplicateFigures, duplicateRowsRejected, type IngestReport, type ReportRow } from '../ingest/report';
import type { Locale } from '../words';
import {
	duplicateFigureWords,
	idIssueWords,
	idKindWords,
	repeatedRowsWords,
	reportHeaders,
	rowsReadWords,
	summaryLabelWords,
	type SummaryLabel
} from '../words/report-labels';
import { REPORT_COLUMNS } from './csv';

const TEXT_COLUMNS: ReadonlySet<keyof ReportRow> = new Set([
	'severity',
	'code',
	'source_file',
	'source_column',
	'value',
	'household_id',
	'person_id',
	'message'
]);

/** The summary as label/value pairs, labelled in `locale`. */
export function summaryPairs(report: IngestReport, locale: Locale = 'id'): [string, string | number][] {
	const label = (key: SummaryLabel) => summaryLabelWords(key, locale);
	const pairs: [string, string | number][] = [
		[label('source'), report.source.toUpperCase()],
		...(report.regency
			? ([
					[label('regency'), `${report.regency.nama} (${report.regency.kode})`],
					[label('other_regency_households'), report.regency.others.reduce((n, o) => n + o.households, 0)]
				] satisfies [string, string | number][])
			: []),
		...report.files.map((f): [string, string | number] => [rowsReadWords(f.file, locale), f.rowsRead]),
		[label('rows_read_total'), report.rowsRead],
		[label('households_loaded'), report.households],
		[label('people_loaded'), report.people],
		[label('rows_rejected'), report.rowsRejected],
		[label('empty_key'), report.emptyKeyRows],
		[label('orphans'), report.orphanMembers],
		[label('empty_rows'), report.emptyRows],
		[`  ${repeatedRowsWords(locale)}`, duplicateRowsRejected(report.duplicates)],
		[label('households_without_members'), report.householdsWithoutMembers],
		[label('villages_outside'), report.villagesNotInReference.reduce((n, v) => n + v.households, 0)],
		[label('unknown_codes'), report.unknownCodes.reduce((n, u) => n + u.rows, 0)],
		...duplicateFigures(report).map(([figure, value]): [string, number] => [duplicateFigureWords(figure, locale), value])
	];
	for (const kind of ['nik', 'kk'] as const) {
		for (const [issue, rows] of Object.entries(report.identifiers[kind])) {
			if (rows > 0) pairs.push([`${idKindWords(kind, locale)}: ${idIssueWords(issue as IdIssue, locale)}`, rows]);
		}
	}
	return pairs;
}

function setTextColumns(sheet: Worksheet, count: number, isText: (i: number) => boolean): void {
	for (let i = 1; i <= count; i++) if (isText(i - 1)) sheet.getColumn(i).numFmt = '@';
}

/** XLSX bytes of the report: detail rows, and the summary when given. */
export async function reportToXlsx(
	rows: Iterable<ReportRow>,
	report?: IngestReport | null,
	capabilities: readonly string[] = [],
	locale: Locale = 'id'
): Promise<Uint8Array> {
	const ExcelJS = await loadExcelJs();
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Tepat';
	const detail = workbook.addWorksheet('Laporan');
	setTextColumns(detail, REPORT_COLUMNS.length, (i) => TEXT_COLUMNS.has(REPORT_COLUMNS[i] ?? 'message'));
	const headers = reportHeaders(locale);
	detail.addRow(REPORT_COLUMNS.map((c) => headers[c]));
	for (const row of rows) {
		const added = detail.addRow(REPORT_COLUMNS.map((c) => row[c]));
		REPORT_COLUMNS.forEach((c, i) => {
			const value = row[c];
			if (typeof value === 'string') added.getCell(i + 1).value = value; // always a string cell
		});
	}
	detail.views = [{ state: 'frozen', ySplit: 1 }];
	if (report) {
		const summary = workbook.addWorksheet('Ringkasan');
		summary.getColumn(1).numFmt = '@';
		summary.addRow(['Ringkasan pemuatan', '']);
		for (const pair of summaryPairs(report, locale)) summary.addRow(pair);
	}
	if (capabilities.length > 0) {
		// capability-notes.ts lines: what the register's columns can feed, one line a row.
		const sheet = workbook.addWorksheet('Kolom dan kemampuan');
		sheet.getColumn(1).width = 100;
		for (const line of capabilities) sheet.addRow([line]);
	}
	return workbookBytes(workbook, locale);
}
