/**
 * SQL for the indicators, built from the definitions and a plan: one pass over the households and one
 * over the people of the plan's population gives every indicator's count and denominator for every
 * reference village, so changing the indicator or count-vs-rate on the map needs no query at all.
 * Browser, CLI and tests run exactly this text.
 */
import type { Plan, Population } from '../plan';
import type { CatalogTable } from '../catalog';
import { passesSql } from '../register-fields';
import { parens, select, sqlList, sqlString, withCtes, type SelectQuery } from '../sql';
import { householdsFrom, peopleFrom, type StatusSource } from '../verval/relations';
import {
	HOUSEHOLD_INDICATOR_COLUMNS,
	INDICATORS,
	PERSON_INDICATOR_COLUMNS,
	type IndicatorDefinition,
	type IndicatorId
} from './definitions';

/**
 * The household's verval status is valid. A register without a verval column has no filter; a record
 * without a status in a register that has one follows the plan's rule (register-fields.ts).
 */
export function householdVervalValid(population: Population): string {
	const test = `h.verval_status IN (${sqlList(population.verval)})`;
	return passesSql('h.verval_status', test, 'household.verval_status', population.missing.verval);
}

/** The household's desil is in range (the same rules for an absent column and a missing value). */
export function householdDesilValid(population: Population): string {
	const { min, max } = population.desil;
	return passesSql('h.desil', `h.desil BETWEEN ${min} AND ${max}`, 'household.desil', population.missing.desil);
}

/** The household is in the plan's population: desil in range and a valid verval status. */
export function householdInPopulation(population: Population): string {
	return `${householdDesilValid(population)} AND ${householdVervalValid(population)}`;
}

/** The person's own verval status is valid (a deceased or moved member is not counted). */
export function personInPopulation(population: Population): string {
	const test = `p.verval_status IN (${sqlList(population.verval)})`;
	return passesSql('p.verval_status', test, 'person.verval_status', population.missing.verval);
}

export const countColumn = (id: IndicatorId): string => `${id}_count`;
export const denominatorColumn = (id: IndicatorId): string => `${id}_denominator`;

function aggregates(defs: readonly IndicatorDefinition[], plan: Plan): string[] {
	const s = plan.indicators;
	return defs.flatMap((d) => [
		`count_if(${d.count(s)})::INTEGER AS ${countColumn(d.id)}`,
		`count_if(${d.base(s)})::INTEGER AS ${denominatorColumn(d.id)}`
	]);
}

/**
 * Every person indicator's conditions, tested once per distinct combination of the columns they read
 * (`p`: age, school participation, certificate; a few thousand combinations for a million people), as
 * one boolean column each: `<id>_count` and `<id>_denominator`.
 */
function personConditions(defs: readonly IndicatorDefinition[], plan: Plan, people: string): string {
	const s = plan.indicators;
	const combinations = select({ select: PERSON_INDICATOR_COLUMNS.map((c) => `p.${c}`), from: `${people} p`, groupBy: ['ALL'] });
	return select({
		select: [
			...PERSON_INDICATOR_COLUMNS.map((c) => `p.${c}`),
			...defs.flatMap((d) => [`${d.count(s)} AS ${countColumn(d.id)}`, `${d.base(s)} AS ${denominatorColumn(d.id)}`])
		],
		from: parens(combinations) + ' p'
	});
}

/**
 * The same counts over rows that stand for `people` people each (the grouped person rows), each row's
 * conditions read from its combination's (`c`, personConditions) rather than tested again.
 */
function weightedAggregates(defs: readonly IndicatorDefinition[]): string[] {
	const counted = (flag: string) => `coalesce(sum(p.people) FILTER (WHERE c.${flag}), 0)::INTEGER`;
	return defs.flatMap((d) => [countColumn(d.id), denominatorColumn(d.id)].map((flag) => `${counted(flag)} AS ${flag}`));
}

/** Joins a grouped person row to its combination; a missing value (NULL) matches a missing value. */
const SAME_COMBINATION = PERSON_INDICATOR_COLUMNS.map((c) => `c.${c} IS NOT DISTINCT FROM p.${c}`).join(' AND ');

/**
 * One row per reference village (kode, nama, kecamatan_kode, kecamatan) with `<id>_count` and
 * `<id>_denominator` for every indicator, zeros where the village has no records. Households whose
 * village code is outside the reference are not in any row. `source`: the register's statuses or the
 * verified set's (core/verval/relations.ts).
 *
 * The households keep only the columns the indicators read. People are first counted per village and
 * per combination of the columns the person indicators read (126,000 rows for a million people), and
 * the indicators' conditions are tested once per combination (a few thousand), not on every person nor
 * again in every village: the same counts, without testing a certificate against the long lists of
 * levels many times over (on duckdb-wasm that testing was most of a threshold change's time).
 */
export function villageIndicatorsSql(plan: Plan, source: StatusSource = 'register', peopleTable: string | null = null): string {
	const columns = INDICATORS.flatMap((d) => partColumns([d], d.unit === 'household' ? 'hv' : 'pv'));
	return withCtes(
		[
			['h', populationHouseholds(plan, source)],
			['hv', householdAggregates(plan)],
			...(peopleTable === null ? [['pg', peopleCountsSelect(plan.population, source, 'h')] as const] : []),
			['pc', personConditions(PERSON_DEFS, plan, peopleTable ?? 'pg')],
			['pv', personAggregates(peopleTable ?? 'pg')]
		],
		select({
			select: [...VILLAGE_COLUMNS, ...columns],
			from: 'village v',
			joins: ['LEFT JOIN hv ON hv.village_kode = v.kode', 'LEFT JOIN pv ON pv.village_kode = v.kode'],
			orderBy: ['v.kode']
		})
	);
}

const HOUSEHOLD_DEFS = INDICATORS.filter((d) => d.unit === 'household');
const PERSON_DEFS = INDICATORS.filter((d) => d.unit === 'person');
const VILLAGE_COLUMNS = ['v.kode', 'v.nama', 'v.kecamatan_kode', 'v.kecamatan_nama AS kecamatan'];

/** The population's households, with only the columns the indicators read. */
function populationHouseholds(plan: Plan, source: StatusSource): string {
	return select({
		select: ['h.household_id', 'h.village_kode', ...HOUSEHOLD_INDICATOR_COLUMNS.map((c) => `h.${c}`)],
		from: `${householdsFrom(source)} h`,
		where: [householdInPopulation(plan.population)]
	});
}

/** The household indicators per village, over `h` (populationHouseholds). */
function householdAggregates(plan: Plan): string {
	return select({ select: ['h.village_kode', ...aggregates(HOUSEHOLD_DEFS, plan)], from: 'h', groupBy: ['h.village_kode'] });
}

/** The person indicators per village, over the grouped person rows `people` and their combinations `pc`. */
function personAggregates(people: string): string {
	return select({
		select: ['p.village_kode', ...weightedAggregates(PERSON_DEFS)],
		from: `${people} p`,
		joins: [`JOIN pc c ON ${SAME_COMBINATION}`],
		groupBy: ['p.village_kode']
	});
}

/** `<id>_count` and `<id>_denominator` of `defs`, zero where the village has no row in `part`. */
const partColumns = (defs: readonly IndicatorDefinition[], part: string): string[] =>
	defs.flatMap((d) => [countColumn(d.id), denominatorColumn(d.id)]).map((c) => `coalesce(${part}.${c}, 0)::INTEGER AS ${c}`);

/**
 * villageIndicatorsSql's rows with the household indicators only: a threshold of the household
 * indicators (floor area, roof, water) changes this part and not the people's.
 */
export function villageHouseholdIndicatorsSql(plan: Plan, source: StatusSource = 'register'): string {
	return withCtes(
		[
			['h', populationHouseholds(plan, source)],
			['hv', householdAggregates(plan)]
		],
		select({
			select: [...VILLAGE_COLUMNS, ...partColumns(HOUSEHOLD_DEFS, 'hv')],
			from: 'village v',
			joins: ['LEFT JOIN hv ON hv.village_kode = v.kode'],
			orderBy: ['v.kode']
		})
	);
}

/**
 * villageIndicatorsSql's rows with the person indicators only (kode and their columns), from
 * `peopleTable`, which holds indicatorPeopleSql's rows for the plan's population: a threshold of the
 * person indicators (school ages, certificates) changes this part and not the households'.
 */
export function villagePersonIndicatorsSql(plan: Plan, peopleTable: string): string {
	return withCtes(
		[
			['pc', personConditions(PERSON_DEFS, plan, peopleTable)],
			['pv', personAggregates(peopleTable)]
		],
		select({
			select: ['v.kode', ...partColumns(PERSON_DEFS, 'pv')],
			from: 'village v',
			joins: ['LEFT JOIN pv ON pv.village_kode = v.kode'],
			orderBy: ['v.kode']
		})
	);
}

/** The population's people counted per village and per combination of the person indicators' columns. */
function peopleCountsSelect(population: Population, source: StatusSource, households: string): string {
	return select({
		select: ['h.village_kode', ...PERSON_INDICATOR_COLUMNS.map((c) => `p.${c}`), 'count(*) AS people'],
		from: `${peopleFrom(source)} p`,
		joins: [`JOIN ${households} h ON h.household_id = p.household_id`],
		where: [personInPopulation(population)],
		groupBy: ['ALL']
	});
}

/** Where the Map screen keeps the people counts of its population: thresholds change, they stay. */
export const INDICATOR_PEOPLE_TABLE = 'indicator_people' satisfies CatalogTable;

/**
 * The rows of INDICATOR_PEOPLE_TABLE for this population: they depend on who is counted, not on any
 * threshold, so a threshold change reads them instead of every person again.
 */
export function indicatorPeopleSql(population: Population, source: StatusSource = 'register'): string {
	const households = select({
		select: ['h.household_id', 'h.village_kode'],
		from: `${householdsFrom(source)} h`,
		where: [householdInPopulation(population)]
	});
	return withCtes([['h', households]], peopleCountsSelect(population, source, 'h'));
}

export type SortDirection = 'asc' | 'desc';

export interface RecordsQuery {
	indicator: IndicatorDefinition;
	plan: Plan;
	villageKode: string;
	/** A column of the records' result (see recordColumns). */
	orderBy?: string;
	direction?: SortDirection;
	limit: number;
	offset: number;
	/** The register's statuses (default) or the verified set's. */
	source?: StatusSource;
}

/** Columns of the rows behind a figure: households for household indicators, people for person ones. */
export const HOUSEHOLD_RECORD_COLUMNS = [
	'household_id',
	'kk',
	'head_name',
	'alamat',
	'desil',
	'members',
	'roof',
	'wall',
	'floor',
	'floor_area',
	'water',
	'verval_status'
] as const;

export const PERSON_RECORD_COLUMNS = [
	'person_id',
	'nik',
	'name',
	'sex',
	'age',
	'school_participation',
	'level',
	'certificate',
	'household_id',
	'head_name',
	'alamat',
	'desil'
] as const;

export function recordColumns(def: IndicatorDefinition): readonly string[] {
	return def.unit === 'household' ? HOUSEHOLD_RECORD_COLUMNS : PERSON_RECORD_COLUMNS;
}

/** The rows behind a village's figure: their columns, table, join and conditions. */
function recordsFrom(def: IndicatorDefinition, plan: Plan, villageKode: string, source: StatusSource): SelectQuery {
	const s = plan.indicators;
	const village = [`h.village_kode = ${sqlString(villageKode)}`, householdInPopulation(plan.population)];
	if (def.unit === 'household') {
		return {
			select: HOUSEHOLD_RECORD_COLUMNS.map((c) => (c === 'members' ? 'h.members::INTEGER AS members' : `h.${c}`)),
			from: `${householdsFrom(source)} h`,
			where: [...village, def.count(s)]
		};
	}
	const columns = PERSON_RECORD_COLUMNS.map((c) =>
		c === 'head_name' || c === 'alamat' || c === 'desil' ? `h.${c}` : c === 'age' ? 'p.age::INTEGER AS age' : `p.${c}`
	);
	return {
		select: columns,
		from: `${peopleFrom(source)} p`,
		joins: [`JOIN ${householdsFrom(source)} h ON h.household_id = p.household_id`],
		where: [...village, personInPopulation(plan.population), def.count(s)]
	};
}

/** One page of the rows behind a village's figure, in a stable order (the id breaks ties). */
export function indicatorRecordsSql(q: RecordsQuery): string {
	const records = recordsFrom(q.indicator, q.plan, q.villageKode, q.source ?? 'register');
	const columns = recordColumns(q.indicator);
	const idColumn = q.indicator.unit === 'household' ? 'household_id' : 'person_id';
	const orderBy = q.orderBy && columns.includes(q.orderBy) ? q.orderBy : idColumn;
	const direction = q.direction === 'desc' ? 'DESC' : 'ASC';
	return select({
		select: ['*'],
		from: parens(select(records)),
		orderBy: [`"${orderBy}" ${direction} NULLS LAST`, `"${idColumn}" ASC`],
		limit: q.limit,
		offset: q.offset
	});
}

/** How many rows are behind a village's figure (the panel's pager). */
export function indicatorRecordCountSql(
	def: IndicatorDefinition,
	plan: Plan,
	villageKode: string,
	source: StatusSource = 'register'
): string {
	return select({ ...recordsFrom(def, plan, villageKode, source), select: ['count(*)::INTEGER AS n'] });
}
