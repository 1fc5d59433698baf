/**
 * What a register can feed: from the columns it really has (`register_field`) and the plan, whether
 * each indicator and programme can be computed fully, partly or not at all, whether each population
 * filter and programme requirement applies, and why. Reasons are codes with parameters; the words
 * are the caller's (paraglide messages on screen, words/capability-notes.ts in files and the CLI).
 */
import { INDICATOR_IDS, type IndicatorId } from './indicators/definitions';
import { HOUSING_PROGRAMMES, PROGRAMME_IDS, type IndicatorSettings, type MissingRule, type Plan, type ProgrammeId } from './plan';
import { fieldKey, fieldsByKey, type FieldKey, type RegisterField } from './register-fields';

export type CapabilityStatus = 'full' | 'partial' | 'none';

/**
 * Refinements: what a column adds to an indicator or programme that can be computed without it.
 * `degrades`: without it the count is off (partial); otherwise it is a note and the status stays
 * (DTSEN never records roof or wall condition: its RTLH is the materials and crowding BPS defines).
 */
export const REFINEMENTS = {
	ats_certificate: { degrades: true },
	paket_in_school: { degrades: true },
	roof_condition: { degrades: false },
	wall_condition: { degrades: false },
	pip_level: { degrades: false },
	pip_class: { degrades: false }
} as const satisfies Record<string, { degrades: boolean }>;
export type RefinementId = keyof typeof REFINEMENTS;

export type FilterId = 'desil' | 'verval';
export type HousingProgrammeId = (typeof HOUSING_PROGRAMMES)[number];
export type RequirementId = 'land' | 'house';

/** What an absent column stops. */
export type Effect =
	| { kind: 'indicator'; indicator: IndicatorId }
	| { kind: 'refinement'; refinement: RefinementId }
	| { kind: 'filter'; filter: FilterId }
	| { kind: 'requirement'; programme: HousingProgrammeId; requirement: RequirementId };

/** Why something is not full: these columns are absent, so `effect` does not happen. */
export interface CapabilityReason {
	absent: FieldKey[];
	effect: Effect;
}

export interface Capability<Id extends string> {
	id: Id;
	status: CapabilityStatus;
	reasons: CapabilityReason[];
}

/** A population filter or a programme requirement on a column of the register. */
interface Check {
	/** The columns it reads. */
	fields: FieldKey[];
	/** False when the register has none of its columns: it lets every record through. */
	applies: boolean;
	/** Records without a value where the column exists (households for household columns). */
	missing: number;
	/** What the plan does with them. */
	rule: MissingRule;
}

export interface FilterCheck extends Check {
	id: FilterId;
}

export interface RequirementCheck extends Check {
	programme: HousingProgrammeId;
	requirement: RequirementId;
	/** The plan asks for it. */
	enabled: boolean;
}

export interface Capabilities {
	indicators: Capability<IndicatorId>[];
	programmes: Capability<ProgrammeId>[];
	filters: FilterCheck[];
	requirements: RequirementCheck[];
	/** Columns the register lacks, household then person, in register_field order. */
	absent: FieldKey[];
}

interface Need {
	fields: FieldKey[];
	/** Absent: none when undefined (the indicator needs it), else this refinement is lost. */
	refinement?: RefinementId;
	/** The plan uses this column at all (a switched-off setting needs nothing). */
	when?: (s: IndicatorSettings) => boolean;
}

const ATS_NEEDS: Need[] = [
	{ fields: ['person.age', 'person.school_participation'] },
	{ fields: ['person.certificate'], refinement: 'ats_certificate' }
];
const PAKET_NEEDS: Need[] = [
	{ fields: ['person.age', 'person.certificate'] },
	{ fields: ['person.school_participation'], refinement: 'paket_in_school' }
];
const WATER_NEEDS: Need[] = [{ fields: ['household.water'] }];

/** The columns each indicator reads (definitions.ts); RTLH is its four parts. */
const INDICATOR_NEEDS: Record<Exclude<IndicatorId, 'rtlh'>, Need[]> = {
	ats: ATS_NEEDS,
	ats_sd: ATS_NEEDS,
	ats_smp: ATS_NEEDS,
	ats_sma: ATS_NEEDS,
	rtlh_roof: [
		{ fields: ['household.roof'] },
		{ fields: ['household.roof_condition'], refinement: 'roof_condition', when: (s) => s.housing.poorConditionCounts }
	],
	rtlh_wall: [
		{ fields: ['household.wall'] },
		{ fields: ['household.wall_condition'], refinement: 'wall_condition', when: (s) => s.housing.poorConditionCounts }
	],
	rtlh_floor: [{ fields: ['household.floor'] }],
	rtlh_crowding: [{ fields: ['household.floor_area'] }],
	water_unsafe: WATER_NEEDS,
	water_conditional: WATER_NEEDS,
	paket_a: PAKET_NEEDS,
	paket_b: PAKET_NEEDS,
	paket_c: PAKET_NEEDS
};

export const RTLH_PARTS = ['rtlh_roof', 'rtlh_wall', 'rtlh_floor', 'rtlh_crowding'] as const satisfies readonly IndicatorId[];

type Present = (key: FieldKey) => boolean;

/** One indicator (or a programme's own refinements: `indicator` null, every need a refinement). */
function assess<Id extends string>(
	id: Id,
	needs: readonly Need[],
	present: Present,
	s: IndicatorSettings,
	indicator: IndicatorId | null
): Capability<Id> {
	const reasons: CapabilityReason[] = [];
	let status: CapabilityStatus = 'full';
	for (const need of needs) {
		if (need.when && !need.when(s)) continue;
		const absent = need.fields.filter((f) => !present(f));
		if (absent.length === 0) continue;
		if (need.refinement) {
			reasons.push({ absent, effect: { kind: 'refinement', refinement: need.refinement } });
			if (REFINEMENTS[need.refinement].degrades && status === 'full') status = 'partial';
		} else {
			if (!indicator) throw new Error(`${id}: a required column needs an indicator`);
			reasons.push({ absent, effect: { kind: 'indicator', indicator } });
			status = 'none';
		}
	}
	return { id, status, reasons };
}

/** A whole made of parts: none when every part is none, full when every part is full, else partial. */
function combine<Id extends string>(id: Id, parts: readonly Capability<string>[], extra: CapabilityReason[] = []): Capability<Id> {
	const statuses = parts.map((p) => p.status);
	const status: CapabilityStatus = statuses.every((s) => s === 'none') ? 'none' : statuses.every((s) => s === 'full') ? 'full' : 'partial';
	const reasons: CapabilityReason[] = [];
	const seen = new Set<string>();
	for (const reason of [...parts.flatMap((p) => p.reasons), ...extra]) {
		const key = JSON.stringify(reason);
		if (!seen.has(key)) {
			seen.add(key);
			reasons.push(reason);
		}
	}
	return { id, status, reasons };
}

function indicatorCapabilities(present: Present, s: IndicatorSettings): Capability<IndicatorId>[] {
	const single = (id: Exclude<IndicatorId, 'rtlh'>) => assess(id, INDICATOR_NEEDS[id], present, s, id);
	const parts = RTLH_PARTS.map(single);
	return INDICATOR_IDS.map((id) => (id === 'rtlh' ? combine('rtlh', parts) : single(id)));
}

const OWNERSHIP_FIELD: Record<RequirementId, FieldKey> = { land: 'household.land_own', house: 'household.tenure' };

function requirementChecks(byKey: ReadonlyMap<string, RegisterField>, plan: Plan): RequirementCheck[] {
	return HOUSING_PROGRAMMES.flatMap((programme) => {
		const settings = plan.programmes[programme];
		return (['land', 'house'] as const).map((requirement): RequirementCheck => {
			const key = OWNERSHIP_FIELD[requirement];
			const field = byKey.get(key);
			return {
				programme,
				requirement,
				enabled: requirement === 'land' ? settings.requireLandOwnership : settings.requireHouseOwnership,
				fields: [key],
				applies: field?.present ?? false,
				missing: field?.missing ?? 0,
				rule: settings.missingOwnership
			};
		});
	});
}

function filterChecks(byKey: ReadonlyMap<string, RegisterField>, plan: Plan): FilterCheck[] {
	const check = (id: FilterId, fields: FieldKey[], rule: MissingRule): FilterCheck => {
		const [main] = fields;
		const first = main ? byKey.get(main) : undefined;
		return {
			id,
			fields,
			applies: fields.some((f) => byKey.get(f)?.present ?? false),
			missing: first?.missing ?? 0,
			rule
		};
	};
	const { missing } = plan.population;
	return [
		check('desil', ['household.desil'], missing.desil),
		check('verval', ['household.verval_status', 'person.verval_status'], missing.verval)
	];
}

function programmeCapabilities(
	indicators: readonly Capability<IndicatorId>[],
	requirements: readonly RequirementCheck[],
	present: Present,
	plan: Plan
): Capability<ProgrammeId>[] {
	const of = (id: IndicatorId): Capability<IndicatorId> => {
		const found = indicators.find((c) => c.id === id);
		if (!found) throw new Error(`no capability for ${id}`);
		return found;
	};
	const s = plan.indicators;
	return PROGRAMME_IDS.map((id): Capability<ProgrammeId> => {
		switch (id) {
			case 'pip': {
				const own = assess(
					'pip',
					[
						{ fields: ['person.level'], refinement: 'pip_level' },
						...(plan.programmes.pip.halfForNewAndFinal ? [{ fields: ['person.class'], refinement: 'pip_class' } as Need] : [])
					],
					present,
					s,
					null
				);
				const base = of('ats');
				return base.status === 'none' ? { ...base, id } : combine('pip', [base], own.reasons);
			}
			case 'paket':
				return combine('paket', [of('paket_a'), of('paket_b'), of('paket_c')]);
			case 'water':
				return plan.programmes.water.includeConditional
					? combine('water', [of('water_unsafe'), of('water_conditional')])
					: { ...of('water_unsafe'), id };
			default: {
				const base = of('rtlh');
				const unchecked = requirements.filter((r) => r.programme === id && r.enabled && !r.applies);
				const reasons = unchecked.map((r): CapabilityReason => ({
					absent: r.fields,
					effect: { kind: 'requirement', programme: r.programme, requirement: r.requirement }
				}));
				const combined = combine(id, [base], reasons);
				return base.status === 'full' && reasons.length > 0 ? { ...combined, status: 'partial' } : combined;
			}
		}
	});
}

/** Everything the register can and cannot feed under this plan. */
export function capabilitiesOf(fields: readonly RegisterField[], plan: Plan): Capabilities {
	const byKey = fieldsByKey(fields);
	const present: Present = (key) => byKey.get(key)?.present ?? false;
	const indicators = indicatorCapabilities(present, plan.indicators);
	const requirements = requirementChecks(byKey, plan);
	return {
		indicators,
		programmes: programmeCapabilities(indicators, requirements, present, plan),
		filters: filterChecks(byKey, plan),
		requirements,
		absent: fields.filter((f) => !f.present).map((f) => fieldKey(f.table, f.field) as FieldKey)
	};
}

/** The indicators the register has no column for (status 'none'): shown as not computed, never as 0. */
export function uncomputedIndicators(caps: Capabilities): ReadonlySet<IndicatorId> {
	return new Set(caps.indicators.filter((c) => c.status === 'none').map((c) => c.id));
}
