/**
 * The poverty indicators as typed definitions: each one is a SQL predicate over a canonical household
 * (alias `h`) or person (alias `p`) row saying whether the row counts, and another saying whether it
 * belongs to the denominator. Thresholds come from the plan's IndicatorSettings; definitions follow
 * ../shared/DOMAIN.md §3. Unknown or missing values never count as deprived: a roof of unknown
 * material is not "not durable", only unknown.
 */
import { sqlList } from '../sql';
import type { AgeRange, IndicatorSettings } from '../plan';
import { FLOOR, ROOF, WALL, WATER } from '../schema';
import { certificatesFrom, certificatesOf } from './stages';

export type IndicatorUnit = 'household' | 'person';
export type IndicatorGroup = 'ats' | 'rtlh' | 'water' | 'paket';
/** What the rate is "per 100" of. */
export type Denominator = 'households' | 'children' | 'people';

export interface IndicatorDefinition {
	readonly id: IndicatorId;
	readonly group: IndicatorGroup;
	readonly unit: IndicatorUnit;
	readonly denominator: Denominator;
	/** True for a headline indicator, false for a component of one (RTLH roof, ATS SD …). */
	readonly headline: boolean;
	/** SQL predicate: the row counts. */
	count(s: IndicatorSettings): string;
	/** SQL predicate: the row is in the denominator. */
	base(s: IndicatorSettings): string;
}

export const INDICATOR_IDS = [
	'ats',
	'ats_sd',
	'ats_smp',
	'ats_sma',
	'rtlh',
	'rtlh_roof',
	'rtlh_wall',
	'rtlh_floor',
	'rtlh_crowding',
	'water_unsafe',
	'water_conditional',
	'paket_a',
	'paket_b',
	'paket_c'
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

const not = <T extends string>(all: readonly T[], kept: readonly T[]): T[] => all.filter((v) => !kept.includes(v));

/** `column IN (values)`, or FALSE for an empty list (DuckDB rejects `IN ()`). */
function inList(column: string, values: readonly string[]): string {
	return values.length === 0 ? 'FALSE' : `${column} IN (${sqlList(values)})`;
}

function ageIn(range: { min: number; max: number | null }): string {
	return range.max === null ? `p.age >= ${range.min}` : `p.age BETWEEN ${range.min} AND ${range.max}`;
}

// ---- Housing (RTLH) --------------------------------------------------------------------------

function roofBad(s: IndicatorSettings): string {
	const material = inList('h.roof', not(ROOF, s.housing.durableRoof));
	return s.housing.poorConditionCounts ? `(${material} OR h.roof_condition = 'poor')` : material;
}

function wallBad(s: IndicatorSettings): string {
	const material = inList('h.wall', not(WALL, s.housing.durableWall));
	return s.housing.poorConditionCounts ? `(${material} OR h.wall_condition = 'poor')` : material;
}

function floorBad(s: IndicatorSettings): string {
	return inList('h.floor', not(FLOOR, s.housing.durableFloor));
}

/** Members counted from the person rows; the declared count only when the file lists none. */
export const MEMBERS = 'coalesce(nullif(h.members, 0), nullif(h.members_declared, 0))';

/** A floor area of 0 (or none) is missing, not crowded. */
function crowded(s: IndicatorSettings): string {
	return `coalesce(h.floor_area > 0 AND h.floor_area / ${MEMBERS} < ${s.housing.minFloorAreaPerPerson}, FALSE)`;
}

// ---- School (ATS) and certificates (Paket) ---------------------------------------------------

const OUT_OF_SCHOOL = `p.school_participation IN ('never', 'no_longer')`;
/** DOMAIN §3: a child with an SMA-level certificate has finished school, not left it. */
const NO_SMA_CERTIFICATE = `coalesce(p.certificate NOT IN (${sqlList(certificatesFrom('sma'))}), TRUE)`;

function ats(band: { min: number; max: number }): string {
	return `(${ageIn(band)} AND ${OUT_OF_SCHOOL} AND ${NO_SMA_CERTIFICATE})`;
}

function schoolAge(s: IndicatorSettings): string {
	const { sd, smp, sma } = s.school;
	return `(${ageIn(sd)} OR ${ageIn(smp)} OR ${ageIn(sma)})`;
}

/**
 * Paket candidates: past school age, not in school, and their highest certificate one stage below
 * the package: no certificate → Paket A, SD-level → Paket B, SMP-level → Paket C. Each person is a
 * candidate for the one package they would take next, so the three counts add up without overlap.
 * A missing or unknown certificate counts for none.
 */
function paket(range: AgeRange, certificates: readonly string[]): string {
	return `(${ageIn(range)} AND coalesce(p.school_participation <> 'in_school', TRUE) AND ${inList('p.certificate', certificates)})`;
}

function paketBase(range: AgeRange): string {
	return `(${ageIn(range)})`;
}

// ---- The catalogue ---------------------------------------------------------------------------

const household = (
	id: IndicatorId,
	group: IndicatorGroup,
	headline: boolean,
	count: (s: IndicatorSettings) => string
): IndicatorDefinition => ({ id, group, unit: 'household', denominator: 'households', headline, count, base: () => 'TRUE' });

export const INDICATORS: readonly IndicatorDefinition[] = [
	{
		id: 'ats',
		group: 'ats',
		unit: 'person',
		denominator: 'children',
		headline: true,
		count: (s) => `(${schoolAge(s)} AND ${OUT_OF_SCHOOL} AND ${NO_SMA_CERTIFICATE})`,
		base: schoolAge
	},
	...(['sd', 'smp', 'sma'] as const).map((band): IndicatorDefinition => ({
		id: `ats_${band}`,
		group: 'ats',
		unit: 'person',
		denominator: 'children',
		headline: false,
		count: (s) => ats(s.school[band]),
		base: (s) => `(${ageIn(s.school[band])})`
	})),
	household('rtlh', 'rtlh', true, (s) => `(${roofBad(s)} OR ${wallBad(s)} OR ${floorBad(s)} OR ${crowded(s)})`),
	household('rtlh_roof', 'rtlh', false, roofBad),
	household('rtlh_wall', 'rtlh', false, wallBad),
	household('rtlh_floor', 'rtlh', false, floorBad),
	household('rtlh_crowding', 'rtlh', false, crowded),
	household('water_unsafe', 'water', true, (s) => inList('h.water', not(WATER, [...s.water.safe, ...s.water.conditional]))),
	household('water_conditional', 'water', false, (s) => inList('h.water', s.water.conditional)),
	{
		id: 'paket_a',
		group: 'paket',
		unit: 'person',
		denominator: 'people',
		headline: true,
		count: (s) => paket(s.paket.a, ['none']),
		base: (s) => paketBase(s.paket.a)
	},
	{
		id: 'paket_b',
		group: 'paket',
		unit: 'person',
		denominator: 'people',
		headline: true,
		count: (s) => paket(s.paket.b, certificatesOf('sd')),
		base: (s) => paketBase(s.paket.b)
	},
	{
		id: 'paket_c',
		group: 'paket',
		unit: 'person',
		denominator: 'people',
		headline: true,
		count: (s) => paket(s.paket.c, certificatesOf('smp')),
		base: (s) => paketBase(s.paket.c)
	}
];

/**
 * The household columns the household indicators read (alias `h`), and the person columns the person
 * indicators read (alias `p`): villageIndicatorsSql keeps only these, and counts people grouped by
 * them. A definition reading another column must add it here (indicators.test.ts checks).
 */
export const HOUSEHOLD_INDICATOR_COLUMNS = [
	'roof',
	'roof_condition',
	'wall',
	'wall_condition',
	'floor',
	'floor_area',
	'members',
	'members_declared',
	'water'
] as const;
export const PERSON_INDICATOR_COLUMNS = ['age', 'school_participation', 'certificate'] as const;

export function indicator(id: IndicatorId): IndicatorDefinition {
	const found = INDICATORS.find((d) => d.id === id);
	if (!found) throw new Error(`unknown indicator ${id}`);
	return found;
}

export function isIndicatorId(value: string): value is IndicatorId {
	return (INDICATOR_IDS as readonly string[]).includes(value);
}
