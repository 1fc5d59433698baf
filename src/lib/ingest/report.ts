/**
 * The validation report of the last load, read back from DuckDB (tables `ingest_report`,
 * `ingest_file`, written by `ingestRegister` through report-sql.ts and swapped in with the register).
 * `loadReport` gives the typed summary the UI and CLI show; `reportRowsSql` / `loadReportFindings` give
 * the findings, which words/report.ts words into the rows the user reads and downloads (export/csv.ts,
 * export/xlsx.ts).
 */
import type { Engine } from '../engine/types';
import { sqlString } from '../core/sql';
import { rowsOf } from '../core/rows';
import { ID_ISSUES, idDigitsSql, type IdIssue, type IdKind } from '../core/nik';
import { REPORT_FILE_TABLE, REPORT_SEVERITIES, REPORT_TABLE, reportRowsSql, type ReportSeverity } from './report-sql';
import type { SourceKind } from './types';
import type { DuplicateCode } from './duplicates';
import { findingOf, type FindingSaid } from './report-params';
import type { CodedMessage } from '../core/messages';
import type { CsvIssueName } from '../core/messages/report';

export { REPORT_FILE_TABLE, REPORT_SEVERITIES, REPORT_TABLE, reportRowsSql, type ReportSeverity } from './report-sql';

/** Reason codes of report rows. NIK/KK codes are `nik_<issue>` / `kk_<issue>` (core/nik.ts). */
export type ReportCode =
	| 'empty_key'
	| 'empty_row'
	| 'orphan_member'
	| 'household_without_members'
	| 'village_not_in_reference'
	| 'regency'
	| 'other_regency'
	| 'village_name_ambiguous'
	| 'village_name_not_found'
	| 'village_name_no_kecamatan'
	| 'unknown_code'
	| 'invalid_value'
	| `csv_${CsvIssueName}`
	| DuplicateCode
	| `${IdKind}_${IdIssue}`
	| `${IdKind}_column_trailing_zeros`;

/** One finding of the detail table: its columns, and what it says as a code (worded at the edge, words/report.ts). */
export interface ReportFinding {
	severity: ReportSeverity;
	code: ReportCode;
	source_file: string;
	source_row: number | null;
	source_column: string | null;
	value: string | null;
	rows: number;
	household_id: string | null;
	person_id: string | null;
	said: FindingSaid;
}

/** A finding in words: the row of the downloaded report (export/csv.ts, export/xlsx.ts) and of the screen's table. */
export type ReportRow = Omit<ReportFinding, 'said'> & { message: string };

/** The columns of the downloaded report, in order. */
export const REPORT_ROW_COLUMNS: readonly (keyof ReportRow)[] = [
	'severity',
	'code',
	'source_file',
	'source_row',
	'source_column',
	'value',
	'rows',
	'household_id',
	'person_id',
	'message'
];

const FINDING_SPEC = {
	severity: 'string',
	code: 'string',
	source_file: 'string',
	source_row: 'number?',
	source_column: 'string?',
	value: 'string?',
	rows: 'number',
	household_id: 'string?',
	person_id: 'string?',
	params: 'string'
} as const;

export interface ReportFile {
	file: string;
	source: SourceKind;
	role: 'flat' | 'household' | 'person';
	format: 'csv' | 'xlsx' | 'parquet';
	encoding: string | null;
	sheet: string | null;
	/** XLSX: sheet row of the header, so data row N is sheet row headerRow + N. */
	headerRow: number | null;
	rowsRead: number;
}

export interface UnknownCodeCount {
	table: 'household' | 'person';
	field: string;
	file: string;
	column: string;
	value: string;
	rows: number;
	firstRow: number;
}

export interface VillageNotInReference {
	/** Dotted code as loaded (NULL: no code and no name match). */
	kode: string | null;
	/** Rows of the household file carrying it (flat file: member rows). */
	rows: number;
	households: number;
	people: number;
	firstRow: number;
	file: string;
}

export interface DuplicateCount {
	/** Distinct NIKs concerned. */
	niks: number;
	/** Rows beyond each NIK's first. */
	rows: number;
}

/** The register's regency (table register_region) and the households of other regencies. */
export interface ReportRegency {
	kode: string;
	nama: string;
	basis: 'detected' | 'chosen' | 'kept' | 'fixed';
	households: number;
	voting: number;
	/** One per other regency the codes name: its code, households and the finding. */
	others: { kode: string; households: number; said: CodedMessage<'finding.other_regency'> }[];
}

/** Repeated families and people (duplicates.ts has the rules). */
export interface DuplicateSummary {
	/** Household-file rows repeating an earlier family (same key and signature): not loaded. */
	familyRows: number;
	/** Families loaded under a derived id (`<key>~2` …) because an earlier family has their key. */
	sharedKeyFamilies: number;
	/** Member rows repeating a person (same NIK and name) of the same family: not loaded. */
	personRows: number;
	/** Member rows repeating a person of another family: not loaded, the person stays in the first. */
	personInTwoFamiliesRows: number;
}

/** The typed summary of the last load. */
export interface IngestReport {
	source: SourceKind;
	/** Null when the register was put in place without regency detection (an older stored copy). */
	regency: ReportRegency | null;
	files: ReportFile[];
	rowsRead: number;
	households: number;
	people: number;
	/** Rows not loaded (= rowsRead − households − people for a pair, − people for a flat file). */
	rowsRejected: number;
	/** Rejected rows by reason. */
	rejected: { code: ReportCode; rows: number }[];
	orphanMembers: number;
	emptyKeyRows: number;
	/** Rows with nothing in any column read (blank lines or sheet rows); rejected, counted apart. */
	emptyRows: number;
	/** CSV records rejected as damaged by the record scan (csv-scan.ts: an unclosed quote, too many fields, cut short). */
	damagedRows: number;
	householdsWithoutMembers: number;
	unknownCodes: UnknownCodeCount[];
	villagesNotInReference: VillageNotInReference[];
	/** Repeated families and people, placed or left out by rule. */
	duplicates: DuplicateSummary;
	/** One NIK for two names, both loaded: in one family, in two families. */
	duplicateNik: DuplicateCount;
	nikInTwoFamilies: DuplicateCount;
	/** NIK/KK issues by kind: rows flagged (every kind present, zeros included). */
	identifiers: Record<IdKind, Record<IdIssue, number>>;
	/** Columns where far more NIK/KK values end in 0 than real serials do (Excel's 15 digits). */
	trailingZeroColumns: { kind: IdKind; file: string; column: string; rows: number; firstRow: number }[];
	/** Report rows by severity (aggregate rows count once). */
	findings: Record<ReportSeverity, number>;
}

async function tableExists(engine: Engine, table: string): Promise<boolean> {
	const result = await engine.query(`SELECT count(*)::BIGINT AS n FROM information_schema.tables WHERE table_name = ${sqlString(table)}`);
	return Number(result.get(0)?.n ?? 0) > 0;
}

const zeros = (): Record<IdIssue, number> => Object.fromEntries(ID_ISSUES.map((i) => [i, 0])) as Record<IdIssue, number>;

/**
 * The summary of the last load, or null when there is none: no load yet, or the register now in
 * `household`/`person` came from other files than the report's (restored from storage or the
 * prebuilt sample after a load). The state layer should still drop `ingest_report`/`ingest_file`
 * when it replaces the register without a load.
 */
export async function loadReport(engine: Engine): Promise<IngestReport | null> {
	if (!(await tableExists(engine, REPORT_TABLE)) || !(await tableExists(engine, REPORT_FILE_TABLE))) return null;
	const files = rowsOf(await engine.query(`SELECT * FROM ${REPORT_FILE_TABLE} ORDER BY rowid`), {
		source_file: 'string',
		source: 'string',
		role: 'string',
		format: 'string',
		encoding: 'string?',
		sheet: 'string?',
		header_row: 'number?',
		rows_read: 'number'
	}).map((f): ReportFile => ({
		file: f.source_file,
		source: f.source as SourceKind,
		role: f.role as ReportFile['role'],
		format: f.format as ReportFile['format'],
		encoding: f.encoding,
		sheet: f.sheet,
		headerRow: f.header_row,
		rowsRead: f.rows_read
	}));
	const first = files[0];
	if (!first) return null;
	// A register put in place without a load (restored from storage or the prebuilt sample) leaves an
	// older report behind: it does not describe the rows now loaded, so there is no report.
	const stale = await engine.query(
		`SELECT (EXISTS (SELECT 1 FROM household WHERE source_file NOT IN (SELECT source_file FROM ${REPORT_FILE_TABLE})) ` +
			`OR EXISTS (SELECT 1 FROM person WHERE source_file NOT IN (SELECT source_file FROM ${REPORT_FILE_TABLE}))) AS stale`
	);
	if (stale.get(0)?.stale === true) return null;
	const [totals] = rowsOf(
		await engine.query(`SELECT (SELECT count(*) FROM household)::BIGINT AS households, (SELECT count(*) FROM person)::BIGINT AS people`),
		{ households: 'number', people: 'number' }
	);
	const byCode = rowsOf(
		await engine.query(
			`SELECT severity, code, count(*)::BIGINT AS findings, sum(rows)::BIGINT AS rows, count(DISTINCT ${idDigitsSql('value')})::BIGINT AS niks ` +
				`FROM ${REPORT_TABLE} GROUP BY severity, code ORDER BY code`
		),
		{ severity: 'string', code: 'string', findings: 'number', rows: 'number', niks: 'number' }
	);
	const rowsOfCode = (code: string) => byCode.find((c) => c.code === code)?.rows ?? 0;
	const findingsOfCode = (code: string) => byCode.find((c) => c.code === code)?.findings ?? 0;
	const dup = (code: string): DuplicateCount => {
		const c = byCode.find((x) => x.code === code);
		return { niks: c?.niks ?? 0, rows: c?.rows ?? 0 };
	};
	const identifiers: Record<IdKind, Record<IdIssue, number>> = { nik: zeros(), kk: zeros() };
	for (const c of byCode) {
		const m = /^(nik|kk)_(.+)$/.exec(c.code);
		if (!m) continue;
		const kind = m[1] as IdKind;
		const issue = m[2] as IdIssue;
		if (ID_ISSUES.includes(issue)) identifiers[kind][issue] += c.rows;
	}
	const findings = Object.fromEntries(REPORT_SEVERITIES.map((s) => [s, 0])) as Record<ReportSeverity, number>;
	for (const c of byCode) findings[c.severity as ReportSeverity] += c.findings;

	const unknownCodes = rowsOf(
		await engine.query(
			`SELECT table_name, field, source_file, source_column, raw_value, rows, first_row FROM ingest_unknown_code ORDER BY source_file, first_row, field, raw_value`
		),
		{
			table_name: 'string',
			field: 'string',
			source_file: 'string',
			source_column: 'string',
			raw_value: 'string',
			rows: 'number',
			first_row: 'number'
		}
	).map((u): UnknownCodeCount => ({
		table: u.table_name as UnknownCodeCount['table'],
		field: u.field,
		file: u.source_file,
		column: u.source_column,
		value: u.raw_value,
		rows: u.rows,
		firstRow: u.first_row
	}));
	const regency = await loadRegency(engine);
	// Households of other regencies are reported per regency, not village by village.
	const ownRegency = regency
		? `AND (h.village_kode IS NULL OR left(h.village_kode, 5) NOT IN (${regency.others.map((o) => sqlString(o.kode)).join(', ') || "''"}))`
		: '';
	const villagesNotInReference = rowsOf(
		await engine.query(
			`SELECT h.village_kode AS kode, count(*)::BIGINT AS households, sum(h.members)::BIGINT AS people, min(h.source_row)::BIGINT AS first_row, min(h.source_file) AS file ` +
				`FROM household h WHERE (h.village_kode IS NULL OR h.village_kode NOT IN (SELECT kode FROM village)) ${ownRegency} GROUP BY 1 ORDER BY min(h.source_row)`
		),
		{ kode: 'string?', households: 'number', people: 'number', first_row: 'number', file: 'string' }
	).map((v): VillageNotInReference => ({
		kode: v.kode,
		rows: first.role === 'flat' ? v.people : v.households,
		households: v.households,
		people: v.people,
		firstRow: v.first_row,
		file: v.file
	}));
	const trailingZeroColumns = rowsOf(
		await engine.query(
			`SELECT code, source_file, source_column, rows, source_row FROM ${REPORT_TABLE} WHERE code LIKE '%_column_trailing_zeros' ORDER BY source_file, source_column`
		),
		{ code: 'string', source_file: 'string', source_column: 'string', rows: 'number', source_row: 'number' }
	).map((t) => ({
		kind: (t.code.startsWith('kk_') ? 'kk' : 'nik') as IdKind,
		file: t.source_file,
		column: t.source_column,
		rows: t.rows,
		firstRow: t.source_row
	}));

	const rowsRead = files.reduce((n, f) => n + f.rowsRead, 0);
	const households = totals?.households ?? 0;
	const people = totals?.people ?? 0;
	return {
		source: first.source,
		files,
		rowsRead,
		households,
		people,
		rowsRejected: rowsRead - people - (first.role === 'flat' ? 0 : households),
		rejected: byCode.filter((c) => c.severity === 'rejected').map((c) => ({ code: c.code as ReportCode, rows: c.rows })),
		orphanMembers: rowsOfCode('orphan_member'),
		emptyKeyRows: rowsOfCode('empty_key'),
		emptyRows: rowsOfCode('empty_row'),
		damagedRows: byCode.filter((c) => c.severity === 'rejected' && c.code.startsWith('csv_')).reduce((sum, c) => sum + c.rows, 0),
		householdsWithoutMembers: rowsOfCode('household_without_members'),
		unknownCodes,
		regency,
		villagesNotInReference,
		duplicates: {
			familyRows: rowsOfCode('duplicate_family'),
			sharedKeyFamilies: findingsOfCode('family_key_shared'),
			personRows: rowsOfCode('duplicate_person'),
			personInTwoFamiliesRows: rowsOfCode('person_in_two_families')
		},
		duplicateNik: dup('duplicate_nik'),
		nikInTwoFamilies: dup('nik_in_two_families'),
		identifiers,
		trailingZeroColumns,
		findings
	};
}

/** The register's regency and the other regencies its codes name; null when the register has none recorded. */
async function loadRegency(engine: Engine): Promise<ReportRegency | null> {
	if (!(await tableExists(engine, 'register_region'))) return null;
	const [row] = rowsOf(await engine.query('SELECT * FROM register_region LIMIT 1'), {
		kode: 'string',
		nama: 'string',
		basis: 'string',
		households: 'number',
		voting: 'number'
	});
	if (!row) return null;
	const others = rowsOf(
		await engine.query(
			`SELECT code, source_file, source_row, source_column, value, rows, household_id, params FROM ${REPORT_TABLE} WHERE code = 'other_regency' ORDER BY rows DESC, value`
		),
		{
			code: 'string',
			source_file: 'string',
			source_row: 'number?',
			source_column: 'string?',
			value: 'string',
			rows: 'number',
			household_id: 'string?',
			params: 'string'
		}
	).flatMap((o) => {
		const said = findingOf(o);
		return said.code === 'finding.other_regency' ? [{ kode: o.value, households: o.rows, said }] : [];
	});
	return { ...row, basis: row.basis as ReportRegency['basis'], others };
}

/** Rows not loaded because they repeat a family or a person. */
export function duplicateRowsRejected(d: DuplicateSummary): number {
	return d.familyRows + d.personRows + d.personInTwoFamiliesRows;
}

/** The duplicate figures of the summaries (CLI, XLSX), by name; words/report-labels.ts words the names. */
export function duplicateFigures(report: IngestReport): [DuplicateFigure, number][] {
	const d = report.duplicates;
	return [
		['familyRows', d.familyRows],
		['sharedKeyFamilies', d.sharedKeyFamilies],
		['personRows', d.personRows],
		['personInTwoFamiliesRows', d.personInTwoFamiliesRows],
		['duplicateNik', report.duplicateNik.rows],
		['nikInTwoFamilies', report.nikInTwoFamilies.rows]
	];
}

export type DuplicateFigure = keyof DuplicateSummary | 'duplicateNik' | 'nikInTwoFamilies';

/** Findings of the report in display order; `limit` for a screen page (all when omitted). Word them with words/report.ts. */
export async function loadReportFindings(engine: Engine, limit?: number, offset = 0): Promise<ReportFinding[]> {
	if (!(await tableExists(engine, REPORT_TABLE))) return [];
	const page = limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`;
	return rowsOf(await engine.query(`${reportRowsSql()}${page}`), FINDING_SPEC).map(({ params, ...row }) => ({
		...row,
		severity: row.severity as ReportSeverity,
		code: row.code as ReportCode,
		said: findingOf({ ...row, params })
	}));
}

/**
 * Per flagged person: the worst severity of their NIK/KK findings (incl. duplicates) and the codes,
 * so a screen can mark people whose identity is unusable ('error') while still showing the household.
 * Columns: person_id, household_id, status ('error' | 'warning' | 'info'), codes (comma-separated).
 * People without findings are not listed (status 'ok').
 */
export function identifierStatusSql(table: string = REPORT_TABLE): string {
	return (
		`SELECT person_id, min(household_id) AS household_id, ` +
		`CASE min(CASE severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END) WHEN 1 THEN 'error' WHEN 2 THEN 'warning' ELSE 'info' END AS status, ` +
		`string_agg(code, ',' ORDER BY code) AS codes ` +
		`FROM ${table} WHERE person_id IS NOT NULL AND (prefix(code, 'nik_') OR prefix(code, 'kk_') OR code = 'duplicate_nik') ` +
		`GROUP BY person_id ORDER BY person_id`
	);
}
