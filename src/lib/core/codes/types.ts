import { createTableSql } from '../catalog';
import { valuesOf, type AnyCodedField, type ValueOf } from '../schema';

/**
 * One row of a code table: the canonical value, the source code numbers that mean it ('' for none)
 * and label texts that mean it. Codes match zero-padded or not ('9' = '09'); labels match in any
 * case, with any run of spaces, and with or without spaces around '/', ',' and '-'
 * ('Sumur Bor / Pompa' = 'sumur bor/pompa').
 */
export type CodeRow<F extends AnyCodedField> = readonly [codes: string | readonly string[], value: ValueOf<F>, ...labels: string[]];

export type CodeRows<F extends AnyCodedField> = readonly CodeRow<F>[];

/** A source's code lists for one questionnaire vintage (BDT 2015, Regsosek 2022 …). */
export interface CodeTable {
	readonly id: string;
	readonly title: string;
	readonly fields: { readonly [F in AnyCodedField]?: CodeRows<F> };
}

/** The lookup key of a source value: what both TypeScript and SQL reduce a value to before matching. */
export function codeKey(raw: string): string {
	const text = raw.trim();
	if (/^[0-9]{1,9}(\.0+)?$/.test(text)) return String(Math.trunc(Number(text)));
	return text
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/ ?([/,-]) ?/g, '$1');
}

/**
 * SQL for the same key as `codeKey`, over an expression that is already trimmed and non-empty.
 * Pure digits (optionally `.0…`) → the integer as text; anything else → lower case, spaces collapsed.
 */
export function codeKeySql(trimmed: string): string {
	return (
		`CASE WHEN regexp_full_match(${trimmed}, '[0-9]{1,9}(\\.0+)?') ` +
		`THEN CAST(CAST(CAST(${trimmed} AS DOUBLE) AS INTEGER) AS VARCHAR) ` +
		`ELSE regexp_replace(regexp_replace(lower(${trimmed}), '\\s+', ' ', 'g'), ' ?([/,-]) ?', '\\1', 'g') END`
	);
}

export interface CodeLookupRow {
	field: AnyCodedField;
	key: string;
	value: string;
}

/** Flattens a code table into (field, key, value) rows; throws if a key maps to two values. */
export function lookupRows(table: CodeTable): CodeLookupRow[] {
	const out: CodeLookupRow[] = [];
	const seen = new Map<string, string>();
	for (const [field, rows] of Object.entries(table.fields) as [AnyCodedField, CodeRows<AnyCodedField>][]) {
		const allowed = new Set(valuesOf(field));
		for (const [codes, value, ...labels] of rows) {
			if (!allowed.has(value)) {
				throw new Error(`${table.id}.${field}: '${value}' is not a canonical value`);
			}
			const keys = [...(typeof codes === 'string' ? [codes] : codes), ...labels].filter((k) => k.trim() !== '').map(codeKey);
			for (const key of new Set(keys)) {
				const id = `${field}\u0000${key}`;
				const previous = seen.get(id);
				if (previous !== undefined && previous !== value) {
					throw new Error(`${table.id}.${field}: '${key}' maps to '${previous}' and '${value}'`);
				}
				if (previous === undefined) out.push({ field, key, value });
				seen.set(id, value);
			}
		}
	}
	return out;
}

/**
 * Statements that create `name` (field, key, value) from a code table, inserting in batches so no
 * statement grows long (duckdb-wasm dislikes SQL text of tens of thousands of characters).
 */
export function codeTableStatements(name: string, table: CodeTable, batch = 80): string[] {
	const rows = lookupRows(table);
	const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
	const statements = [createTableSql('tepat_codes', name, 'temp_replace')];
	for (let i = 0; i < rows.length; i += batch) {
		const values = rows
			.slice(i, i + batch)
			.map((r) => `(${quote(r.field)}, ${quote(r.key)}, ${quote(r.value)})`)
			.join(', ');
		statements.push(`INSERT INTO ${name} VALUES ${values}`);
	}
	return statements;
}
