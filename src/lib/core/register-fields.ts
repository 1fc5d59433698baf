/**
 * The canonical columns a register can feed, and whether the loaded one does (the `register_field`
 * table every load writes). A column no file column feeds holds only NULLs; a value missing in a
 * column that exists is NULL too. SQL tells the two apart by reading `register_field`, so a filter or
 * requirement on an absent column does not apply, and the plan's rule decides for missing values.
 */
import type { MissingRule } from './plan';
import type { CatalogTable } from './catalog';
import { select, sqlString } from './sql';

export type FieldTable = 'household' | 'person';

/** Household columns that come from the register's own columns (ids, counts and provenance do not). */
export const HOUSEHOLD_FIELDS = [
	'village_kode',
	'alamat',
	'head_name',
	'desil',
	'members_declared',
	'tenure',
	'land_own',
	'floor',
	'wall',
	'wall_condition',
	'roof',
	'roof_condition',
	'floor_area',
	'water',
	'lighting',
	'fuel',
	'toilet',
	'closet',
	'disposal',
	'verval_status'
] as const;

export const PERSON_FIELDS = [
	'nik',
	'kk',
	'name',
	'sex',
	'birth_date',
	'age',
	'relation',
	'school_participation',
	'level',
	'class',
	'certificate',
	'disability',
	'verval_status'
] as const;

export type HouseholdField = (typeof HOUSEHOLD_FIELDS)[number];
export type PersonField = (typeof PERSON_FIELDS)[number];
export type FieldKey = `household.${HouseholdField}` | `person.${PersonField}`;

/** One row of `register_field`. */
export interface RegisterField {
	table: FieldTable;
	field: string;
	present: boolean;
	/** The file's headers feeding it, ', '-joined; null when absent. */
	sourceColumns: string | null;
	/** Rows without a value in it; null when the column is absent. */
	missing: number | null;
}

export const REGISTER_FIELD_TABLE = 'register_field' satisfies CatalogTable;

export function fieldKey(table: FieldTable, field: string): string {
	return `${table}.${field}`;
}

/** The register's fields by key, for look-ups. */
export function fieldsByKey(fields: readonly RegisterField[]): ReadonlyMap<string, RegisterField> {
	return new Map(fields.map((f) => [fieldKey(f.table, f.field), f]));
}

function splitKey(key: FieldKey): { table: FieldTable; field: string } {
	const [table, field] = key.split('.') as [FieldTable, string];
	return { table, field };
}

/** SQL: the loaded register has this column (one uncorrelated look-up, evaluated once per query). */
export function fieldPresentSql(key: FieldKey): string {
	const { table, field } = splitKey(key);
	const present = select({
		select: ['1'],
		from: REGISTER_FIELD_TABLE,
		where: [`table_name = ${sqlString(table)}`, `field = ${sqlString(field)}`, 'present']
	});
	return `EXISTS (${present})`;
}

/**
 * SQL: a row passes a filter or requirement `test` on `column` (fed by `key`). A NULL passes when the
 * register has no such column (the filter does not apply) or when the plan counts missing values.
 * With 'counted' both cases pass, so the look-up is not needed (and the SQL runs on tables made
 * without `register_field`, as the unit fixtures are).
 */
export function passesSql(column: string, test: string, key: FieldKey, rule: MissingRule): string {
	if (rule === 'counted') return `(${column} IS NULL OR coalesce(${test}, FALSE))`;
	return `(coalesce(${test}, FALSE) OR (${column} IS NULL AND NOT ${fieldPresentSql(key)}))`;
}
