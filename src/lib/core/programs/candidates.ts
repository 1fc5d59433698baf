/**
 * Who is a candidate for each programme, as SELECTs for allocationSql: one row per unit (a person for
 * PIP and Paket, a household for housing and water) with its cost, the rule that made it eligible and
 * the household's priority keys. Eligibility is the indicator definitions under the plan's population
 * (valid verval, desil in range), plus each programme's own conditions.
 */
import { HOUSEHOLD_INDICATOR_COLUMNS, indicator } from '../indicators/definitions';
import { householdInPopulation, personInPopulation } from '../indicators/sql';
import { LEVEL_STAGE } from '../indicators/stages';
import type { HousingProgramme, Plan, PriorityKeyId, ProgrammeId } from '../plan';
import { passesSql } from '../register-fields';
import { columnNames, type CatalogTable } from '../catalog';
import { and, caseWhen, or, parens, select, sqlString, withCtes, type Cte } from '../sql';
import { householdsFrom, peopleFrom, type StatusSource } from '../verval/relations';
import type { PriorityKey } from './allocate';

/** Programmes whose unit is a person (the others fund a household). */
export const PERSON_PROGRAMMES: readonly ProgrammeId[] = ['pip', 'paket'];

/** Each priority key's direction: the poorest desil first, the most vulnerable, largest, most deprived first. */
export const PRIORITY_DIRECTION: Readonly<Record<PriorityKeyId, PriorityKey['direction']>> = {
	desil: 'asc',
	vulnerability: 'desc',
	members: 'desc',
	deprivations: 'desc'
};

/** The plan's priority order as allocation keys. */
export function priorityOf(plan: Plan): PriorityKey[] {
	return plan.priority.map((column) => ({ column, direction: PRIORITY_DIRECTION[column] }));
}

const PRIORITY_KEYS = ['desil', 'vulnerability', 'members', 'deprivations'] as const;
const keys = (alias: string) => PRIORITY_KEYS.map((k) => `${alias}.${k}`);

/** The household columns the context reads: the population filter's, the keys' and the deprivations'. */
const HOUSEHOLD_CONTEXT_COLUMNS = ['household_id', 'village_kode', 'desil', 'verval_status', ...HOUSEHOLD_INDICATOR_COLUMNS] as const;

/**
 * The population's households (`hp`: zone and the columns the keys read) from the register and the
 * village reference.
 */
function householdCtes(plan: Plan, source: StatusSource): Cte[] {
	return [
		[
			'h',
			select({
				select: [...HOUSEHOLD_CONTEXT_COLUMNS.map((c) => `hr.${c}`), `${zoneSql(plan)} AS zona`],
				from: `${householdsFrom(source)} hr`,
				joins: ['JOIN village v ON v.kode = hr.village_kode']
			})
		],
		['hp', `SELECT * FROM h WHERE ${householdInPopulation(plan.population)}`]
	];
}

/**
 * The population's people of households `hp` with every condition the keys and the person programmes
 * read (the columns of PLAN_PERSON_TABLE): each person is tested once, not once per reader.
 */
function peopleSelect(plan: Plan, source: StatusSource): string {
	const s = plan.indicators;
	const packages = (['a', 'b', 'c'] as const).map((letter) => [indicator(`paket_${letter}`).count(s), `'${letter}'`] as const);
	const schoolAge = indicator('ats').base(s);
	// A condition under CASE WHEN is tested as a filter: the later terms of an AND only on the rows the
	// earlier ones kept (an out-of-school child's certificate, not every adult's). Unknown reads as FALSE,
	// which every reader (bool_or then coalesce, WHERE) already made of it.
	const tested = (condition: string) => caseWhen([[condition, 'TRUE']], 'FALSE');
	return select({
		select: [
			'p.person_id',
			'p.household_id',
			'p.age < 18 AS child',
			'p.age >= 60 AS elderly',
			'coalesce(p.disability, FALSE) AS disability',
			"p.relation = 'head' AND p.sex = 'F' AS female_head",
			`${tested(indicator('ats').count(s))} AS ats`,
			`${schoolAge} AS school_age`,
			'p.school_participation',
			'p.class',
			// Only a child of school age can be a PIP candidate (ATS or in school): no one else needs a stage.
			`${caseWhen([[schoolAge, pipStage(plan)]])} AS stage`,
			`${caseWhen(packages)} AS paket`
		],
		from: `${peopleFrom(source)} p`,
		joins: ['JOIN hp ON hp.household_id = p.household_id'],
		where: [personInPopulation(plan.population)]
	});
}

/**
 * Households of the population (`hp`) with their zone and priority keys, from their people (`people`,
 * peopleSelect's rows):
 * vulnerability = children under 18 + elderly 60+ + disability + female head (each 0/1, so 0–4);
 * deprivations = unfit house + unsafe water + an out-of-school child + a Paket candidate (0–4).
 */
function keysCtes(plan: Plan, people: string): Cte[] {
	const s = plan.indicators;
	const members = select({
		select: [
			'p.household_id',
			'count_if(p.child) AS children',
			'count_if(p.elderly) AS elderly',
			'bool_or(p.disability) AS disability',
			'bool_or(p.female_head) AS female_head',
			'bool_or(p.ats) AS any_ats',
			'bool_or(p.paket IS NOT NULL) AS any_paket'
		],
		from: `${people} p`,
		groupBy: ['p.household_id']
	});
	const flag = (sql: string) => `(${sql})::INTEGER`;
	const vulnerability = [
		'coalesce(m.children, 0) > 0',
		'coalesce(m.elderly, 0) > 0',
		'coalesce(m.disability, FALSE)',
		'coalesce(m.female_head, FALSE)'
	];
	const deprivations = [
		indicator('rtlh').count(s),
		indicator('water_unsafe').count(s),
		'coalesce(m.any_ats, FALSE)',
		'coalesce(m.any_paket, FALSE)'
	];
	const withKeys = select({
		select: [
			'h.household_id',
			'h.village_kode',
			'h.zona',
			'h.desil',
			'h.members',
			`${vulnerability.map(flag).join(' + ')} AS vulnerability`,
			`${deprivations.map(flag).join(' + ')} AS deprivations`
		],
		from: 'hp h',
		joins: ['LEFT JOIN m ON m.household_id = h.household_id']
	});
	return [
		['m', members],
		['x', withKeys]
	];
}

/** Where the allocation keeps planHouseholdsSql's rows, built once for all programmes. */
export const PLAN_HOUSEHOLD_TABLE = 'plan_household' satisfies CatalogTable;
/** Where the allocation keeps planPeopleSql's rows, built once before the plan households. */
export const PLAN_PERSON_TABLE = 'plan_person' satisfies CatalogTable;

/**
 * The plan's population people with their conditions (one row each, the columns of PLAN_PERSON_TABLE):
 * the plan households' keys and the PIP and Paket candidates read them.
 */
export function planPeopleSql(plan: Plan, source: StatusSource = 'register'): string {
	return withCtes(householdCtes(plan, source), peopleSelect(plan, source));
}

/**
 * The plan's population households with zone and priority keys (one row each, the columns of
 * PLAN_HOUSEHOLD_TABLE), from `people`, a table holding planPeopleSql's rows for the same plan and
 * source. Every programme's candidates read them: the allocation builds them into that table once
 * rather than aggregating every person again for each programme.
 */
export function planHouseholdsSql(plan: Plan, source: StatusSource, people: string): string {
	return withCtes(
		[...householdCtes(plan, source), ...keysCtes(plan, people)],
		select({ select: columnNames(PLAN_HOUSEHOLD_TABLE).map((c) => `x.${c}`), from: 'x' })
	);
}

/** Cost of building work in a village's zone, in whole Rupiah (cash transfers are not multiplied). */
function zoneCost(plan: Plan, unitCost: number): string {
	const multipliers = Object.entries(plan.zoneCostMultiplier).filter(([, m]) => m !== 1);
	if (multipliers.length === 0) return `${Math.round(unitCost)}::BIGINT`;
	const multiplier = caseWhen(
		multipliers.map(([zone, m]) => [sqlString(zone), String(m)]),
		'1',
		'x.zona'
	);
	return `round(${unitCost} * ${multiplier})::BIGINT`;
}

/** The village's zone under the plan: the plan's kecamatan assignment, else the reference's zone. */
function zoneSql(plan: Plan): string {
	const moved = Object.entries(plan.kecamatanZones);
	if (moved.length === 0) return 'v.zona';
	return caseWhen(
		moved.map(([kode, zone]) => [sqlString(kode), sqlString(zone)]),
		'v.zona',
		'v.kecamatan_kode'
	);
}

/**
 * Where a programme's candidates come from: the statuses' source, and the relations holding the plan's
 * people and households (PLAN_PERSON_TABLE and PLAN_HOUSEHOLD_TABLE in the allocation, else the
 * context's CTEs `pp` and `x`).
 */
interface From {
	source: StatusSource;
	people: string;
	households: string;
}

/** A household programme's candidates: the register's household `h` with its plan household `x`. */
function householdSelect(from: From, where: string, cost: string, rule: string): string {
	return select({
		select: ['h.household_id AS unit_id', 'h.household_id', 'h.village_kode', `${cost} AS cost`, `${rule} AS rule`, ...keys('x')],
		from: `${householdsFrom(from.source)} h`,
		joins: [`JOIN ${from.households} x ON x.household_id = h.household_id`],
		where: [where]
	});
}

/** A housing programme's land or house ownership requirement, as SQL over household `h`. */
export function ownershipCondition(settings: HousingProgramme, requirement: 'land' | 'house'): string {
	return requirement === 'land'
		? passesSql('h.land_own', `h.land_own = 'own'`, 'household.land_own', settings.missingOwnership)
		: passesSql('h.tenure', `h.tenure = 'own'`, 'household.tenure', settings.missingOwnership);
}

/** The ownership requirements a housing programme has switched on. */
export function ownershipConditions(settings: HousingProgramme): string[] {
	return [
		...(settings.requireLandOwnership ? [ownershipCondition(settings, 'land')] : []),
		...(settings.requireHouseOwnership ? [ownershipCondition(settings, 'house')] : [])
	];
}

/** Households funded by earlier housing programmes: the table holding their results, and which programmes they are. */
export interface HousingFunded {
	table: string;
	programmes: readonly ProgrammeId[];
}

function housing(plan: Plan, from: From, programme: 'bsps' | 'rtlh', excludeFunded: HousingFunded | null): string {
	const s = plan.indicators;
	const settings = plan.programmes[programme];
	const conditions = [indicator('rtlh').count(s)];
	conditions.push(...ownershipConditions(settings));
	if (excludeFunded && excludeFunded.programmes.length > 0) {
		// Named programmes only: the table may also hold this programme's or the others' earlier results.
		const earlier = excludeFunded.programmes.map(sqlString).join(', ');
		conditions.push(
			`h.household_id NOT IN (SELECT household_id FROM ${excludeFunded.table} WHERE status = 'funded' AND programme IN (${earlier}))`
		);
	}
	const parts = (['rtlh_roof', 'rtlh_wall', 'rtlh_floor', 'rtlh_crowding'] as const).map((id) =>
		caseWhen([[indicator(id).count(s), `'${id.slice(5)}'`]])
	);
	const rule = `'${programme}: unfit ' || concat_ws('+', ${parts.join(', ')})`;
	return householdSelect(from, and(conditions), zoneCost(plan, settings.unitCost), rule);
}

function water(plan: Plan, from: From): string {
	const s = plan.indicators;
	const unsafe = indicator('water_unsafe').count(s);
	const conditional = indicator('water_conditional').count(s);
	const where = plan.programmes.water.includeConditional ? or([unsafe, conditional]) : unsafe;
	const rule = `'water: ' || ${caseWhen([[unsafe, "'unsafe'"]], "'conditional'")} || ' ' || coalesce(h.water, '')`;
	return householdSelect(from, where, zoneCost(plan, plan.programmes.water.unitCost), rule);
}

/** The person's stage for PIP: the level they attend when in school and known, else their age band. */
function pipStage(plan: Plan): string {
	const b = plan.indicators.school;
	const attended = (stage: string) => (Object.keys(LEVEL_STAGE) as (keyof typeof LEVEL_STAGE)[]).filter((l) => LEVEL_STAGE[l] === stage);
	const stages = ['sd', 'smp', 'sma'] as const;
	const level = caseWhen(stages.map((st) => [`p.level IN (${attended(st).map(sqlString).join(', ')})`, `'${st}'`]));
	const byLevel = caseWhen([[`p.school_participation = 'in_school'`, level]]);
	const byAge = caseWhen(stages.map((st) => [`p.age BETWEEN ${b[st].min} AND ${b[st].max}`, `'${st}'`]));
	return `coalesce(${byLevel}, ${byAge})`;
}

/** A person programme's candidates: the plan's people `p` (peopleSelect's rows) meeting `where`, with their plan household `x`. */
function personSelect(from: From, where: string, cost: string, rule: string, stage: string): string {
	const people = select({
		select: [
			'p.person_id AS unit_id',
			'x.household_id',
			'x.village_kode',
			'p.school_participation',
			'p.class',
			`${stage} AS stage`,
			...keys('x')
		],
		from: `${from.people} p`,
		joins: [`JOIN ${from.households} x ON x.household_id = p.household_id`],
		where: [where]
	});
	return select({
		select: ['unit_id', 'household_id', 'village_kode', `${cost} AS cost`, `${rule} AS rule`, ...PRIORITY_KEYS],
		from: `${parens(people)} p`
	});
}

function pip(plan: Plan, from: From): string {
	const settings = plan.programmes.pip;
	const inSchool = `(p.school_age AND p.school_participation = 'in_school')`;
	const where = settings.includeInSchool ? or(['p.ats', inSchool]) : 'p.ats';
	// New pupils (class 1, or coming back to school) and final-year ones (SD 6, SMP/SMA 3) get half.
	const half = settings.halfForNewAndFinal
		? `(p.school_participation <> 'in_school' OR p.class = 1 OR (p.stage = 'sd' AND p.class = 6) OR (p.stage <> 'sd' AND p.class = 3))`
		: 'FALSE';
	const { sd, smp, sma } = settings.unitCost;
	const full = caseWhen(
		[
			["'sd'", String(sd)],
			["'smp'", String(smp)]
		],
		String(sma),
		'p.stage'
	);
	const cost = `(${caseWhen([[half, `${full} // 2`]], full)})::BIGINT`;
	const schooling = caseWhen([[`p.school_participation = 'in_school'`, "' in school'"]], "' out of school'");
	const rule = `'pip: ' || p.stage || ${schooling} || ${caseWhen([[half, "' (half)'"]], "''")}`;
	return personSelect(from, where, cost, rule, 'p.stage');
}

function paket(plan: Plan, from: From): string {
	const c = plan.programmes.paket.unitCost;
	const cost = `(${caseWhen(
		[
			["'a'", String(c.a)],
			["'b'", String(c.b)]
		],
		String(c.c),
		'p.stage'
	)})::BIGINT`;
	return personSelect(from, 'p.paket IS NOT NULL', cost, `'paket ' || p.stage`, 'p.paket');
}

/**
 * The candidates SELECT of one programme; `housingFunded` names the earlier housing programmes whose
 * funded households a housing programme skips, and the table holding them;
 * `source`: the register's verval statuses or the verified set's (core/verval/relations.ts);
 * `plan`: the tables holding planPeopleSql's and planHouseholdsSql's rows for this plan and source (the
 * allocation builds PLAN_PERSON_TABLE and PLAN_HOUSEHOLD_TABLE once for all programmes), or null to
 * compute them here.
 */
export function candidatesSql(
	plan: Plan,
	programme: ProgrammeId,
	housingFunded: HousingFunded | null = null,
	source: StatusSource = 'register',
	planTables: { people: string; households: string } | null = null
): string {
	const from: From = { source, ...(planTables ?? { people: 'pp', households: 'x' }) };
	const body =
		programme === 'bsps' || programme === 'rtlh'
			? housing(plan, from, programme, housingFunded)
			: programme === 'water'
				? water(plan, from)
				: programme === 'pip'
					? pip(plan, from)
					: paket(plan, from);
	if (planTables) return body;
	return withCtes([...householdCtes(plan, source), ['pp', peopleSelect(plan, source)], ...keysCtes(plan, 'pp')], body);
}
