/** `npm run fuzz -- --count N [--seed S]`: a longer fuzz run than CI's, with its figures for the README. */
import { parseArgs } from 'node:util';
import { fuzzInputs, runFuzz } from './run';

const { values } = parseArgs({
	options: { count: { type: 'string', default: '2000' }, seed: { type: 'string', default: String(Date.now() % 1_000_000) } }
});
const count = Number(values.count);
const seed = Number(values.seed);
const started = performance.now();
const byDamage = new Map<string, Map<string, number>>();
const summary = await runFuzz(await fuzzInputs(count, seed), (o) => {
	const key = `${o.input.target}/${o.input.damage}`;
	const verdicts = byDamage.get(key) ?? new Map<string, number>();
	verdicts.set(o.verdict, (verdicts.get(o.verdict) ?? 0) + 1);
	byDamage.set(key, verdicts);
	if (!['loaded', 'refused'].includes(o.verdict)) console.log(`${key}: ${o.verdict} — ${o.detail.slice(0, 400)}`);
});
for (const [key, verdicts] of byDamage) console.log(`${key}: ${[...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}`);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`seed ${seed}: ${summary.inputs} inputs in ${seconds} s`);
for (const [verdict, n] of Object.entries(summary.byVerdict)) console.log(`  ${verdict}: ${n}`);
process.exitCode = summary.failures.length === 0 ? 0 : 1;
