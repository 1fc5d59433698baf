/**
 * How a register's numbers and dates are read from their text, and which values are out of range: the
 * one definition normalise.ts loads with and value-checks.ts reports from, so that a value the load
 * could not read is always a finding and never a silent zero or a value inside a filter's range.
 *
 * Numbers are written the Indonesian way (`1.234,5`, `2,5`) or the English way (`1,234.5`, `2.5`): with
 * both marks the last one is the decimal mark; a comma alone is the decimal mark. NaN and infinities
 * are not numbers.
 */
import { sqlString } from '../core/sql';
import type { FieldSpec } from './sources';

export const DATE_FORMATS = ['%Y-%m-%d', '%d-%m-%Y', '%d/%m/%Y', '%Y/%m/%d', '%d.%m.%Y', '%Y-%m-%d %H:%M:%S'];

/** The range a field's value must be in, beyond its kind (desil 1–10, an age 0–130 …). */
export const VALUE_RANGES: Readonly<Record<string, readonly [number, number]>> = {
	desil: [1, 10],
	age: [0, 130],
	members_declared: [0, 100],
	floor_area: [0, 100_000]
};

/** A number from text `v` (SQL), NULL when it is not one. */
export function numberSql(v: string): string {
	// Most values have no comma: one cast, no pattern.
	const text =
		`CASE WHEN ${v} LIKE '%.%,%' THEN replace(replace(${v}, '.', ''), ',', '.') ` +
		`WHEN ${v} LIKE '%,%.%' THEN replace(${v}, ',', '') ELSE replace(${v}, ',', '.') END`;
	return `CASE WHEN NOT contains(${v}, ',') THEN TRY_CAST(${v} AS DOUBLE) ELSE TRY_CAST(${text} AS DOUBLE) END`;
}

/** `x` (SQL) when it is a finite number in the field's range, else NULL. */
function inRangeSql(x: string, field: string): string {
	const range = VALUE_RANGES[field];
	const test = range ? `isfinite(${x}) AND ${x} BETWEEN ${range[0]} AND ${range[1]}` : `isfinite(${x})`;
	return `CASE WHEN ${test} THEN ${x} END`;
}

/** The value of a non-code field read from its text `v` (SQL); NULL when the text is not a valid value. */
export function parsedValueSql(spec: FieldSpec, v: string): string {
	switch (spec.kind) {
		case 'int': {
			// A whole number only: a desil of 2.5 or 4,5 is not rounded into a filter's range.
			const x = inRangeSql(numberSql(v), spec.field);
			return `CASE WHEN ${x} = round(${x}) THEN CAST(${x} AS INTEGER) END`;
		}
		case 'double':
			return inRangeSql(numberSql(v), spec.field);
		case 'date':
			return `CAST(try_strptime(${v}, [${DATE_FORMATS.map(sqlString).join(', ')}]) AS DATE)`;
		default:
			return v;
	}
}

/** Why a present text `v` (SQL) is not a valid value of the field: 'not_number', 'out_of_range', 'not_whole', 'not_date', or NULL. */
export function invalidReasonSql(spec: FieldSpec, v: string): string | null {
	// The first test passes the common value (an ISO date, a plain number in range) without the full reading.
	if (spec.kind === 'date') {
		return `CASE WHEN ${v} IS NULL OR TRY_CAST(${v} AS DATE) IS NOT NULL THEN NULL WHEN ${parsedValueSql(spec, v)} IS NULL THEN 'not_date' END`;
	}
	if (spec.kind !== 'int' && spec.kind !== 'double') return null;
	const x = numberSql(v);
	const plain = `TRY_CAST(${v} AS DOUBLE)`;
	const whole = spec.kind === 'int';
	const valid = whole ? `${inRangeSql(plain, spec.field)} = round(${plain})` : `${inRangeSql(plain, spec.field)} IS NOT NULL`;
	return (
		`CASE WHEN ${v} IS NULL OR ${valid} THEN NULL ` +
		`WHEN NOT coalesce(isfinite(${x}), FALSE) THEN 'not_number' ` +
		`WHEN ${inRangeSql(x, spec.field)} IS NULL THEN 'out_of_range' ` +
		(whole ? `WHEN ${x} <> round(${x}) THEN 'not_whole' ` : '') +
		'END'
	);
}
