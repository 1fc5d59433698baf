/**
 * Every DuckDB table Tepat builds, with its columns and lifecycle. The lists other code needs (what a
 * load swaps in, what is kept with the register) and every `CREATE TABLE` are derived from here, and a
 * unit test checks each table a load or an allocation builds against it with `DESCRIBE`.
 *
 * Lifecycles:
 * - register: built by a load under `<name>_next` and swapped in only when the whole load succeeded;
 * - persisted: a register table that is also kept with the register (the browser's stored copy, the
 *   prebuilt sample), so it is there again after a reload;
 * - derived: computed from the register and a plan (the allocation), rebuilt whenever either changes;
 * - fieldwork: what the field teams and the user add to a register (verval results, decisions): kept
 *   across reloads on its own, never replaced by a register load;
 * - scratch: per-load staging, named with the load's id and always dropped at its end.
 */
import {
	ALLOCATION_TABLE_COLUMNS,
	CODE_LOOKUP_COLUMNS,
	CODE_VALUE_COLUMNS,
	HOUSEHOLD_COLUMNS,
	KECAMATAN_COLUMNS,
	OVERRIDE_COLUMNS,
	PERSON_COLUMNS,
	PLAN_HOUSEHOLD_COLUMNS,
	PLAN_PERSON_COLUMNS,
	INDICATOR_PEOPLE_COLUMNS,
	REGION_COLUMNS,
	REGISTER_FIELD_COLUMNS,
	REPORT_COLUMNS,
	REPORT_FILE_COLUMNS,
	UNKNOWN_CODE_COLUMNS,
	VERVAL_DECISION_COLUMNS,
	VERVAL_HOUSEHOLD_COLUMNS,
	VERVAL_PERSON_COLUMNS,
	VERVAL_RESULT_COLUMNS,
	VILLAGE_COLUMNS,
	VILLAGE_NAME_COLUMNS,
	type ColumnDef
} from './columns';

export * from './columns';

export type Lifecycle = 'register' | 'persisted' | 'fieldwork' | 'derived' | 'scratch';

export interface TableDef {
	readonly lifecycle: Lifecycle;
	/** null: the columns are the source file's own (staging), known only during the load. */
	readonly columns: readonly ColumnDef[] | null;
	readonly doc: string;
}

/** In the order a register is stored and restored (the persisted ones) and swapped in. */
export const CATALOG = {
	household: { lifecycle: 'persisted', columns: HOUSEHOLD_COLUMNS, doc: 'one row per family or household' },
	person: { lifecycle: 'persisted', columns: PERSON_COLUMNS, doc: 'one row per person' },
	// The register's regency and its villages travel with it: a reload shows the same regency.
	village: { lifecycle: 'persisted', columns: VILLAGE_COLUMNS, doc: "the regency's villages (its reference)" },
	kecamatan: { lifecycle: 'persisted', columns: KECAMATAN_COLUMNS, doc: "the regency's kecamatan" },
	register_region: { lifecycle: 'persisted', columns: REGION_COLUMNS, doc: "the register's regency, one row" },
	ingest_unknown_code: { lifecycle: 'persisted', columns: UNKNOWN_CODE_COLUMNS, doc: 'source values no code table knows' },
	register_field: { lifecycle: 'persisted', columns: REGISTER_FIELD_COLUMNS, doc: 'which canonical columns the register has' },
	ingest_report: { lifecycle: 'persisted', columns: REPORT_COLUMNS, doc: 'the validation report, one finding a row' },
	ingest_file: { lifecycle: 'persisted', columns: REPORT_FILE_COLUMNS, doc: 'the files of the load' },
	ingest_village_name: { lifecycle: 'register', columns: VILLAGE_NAME_COLUMNS, doc: 'village names not resolved' },
	allocation: { lifecycle: 'derived', columns: ALLOCATION_TABLE_COLUMNS, doc: "the current plan's allocation" },
	allocation_compared: {
		lifecycle: 'derived',
		columns: ALLOCATION_TABLE_COLUMNS,
		doc: 'the allocation of a second plan, compared with the current one'
	},
	plan_override: { lifecycle: 'derived', columns: OVERRIDE_COLUMNS, doc: "the plan's overrides, read by the allocation" },
	plan_household: {
		lifecycle: 'derived',
		columns: PLAN_HOUSEHOLD_COLUMNS,
		doc: "the plan's population households with zone and priority keys, read by the allocation"
	},
	plan_person: {
		lifecycle: 'derived',
		columns: PLAN_PERSON_COLUMNS,
		doc: "the plan's population people with their conditions, read by the plan households and the person programmes"
	},
	plan_person_compared: {
		lifecycle: 'derived',
		columns: PLAN_PERSON_COLUMNS,
		doc: "the second plan's people, beside the current plan's"
	},
	indicator_people: {
		lifecycle: 'derived',
		columns: INDICATOR_PEOPLE_COLUMNS,
		doc: "the population's people counted by village and person indicator columns, read by the indicators"
	},
	plan_household_compared: {
		lifecycle: 'derived',
		columns: PLAN_HOUSEHOLD_COLUMNS,
		doc: "the second plan's households, so building it leaves the current plan's in place"
	},
	verval_result: { lifecycle: 'fieldwork', columns: VERVAL_RESULT_COLUMNS, doc: 'verval field results, one row per file row' },
	verval_decision: { lifecycle: 'fieldwork', columns: VERVAL_DECISION_COLUMNS, doc: "the user's decisions on conflicts" },
	verval_person: { lifecycle: 'derived', columns: VERVAL_PERSON_COLUMNS, doc: "each person's resolved verval status" },
	verval_household: { lifecycle: 'derived', columns: VERVAL_HOUSEHOLD_COLUMNS, doc: "each household's resolved verval status" },
	tepat_codes: { lifecycle: 'scratch', columns: CODE_LOOKUP_COLUMNS, doc: "the source's code table (temporary)" },
	tepat_code_values: {
		lifecycle: 'scratch',
		columns: CODE_VALUE_COLUMNS,
		doc: "every written value of the register's code fields, counted, with its code: the code CASEs and the unknown codes read it"
	},
	tepat_stage: { lifecycle: 'scratch', columns: null, doc: "a file's rows as VARCHAR columns (a register's: its mapped columns, trimmed)" },
	tepat_raw: { lifecycle: 'scratch', columns: null, doc: 'a Parquet file as read, before staging' },
	tepat_families: { lifecycle: 'scratch', columns: null, doc: 'the staged families placed by the duplicate rules' },
	tepat_people: { lifecycle: 'scratch', columns: null, doc: 'the staged people placed by the duplicate rules' },
	tepat_households: { lifecycle: 'scratch', columns: null, doc: "the staged households' rows, one per family as placed" },
	tepat_csv_findings: { lifecycle: 'scratch', columns: null, doc: "the CSV record scan's findings, one row per damaged or repaired record" }
} as const satisfies Record<string, TableDef>;

export type CatalogTable = keyof typeof CATALOG;
type TablesOf<L extends Lifecycle> = {
	[T in CatalogTable]: (typeof CATALOG)[T]['lifecycle'] extends L ? T : never;
}[CatalogTable];
/** Tables with a fixed column list. */
export type DefinedTable = {
	[T in CatalogTable]: (typeof CATALOG)[T]['columns'] extends null ? never : T;
}[CatalogTable];
export type PersistedTable = TablesOf<'persisted'>;
export type SwappedTable = TablesOf<'register' | 'persisted'>;
export type DerivedTable = TablesOf<'derived'>;
export type FieldworkTable = TablesOf<'fieldwork'>;
export type ScratchTable = TablesOf<'scratch'>;

function tablesOf<L extends Lifecycle>(...lifecycles: L[]): TablesOf<L>[] {
	return (Object.keys(CATALOG) as CatalogTable[]).filter((t): t is TablesOf<L> =>
		(lifecycles as Lifecycle[]).includes(CATALOG[t].lifecycle)
	);
}

/** The tables a load builds under `<name>_next` and swaps in, in one transaction, when it succeeded. */
export const SWAPPED_TABLES: readonly SwappedTable[] = tablesOf('register', 'persisted');
/** The tables kept with a register (stored copy, prebuilt sample), in the order they are stored. */
export const PERSISTED_TABLES: readonly PersistedTable[] = tablesOf('persisted');

/** The tables field teams and users add to a register, kept on their own beside it. */
export const FIELDWORK_TABLES: readonly FieldworkTable[] = tablesOf('fieldwork');

/** The name a load builds a swapped table under. */
export function nextName(table: SwappedTable): string {
	return `${table}_next`;
}

/** Where a rehearsal of a load (ingest's `rehearsal` option) builds a swapped table, never swapped in. */
export function rehearsalName(table: SwappedTable): string {
	return `${table}_rehearsal`;
}

/** The name of one load's scratch table (`tepat_stage_<load>_0`). */
export function scratchName(table: ScratchTable, loadId: string, index?: number): string {
	return index === undefined ? `${table}_${loadId}` : `${table}_${loadId}_${index}`;
}

export function columnsOf(table: DefinedTable): readonly ColumnDef[] {
	return CATALOG[table].columns;
}

export function columnNames(table: DefinedTable): string[] {
	return columnsOf(table).map((c) => c.name);
}

export type CreateMode = 'create' | 'replace' | 'if_not_exists' | 'temp_replace';

const CREATE_HEAD: Record<CreateMode, string> = {
	create: 'CREATE TABLE',
	replace: 'CREATE OR REPLACE TABLE',
	if_not_exists: 'CREATE TABLE IF NOT EXISTS',
	temp_replace: 'CREATE OR REPLACE TEMP TABLE'
};

/** `CREATE TABLE` text for a table of these columns under `name`. */
export function createColumnsTableSql(columns: readonly ColumnDef[], name: string, mode: CreateMode = 'create'): string {
	const list = columns.map((c) => `"${c.name.replaceAll('"', '""')}" ${c.type}${c.notNull ? ' NOT NULL' : ''}`).join(', ');
	return `${CREATE_HEAD[mode]} ${name} (${list})`;
}

/** `CREATE TABLE` text for a catalog table under `name` (e.g. `household_next`). */
export function createTableSql(table: DefinedTable, name: string = table, mode: CreateMode = 'create'): string {
	return createColumnsTableSql(columnsOf(table), name, mode);
}

/**
 * The persisted tables' definitions as one string. A stored or prebuilt copy made under other
 * definitions is not restored: it would hand the screens tables they do not expect.
 */
export function registerSchemaFingerprint(): string {
	return PERSISTED_TABLES.map((t) => createTableSql(t)).join(';');
}

/** The fieldwork tables' definitions as one string (a stored copy under others is not restored). */
export function fieldworkSchemaFingerprint(): string {
	return FIELDWORK_TABLES.map((t) => createTableSql(t)).join(';');
}
