/**
 * Every distinct written value of the register's code fields, counted once per load into a scratch
 * table (`tepat_code_values`) with its code, before the households and people are built. Two readers:
 * - the households' and people's statements map a code with a CASE over a handful of literals instead
 *   of a LEFT JOIN onto the code table per field: at 1M rows the fifteen joins carried the wide member
 *   rows through fifteen hash probes, half of the person statement's time (issue 14 point 1, "map codes
 *   in one pass"). A field with more distinct values than CASE_LIMIT keeps its join, the cheaper plan
 *   for a column of free text mapped as a code;
 * - the unknown codes are the values without a code, with the count and first row already here (they
 *   were found by unpivoting every row's code columns again: 15M rows at 1M people).
 * The households' values are counted on their rows (the first row of each family), the people's on the
 * member rows with a household key: the rows each statement loads.
 */
import { codeKeySql } from '../core/codes';
import { createTableSql } from '../core/catalog';
import { rowsOf } from '../core/rows';
import { select, sqlIdent, sqlString, withCtes } from '../core/sql';
import type { Engine } from '../engine/types';
import type { FieldSpec } from './sources';
import type { StageRef } from './normalise';

/** Distinct written values above which a field keeps its join onto the code table. */
export const CASE_LIMIT = 64;

export type CodeSide = 'household' | 'person';

/** One written value of a field and its code (only values the code table knows). */
export interface CodeValue {
	raw: string;
	value: string;
}

/** Per field (`FieldSpec.field`), the known values, most frequent first; a field not here keeps its join. */
export type CodeValues = ReadonlyMap<string, readonly CodeValue[]>;

/** The code fields of one side and the rows whose values they count. */
export interface CodeValuesSide {
	side: CodeSide;
	fields: readonly FieldSpec[];
	stage: StageRef;
	/** The relation holding the side's values: its column `f_<field>`, or (fieldColumns false) the stage's mapped column. */
	values: { table: string; fieldColumns: boolean };
	/** The data row number in `values.table` (SQL). */
	row: string;
	/** Which of its rows are loaded (SQL); all when absent. */
	where?: string;
}

/** The mapped code fields of a side, each once. */
export function mappedCodeFields(fields: readonly FieldSpec[], stage: StageRef): (FieldSpec & { code: string })[] {
	const seen = new Set<string>();
	return fields.filter((spec): spec is FieldSpec & { code: string } => {
		if (!spec.code || !stage.mapping[spec.field] || seen.has(spec.field)) return false;
		seen.add(spec.field);
		return true;
	});
}

/** The column of `values.table` holding the side's value of `spec`. */
function valueColumn(side: CodeValuesSide, spec: FieldSpec): string {
	return side.values.fieldColumns ? sqlIdent(`f_${spec.field}`) : sqlIdent(side.stage.mapping[spec.field]?.column ?? '');
}

/**
 * Creates `target` (the catalog's `tepat_code_values`) and fills it: per mapped code field of each side,
 * its distinct values with their count, first row and code. The code key is computed per distinct value.
 */
export function codeValuesStatements(sides: readonly CodeValuesSide[], codes: string, target: string): string[] {
	const counted = sides.flatMap((side) =>
		mappedCodeFields(side.fields, side.stage).map((spec) => {
			const column = valueColumn(side, spec);
			return select({
				select: [
					`${sqlString(side.side)} AS side`,
					`${sqlString(spec.field)} AS field`,
					`${sqlString(spec.code)} AS code`,
					`${column} AS raw`,
					'count(*) AS n',
					`min(${side.row}) AS first_row`
				],
				from: side.values.table,
				where: [`${column} IS NOT NULL`, side.where && `(${side.where})`],
				groupBy: [column]
			});
		})
	);
	const create = createTableSql('tepat_code_values', target);
	if (counted.length === 0) return [create];
	const rows = select({
		select: ['d.side', 'd.field', 'd.raw', 'd.n', 'd.first_row', 'c.value'],
		from: 'd',
		joins: [`LEFT JOIN ${codes} AS c ON c.field = d.code AND c.key = ${codeKeySql('d.raw')}`]
	});
	return [create, `INSERT INTO ${target} ${withCtes([['d', counted.join('\nUNION ALL\n')]], rows)}`];
}

/** A side's fields under CASE_LIMIT with the values the code table knows, most frequent first. */
export async function readCodeValues(engine: Engine, table: string, side: CodeSide): Promise<CodeValues> {
	const mine = `side = ${sqlString(side)}`;
	const sql =
		`SELECT field, raw, value FROM ${table} WHERE ${mine} ` +
		`AND field IN (SELECT field FROM ${table} WHERE ${mine} GROUP BY field HAVING count(*) <= ${CASE_LIMIT}) ` +
		`ORDER BY field, n DESC, raw`;
	const values = new Map<string, CodeValue[]>();
	const joined = new Set<string>();
	for (const row of rowsOf(await engine.query(sql), { field: 'string', raw: 'string', value: 'string?' })) {
		// A NUL cannot be written in an SQL literal: that field keeps its join.
		if (row.raw.includes('\u0000')) joined.add(row.field);
		const known = values.get(row.field) ?? [];
		if (row.value !== null) known.push({ raw: row.raw, value: row.value });
		values.set(row.field, known);
	}
	for (const field of joined) values.delete(field);
	return values;
}

/** `CASE <subject> WHEN raw THEN value … END`: the code of `subject`, NULL when unknown or empty. */
export function codeCaseSql(values: readonly CodeValue[], subject: string): string {
	if (values.length === 0) return 'NULL::VARCHAR';
	const whens = values.map((v) => `WHEN ${sqlString(v.raw)} THEN ${sqlString(v.value)}`);
	return `(CASE ${subject} ${whens.join(' ')} END)`;
}
