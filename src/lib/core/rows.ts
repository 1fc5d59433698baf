/**
 * Arrow table → plain typed rows, for the small results the UI and CLI render. The caller states the
 * columns and their kinds; values are checked and converted (BIGINT → number, DATE → 'YYYY-MM-DD').
 */
import type { Table } from 'apache-arrow';

export type ColumnKind = 'number' | 'string' | 'boolean' | 'date';
export type NullableKind = `${ColumnKind}?`;
export type RowSpec = Readonly<Record<string, ColumnKind | NullableKind>>;

type BaseOf<K> = K extends 'number' | 'number?' ? number : K extends 'boolean' | 'boolean?' ? boolean : string;

export type RowOf<S extends RowSpec> = {
	-readonly [C in keyof S]: S[C] extends NullableKind ? BaseOf<S[C]> | null : BaseOf<S[C]>;
};

function isoDate(value: unknown): string {
	const date = value instanceof Date ? value : new Date(Number(value));
	return date.toISOString().slice(0, 10);
}

function convert(value: unknown, kind: ColumnKind, column: string): number | string | boolean {
	switch (kind) {
		case 'number':
			if (typeof value === 'number') return value;
			if (typeof value === 'bigint') return Number(value);
			break;
		case 'string':
			if (typeof value === 'string') return value;
			break;
		case 'boolean':
			if (typeof value === 'boolean') return value;
			break;
		case 'date':
			if (value instanceof Date || typeof value === 'number' || typeof value === 'bigint') return isoDate(value);
			if (typeof value === 'string') return value;
			break;
	}
	throw new TypeError(`column ${column}: expected ${kind}, got ${typeof value}`);
}

/** Rows of `table` as plain objects with exactly the columns of `spec`. */
export function rowsOf<S extends RowSpec>(table: Table, spec: S): RowOf<S>[] {
	const columns = Object.entries(spec).map(([name, kind]) => {
		const vector = table.getChild(name);
		if (!vector) throw new TypeError(`result has no column ${name}`);
		const nullable = kind.endsWith('?');
		return { name, vector, nullable, base: kind.replace('?', '') as ColumnKind };
	});
	const rows: RowOf<S>[] = [];
	for (let i = 0; i < table.numRows; i++) {
		const row: Record<string, unknown> = {};
		for (const { name, vector, nullable, base } of columns) {
			const value: unknown = vector.get(i);
			if (value === null || value === undefined) {
				if (!nullable) throw new TypeError(`column ${name}: unexpected NULL in row ${i}`);
				row[name] = null;
			} else row[name] = convert(value, base, name);
		}
		rows.push(row as RowOf<S>);
	}
	return rows;
}

/** The single value of a one-row, one-column result, as a number (0 if empty or NULL). */
export function scalarNumber(table: Table): number {
	const vector = table.getChildAt(0);
	const value: unknown = vector && table.numRows > 0 ? vector.get(0) : null;
	if (value === null || value === undefined) return 0;
	return typeof value === 'bigint' ? Number(value) : Number(value);
}
