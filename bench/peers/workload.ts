/**
 * The common workload Tepat's peers run (issue 14 point 4), with every value taken from Tepat's own
 * definitions so the peers answer the same question as Tepat's SQL:
 *
 * - per reference village (zeros included, ordered by code): households and people of the register
 *   (every one, as the overview counts them: overviewByVillageSql), then under the plan's population
 *   (household desil 1–4 and a valid verval status, a missing value counted; the person's own verval
 *   status valid or missing) the ATS count (school-age child, never or no longer in school, without an
 *   SMA-level certificate: indicators/definitions.ts) and the RTLH-by-roof count (a roof in the plan's
 *   unfit list, i.e. not in `durableRoof`; the poor-condition rule switched off);
 * - one funded list: the PIP candidates (school-age children of the population in or out of school, in a
 *   reference village: programs/candidates.ts) ranked by desil (missing last), then household id, then
 *   person id, each costing one unit, cut at a budget of N units.
 *
 * The peers read the register as Tepat's ingest leaves it (canonical codes), written once per size to
 * narrow Parquet files (reference.ts), so no peer has to repeat the source-code mapping.
 */
import { defaultPlan, type Plan } from '../../src/lib/core/plan';
import { ROOF } from '../../src/lib/core/schema';
import { certificatesFrom } from '../../src/lib/core/indicators/stages';

/** The Parquet files every peer loads (written by reference.ts from Tepat's canonical tables). */
export interface RegisterFiles {
	household: string;
	person: string;
	village: string;
}

export const HOUSEHOLD_COLUMNS = ['household_id', 'village_kode', 'desil', 'verval_status', 'roof'] as const;
export const PERSON_COLUMNS = ['person_id', 'household_id', 'age', 'school_participation', 'certificate', 'verval_status'] as const;

export interface VillageTotals {
	kode: string;
	households: number;
	people: number;
	ats: number;
	rtlh_roof: number;
}

export interface WorkloadAnswer {
	villages: VillageTotals[];
	/** Person ids of the funded PIP list, in rank order. */
	funded: string[];
}

/** The plan Tepat's SQL runs for the reference: the default plan with the workload's simplifications. */
export function workloadPlan(): Plan {
	const plan = defaultPlan();
	// One rule for a missing desil and verval status keeps every peer's filter a plain comparison.
	plan.population.missing.desil = 'counted';
	plan.indicators.housing.poorConditionCounts = false;
	plan.programmes.pip = { enabled: true, unitCost: { sd: 1, smp: 1, sma: 1 }, halfForNewAndFinal: false, includeInSchool: true };
	return plan;
}

/** The workload's parameters as plain values, for the peers that are not SQL. */
export interface Workload {
	desilMin: number;
	desilMax: number;
	validVerval: readonly string[];
	/** School age: the union of the plan's SD, SMP and SMA bands (contiguous in the default plan). */
	schoolAges: readonly { min: number; max: number }[];
	outOfSchool: readonly string[];
	inSchool: string;
	smaCertificates: readonly string[];
	unfitRoof: readonly string[];
	/** Units the PIP list may fund (each candidate costs one). */
	budget: number;
}

/** The PIP budget for a register of `people`: one unit per 20 people, so the cut falls inside the queue. */
export function budgetFor(people: number): number {
	return Math.max(1, Math.round(people / 20));
}

export function workload(budget: number, plan: Plan = workloadPlan()): Workload {
	const { population, indicators } = plan;
	if (population.missing.desil !== 'counted' || population.missing.verval !== 'counted') {
		throw new Error('the peers implement the "counted" rule for missing desil and verval only');
	}
	const { sd, smp, sma } = indicators.school;
	return {
		desilMin: population.desil.min,
		desilMax: population.desil.max,
		validVerval: population.verval,
		schoolAges: [sd, smp, sma],
		outOfSchool: ['never', 'no_longer'],
		inSchool: 'in_school',
		smaCertificates: certificatesFrom('sma'),
		unfitRoof: ROOF.filter((r) => !indicators.housing.durableRoof.includes(r)),
		budget
	};
}

/** Where two answers first differ, in words; undefined when they agree exactly. */
export function firstDifference(expected: WorkloadAnswer, actual: WorkloadAnswer): string | undefined {
	if (expected.villages.length !== actual.villages.length) {
		return `villages: ${expected.villages.length} rows expected, ${actual.villages.length} given`;
	}
	for (let i = 0; i < expected.villages.length; i++) {
		const e = expected.villages[i] as VillageTotals;
		const a = actual.villages[i] as VillageTotals;
		for (const key of ['kode', 'households', 'people', 'ats', 'rtlh_roof'] as const) {
			if (e[key] !== a[key]) return `village row ${i} (${e.kode}) ${key}: expected ${e[key]}, given ${String(a[key])}`;
		}
	}
	const n = Math.max(expected.funded.length, actual.funded.length);
	for (let i = 0; i < n; i++) {
		if (expected.funded[i] !== actual.funded[i]) {
			return `funded list position ${i + 1}: expected ${expected.funded[i] ?? '(end)'}, given ${actual.funded[i] ?? '(end)'} (${expected.funded.length} expected, ${actual.funded.length} given)`;
		}
	}
	return undefined;
}
