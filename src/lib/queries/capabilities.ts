/** Reads which columns the loaded register has, and the households each setting lets through. */
import type { StatusSource } from '../core/verval/relations';
import type { Engine } from '../engine/types';
import { funnelSql, type Funnel } from '../core/funnel';
import { HOUSING_PROGRAMMES, type Plan } from '../core/plan';
import { HOUSEHOLD_FIELDS, PERSON_FIELDS, REGISTER_FIELD_TABLE, type FieldTable, type RegisterField } from '../core/register-fields';
import { rowsOf, type RowSpec } from '../core/rows';

const FIELD_ROW = {
	table_name: 'string',
	field: 'string',
	present: 'boolean',
	source_columns: 'string?',
	missing: 'number?'
} as const;

const ORDER = [...HOUSEHOLD_FIELDS.map((f) => `household.${f}`), ...PERSON_FIELDS.map((f) => `person.${f}`)];

/** The register's `register_field` rows, household columns first, in the order the core lists them. */
export async function registerFields(engine: Engine): Promise<RegisterField[]> {
	const rows = rowsOf(await engine.query(`SELECT * FROM ${REGISTER_FIELD_TABLE}`), FIELD_ROW);
	const rank = (r: { table_name: string; field: string }) => ORDER.indexOf(`${r.table_name}.${r.field}`);
	return rows
		.sort((a, b) => rank(a) - rank(b))
		.map((r) => ({
			table: r.table_name as FieldTable,
			field: r.field,
			present: r.present,
			sourceColumns: r.source_columns,
			missing: r.missing
		}));
}

const HOUSING_COUNTS = ['need', 'land', 'house', 'candidates'] as const;

const FUNNEL_ROW: RowSpec = {
	households: 'number',
	desil: 'number',
	verval: 'number',
	population: 'number',
	...Object.fromEntries(HOUSING_PROGRAMMES.flatMap((id) => HOUSING_COUNTS.map((k) => [`${id}_${k}`, 'number'])))
};

/** How many households each population filter and housing requirement lets through. */
export async function populationFunnel(engine: Engine, plan: Plan, source: StatusSource = 'register'): Promise<Funnel> {
	const [row] = rowsOf(await engine.query(funnelSql(plan, source)), FUNNEL_ROW);
	if (!row) throw new Error('funnel: no row');
	const n = (column: string): number => Number(row[column]);
	const housing = (id: (typeof HOUSING_PROGRAMMES)[number]) =>
		Object.fromEntries(HOUSING_COUNTS.map((k) => [k, n(`${id}_${k}`)])) as Record<(typeof HOUSING_COUNTS)[number], number>;
	return {
		households: n('households'),
		desil: n('desil'),
		verval: n('verval'),
		population: n('population'),
		housing: { bsps: housing('bsps'), rtlh: housing('rtlh') }
	};
}
