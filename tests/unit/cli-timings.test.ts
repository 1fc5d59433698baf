import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/ingest';
import { runCli } from './cli-run';
import { INGEST_STEPS } from '../../src/lib/ingest';

/** The steps `--timings` prints, in order, each with its seconds and rows (times are not checked). */
function printedSteps(stderr: string): string[] {
	const start = stderr.indexOf('Waktu muat per langkah:\n');
	expect(start).toBeGreaterThanOrEqual(0);
	const lines = stderr.slice(start).split('\n').slice(1);
	const steps: string[] = [];
	for (const line of lines) {
		const match = /^ {2}(\w+) +\d+,\d s {2}[\d.]+ baris(?: {2}\d+,\d MiB)?$/.exec(line);
		if (!match?.[1]) break;
		steps.push(match[1]);
	}
	return steps;
}

describe('--timings on the register commands', () => {
	it('summary prints every step of the load to stderr, and the same table on stdout', async () => {
		const plain = await runCli(['summary', fixture('dtsen-flat.csv')]);
		const timed = await runCli(['summary', fixture('dtsen-flat.csv'), '--timings']);
		expect(timed.code).toBe(0);
		expect(timed.stdout).toBe(plain.stdout);
		expect(printedSteps(timed.stderr)).toEqual(INGEST_STEPS.filter((s) => s !== 'persist'));
		expect(timed.stderr).toMatch(/^ {2}total +\d+,\d s {2}10 baris {2}0,0 MiB$/m);
		expect(plain.stderr).not.toMatch(/Waktu muat/);
	});

	it('a household + member pair, and the report command, print them too', async () => {
		const pair = await runCli(['summary', '--timings', fixture('dtsen-keluarga.csv'), fixture('dtsen-anggota.csv')]);
		expect(pair.code).toBe(0);
		expect(printedSteps(pair.stderr)).toEqual(['read', 'stage', 'normalise', 'report', 'total']);
		const report = await runCli(['report', fixture('dtsen-flat.csv'), '--timings']);
		expect(report.code).toBe(0);
		expect(printedSteps(report.stderr)).toEqual(['read', 'stage', 'normalise', 'report', 'total']);
	});
});
