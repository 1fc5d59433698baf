/**
 * The code value of every distinct written value of a side's code fields, read once before the
 * households and people are built, so that their statements map a code with a CASE over a handful of
 * literals instead of a LEFT JOIN onto the code table per field: at 1M rows the fifteen joins carried the
 * wide member rows through fifteen hash probes, half of the person statement's time (issue 14 point 1,
 * "map codes in one pass"). A field with more distinct values than CASE_LIMIT keeps its join, which
 * stays the cheaper plan for a column of free text mapped as a code.
 */
import { codeKeySql } from '../core/codes';
import { rowsOf } from '../core/rows';
import { sqlIdent, sqlString } from '../core/sql';
import type { Engine } from '../engine/types';
import type { FieldSpec } from './sources';
import type { StageRef } from './normalise';

/** Distinct written values above which a field keeps its join onto the code table. */
export const CASE_LIMIT = 64;

/** One written value of a field and its code (only values the code table knows). */
export interface CodeValue {
	raw: string;
	value: string;
}

/** Per field (`FieldSpec.field`), the known values, most frequent first; a field not here keeps its join. */
export type CodeValues = ReadonlyMap<string, readonly CodeValue[]>;

/** A code field of one side and the relation whose column holds its values as the statement compares them. */
export interface CodeValuesSide {
	fields: readonly FieldSpec[];
	stage: StageRef;
	/** Table holding every value the side's statement reads: its column `f_<field>`, or (fieldColumns false) the stage's mapped column. */
	values: { table: string; fieldColumns: boolean };
}

/** The mapped code fields of a side, each once. */
function codeFields(side: CodeValuesSide): (FieldSpec & { code: string })[] {
	const seen = new Set<string>();
	return side.fields.filter((spec): spec is FieldSpec & { code: string } => {
		if (!spec.code || !side.stage.mapping[spec.field] || seen.has(spec.field)) return false;
		seen.add(spec.field);
		return true;
	});
}

/**
 * One statement: per field under the limit, its distinct values with their count and code (NULL when
 * the code table does not know it). The codes are looked up per distinct value, not per row.
 */
export function codeValuesSql(side: CodeValuesSide, codes: string): string | null {
	const fields = codeFields(side);
	if (fields.length === 0) return null;
	const counted = fields.map((spec) => {
		const mapped = side.stage.mapping[spec.field];
		const column = side.values.fieldColumns ? sqlIdent(`f_${spec.field}`) : sqlIdent(mapped?.column ?? '');
		return (
			`SELECT ${sqlString(spec.field)} AS field, ${sqlString(spec.code)} AS code, ${column} AS raw, count(*) AS n ` +
			`FROM ${side.values.table} WHERE ${column} IS NOT NULL GROUP BY ${column}`
		);
	});
	return (
		`WITH d AS (${counted.join(' UNION ALL ')}), ` +
		`small AS (SELECT field FROM d GROUP BY field HAVING count(*) <= ${CASE_LIMIT}) ` +
		`SELECT d.field, d.raw, c.value, d.n FROM d JOIN small USING (field) ` +
		`LEFT JOIN ${codes} AS c ON c.field = d.code AND c.key = ${codeKeySql('d.raw')} ` +
		`ORDER BY d.field, d.n DESC, d.raw`
	);
}

/** Reads codeValuesSql's answer: every field under the limit, with the values the code table knows. */
export async function readCodeValues(engine: Engine, side: CodeValuesSide, codes: string): Promise<CodeValues> {
	const sql = codeValuesSql(side, codes);
	const values = new Map<string, CodeValue[]>();
	if (sql === null) return values;
	const rows = rowsOf(await engine.query(sql), { field: 'string', raw: 'string', value: 'string?' });
	const joined = new Set<string>();
	for (const row of rows) {
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
