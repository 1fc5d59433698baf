/**
 * SQL builders: staging tables (VARCHAR c0 … cN) → canonical `household` / `person` rows and the
 * unknown-code counts. Every per-row step is SQL; these functions only assemble text from the
 * source spec and the resolved column mapping.
 */
import { sqlIdent, sqlString } from '../core/sql';
import { codeKeySql } from '../core/codes';
import { UNKNOWN, type AnyCodedField } from '../core/schema';
import type { ColumnMapping, FieldSpec, SourceSpec } from './sources';
import { villageNameCtes, villageNameIssuesSql, villageNameJoinSql, type VillageNameInput } from './villages';
import { familyHouseholdIdSql } from './duplicates';

export interface StageRef {
	file: string;
	table: string;
	mapping: ColumnMapping;
}

export interface NormaliseInput {
	spec: SourceSpec;
	/** One stage for a flat file; for a pair, household = family/household file, person = member file. */
	household: StageRef;
	person: StageRef;
	flat: boolean;
	/** Code lookup table (field, key, value) of the source's code table. */
	codes: string;
	/** Kabupaten code of the reference, dotted ('64.02'): fills missing province/kabupaten parts. */
	kabupatenKode: string;
	/** Reference village table; when set, rows without a village code are matched by village name. */
	villages?: string;
	/** 'YYYY-MM-DD': the date ages are computed at when the source has a birth date but no age. */
	asOf: string;
	/** Helper tables of duplicates.ts, built before the households: the families and the people. */
	families: string;
	people: string;
}

const DATE_FORMATS = ['%Y-%m-%d', '%d-%m-%Y', '%d/%m/%Y', '%Y/%m/%d', '%d.%m.%Y', '%Y-%m-%d %H:%M:%S'];

const col = (field: string) => sqlIdent(`f_${field}`);

/** `SELECT rowid + 1 AS __row, trimmed fields … FROM stage`; unmapped fields are NULL. */
export function sourceSelectSql(fields: readonly FieldSpec[], stage: StageRef): string {
	const seen = new Set<string>();
	const parts = ['rowid + 1 AS __row'];
	for (const spec of fields) {
		if (seen.has(spec.field)) continue;
		seen.add(spec.field);
		const mapped = stage.mapping[spec.field];
		parts.push(mapped ? `NULLIF(trim(${sqlIdent(mapped.column)}), '') AS ${col(spec.field)}` : `NULL::VARCHAR AS ${col(spec.field)}`);
	}
	return `SELECT ${parts.join(', ')} FROM ${stage.table}`;
}

/** Per-row value of a non-code field of row alias `s`. */
function valueSql(spec: FieldSpec, s: string): string {
	const v = `${s}.${col(spec.field)}`;
	switch (spec.kind) {
		case 'int':
			return `TRY_CAST(TRY_CAST(replace(${v}, ',', '.') AS DOUBLE) AS INTEGER)`;
		case 'double':
			return `TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)`;
		case 'date':
			return `CAST(try_strptime(${v}, [${DATE_FORMATS.map(sqlString).join(', ')}]) AS DATE)`;
		default:
			return v;
	}
}

/** Collects LEFT JOINs onto the code table, one per mapped code field. */
class CodeJoins {
	readonly joins: string[] = [];
	constructor(
		private readonly codes: string,
		private readonly alias: string,
		private readonly mapping: ColumnMapping
	) {}

	/** The mapped code value of `field` ('unknown' if not in the table, NULL if empty or unmapped). */
	value(spec: FieldSpec): string {
		if (!spec.code || !this.mapping[spec.field]) return 'NULL::VARCHAR';
		const j = `m_${spec.field}`;
		const v = `${this.alias}.${col(spec.field)}`;
		this.joins.push(`LEFT JOIN ${this.codes} AS ${j} ON ${j}.field = ${sqlString(spec.code)} AND ${j}.key = ${codeKeySql(v)}`);
		return `CASE WHEN ${v} IS NULL THEN NULL ELSE coalesce(${j}.value, ${sqlString(UNKNOWN)}) END`;
	}

	/** The raw mapped value (NULL when it is unknown), for expressions built on top of it. */
	matched(spec: FieldSpec): string | undefined {
		if (!spec.code || !this.mapping[spec.field]) return undefined;
		const j = `m_${spec.field}`;
		this.joins.push(
			`LEFT JOIN ${this.codes} AS ${j} ON ${j}.field = ${sqlString(spec.code)} AND ${j}.key = ${codeKeySql(`${this.alias}.${col(spec.field)}`)}`
		);
		return `${j}.value`;
	}
}

function fieldOf(fields: readonly FieldSpec[], name: string): FieldSpec {
	const spec = fields.find((s) => s.field === name);
	if (!spec) throw new Error(`field ${name} not in source spec`);
	return spec;
}

function hasField(fields: readonly FieldSpec[], name: string): boolean {
	return fields.some((s) => s.field === name);
}

/**
 * CTEs `src` (trimmed household rows) and `hh` (the first row of each family, duplicates.ts: one per
 * non-empty key, or more when families share a key) with its family number `__family`.
 */
export function householdCtes(input: NormaliseInput): string {
	const { spec, household, flat } = input;
	const family = 'coalesce(fam.family_no, 1)';
	// A flat file repeats the family columns on every member row: the family's first row stands for it.
	const first = flat ? `QUALIFY row_number() OVER (PARTITION BY src.${col('key')}, ${family} ORDER BY src.__row) = 1` : '';
	return (
		`src AS (${sourceSelectSql(spec.household, household)}), ` +
		`hh AS (SELECT src.*, ${family} AS __family FROM src LEFT JOIN ${input.families} AS fam ON fam.__row = src.__row ` +
		`WHERE src.${col('key')} IS NOT NULL AND (fam.__row IS NULL OR fam.__row = fam.family_row) ${first})`
	);
}

/** CTE `src` of person rows with a non-empty household key. */
export function personCtes(input: NormaliseInput): string {
	return `src AS (${sourceSelectSql(input.spec.person, input.person)}), ` + `pp AS (SELECT * FROM src WHERE ${col('key')} IS NOT NULL)`;
}

/** Dotted Kemendagri village code from the split code columns of row alias `s`. */
function villageKodeSql(s: string, kabupatenKode: string): string {
	const [prov = '', kab = ''] = kabupatenKode.split('.');
	const digits = (field: string) => `NULLIF(regexp_replace(${s}.${col(field)}, '[^0-9]', '', 'g'), '')`;
	const two = (field: string, fallback: string | null) => {
		const expr = `right(lpad(${digits(field)}, 2, '0'), 2)`;
		return fallback === null ? expr : `coalesce(${expr}, ${sqlString(fallback)})`;
	};
	const d = digits('village_desa');
	return (
		`CASE WHEN ${d} IS NULL THEN ${s}.${col('village_desa')} ` +
		`WHEN length(${d}) = 10 THEN concat_ws('.', substr(${d}, 1, 2), substr(${d}, 3, 2), substr(${d}, 5, 2), substr(${d}, 7, 4)) ` +
		`WHEN length(${d}) <= 4 AND ${digits('village_kec')} IS NOT NULL THEN concat_ws('.', ${two('village_prov', prov)}, ${two('village_kab', kab)}, ${two('village_kec', null)}, lpad(${d}, 4, '0')) ` +
		`ELSE ${s}.${col('village_desa')} END`
	);
}

/** Village-by-name inputs when the household file has a village-name column and a reference is given. */
function villageNameInput(input: NormaliseInput): VillageNameInput | null {
	const m = input.household.mapping;
	if (!input.villages || !m['village_name']) return null;
	return {
		villages: input.villages,
		kabupatenKode: input.kabupatenKode,
		kecamatanCode: m['village_kec'] ? 'f_village_kec' : undefined,
		kecamatanName: m['village_kec_name'] ? 'f_village_kec_name' : undefined,
		villageName: 'f_village_name'
	};
}

/** `INSERT INTO target …` of village names that did not resolve (see villages.ts); null without names. */
export function villageNameIssuesInsertSql(input: NormaliseInput, target: string): string | null {
	const byName = villageNameInput(input);
	if (!byName) return null;
	return villageNameIssuesSql(
		{ ...byName, file: input.household.file },
		householdCtes(input),
		'hh',
		villageKodeSql('s', input.kabupatenKode),
		target
	);
}

/** `CREATE TABLE target AS …` for households. */
export function householdSql(input: NormaliseInput, target: string): string {
	const { spec, person } = input;
	const fields = spec.household;
	const codes = new CodeJoins(input.codes, 's', input.household.mapping);
	const code = (name: string) => (hasField(fields, name) ? codes.value(fieldOf(fields, name)) : 'NULL::VARCHAR');
	const plain = (name: string, type: string) => (hasField(fields, name) ? valueSql(fieldOf(fields, name), 's') : `NULL::${type}`);

	// Members per household key, and (BDT) the head's KK number, from the person stage.
	const pk = person.mapping['key'];
	const pkk = person.mapping['kk'];
	const prel = person.mapping['relation'];
	const trimmed = (m: { column: string }) => `NULLIF(trim(${sqlIdent(m.column)}), '')`;
	const headFilter = prel
		? `TRY_CAST(trim(${sqlIdent(prel.column)}) AS DOUBLE) = 1 OR lower(trim(${sqlIdent(prel.column)})) LIKE 'kepala%'`
		: 'false';
	const kkAgg = pkk ? `coalesce(min(${trimmed(pkk)}) FILTER (WHERE ${headFilter}), min(${trimmed(pkk)}))` : 'NULL::VARCHAR';
	// Only the member rows that will be loaded count (duplicates.ts: not a repeat, household placed).
	const members = pk
		? `members AS (SELECT coalesce(x.household_id, ${trimmed(pk)}) AS key, count(*)::INTEGER AS n, ${kkAgg} AS kk FROM ${person.table} AS ps ` +
			`LEFT JOIN ${input.people} AS x ON x.__row = ps.rowid + 1 WHERE x.duplicate_of IS NULL GROUP BY 1)`
		: `members AS (SELECT NULL::VARCHAR AS key, 0 AS n, NULL::VARCHAR AS kk WHERE false)`;
	const householdId = familyHouseholdIdSql(`s.${col('key')}`, 's.__family');

	const kk = spec.id === 'dtsen' ? `s.${col('key')}` : 'mem.kk';
	const byName = villageNameInput(input);
	const select = [
		`${householdId} AS household_id`,
		`${sqlString(spec.id)} AS source`,
		`${kk} AS kk`,
		byName
			? `coalesce(${villageKodeSql('s', input.kabupatenKode)}, vn.kode) AS village_kode`
			: `${villageKodeSql('s', input.kabupatenKode)} AS village_kode`,
		`${plain('alamat', 'VARCHAR')} AS alamat`,
		`${plain('head_name', 'VARCHAR')} AS head_name`,
		`CASE WHEN ${plain('desil', 'INTEGER')} BETWEEN 1 AND 10 THEN ${plain('desil', 'INTEGER')} END AS desil`,
		`${code('tenure')} AS tenure`,
		`${code('land_own')} AS land_own`,
		`${code('floor')} AS floor`,
		`${code('wall')} AS wall`,
		`${code('wall_condition')} AS wall_condition`,
		`${code('roof')} AS roof`,
		`${code('roof_condition')} AS roof_condition`,
		`${plain('floor_area', 'DOUBLE')} AS floor_area`,
		`coalesce(mem.n, 0)::INTEGER AS members`,
		`${plain('members_declared', 'INTEGER')} AS members_declared`,
		`${code('water')} AS water`,
		`${code('lighting')} AS lighting`,
		`${code('fuel')} AS fuel`,
		`${code('toilet')} AS toilet`,
		`${code('closet')} AS closet`,
		`${code('disposal')} AS disposal`,
		`${code('verval_status')} AS verval_status`,
		`${sqlString(input.household.file)} AS source_file`,
		`s.__row::BIGINT AS source_row`
	];
	// Names are matched only for rows without a village code: the name keys are regular expressions,
	// too dear to evaluate for every row of a million-row register that has its codes.
	const named = byName
		? `, ${villageNameCtes(byName)}, vnamed AS (SELECT s.__row, vn.kode FROM hh AS s ${villageNameJoinSql(byName, 's', 'vn')} ` +
			`WHERE (${villageKodeSql('s', input.kabupatenKode)}) IS NULL AND s.${sqlIdent(byName.villageName)} IS NOT NULL)`
		: '';
	return (
		`CREATE TABLE ${target} AS WITH ${householdCtes(input)}, ${members}${named} ` +
		`SELECT ${select.join(', ')} FROM hh AS s ${codes.joins.join(' ')} ` +
		`${byName ? 'LEFT JOIN vnamed AS vn ON vn.__row = s.__row' : ''} ` +
		`LEFT JOIN members AS mem ON mem.key = ${householdId} ORDER BY s.__row`
	);
}

/** `CREATE TABLE target AS …` for people whose household is in `households`. */
export function personSql(input: NormaliseInput, target: string, households: string): string {
	const { spec } = input;
	const fields = spec.person;
	const codes = new CodeJoins(input.codes, 'p', input.person.mapping);
	const code = (name: string) => (hasField(fields, name) ? codes.value(fieldOf(fields, name)) : 'NULL::VARCHAR');
	const plain = (name: string, type: string) => (hasField(fields, name) ? valueSql(fieldOf(fields, name), 'p') : `NULL::${type}`);

	// Disability: BDT from the disability type (00 none), DTSEN from the nine difficulty domains
	// ('cannot' or 'a lot' in any domain, the Washington Group cut-off).
	let disability = 'NULL::BOOLEAN';
	const type = hasField(fields, 'disability_type') ? codes.matched(fieldOf(fields, 'disability_type')) : undefined;
	if (type) disability = `CASE WHEN p.${col('disability_type')} IS NULL THEN NULL ELSE ${type} = 'disabled' END`;
	const domains = fields.filter((s) => s.code === 'difficulty' && input.person.mapping[s.field]);
	if (domains.length > 0) {
		const anyPresent = domains.map((s) => `p.${col(s.field)} IS NOT NULL`).join(' OR ');
		const anyDifficult = domains.map((s) => `coalesce(${codes.matched(s)} IN ('cannot', 'a_lot'), false)`).join(' OR ');
		disability = `CASE WHEN ${anyPresent} THEN (${anyDifficult}) END`;
	}
	const birth = plain('birth_date', 'DATE');
	// Completed years at asOf, in core SQL only (duckdb-wasm has no ICU, so no current_date or age()).
	const asOf = `DATE ${sqlString(input.asOf)}`;
	const fromBirth =
		`(year(${asOf}) - year(${birth}) - CASE WHEN month(${asOf}) * 100 + day(${asOf}) < ` +
		`month(${birth}) * 100 + day(${birth}) THEN 1 ELSE 0 END)`;
	const age = `coalesce(${plain('age', 'INTEGER')}, CAST(${fromBirth} AS INTEGER))`;
	const kk = hasField(fields, 'kk') ? `coalesce(p.${col('kk')}, h.kk)` : `p.${col('key')}`;
	const verval =
		hasField(fields, 'verval_status') && input.person.mapping['verval_status']
			? `coalesce(${code('verval_status')}, h.verval_status)`
			: 'h.verval_status';
	const select = [
		`CASE WHEN p.${col('person_key')} IS NOT NULL AND p.__dup = 1 THEN p.${col('person_key')} ELSE p.${col('key')} || ':' || p.__row END AS person_id`,
		`h.household_id AS household_id`,
		`${plain('nik', 'VARCHAR')} AS nik`,
		`${kk} AS kk`,
		`${plain('name', 'VARCHAR')} AS name`,
		`${code('sex')} AS sex`,
		`${birth} AS birth_date`,
		`${age} AS age`,
		`${code('relation')} AS relation`,
		`${code('school_participation')} AS school_participation`,
		`${code('level')} AS level`,
		`${plain('class', 'INTEGER')} AS class`,
		`${code('certificate')} AS certificate`,
		`${disability} AS disability`,
		`${verval} AS verval_status`,
		`${sqlString(input.person.file)} AS source_file`,
		`p.__row::BIGINT AS source_row`
	];
	const kept = 'x.duplicate_of IS NULL';
	return (
		`CREATE TABLE ${target} AS WITH ${personCtes(input)}, ` +
		// A repeated person (duplicates.ts) gets no household, so the join leaves them out. Not a WHERE: a
		// filter here lowers DuckDB's row estimate of p below the households' and it then hashes the wide
		// member rows instead of the households (+0.5 GB at 1M rows).
		`p AS (SELECT pp.*, CASE WHEN ${kept} THEN coalesce(x.household_id, pp.${col('key')}) END AS __household, ` +
		`count(CASE WHEN ${kept} THEN 1 END) OVER (PARTITION BY ${col('person_key')}) AS __dup ` +
		`FROM pp LEFT JOIN ${input.people} AS x ON x.__row = pp.__row) ` +
		`SELECT ${select.join(', ')} FROM p JOIN ${households} AS h ON h.household_id = p.__household ` +
		`${codes.joins.join(' ')} ORDER BY p.__row`
	);
}

/** Canonical column a coded source field reports under. */
function reportedField(spec: FieldSpec): string {
	return spec.code === 'difficulty' || spec.code === 'disability_type' ? 'disability' : spec.field;
}

/**
 * `INSERT INTO target …`: the distinct source values of every mapped code field that the code table
 * does not know, with their row count and first row. Null when the table maps no code field.
 */
export function unknownCodesSql(input: NormaliseInput, which: 'household' | 'person', target: string): string | null {
	const stage = which === 'household' ? input.household : input.person;
	const fields = (which === 'household' ? input.spec.household : input.spec.person).filter(
		(s): s is FieldSpec & { code: AnyCodedField } => s.code !== undefined && stage.mapping[s.field] !== undefined
	);
	if (fields.length === 0) return null;
	const ctes = which === 'household' ? householdCtes(input) : personCtes(input);
	const rowsCte = which === 'household' ? 'hh' : 'pp';
	const cols = fields.map((s) => col(s.field));
	const meta = fields
		.map(
			(s) =>
				`(${sqlString(`f_${s.field}`)}, ${sqlString(reportedField(s))}, ${sqlString(s.code)}, ${sqlString(stage.mapping[s.field]?.header ?? '')})`
		)
		.join(', ');
	return (
		`INSERT INTO ${target} WITH ${ctes}, ` +
		`long AS (SELECT __row, col, raw FROM (SELECT __row, ${cols.join(', ')} FROM ${rowsCte}) UNPIVOT (raw FOR col IN (${cols.join(', ')}))), ` +
		`agg AS (SELECT col, raw, count(*)::BIGINT AS n, min(__row)::BIGINT AS first_row FROM long GROUP BY col, raw), ` +
		`meta AS (SELECT * FROM (VALUES ${meta}) AS t(col, field, code_field, source_column)) ` +
		`SELECT ${sqlString(which)}, meta.field, ${sqlString(stage.file)}, meta.source_column, agg.raw, agg.n, agg.first_row ` +
		`FROM agg JOIN meta ON meta.col = agg.col ` +
		`LEFT JOIN ${input.codes} AS m ON m.field = meta.code_field AND m.key = ${codeKeySql('agg.raw')} ` +
		`WHERE m.value IS NULL ORDER BY meta.field, agg.first_row`
	);
}
