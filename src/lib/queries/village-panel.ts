/**
 * The village panel's figures for one village under the plan's population: the village's name and
 * counts, the RTLH components (deprived / adequate / unknown per component), out-of-school children by
 * single year of age and sex, households per drinking-water source marked safe / conditional / unsafe,
 * and the desil profile; and the pages of households or people behind any indicator. Every figure is
 * SQL built from the same indicator definitions the map uses, so a bar here and the village's map value
 * count the same rows. Counts are cast to INTEGER so both engines hand back the same Arrow types.
 */
import {
	MEMBERS,
	HOUSEHOLD_RECORD_COLUMNS,
	PERSON_RECORD_COLUMNS,
	householdDesilValid,
	householdInPopulation,
	householdVervalValid,
	indicator,
	indicatorRecordCountSql,
	indicatorRecordsSql,
	personInPopulation,
	type IndicatorDefinition,
	type IndicatorId,
	type RecordsQuery
} from '../core/indicators';
import type { IndicatorSettings, Plan } from '../core/plan';
import { rowsOf, type NullableKind, type ColumnKind, type RowOf } from '../core/rows';
import { FLOOR, ROOF, WALL, WATER, type Water } from '../core/schema';
import { caseWhen, parens, select, sqlList, sqlString, type SelectQuery } from '../core/sql';
import { householdsFrom, peopleFrom, type StatusSource } from '../core/verval/relations';
import type { Engine } from '../engine/types';

// ---- Village -----------------------------------------------------------------------------------

type RowSource = Omit<SelectQuery, 'select'>;

/** Households of the village in the plan's population (alias h). */
function villageHouseholds(plan: Plan, villageKode: string, source: StatusSource): RowSource {
	return {
		from: `${householdsFrom(source)} h`,
		where: [`h.village_kode = ${sqlString(villageKode)}`, householdInPopulation(plan.population)]
	};
}

/** People of those households whose own record is valid (aliases p, h). */
function villagePeople(plan: Plan, villageKode: string, source: StatusSource): RowSource {
	return {
		from: `${peopleFrom(source)} p`,
		joins: [`JOIN ${householdsFrom(source)} h ON h.household_id = p.household_id`],
		where: [...(villageHouseholds(plan, villageKode, source).where ?? []), personInPopulation(plan.population)]
	};
}

/**
 * The reference village (name, kind, kecamatan) with its households and people in the population.
 * No row when the code is not in the reference.
 */
export function villageSummarySql(plan: Plan, villageKode: string, source: StatusSource = 'register'): string {
	const count = (rows: RowSource) => parens(select({ select: ['count(*)'], ...rows }));
	return select({
		select: [
			'v.kode',
			'v.nama',
			'v.jenis',
			'v.kecamatan_kode',
			'v.kecamatan_nama',
			`${count(villageHouseholds(plan, villageKode, source))}::INTEGER AS households`,
			`${count(villagePeople(plan, villageKode, source))}::INTEGER AS people`
		],
		from: 'village v',
		where: [`v.kode = ${sqlString(villageKode)}`]
	});
}

const SUMMARY_ROW = {
	kode: 'string',
	nama: 'string',
	jenis: 'string?',
	kecamatan_kode: 'string',
	kecamatan_nama: 'string',
	households: 'number',
	people: 'number'
} as const;

export type VillageSummary = RowOf<typeof SUMMARY_ROW>;

// ---- RTLH components ---------------------------------------------------------------------------

export const HOUSING_COMPONENTS = ['roof', 'wall', 'floor', 'crowding'] as const;
export type HousingComponent = (typeof HOUSING_COMPONENTS)[number];

/** The indicator counting each component's deprived households. */
export const COMPONENT_INDICATOR: Readonly<Record<HousingComponent, IndicatorId>> = {
	roof: 'rtlh_roof',
	wall: 'rtlh_wall',
	floor: 'rtlh_floor',
	crowding: 'rtlh_crowding'
};

/**
 * The component can be judged: a listed material, or a floor area and a member count. A household that
 * is not deprived and cannot be judged is "unknown", never "adequate" (DOMAIN §3: unknown never counts).
 */
function componentKnown(component: HousingComponent): string {
	switch (component) {
		case 'roof':
			return `coalesce(h.roof IN (${sqlList(ROOF)}), FALSE)`;
		case 'wall':
			return `coalesce(h.wall IN (${sqlList(WALL)}), FALSE)`;
		case 'floor':
			return `coalesce(h.floor IN (${sqlList(FLOOR)}), FALSE)`;
		case 'crowding':
			return `coalesce(h.floor_area > 0 AND ${MEMBERS} > 0, FALSE)`;
	}
}

/**
 * One row: the village's households, its RTLH count, and per component the households deprived,
 * adequate and unknown (the three add up to the households).
 */
export function villageComponentsSql(plan: Plan, villageKode: string, source: StatusSource = 'register'): string {
	const s = plan.indicators;
	const columns = HOUSING_COMPONENTS.flatMap((c) => {
		const deprived = `coalesce(${indicator(COMPONENT_INDICATOR[c]).count(s)}, FALSE)`;
		const known = componentKnown(c);
		return [
			`coalesce(count_if(${deprived}), 0)::INTEGER AS ${c}_deprived`,
			`coalesce(count_if(NOT ${deprived} AND ${known}), 0)::INTEGER AS ${c}_adequate`,
			`coalesce(count_if(NOT ${deprived} AND NOT ${known}), 0)::INTEGER AS ${c}_unknown`
		];
	});
	// count_if over no rows is NULL in DuckDB: a village without households counts zeros.
	return select({
		select: ['count(*)::INTEGER AS households', `coalesce(count_if(${indicator('rtlh').count(s)}), 0)::INTEGER AS rtlh`, ...columns],
		...villageHouseholds(plan, villageKode, source)
	});
}

const COMPONENTS_ROW = {
	households: 'number',
	rtlh: 'number',
	...Object.fromEntries(
		HOUSING_COMPONENTS.flatMap((c) => [
			[`${c}_deprived`, 'number'],
			[`${c}_adequate`, 'number'],
			[`${c}_unknown`, 'number']
		])
	)
} as Readonly<Record<string, 'number'>>;

export interface ComponentFigure {
	component: HousingComponent;
	indicator: IndicatorId;
	deprived: number;
	adequate: number;
	unknown: number;
}

export interface VillageComponents {
	households: number;
	rtlh: number;
	components: ComponentFigure[];
}

// ---- ATS by age and sex ------------------------------------------------------------------------

export const SEX_KEYS = ['M', 'F', 'unknown'] as const;
export type SexKey = (typeof SEX_KEYS)[number];

/** Every age in the plan's school bands (SD, SMP, SMA), ascending: 7–18 by default. */
export function schoolAges(s: IndicatorSettings): number[] {
	const ages = new Set<number>();
	for (const band of [s.school.sd, s.school.smp, s.school.sma]) {
		for (let age = band.min; age <= band.max; age++) ages.add(age);
	}
	return [...ages].sort((a, b) => a - b);
}

/** Children of school age and those out of school (the ATS definition), per single year of age and sex. */
export function villageAtsByAgeSql(plan: Plan, villageKode: string, source: StatusSource = 'register'): string {
	const ats = indicator('ats');
	const s = plan.indicators;
	const people = villagePeople(plan, villageKode, source);
	return select({
		select: [
			'p.age::INTEGER AS age',
			`${caseWhen([["p.sex IN ('M', 'F')", 'p.sex']], "'unknown'")} AS sex`,
			'count(*)::INTEGER AS children',
			`count_if(${ats.count(s)})::INTEGER AS out_of_school`
		],
		...people,
		where: [...(people.where ?? []), ats.base(s)],
		groupBy: ['ALL'],
		orderBy: ['age', 'sex']
	});
}

const ATS_ROW = { age: 'number', sex: 'string', children: 'number', out_of_school: 'number' } as const;

export interface AtsAgeRow {
	age: number;
	children: Record<SexKey, number>;
	outOfSchool: Record<SexKey, number>;
}

const zeroBySex = (): Record<SexKey, number> => ({ M: 0, F: 0, unknown: 0 });

// ---- Water sources -----------------------------------------------------------------------------

export type WaterSafety = 'safe' | 'conditional' | 'unsafe' | 'unknown';
export type WaterValue = Water | 'unknown';

/**
 * Households per drinking-water source, each source marked by the plan: unsafe and conditional by the
 * same predicates as the water indicators, safe when the plan lists it, unknown otherwise.
 */
export function villageWaterSql(plan: Plan, villageKode: string, source: StatusSource = 'register'): string {
	const s = plan.indicators;
	const safe = s.water.safe.length === 0 ? 'FALSE' : `h.water IN (${sqlList(s.water.safe)})`;
	const safety = caseWhen(
		[
			[indicator('water_unsafe').count(s), "'unsafe'"],
			[indicator('water_conditional').count(s), "'conditional'"],
			[safe, "'safe'"]
		],
		"'unknown'"
	);
	return select({
		select: [
			`${caseWhen([[`h.water IN (${sqlList(WATER)})`, 'h.water']], "'unknown'")} AS water`,
			`${safety} AS safety`,
			'count(*)::INTEGER AS households'
		],
		...villageHouseholds(plan, villageKode, source),
		groupBy: ['ALL']
	});
}

const WATER_ROW = { water: 'string', safety: 'string', households: 'number' } as const;

export interface WaterRow {
	water: WaterValue;
	safety: WaterSafety;
	households: number;
}

// ---- Desil profile -----------------------------------------------------------------------------

/**
 * Households per desil (NULL: the source has none) under the verval filter only: the plan's desil range
 * would hide the very profile this shows.
 */
export function villageDesilSql(plan: Plan, villageKode: string, source: StatusSource = 'register'): string {
	return select({
		select: [
			'h.desil::INTEGER AS desil',
			'count(*)::INTEGER AS households',
			`bool_and(${householdDesilValid(plan.population)}) AS in_population`
		],
		from: `${householdsFrom(source)} h`,
		where: [`h.village_kode = ${sqlString(villageKode)}`, householdVervalValid(plan.population)],
		groupBy: ['ALL'],
		orderBy: ['desil NULLS LAST']
	});
}

const DESIL_ROW = { desil: 'number?', households: 'number', in_population: 'boolean' } as const;

export interface DesilRow {
	/** 1–10, or null for households without a desil. */
	desil: number | null;
	households: number;
	/** Inside the plan's desil range (a household without desil is kept by the population, so true). */
	inPopulation: boolean;
}

// ---- All of it --------------------------------------------------------------------------------

export interface VillageBreakdown {
	kode: string;
	/** Null when the code is not a reference village. */
	summary: VillageSummary | null;
	components: VillageComponents;
	ages: AtsAgeRow[];
	water: WaterRow[];
	desil: DesilRow[];
}

export async function villageSummary(
	engine: Engine,
	plan: Plan,
	villageKode: string,
	source: StatusSource = 'register'
): Promise<VillageSummary | null> {
	const [row] = rowsOf(await engine.query(villageSummarySql(plan, villageKode, source)), SUMMARY_ROW);
	return row ?? null;
}

export async function villageComponents(
	engine: Engine,
	plan: Plan,
	villageKode: string,
	source: StatusSource = 'register'
): Promise<VillageComponents> {
	const [row] = rowsOf(await engine.query(villageComponentsSql(plan, villageKode, source)), COMPONENTS_ROW);
	if (!row) throw new Error('villageComponents: no row');
	const n = (column: string): number => row[column] ?? 0;
	return {
		households: n('households'),
		rtlh: n('rtlh'),
		components: HOUSING_COMPONENTS.map((component) => ({
			component,
			indicator: COMPONENT_INDICATOR[component],
			deprived: n(`${component}_deprived`),
			adequate: n(`${component}_adequate`),
			unknown: n(`${component}_unknown`)
		}))
	};
}

/** One row per school age (every age of the bands, zeros included). */
export async function villageAtsByAge(
	engine: Engine,
	plan: Plan,
	villageKode: string,
	source: StatusSource = 'register'
): Promise<AtsAgeRow[]> {
	const rows = rowsOf(await engine.query(villageAtsByAgeSql(plan, villageKode, source)), ATS_ROW);
	const byAge = new Map(
		schoolAges(plan.indicators).map((age): [number, AtsAgeRow] => [age, { age, children: zeroBySex(), outOfSchool: zeroBySex() }])
	);
	for (const row of rows) {
		const entry = byAge.get(row.age);
		// Only ages of the bands reach here (the WHERE is the ATS denominator).
		if (!entry) continue;
		const sex = (SEX_KEYS as readonly string[]).includes(row.sex) ? (row.sex as SexKey) : 'unknown';
		entry.children[sex] += row.children;
		entry.outOfSchool[sex] += row.out_of_school;
	}
	return [...byAge.values()];
}

const WATER_ORDER: readonly WaterValue[] = [...WATER, 'unknown'];

/** The sources the village's households use, in the canonical order (unknown last); no zero rows. */
export async function villageWater(
	engine: Engine,
	plan: Plan,
	villageKode: string,
	source: StatusSource = 'register'
): Promise<WaterRow[]> {
	const rows = rowsOf(await engine.query(villageWaterSql(plan, villageKode, source)), WATER_ROW);
	return rows
		.map((row) => ({
			water: row.water as WaterValue,
			safety: row.safety as WaterSafety,
			households: row.households
		}))
		.sort((a, b) => WATER_ORDER.indexOf(a.water) - WATER_ORDER.indexOf(b.water));
}

/** Desil 1–10 (zeros included) and then "no desil". */
export async function villageDesil(
	engine: Engine,
	plan: Plan,
	villageKode: string,
	source: StatusSource = 'register'
): Promise<DesilRow[]> {
	const rows = rowsOf(await engine.query(villageDesilSql(plan, villageKode, source)), DESIL_ROW);
	const { min, max } = plan.population.desil;
	const count = (desil: number | null): number => rows.find((r) => r.desil === desil)?.households ?? 0;
	return [
		...Array.from({ length: 10 }, (_, i) => i + 1).map((desil) => ({
			desil,
			households: count(desil),
			inPopulation: desil >= min && desil <= max
		})),
		// Whether households without a desil count depends on the register and the plan's rule.
		{ desil: null, households: count(null), inPopulation: rows.find((r) => r.desil === null)?.in_population ?? true }
	];
}

/** Every chart's figures for one village (five small queries). */
export async function villageBreakdown(
	engine: Engine,
	plan: Plan,
	villageKode: string,
	source: StatusSource = 'register'
): Promise<VillageBreakdown> {
	const summary = await villageSummary(engine, plan, villageKode, source);
	const components = await villageComponents(engine, plan, villageKode, source);
	const ages = await villageAtsByAge(engine, plan, villageKode, source);
	const water = await villageWater(engine, plan, villageKode, source);
	const desil = await villageDesil(engine, plan, villageKode, source);
	return { kode: villageKode, summary, components, ages, water, desil };
}

// ---- The rows behind a figure -------------------------------------------------------------------

type Kind = ColumnKind | NullableKind;

const HOUSEHOLD_RECORD_ROW = {
	household_id: 'string',
	kk: 'string?',
	head_name: 'string?',
	alamat: 'string?',
	desil: 'number?',
	members: 'number?',
	roof: 'string?',
	wall: 'string?',
	floor: 'string?',
	floor_area: 'number?',
	water: 'string?',
	verval_status: 'string?'
} as const satisfies Record<(typeof HOUSEHOLD_RECORD_COLUMNS)[number], Kind>;

const PERSON_RECORD_ROW = {
	person_id: 'string',
	nik: 'string?',
	name: 'string?',
	sex: 'string?',
	age: 'number?',
	school_participation: 'string?',
	level: 'string?',
	certificate: 'string?',
	household_id: 'string',
	head_name: 'string?',
	alamat: 'string?',
	desil: 'number?'
} as const satisfies Record<(typeof PERSON_RECORD_COLUMNS)[number], Kind>;

export type HouseholdRecord = RowOf<typeof HOUSEHOLD_RECORD_ROW>;
export type PersonRecord = RowOf<typeof PERSON_RECORD_ROW>;
/** A row of either kind, as the records table renders it (column → text or number). */
export type RecordRow = Readonly<Record<string, string | number | null>>;

/** One page of the households or people behind the village's figure for `q.indicator`. */
export async function villageRecords(engine: Engine, q: RecordsQuery): Promise<RecordRow[]> {
	const spec = q.indicator.unit === 'household' ? HOUSEHOLD_RECORD_ROW : PERSON_RECORD_ROW;
	return rowsOf(await engine.query(indicatorRecordsSql(q)), spec);
}

/** How many rows are behind the village's figure. */
export async function villageRecordCount(
	engine: Engine,
	def: IndicatorDefinition,
	plan: Plan,
	villageKode: string,
	source: StatusSource = 'register'
): Promise<number> {
	const [row] = rowsOf(await engine.query(indicatorRecordCountSql(def, plan, villageKode, source)), { n: 'number' });
	return row?.n ?? 0;
}
