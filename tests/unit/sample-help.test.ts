/** `npm run sample -- --help` prints the options and writes nothing (it used to generate 200,000 people). */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sample(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((done) => {
		execFile(process.execPath, ['--import', 'tsx', 'scripts/sample.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
			done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
		});
	});
}

describe('npm run sample -- --help', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'tepat-sample-help-'));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it.each([['--help'], ['-h']])('%s prints the options and generates nothing', async (flag) => {
		const out = join(dir, flag.replaceAll('-', ''));
		const { code, stdout } = await sample(['--people', '50', flag, '--out', out]);
		expect(code).toBe(0);
		expect(stdout).toContain('npm run sample -- [--people N] [--seed S] [--out FOLDER]');
		for (const option of ['--people', '--seed', '--out', '--formats', '--schemas', '--help']) expect(stdout).toContain(option);
		expect(stdout).toContain('csv, parquet, xlsx (bawaan csv, parquet)');
		expect(await readdir(dir)).toEqual([]);
	});
});
