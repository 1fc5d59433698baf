/**
 * Issue 18 point 8: the CI-sized fuzz run. At least 500 damaged inputs (every damage of every target,
 * the rest drawn from a fixed seed), each answered with a clear message naming the file or with a load
 * whose rows add up, none hung, the previous register untouched by a refusal, Object.prototype clean.
 * `npm run fuzz -- --count N --seed S` runs more.
 */
import { describe, expect, it } from 'vitest';
import { fuzzInputs, runFuzz } from './run';

const COUNT = 520;

describe('fuzz', () => {
	it(`${COUNT} damaged registers, plans and boundary files: no silent wrong answer, no crash, no hang`, async () => {
		const inputs = await fuzzInputs(COUNT, 2026);
		expect(inputs.length).toBeGreaterThanOrEqual(500);
		const summary = await runFuzz(inputs);
		const failures = summary.failures.map((f) => `${f.input.target}/${f.input.damage} → ${f.verdict}: ${f.detail.slice(0, 300)}`);
		expect(failures).toEqual([]);
		expect(summary.byVerdict.loaded + summary.byVerdict.refused).toBe(COUNT);
		// Both answers occur: a run that refused (or loaded) everything would test nothing.
		expect(summary.byVerdict.loaded).toBeGreaterThan(0);
		expect(summary.byVerdict.refused).toBeGreaterThan(0);
	}, 1_800_000);
});
