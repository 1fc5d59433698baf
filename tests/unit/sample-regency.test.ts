/**
 * Issue 11, "Tests (real)": the sample generator writes a register of any regency (here Berau, 64.03,
 * whose real kecamatan and villages are in ../shared/geo), and `tepat summary`, `indicators` and `plan`
 * read it with no --reference. Every figure is checked against a count DuckDB makes straight from the
 * generated CSV, not through Tepat's ingest; a register mixing Berau with a smaller Kukar one reports
 * the Kukar households apart.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/cli/io';
import { diskWilayah } from '../../src/cli/wilayah';
import { sqlString } from '../../src/lib/core/sql';
import { NodeEngine } from '../../src/lib/engine/node';
import { reportHeaders } from '../../src/lib/words/report-labels';
import { loadSampleRegency, type SampleRegency } from '../../src/lib/sample/regency';
import { readSampleCsvSql, writeSample, type SampleManifest, type WriteSampleOptions } from '../../src/lib/sample/write';
import { runCli } from './cli-run';

const PEOPLE = 3_000;
const SEED = 11;
/** Kukar's DTSEN flat CSV of 3,000 people, seed 42, as the generator wrote it before it knew other regencies. */
const KUKAR_3000_SEED_42_SHA256 = '43e278410d91e3f958034e41edbe1a4882858afb2d9ff90056f16c1e0cc72ed0';

interface Feature<P> {
	properties: P;
}
const geo = async <P>(name: string): Promise<P[]> =>
	(JSON.parse(await readFile(new URL(`../../../shared/geo/${name}`, import.meta.url), 'utf8')) as { features: Feature<P>[] }).features.map(
		(f) => f.properties
	);
const KECAMATAN = await geo<{ kode: string; nama: string }>('berau-kecamatan.geojson');
const DESA = await geo<{ kode: string; nama: string; kecamatan_kode: string }>('berau-desa.geojson');

const sha256 = async (path: string) =>
	createHash('sha256')
		.update(await readFile(path))
		.digest('hex');
const undotted = (kode: string) => kode.replaceAll('.', '');

let dir: string;
let engine: NodeEngine;
let berau: SampleRegency;
/** The generated Berau register: DTSEN, one flat CSV (people with their family's columns). */
let berauCsv: string;
let berauManifest: SampleManifest;

async function dtsenSample(name: string, options: WriteSampleOptions): Promise<{ csv: string; manifest: SampleManifest }> {
	const out = join(dir, name);
	const manifest = await writeSample(out, { formats: ['csv'], schemas: ['dtsen'], ...options });
	return { csv: join(out, 'dtsen.csv'), manifest };
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
	const table = await engine.query(sql);
	return table.toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON());
}
async function scalar(sql: string): Promise<number> {
	const [row] = await rows(sql);
	return Number(Object.values(row ?? {})[0]);
}

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'tepat-sample-regency-'));
	berau = await loadSampleRegency(diskWilayah, '6403');
	({ csv: berauCsv, manifest: berauManifest } = await dtsenSample('berau', { people: PEOPLE, seed: SEED, regency: berau }));
	engine = await NodeEngine.open();
	await engine.exec(`CREATE VIEW berau AS ${readSampleCsvSql(berauCsv)}`);
	// One row per family (KK): the flat file repeats the family's columns on every member's row.
	await engine.exec(
		`CREATE VIEW berau_family AS SELECT nomor_kartu_keluarga AS kk, any_value(kode_kecamatan) AS kecamatan, ` +
			`any_value(kode_kelurahan_desa) AS desa, any_value(desil_nasional)::INT AS desil, ` +
			`any_value(sumber_air_minum_utama) AS water, any_value(luas_lantai)::DOUBLE AS floor_area, count(*) AS members ` +
			`FROM berau GROUP BY nomor_kartu_keluarga`
	);
}, 120_000);

afterAll(async () => {
	await engine?.close();
	if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the generator for another regency', () => {
	it("writes Berau's province, regency, kecamatan and village codes and names", async () => {
		expect(await scalar('SELECT count(*) FROM berau')).toBe(PEOPLE);
		const regency = await rows('SELECT DISTINCT kode_provinsi, nama_provinsi, kode_kabupaten_kota, nama_kabupaten_kota FROM berau');
		expect(regency).toEqual([
			{ kode_provinsi: '64', nama_provinsi: 'Kalimantan Timur', kode_kabupaten_kota: '6403', nama_kabupaten_kota: 'Berau' }
		]);
		const kecamatan = await rows('SELECT DISTINCT kode_kecamatan AS kode, nama_kecamatan AS nama FROM berau ORDER BY 1');
		expect(kecamatan).toEqual(KECAMATAN.map((k) => ({ kode: undotted(k.kode), nama: k.nama })));
		const desa = new Map(DESA.map((d) => [undotted(d.kode), d]));
		const villages = await rows('SELECT DISTINCT kode_kelurahan_desa AS kode, nama_kelurahan_desa AS nama, kode_kecamatan FROM berau');
		expect(villages.length).toBeGreaterThan(80);
		for (const v of villages) {
			const known = desa.get(String(v.kode));
			expect(known?.nama, String(v.kode)).toBe(v.nama);
			expect(undotted(known?.kecamatan_kode ?? ''), String(v.kode)).toBe(v.kode_kecamatan);
		}
	});

	it("issues NIK and KK numbers in Berau's kecamatan, a few elsewhere", async () => {
		const inRegency = await scalar(`SELECT avg((left(nomor_induk_kependudukan, 4) = '6403')::INT) FROM berau`);
		expect(inRegency).toBeGreaterThan(0.9);
		expect(inRegency).toBeLessThan(1);
		expect(await scalar('SELECT avg((left(nomor_induk_kependudukan, 6) = kode_kecamatan)::INT) FROM berau')).toBeGreaterThan(0.9);
		expect(await scalar('SELECT avg((left(kk, 6) = kecamatan)::INT) FROM berau_family')).toBeGreaterThan(0.95);
		expect(await scalar('SELECT count(DISTINCT nomor_induk_kependudukan) FROM berau')).toBe(PEOPLE);
		expect(
			await scalar(`SELECT count(*) FROM berau WHERE NOT regexp_full_match(nomor_induk_kependudukan || nomor_kartu_keluarga, '\\d{32}')`)
		).toBe(0);
	});

	it('gives the same bytes for the same seed and regency, however the code is written', async () => {
		const again = await dtsenSample('berau-again', { people: PEOPLE, seed: SEED, regency: await loadSampleRegency(diskWilayah, '64.03') });
		expect(again.manifest.files.map((f) => f.sha256)).toEqual(berauManifest.files.map((f) => f.sha256));
		expect(await sha256(again.csv)).toBe(await sha256(berauCsv));
		const other = await dtsenSample('berau-seed', { people: PEOPLE, seed: SEED + 1, regency: berau });
		expect(await sha256(other.csv)).not.toBe(await sha256(berauCsv));
	});

	it("leaves Kukar's default output unchanged, and --kabupaten 64.02 gives the same register", async () => {
		const kukar = await dtsenSample('kukar-default', { people: 3_000, seed: 42 });
		expect(await sha256(kukar.csv)).toBe(KUKAR_3000_SEED_42_SHA256);
		const national = await dtsenSample('kukar-national', {
			people: 3_000,
			seed: 42,
			regency: await loadSampleRegency(diskWilayah, '64.02')
		});
		expect(await sha256(national.csv)).toBe(KUKAR_3000_SEED_42_SHA256);
	});

	it('refuses a code that names no regency, in Indonesian', async () => {
		await expect(loadSampleRegency(diskWilayah, '99.99')).rejects.toThrow(
			"Kabupaten/kota '99.99' tidak ada dalam daftar wilayah Indonesia."
		);
		await expect(loadSampleRegency(diskWilayah, 'Berau')).rejects.toThrow(/tidak ada dalam daftar wilayah Indonesia/);
	});
});

/** Families and people per kecamatan (undotted code), counted by DuckDB over the CSV. */
async function countsByKecamatan(view: string): Promise<Map<string, { households: number; people: number }>> {
	const counted = await rows(
		`SELECT kode_kecamatan AS kode, count(DISTINCT nomor_kartu_keluarga) AS households, count(*) AS people FROM ${view} GROUP BY 1`
	);
	return new Map(counted.map((r) => [String(r.kode), { households: Number(r.households), people: Number(r.people) }]));
}

/** The summary's expected lines: every Berau kecamatan of the shapes file, with its villages and the counts. */
function summaryLines(counts: Map<string, { households: number; people: number }>): string[] {
	return KECAMATAN.map((k) => {
		const villages = DESA.filter((d) => d.kecamatan_kode === k.kode).length;
		const c = counts.get(undotted(k.kode)) ?? { households: 0, people: 0 };
		return `${k.kode},${k.nama},${villages},${c.households},${c.people}`;
	});
}

describe('tepat on a generated Berau register, with no --reference', () => {
	it("summary: Berau's 13 kecamatan with the households and people DuckDB counts in the CSV", async () => {
		const families = await scalar('SELECT count(*) FROM berau_family');
		const { code, stdout, stderr } = await runCli(['summary', berauCsv]);
		expect(code).toBe(0);
		expect(stderr.split('\n')[0]).toBe(
			`Kabupaten Berau (64.03), terdeteksi dari kode desa (${formatNumber(families)} dari ${formatNumber(families)} keluarga).`
		);
		const [header, ...lines] = stdout.trimEnd().split('\n');
		expect(header).toBe('kecamatan_kode,kecamatan_nama,desa_kelurahan,households,people');
		expect(lines).toHaveLength(13);
		expect(lines).toEqual(summaryLines(await countsByKecamatan('berau')));
	});

	it("indicators: Berau's 110 villages; unsafe water and crowding equal a count written out over the CSV", async () => {
		const planPath = join(dir, 'rencana-indikator.json');
		await writeFile(
			planPath,
			JSON.stringify({
				name: 'Desil 1-4, semua status verval',
				population: { desil: { min: 1, max: 4 }, verval: ['found', 'not_found', 'deceased', 'moved', 'well_off', 'unverified'] },
				indicators: {
					housing: { minFloorAreaPerPerson: 8 },
					water: {
						safe: ['tap', 'tap_metered', 'tap_retail', 'bore_well', 'protected_well', 'protected_spring', 'rain'],
						conditional: ['bottled', 'refill']
					}
				}
			})
		);
		const { code, stdout } = await runCli(['indicators', '--register', berauCsv, '--plan', planPath]);
		expect(code).toBe(0);
		const [head = '', ...lines] = stdout.trimEnd().split('\n');
		const columns = head.split(',');
		const table = lines.map((line) => line.split(','));
		expect(table).toHaveLength(110);
		expect(table.map((r) => r[0])).toEqual(DESA.map((d) => d.kode).sort());
		const column = (name: string) => {
			const i = columns.indexOf(name);
			expect(i, name).toBeGreaterThan(2);
			return new Map(table.map((r) => [undotted(r[0] ?? ''), Number(r[i])]));
		};

		// DTSEN codes (DOMAIN §2b): 6 unprotected well, 8 unprotected spring, 9 surface water, 11 other are
		// neither safe nor conditional. Crowded: under 8 m² of the (recorded) floor per family member.
		const expected = await rows(`
			SELECT desa,
				count(*) AS households,
				count(*) FILTER (WHERE water IN ('6', '8', '9', '11')) AS water_unsafe,
				count(*) FILTER (WHERE floor_area > 0 AND floor_area / members < 8) AS crowded
			FROM berau_family WHERE desil BETWEEN 1 AND 4 GROUP BY desa`);
		const by = new Map(expected.map((r) => [String(r.desa), r]));
		const figure = (desa: string, name: string) => Number(by.get(desa)?.[name] ?? 0);
		const unsafe = column('water_unsafe_count');
		const denominator = column('water_unsafe_denominator');
		const crowding = column('rtlh_crowding_count');
		for (const d of DESA.map((v) => undotted(v.kode))) {
			expect(unsafe.get(d), `${d} water_unsafe`).toBe(figure(d, 'water_unsafe'));
			expect(denominator.get(d), `${d} households`).toBe(figure(d, 'households'));
			expect(crowding.get(d), `${d} rtlh_crowding`).toBe(figure(d, 'crowded'));
		}
		// Not all zeros: the comparison above compares something.
		expect([...unsafe.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
		expect([...crowding.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
	});

	it('plan: the allocation names only Berau villages and funds no more units than it has candidates', async () => {
		const planPath = join(dir, 'rencana.json');
		await writeFile(
			planPath,
			JSON.stringify({
				name: 'Berau uji',
				population: { desil: { min: 1, max: 10 }, verval: ['found', 'unverified'] },
				programmes: { water: { unitCost: 2_500_000, includeConditional: false } },
				fundingLines: [
					{
						id: 'apbd',
						name: 'APBD Berau',
						kind: 'APBD',
						budgets: { pip: 20_000_000, water: 50_000_000, rtlh: 500_000_000, paket: 10_000_000 }
					}
				]
			})
		);
		const out = join(dir, 'hasil-berau');
		const { code, stderr } = await runCli(['plan', '--register', berauCsv, '--plan', planPath, '--out', out]);
		expect(code, stderr).toBe(0);
		expect(stderr.split('\n')[0]).toMatch(/^Kabupaten Berau \(64\.03\), terdeteksi dari kode desa/);
		await engine.exec(
			`CREATE OR REPLACE VIEW alokasi AS SELECT * FROM read_csv(${sqlString(join(out, 'alokasi.csv'))}, header = true, all_varchar = true)`
		);
		const berauVillages = DESA.map((d) => sqlString(d.kode)).join(', ');
		expect(await scalar('SELECT count(*) FROM alokasi')).toBeGreaterThan(0);
		expect(await scalar(`SELECT count(*) FROM alokasi WHERE village_kode IS NULL OR village_kode NOT IN (${berauVillages})`)).toBe(0);
		const programmes = await rows(
			`SELECT programme, count(*) AS candidates, count(*) FILTER (WHERE status = 'funded') AS funded FROM alokasi GROUP BY 1 ORDER BY 1`
		);
		expect(programmes.length).toBeGreaterThan(1);
		for (const p of programmes) expect(Number(p.funded), String(p.programme)).toBeLessThanOrEqual(Number(p.candidates));
		expect(programmes.reduce((n, p) => n + Number(p.funded), 0)).toBeGreaterThan(0);
		// Water: every family found or not yet checked whose source is neither safe nor conditional (DTSEN
		// 6, 8, 9, 11) is a candidate; Rp 50 million at Rp 2.5 million a connection funds 20 of them.
		const waterCandidates = await scalar(
			`SELECT count(DISTINCT nomor_kartu_keluarga) FROM berau WHERE coalesce(status_verval, '') IN ('Ditemukan', '') AND sumber_air_minum_utama IN ('6', '8', '9', '11')`
		);
		const water = programmes.find((p) => p.programme === 'water');
		expect(Number(water?.candidates)).toBe(waterCandidates);
		expect(Number(water?.funded)).toBe(Math.min(waterCandidates, 50_000_000 / 2_500_000));
		// Every candidate household is a family of the generated register.
		const kks = await scalar(
			`SELECT count(*) FROM (SELECT DISTINCT household_id FROM alokasi) a WHERE a.household_id NOT IN (SELECT kk FROM berau_family)`
		);
		expect(kks).toBe(0);
	});
});

describe('a register mixing Berau with a smaller Kukar one', () => {
	let mixed: string;
	let berauFamilies: number;
	let kukarFamilies: number;
	beforeAll(async () => {
		const kukar = await dtsenSample('kukar-minority', { people: 600, seed: SEED });
		const [header, ...kukarLines] = (await readFile(kukar.csv, 'utf8')).split('\n');
		const berauText = await readFile(berauCsv, 'utf8');
		expect(berauText.split('\n', 1)[0]).toBe(header);
		mixed = join(dir, 'campuran.csv');
		await writeFile(mixed, berauText + kukarLines.join('\n'));
		await engine.exec(`CREATE VIEW mixed AS ${readSampleCsvSql(mixed)}`);
		berauFamilies = await scalar(`SELECT count(DISTINCT nomor_kartu_keluarga) FROM mixed WHERE kode_kabupaten_kota = '6403'`);
		kukarFamilies = await scalar(`SELECT count(DISTINCT nomor_kartu_keluarga) FROM mixed WHERE kode_kabupaten_kota = '6402'`);
		// The two generators number independently: no family number may be in both, or they would merge.
		expect(await scalar('SELECT count(DISTINCT nomor_kartu_keluarga) FROM mixed')).toBe(berauFamilies + kukarFamilies);
		expect(kukarFamilies).toBeGreaterThan(100);
	});

	it('report: the Kukar households are a finding with their count, the register stays Berau', async () => {
		const out = join(dir, 'laporan.csv');
		const { code, stderr } = await runCli(['report', mixed, '--out', out]);
		expect(code).toBe(0);
		expect(stderr.split('\n')[0]).toBe(
			`Kabupaten Berau (64.03), terdeteksi dari kode desa (${formatNumber(berauFamilies)} dari ` +
				`${formatNumber(berauFamilies + kukarFamilies)} keluarga); ${formatNumber(kukarFamilies)} keluarga berkode kabupaten/kota lain (lihat tepat report).`
		);
		const h = reportHeaders('id');
		const findings = await rows(
			`SELECT ${h.code} AS code, ${h.value} AS value, ${h.rows}::INT AS n, ${h.message} AS message ` +
				`FROM read_csv(${sqlString(out)}, header = true, all_varchar = true) WHERE ${h.code} IN ('regency', 'other_regency') ORDER BY 1`
		);
		expect(findings.map((f) => [f.code, f.value, f.n])).toEqual([
			['other_regency', '64.02', kukarFamilies],
			['regency', '64.03', berauFamilies]
		]);
		expect(String(findings[0]?.message)).toContain('Kabupaten Kutai Kartanegara (64.02), bukan Kabupaten Berau');
	});

	it("summary: Berau's kecamatan with the Berau counts; the Kukar households counted apart", async () => {
		const { code, stdout, stderr } = await runCli(['summary', mixed]);
		expect(code).toBe(0);
		const [, ...lines] = stdout.trimEnd().split('\n');
		expect(lines).toEqual(summaryLines(await countsByKecamatan('berau')));
		expect(stderr).toContain(`${formatNumber(kukarFamilies)} keluarga dengan kode desa di luar referensi`);
	});
});
