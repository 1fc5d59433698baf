import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { sqlString } from '../../src/lib/core/sql';
import { rowsOf } from '../../src/lib/core/rows';
import type { Reference } from '../../src/lib/core/reference';
import { fixture } from '../fixtures/ingest';
import { writeSample } from '../../src/lib/sample/write';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/tepat.js');

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs `node bin/tepat.js …` from a directory other than the package root. */
function tepat(args: string[], cwd = tmpdir()): Promise<Run> {
	return new Promise((resolve) => {
		execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
			resolve({ code, stdout, stderr });
		});
	});
}

/**
 * The expected summary CSV computed without the ingest code: DuckDB read_csv on the raw file,
 * distinct family keys and rows per village code, then summed per reference kecamatan.
 */
async function expectedSummary(
	engine: NodeEngine,
	reference: Reference,
	path: string,
	sql: { village: string; key: string; delim?: string }
): Promise<string> {
	const name = `expected-${Math.random().toString(36).slice(2)}.csv`;
	await engine.registerFile(name, new Uint8Array(await readFile(path)));
	const table = await engine.query(
		`SELECT ${sql.village} AS village, count(DISTINCT ${sql.key})::INTEGER AS households, count(*)::INTEGER AS people
		 FROM read_csv(${sqlString(name)}, header = true, all_varchar = true, delim = ${sqlString(sql.delim ?? ',')}) GROUP BY 1`
	);
	await engine.dropFile(name);
	const perVillage = new Map(rowsOf(table, { village: 'string', households: 'number', people: 'number' }).map((r) => [r.village, r]));
	const lines = ['kecamatan_kode,kecamatan_nama,desa_kelurahan,households,people'];
	for (const k of reference.kecamatan) {
		const villages = reference.villages.filter((v) => v.kecamatan_kode === k.kode);
		let households = 0;
		let people = 0;
		for (const v of villages) {
			const counts = perVillage.get(v.kode.replaceAll('.', ''));
			households += counts?.households ?? 0;
			people += counts?.people ?? 0;
		}
		lines.push([k.kode, k.nama, villages.length, households, people].join(','));
	}
	return `${lines.join('\n')}\n`;
}

const DTSEN = { village: 'kode_kelurahan_desa', key: 'nomor_kartu_keluarga' };
const BDT = { village: 'KDPROP || KDKAB || KDKEC || KDDESA', key: 'IDBDT' };

describe('tepat CLI', () => {
	let engine: NodeEngine;
	let reference: Reference;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		reference = JSON.parse(await readFile(join(ROOT, 'data/reference.json'), 'utf8')) as Reference;
	});
	afterAll(async () => {
		await engine.close();
	});

	it('--help lists the commands', async () => {
		const run = await tepat(['--help']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^\s+summary\s+/m);
	});

	it('summary of a hand-made DTSEN file: 20 kecamatan rows, counts as read_csv + GROUP BY says', async () => {
		const run = await tepat(['summary', fixture('dtsen-flat.csv')]);
		expect(run.stderr).toMatch(/^Kabupaten Kutai Kartanegara \(64\.02\), terdeteksi dari kode desa \(4 dari 4 keluarga\)\.\n/);
		expect(run.stderr).toMatch(/^Total: 4 keluarga, 10 jiwa di 3 desa\/kelurahan; 1 keluarga dengan kode desa di luar referensi/m);
		expect(run.code).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(21);
		expect(lines).toContain('64.02.06,Tenggarong,14,2,5');
		expect(lines).toContain('64.02.12,Tabang,19,1,4');
		expect(run.stdout).toBe(await expectedSummary(engine, reference, fixture('dtsen-flat.csv'), DTSEN));
	});

	it('summary of a semicolon BDT file matches too', async () => {
		const run = await tepat(['summary', fixture('bdt-flat-semicolon.csv')]);
		expect(run.code).toBe(0);
		expect(run.stdout).toBe(await expectedSummary(engine, reference, fixture('bdt-flat-semicolon.csv'), { ...BDT, delim: ';' }));
	});

	it('a bad file: exit code 1, the Indonesian message on stderr, nothing on stdout', async () => {
		const run = await tepat(['summary', fixture('garbage.csv')]);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr.trim()).toBe(
			"Berkas 'garbage.csv' bukan berkas CSV atau Parquet yang dapat dibaca, dan bukan XLSX (isinya data biner)."
		);
		const missing = await tepat(['summary', '/nonexistent/register.csv']);
		expect(missing.code).toBe(1);
		expect(missing.stderr.trim()).toBe("Berkas '/nonexistent/register.csv' tidak ditemukan.");
	});

	it('wrong arguments: exit code 2 with usage', async () => {
		const run = await tepat(['summary']);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('tepat summary FILE');
		expect((await tepat(['nope'])).code).toBe(2);
	});

	describe('on a generated 5,000-person register', () => {
		let dir: string;
		beforeAll(async () => {
			dir = await mkdtemp(join(tmpdir(), 'tepat-cli-'));
			await writeSample(dir, { people: 5000, seed: 11, formats: ['csv'] });
		}, 120_000);
		afterAll(async () => {
			if (dir) await rm(dir, { recursive: true, force: true });
		});

		it('DTSEN flat CSV', async () => {
			const run = await tepat(['summary', join(dir, 'dtsen.csv')]);
			expect(run.code, run.stderr).toBe(0);
			expect(run.stderr).toMatch(/5\.000 jiwa/);
			expect(run.stdout).toBe(await expectedSummary(engine, reference, join(dir, 'dtsen.csv'), DTSEN));
		});

		it('DTSEN family + person CSV pair gives the same table', async () => {
			const flat = await tepat(['summary', join(dir, 'dtsen.csv')]);
			const pair = await tepat(['summary', join(dir, 'dtsen-anggota.csv'), join(dir, 'dtsen-keluarga.csv')]);
			expect(pair.code, pair.stderr).toBe(0);
			expect(pair.stdout).toBe(flat.stdout);
		});

		it('BDT flat CSV', async () => {
			const run = await tepat(['summary', join(dir, 'bdt.csv')]);
			expect(run.code, run.stderr).toBe(0);
			expect(run.stdout).toBe(await expectedSummary(engine, reference, join(dir, 'bdt.csv'), BDT));
		});
	});
});
