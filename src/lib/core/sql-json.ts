/**
 * JSON text built in SQL. duckdb-wasm has no JSON extension, so a finding's parameters (the report's
 * `params` column) are written as escaped JSON text by plain string functions and read back by
 * ingest/report-params.ts.
 */
import { sqlString } from './sql';

/** A JSON value as a SQL expression. */
export type JsonSql = { readonly json: string };

/** Text of a SQL expression as a JSON string; NULL becomes null. Backslash first, so later escapes stay single. */
export function jsonTextSql(expr: string): JsonSql {
	// Other control characters are rare enough to be escaped by the reader (report-params.ts).
	const escaped =
		`replace(replace(replace(replace(replace(CAST(${expr} AS VARCHAR), '\\', '\\\\'), '"', '\\"'), ` +
		`chr(10), '\\n'), chr(13), '\\r'), chr(9), '\\t')`;
	return { json: `CASE WHEN ${expr} IS NULL THEN 'null' ELSE concat('"', ${escaped}, '"') END` };
}

/** A SQL number as a JSON number; NULL becomes null. */
export function jsonNumberSql(expr: string): JsonSql {
	return { json: `coalesce(CAST(${expr} AS VARCHAR), 'null')` };
}

/** A value known when the statement is built, as JSON text in the statement. */
export function jsonConstSql(value: unknown): JsonSql {
	return { json: sqlString(JSON.stringify(value ?? null)) };
}

/** A JSON object of the given members, as a SQL expression (an empty object for none). */
export function jsonObjectSql(members: Readonly<Record<string, JsonSql>>): string {
	const parts = Object.entries(members).flatMap(([key, value], i) => [sqlString(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`), value.json]);
	return parts.length === 0 ? `'{}'` : `concat('{', ${parts.join(', ')}, '}')`;
}
