/**
 * The canonical tables every source is normalised into (../shared/DESIGN.md "Canonical data").
 * Categorical columns hold English snake_case values from the lists below; a value present in the
 * source but not in its code table becomes 'unknown' (and is counted in `ingest_unknown_code`); an
 * empty source value, or a column the source does not have, is NULL.
 */

export {
	columnNames,
	createColumnsTableSql,
	createTableSql,
	registerSchemaFingerprint,
	type ColumnDef,
	type CreateMode,
	type DefinedTable as CanonicalTable,
	type SqlType
} from './catalog';

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
export const WALL = ['masonry', 'plastered_bamboo', 'wood', 'woven_bamboo', 'log', 'bamboo', 'other'] as const;
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
export const CLOSET = ['goose_neck', 'plengsengan', 'plengsengan_lid', 'plengsengan_no_lid', 'pit', 'none'] as const;
export const DISPOSAL = ['septic_tank', 'ipal', 'spal', 'hole', 'water_body', 'open_ground', 'other'] as const;
/** `new_member`: a member the field reported as new (issue 13): a proposal, counted only if the plan lists it. */
export const VERVAL = ['found', 'not_found', 'deceased', 'moved', 'well_off', 'out_of_regency', 'new_member', 'unverified'] as const;

export const SEX = ['M', 'F'] as const;
export const RELATION = ['head', 'spouse', 'child', 'child_in_law', 'grandchild', 'parent', 'servant', 'other'] as const;
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
	return field in CODED_FIELDS ? CODED_FIELDS[field as CodedField] : AUX_CODED_FIELDS[field as AuxCodedField];
}

// The tables and their columns: ./catalog.
