/**
 * The record scan's findings (csv-scan.ts) as a scratch table of the load, which the report statements
 * (report-sql.ts) turn into report rows and which keeps the rows the scan rejected from being reported
 * again as empty rows.
 */
import { sqlString } from '../core/sql';
import { CSV_ISSUE_SEVERITY, type CsvIssue } from './csv-scan';

export interface ScannedFile {
	file: string;
	headers: readonly string[];
	issues?: readonly CsvIssue[];
}

/** Rows per INSERT: a damaged million-row file must not become one statement of a million values. */
const BATCH = 1000;

/** CREATE and INSERT statements of `table`: one row per finding, its column named by the header. */
export function csvFindingStatements(table: string, files: readonly ScannedFile[]): string[] {
	const statements = [
		`CREATE TABLE ${table} (file VARCHAR, "row" BIGINT, severity VARCHAR, code VARCHAR, "column" VARCHAR, found INTEGER, expected INTEGER)`
	];
	const values: string[] = [];
	for (const f of files) {
		for (const issue of f.issues ?? []) {
			const column = issue.field === null ? 'NULL' : sqlString(f.headers[issue.field] ?? `#${issue.field + 1}`);
			values.push(
				`(${sqlString(f.file)}, ${issue.row}, ${sqlString(CSV_ISSUE_SEVERITY[issue.code])}, ${sqlString(`csv_${issue.code}`)}, ` +
					`${column}, ${issue.found ?? 'NULL'}, ${f.headers.length})`
			);
		}
	}
	for (let i = 0; i < values.length; i += BATCH) {
		statements.push(`INSERT INTO ${table} VALUES ${values.slice(i, i + BATCH).join(', ')}`);
	}
	return statements;
}
