/**
 * SQL builders: staging tables (trimmed-stage.ts: VARCHAR c0 … cN, trimmed, NULL when empty) → canonical `household` / `person` rows and the
 * unknown-code counts. Every per-row step is SQL; these functions only assemble text from the
 * source spec and the resolved column mapping. The tables themselves are created from the catalog
 * (core/catalog) and filled with `INSERT INTO … SELECT`, so their columns are described once.
 */
import { columnNames, createTableSql, type DefinedTable } from '../core/catalog';
import { caseWhen, or, select, sqlIdent, sqlString, withCtes, type Cte } from '../core/sql';
import { codeKeySql } from '../core/codes';
import { UNKNOWN } from '../core/schema';
import type { ColumnMapping, FieldSpec, SourceSpec } from './sources';
import { villageNameCtes, villageNameIssuesSql, villageNameJoinSql, type VillageNameInput } from './villages';
import { familyHouseholdIdSql, trimmedSql } from './duplicates';
import { parsedValueSql } from './values';
import { codeCaseSql, mappedCodeFields, type CodeValues, type CodeValuesSide } from './code-values';

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
	/**
	 * The households' rows (householdRowsSql), built once after the families table: the regency vote,
	 * the households, their unknown codes and their village names all read it.
	 */
	households: string;
	/** The load's `tepat_code_values` table (code-values.ts, `codeValuesSides`): the unknown codes read it. */
	codeValues: string;
	/**
	 * The known values of the households' and the people's code fields, read from `codeValues` before
	 * their statements: a field listed there is mapped by a CASE, any other by a join.
	 */
	knownCodes?: { household: CodeValues; person: CodeValues };
}

const col = (field: string) => sqlIdent(`f_${field}`);

/** The trimmed value of the stage column `field` is mapped to (of row alias `alias`); NULL when it is not mapped. */
function stagedSql(stage: StageRef, field: string, alias?: string): string {
	const mapped = stage.mapping[field];
	return mapped ? trimmedSql(mapped.column, alias) : 'NULL::VARCHAR';
}

/** `SELECT rowid + 1 AS __row, trimmed fields … FROM stage`; unmapped fields are NULL. */
export function sourceSelectSql(fields: readonly FieldSpec[], stage: StageRef): string {
	const seen = new Set<string>();
	const parts = ['rowid + 1 AS __row'];
	for (const spec of fields) {
		if (seen.has(spec.field)) continue;
		seen.add(spec.field);
		parts.push(`${stagedSql(stage, spec.field)} AS ${col(spec.field)}`);
	}
	return select({ select: parts, from: stage.table });
}

/** Per-row value of a non-code field of row alias `s` (values.ts: NULL when the text is not a valid value). */
function valueSql(spec: FieldSpec, s: string): string {
	return parsedValueSql(spec, `${s}.${col(spec.field)}`);
}

/**
 * Collects LEFT JOINs onto the code table, one per mapped code field. Each joins the field's few
 * distinct values, looked up once each, on the value as trimmed: the code key (regular expressions)
 * is computed per distinct value, not per row. The distinct values are taken from `values`, a table
 * holding every value the joined rows have (the stage, or the households' rows, a third of a flat
 * file's), as `f_<field>` or, without `fieldColumns`, as the stage's mapped column.
 */
class CodeJoins {
	readonly joins: string[] = [];
	constructor(
		private readonly codes: string,
		private readonly alias: string,
		private readonly stage: StageRef,
		private readonly values: { table: string; fieldColumns: boolean },
		private readonly known: CodeValues = new Map()
	) {}

	private get mapping(): ColumnMapping {
		return this.stage.mapping;
	}

	/** The mapped code value of `field` ('unknown' if not in the table, NULL if empty or unmapped). */
	value(spec: FieldSpec): string {
		const mapped = this.mapping[spec.field];
		if (!spec.code || !mapped) return 'NULL::VARCHAR';
		const v = `${this.alias}.${col(spec.field)}`;
		return caseWhen([[`${v} IS NULL`, 'NULL']], `coalesce(${this.codeOf(spec.field, spec.code, mapped.column)}, ${sqlString(UNKNOWN)})`);
	}

	/** The raw mapped value (NULL when it is unknown), for expressions built on top of it. */
	matched(spec: FieldSpec): string | undefined {
		const mapped = this.mapping[spec.field];
		if (!spec.code || !mapped) return undefined;
		return this.codeOf(spec.field, spec.code, mapped.column);
	}

	/** The code of `field`'s value, NULL when unknown: a CASE over its known values, else a join. */
	private codeOf(field: string, code: string, column: string): string {
		const known = this.known.get(field);
		if (known) return codeCaseSql(known, `${this.alias}.${col(field)}`);
		return `${this.join(field, code, column)}.value`;
	}

	/** Joins the code table for `field` under the alias it returns. */
	private join(field: string, code: string, column: string): string {
		const j = `m_${field}`;
		const value = this.values.fieldColumns ? col(field) : trimmedSql(column);
		const distinct = `SELECT DISTINCT ${value} AS raw FROM ${this.values.table}`;
		const values =
			`SELECT d.raw, c.value FROM (${distinct}) AS d ` +
			`JOIN ${this.codes} AS c ON c.field = ${sqlString(code)} AND c.key = ${codeKeySql('d.raw')}`;
		this.joins.push(`LEFT JOIN (${values}) AS ${j} ON ${j}.raw = ${this.alias}.${col(field)}`);
		return j;
	}
}

/** Where the households' code values are read from: the households' rows, a third of a flat file's. */
function householdCodeValues(input: NormaliseInput): { table: string; fieldColumns: boolean } {
	return { table: input.households, fieldColumns: true };
}

/** Where the people's code values are read from: the member stage. */
function personCodeValues(input: NormaliseInput): { table: string; fieldColumns: boolean } {
	return { table: input.person.table, fieldColumns: false };
}

/** The rows whose code values `codeValues` counts: the households' rows, and the member rows with a household key (`personCtes`' pp). */
export function codeValuesSides(input: NormaliseInput): CodeValuesSide[] {
	const key = input.person.mapping['key'];
	return [
		{ side: 'household', fields: input.spec.household, stage: input.household, values: householdCodeValues(input), row: '__row' },
		{
			side: 'person',
			fields: input.spec.person,
			stage: input.person,
			values: personCodeValues(input),
			row: 'rowid + 1',
			where: key ? `${trimmedSql(key.column)} IS NOT NULL` : 'FALSE'
		}
	];
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
 * CTEs `src` (household rows) and `hh` (the first row of each family, duplicates.ts: one per non-empty
 * key, or more when families share a key) with its family number `__family`.
 */
function householdRowsCtes(input: NormaliseInput): Cte[] {
	const { spec, household, flat } = input;
	const family = 'coalesce(fam.family_no, 1)';
	const placed = [`src.${col('key')} IS NOT NULL`, '(fam.__row IS NULL OR fam.__row = fam.family_row)'];
	const familyJoin = `LEFT JOIN ${input.families} AS fam ON fam.__row = src.__row`;
	// A flat file repeats the family columns on every member row: the family's first row stands for it,
	// found by a narrow GROUP BY (not a window over the wide rows, which sorts every column).
	// Read from the staged table itself: a second reference to `src` could make DuckDB materialise it.
	const stagedKey = stagedSql(household, 'key', 'st');
	const firsts = select({
		select: ['min(st.rowid + 1) AS __row'],
		from: `${household.table} AS st`,
		joins: [`LEFT JOIN ${input.families} AS fam ON fam.__row = st.rowid + 1`],
		where: [`${stagedKey} IS NOT NULL`, '(fam.__row IS NULL OR fam.__row = fam.family_row)'],
		groupBy: [stagedKey, family]
	});
	const families = select({
		select: ['src.*', `${family} AS __family`],
		from: 'src',
		joins: [familyJoin],
		where: [...placed, flat && 'src.__row IN (SELECT __row FROM firsts)']
	});
	return [['src', sourceSelectSql(spec.household, household)], ...(flat ? [['firsts', firsts] as Cte] : []), ['hh', families]];
}

/** `CREATE TABLE target AS …`: the households' rows (`hh` of householdRowsCtes), read by householdCtes. */
export function householdRowsSql(input: NormaliseInput, target: string): string {
	return `CREATE TABLE ${target} AS ${withCtes(householdRowsCtes(input), 'SELECT * FROM hh')}`;
}

/** CTE `hh`: the households' rows (`input.households`, householdRowsSql), by __row. */
export function householdCtes(input: NormaliseInput): Cte[] {
	return [['hh', `SELECT * FROM ${input.households}`]];
}

/** CTE `src` of person rows with a non-empty household key. */
export function personCtes(input: NormaliseInput): Cte[] {
	return [
		['src', sourceSelectSql(input.spec.person, input.person)],
		['pp', `SELECT * FROM src WHERE ${col('key')} IS NOT NULL`]
	];
}

/** The SELECT list of a catalog table's rows, in the catalog's column order (INSERT fills by position). */
function catalogSelectList(table: DefinedTable, values: Readonly<Record<string, string>>): string[] {
	const names = columnNames(table);
	const unknown = Object.keys(values).filter((name) => !names.includes(name));
	if (unknown.length > 0) throw new Error(`${table} has no column ${unknown.join(', ')}`);
	return names.map((name) => {
		const value = values[name];
		if (value === undefined) throw new Error(`${table}.${name} has no value`);
		return `${value} AS ${name}`;
	});
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
	const written = `${s}.${col('village_desa')}`;
	const dotted = `concat_ws('.', substr(${d}, 1, 2), substr(${d}, 3, 2), substr(${d}, 5, 2), substr(${d}, 7, 4))`;
	const parts = [two('village_prov', prov), two('village_kab', kab), two('village_kec', null), `lpad(${d}, 4, '0')`];
	const fromParts = `concat_ws('.', ${parts.join(', ')})`;
	return caseWhen(
		[
			[`${d} IS NULL`, written],
			[`length(${d}) = 10`, dotted],
			[`length(${d}) <= 4 AND ${digits('village_kec')} IS NOT NULL`, fromParts]
		],
		written
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

/** `INSERT INTO target …` of the households (into a table created as the catalog's `household`). */
export function householdSql(input: NormaliseInput, target: string): string {
	const { spec, person } = input;
	const fields = spec.household;
	const codes = new CodeJoins(input.codes, 's', input.household, householdCodeValues(input), input.knownCodes?.household);
	const code = (name: string) => (hasField(fields, name) ? codes.value(fieldOf(fields, name)) : 'NULL::VARCHAR');
	const plain = (name: string, type: string) => (hasField(fields, name) ? valueSql(fieldOf(fields, name), 's') : `NULL::${type}`);

	// Members per household key, and (BDT) the head's KK number, from the person stage.
	const pk = person.mapping['key'];
	const pkk = person.mapping['kk'];
	const prel = person.mapping['relation'];
	const trimmed = (m: { column: string }) => trimmedSql(m.column);
	const headFilter = prel ? `TRY_CAST(${trimmed(prel)} AS DOUBLE) = 1 OR lower(${trimmed(prel)}) LIKE 'kepala%'` : 'false';
	const kkAgg = pkk ? `coalesce(min(${trimmed(pkk)}) FILTER (WHERE ${headFilter}), min(${trimmed(pkk)}))` : 'NULL::VARCHAR';
	// Only the member rows that will be loaded count (duplicates.ts: not a repeat, household placed).
	const members = pk
		? select({
				select: [`coalesce(x.household_id, ${trimmed(pk)}) AS key`, 'count(*)::INTEGER AS n', `${kkAgg} AS kk`],
				from: `${person.table} AS ps`,
				joins: [`LEFT JOIN ${input.people} AS x ON x.__row = ps.rowid + 1`],
				where: ['x.duplicate_of IS NULL'],
				groupBy: ['1']
			})
		: 'SELECT NULL::VARCHAR AS key, 0 AS n, NULL::VARCHAR AS kk WHERE false';
	const householdId = familyHouseholdIdSql(`s.${col('key')}`, 's.__family');

	const kk = spec.id === 'dtsen' ? `s.${col('key')}` : 'mem.kk';
	const byName = villageNameInput(input);
	const villageKode = villageKodeSql('s', input.kabupatenKode);
	const desil = plain('desil', 'INTEGER');
	const columns = catalogSelectList('household', {
		household_id: householdId,
		source: sqlString(spec.id),
		kk,
		village_kode: byName ? `coalesce(${villageKode}, vn.kode)` : villageKode,
		alamat: plain('alamat', 'VARCHAR'),
		head_name: plain('head_name', 'VARCHAR'),
		desil: caseWhen([[`${desil} BETWEEN 1 AND 10`, desil]]),
		tenure: code('tenure'),
		land_own: code('land_own'),
		floor: code('floor'),
		wall: code('wall'),
		wall_condition: code('wall_condition'),
		roof: code('roof'),
		roof_condition: code('roof_condition'),
		floor_area: plain('floor_area', 'DOUBLE'),
		members: 'coalesce(mem.n, 0)::INTEGER',
		members_declared: plain('members_declared', 'INTEGER'),
		water: code('water'),
		lighting: code('lighting'),
		fuel: code('fuel'),
		toilet: code('toilet'),
		closet: code('closet'),
		disposal: code('disposal'),
		verval_status: code('verval_status'),
		source_file: sqlString(input.household.file),
		source_row: 's.__row::BIGINT'
	});
	// Names are matched only for rows without a village code: the name keys are regular expressions,
	// too dear to evaluate for every row of a million-row register that has its codes.
	const named: Cte[] = byName
		? [
				...villageNameCtes(byName),
				[
					'vnamed',
					select({
						select: ['s.__row', 'vn.kode'],
						from: 'hh AS s',
						joins: [villageNameJoinSql(byName, 's', 'vn')],
						where: [`(${villageKode}) IS NULL`, `s.${sqlIdent(byName.villageName)} IS NOT NULL`]
					})
				]
			]
		: [];
	const rows = select({
		select: columns,
		from: 'hh AS s',
		joins: [
			...codes.joins,
			byName && 'LEFT JOIN vnamed AS vn ON vn.__row = s.__row',
			`LEFT JOIN members AS mem ON mem.key = ${householdId}`
		],
		orderBy: ['s.__row']
	});
	return `INSERT INTO ${target} ${withCtes([...householdCtes(input), ['members', members], ...named], rows)}`;
}

/** Creates `target` as the catalog's `household` and fills it (householdSql). */
export function householdStatements(input: NormaliseInput, target: string): string[] {
	return [createTableSql('household', target), householdSql(input, target)];
}

/** `INSERT INTO target …` of the people whose household is in `households` (a table as the catalog's `person`). */
export function personSql(input: NormaliseInput, target: string, households: string): string {
	const { spec } = input;
	const fields = spec.person;
	const codes = new CodeJoins(input.codes, 'p', input.person, personCodeValues(input), input.knownCodes?.person);
	const code = (name: string) => (hasField(fields, name) ? codes.value(fieldOf(fields, name)) : 'NULL::VARCHAR');
	const plain = (name: string, type: string) => (hasField(fields, name) ? valueSql(fieldOf(fields, name), 'p') : `NULL::${type}`);

	// Disability: BDT from the disability type (00 none), DTSEN from the nine difficulty domains
	// ('cannot' or 'a lot' in any domain, the Washington Group cut-off).
	let disability = 'NULL::BOOLEAN';
	const type = hasField(fields, 'disability_type') ? codes.matched(fieldOf(fields, 'disability_type')) : undefined;
	if (type) disability = caseWhen([[`p.${col('disability_type')} IS NULL`, 'NULL']], `${type} = 'disabled'`);
	const domains = fields.filter((s) => s.code === 'difficulty' && input.person.mapping[s.field]);
	if (domains.length > 0) {
		const anyPresent = domains.map((s) => `p.${col(s.field)} IS NOT NULL`).join(' OR ');
		const anyDifficult = or(domains.map((s) => `coalesce(${codes.matched(s)} IN ('cannot', 'a_lot'), false)`));
		disability = caseWhen([[anyPresent, anyDifficult]]);
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
	const personKey = `p.${col('person_key')}`;
	const columns = catalogSelectList('person', {
		person_id: caseWhen([[`${personKey} IS NOT NULL AND p.__dup = 1`, personKey]], `p.${col('key')} || ':' || p.__row`),
		household_id: 'h.household_id',
		nik: plain('nik', 'VARCHAR'),
		kk,
		name: plain('name', 'VARCHAR'),
		sex: code('sex'),
		birth_date: birth,
		age,
		relation: code('relation'),
		school_participation: code('school_participation'),
		level: code('level'),
		class: plain('class', 'INTEGER'),
		certificate: code('certificate'),
		disability,
		verval_status: verval,
		source_file: sqlString(input.person.file),
		source_row: 'p.__row::BIGINT'
	});
	const kept = 'x.duplicate_of IS NULL';
	// A repeated person (duplicates.ts) gets no household, so the join leaves them out. Not a WHERE: a
	// filter here lowers DuckDB's row estimate of p below the households' and it then hashes the wide
	// member rows instead of the households (+0.5 GB at 1M rows).
	// A person key that more than one loaded row has (those rows get `<key>:<row>` ids instead): found by
	// a narrow GROUP BY, not a window over the wide member rows (a sort of every column of every row).
	// Read from the staged table itself: a second reference to `pp` makes DuckDB materialise the wide rows.
	const staged = (field: string) => stagedSql(input.person, field, 'st');
	const keyCounts = select({
		select: [`${staged('person_key')} AS ${col('person_key')}`, 'count(*) AS n'],
		from: `${input.person.table} AS st`,
		joins: [`LEFT JOIN ${input.people} AS x ON x.__row = st.rowid + 1`],
		where: [kept, `${staged('key')} IS NOT NULL`, `${staged('person_key')} IS NOT NULL`],
		groupBy: ['1']
	});
	const sharedKeys = `SELECT ${col('person_key')} FROM (${keyCounts}) WHERE n > 1`;
	const placed = select({
		select: [
			'pp.*',
			`${caseWhen([[kept, `coalesce(x.household_id, pp.${col('key')})`]])} AS __household`,
			`CASE WHEN shared.${col('person_key')} IS NULL THEN 1 ELSE 2 END AS __dup`
		],
		from: 'pp',
		joins: [
			`LEFT JOIN ${input.people} AS x ON x.__row = pp.__row`,
			`LEFT JOIN shared ON shared.${col('person_key')} = pp.${col('person_key')}`
		]
	});
	const rows = select({
		select: columns,
		from: 'p',
		joins: [`JOIN ${households} AS h ON h.household_id = p.__household`, ...codes.joins],
		orderBy: ['p.__row']
	});
	return `INSERT INTO ${target} ${withCtes([...personCtes(input), ['shared', sharedKeys], ['p', placed]], rows)}`;
}

/** Creates `target` as the catalog's `person` and fills it (personSql). */
export function personStatements(input: NormaliseInput, target: string, households: string): string[] {
	return [createTableSql('person', target), personSql(input, target, households)];
}

/** Canonical column a coded source field reports under. */
function reportedField(spec: FieldSpec): string {
	return spec.code === 'difficulty' || spec.code === 'disability_type' ? 'disability' : spec.field;
}

/**
 * `INSERT INTO target …`: the distinct source values of every mapped code field that the code table
 * does not know, with their row count and first row, from the load's code values. Null when the side
 * maps no code field.
 */
export function unknownCodesSql(input: NormaliseInput, which: 'household' | 'person', target: string): string | null {
	const stage = which === 'household' ? input.household : input.person;
	const fields = mappedCodeFields(which === 'household' ? input.spec.household : input.spec.person, stage);
	if (fields.length === 0) return null;
	const meta = fields.map((s) => `(${[s.field, reportedField(s), stage.mapping[s.field]?.header ?? ''].map(sqlString).join(', ')})`);
	const unknown = select({
		select: [sqlString(which), 'meta.reported', sqlString(stage.file), 'meta.source_column', 'v.raw', 'v.n', 'v.first_row'],
		from: `${input.codeValues} AS v`,
		joins: ['JOIN meta ON meta.field = v.field'],
		where: [`v.side = ${sqlString(which)}`, 'v.value IS NULL'],
		orderBy: ['meta.reported', 'v.first_row']
	});
	return `INSERT INTO ${target} ${withCtes([['meta', `SELECT * FROM (VALUES ${meta.join(', ')}) AS t(field, reported, source_column)`]], unknown)}`;
}
