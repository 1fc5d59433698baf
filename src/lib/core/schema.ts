/**
 * The canonical tables every source is normalised into (../shared/DESIGN.md "Canonical data").
 * Categorical columns hold English snake_case values from the lists below; a value present in the
 * source but not in its code table becomes 'unknown' (and is counted in `ingest_unknown_code`); an
 * empty source value, or a column the source does not have, is NULL.
 */

export type SqlType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

export interface ColumnDef {
	readonly name: string;
	readonly type: SqlType;
	readonly doc: string;
}

export const UNKNOWN = 'unknown' as const;

// ---- Canonical value lists (per column) ------------------------------------------------------

export const TENURE = ['own', 'rent', 'rent_free', 'official', 'other'] as const;
/** BDT b3r1b land status; DTSEN land-ownership proof (1 SHM in a member's name → own, 6 → none). */
export const LAND_OWN = ['own', 'others', 'state', 'other', 'other_proof', 'none'] as const;
export const FLOOR = [
	'marble_granite',
	'ceramic',
	'parquet_vinyl',
	'tile_terrazzo',
	'wood', // DTSEN wood/board
	'wood_good', // BDT 05 good-quality wood
	'wood_poor', // BDT 08 low-quality wood
	'cement_brick',
	'bamboo',
	'earth',
	'other'
] as const;
export const WALL = [
	'masonry',
	'plastered_bamboo',
	'wood',
	'woven_bamboo',
	'log',
	'bamboo',
	'other'
] as const;
export const CONDITION = ['good', 'poor'] as const;
export const ROOF = [
	'concrete',
	'tile', // DTSEN generic tile
	'ceramic_tile',
	'metal_tile',
	'clay_tile',
	'asbestos',
	'zinc',
	'shingle',
	'bamboo',
	'thatch',
	'other'
] as const;
export const WATER = [
	'bottled',
	'refill',
	'tap', // DTSEN tap
	'tap_metered',
	'tap_retail',
	'bore_well',
	'protected_well',
	'unprotected_well',
	'protected_spring',
	'unprotected_spring',
	'surface',
	'rain',
	'other'
] as const;
export const LIGHTING = ['pln', 'pln_metered', 'pln_unmetered', 'non_pln', 'none'] as const;
export const FUEL = [
	'none',
	'electricity',
	'lpg_large', // BDT gas > 3 kg
	'lpg_5_5kg',
	'lpg_12kg',
	'lpg_3kg',
	'town_gas',
	'biogas',
	'town_gas_biogas',
	'kerosene',
	'briquette',
	'charcoal',
	'firewood',
	'other'
] as const;
export const TOILET = ['own', 'shared', 'communal', 'public', 'unused', 'none'] as const;
export const CLOSET = [
	'goose_neck',
	'plengsengan',
	'plengsengan_lid',
	'plengsengan_no_lid',
	'pit',
	'none'
] as const;
export const DISPOSAL = [
	'septic_tank',
	'ipal',
	'spal',
	'hole',
	'water_body',
	'open_ground',
	'other'
] as const;
export const VERVAL = ['found', 'not_found', 'deceased', 'moved', 'well_off', 'unverified'] as const;

export const SEX = ['M', 'F'] as const;
export const RELATION = [
	'head',
	'spouse',
	'child',
	'child_in_law',
	'grandchild',
	'parent',
	'servant',
	'other'
] as const;
export const SCHOOL_PARTICIPATION = ['never', 'in_school', 'no_longer'] as const;
/**
 * Education levels. BDT 2015 groups some (sd = SD/SDLB, sma_smk = SMA/SMK, higher); Regsosek/DTSEN
 * lists each. Issue 5's indicators group them into stages.
 */
export const LEVEL = [
	'paket_a',
	'sd',
	'sdlb',
	'mi',
	'spm_ula',
	'paket_b',
	'smp',
	'smplb',
	'mts',
	'spm_wustha',
	'paket_c',
	'sma',
	'smk',
	'sma_smk',
	'smlb',
	'ma',
	'mak',
	'spm_ulya',
	'd1_d3',
	'd4_s1',
	'profesi',
	's2',
	's3',
	's2_s3',
	'higher'
] as const;
/** Certificates: the levels above plus 'none'. */
export const CERTIFICATE = ['none', ...LEVEL] as const;

export type Tenure = (typeof TENURE)[number];
export type LandOwn = (typeof LAND_OWN)[number];
export type Floor = (typeof FLOOR)[number];
export type Wall = (typeof WALL)[number];
export type Condition = (typeof CONDITION)[number];
export type Roof = (typeof ROOF)[number];
export type Water = (typeof WATER)[number];
export type Lighting = (typeof LIGHTING)[number];
export type Fuel = (typeof FUEL)[number];
export type Toilet = (typeof TOILET)[number];
export type Closet = (typeof CLOSET)[number];
export type Disposal = (typeof DISPOSAL)[number];
export type Verval = (typeof VERVAL)[number];
export type Sex = (typeof SEX)[number];
export type Relation = (typeof RELATION)[number];
export type SchoolParticipation = (typeof SCHOOL_PARTICIPATION)[number];
export type Level = (typeof LEVEL)[number];
export type Certificate = (typeof CERTIFICATE)[number];

/**
 * The coded fields and their canonical value lists. Code tables (src/lib/core/codes) map source codes
 * and labels onto exactly these values; a test checks that every mapped value is listed here.
 */
export const CODED_FIELDS = {
	tenure: TENURE,
	land_own: LAND_OWN,
	floor: FLOOR,
	wall: WALL,
	wall_condition: CONDITION,
	roof: ROOF,
	roof_condition: CONDITION,
	water: WATER,
	lighting: LIGHTING,
	fuel: FUEL,
	toilet: TOILET,
	closet: CLOSET,
	disposal: DISPOSAL,
	verval_status: VERVAL,
	sex: SEX,
	relation: RELATION,
	school_participation: SCHOOL_PARTICIPATION,
	level: LEVEL,
	certificate: CERTIFICATE
} as const;

export type CodedField = keyof typeof CODED_FIELDS;

/**
 * Coded source fields that are not canonical columns themselves but feed one: BDT Jenis_cacat
 * (→ person.disability) and the nine DTSEN functional-difficulty domains (→ person.disability).
 */
export const AUX_CODED_FIELDS = {
	disability_type: ['none', 'disabled'],
	difficulty: ['cannot', 'a_lot', 'a_little', 'none']
} as const;

export type AuxCodedField = keyof typeof AUX_CODED_FIELDS;
export type AnyCodedField = CodedField | AuxCodedField;
export type ValueOf<F extends AnyCodedField> = F extends CodedField
	? (typeof CODED_FIELDS)[F][number]
	: F extends AuxCodedField
		? (typeof AUX_CODED_FIELDS)[F][number]
		: never;

export function valuesOf(field: AnyCodedField): readonly string[] {
	return field in CODED_FIELDS
		? CODED_FIELDS[field as CodedField]
		: AUX_CODED_FIELDS[field as AuxCodedField];
}

// ---- Tables -----------------------------------------------------------------------------------

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
	{ name: 'households', type: 'BIGINT', doc: "households whose village codes name this regency" },
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

export const CANONICAL_TABLES = {
	village: VILLAGE_COLUMNS,
	kecamatan: KECAMATAN_COLUMNS,
	register_region: REGION_COLUMNS,
	household: HOUSEHOLD_COLUMNS,
	person: PERSON_COLUMNS,
	ingest_unknown_code: UNKNOWN_CODE_COLUMNS,
	register_field: REGISTER_FIELD_COLUMNS
} as const;

export type CanonicalTable = keyof typeof CANONICAL_TABLES;

export type CreateMode = 'create' | 'replace' | 'if_not_exists';

/** `CREATE TABLE` text for a table of these columns under `name`. */
export function createColumnsTableSql(
	columns: readonly ColumnDef[],
	name: string,
	mode: CreateMode = 'create'
): string {
	const list = columns.map((c) => `"${c.name.replaceAll('"', '""')}" ${c.type}`).join(', ');
	const head =
		mode === 'replace'
			? 'CREATE OR REPLACE TABLE'
			: mode === 'if_not_exists'
				? 'CREATE TABLE IF NOT EXISTS'
				: 'CREATE TABLE';
	return `${head} ${name} (${list})`;
}

/** `CREATE TABLE` text for a canonical table under `name` (e.g. `household_next`). */
export function createTableSql(table: CanonicalTable, name: string = table, mode: CreateMode = 'create'): string {
	return createColumnsTableSql(CANONICAL_TABLES[table], name, mode);
}

export function columnNames(table: CanonicalTable): string[] {
	return CANONICAL_TABLES[table].map((c) => c.name);
}

/**
 * The register tables' definitions as one string. A stored or prebuilt copy made under other
 * definitions is not restored: it would hand the screens tables they do not expect.
 */
export function registerSchemaFingerprint(): string {
	return ['household', 'person', 'village', 'kecamatan', 'register_region', 'register_field']
		.map((t) => createTableSql(t as CanonicalTable))
		.join(';');
}
