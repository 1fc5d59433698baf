/**
 * The plan target: a budgeted plan file, damaged at a random place (prototype-pollution keys, huge
 * numbers, deep nesting, wrong types, long text, too many lines, broken JSON) and read as the app and
 * the CLI read it: a plan, or a PlanFileError naming the file and the field, and Object.prototype untouched.
 */
import { PlanFileError, parsePlan, serialisePlan } from '../../src/lib/core/plan';
import { errorWords } from '../../src/lib/words';
import { budgetedPlan } from '../fixtures/plans';
import { flipBytes, truncateAt, utf8 } from './bytes';
import type { Random } from './random';
import type { Damage, FuzzInput, Outcome } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const seedPlan = (): Json => JSON.parse(serialisePlan(budgetedPlan())) as Json;

/** Every path to an object or array in the value, the root included. */
function containers(value: Json, path: (string | number)[] = []): (string | number)[][] {
	if (value === null || typeof value !== 'object') return [];
	const inner = Array.isArray(value)
		? value.flatMap((v, i) => containers(v, [...path, i]))
		: Object.entries(value).flatMap(([k, v]) => containers(v, [...path, k]));
	return [path, ...inner];
}

function at(value: Json, path: readonly (string | number)[]): Json {
	let here: Json = value;
	for (const step of path) here = (here as Record<string | number, Json>)[step] ?? null;
	return here;
}

/** The plan with one value somewhere set: a key added to an object, or an item of an array replaced. */
function planWith(random: Random, value: Json | string, raw = false): string {
	const plan = seedPlan();
	const paths = containers(plan);
	const target = at(plan, random.pick(paths));
	const marker = '"__FUZZ_VALUE__"';
	const placed = raw ? JSON.parse(marker) : value;
	if (Array.isArray(target)) target[random.int(0, Math.max(0, target.length - 1))] = placed as Json;
	else if (target && typeof target === 'object') {
		const keys = Object.keys(target);
		target[keys.length > 0 && random.next() < 0.7 ? random.pick(keys) : 'tambahan'] = placed as Json;
	}
	const text = JSON.stringify(plan, null, 2);
	return raw ? text.replace(marker, value as string) : text;
}

const file = (text: string | Uint8Array) => ({ name: 'rencana-rusak.json', bytes: typeof text === 'string' ? utf8(text) : text });

function nested(depth: number): string {
	return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

export const PLAN_DAMAGES: Damage[] = [
	{ name: 'intact', expect: 'either', make: () => file(serialisePlan(budgetedPlan())) },
	{
		name: 'prototype-key',
		expect: 'either',
		make: (r) => {
			const key = r.pick(['__proto__', 'constructor', 'prototype']);
			const text = serialisePlan(budgetedPlan()).replace(/\{\n/, `{\n  "${key}": {"polluted": true, "toString": 1},\n`);
			return file(r.next() < 0.5 ? text : planWith(r, `{"${key}": {"polluted": true}}`, true));
		}
	},
	{
		name: 'huge-number',
		expect: 'either',
		make: (r) => file(planWith(r, r.pick(['1e400', '-1e400', '1e20', '-0', '9007199254740993', '1e-400']), true))
	},
	{ name: 'deep-nesting', expect: 'refused', make: (r) => file(planWith(r, nested(r.pick([1000, 100_000])), true)) },
	{ name: 'wrong-type', expect: 'either', make: (r) => file(planWith(r, r.pick<Json>([null, true, 'teks', [], {}, 12, -5, [1, 2]]))) },
	{ name: 'long-text', expect: 'either', make: (r) => file(planWith(r, 'x'.repeat(r.pick([201, 70_000, 1_048_576])))) },
	{
		name: 'many-lines',
		expect: 'refused',
		make: (r) => {
			const plan = budgetedPlan();
			const count = r.pick([201, 10_000]);
			plan.fundingLines = Array.from({ length: count }, (_, i) => ({ id: `l${i}`, name: `L${i}`, kind: 'CSR', budgets: { pip: 1 } }));
			return file(JSON.stringify(plan));
		}
	},
	{
		name: 'impossible-date',
		expect: 'refused',
		make: (r) => file(JSON.stringify({ ...budgetedPlan(), date: r.pick(['2026-02-31', '2025-02-29', '2026-13-01', '31-12-2026']) }))
	},
	{ name: 'bom', expect: 'either', make: () => file(`\uFEFF${serialisePlan(budgetedPlan())}`) },
	{ name: 'truncated', expect: 'either', make: (r) => file(truncateAt(utf8(serialisePlan(budgetedPlan())), r)) },
	{ name: 'flipped-bytes', expect: 'either', make: (r) => file(flipBytes(utf8(serialisePlan(budgetedPlan())), r)) }
];

export function runPlan(input: FuzzInput): Omit<Outcome, 'input' | 'ms'> {
	const text = new TextDecoder().decode(input.bytes);
	try {
		const plan = parsePlan(text, input.name);
		if ('polluted' in Object.prototype || 'polluted' in plan) return { verdict: 'silently-wrong', detail: 'prototype polluted' };
		if (input.expect === 'refused') return { verdict: 'silently-wrong', detail: 'accepted a plan that must be refused' };
		// What was accepted is a plan the app itself would write and read back the same.
		const again = parsePlan(serialisePlan(plan), input.name);
		if (serialisePlan(again) !== serialisePlan(plan)) return { verdict: 'silently-wrong', detail: 'does not round-trip' };
		return { verdict: 'loaded', detail: plan.name };
	} catch (error) {
		if (!(error instanceof PlanFileError)) return { verdict: 'crashed', detail: String(error instanceof Error ? error.stack : error) };
		const words = errorWords(error, 'id');
		if ('polluted' in Object.prototype) return { verdict: 'silently-wrong', detail: 'prototype polluted' };
		return { verdict: words.includes(input.name) ? 'refused' : 'unclear', detail: words };
	}
}
