/**
 * UI words for canonical code values by column (roof 'thatch', water 'unprotected_well', school
 * 'no_longer' …) and the village panel's categories. Roof, wall, floor, water and verval words are the
 * plan's (plan-label.ts); the tables here are typed by the canonical lists in core/schema.ts, so a value
 * added there fails the type check until it has a label. Unknown values show "Tidak diketahui"; a value
 * no list holds is shown as written (it is a code, never extract text).
 */
import type { HOUSEHOLD_RECORD_COLUMNS, PERSON_RECORD_COLUMNS } from '$lib/core/indicators';
import type { HousingComponent, SexKey, WaterSafety } from '$lib/queries/village-panel';
import { m } from '$lib/paraglide/messages.js';
import { FLOOR, ROOF, VERVAL, WALL, WATER, type Certificate, type SchoolParticipation } from '$lib/core/schema';
import { floorLabel, roofLabel, vervalLabel, wallLabel, waterLabel } from './plan-label';

type Labels<T extends string> = Readonly<Record<T, () => string>>;

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

/** The plan's words for one code list, as a table keyed by code. */
function fromPlan<T extends string>(values: readonly T[], label: (value: T) => string): Labels<T> {
	return Object.fromEntries(values.map((v) => [v, () => label(v)])) as Record<T, () => string>;
}

/** Coded columns of the panel's records and charts. */
const FIELDS: Readonly<Record<string, Labels<string>>> = {
	roof: fromPlan(ROOF, roofLabel),
	wall: fromPlan(WALL, wallLabel),
	floor: fromPlan(FLOOR, floorLabel),
	water: fromPlan(WATER, waterLabel),
	verval_status: fromPlan(VERVAL, vervalLabel),
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
