/**
 * The validation report of a load, as SQL (issue 4 point 5). `ingestRegister` runs these statements
 * into `ingest_report_next` / `ingest_file_next` beside the other `*_next` tables and swaps them in
 * with them, so a failed or cancelled load leaves the previous register *and* its report as they were.
 *
 * One row of `ingest_report` is one finding: a rejected row, a flagged identifier, or an aggregate
 * (an unknown code value, a village code not in the reference, a suspicious NIK column) with its row
 * count and first row. A finding has no words: its code and columns, and in `params` (JSON text) what
 * else its sentence needs, which src/lib/words/report.ts renders in the UI's or the CLI's language.
 * Rows are numbered as `source_row` is: 1-based data rows, the header row not counted.
 *
 * What is rejected (not loaded) and what is only flagged:
 * - rejected: a row whose household key is empty (it cannot be placed in any household; `empty_row`
 *   when every column read is empty, e.g. a blank sheet row), a member whose household key is not
 *   in the household file (orphan), and a repeat (duplicates.ts): a household-file row repeating a
 *   family (`duplicate_family`), a person repeated in the same family (`duplicate_person`) or in
 *   another one (`person_in_two_families`). Nothing else rejects a row.
 * - flagged, kept: NIK/KK damage and structure problems (see core/nik.ts for each kind and its severity),
 *   a family whose key an earlier family uses, loaded under a derived id (`family_key_shared`), one NIK
 *   for two names in a family (`duplicate_nik`) or in two families (`nik_in_two_families`, an
 *   integrity breach of Permensos 3/2021 art. 8), households without members, village codes not in the
 *   reference, unknown code values (stored as 'unknown').
 */
import { sqlIdent, sqlString } from '../core/sql';
import { jsonConstSql, jsonNumberSql, jsonObjectSql, jsonTextSql, type JsonSql } from '../core/sql-json';
import { createTableSql, type CatalogTable } from '../core/catalog';
import { ID_ISSUES, ID_ISSUE_SEVERITY, idDigitsSql, idFormatSql, idStructureSql, type IdKind } from '../core/nik';
import type { NormaliseInput, StageRef } from './normalise';
import type { RegencyOutcome } from './regency';
import { writtenColumn } from './trimmed-stage';
import { invalidValueStatements } from './value-checks';
import { DUPLICATE_SEVERITY, differingHeadersSql, familyHouseholdIdSql, signatureHeaders, trimmedSql } from './duplicates';

export const REPORT_SEVERITIES = ['rejected', 'error', 'warning', 'info'] as const;
export type ReportSeverity = (typeof REPORT_SEVERITIES)[number];

export { REPORT_COLUMNS, REPORT_FILE_COLUMNS } from '../core/catalog';
export const REPORT_TABLE = 'ingest_report' satisfies CatalogTable;
export const REPORT_FILE_TABLE = 'ingest_file' satisfies CatalogTable;

export interface ReportFileInfo {
	file: string;
	source: string;
	role: string;
	format: string;
	encoding?: string;
	sheet?: string;
	headerRow?: number;
	rows: number;
}

/** Where the load's `*_next` tables are. */
export interface ReportTables {
	households: string;
	people: string;
	villages: string;
	unknown: string;
	/** Village names that matched no single reference village (villages.ts), when the load wrote them. */
	villageNames?: string;
	/** Region name for the findings ('Kabupaten Kutai Kartanegara'). */
	regionName: string;
	/** The register's regency and the households of other regencies (regency.ts). */
	regency?: RegencyOutcome;
	/** XLSX files: the sheet and its header row, so findings also give the row as Excel shows it. */
	sheets?: Readonly<Record<string, { sheet: string; headerRow: number }>>;
	/** The CSV record scan's findings (csv-findings.ts), when a CSV file was read. */
	csvFindings?: string;
}

const lit = (v: string | undefined | null) => (v === undefined || v === null ? 'NULL' : sqlString(v));

/** The sheet of an XLSX file and its header row, a constant of the statement: the words give the sheet row from it. */
function sheetParam(t: ReportTables, file: string): Record<string, JsonSql> {
	const sheet = t.sheets?.[file];
	return sheet ? { sheet: jsonConstSql({ name: sheet.sheet, headerRow: sheet.headerRow }) } : {};
}

const text = jsonTextSql;
const num = jsonNumberSql;
const constant = jsonConstSql;

function insert(target: string, select: string): string {
	return `INSERT INTO ${target} (severity, code, source_file, source_row, source_column, value, rows, household_id, person_id, params) ${select}`;
}

/** `AND <row> NOT IN …`: leaves out the rows the CSV record scan rejected (staged empty, reported by csvFindingsSql). */
function scanRejectedFilter(t: ReportTables, file: string, row: string): string {
	if (!t.csvFindings) return '';
	return `AND ${row} NOT IN (SELECT "row" FROM ${t.csvFindings} WHERE file = ${sqlString(file)} AND severity = 'rejected')`;
}

/** The CSV record scan's findings (csv-scan.ts): damaged records rejected, repaired ones flagged. */
function csvFindingsSql(t: ReportTables, target: string): string[] {
	if (!t.csvFindings) return [];
	const params = jsonObjectSql({ found: num('found'), expected: num('expected') });
	return [
		insert(
			target,
			`SELECT severity, code, file, "row", "column", NULL, 1, NULL, NULL, ${params} FROM ${t.csvFindings} ORDER BY file, "row", code`
		)
	];
}

/** Rows with an empty household key, and (pair of files) members whose household is not in the household file. */
function rejectedSql(input: NormaliseInput, t: ReportTables, target: string): string[] {
	const out: string[] = [];
	const stages = input.flat ? [input.household] : [input.household, input.person];
	for (const stage of stages) {
		const key = stage.mapping['key'];
		if (!key) continue;
		const k = trimmedSql(key.column);
		// A row with nothing in any column read is an empty row (e.g. a blank line in a sheet), not a family without a key.
		const columns = [...new Set(Object.values(stage.mapping).map((m) => m.column))];
		const blank = columns.map((c) => `${trimmedSql(c)} IS NULL`).join(' AND ');
		out.push(
			insert(
				target,
				`SELECT 'rejected', CASE WHEN ${blank} THEN 'empty_row' ELSE 'empty_key' END, ${sqlString(stage.file)}, rowid + 1, ` +
					`CASE WHEN ${blank} THEN NULL ELSE ${sqlString(key.header)} END, NULL, 1, NULL, NULL, ${jsonObjectSql(sheetParam(t, stage.file))} ` +
					`FROM ${stage.table} WHERE ${k} IS NULL ${scanRejectedFilter(t, stage.file, 'rowid + 1')} ORDER BY rowid`
			)
		);
	}
	const pkey = input.person.mapping['key'];
	if (!input.flat && pkey) {
		const k = trimmedSql(pkey.column);
		const params = jsonObjectSql({ ...sheetParam(t, input.person.file), householdFile: constant(input.household.file) });
		out.push(
			insert(
				target,
				`SELECT 'rejected', 'orphan_member', ${sqlString(input.person.file)}, s.rowid + 1, ${sqlString(pkey.header)}, ${k}, 1, NULL, NULL, ${params} ` +
					`FROM ${input.person.table} AS s WHERE ${k} IS NOT NULL AND ${k} NOT IN (SELECT household_id FROM ${t.households}) ORDER BY s.rowid`
			)
		);
	}
	return out;
}

function householdsWithoutMembersSql(input: NormaliseInput, t: ReportTables, target: string): string {
	const header = input.household.mapping['key']?.header ?? 'kunci';
	const params = jsonObjectSql({ ...sheetParam(t, input.household.file), personFile: constant(input.person.file) });
	return insert(
		target,
		`SELECT 'warning', 'household_without_members', source_file, source_row, ${sqlString(header)}, household_id, 1, household_id, NULL, ${params} ` +
			`FROM ${t.households} WHERE members = 0 ` +
			// A later family sharing a key has no members by rule; its family_key_shared finding says so.
			`AND source_row NOT IN (SELECT __row FROM ${input.families} WHERE family_no > 1) ORDER BY source_row`
	);
}

function villagesNotInReferenceSql(input: NormaliseInput, t: ReportTables, target: string): string {
	const mapped = input.household.mapping['village_desa'] ?? input.household.mapping['village_name'];
	const header = mapped?.header ?? 'kode desa';
	const rows = input.flat ? 'sum(members)' : 'count(*)';
	const params = jsonObjectSql({
		...sheetParam(t, input.household.file),
		region: constant(t.regionName),
		households: num('count(*)'),
		people: num('sum(members)')
	});
	return insert(
		target,
		`SELECT 'warning', 'village_not_in_reference', ${sqlString(input.household.file)}, min(source_row), ${sqlString(header)}, village_kode, ${rows}, NULL, NULL, ${params} ` +
			`FROM ${t.households} WHERE (village_kode IS NULL OR village_kode NOT IN (SELECT kode FROM ${t.villages})) ` +
			`AND ${otherRegencyCodes(t) ? `left(coalesce(village_kode, ''), 5) NOT IN (${otherRegencyCodes(t)})` : 'true'} ` +
			`GROUP BY village_kode ORDER BY min(source_row)`
	);
}

/** `'64.03', '64.04'`: the other regencies the register's codes name, or '' when none. */
function otherRegencyCodes(t: ReportTables): string {
	return (t.regency?.others ?? []).map((o) => sqlString(o.kode)).join(', ');
}

/** SQL: the name of the other regency of `left(village_kode, 5)`, NULL for a code not in the list of regions. */
export function otherRegencyNameSql(others: RegencyOutcome['others']): string {
	return `CASE left(village_kode, 5) ${others.map((o) => `WHEN ${sqlString(o.kode)} THEN ${o.nama === null ? 'NULL' : sqlString(o.nama)}`).join(' ')} END`;
}

/** The regency and how it was decided, then one finding per other regency named by the codes. */
function regencySql(input: NormaliseInput, t: ReportTables, target: string): string[] {
	const r = t.regency;
	if (!r) return [];
	const header = input.household.mapping['village_desa']?.header ?? 'kode desa';
	const regency = jsonObjectSql({ basis: constant(r.basis), name: constant(r.nama), voting: constant(r.voting) });
	// A reference given as it is decided nothing: nothing to report but the other regencies.
	const statements =
		r.basis === 'fixed'
			? []
			: [
					insert(
						target,
						`SELECT 'info', 'regency', ${sqlString(input.household.file)}, NULL, ${sqlString(header)}, ${sqlString(r.kode)}, ${r.households}, NULL, NULL, ${regency}`
					)
				];
	if (r.others.length > 0) {
		const params = jsonObjectSql({
			...sheetParam(t, input.household.file),
			name: text(otherRegencyNameSql(r.others)),
			region: constant(r.nama),
			people: num('sum(members)')
		});
		statements.push(
			insert(
				target,
				`SELECT 'warning', 'other_regency', ${sqlString(input.household.file)}, min(source_row), ${sqlString(header)}, left(village_kode, 5), count(*), NULL, NULL, ${params} ` +
					`FROM ${t.households} WHERE left(coalesce(village_kode, ''), 5) IN (${otherRegencyCodes(t)}) GROUP BY left(village_kode, 5) ORDER BY count(*) DESC`
			)
		);
	}
	return statements;
}

/** Village names (no code) that matched no single reference village, with the reason (villages.ts). */
function villageNamesSql(input: NormaliseInput, t: ReportTables, table: string, target: string): string {
	const header = input.household.mapping['village_name']?.header ?? 'nama desa';
	const params = jsonObjectSql({ ...sheetParam(t, input.household.file), kecamatan: text('kecamatan'), candidates: text('candidates') });
	return insert(
		target,
		`SELECT 'warning', 'village_name_' || reason, source_file, first_row, ${sqlString(header)}, village_name, households, NULL, NULL, ${params} ` +
			`FROM ${table} ORDER BY first_row`
	);
}

function unknownCodesSql(input: NormaliseInput, t: ReportTables, target: string): string {
	return insert(
		target,
		`SELECT 'warning', 'unknown_code', source_file, first_row, source_column, raw_value, rows, NULL, NULL, ${jsonObjectSql({ codebook: constant(input.spec.title) })} ` +
			`FROM ${t.unknown} ORDER BY source_file, first_row, source_column`
	);
}

const ISSUE_META_SQL = `(VALUES ${ID_ISSUES.map((i) => `(${sqlString(i)}, ${sqlString(ID_ISSUE_SEVERITY[i])})`).join(', ')}) AS meta(issue, severity)`;

/** A NIK or KK column of the member file (or the KK key of a DTSEN family file) to check. */
interface IdColumn {
	kind: IdKind;
	file: string;
	stage: string;
	header: string;
	/** The column as written (trimmed-stage.ts): the checks judge spaces and Excel's apostrophe too. */
	column: string;
	/** The loaded table the rows are joined with (by source_row) and whether it has person columns. */
	loaded: string;
	person: boolean;
}

function idColumns(input: NormaliseInput, t: ReportTables): IdColumn[] {
	const out: IdColumn[] = [];
	const p = input.person;
	const nik = p.mapping['nik'];
	if (nik)
		out.push({
			kind: 'nik',
			file: p.file,
			stage: p.table,
			column: writtenColumn(nik.column),
			header: nik.header,
			loaded: t.people,
			person: true
		});
	const kk = input.spec.id === 'dtsen' ? p.mapping['key'] : p.mapping['kk'];
	if (kk)
		out.push({
			kind: 'kk',
			file: p.file,
			stage: p.table,
			column: writtenColumn(kk.column),
			header: kk.header,
			loaded: t.people,
			person: true
		});
	const hkey = input.household.mapping['key'];
	if (input.spec.id === 'dtsen' && !input.flat && hkey) {
		out.push({
			kind: 'kk',
			file: input.household.file,
			stage: input.household.table,
			column: writtenColumn(hkey.column),
			header: hkey.header,
			loaded: t.households,
			person: false
		});
	}
	return out;
}

/** Every NIK/KK issue of the loaded rows of one column: one report row per issue. */
function idIssuesSql(c: IdColumn, t: ReportTables, kabupaten: string, target: string): string {
	const sex = c.kind === 'nik' && c.person ? 'sex' : null;
	// Format once, digits from it, then the structure over the digits column (not re-deriving them), in
	// a projection of its own: inside UNNEST's list its IN lists (provinces, valid birth days) are
	// compared value by value instead of probed (4.8 s against 0.45 s at 1M NIKs).
	return insert(
		target,
		`WITH a AS (SELECT s.rowid + 1 AS row, s.${sqlIdent(c.column)} AS value, l.household_id, ` +
			`${c.person ? 'l.person_id' : 'NULL::VARCHAR'} AS person_id, ${c.person ? 'l.sex' : 'NULL::VARCHAR'} AS sex ` +
			`FROM ${c.stage} AS s JOIN ${c.loaded} AS l ON l.source_row = s.rowid + 1), ` +
			`b AS (SELECT *, ${idFormatSql('value')} AS fmt FROM a), ` +
			`d AS (SELECT *, ${idDigitsSql('value', 'fmt')} AS digits FROM b), ` +
			`e AS (SELECT row, value, household_id, person_id, fmt, ${idStructureSql(c.kind, 'digits', sex, kabupaten)} AS structure FROM d), ` +
			`found AS (SELECT row, value, household_id, person_id, unnest(list_filter([fmt, structure], x -> x IS NOT NULL)) AS issue FROM e) ` +
			`SELECT meta.severity, ${sqlString(`${c.kind}_`)} || found.issue, ${sqlString(c.file)}, found.row, ${sqlString(c.header)}, found.value, 1, found.household_id, found.person_id, ` +
			`${jsonObjectSql(sheetParam(t, c.file))} ` +
			`FROM found JOIN ${ISSUE_META_SQL} ON meta.issue = found.issue ORDER BY found.row, found.issue`
	);
}

/**
 * A whole column where far more values end in 0 than the one in ten real serials do: the column went
 * through Excel as numbers and the 16th digit became 0 (core/nik.ts `lost_digits`). At least 20 usable
 * values and more than half ending in 0.
 */
function trailingZeroColumnSql(c: IdColumn, target: string): string {
	const d = idDigitsSql(`s.${sqlIdent(c.column)}`);
	return insert(
		target,
		`WITH v AS (SELECT s.rowid + 1 AS row, ${d} AS digits FROM ${c.stage} AS s JOIN ${c.loaded} AS l ON l.source_row = s.rowid + 1), ` +
			`z AS (SELECT count(digits) AS n, count(*) FILTER (WHERE suffix(digits, '0')) AS zeros, min(row) FILTER (WHERE suffix(digits, '0')) AS first_row FROM v) ` +
			`SELECT 'warning', ${sqlString(`${c.kind}_column_trailing_zeros`)}, ${sqlString(c.file)}, first_row, ${sqlString(c.header)}, NULL, zeros, NULL, NULL, ` +
			`${jsonObjectSql({ values: num('n') })} ` +
			`FROM z WHERE n >= 20 AND zeros * 2 > n`
	);
}

/**
 * One NIK (by its digits) on two loaded people: in the same family or in two families. Repeats of a
 * person (same NIK and name) are not loaded (`droppedPeopleSql`), so these are two names for one NIK.
 */
function duplicateNikSql(c: IdColumn, t: ReportTables, target: string): string {
	const d = idDigitsSql(`s.${sqlIdent(c.column)}`);
	const params = jsonObjectSql({
		...sheetParam(t, c.file),
		nik: text('digits'),
		firstRow: num('first_row'),
		firstHousehold: text('first_household')
	});
	return insert(
		target,
		`WITH v AS (SELECT s.rowid + 1 AS row, s.${sqlIdent(c.column)} AS value, ${d} AS digits, l.household_id, l.person_id ` +
			`FROM ${c.stage} AS s JOIN ${c.loaded} AS l ON l.source_row = s.rowid + 1), ` +
			// The window sorts only the NIKs more than one person has: over every row it took 0.9 s at 1M.
			`shared AS (SELECT digits FROM v WHERE digits IS NOT NULL AND NOT suffix(digits, '0000') GROUP BY digits HAVING count(*) > 1), ` +
			`w AS (SELECT *, first_value(row) OVER g AS first_row, first_value(household_id) OVER g AS first_household, row_number() OVER g AS n ` +
			`FROM v SEMI JOIN shared USING (digits) WINDOW g AS (PARTITION BY digits ORDER BY row)) ` +
			`SELECT ${sqlString(DUPLICATE_SEVERITY.duplicate_nik)}, CASE WHEN household_id = first_household THEN 'duplicate_nik' ELSE 'nik_in_two_families' END, ` +
			`${sqlString(c.file)}, row, ${sqlString(c.header)}, value, 1, household_id, person_id, ${params} ` +
			`FROM w WHERE n > 1 ORDER BY row`
	);
}

/** The header of a mapped column of `stage` (null when unmapped) and its trimmed value in stage row alias `alias` (SQL). */
function mappedValue(stage: StageRef, field: string, alias: string): { header: string | null; value: string } {
	const mapped = stage.mapping[field];
	return mapped ? { header: mapped.header, value: trimmedSql(mapped.column, alias) } : { header: null, value: 'NULL::VARCHAR' };
}

/** Household-file rows of a pair that repeat an earlier row's family (same key and signature): not loaded. */
function duplicateFamilySql(input: NormaliseInput, t: ReportTables, target: string): string {
	const stage = input.household;
	const header = stage.mapping['key']?.header ?? 'kunci';
	const params = jsonObjectSql({ ...sheetParam(t, stage.file), firstRow: num('f.family_row'), columns: constant(signatureHeaders(stage)) });
	return insert(
		target,
		`SELECT ${sqlString(DUPLICATE_SEVERITY.duplicate_family)}, 'duplicate_family', ${sqlString(stage.file)}, f.__row, ${sqlString(header)}, f.key, 1, ` +
			`${familyHouseholdIdSql('f.key', 'f.family_no')}, NULL, ${params} ` +
			`FROM ${input.families} AS f WHERE f.__row <> f.family_row ORDER BY f.__row`
	);
}

/**
 * Each later family of a key used by more than one (duplicates.ts): loaded under `<key>~N`, flagged,
 * naming the first family's first row and this family's rows (a flat file: its member rows).
 */
function familyKeySharedSql(input: NormaliseInput, t: ReportTables, target: string): string {
	const stage = input.household;
	const header = stage.mapping['key']?.header ?? 'kunci';
	const ownRows = input.flat ? '' : 'AND __row = family_row';
	const firstHead = mappedValue(stage, 'head_name', 'so');
	const head = mappedValue(stage, 'head_name', 'sd');
	const params = jsonObjectSql({
		...sheetParam(t, stage.file),
		keyRow: num('d.key_row'),
		headHeader: constant(head.header),
		firstHead: text(firstHead.value),
		head: text(head.value),
		rows: text('d.row_list'),
		columns: text(differingHeadersSql(stage, 'sd', 'so')),
		personFile: constant(input.flat ? null : input.person.file)
	});
	return insert(
		target,
		`WITH d AS (SELECT key, family_no, min(__row) AS first_row, any_value(key_row) AS key_row, count(*) AS n, ` +
			`string_agg(CAST(__row AS VARCHAR), ', ' ORDER BY __row) AS row_list, ${familyHouseholdIdSql('key', 'family_no')} AS household_id ` +
			`FROM ${input.families} WHERE family_no > 1 ${ownRows} GROUP BY key, family_no) ` +
			`SELECT ${sqlString(DUPLICATE_SEVERITY.family_key_shared)}, 'family_key_shared', ${sqlString(stage.file)}, d.first_row, ${sqlString(header)}, d.key, d.n, ` +
			`d.household_id, NULL, ${params} ` +
			`FROM d JOIN ${stage.table} AS sd ON sd.rowid + 1 = d.first_row JOIN ${stage.table} AS so ON so.rowid + 1 = d.key_row ` +
			`ORDER BY d.first_row`
	);
}

/** Member rows repeating a person (same NIK and name) of the same or another family: not loaded. */
function droppedPeopleSql(input: NormaliseInput, t: ReportTables, target: string): string | null {
	const stage = input.person;
	const nik = stage.mapping['nik'];
	if (!nik) return null;
	const v = trimmedSql(nik.column, 'st');
	const params = jsonObjectSql({
		...sheetParam(t, stage.file),
		nik: text(idDigitsSql(`st.${sqlIdent(writtenColumn(nik.column))}`)),
		name: text(mappedValue(stage, 'name', 'st').value),
		firstRow: num('d.duplicate_of'),
		firstHousehold: text('d.first_household')
	});
	const same = 'd.household_id = d.first_household';
	return insert(
		target,
		`SELECT ${sqlString(DUPLICATE_SEVERITY.duplicate_person)}, CASE WHEN ${same} THEN 'duplicate_person' ELSE 'person_in_two_families' END, ` +
			`${sqlString(stage.file)}, d.__row, ${sqlString(nik.header)}, ${v}, 1, d.household_id, NULL, ${params} ` +
			`FROM ${input.people} AS d JOIN ${stage.table} AS st ON st.rowid + 1 = d.__row WHERE d.duplicate_of IS NOT NULL ORDER BY d.__row`
	);
}

/** Statements that create and fill `target` (the report) after the load's `*_next` tables exist. */
export function reportStatements(input: NormaliseInput, t: ReportTables, target: string): string[] {
	const statements = [createTableSql(REPORT_TABLE, target), ...csvFindingsSql(t, target), ...rejectedSql(input, t, target)];
	if (!input.flat) statements.push(duplicateFamilySql(input, t, target));
	statements.push(familyKeySharedSql(input, t, target));
	const dropped = droppedPeopleSql(input, t, target);
	if (dropped) statements.push(dropped);
	if (!input.flat) statements.push(householdsWithoutMembersSql(input, t, target));
	statements.push(...regencySql(input, t, target), villagesNotInReferenceSql(input, t, target));
	if (t.villageNames) statements.push(villageNamesSql(input, t, t.villageNames, target));
	statements.push(unknownCodesSql(input, t, target));
	statements.push(...invalidValueStatements(input, (select) => insert(target, select)));
	for (const c of idColumns(input, t)) {
		statements.push(idIssuesSql(c, t, input.kabupatenKode, target), trailingZeroColumnSql(c, target));
		if (c.kind === 'nik') statements.push(duplicateNikSql(c, t, target));
	}
	return statements;
}

/** Statements that create and fill `target` (the files of the load). */
export function reportFileStatements(files: readonly ReportFileInfo[], target: string): string[] {
	const values = files
		.map(
			(f) =>
				`(${lit(f.file)}, ${lit(f.source)}, ${lit(f.role)}, ${lit(f.format)}, ${lit(f.encoding)}, ${lit(f.sheet)}, ${f.headerRow ?? 'NULL'}, ${f.rows})`
		)
		.join(', ');
	return [createTableSql(REPORT_FILE_TABLE, target), `INSERT INTO ${target} VALUES ${values}`];
}

/** Severity order for listing: rejected first. */
export const SEVERITY_ORDER_SQL = `CASE severity WHEN 'rejected' THEN 0 WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END`;

/** The detail rows of the report, in display order (what the CSV/XLSX download holds). */
export function reportRowsSql(table: string = REPORT_TABLE): string {
	return (
		`SELECT severity, code, source_file, source_row, source_column, value, rows, household_id, person_id, params ` +
		`FROM ${table} ORDER BY ${SEVERITY_ORDER_SQL}, source_file, source_row NULLS FIRST, code, source_column`
	);
}
