/** `tepat --lang en`: what the core says (load and plan errors) in English; Indonesian stays the default. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/ingest';
import { runCli } from './cli-run';

const GARBAGE_ID = "Berkas 'garbage.csv' bukan berkas CSV atau Parquet yang dapat dibaca, dan bukan XLSX (isinya data biner).";
const GARBAGE_EN = "File 'garbage.csv' is not a readable CSV or Parquet file, nor XLSX (its content is binary data).";

describe('tepat --lang', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'tepat-lang-'));
	});
	afterAll(async () => {
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('a load error: Indonesian by default and with --lang id, English with --lang en before or after the command', async () => {
		expect((await runCli(['summary', fixture('garbage.csv')])).stderr.trim()).toBe(GARBAGE_ID);
		expect((await runCli(['--lang', 'id', 'summary', fixture('garbage.csv')])).stderr.trim()).toBe(GARBAGE_ID);
		const before = await runCli(['--lang', 'en', 'summary', fixture('garbage.csv')]);
		expect(before).toMatchObject({ code: 1, stdout: '' });
		expect(before.stderr.trim()).toBe(GARBAGE_EN);
		expect((await runCli(['summary', fixture('garbage.csv'), '--lang=en'])).stderr.trim()).toBe(GARBAGE_EN);
	});

	it('a plan refusal in English', async () => {
		const bad = join(dir, 'rusak.json');
		await writeFile(bad, '{"population": {"desil": {"min": 5, "max": 4}}}');
		const run = await runCli(['--lang', 'en', 'plan', '--register', fixture('dtsen-flat.csv'), '--plan', bad, '--out', join(dir, 'out')]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`Plan file '${bad}': population.desil min (5) is greater than max (4).`);
	});

	it('an unknown language is a usage error; --help documents the option', async () => {
		const run = await runCli(['--lang', 'fr', 'summary', fixture('garbage.csv')]);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("--lang: bahasa tidak dikenal 'fr' (boleh: id, en).");
		expect((await runCli(['--lang'])).code).toBe(2);
		expect((await runCli(['--help'])).stdout).toContain('--lang id|en');
	});
});
