import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reference } from '../../src/lib/core/reference';
import { BDT_HOUSEHOLD_COLUMNS, BDT_PERSON_COLUMNS, DTSEN_FAMILY_COLUMNS, DTSEN_PERSON_COLUMNS } from '../../src/lib/core/sources/columns';
import { NodeEngine } from '../../src/lib/engine/node';
import { sqlString } from '../../src/lib/core/sql';
import { generateSample } from '../../src/lib/sample/generate';
import { csvField } from '../../src/lib/sample/tables';
import { writeSample, type SampleManifest } from '../../src/lib/sample/write';

const PEOPLE = 10_000;
const SEED = 7;
const reference = JSON.parse(await readFile(new URL('../../data/reference.json', import.meta.url), 'utf8')) as Reference;

let root: string;
let dirA: string;
let manifestA: SampleManifest;
let manifestB: SampleManifest;
let manifestC: SampleManifest;
let engine: NodeEngine;

const sha256 = async (path: string) =>
	createHash('sha256')
		.update(await readFile(path))
		.digest('hex');

async function rows(sql: string): Promise<Record<string, unknown>[]> {
	const table = await engine.query(sql);
	return table.toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON());
}
async function scalar(sql: string): Promise<number> {
	const [row] = await rows(sql);
	return Number(Object.values(row ?? {})[0]);
}
const csv = (name: string) =>
	`read_csv(${sqlString(join(dirA, name))}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'tepat-sample-test-'));
	dirA = join(root, 'a');
	manifestA = await writeSample(dirA, { people: PEOPLE, seed: SEED });
	manifestB = await writeSample(join(root, 'b'), { people: PEOPLE, seed: SEED, formats: ['csv'] });
	manifestC = await writeSample(join(root, 'c'), { people: PEOPLE, seed: SEED + 1, formats: ['csv'], schemas: ['dtsen'] });
	engine = await NodeEngine.open();
	await engine.exec(`CREATE VIEW keluarga AS SELECT * FROM ${csv('dtsen-keluarga.csv')}`);
	await engine.exec(`CREATE VIEW anggota AS SELECT * FROM ${csv('dtsen-anggota.csv')}`);
	await engine.exec(`CREATE VIEW dtsen AS SELECT * FROM ${csv('dtsen.csv')}`);
	await engine.exec(`CREATE VIEW rt AS SELECT * FROM ${csv('bdt-rumahtangga.csv')}`);
	await engine.exec(`CREATE VIEW art AS SELECT * FROM ${csv('bdt-art.csv')}`);
	await engine.exec(`CREATE VIEW bdt AS SELECT * FROM ${csv('bdt.csv')}`);
	await engine.exec(
		`CREATE TABLE zone AS SELECT * FROM (VALUES ${reference.kecamatan
			.map((k) => `(${sqlString(k.kode.replaceAll('.', ''))}, ${sqlString(k.zona)})`)
			.join(', ')}) AS t(kode_kecamatan, zona)`
	);
}, 120_000);

afterAll(async () => {
	await engine?.close();
	if (root) await rm(root, { recursive: true, force: true });
});

describe('sample files and manifest', () => {
	it('writes the twelve files and a manifest without timestamps', async () => {
		const names = (await readdir(dirA)).sort();
		expect(names).toEqual(
			[
				'bdt-art.csv',
				'bdt-art.parquet',
				'bdt-rumahtangga.csv',
				'bdt-rumahtangga.parquet',
				'bdt.csv',
				'bdt.parquet',
				'dtsen-anggota.csv',
				'dtsen-anggota.parquet',
				'dtsen-keluarga.csv',
				'dtsen-keluarga.parquet',
				'dtsen.csv',
				'dtsen.parquet',
				'manifest.json'
			].sort()
		);
		const onDisk = JSON.parse(await readFile(join(dirA, 'manifest.json'), 'utf8')) as SampleManifest;
		expect(onDisk).toEqual(manifestA);
		expect(Object.keys(onDisk).sort()).toEqual(
			['families', 'files', 'generated_by', 'households', 'people', 'reference_date', 'seed'].sort()
		);
		expect(onDisk.seed).toBe(SEED);
		expect(onDisk.people).toBe(PEOPLE);
		expect(JSON.stringify(onDisk)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
		const c = (await readdir(join(root, 'c'))).sort();
		expect(c).toEqual(['dtsen-anggota.csv', 'dtsen-keluarga.csv', 'dtsen.csv', 'manifest.json']);
	});

	it('is deterministic: same seed gives byte-identical CSV, another seed different CSV', async () => {
		const csvA = manifestA.files.filter((f) => f.format === 'csv');
		expect(csvA).toHaveLength(6);
		for (const f of csvA) {
			expect(await sha256(join(dirA, f.name)), f.name).toBe(f.sha256);
			expect(await sha256(join(root, 'b', f.name)), f.name).toBe(f.sha256);
		}
		expect(manifestB.files.map((f) => f.sha256)).toEqual(csvA.map((f) => f.sha256));
		for (const f of manifestC.files) {
			expect(f.sha256).not.toBe(csvA.find((g) => g.name === f.name)?.sha256);
		}
	});

	it('has manifest row counts equal to the rows DuckDB reads back from every file', async () => {
		expect(manifestA.files).toHaveLength(12);
		for (const f of manifestA.files) {
			const path = sqlString(join(dirA, f.name));
			const source = f.format === 'csv' ? csv(f.name) : `read_parquet(${path})`;
			expect(await scalar(`SELECT count(*) FROM ${source}`), f.name).toBe(f.rows);
			expect(await sha256(join(dirA, f.name)), f.name).toBe(f.sha256);
		}
	});

	it('counts N people in about N / 3.3 families', async () => {
		expect(await scalar('SELECT count(*) FROM anggota')).toBe(PEOPLE);
		expect(await scalar('SELECT count(*) FROM dtsen')).toBe(PEOPLE);
		expect(await scalar('SELECT count(*) FROM art')).toBe(PEOPLE);
		expect(await scalar('SELECT count(*) FROM bdt')).toBe(PEOPLE);
		const families = await scalar('SELECT count(*) FROM keluarga');
		const households = await scalar('SELECT count(*) FROM rt');
		expect(families).toBe(manifestA.families);
		expect(households).toBe(manifestA.households);
		expect(families).toBeGreaterThan(PEOPLE / 3.6);
		expect(families).toBeLessThan(PEOPLE / 3.0);
		expect(households).toBeLessThanOrEqual(families);
		expect(households).toBeGreaterThan(PEOPLE / 4);
		expect(await scalar('SELECT sum(jumlah_anggota_keluarga::INT) FROM keluarga')).toBe(PEOPLE);
		expect(await scalar('SELECT sum(Jumlah_ART::INT) FROM rt')).toBe(PEOPLE);
	});

	it('uses exactly the shared column names, and writes Parquet columns as VARCHAR', async () => {
		const header = async (name: string) => (await readFile(join(dirA, name), 'utf8')).split('\n', 1)[0]?.split(',');
		expect(await header('dtsen-keluarga.csv')).toEqual([...DTSEN_FAMILY_COLUMNS]);
		expect(await header('dtsen-anggota.csv')).toEqual([...DTSEN_PERSON_COLUMNS]);
		expect(await header('dtsen.csv')).toEqual([...DTSEN_PERSON_COLUMNS, ...DTSEN_FAMILY_COLUMNS.slice(1)]);
		expect(await header('bdt-rumahtangga.csv')).toEqual([...BDT_HOUSEHOLD_COLUMNS]);
		expect(await header('bdt-art.csv')).toEqual([...BDT_PERSON_COLUMNS]);
		const keys = new Set(['IDBDT', 'KDPROP', 'KDKAB', 'KDKEC', 'KDDESA']);
		expect(await header('bdt.csv')).toEqual([...BDT_PERSON_COLUMNS, ...BDT_HOUSEHOLD_COLUMNS.filter((c) => !keys.has(c))]);
		for (const f of manifestA.files.filter((g) => g.format === 'parquet')) {
			const types = await rows(`SELECT DISTINCT column_type FROM (DESCRIBE SELECT * FROM read_parquet(${sqlString(join(dirA, f.name))}))`);
			expect(types, f.name).toEqual([{ column_type: 'VARCHAR' }]);
		}
		expect(
			await scalar(
				`SELECT count(*) FROM read_parquet(${sqlString(join(dirA, 'dtsen-anggota.parquet'))}) WHERE length(nomor_induk_kependudukan) <> 16`
			)
		).toBe(0);
	});
});

describe('sample content', () => {
	it('places every family and household in a reference village', async () => {
		const codes = reference.villages.map((v) => sqlString(v.kode.replaceAll('.', ''))).join(', ');
		expect(await scalar(`SELECT count(*) FROM keluarga WHERE kode_kelurahan_desa NOT IN (${codes})`)).toBe(0);
		expect(await scalar(`SELECT count(*) FROM rt WHERE KDPROP || KDKAB || KDKEC || KDDESA NOT IN (${codes})`)).toBe(0);
		expect(
			await scalar(
				`SELECT count(*) FROM keluarga WHERE kode_kecamatan <> substr(kode_kelurahan_desa, 1, 6) OR kode_provinsi <> '64' OR kode_kabupaten_kota <> '6402'`
			)
		).toBe(0);
		expect(await scalar('SELECT count(DISTINCT kode_kecamatan) FROM keluarga')).toBe(20);
		expect(await scalar('SELECT count(DISTINCT kode_kelurahan_desa) FROM keluarga')).toBeGreaterThan(200);
	});

	it('has every indicator present in every kecamatan', async () => {
		const perKecamatan = await rows(`
			WITH p AS (
				SELECT a.*, k.kode_kecamatan, k.desil_nasional FROM anggota a JOIN keluarga k USING (nomor_kartu_keluarga)
			)
			SELECT kode_kecamatan,
				count(*) FILTER (WHERE usia::INT BETWEEN 7 AND 18 AND partisipasi_sekolah IN ('1', '3')) AS ats,
				count(*) FILTER (WHERE desil_nasional::INT <= 4) AS poor
			FROM p GROUP BY ALL`);
		expect(perKecamatan).toHaveLength(20);
		for (const r of perKecamatan) {
			expect(Number(r.ats), String(r.kode_kecamatan)).toBeGreaterThan(0);
			expect(Number(r.poor), String(r.kode_kecamatan)).toBeGreaterThan(0);
		}
		const houses = await rows(`
			SELECT kode_kecamatan,
				count(*) FILTER (WHERE jenis_lantai_terluas IN ('7', '8', '9')) AS unfit_floor,
				count(*) FILTER (WHERE sumber_air_minum_utama IN ('6', '8', '9')) AS unsafe_water
			FROM keluarga GROUP BY ALL`);
		expect(houses).toHaveLength(20);
		for (const r of houses) {
			expect(Number(r.unfit_floor), String(r.kode_kecamatan)).toBeGreaterThan(0);
			expect(Number(r.unsafe_water), String(r.kode_kecamatan)).toBeGreaterThan(0);
		}
	});

	it('makes hulu poorer than Tenggarong: more out-of-school children and unsafe water', async () => {
		const rates = await rows(`
			SELECT CASE WHEN k.kode_kecamatan = '640206' THEN 'tenggarong' WHEN z.zona = 'hulu' THEN 'hulu' ELSE 'other' END AS area,
				avg((a.partisipasi_sekolah IN ('1', '3'))::INT) FILTER (WHERE a.usia::INT BETWEEN 7 AND 18) AS ats,
				avg((k.sumber_air_minum_utama IN ('6', '8', '9'))::INT) AS unsafe
			FROM anggota a JOIN keluarga k USING (nomor_kartu_keluarga) JOIN zone z USING (kode_kecamatan)
			GROUP BY ALL`);
		const by = Object.fromEntries(rates.map((r) => [String(r.area), r]));
		expect(Number(by.hulu?.ats)).toBeGreaterThan(Number(by.tenggarong?.ats));
		expect(Number(by.hulu?.unsafe)).toBeGreaterThan(Number(by.tenggarong?.unsafe));
		const desil = await scalar('SELECT avg((desil_nasional::INT <= 4)::INT) FROM keluarga');
		expect(desil).toBeGreaterThan(0.55);
	});

	it('writes well-formed, unique NIK and KK numbers', async () => {
		expect(await scalar('SELECT count(DISTINCT nomor_induk_kependudukan) FROM anggota')).toBe(PEOPLE);
		expect(await scalar(`SELECT count(*) FROM anggota WHERE NOT regexp_full_match(nomor_induk_kependudukan, '\\d{16}')`)).toBe(0);
		const bad = await scalar(`
			SELECT count(*) FROM anggota WHERE
				substr(nomor_induk_kependudukan, 7, 2)::INT - CASE WHEN jenis_kelamin = '2' THEN 40 ELSE 0 END <> day(tanggal_lahir::DATE)
				OR substr(nomor_induk_kependudukan, 9, 2)::INT <> month(tanggal_lahir::DATE)
				OR substr(nomor_induk_kependudukan, 11, 2) <> substr(tanggal_lahir, 3, 2)
				OR jenis_kelamin NOT IN ('1', '2')`);
		expect(bad).toBe(0);
		expect(
			await scalar(
				`SELECT count(*) FROM anggota WHERE substr(nomor_induk_kependudukan, 7, 2)::INT NOT BETWEEN 1 AND 71 OR substr(nomor_induk_kependudukan, 7, 2)::INT BETWEEN 32 AND 40`
			)
		).toBe(0);
		const local = await scalar(`SELECT avg((substr(nomor_induk_kependudukan, 1, 4) = '6402')::INT) FROM anggota`);
		expect(local).toBeGreaterThan(0.9);
		expect(local).toBeLessThan(1);
		const ownKecamatan = await scalar(`
			SELECT avg((substr(a.nomor_induk_kependudukan, 1, 6) = k.kode_kecamatan)::INT)
			FROM anggota a JOIN keluarga k USING (nomor_kartu_keluarga)`);
		expect(ownKecamatan).toBeGreaterThan(0.85);
		expect(await scalar(`SELECT count(*) FROM anggota WHERE substr(nomor_induk_kependudukan, 1, 2) NOT IN ('64', '73', '63', '35')`)).toBe(
			0
		);
		expect(await scalar('SELECT count(DISTINCT nomor_kartu_keluarga) FROM keluarga')).toBe(manifestA.families);
		expect(
			await scalar(
				`SELECT count(*) FROM keluarga WHERE NOT regexp_full_match(nomor_kartu_keluarga, '\\d{16}') OR substr(nomor_kartu_keluarga, 9, 2)::INT NOT BETWEEN 1 AND 12`
			)
		).toBe(0);
		expect(await scalar(`SELECT count(*) FROM anggota WHERE NOT regexp_full_match(tanggal_lahir, '\\d{4}-\\d{2}-\\d{2}')`)).toBe(0);
	});

	it('describes the same people in the BDT and DTSEN files', async () => {
		expect(
			await scalar(
				'SELECT count(*) FROM anggota a FULL JOIN art b ON a.nomor_induk_kependudukan = b.NIK WHERE a.nomor_induk_kependudukan IS NULL OR b.NIK IS NULL'
			)
		).toBe(0);
		const mismatched = await scalar(`
			SELECT count(*) FROM dtsen d JOIN bdt b ON d.nomor_induk_kependudukan = b.NIK
			WHERE d.kode_kelurahan_desa <> b.KDPROP || b.KDKAB || b.KDKEC || b.KDDESA
				OR d.nomor_kartu_keluarga <> b.NoKK OR d.tanggal_lahir <> b.TglLahir OR d.jenis_kelamin <> b.JnsKel
				OR d.nama <> b.Nama OR d.usia <> b.Umur`);
		expect(mismatched).toBe(0);
		expect(await scalar('SELECT count(DISTINCT IDARTBDT) FROM art')).toBe(PEOPLE);
		expect(await scalar('SELECT count(*) FROM art WHERE NOT starts_with(IDARTBDT, IDBDT)')).toBe(0);
		expect(await scalar(`SELECT count(*) FROM art WHERE Hub_KRT = '1'`)).toBe(manifestA.households);
		// Codes follow each schema's own list.
		expect(await scalar(`SELECT count(*) FROM art WHERE Partisipasi_sekolah NOT IN ('0', '1', '2')`)).toBe(0);
		expect(await scalar(`SELECT count(*) FROM anggota WHERE partisipasi_sekolah NOT IN ('1', '2', '3')`)).toBe(0);
		expect(await scalar(`SELECT count(*) FROM rt WHERE NOT regexp_full_match(Lantai, '(0[1-9]|10)')`)).toBe(0);
		expect(await scalar(`SELECT count(*) FROM keluarga WHERE jenis_lantai_terluas::INT NOT BETWEEN 1 AND 9`)).toBe(0);
		expect(await scalar(`SELECT count(*) FROM art WHERE Ijazah_tertinggi::INT NOT BETWEEN 0 AND 6`)).toBe(0);
		expect(await scalar(`SELECT count(*) FROM anggota WHERE ijazah_tertinggi_yang_dimiliki::INT NOT BETWEEN 1 AND 23`)).toBe(0);
	});

	it('mixes verval outcomes: mostly Ditemukan, some not yet checked', async () => {
		const statuses = await rows("SELECT coalesce(status_verval, '') AS s, count(*) AS n FROM keluarga GROUP BY ALL");
		const share = (s: string) => Number(statuses.find((r) => r.s === s)?.n ?? 0) / manifestA.families;
		expect(share('Ditemukan')).toBeGreaterThan(0.65);
		expect(share('Ditemukan')).toBeLessThan(0.85);
		for (const s of ['', 'Tidak Ditemukan', 'Meninggal', 'Pindah', 'Mampu']) expect(share(s), s).toBeGreaterThan(0);
	});
});

describe('generator API', () => {
	it('generateSample returns exactly N people with linked families and houses', () => {
		const sample = generateSample({ people: 500, seed: 3 });
		expect(sample.persons).toHaveLength(500);
		expect(sample.families.reduce((n, f) => n + f.members.length, 0)).toBe(500);
		expect(sample.houses.flatMap((h) => h.families)).toEqual(sample.families);
		expect(generateSample({ people: 500, seed: 3 }).persons.map((p) => p.nik)).toEqual(sample.persons.map((p) => p.nik));
	});

	it('quotes CSV fields only when needed', () => {
		expect(csvField('Jl. Pahlawan RT 001')).toBe('Jl. Pahlawan RT 001');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('x\ny')).toBe('"x\ny"');
	});
});
