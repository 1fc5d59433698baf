/**
 * The `register_field` rows of a load: for every canonical column a register can feed, whether a file
 * column feeds it (from the resolved column mapping), which headers, and how many rows lack a value.
 */
import { HOUSEHOLD_FIELDS, PERSON_FIELDS, type FieldTable } from '../core/register-fields';
import { sqlIdent, sqlString } from '../core/sql';
import type { ColumnMapping, SourceSpec } from './sources';

/** A canonical column and the mapped source fields that feed it, per side. */
interface Feed {
	table: FieldTable;
	field: string;
	household: readonly string[];
	person: readonly string[];
}

const DIFFICULTY_FIELDS = Array.from({ length: 9 }, (_, i) => `difficulty_${i + 1}`);

/** Where each canonical column comes from (normalise.ts builds them the same way). */
function feeds(spec: SourceSpec): Feed[] {
	const household = HOUSEHOLD_FIELDS.map((field): Feed => ({
		table: 'household',
		field,
		household: field === 'village_kode' ? ['village_desa', 'village_name'] : [field],
		person: []
	}));
	const personFeed = (field: string): Pick<Feed, 'household' | 'person'> => {
		switch (field) {
			case 'age':
				return { household: [], person: ['age', 'birth_date'] };
			case 'disability':
				return { household: [], person: ['disability_type', ...DIFFICULTY_FIELDS] };
			case 'kk':
				return spec.person.some((s) => s.field === 'kk') ? { household: [], person: ['kk'] } : { household: [], person: ['key'] };
			case 'verval_status':
				// A member without a status of their own takes the family's.
				return { household: ['verval_status'], person: ['verval_status'] };
			default:
				return { household: [], person: [field] };
		}
	};
	const person = PERSON_FIELDS.map((field): Feed => ({ table: 'person', field, ...personFeed(field) }));
	return [...household, ...person];
}

export interface RegisterFieldSource {
	table: FieldTable;
	field: string;
	/** The headers feeding it, in order, without repeats (a flat file feeds both sides from one column). */
	headers: string[];
}

/** Each canonical column with the headers that feed it in this load (none: the register lacks it). */
export function registerFieldSources(spec: SourceSpec, household: ColumnMapping, person: ColumnMapping): RegisterFieldSource[] {
	return feeds(spec).map((feed) => {
		const headers = [...feed.person.map((f) => person[f]?.header), ...feed.household.map((f) => household[f]?.header)].filter(
			(h): h is string => h !== undefined
		);
		return { table: feed.table, field: feed.field, headers: [...new Set(headers)] };
	});
}

/** Per present column of one table: how many rows have no value, as (field, missing) rows. */
function missingCounts(table: FieldTable, source: string, fields: readonly string[]): string {
	const counts = fields.map((f) => `(count(*) - count(${sqlIdent(f)}))::BIGINT AS ${sqlIdent(f)}`).join(', ');
	const names = fields.map(sqlIdent).join(', ');
	return `SELECT ${sqlString(table)} AS table_name, field, missing FROM (SELECT ${counts} FROM ${source}) UNPIVOT (missing FOR field IN (${names}))`;
}

/** `INSERT INTO target …` of the register_field rows, counting missing values in the built tables. */
export function registerFieldInsertSql(
	sources: readonly RegisterFieldSource[],
	target: string,
	tables: { household: string; person: string }
): string {
	const values = sources
		.map(
			(s) =>
				`(${sqlString(s.table)}, ${sqlString(s.field)}, ${s.headers.length > 0}, ` +
				`${s.headers.length > 0 ? sqlString(s.headers.join(', ')) : 'NULL'})`
		)
		.join(', ');
	return (
		`INSERT INTO ${target} SELECT f.table_name, f.field, f.present, f.source_columns::VARCHAR, ` +
		`CASE WHEN f.present THEN m.missing END ` +
		`FROM (VALUES ${values}) AS f(table_name, field, present, source_columns) ` +
		`LEFT JOIN (${missingCounts('household', tables.household, HOUSEHOLD_FIELDS)} UNION ALL ` +
		`${missingCounts('person', tables.person, PERSON_FIELDS)}) AS m ` +
		`ON m.table_name = f.table_name AND m.field = f.field`
	);
}
