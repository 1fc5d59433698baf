/**
 * UI words for canonical code values (roof 'thatch', water 'unprotected_well' …) and the village panel's
 * categories. The tables are typed by the canonical lists in core/schema.ts, so a value added there
 * fails the type check here until it has a label. Unknown values show "Tidak diketahui"; a value no
 * list holds is shown as written (it is a code, never extract text).
 */
import type { HOUSEHOLD_RECORD_COLUMNS, PERSON_RECORD_COLUMNS } from '$lib/core/indicators';
import type { HousingComponent, SexKey, WaterSafety } from '$lib/queries/village-panel';
import { m } from '$lib/paraglide/messages.js';
import type { Certificate, Floor, Roof, SchoolParticipation, Verval, Wall, Water } from '$lib/core/schema';

type Labels<T extends string> = Readonly<Record<T, () => string>>;

const ROOF_LABELS: Labels<Roof> = {
	concrete: m.value_roof_concrete,
	tile: m.value_roof_tile,
	ceramic_tile: m.value_roof_ceramic_tile,
	metal_tile: m.value_roof_metal_tile,
	clay_tile: m.value_roof_clay_tile,
	asbestos: m.value_roof_asbestos,
	zinc: m.value_roof_zinc,
	shingle: m.value_roof_shingle,
	bamboo: m.value_roof_bamboo,
	thatch: m.value_roof_thatch,
	other: m.value_roof_other
};

const WALL_LABELS: Labels<Wall> = {
	masonry: m.value_wall_masonry,
	plastered_bamboo: m.value_wall_plastered_bamboo,
	wood: m.value_wall_wood,
	woven_bamboo: m.value_wall_woven_bamboo,
	log: m.value_wall_log,
	bamboo: m.value_wall_bamboo,
	other: m.value_wall_other
};

const FLOOR_LABELS: Labels<Floor> = {
	marble_granite: m.value_floor_marble_granite,
	ceramic: m.value_floor_ceramic,
	parquet_vinyl: m.value_floor_parquet_vinyl,
	tile_terrazzo: m.value_floor_tile_terrazzo,
	wood: m.value_floor_wood,
	wood_good: m.value_floor_wood_good,
	wood_poor: m.value_floor_wood_poor,
	cement_brick: m.value_floor_cement_brick,
	bamboo: m.value_floor_bamboo,
	earth: m.value_floor_earth,
	other: m.value_floor_other
};

const WATER_LABELS: Labels<Water> = {
	bottled: m.value_water_bottled,
	refill: m.value_water_refill,
	tap: m.value_water_tap,
	tap_metered: m.value_water_tap_metered,
	tap_retail: m.value_water_tap_retail,
	bore_well: m.value_water_bore_well,
	protected_well: m.value_water_protected_well,
	unprotected_well: m.value_water_unprotected_well,
	protected_spring: m.value_water_protected_spring,
	unprotected_spring: m.value_water_unprotected_spring,
	surface: m.value_water_surface,
	rain: m.value_water_rain,
	other: m.value_water_other
};

const VERVAL_LABELS: Labels<Verval> = {
	found: m.value_verval_found,
	not_found: m.value_verval_not_found,
	deceased: m.value_verval_deceased,
	moved: m.value_verval_moved,
	well_off: m.value_verval_well_off,
	unverified: m.value_verval_unverified
};

const SCHOOL_LABELS: Labels<SchoolParticipation> = {
	never: m.value_school_never,
	in_school: m.value_school_in_school,
	no_longer: m.value_school_no_longer
};

/** Levels and certificates share their values ('none' is a certificate only). */
const LEVEL_LABELS: Labels<Certificate> = {
	none: m.value_level_none,
	paket_a: m.value_level_paket_a,
	sd: m.value_level_sd,
	sdlb: m.value_level_sdlb,
	mi: m.value_level_mi,
	spm_ula: m.value_level_spm_ula,
	paket_b: m.value_level_paket_b,
	smp: m.value_level_smp,
	smplb: m.value_level_smplb,
	mts: m.value_level_mts,
	spm_wustha: m.value_level_spm_wustha,
	paket_c: m.value_level_paket_c,
	sma: m.value_level_sma,
	smk: m.value_level_smk,
	sma_smk: m.value_level_sma_smk,
	smlb: m.value_level_smlb,
	ma: m.value_level_ma,
	mak: m.value_level_mak,
	spm_ulya: m.value_level_spm_ulya,
	d1_d3: m.value_level_d1_d3,
	d4_s1: m.value_level_d4_s1,
	profesi: m.value_level_profesi,
	s2: m.value_level_s2,
	s3: m.value_level_s3,
	s2_s3: m.value_level_s2_s3,
	higher: m.value_level_higher
};

const SEX_LABELS: Labels<SexKey> = { M: m.vpanel_sex_M, F: m.vpanel_sex_F, unknown: m.vpanel_sex_unknown };

/** Coded columns of the panel's records and charts. */
const FIELDS: Readonly<Record<string, Labels<string>>> = {
	roof: ROOF_LABELS,
	wall: WALL_LABELS,
	floor: FLOOR_LABELS,
	water: WATER_LABELS,
	verval_status: VERVAL_LABELS,
	school_participation: SCHOOL_LABELS,
	level: LEVEL_LABELS,
	certificate: LEVEL_LABELS,
	sex: SEX_LABELS
};

/** True when `field`'s values are codes shown through labels. */
export const isCodedField = (field: string): boolean => field in FIELDS;

/** A code value's words; '–' for none. */
export function valueLabel(field: string, value: string | null | undefined): string {
	if (value === null || value === undefined || value === '') return '–';
	if (value === 'unknown') return m.value_unknown();
	const label = FIELDS[field]?.[value];
	return label ? label() : value;
}

export const sexLabel = (sex: SexKey): string => SEX_LABELS[sex]();

const COMPONENT_LABELS: Labels<HousingComponent> = {
	roof: m.vpanel_component_roof,
	wall: m.vpanel_component_wall,
	floor: m.vpanel_component_floor,
	crowding: m.vpanel_component_crowding
};
export const componentLabel = (component: HousingComponent): string => COMPONENT_LABELS[component]();

const SAFETY_LABELS: Labels<WaterSafety> = {
	safe: m.vpanel_safety_safe,
	conditional: m.vpanel_safety_conditional,
	unsafe: m.vpanel_safety_unsafe,
	unknown: m.vpanel_safety_unknown
};
export const safetyLabel = (safety: WaterSafety): string => SAFETY_LABELS[safety]();

export const desilLabel = (desil: number | null): string => (desil === null ? m.vpanel_desil_none() : String(desil));

type RecordColumn = (typeof HOUSEHOLD_RECORD_COLUMNS)[number] | (typeof PERSON_RECORD_COLUMNS)[number];

const RECORD_COLUMN_LABELS: Labels<RecordColumn> = {
	household_id: m.vpanel_col_household_id,
	person_id: m.vpanel_col_person_id,
	kk: m.vpanel_col_kk,
	nik: m.vpanel_col_nik,
	name: m.vpanel_col_name,
	head_name: m.vpanel_col_head_name,
	alamat: m.vpanel_col_alamat,
	desil: m.vpanel_col_desil,
	members: m.vpanel_col_members,
	roof: m.vpanel_col_roof,
	wall: m.vpanel_col_wall,
	floor: m.vpanel_col_floor,
	floor_area: m.vpanel_col_floor_area,
	water: m.vpanel_col_water,
	verval_status: m.vpanel_col_verval_status,
	sex: m.vpanel_col_sex,
	age: m.vpanel_col_age,
	school_participation: m.vpanel_col_school_participation,
	level: m.vpanel_col_level,
	certificate: m.vpanel_col_certificate
};

/** A records-table column header. */
export function recordColumnLabel(column: string): string {
	const label = (RECORD_COLUMN_LABELS as Readonly<Record<string, () => string>>)[column];
	return label ? label() : column;
}
