/**
 * `tepat --lang en`: what the core says (load and plan errors) and the CLI's own words (help, usage,
 * usage errors, progress and total lines, the text report) in English; Indonesian stays the default,
 * byte for byte.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main';
import { writeSample } from '../../src/lib/sample/write';
import { fixture } from '../fixtures/ingest';
import { runCli } from './cli-run';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REPORT_DIR = fileURLToPath(new URL('../fixtures/report/', import.meta.url));
const REPORT_FILES = [`${REPORT_DIR}keluarga.csv`, `${REPORT_DIR}anggota.csv`];

/** Words of the Indonesian help and lines that English output must not hold. */
const INDONESIAN = ['Pemakaian', 'Perintah', 'berkas', 'keluarga', 'jiwa', 'baris', 'dibaca', 'Sebutkan', 'detik', 'bawaan', 'tidak'];

/**
 * The Indonesian words in `text`, leaving out what is an interface and stays as it is in both
 * languages: file names (hasil-tidak-cocok.csv, keluarga.csv), column names (status_hubungan_keluarga)
 * and quoted values (the verval answers the import reads, the values a finding quotes).
 */
function indonesianIn(text: string): string[] {
	const prose = text
		.replace(/\S+\.(csv|xlsx|json|parquet)\b/g, '')
		.replace(/\b\w+_\w+\b/g, '')
		.replace(/(?<!\p{L})'[^'\n]*'/gu, '');
	return INDONESIAN.filter((word) => new RegExp(`\\b${word}\\b`, 'i').test(prose));
}

/** `node bin/tepat.js …`, the path a user takes. */
function tepat(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [join(ROOT, 'bin/tepat.js'), ...args], { cwd: tmpdir() }, (error, stdout, stderr) => {
			resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
		});
	});
}

/** The numbers of a line, but its last (the seconds it took, which differ from run to run). */
const countsOf = (line: string): string[] => (line.match(/\d[\d.,]*/g) ?? []).slice(0, -1);

/** stderr without the seconds a run took. */
const timeless = (text: string): string => text.replace(/\d+,\d (detik|seconds)/g, 'N $1');

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

	it('--help in English, through bin/tepat.js; --lang id is the default byte for byte', async () => {
		const en = await tepat(['--help', '--lang', 'en']);
		expect(en.code).toBe(0);
		expect(en.stdout).toContain('Usage: tepat <command> [arguments]');
		expect(en.stdout).toMatch(/^ {2}summary {2,}Households and people per kecamatan/m);
		expect(en.stdout).toMatch(/^ {2}partner-pack {2}CSR partner pack/m);
		expect(en.stdout).toMatch(/^ {2}handover {2,}By-name handover/m);
		expect(en.stdout).toContain('--lang id|en');
		expect(indonesianIn(en.stdout)).toEqual([]);
		const id = await tepat(['--help']);
		expect(id.stdout).toContain('Pemakaian: tepat <perintah> [argumen]');
		expect((await tepat(['--lang=id', '--help'])).stdout).toBe(id.stdout);
	});

	it("every command's summary and usage in English, none of them with an Indonesian word", () => {
		for (const command of COMMANDS) {
			expect(indonesianIn(command.summary('en')), command.name).toEqual([]);
			expect(indonesianIn(command.usage('en')), command.name).toEqual([]);
			// The check finds what it looks for: the Indonesian usage is full of those words.
			expect(indonesianIn(command.usage('id')).length, command.name).toBeGreaterThan(2);
			expect(command.usage('en')).toMatch(new RegExp(`^tepat ${command.name} `));
			expect(command.usage('en')).toContain('--timings     print the time of each load step');
		}
	});

	it('tepat summary --help in English', async () => {
		const run = await runCli(['summary', '--help', '--lang', 'en']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Prints CSV: kecamatan_kode,kecamatan_nama,desa_kelurahan,households,people');
		expect(indonesianIn(run.stdout)).toEqual([]);
		expect((await runCli(['summary', '--help', '--lang', 'id'])).stdout).toBe((await runCli(['summary', '--help'])).stdout);
	});

	it('usage errors in English, with the usage', async () => {
		const none = await runCli(['plan', '--lang', 'en']);
		expect(none.code).toBe(2);
		expect(none.stderr).toMatch(/^Name the register file \(CSV, XLSX or Parquet\)\.\n\ntepat plan --register FILE/);
		expect(indonesianIn(none.stderr)).toEqual([]);
		const flag = await runCli(['plan', fixture('dtsen-flat.csv'), '--lang', 'en']);
		expect(flag.stderr).toMatch(/^Name the register file with --register FILE\.\n/);
		expect((await runCli(['plan', '--register', fixture('dtsen-flat.csv'), '--lang=en'])).stderr).toMatch(
			/^Name the output folder with --out FOLDER\.\n/
		);
		expect((await runCli(['summary', '--bogus', '--lang', 'en'])).stderr).toMatch(/^Unknown option: --bogus\n/);
		expect((await runCli(['report', 'a.csv', '-o', '--lang', 'en'])).stderr).toMatch(/^-o needs a value\.\n/);
		const unknown = await runCli(['--lang', 'en', 'nope']);
		expect(unknown.stderr).toMatch(/^Unknown command: nope\n\nTepat: poverty register/);
		expect(indonesianIn(unknown.stderr)).toEqual([]);
		expect((await runCli(['summary', join(dir, 'missing.csv'), '--lang', 'en'])).stderr).toBe(
			`File '${join(dir, 'missing.csv')}' not found.\n`
		);
		expect((await runCli(['plan', '--lang', 'id'])).stderr).toBe((await runCli(['plan'])).stderr);
	});

	describe('on a sample register', () => {
		let sample: string;
		beforeAll(async () => {
			sample = await mkdtemp(join(tmpdir(), 'tepat-lang-sample-'));
			await writeSample(sample, { people: 2000, seed: 5, formats: ['csv'] });
		}, 120_000);
		afterAll(async () => {
			if (sample) await rm(sample, { recursive: true, force: true });
		});

		it('summary: the total line in English with the same numbers; --lang id is the default', async () => {
			const file = join(sample, 'dtsen.csv');
			const [byDefault, id, en] = await Promise.all([
				runCli(['summary', file]),
				runCli(['summary', file, '--lang', 'id']),
				runCli(['summary', file, '--lang', 'en'])
			]);
			expect(en.code, en.stderr).toBe(0);
			expect(en.stdout).toBe(byDefault.stdout);
			const idTotal = byDefault.stderr.split('\n').find((l) => l.startsWith('Total: ')) ?? '';
			const enTotal = en.stderr.split('\n').find((l) => l.startsWith('Total: ')) ?? '';
			expect(idTotal).toMatch(
				/^Total: [\d.]+ keluarga, 2\.000 jiwa di [\d.]+ desa\/kelurahan.*\. Sumber DTSEN, [\d.]+ baris dibaca dalam \d+,\d detik\.$/
			);
			expect(enTotal).toMatch(
				/^Total: [\d.]+ households, 2\.000 people in [\d.]+ villages.*\. Source DTSEN, [\d.]+ rows read in \d+,\d seconds\.$/
			);
			expect(countsOf(enTotal)).toEqual(countsOf(idTotal));
			expect(indonesianIn(en.stderr)).toEqual([]);
			expect(id.stdout).toBe(byDefault.stdout);
			expect(timeless(id.stderr)).toBe(timeless(byDefault.stderr));
		});

		it('--timings: the steps in English', async () => {
			const run = await runCli(['summary', join(sample, 'dtsen.csv'), '--timings', '--lang', 'en']);
			expect(run.stderr).toMatch(/^Load time per step:\n/);
			expect(run.stderr).toMatch(/^ {2}total +\d+,\d s {2}[\d.]+ rows/m);
			expect(indonesianIn(run.stderr)).toEqual([]);
		});
	});

	it('report: the text report in English; --lang id is the default byte for byte', async () => {
		const [byDefault, id, en] = await Promise.all([
			runCli(['report', ...REPORT_FILES]),
			runCli(['report', ...REPORT_FILES, '--lang', 'id']),
			runCli(['report', ...REPORT_FILES, '--lang', 'en'])
		]);
		expect(en.code).toBe(0);
		expect(en.stdout).toMatch(/^Load validation report \(DTSEN\): /);
		expect(en.stdout).toContain('  keluarga.csv (CSV, utf-8): 6 rows read\n');
		expect(en.stdout).toContain('Accepted: 5 households, 12 people\n');
		expect(en.stdout).toContain('Households without members: 1\n');
		expect(en.stdout).toContain('\nFindings (20 of 29; use --out for all of them):\n');
		expect(indonesianIn(en.stdout)).toEqual([]);
		expect(indonesianIn(en.stderr)).toEqual([]);
		expect(byDefault.stdout).toContain('Laporan validasi pemuatan (DTSEN)');
		expect(id).toEqual(byDefault);
		const out = join(dir, 'temuan.csv');
		const written = await runCli(['report', ...REPORT_FILES, '--out', out, '--lang', 'en']);
		expect(written.stderr).toContain(`The 29 findings in detail written to ${out}.\n`);
	});

	it('indicators and plan: their lines on stderr in English', async () => {
		const indicators = await runCli(['indicators', '--register', fixture('dtsen-flat.csv'), '--lang', 'en']);
		expect(indicators.code).toBe(0);
		expect(indicators.stderr).toMatch(/^[\d.]+ villages; plan '.+' \(desil 1–4, verval .+\)\. 10 rows read, \d+,\d seconds in all\.$/m);
		expect(indicators.stderr).toMatch(/^Note: /m);
		expect(indonesianIn(indicators.stderr)).toEqual([]);
		const plan = await runCli(['plan', '--register', fixture('dtsen-flat.csv'), '--out', join(dir, 'plan-en'), '--lang', 'en']);
		expect(plan.code).toBe(0);
		expect(plan.stderr).toContain(`No --plan: the standard plan is used (saved as ${join(dir, 'plan-en', 'rencana.json')}).\n`);
		expect(plan.stderr).toMatch(/ seconds in all\. Files in /);
		expect(indonesianIn(plan.stderr)).toEqual([]);
	});
});
