/**
 * NIK and KK number checks (../shared/DOMAIN.md §1, §2f), as SQL builders for the per-row work and
 * small TypeScript twins for single values (tests, UI). Both follow the same rules; a test runs a
 * table of cases through both and asserts they agree. The SQL uses core DuckDB functions only
 * (regexp_*, substr, TRY_CAST), so it runs on duckdb-wasm without ICU as well as in Node.
 *
 * A value is checked in two steps, each giving at most one issue:
 *
 * 1. **Format** (what Excel and hand editing do to the text), first match wins:
 *    - `missing`       empty or only spaces.
 *    - `scientific`    Excel's scientific notation: `6.40206E+15`, `6,40206E+15`, `6.40206123456789E+15`.
 *                      The digits after the 6th (or 15th) significant one are gone; cannot be repaired.
 *    - `non_digit`     after dropping a leading apostrophe and all spaces, something other than digits is left
 *                      (letters, dots, dashes, a decimal part such as `.0`).
 *    - `wrong_length`  only digits, but not 16 of them.
 *    - `apostrophe`    a leading `'` (or ‘ ’ `): Excel's "store as text" prefix typed into the cell or kept by an
 *                      export. The 16 digits behind it are intact.
 *    - `spaces`        spaces, tabs or no-break spaces inside or around the 16 digits (`6402 0612 …`).
 *    When the format gives no issue or only `apostrophe`/`spaces`, the 16 digits are the value's *digits*
 *    (`idDigits`), and step 2 runs on them.
 *
 * 2. **Structure** of the 16 digits, first match wins:
 *    - `lost_digits`   the 4-digit serial at the end is `0000`. Excel keeps 15 significant digits, so a NIK
 *                      that went through a number cell ends in 0, and one rebuilt from scientific notation
 *                      (`6.40206123456E+15` → `6402061234560000`) ends in several 0s. Serials are issued from
 *                      0001 [inferred], so `0000` is certain damage. A *single* trailing 0 is not flagged per
 *                      value: one real NIK in ten ends in 0 (serials 0010, 0020 …). The report instead flags a
 *                      whole column where far more than one in ten values end in 0 (`ingest/report-sql.ts`).
 *    - `bad_region`    the province is not an Indonesian province code (11–19, 21, 31–36, 51–53, 61–65,
 *                      71–76, 81–82, 91–96), or the kabupaten or kecamatan part is `00`.
 *    - NIK only: `bad_birth_date`  DDMMYY is not a date: month 01–12, day 01–31 for men or 41–71 for women
 *                      (day + 40), and the day exists in that month (29 February only when YY is divisible
 *                      by 4: the century is unknown, and 2000 was a leap year).
 *    - NIK only: `sex_mismatch`    day > 40 (a woman's NIK) for a person recorded as male, or ≤ 31 for a
 *                      female. Either the NIK or the sex column is wrong; we cannot tell which.
 *    - `outside_regency` the first four digits are not the regency's (6402 for Kukar). Information only: the
 *                      prefix is where the number was first issued, not where the person lives (§2f).
 *
 * Severity (what a load does with the row): **no NIK/KK issue rejects a row.** The person (or family)
 * is kept so planners still see the household, and the report flags it:
 *    - `error`   the number is unusable as an identity (cannot be matched with Dukcapil, §1): scientific,
 *                non_digit, wrong_length, lost_digits, bad_region, bad_birth_date.
 *    - `warning` the digits are usable but something needs a look: missing, apostrophe, spaces, sex_mismatch.
 *    - `info`    outside_regency.
 * Nothing is repaired in the register: `person.nik` keeps the text as written (trimmed). The digits are
 * used only to compare NIKs with each other (duplicates), so `'6402…` and `6402…` are the same NIK.
 */

export type IdKind = 'nik' | 'kk';

export const FORMAT_ISSUES = ['missing', 'scientific', 'non_digit', 'wrong_length', 'apostrophe', 'spaces'] as const;
export const STRUCTURE_ISSUES = ['lost_digits', 'bad_region', 'bad_birth_date', 'sex_mismatch', 'outside_regency'] as const;
export type FormatIssue = (typeof FORMAT_ISSUES)[number];
export type StructureIssue = (typeof STRUCTURE_ISSUES)[number];
export type IdIssue = FormatIssue | StructureIssue;
export const ID_ISSUES: readonly IdIssue[] = [...FORMAT_ISSUES, ...STRUCTURE_ISSUES];

export type IssueSeverity = 'error' | 'warning' | 'info';

export const ID_ISSUE_SEVERITY: Readonly<Record<IdIssue, IssueSeverity>> = {
	missing: 'warning',
	scientific: 'error',
	non_digit: 'error',
	wrong_length: 'error',
	apostrophe: 'warning',
	spaces: 'warning',
	lost_digits: 'error',
	bad_region: 'error',
	bad_birth_date: 'error',
	sex_mismatch: 'warning',
	outside_regency: 'info'
};

/** Province codes of Kemendagri (incl. the 2022 Papua provinces) [inferred from Permendagri lists]. */
export const PROVINCE_CODES: readonly string[] = [
	'11',
	'12',
	'13',
	'14',
	'15',
	'16',
	'17',
	'18',
	'19',
	'21',
	'31',
	'32',
	'33',
	'34',
	'35',
	'36',
	'51',
	'52',
	'53',
	'61',
	'62',
	'63',
	'64',
	'65',
	'71',
	'72',
	'73',
	'74',
	'75',
	'76',
	'81',
	'82',
	'91',
	'92',
	'93',
	'94',
	'95',
	'96'
];

// ---- TypeScript twins ------------------------------------------------------------------------------

const WS = /[\s\u00A0]/g;
const APOSTROPHE_START = /^[\s\u00A0]*['‘’`]/;
const SCIENTIFIC = /^[\s\u00A0'‘’`]*[0-9]+([.,][0-9]*)?[eE][+]?[0-9]+[\s\u00A0]*$/;
const LEADING_APOSTROPHES = /^[\s\u00A0]*['‘’`]+/;

function stripped(value: string): string {
	return value.replace(LEADING_APOSTROPHES, '').replace(WS, '');
}

/** Step 1: the format issue of a value as written, or null when it is exactly 16 digits. */
export function idFormat(value: string | null | undefined): FormatIssue | null {
	if (value === null || value === undefined || value.replace(WS, '') === '') return 'missing';
	if (SCIENTIFIC.test(value)) return 'scientific';
	const s = stripped(value);
	if (!/^[0-9]+$/.test(s)) return 'non_digit';
	if (s.length !== 16) return 'wrong_length';
	if (APOSTROPHE_START.test(value)) return 'apostrophe';
	if (s !== value) return 'spaces';
	return null;
}

/** The 16 digits of a value whose only damage is cosmetic (apostrophe, spaces), else null. */
export function idDigits(value: string | null | undefined): string | null {
	const issue = idFormat(value);
	if (issue !== null && issue !== 'apostrophe' && issue !== 'spaces') return null;
	return stripped(value ?? '');
}

/** The parts of a 16-digit NIK. */
export interface NikParts {
	province: string;
	kabupaten: string;
	kecamatan: string;
	/** Day as written (women + 40), month, two-digit year. */
	day: number;
	month: number;
	year2: number;
	/** Sex the day implies. */
	sex: 'M' | 'F';
	serial: string;
}

export function nikParts(digits: string): NikParts {
	const n = (from: number) => Number(digits.slice(from, from + 2));
	const day = n(6);
	return {
		province: digits.slice(0, 2),
		kabupaten: digits.slice(2, 4),
		kecamatan: digits.slice(4, 6),
		day,
		month: n(8),
		year2: n(10),
		sex: day > 40 ? 'F' : 'M',
		serial: digits.slice(12, 16)
	};
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Every day and month a NIK can hold as DDMM (women's days + 40), but 29 February, which needs a leap year. */
const VALID_BIRTH_DDMM: readonly string[] = MONTH_DAYS.flatMap((days, m) =>
	Array.from({ length: days }, (_, i) => i + 1)
		.filter((day) => !(m === 1 && day === 29))
		.flatMap((day) => [day, day + 40].map((written) => `${String(written).padStart(2, '0')}${String(m + 1).padStart(2, '0')}`))
);

function validBirth(p: NikParts): boolean {
	const day = p.day > 40 ? p.day - 40 : p.day;
	if (p.month < 1 || p.month > 12 || day < 1) return false;
	if (p.day > 31 && p.day <= 40) return false;
	const max = MONTH_DAYS[p.month - 1] ?? 0;
	if (day > max) return false;
	return !(p.month === 2 && day === 29 && p.year2 % 4 !== 0);
}

export interface StructureOptions {
	/** Canonical sex of the person ('M' / 'F'); anything else means unknown. */
	sex?: string | null;
	/** Regency code, dotted or not ('64.02'). */
	kabupaten: string;
}

/** Step 2 for 16 digits (from `idDigits`): the first structure issue, or null. */
export function idStructure(kind: IdKind, digits: string, opts: StructureOptions): StructureIssue | null {
	if (digits.endsWith('0000')) return 'lost_digits';
	const p = nikParts(digits);
	if (!PROVINCE_CODES.includes(p.province) || p.kabupaten === '00' || p.kecamatan === '00') return 'bad_region';
	if (kind === 'nik') {
		if (!validBirth(p)) return 'bad_birth_date';
		if ((opts.sex === 'M' || opts.sex === 'F') && opts.sex !== p.sex) return 'sex_mismatch';
	}
	if (digits.slice(0, 4) !== opts.kabupaten.replace(/[^0-9]/g, '')) return 'outside_regency';
	return null;
}

/** Every issue of one value: its format issue, then (when the digits are usable) its structure issue. */
export function checkId(kind: IdKind, value: string | null | undefined, opts: StructureOptions): IdIssue[] {
	const issues: IdIssue[] = [];
	const format = idFormat(value);
	if (format) issues.push(format);
	const digits = idDigits(value);
	if (digits !== null) {
		const structure = idStructure(kind, digits, opts);
		if (structure) issues.push(structure);
	}
	return issues;
}

export const checkNik = (value: string | null | undefined, opts: StructureOptions) => checkId('nik', value, opts);
export const checkKk = (value: string | null | undefined, opts: StructureOptions) => checkId('kk', value, opts);

// ---- SQL builders ----------------------------------------------------------------------------------
// `v` etc. are SQL expressions (a column or a CASE); they are inserted as given, never user text.

const sqlQuote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const WS_SQL = '[\\s\\x{00A0}]';
const APOS_SQL = "['‘’`]";

const CLEAN_SQL = "'^[0-9]{16}$'";

/** SQL twin of `idFormat`: a VARCHAR issue code, or NULL. Clean 16-digit values take one regex. */
export function idFormatSql(v: string): string {
	const s = idStrippedSql(v);
	return (
		`CASE WHEN regexp_matches(${v}, ${CLEAN_SQL}) THEN NULL ` +
		`WHEN ${v} IS NULL OR regexp_replace(${v}, ${sqlQuote(WS_SQL)}, '', 'g') = '' THEN 'missing' ` +
		`WHEN regexp_matches(${v}, ${sqlQuote(`^(${WS_SQL}|${APOS_SQL})*[0-9]+([.,][0-9]*)?[eE][+]?[0-9]+${WS_SQL}*$`)}) THEN 'scientific' ` +
		`WHEN NOT regexp_matches(${s}, '^[0-9]+$') THEN 'non_digit' ` +
		`WHEN length(${s}) <> 16 THEN 'wrong_length' ` +
		`WHEN regexp_matches(${v}, ${sqlQuote(`^${WS_SQL}*${APOS_SQL}`)}) THEN 'apostrophe' ` +
		`WHEN ${s} <> ${v} THEN 'spaces' ELSE NULL END`
	);
}

/** SQL: the value without a leading apostrophe and without whitespace (no check). */
export function idStrippedSql(v: string): string {
	return `regexp_replace(regexp_replace(${v}, ${sqlQuote(`^${WS_SQL}*${APOS_SQL}+`)}, ''), ${sqlQuote(WS_SQL)}, '', 'g')`;
}

/**
 * SQL twin of `idDigits`: the 16 digits when the value is usable, else NULL. `format`, when given, is
 * an expression already holding `idFormatSql(v)` (e.g. a column computed once).
 */
export function idDigitsSql(v: string, format?: string): string {
	return (
		`CASE WHEN regexp_matches(${v}, ${CLEAN_SQL}) THEN ${v} ` +
		`WHEN coalesce(${format ?? idFormatSql(v)}, 'ok') IN ('apostrophe', 'spaces') THEN ${idStrippedSql(v)} END`
	);
}

/**
 * SQL twin of `idStructure` on `d`, an expression of 16 digits (or NULL → NULL); `sex` is an expression
 * of the canonical sex ('M'/'F'/other/NULL) or null when there is none.
 */
export function idStructureSql(kind: IdKind, d: string, sex: string | null, kabupaten: string): string {
	// The birth date as one lookup of its DDMM among the valid ones (a hash probe), not a dozen casts of
	// its parts per row: 0.54–0.66 s → 0.29–0.43 s for 1M NIKs in Node.
	const ddmm = `substr(${d}, 7, 4)`;
	const leapDay = `(${ddmm} IN ('2902', '6902') AND TRY_CAST(substr(${d}, 11, 2) AS INTEGER) % 4 = 0)`;
	const badBirth = `NOT (${ddmm} IN (${VALID_BIRTH_DDMM.map(sqlQuote).join(', ')}) OR ${leapDay})`;
	// Reached only with a valid day (01–31, or 41–71 for women).
	const impliedSex = `(CASE WHEN substr(${d}, 7, 1) >= '4' THEN 'F' ELSE 'M' END)`;
	const provinces = PROVINCE_CODES.map(sqlQuote).join(', ');
	const parts = [
		`WHEN ${d} IS NULL THEN NULL`,
		`WHEN suffix(${d}, '0000') THEN 'lost_digits'`,
		`WHEN substr(${d}, 1, 2) NOT IN (${provinces}) OR substr(${d}, 3, 2) = '00' OR substr(${d}, 5, 2) = '00' THEN 'bad_region'`
	];
	if (kind === 'nik') {
		parts.push(`WHEN ${badBirth} THEN 'bad_birth_date'`);
		if (sex !== null) parts.push(`WHEN ${sex} IN ('M', 'F') AND ${sex} <> ${impliedSex} THEN 'sex_mismatch'`);
	}
	parts.push(`WHEN substr(${d}, 1, 4) <> ${sqlQuote(kabupaten.replace(/[^0-9]/g, ''))} THEN 'outside_regency'`);
	return `CASE ${parts.join(' ')} ELSE NULL END`;
}

/** SQL: the list of issues of `v` (format, then structure), like `checkId`; an empty list when clean. */
export function checkIdSql(kind: IdKind, v: string, sex: string | null, kabupaten: string): string {
	return `list_filter([${idFormatSql(v)}, ${idStructureSql(kind, idDigitsSql(v), sex, kabupaten)}], x -> x IS NOT NULL)`;
}
