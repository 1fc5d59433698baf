/**
 * The fuzz run: `count` damaged inputs spread over the targets' damages (each damage at least once,
 * the rest drawn at random from a seed), judged one by one with a bound on each so a hang is reported
 * rather than waited on.
 */
import { BOUNDARY_DAMAGES, runBoundary } from './boundary';
import { MAPPING_DAMAGES, runMapping } from './mapping';
import { PLAN_DAMAGES, runPlan } from './plan';
import { REGISTER_DAMAGES, RegisterRunner } from './register';
import { Random } from './random';
import type { Damage, FuzzInput, Outcome, Target, Verdict } from './types';

/** Longest any one input may take before it counts as hung: far beyond a correct answer's seconds. */
export const HANG_MS = 120_000;

const DAMAGES: Record<Target, Damage[]> = {
	register: REGISTER_DAMAGES,
	plan: PLAN_DAMAGES,
	boundary: BOUNDARY_DAMAGES,
	mapping: MAPPING_DAMAGES
};

export async function fuzzInputs(count: number, seed: number): Promise<FuzzInput[]> {
	const random = new Random(seed);
	const all = (Object.entries(DAMAGES) as [Target, Damage[]][]).flatMap(([target, damages]) => damages.map((d) => ({ target, damage: d })));
	const chosen = [...all, ...Array.from({ length: Math.max(0, count - all.length) }, () => random.pick(all))];
	const inputs: FuzzInput[] = [];
	// One after another: each draws from the same generator, so the order fixes the inputs.
	for (const { target, damage } of chosen)
		inputs.push({ target, damage: damage.name, expect: damage.expect, ...(await damage.make(random)) });
	return inputs;
}

async function bounded<T>(work: Promise<T>, ms: number): Promise<T | 'hung'> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), ms)));
	try {
		return await Promise.race([work, hung]);
	} finally {
		clearTimeout(timer);
	}
}

export interface FuzzSummary {
	inputs: number;
	byVerdict: Record<Verdict, number>;
	failures: Outcome[];
}

const FAILING: readonly Verdict[] = ['silently-wrong', 'unclear', 'crashed', 'hung', 'changed-previous'];

export async function runFuzz(inputs: readonly FuzzInput[], onOutcome?: (outcome: Outcome) => void): Promise<FuzzSummary> {
	const register = new RegisterRunner();
	await register.open();
	const byVerdict: Record<Verdict, number> = {
		loaded: 0,
		refused: 0,
		'silently-wrong': 0,
		unclear: 0,
		crashed: 0,
		hung: 0,
		'changed-previous': 0
	};
	const failures: Outcome[] = [];
	try {
		for (const input of inputs) {
			const started = performance.now();
			const work =
				input.target === 'register'
					? register.run(input)
					: input.target === 'boundary'
						? runBoundary(input)
						: Promise.resolve().then(() => (input.target === 'plan' ? runPlan(input) : runMapping(input)));
			const result = await bounded(work, HANG_MS);
			const outcome: Outcome = {
				input,
				ms: performance.now() - started,
				...(result === 'hung' ? { verdict: 'hung', detail: '' } : result)
			};
			byVerdict[outcome.verdict]++;
			if (FAILING.includes(outcome.verdict)) failures.push(outcome);
			onOutcome?.(outcome);
			// A hung load still holds the engine: the inputs after it would only wait behind it.
			if (outcome.verdict === 'hung') break;
		}
	} finally {
		await register.close();
	}
	return { inputs: inputs.length, byVerdict, failures };
}
