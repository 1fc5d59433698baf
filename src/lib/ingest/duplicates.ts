/**
 * Duplicates, row by row (issue 11 point 4; ../shared/DOMAIN.md §1: one record per person, no member
 * in two families). No duplicate refuses a load and two families are never merged: every case is
 * loaded or left out by the rule below and is one finding of the validation report (report-sql.ts),
 * naming the rows involved.
 *
 * Families. Rows with the same household key (DTSEN KK, BDT IDBDT, P3KE ID Keluarga) are told apart
 * by their family signature (`SIGNATURE_FIELDS`).
 * - Flat file: the rows of one key and one signature are one family. The first family (by its first
 *   row) keeps the key as its household id; each further family is loaded as `<key>~2`, `<key>~3` …
 *   in order of first row, with its own members, and flagged (`family_key_shared`, error).
 * - Household file of a pair: a row with the key and signature of an earlier row is the same family
 *   twice and is not loaded (`duplicate_family`, rejected). A row with the key and another signature
 *   is another family, loaded as `<key>~N` and flagged (`family_key_shared`). The member file links
 *   members by key alone, so they cannot be told apart: they all stay with the first family, and the
 *   later family is loaded without members, keeping its declared size (`members_declared`).
 *
 * People, by a usable NIK (16 digits, Excel's apostrophe or spaces allowed, serial not 0000) and the
 * name (compared as the signature is: case, spaces and punctuation ignored):
 * - same NIK and name as an earlier row of the same household: the same person twice; the later row
 *   is not loaded (`duplicate_person`, rejected). A family repeated in a flat file is this, per member.
 * - same NIK and name as an earlier row of another household: one person in two families; the person
 *   stays in the family of the first row and the later row is not loaded (`person_in_two_families`,
 *   rejected).
 * - same NIK, another name: two people with one NIK, most often a NIK damaged by Excel (twins' NIKs
 *   differ only in the last digits) or mistyped; both are loaded and flagged (`duplicate_nik` or
 *   `nik_in_two_families`, error), since dropping either could drop a real person.
 *
 * The work is two helper tables built once per load by window functions over a narrow projection of
 * the staged rows (no self-join), read by normalise.ts and report-sql.ts. They hold only the rows a
 * rule touches, so they stay tiny and the joins of the wide staged rows onto them build their hash
 * table on the helper side (a full-size helper table made DuckDB hash the staged rows instead: +0.5 GB
 * at 1M rows). A row absent from them is the usual case: its household is its key.
 * - families (`familiesSql`): household-file rows of a later family of their key, and (pair) rows
 *   repeating a family: __row, key, family_row (first row of its family), key_row (first row of the
 *   key, i.e. of its first family), family_no (2, 3 … ; 1 for a repeat of the first family).
 * - people (`peopleSql`): member rows placed in a later family (flat file) or repeating a person:
 *   __row, household_id, duplicate_of (the first row of the same person, NULL when not a repeat; a
 *   repeat is not loaded), first_household (that first row's household).
 */
import { sqlIdent, sqlString } from '../core/sql';
import { idDigitsSql } from '../core/nik';
import type { NormaliseInput, StageRef } from './normalise';
import { writtenColumn } from './trimmed-stage';

/**
 * The columns that identify a family among rows sharing a key: where it lives, its address and its
 * head. Housing, ranking and size columns are left out on purpose: they describe the family and may
 * differ between two copies of the same family (a re-ranked desil, a corrected floor area), whereas a
 * second family given the same number differs in who heads it or where it lives.
 */
export const SIGNATURE_FIELDS = [
	'village_prov',
	'village_kab',
	'village_kec',
	'village_desa',
	'village_kec_name',
	'village_name',
	'alamat',
	'head_name'
] as const;

/** `<key>~N`: no KK, IDBDT or P3KE id contains '~', so a derived id never meets a real one. */
const DERIVED_ID_SEPARATOR = '~';

/** Household id of family number `familyNo` (1-based, SQL) of key `key` (SQL). */
export function familyHouseholdIdSql(key: string, familyNo: string): string {
	return `CASE WHEN ${familyNo} = 1 THEN ${key} ELSE ${key} || ${sqlString(DERIVED_ID_SEPARATOR)} || ${familyNo} END`;
}

/** Trimmed value of a stage column, NULL when empty: the column of the trimmed stage (trimmed-stage.ts) as it is. */
export function trimmedSql(column: string, alias?: string): string {
	return `${alias ? `${alias}.` : ''}${sqlIdent(column)}`;
}

/** Text compared case-, space- and punctuation-blind ('Jl. Mawar  No.3' = 'jl mawar no 3'); NULL as ''. */
function comparableSql(column: string, alias?: string): string {
	return `regexp_replace(lower(coalesce(${trimmedSql(column, alias)}, '')), '[^a-z0-9]+', '', 'g')`;
}

function keyColumn(stage: StageRef): string {
	const key = stage.mapping['key'];
	if (!key) throw new Error(`no key column mapped in ${stage.file}`);
	return key.column;
}

/** Headers of the mapped signature columns, as written in the file (for messages). */
export function signatureHeaders(stage: StageRef): string[] {
	return SIGNATURE_FIELDS.flatMap((field) => {
		const mapped = stage.mapping[field];
		return mapped ? [mapped.header] : [];
	});
}

/** SQL: the headers of the signature columns in which stage rows `a` and `b` differ, as 'x, y'. */
export function differingHeadersSql(stage: StageRef, a: string, b: string): string {
	const differs = SIGNATURE_FIELDS.flatMap((field) => {
		const mapped = stage.mapping[field];
		if (!mapped) return [];
		return [`CASE WHEN ${comparableSql(mapped.column, a)} <> ${comparableSql(mapped.column, b)} THEN ${sqlString(mapped.header)} END`];
	});
	return differs.length > 0 ? `array_to_string(list_filter([${differs.join(', ')}], x -> x IS NOT NULL), ', ')` : `''`;
}

/**
 * The family signature of a row as a 64-bit hash of its comparable signature columns: windows then
 * sort 8 bytes instead of the text (two different families of one key colliding is a 1 in 2^64 chance).
 */
function signatureHashSql(stage: StageRef): string {
	const parts = SIGNATURE_FIELDS.flatMap((field) => {
		const mapped = stage.mapping[field];
		return mapped ? [comparableSql(mapped.column)] : [];
	});
	return parts.length > 0 ? `hash(concat_ws('|', ${parts.join(', ')}))` : '0::UBIGINT';
}

/**
 * Hash of the signature columns as trimmed (no folding): rows equal here are one family. (Trimmed, not
 * as written: rows that differ only in surrounding spaces were found one family by the folded signature
 * before, and are now without computing it.)
 */
function rawSignatureHashSql(stage: StageRef): string {
	const columns = SIGNATURE_FIELDS.flatMap((field) => {
		const mapped = stage.mapping[field];
		return mapped ? [sqlIdent(mapped.column)] : [];
	});
	return columns.length > 0 ? `hash(${columns.join(', ')})` : '0::UBIGINT';
}

/** `CREATE TABLE target AS …`: the families table (see the module comment). */
export function familiesSql(input: NormaliseInput, target: string): string {
	const stage = input.household;
	const key = trimmedSql(keyColumn(stage));
	// A pair also keeps the repeats of a family; in a flat file the other rows of a family are its members.
	const repeats = input.flat ? '' : ' OR __row <> family_row';
	const later = 'family_row <> key_row';
	// The folded signature (regular expressions over eight columns) is computed only for the keys whose
	// rows differ as written; rows of a key that agree as written are one family whatever the folding.
	return (
		`CREATE TABLE ${target} AS WITH r AS (SELECT rowid + 1 AS __row, ${key} AS key, ${rawSignatureHashSql(stage)} AS raw ` +
		`FROM ${stage.table} WHERE ${key} IS NOT NULL), ` +
		`mixed AS (SELECT key FROM r GROUP BY key HAVING min(raw) <> max(raw)), ` +
		`folded AS (SELECT rowid + 1 AS __row, ${signatureHashSql(stage)} AS sig FROM ${stage.table} WHERE ${key} IN (SELECT key FROM mixed)), ` +
		`s AS (SELECT r.__row, r.key, coalesce(folded.sig, r.raw) AS sig FROM r LEFT JOIN folded ON folded.__row = r.__row), ` +
		`f AS (SELECT __row, key, min(__row) OVER (PARTITION BY key, sig) AS family_row, min(__row) OVER (PARTITION BY key) AS key_row FROM s) ` +
		`SELECT __row::BIGINT AS __row, key, family_row::BIGINT AS family_row, key_row::BIGINT AS key_row, ` +
		`(CASE WHEN ${later} THEN 1 + dense_rank() OVER (PARTITION BY key, ${later} ORDER BY family_row) ELSE 1 END)::INTEGER AS family_no ` +
		`FROM f WHERE ${later}${repeats}`
	);
}

/** The household of member row alias `s` (its key, or its later family from the families table `f`). */
function placedHouseholdSql(s: string, f: string): string {
	return `CASE WHEN ${f}.family_no > 1 THEN ${familyHouseholdIdSql(`${f}.key`, `${f}.family_no`)} ELSE ${s}.key END`;
}

/** `CREATE TABLE target AS …`: the people table (see the module comment); needs `input.families`. */
export function peopleSql(input: NormaliseInput, target: string): string {
	const stage = input.person;
	const key = trimmedSql(keyColumn(stage));
	const nik = stage.mapping['nik'];
	const name = stage.mapping['name'];
	const digits = nik ? idDigitsSql(sqlIdent(writtenColumn(nik.column))) : 'NULL::VARCHAR';
	// A usable NIK as a number (16 digits fit in a BIGINT) and the name as a hash: the window sorts 16 bytes a row.
	const staged =
		`r AS (SELECT rowid + 1 AS __row, ${key} AS key, ${digits} AS digits, ` +
		`${name ? `hash(${comparableSql(name.column)})` : '0::UBIGINT'} AS name FROM ${stage.table} WHERE ${key} IS NOT NULL), ` +
		`s AS (SELECT __row, key, CASE WHEN NOT suffix(digits, '0000') THEN TRY_CAST(digits AS BIGINT) END AS nik, name FROM r)`;
	// Flat file: a row of a later family goes with it. Pair: members follow their key to its first
	// family, and a key without a household (an orphan, rejected) places no one.
	const hkey = trimmedSql(keyColumn(input.household));
	const placed = input.flat
		? `a AS (SELECT s.__row, s.key, ${placedHouseholdSql('s', 'f')} AS household_id, s.nik, s.name ` +
			`FROM s LEFT JOIN ${input.families} AS f ON f.__row = s.__row)`
		: `a AS (SELECT __row, key, key AS household_id, nik, name FROM s WHERE key IN (SELECT ${hkey} FROM ${input.household.table}))`;
	const same = 'w AS (PARTITION BY nik, name ORDER BY __row)';
	return (
		`CREATE TABLE ${target} AS WITH ${staged}, ${placed}, ` +
		`d AS (SELECT __row, key, household_id, CASE WHEN nik IS NOT NULL THEN NULLIF(first_value(__row) OVER w, __row) END AS duplicate_of, ` +
		`first_value(household_id) OVER w AS first_household FROM a WINDOW ${same}) ` +
		`SELECT __row::BIGINT AS __row, household_id, duplicate_of::BIGINT AS duplicate_of, ` +
		`CASE WHEN duplicate_of IS NOT NULL THEN first_household END AS first_household ` +
		`FROM d WHERE duplicate_of IS NOT NULL OR household_id <> key`
	);
}

/** Finding codes of this module, with their severity in the report. */
export const DUPLICATE_SEVERITY = {
	duplicate_family: 'rejected',
	family_key_shared: 'error',
	duplicate_person: 'rejected',
	person_in_two_families: 'rejected',
	duplicate_nik: 'error',
	nik_in_two_families: 'error'
} as const;
export type DuplicateCode = keyof typeof DUPLICATE_SEVERITY;
