/**
 * The fuzz run: `count` damaged inputs spread over the targets' damages (each damage at least once,
 * the rest drawn at random from a seed), judged one by one with a bound on each so a hang is reported
 * rather than waited on.
 */
import { BOUNDARY_DAMAGES, runBoundary } from './boundary';
import { PLAN_DAMAGES, runPlan } from './plan';
import { REGISTER_DAMAGES, RegisterRunner } from './register';
import { Random } from './random';
import type { Damage, FuzzInput, Outcome, Target, Verdict } from './types';

/** Longest any one input may take before it counts as hung: far beyond a correct answer's seconds. */
export const HANG_MS = 120_000;

const DAMAGES: Record<Target, Damage[]> = { register: REGISTER_DAMAGES, plan: PLAN_DAMAGES, boundary: BOUNDARY_DAMAGES };

export function fuzzInputs(count: number, seed: number): FuzzInput[] {
	const random = new Random(seed);
	const all = (Object.entries(DAMAGES) as [Target, Damage[]][]).flatMap(([target, damages]) => damages.map((d) => ({ target, damage: d })));
	const chosen = [...all, ...Array.from({ length: Math.max(0, count - all.length) }, () => random.pick(all))];
	return chosen.map(({ target, damage }) => ({ target, damage: damage.name, expect: damage.expect, ...damage.make(random) }));
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
					: input.target === 'plan'
						? Promise.resolve().then(() => runPlan(input))
						: runBoundary(input);
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
