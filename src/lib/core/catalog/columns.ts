/**
 * The columns of every DuckDB table Tepat builds, with their SQL types. Tables and their lifecycle
 * are in ./index.ts; only there is a column list turned into `CREATE TABLE`.
 */

export type SqlType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

export interface ColumnDef {
	readonly name: string;
	readonly type: SqlType;
	readonly doc: string;
	/** Declared NOT NULL (lookup tables only: a NULL there would be a bug in the code table). */
	readonly notNull?: boolean;
}

export const VILLAGE_COLUMNS: readonly ColumnDef[] = [
	{ name: 'kode', type: 'VARCHAR', doc: 'Kemendagri code, dotted: 64.02.06.1001' },
	{ name: 'nama', type: 'VARCHAR', doc: 'village name' },
	{ name: 'jenis', type: 'VARCHAR', doc: "'desa' or 'kelurahan'" },
	{ name: 'kecamatan_kode', type: 'VARCHAR', doc: 'dotted: 64.02.06' },
	{ name: 'kecamatan_nama', type: 'VARCHAR', doc: 'kecamatan name' },
	{ name: 'zona', type: 'VARCHAR', doc: "planning zone: Kukar's 'hulu', 'tengah' or 'pesisir'; elsewhere 'umum'" }
];

/** One row: the register's regency and how it was decided (ingest/regency.ts). */
export const REGION_COLUMNS: readonly ColumnDef[] = [
	{ name: 'kode', type: 'VARCHAR', doc: "Kemendagri code: '64.03'" },
	{ name: 'nama', type: 'VARCHAR', doc: "'Kabupaten Berau'" },
	{ name: 'basis', type: 'VARCHAR', doc: "'detected', 'chosen', 'kept' (codes name no regency) or 'fixed' (reference given)" },
	{ name: 'households', type: 'BIGINT', doc: 'households whose village codes name this regency' },
	{ name: 'voting', type: 'BIGINT', doc: 'households whose village codes name any regency' }
];

export const KECAMATAN_COLUMNS: readonly ColumnDef[] = [
	{ name: 'kode', type: 'VARCHAR', doc: 'dotted: 64.02.06' },
	{ name: 'nama', type: 'VARCHAR', doc: 'kecamatan name' },
	{ name: 'zona', type: 'VARCHAR', doc: "'hulu', 'tengah' or 'pesisir'" }
];

export const HOUSEHOLD_COLUMNS: readonly ColumnDef[] = [
	{ name: 'household_id', type: 'VARCHAR', doc: 'DTSEN: KK number; BDT: IDBDT' },
	{ name: 'source', type: 'VARCHAR', doc: "'dtsen' or 'bdt'" },
	{ name: 'kk', type: 'VARCHAR', doc: 'KK number (BDT: the head’s NoKK)' },
	{ name: 'village_kode', type: 'VARCHAR', doc: 'dotted Kemendagri code; may be outside the reference' },
	{ name: 'alamat', type: 'VARCHAR', doc: 'address' },
	{ name: 'head_name', type: 'VARCHAR', doc: 'name of the family/household head' },
	{ name: 'desil', type: 'INTEGER', doc: 'national desil 1–10; NULL for BDT' },
	{ name: 'tenure', type: 'VARCHAR', doc: 'TENURE' },
	{ name: 'land_own', type: 'VARCHAR', doc: 'LAND_OWN' },
	{ name: 'floor', type: 'VARCHAR', doc: 'FLOOR' },
	{ name: 'wall', type: 'VARCHAR', doc: 'WALL' },
	{ name: 'wall_condition', type: 'VARCHAR', doc: 'CONDITION; NULL in DTSEN' },
	{ name: 'roof', type: 'VARCHAR', doc: 'ROOF' },
	{ name: 'roof_condition', type: 'VARCHAR', doc: 'CONDITION; NULL in DTSEN' },
	{ name: 'floor_area', type: 'DOUBLE', doc: 'm²' },
	{ name: 'members', type: 'INTEGER', doc: 'number of person rows of this household' },
	{ name: 'members_declared', type: 'INTEGER', doc: 'member count as written in the source' },
	{ name: 'water', type: 'VARCHAR', doc: 'WATER' },
	{ name: 'lighting', type: 'VARCHAR', doc: 'LIGHTING' },
	{ name: 'fuel', type: 'VARCHAR', doc: 'FUEL' },
	{ name: 'toilet', type: 'VARCHAR', doc: 'TOILET' },
	{ name: 'closet', type: 'VARCHAR', doc: 'CLOSET' },
	{ name: 'disposal', type: 'VARCHAR', doc: 'DISPOSAL' },
	{ name: 'verval_status', type: 'VARCHAR', doc: 'VERVAL' },
	{ name: 'source_file', type: 'VARCHAR', doc: 'file the household row came from' },
	{ name: 'source_row', type: 'BIGINT', doc: '1-based data row (record) in source_file, header not counted' }
];

export const PERSON_COLUMNS: readonly ColumnDef[] = [
	{ name: 'person_id', type: 'VARCHAR', doc: 'BDT: IDARTBDT; DTSEN: NIK when unique, else KK:row' },
	{ name: 'household_id', type: 'VARCHAR', doc: 'household.household_id' },
	{ name: 'nik', type: 'VARCHAR', doc: 'NIK as text' },
	{ name: 'kk', type: 'VARCHAR', doc: 'KK number as text' },
	{ name: 'name', type: 'VARCHAR', doc: 'name' },
	{ name: 'sex', type: 'VARCHAR', doc: "'M' or 'F'" },
	{ name: 'birth_date', type: 'DATE', doc: 'birth date' },
	{ name: 'age', type: 'INTEGER', doc: 'age in years as in the source, else from birth_date' },
	{ name: 'relation', type: 'VARCHAR', doc: 'RELATION' },
	{ name: 'school_participation', type: 'VARCHAR', doc: 'SCHOOL_PARTICIPATION' },
	{ name: 'level', type: 'VARCHAR', doc: 'LEVEL: highest level attended' },
	{ name: 'class', type: 'INTEGER', doc: 'highest class 1–7, 8 = completed' },
	{ name: 'certificate', type: 'VARCHAR', doc: 'CERTIFICATE' },
	{ name: 'disability', type: 'BOOLEAN', doc: 'BDT: Jenis_cacat ≠ 0; DTSEN: any domain "cannot" or "a lot"' },
	{ name: 'verval_status', type: 'VARCHAR', doc: 'VERVAL' },
	{ name: 'source_file', type: 'VARCHAR', doc: 'file the person row came from' },
	{ name: 'source_row', type: 'BIGINT', doc: '1-based data row (record) in source_file' }
];

/** Unknown source values per column, written by every load (issue 4's report reads it). */
export const UNKNOWN_CODE_COLUMNS: readonly ColumnDef[] = [
	{ name: 'table_name', type: 'VARCHAR', doc: "'household' or 'person'" },
	{ name: 'field', type: 'VARCHAR', doc: 'canonical column' },
	{ name: 'source_file', type: 'VARCHAR', doc: 'file' },
	{ name: 'source_column', type: 'VARCHAR', doc: 'column header in the file' },
	{ name: 'raw_value', type: 'VARCHAR', doc: 'the value as written' },
	{ name: 'rows', type: 'BIGINT', doc: 'how many rows carry it' },
	{ name: 'first_row', type: 'BIGINT', doc: 'first data row carrying it' }
];

/**
 * Which canonical columns the loaded register really has (written by every load): a column no file
 * column feeds holds only NULLs, and a filter or requirement on it does not apply (core/capabilities.ts).
 */
export const REGISTER_FIELD_COLUMNS: readonly ColumnDef[] = [
	{ name: 'table_name', type: 'VARCHAR', doc: "'household' or 'person'" },
	{ name: 'field', type: 'VARCHAR', doc: 'canonical column' },
	{ name: 'present', type: 'BOOLEAN', doc: 'a column of the register feeds it' },
	{ name: 'source_columns', type: 'VARCHAR', doc: "the file's headers feeding it, ', '-joined; NULL when absent" },
	{ name: 'missing', type: 'BIGINT', doc: 'rows without a value in it (present columns); NULL when absent' }
];

/** One finding of the load. */
export const REPORT_COLUMNS: readonly ColumnDef[] = [
	{ name: 'severity', type: 'VARCHAR', doc: "'rejected' (row not loaded), 'error', 'warning', 'info'" },
	{ name: 'code', type: 'VARCHAR', doc: 'reason code, e.g. orphan_member, nik_scientific, unknown_code' },
	{ name: 'source_file', type: 'VARCHAR', doc: 'file' },
	{ name: 'source_row', type: 'BIGINT', doc: '1-based data row (aggregates: first row); NULL for a whole column' },
	{ name: 'source_column', type: 'VARCHAR', doc: 'column header as written in the file' },
	{ name: 'value', type: 'VARCHAR', doc: 'the value as written (NULL when empty)' },
	{ name: 'rows', type: 'BIGINT', doc: 'rows this finding covers (1 for a row-level finding)' },
	{ name: 'household_id', type: 'VARCHAR', doc: 'household the row belongs to, when loaded' },
	{ name: 'person_id', type: 'VARCHAR', doc: 'person the row is, when loaded' },
	{ name: 'params', type: 'VARCHAR', doc: "the finding's parameters as JSON text, worded at the edge (ingest/report-params.ts)" }
];

/** One file of the load. */
export const REPORT_FILE_COLUMNS: readonly ColumnDef[] = [
	{ name: 'source_file', type: 'VARCHAR', doc: 'file' },
	{ name: 'source', type: 'VARCHAR', doc: "'dtsen', 'bdt' or 'p3ke'" },
	{ name: 'role', type: 'VARCHAR', doc: "'flat', 'household' or 'person'" },
	{ name: 'format', type: 'VARCHAR', doc: "'csv', 'xlsx' or 'parquet'" },
	{ name: 'encoding', type: 'VARCHAR', doc: 'CSV text encoding; NULL otherwise' },
	{ name: 'sheet', type: 'VARCHAR', doc: 'XLSX worksheet; NULL otherwise' },
	{ name: 'header_row', type: 'BIGINT', doc: 'XLSX: sheet row of the header (data row N is sheet row header_row + N); NULL otherwise' },
	{ name: 'rows_read', type: 'BIGINT', doc: 'data rows read' }
];

/** Village-name cases a load did not resolve (ingest/villages.ts). */
export const VILLAGE_NAME_COLUMNS: readonly ColumnDef[] = [
	{ name: 'source_file', type: 'VARCHAR', doc: 'file' },
	{ name: 'kecamatan', type: 'VARCHAR', doc: 'kecamatan as written (code or name)' },
	{ name: 'village_name', type: 'VARCHAR', doc: 'village name as written' },
	{ name: 'reason', type: 'VARCHAR', doc: "'ambiguous', 'not_found' or 'no_kecamatan'" },
	{ name: 'candidates', type: 'VARCHAR', doc: "the reference codes it fits, ', '-joined (ambiguous only)" },
	{ name: 'households', type: 'BIGINT', doc: 'households carrying it' },
	{ name: 'first_row', type: 'BIGINT', doc: 'first data row carrying it' }
];

/** One row per candidate unit of every enabled programme, excluded ones too (core/programs/allocate.ts). */
export const ALLOCATION_TABLE_COLUMNS: readonly ColumnDef[] = [
	{ name: 'programme', type: 'VARCHAR', doc: 'programme id' },
	{ name: 'unit_id', type: 'VARCHAR', doc: 'household_id for household programmes, person_id for PIP and Paket' },
	{ name: 'household_id', type: 'VARCHAR', doc: 'household.household_id' },
	{ name: 'village_kode', type: 'VARCHAR', doc: 'dotted Kemendagri code' },
	{ name: 'cost', type: 'BIGINT', doc: 'whole Rupiah' },
	{ name: 'rule', type: 'VARCHAR', doc: 'why the unit is eligible' },
	{ name: 'rank', type: 'INTEGER', doc: 'place in the priority queue; NULL when excluded' },
	{
		name: 'village_rank',
		type: 'INTEGER',
		doc: 'place among its village under a village cap or quota; NULL without them and when excluded'
	},
	{ name: 'cumulative_cost', type: 'BIGINT', doc: 'running sum of cost in rank order; NULL when not queued' },
	{ name: 'funding_line', type: 'VARCHAR', doc: 'funding line drawn; NULL when unfunded' },
	{ name: 'status', type: 'VARCHAR', doc: "'funded', 'unfunded', 'over_cap' or 'excluded'" },
	{ name: 'override_reason', type: 'VARCHAR', doc: 'reason of a plan override naming the unit' }
];

/** The plan's overrides, written before each allocation (lists belong in tables, not in SQL text). */
export const OVERRIDE_COLUMNS: readonly ColumnDef[] = [
	{ name: 'programme', type: 'VARCHAR', doc: 'programme id' },
	{ name: 'unit_id', type: 'VARCHAR', doc: 'unit the override names' },
	{ name: 'action', type: 'VARCHAR', doc: "'include' or 'exclude'" },
	{ name: 'reason', type: 'VARCHAR', doc: 'why' }
];

/** The plan's population households with what every programme's candidates read (core/programs). */
export const PLAN_HOUSEHOLD_COLUMNS: readonly ColumnDef[] = [
	{ name: 'household_id', type: 'VARCHAR', doc: 'household.household_id' },
	{ name: 'village_kode', type: 'VARCHAR', doc: 'household.village_kode (a reference village)' },
	{ name: 'zona', type: 'VARCHAR', doc: "the village's zone under the plan" },
	{ name: 'desil', type: 'INTEGER', doc: 'household.desil (priority key)' },
	{ name: 'members', type: 'INTEGER', doc: 'household.members (priority key)' },
	{ name: 'vulnerability', type: 'INTEGER', doc: 'priority key: children, elderly, disability, female head (0–4)' },
	{ name: 'deprivations', type: 'INTEGER', doc: 'priority key: unfit house, unsafe water, out-of-school child, Paket candidate (0–4)' }
];

/**
 * The plan's population people (of PLAN_HOUSEHOLD_TABLE's households) with what the plan households'
 * keys and the PIP and Paket candidates read: each person's conditions are evaluated once, here.
 */
export const PLAN_PERSON_COLUMNS: readonly ColumnDef[] = [
	{ name: 'person_id', type: 'VARCHAR', doc: 'person.person_id' },
	{ name: 'household_id', type: 'VARCHAR', doc: 'person.household_id' },
	{ name: 'child', type: 'BOOLEAN', doc: 'under 18 (vulnerability)' },
	{ name: 'elderly', type: 'BOOLEAN', doc: '60 or older (vulnerability)' },
	{ name: 'disability', type: 'BOOLEAN', doc: 'person.disability, FALSE when unknown (vulnerability)' },
	{ name: 'female_head', type: 'BOOLEAN', doc: 'a woman heading the household (vulnerability)' },
	{ name: 'ats', type: 'BOOLEAN', doc: 'out of school at school age (indicator ats)' },
	{ name: 'school_age', type: 'BOOLEAN', doc: "of school age (indicator ats's denominator)" },
	{ name: 'school_participation', type: 'VARCHAR', doc: 'person.school_participation' },
	{ name: 'class', type: 'INTEGER', doc: 'person.class' },
	{ name: 'stage', type: 'VARCHAR', doc: "PIP stage: 'sd', 'smp' or 'sma' by the level attended, else by age" },
	{ name: 'paket', type: 'VARCHAR', doc: "the Paket package the person is a candidate for: 'a', 'b', 'c' or NULL" }
];

/** The population's people counted by village and the columns the person indicators read. */
export const INDICATOR_PEOPLE_COLUMNS: readonly ColumnDef[] = [
	{ name: 'village_kode', type: 'VARCHAR', doc: 'household.village_kode of the person' },
	{ name: 'age', type: 'INTEGER', doc: 'person.age' },
	{ name: 'school_participation', type: 'VARCHAR', doc: 'person.school_participation' },
	{ name: 'certificate', type: 'VARCHAR', doc: 'person.certificate' },
	{ name: 'people', type: 'BIGINT', doc: 'people of the population with these values' }
];

/** A source's code table as rows (core/codes): the canonical value of a field's source code or label. */
export const CODE_LOOKUP_COLUMNS: readonly ColumnDef[] = [
	{ name: 'field', type: 'VARCHAR', doc: 'coded field', notNull: true },
	{ name: 'key', type: 'VARCHAR', doc: 'source code or label, normalised', notNull: true },
	{ name: 'value', type: 'VARCHAR', doc: 'canonical value', notNull: true }
];

/** One written value of a code field of a load's register, counted (ingest/code-values.ts). */
export const CODE_VALUE_COLUMNS: readonly ColumnDef[] = [
	{ name: 'side', type: 'VARCHAR', doc: "'household' or 'person'", notNull: true },
	{ name: 'field', type: 'VARCHAR', doc: 'the field the column is mapped to', notNull: true },
	{ name: 'raw', type: 'VARCHAR', doc: 'the value as staged (trimmed)', notNull: true },
	{ name: 'n', type: 'BIGINT', doc: 'rows with the value', notNull: true },
	{ name: 'first_row', type: 'BIGINT', doc: 'the first data row with the value', notNull: true },
	{ name: 'value', type: 'VARCHAR', doc: 'its canonical code; NULL when the code table does not know it' }
];

/** One row of a verval result file as read (issue 13): who, what was found, when, by whom. */
export const VERVAL_RESULT_COLUMNS: readonly ColumnDef[] = [
	{ name: 'round', type: 'INTEGER', doc: 'the verval round the file belongs to, 1 = first' },
	{ name: 'source_file', type: 'VARCHAR', doc: 'result file' },
	{ name: 'source_row', type: 'BIGINT', doc: '1-based data row in source_file' },
	{ name: 'nik', type: 'VARCHAR', doc: 'NIK as written (digits only), NULL when empty' },
	{ name: 'record_id', type: 'VARCHAR', doc: "the register's person id (IDARTBDT …), NULL when empty" },
	{ name: 'outcome', type: 'VARCHAR', doc: 'core/verval/outcomes.ts OUTCOMES; NULL when the answer was not recognised' },
	{ name: 'answer', type: 'VARCHAR', doc: 'the status answer as written' },
	{ name: 'visit_date', type: 'DATE', doc: 'date of the visit (or the form timestamp)' },
	{ name: 'officer', type: 'VARCHAR', doc: 'who checked' },
	{ name: 'notes', type: 'VARCHAR', doc: 'free text' },
	{ name: 'village', type: 'VARCHAR', doc: 'village as written (code or name)' },
	{ name: 'name', type: 'VARCHAR', doc: 'name as written (new members; a check against the register)' }
];

/** A user's decision on a conflict: one outcome for a person in one round, with the reason. */
export const VERVAL_DECISION_COLUMNS: readonly ColumnDef[] = [
	{ name: 'person_id', type: 'VARCHAR', doc: 'person.person_id' },
	{ name: 'round', type: 'INTEGER', doc: 'the round whose conflict it settles' },
	{ name: 'outcome', type: 'VARCHAR', doc: 'OUTCOMES' },
	{ name: 'reason', type: 'VARCHAR', doc: 'why (required)' },
	{ name: 'decided_on', type: 'DATE', doc: 'date of the decision' }
];

/** The resolved verval status of each register person (derived from register + results + decisions). */
export const VERVAL_PERSON_COLUMNS: readonly ColumnDef[] = [
	{ name: 'person_id', type: 'VARCHAR', doc: 'person.person_id' },
	{ name: 'household_id', type: 'VARCHAR', doc: 'household.household_id' },
	{ name: 'outcome', type: 'VARCHAR', doc: 'OUTCOMES; NULL when unchecked or in conflict' },
	{ name: 'round', type: 'INTEGER', doc: 'the round the outcome comes from; NULL when unchecked' },
	{ name: 'basis', type: 'VARCHAR', doc: "'result', 'decision', 'conflict' or 'unchecked'" },
	{ name: 'visit_date', type: 'DATE', doc: 'latest visit of that round' }
];

/** The resolved verval status of each register household. */
export const VERVAL_HOUSEHOLD_COLUMNS: readonly ColumnDef[] = [
	{ name: 'household_id', type: 'VARCHAR', doc: 'household.household_id' },
	{
		name: 'status',
		type: 'VARCHAR',
		doc: "'verified' (someone found), 'left' (every member left), 'remove_proposed' (well-off), 'conflict', 'unchecked'"
	},
	{
		name: 'outcome',
		type: 'VARCHAR',
		doc: "the register status it stands for: 'found', 'well_off' or a leaving outcome; NULL when unchecked or in conflict"
	},
	{ name: 'checked', type: 'INTEGER', doc: 'members with a resolved outcome' },
	{ name: 'left', type: 'INTEGER', doc: 'members who left the verified set' },
	{ name: 'conflicts', type: 'INTEGER', doc: 'members in conflict' }
];
