/**
 * Report rows for values the load could not read (values.ts): per file and column, one finding with
 * the rows it concerns, the first of them, an example and why (not a number, out of range, not a
 * date). Those values are loaded as unknown (NULL): an age of -3 or a desil of 'x' is never taken as
 * a number, so no indicator or filter counts it inside a range by its value.
 */
import { sqlString } from '../core/sql';
import { jsonNumberSql, jsonObjectSql, jsonTextSql } from '../core/sql-json';
import { trimmedSql } from './duplicates';
import type { NormaliseInput, StageRef } from './normalise';
import type { FieldSpec } from './sources';
import { VALUE_RANGES, invalidReasonSql } from './values';

/** Rows listed by number in a finding; the count covers them all. */
const LISTED_ROWS = 10;

interface Checked {
	spec: FieldSpec;
	header: string;
	reason: string;
}

function checkedFields(stage: StageRef, fields: readonly FieldSpec[]): Checked[] {
	const seen = new Set<string>();
	const out: Checked[] = [];
	for (const spec of fields) {
		const mapped = stage.mapping[spec.field];
		if (!mapped || seen.has(spec.field)) continue;
		const reason = invalidReasonSql(spec, trimmedSql(mapped.column));
		if (reason === null) continue;
		seen.add(spec.field);
		out.push({ spec, header: mapped.header, reason });
	}
	return out;
}

/** One statement per file: its invalid values per column and reason, into the report `target` through `insert`. */
export function invalidValueStatements(input: NormaliseInput, insert: (select: string) => string): string[] {
	// A flat file is one stage under two mappings (the family's columns and the member's).
	const stages: [StageRef, readonly FieldSpec[]][] = [
		[input.household, input.spec.household],
		[input.person, input.spec.person]
	];
	const statements: string[] = [];
	for (const [stage, fields] of stages) {
		const checked = checkedFields(stage, fields);
		if (checked.length === 0) continue;
		// One pass over the stage: each row's reason per checked column, kept only where some column is invalid.
		const reasons = checked.map((c, i) => `${c.reason} AS r${i}, ${trimmedSql(stage.mapping[c.spec.field]?.column ?? '')} AS v${i}`);
		const bad = select(
			checked.map((_, i) => `r${i} IS NOT NULL`),
			`SELECT rowid + 1 AS row, ${reasons.join(', ')} FROM ${stage.table}`
		);
		const parts = checked.map(
			(c, i) =>
				`SELECT ${sqlString(c.header)} AS header, ${sqlString(c.spec.field)} AS field, r${i} AS reason, v${i} AS value, row FROM bad WHERE r${i} IS NOT NULL`
		);
		const ranges = `(VALUES ${Object.entries(VALUE_RANGES)
			.map(([field, [min, max]]) => `(${sqlString(field)}, ${min}, ${max})`)
			.join(', ')}) AS rg(field, min, max)`;
		const params = jsonObjectSql({
			reason: jsonTextSql('g.reason'),
			min: jsonNumberSql('g.min'),
			max: jsonNumberSql('g.max'),
			firstRows: jsonTextSql('g.first_rows')
		});
		statements.push(
			insert(
				`WITH bad AS (${bad}), long AS (${parts.join(' UNION ALL ')}), ` +
					`g AS (SELECT l.header, l.reason, min(l.row) AS first_row, arg_min(l.value, l.row) AS value, count(*) AS n, ` +
					`array_to_string(list(l.row ORDER BY l.row)[1:${LISTED_ROWS}], ', ') AS first_rows, any_value(rg.min) AS min, any_value(rg.max) AS max ` +
					`FROM long AS l LEFT JOIN ${ranges} ON rg.field = l.field GROUP BY l.header, l.reason) ` +
					`SELECT 'warning', 'invalid_value', ${sqlString(stage.file)}, g.first_row, g.header, g.value, g.n, NULL, NULL, ${params} ` +
					`FROM g ORDER BY g.first_row, g.header`
			)
		);
	}
	return statements;
}

function select(where: string[], from: string): string {
	return `SELECT * FROM (${from}) WHERE ${where.join(' OR ')}`;
}
