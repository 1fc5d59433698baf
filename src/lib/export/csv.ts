/**
 * CSV downloads of the app's reports. The writer itself (formula neutralising, RFC 4180) lives in
 * csv-write.ts, which imports nothing, so partner mode can use it without reaching ingest.
 */
import { REPORT_ROW_COLUMNS, type ReportRow } from '../ingest/report';
import { reportHeaders } from '../words/report-labels';
import { toCsv, type CsvCell, type CsvOptions } from './csv-write';

export { csvCell, neutraliseFormula, restoreFormula, toCsv, type CsvCell, type CsvOptions } from './csv-write';

/** The report's columns in download order. */
export const REPORT_COLUMNS = REPORT_ROW_COLUMNS;

/**
 * The validation report's detail rows as CSV, under `headers` (words/report-labels.ts in the caller's
 * language; Indonesian when not given: tingkat, kode_alasan, berkas …).
 */
export function reportToCsv(
	rows: Iterable<ReportRow>,
	opts: CsvOptions & { headers?: Readonly<Record<keyof ReportRow, string>> } = {}
): string {
	const headers = opts.headers ?? reportHeaders('id');
	const header = REPORT_COLUMNS.map((c) => headers[c]);
	function* cells(): Iterable<CsvCell[]> {
		for (const row of rows) yield REPORT_COLUMNS.map((c) => row[c]);
	}
	return toCsv(header, cells(), opts);
}
