/**
 * Villages by name when a household row has no village code (issue 4 point 4): the village name is
 * matched within its kecamatan (given by code, e.g. `640206`, `06`, `64.02.06`, or by name), against
 * the reference. Names are compared ignoring case, spacing, punctuation and a leading
 * 'Desa' / 'Kelurahan' / 'Kel.' / 'Ds.' ('Kecamatan' / 'Kec.' for kecamatan). A name that fits two
 * reference villages of the kecamatan, fits none, or has no kecamatan is not guessed: the household
 * keeps no village code (counted with the unmatched households) and the case is listed in
 * `ingest_village_name` with the reason. All matching is SQL over the staged rows.
 */
import { createTableSql, type CatalogTable } from '../core/catalog';
import { caseWhen, select, sqlIdent, sqlString, withCtes, type Cte } from '../core/sql';

/** Table of village-name cases not resolved, written by every load (swapped in with the others). */
export const VILLAGE_NAME_TABLE = 'ingest_village_name' satisfies CatalogTable;

export function createVillageNameTableSql(name: string): string {
	return createTableSql(VILLAGE_NAME_TABLE, name);
}

/** Comparison key of a village name (SQL over a text expression). */
export function villageNameKeySql(expr: string): string {
	return `regexp_replace(regexp_replace(lower(trim(${expr})), '^(desa|kelurahan|kel|ds)[^a-z0-9]+', ''), '[^a-z0-9]', '', 'g')`;
}

/** Comparison key of a kecamatan name. */
export function kecamatanNameKeySql(expr: string): string {
	return `regexp_replace(regexp_replace(lower(trim(${expr})), '^(kecamatan|kec)[^a-z0-9]+', ''), '[^a-z0-9]', '', 'g')`;
}

/**
 * Dotted kecamatan code ('64.02.06') from a kecamatan code column of row alias `s`: 6 digits as
 * written, or 1–2 digits under the reference kabupaten. Other shapes (BPS 3-digit codes) give NULL.
 */
export function kecamatanKodeSql(column: string, kabupatenKode: string): string {
	const d = `NULLIF(regexp_replace(${column}, '[^0-9]', '', 'g'), '')`;
	return caseWhen([
		[`length(${d}) = 6`, `concat_ws('.', substr(${d}, 1, 2), substr(${d}, 3, 2), substr(${d}, 5, 2))`],
		[`length(${d}) <= 2`, `${sqlString(`${kabupatenKode}.`)} || lpad(${d}, 2, '0')`]
	]);
}

export interface VillageNameInput {
	/** Reference village table (kode, nama, kecamatan_kode, kecamatan_nama). */
	villages: string;
	kabupatenKode: string;
	/** Stage columns (f_… names) of the household CTE, or undefined when the file lacks them. */
	kecamatanCode?: string;
	kecamatanName?: string;
	villageName: string;
}

/**
 * CTEs `vref` (reference keys) and `vname` (per kecamatan and name key: the one code, or NULL with
 * the count when ambiguous).
 */
export function villageNameCtes(input: VillageNameInput): Cte[] {
	const reference = select({
		select: ['kode', 'kecamatan_kode', `${villageNameKeySql('nama')} AS vkey`, `${kecamatanNameKeySql('kecamatan_nama')} AS kkey`],
		from: input.villages
	});
	const byName = select({
		select: [
			'kecamatan_kode',
			'any_value(kkey) AS kkey',
			'vkey',
			`${caseWhen([['count(*) = 1', 'min(kode)']])} AS kode`,
			"string_agg(kode, ', ' ORDER BY kode) AS candidates"
		],
		from: 'vref',
		groupBy: ['kecamatan_kode', 'vkey']
	});
	return [
		['vref', reference],
		['vname', byName]
	];
}

/** The household row's kecamatan code (dotted) from its code column, else NULL. */
function rowKecamatanSql(input: VillageNameInput, s: string): string {
	return input.kecamatanCode ? kecamatanKodeSql(`${s}.${sqlIdent(input.kecamatanCode)}`, input.kabupatenKode) : 'NULL::VARCHAR';
}

/** `LEFT JOIN vname AS alias ON …` for household row alias `s` (only rows without a village code should use the result). */
export function villageNameJoinSql(input: VillageNameInput, s: string, alias: string): string {
	const kec = rowKecamatanSql(input, s);
	const byName = input.kecamatanName
		? ` OR (${kec} IS NULL AND ${alias}.kkey = ${kecamatanNameKeySql(`${s}.${sqlIdent(input.kecamatanName)}`)})`
		: '';
	return (
		`LEFT JOIN vname AS ${alias} ON ${alias}.vkey = ${villageNameKeySql(`${s}.${sqlIdent(input.villageName)}`)} ` +
		`AND (${alias}.kecamatan_kode = ${kec}${byName})`
	);
}

/**
 * `INSERT INTO target …`: rows of `rows` (a CTE of household rows with __row, the village-code
 * expression `codeSql` NULL and a village name) that the name did not resolve, grouped by what was
 * written, with the reason: 'ambiguous' (candidates listed), 'not_found' or 'no_kecamatan'.
 */
export function villageNameIssuesSql(
	input: VillageNameInput & { file: string },
	ctes: readonly Cte[],
	rows: string,
	codeSql: string,
	target: string
): string {
	const s = 's';
	const kec = rowKecamatanSql(input, s);
	const kecText = [input.kecamatanCode, input.kecamatanName].filter((c): c is string => c !== undefined).map((c) => `${s}.${sqlIdent(c)}`);
	const kecWritten = kecText.length ? `coalesce(${kecText.join(', ')})` : 'NULL::VARCHAR';
	const kecKnown = input.kecamatanName ? `(${kec} IS NOT NULL OR ${s}.${sqlIdent(input.kecamatanName)} IS NOT NULL)` : `${kec} IS NOT NULL`;
	const reason = caseWhen(
		[
			[`NOT ${kecKnown}`, "'no_kecamatan'"],
			['vn.vkey IS NULL', "'not_found'"]
		],
		"'ambiguous'"
	);
	const issues = select({
		select: [
			sqlString(input.file),
			`${kecWritten} AS kec`,
			`${s}.${sqlIdent(input.villageName)} AS village`,
			`${reason} AS reason`,
			`${caseWhen([['vn.kode IS NULL', 'vn.candidates']])} AS candidates`,
			'count(*)::BIGINT',
			`min(${s}.__row)::BIGINT`
		],
		from: `${rows} AS ${s}`,
		joins: [villageNameJoinSql(input, s, 'vn')],
		where: [`(${codeSql}) IS NULL`, `${s}.${sqlIdent(input.villageName)} IS NOT NULL`, 'vn.kode IS NULL'],
		groupBy: ['ALL'],
		orderBy: [`min(${s}.__row)`]
	});
	return `INSERT INTO ${target} ${withCtes([...ctes, ...villageNameCtes(input)], issues)}`;
}
