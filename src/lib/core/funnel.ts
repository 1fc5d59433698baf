/**
 * Never a silent zero: how many households each setting lets through, so a screen whose population or
 * programme comes out empty can name the setting that did it. One pass over the households of the
 * reference villages counts them under each population filter alone and together, and for each
 * housing programme its unfit houses in the population under each ownership requirement.
 */
import type { FilterId, HousingProgrammeId, RequirementId } from './capabilities';
import { indicator } from './indicators/definitions';
import { householdDesilValid, householdVervalValid } from './indicators/sql';
import { householdsFrom, type StatusSource } from './verval/relations';
import { HOUSING_PROGRAMMES, type Plan } from './plan';
import { ownershipCondition, ownershipConditions } from './programs/candidates';
import { and, select, withCtes } from './sql';

export interface HousingFunnel {
	/** Unfit houses (RTLH) in the population. */
	need: number;
	/** Of those, passing each requirement alone (whether or not the plan asks for it). */
	land: number;
	house: number;
	/** Passing every requirement the plan asks for. */
	candidates: number;
}

export interface Funnel {
	households: number;
	/** Households passing each population filter alone, and both. */
	desil: number;
	verval: number;
	population: number;
	housing: Record<HousingProgrammeId, HousingFunnel>;
}

/** A setting that leaves nobody. */
export type EmptyCause =
	| { kind: 'filter'; filter: FilterId; passing: number }
	| { kind: 'requirement'; programme: HousingProgrammeId; requirement: RequirementId; passing: number };

/** One row: the columns of Funnel, housing ones as `<programme>_<field>`. */
export function funnelSql(plan: Plan, source: StatusSource = 'register'): string {
	const s = plan.indicators;
	const housing = HOUSING_PROGRAMMES.flatMap((id) => {
		const settings = plan.programmes[id];
		const land = ownershipCondition(settings, 'land');
		const house = ownershipCondition(settings, 'house');
		const need = ['in_population', 'unfit'];
		return [
			`count_if(${and(need)})::INTEGER AS ${id}_need`,
			`count_if(${and([...need, land])})::INTEGER AS ${id}_land`,
			`count_if(${and([...need, house])})::INTEGER AS ${id}_house`,
			`count_if(${and([...need, ...ownershipConditions(settings)])})::INTEGER AS ${id}_candidates`
		];
	});
	const households = select({
		select: [
			'h.*',
			`${householdDesilValid(plan.population)} AS desil_ok`,
			`${householdVervalValid(plan.population)} AS verval_ok`,
			`${indicator('rtlh').count(s)} AS unfit`
		],
		from: `${householdsFrom(source)} h`,
		joins: ['JOIN village v ON v.kode = h.village_kode']
	});
	const counts = select({
		select: [
			'count(*)::INTEGER AS households',
			'count_if(desil_ok)::INTEGER AS desil',
			'count_if(verval_ok)::INTEGER AS verval',
			'count_if(in_population)::INTEGER AS population',
			...housing
		],
		from: 'f AS h'
	});
	return withCtes(
		[
			['h', households],
			['f', 'SELECT *, desil_ok AND verval_ok AS in_population FROM h']
		],
		counts
	);
}

/**
 * Why the population is empty: each filter that alone leaves nobody, or, when none does alone, both
 * (together they do). Empty when the population is not empty or there are no households at all.
 */
export function populationEmptyCauses(f: Funnel): EmptyCause[] {
	if (f.population > 0 || f.households === 0) return [];
	const filters: EmptyCause[] = [
		{ kind: 'filter', filter: 'desil', passing: f.desil },
		{ kind: 'filter', filter: 'verval', passing: f.verval }
	];
	const alone = filters.filter((c) => c.passing === 0);
	return alone.length > 0 ? alone : filters;
}

/** Why a housing programme has no candidates though the population has unfit houses. */
export function housingEmptyCauses(f: Funnel, plan: Plan, programme: HousingProgrammeId): EmptyCause[] {
	const h = f.housing[programme];
	if (h.candidates > 0 || h.need === 0) return [];
	const settings = plan.programmes[programme];
	const asked: EmptyCause[] = [
		...(settings.requireLandOwnership ? [{ kind: 'requirement', programme, requirement: 'land', passing: h.land } as const] : []),
		...(settings.requireHouseOwnership ? [{ kind: 'requirement', programme, requirement: 'house', passing: h.house } as const] : [])
	];
	const alone = asked.filter((c) => c.passing === 0);
	return alone.length > 0 ? alone : asked;
}
