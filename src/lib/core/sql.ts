/**
 * Small typed helpers for building SQL text safely. Values from files or users never go in raw.
 *
 * The builders lay statements out the way a person would write them: one CTE a line, one clause a
 * line, and a long line broken at its commas and AND/OR, so a DuckDB error ("LINE 12: …") points at
 * the part that failed. Every statement the app runs is built with them (tests/unit/sql-statements.test.ts).
 */

export function sqlString(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}

export function sqlIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

export function sqlList(values: readonly string[]): string {
	return values.map(sqlString).join(', ');
}

const INDENT = '  ';
/** Lines are broken past this width; a short query stays on one line up to COMPACT characters. */
const WIDTH = 120;
const COMPACT = 100;

/** A part a builder leaves out: a condition, join or CTE that does not apply. */
type Optional<T> = T | null | undefined | false;

function present<T>(items: readonly Optional<T>[]): T[] {
	return items.filter((item): item is T => item !== null && item !== undefined && item !== false);
}

function indent(text: string): string {
	return text
		.split('\n')
		.map((line) => INDENT + line)
		.join('\n');
}

/** `(subquery)`: on the same line when it is one line, else as an indented block. */
export function parens(sql: string): string {
	return sql.includes('\n') ? `(\n${indent(sql)}\n)` : `(${sql})`;
}

/** A common table expression: its name and its query. */
export type Cte = readonly [name: string, query: string];

/** `WITH a AS (…), b AS (…) body`, one CTE a line; CTEs given as null or false are left out. */
export function withCtes(ctes: readonly Optional<Cte>[], body: string): string {
	const defined = present(ctes);
	if (defined.length === 0) return body;
	const lines = defined.map(([name, query], i) => `${name} AS ${parens(query)}${i < defined.length - 1 ? ',' : ''}`);
	return wrapLines(['WITH', ...lines.map(indent), body].join('\n'));
}

/**
 * A SELECT, clause by clause. Conditions of `where` are joined with AND, so one holding a top-level OR
 * must come parenthesised (`or()` does); omitted parts are left out.
 */
export interface SelectQuery {
	select: readonly string[];
	from?: string;
	joins?: readonly Optional<string>[];
	where?: readonly Optional<string>[];
	groupBy?: readonly string[];
	qualify?: string;
	orderBy?: readonly string[];
	limit?: number;
	offset?: number;
}

export function select(q: SelectQuery): string {
	const where = present(q.where ?? []);
	const columns = `SELECT ${q.select.join(', ')}`;
	const clauses = present([
		// A long column list gets a line per column.
		columns.length <= WIDTH ? columns : ['SELECT', ...q.select.map((c, i) => INDENT + c + (i < q.select.length - 1 ? ',' : ''))].join('\n'),
		q.from !== undefined && `FROM ${q.from}`,
		...present(q.joins ?? []),
		where.length > 0 && `WHERE ${where.join(' AND ')}`,
		q.groupBy && q.groupBy.length > 0 && `GROUP BY ${q.groupBy.join(', ')}`,
		q.qualify && `QUALIFY ${q.qualify}`,
		q.orderBy && q.orderBy.length > 0 && `ORDER BY ${q.orderBy.join(', ')}`,
		q.limit !== undefined && `LIMIT ${Math.max(0, Math.floor(q.limit))}`,
		q.offset !== undefined && `OFFSET ${Math.max(0, Math.floor(q.offset))}`
	]);
	const oneLine = clauses.join(' ');
	if (!oneLine.includes('\n') && oneLine.length <= COMPACT) return oneLine;
	return wrapLines(clauses.join('\n'));
}

/** `CASE WHEN c THEN v … ELSE e END`, or with a subject: `CASE x WHEN a THEN v … END`. */
export function caseWhen(branches: readonly (readonly [when: string, then: string])[], otherwise?: string, subject?: string): string {
	const head = subject === undefined ? 'CASE' : `CASE ${subject}`;
	const whens = branches.map(([when, then]) => `WHEN ${when} THEN ${then}`);
	return [head, ...whens, ...(otherwise === undefined ? [] : [`ELSE ${otherwise}`]), 'END'].join(' ');
}

/** Conditions joined with AND (TRUE when there are none); each is parenthesised by its builder. */
export function and(conditions: readonly Optional<string>[]): string {
	const defined = present(conditions);
	return defined.length === 0 ? 'TRUE' : defined.join(' AND ');
}

/** `(a OR b)`, or the one condition, or FALSE when there are none. */
export function or(conditions: readonly Optional<string>[]): string {
	const defined = present(conditions);
	if (defined.length === 0) return 'FALSE';
	return defined.length === 1 ? (defined[0] as string) : `(${defined.join(' OR ')})`;
}

// ---- Line breaking -----------------------------------------------------------------------------

interface Break {
	/** Index of the space that becomes a line break. */
	at: number;
	/** Parenthesis depth there, relative to the line's start. */
	depth: number;
}

/** Places a line may break outside quotes: after a comma, before AND, OR, WHEN, ELSE, + and ||. */
function breaksOf(line: string): Break[] {
	const breaks: Break[] = [];
	let depth = 0;
	let quote: string | null = null;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quote) {
			if (c === quote) quote = null;
		} else if (c === "'" || c === '"') quote = c;
		else if (c === '(') depth++;
		else if (c === ')') depth--;
		else if (c === ' ' && i > 0) {
			const keyword = /^ (AND|OR|WHEN|ELSE|\+|\|\|) /.test(line.slice(i, i + 6));
			// The AND of `BETWEEN a AND b` stays with its range.
			const range = keyword && /BETWEEN \S+$/.test(line.slice(Math.max(0, i - 40), i));
			if (line[i - 1] === ',' || (keyword && !range)) breaks.push({ at: i, depth });
		}
	}
	return breaks;
}

/**
 * A line longer than WIDTH broken at its outermost break points, continuation lines indented by their
 * depth, and the pieces packed back together while they fit. Only a space outside quotes becomes a
 * line break, so the statement means the same. Each round removes break points, so it ends.
 */
function wrapLine(line: string): string[] {
	if (line.length <= WIDTH) return [line];
	const lead = /^ */.exec(line)?.[0] ?? '';
	const body = line.slice(lead.length);
	const breaks = breaksOf(body);
	if (breaks.length === 0) return [line];
	const depth = Math.min(...breaks.map((b) => b.depth));
	const cuts = breaks.filter((b) => b.depth === depth).map((b) => b.at);
	const pieces = [0, ...cuts].map((start, i) => body.slice(start === 0 ? 0 : start + 1, cuts[i] ?? body.length));
	const continued = lead + INDENT.repeat(Math.max(1, depth + 1));
	const lines: string[] = [];
	let current = lead + (pieces[0] ?? '');
	for (const piece of pieces.slice(1)) {
		if (current.length + 1 + piece.length <= WIDTH) current += ` ${piece}`;
		else {
			lines.push(current);
			current = continued + piece;
		}
	}
	lines.push(current);
	return lines.flatMap(wrapLine);
}

/** Every line of `sql` no longer than WIDTH where it can be broken. */
export function wrapLines(sql: string): string {
	return sql.split('\n').flatMap(wrapLine).join('\n');
}
