/**
 * Issue 11 point 1: Indonesia's areas from idn-area-data, the regency detected from a register's village
 * codes, rows of other regencies counted and reported, and a clear refusal when codes name no regency or
 * two equally.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskWilayah } from '../../src/cli/wilayah';
import type { Reference } from '../../src/lib/core/reference';
import { loadReportRows } from './report-rows';
import { rowsOf } from '../../src/lib/core/rows';
import { detectRegency, loadRegencyReference, regencies, searchRegencies, type WilayahIndex } from '../../src/lib/core/wilayah';
import { NodeEngine } from '../../src/lib/engine/node';
import { IngestError, ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { fixture } from '../fixtures/ingest';
import { runCli } from './cli-run';
import { inIndonesianAsync, inIndonesianError } from './in-indonesian';

const KUKAR: Reference = JSON.parse(await readFile(new URL('../../data/reference.json', import.meta.url), 'utf8')) as Reference;
let index: WilayahIndex;

beforeAll(async () => {
	index = await diskWilayah.index();
});

describe('the national list (static/wilayah from idn-area-data)', () => {
	it('knows every province, regency/city and village of Indonesia', async () => {
		expect(index.provinsi).toHaveLength(38);
		expect(index.kabupaten).toHaveLength(514);
		let villages = 0;
		for (const [kode] of index.provinsi) villages += (await diskWilayah.province(kode)).desa.length;
		expect(villages).toBe(83_762);
	});

	it('keeps the package notice in data/THIRD_PARTY.md', async () => {
		const notice = await readFile(new URL('../../data/THIRD_PARTY.md', import.meta.url), 'utf8');
		expect(notice).toContain('**idn-area-data** 4.0.1');
		expect(notice).toContain('Copyright (c) 2023 Fityan');
		expect(notice).toContain('Open Database License');
		expect(index.source).toBe('idn-area-data 4.0.1');
	});

	it("builds Kukar's reference exactly as the bundled one, zones included", async () => {
		const kukar = await loadRegencyReference(diskWilayah, '6402');
		expect(kukar?.kabupaten).toEqual({ kode: '64.02', nama: 'Kabupaten Kutai Kartanegara' });
		expect(kukar?.kecamatan).toEqual(KUKAR.kecamatan);
		expect(kukar?.villages).toEqual(KUKAR.villages);
	});

	it("builds Berau's 13 kecamatan and 110 villages, all in one default zone", async () => {
		const berau = await loadRegencyReference(diskWilayah, '64.03');
		expect(berau?.kabupaten.nama).toBe('Kabupaten Berau');
		expect(berau?.kecamatan).toHaveLength(13);
		expect(berau?.villages).toHaveLength(110);
		expect(new Set(berau?.kecamatan.map((k) => k.zona))).toEqual(new Set(['umum']));
		const geo = JSON.parse(await readFile(new URL('../../../shared/geo/berau-desa.geojson', import.meta.url), 'utf8')) as {
			features: { properties: { kode: string } }[];
		};
		expect(berau?.villages.map((v) => v.kode)).toEqual(geo.features.map((f) => f.properties.kode).sort());
		expect(await loadRegencyReference(diskWilayah, '99.99')).toBeNull();
	});

	it('finds a regency by words of its name, province or code', () => {
		const list = regencies(index);
		expect(searchRegencies(list, 'berau').map((r) => r.kode)).toEqual(['64.03']);
		expect(searchRegencies(list, 'kutai').map((r) => r.kode)).toEqual(['64.02', '64.07', '64.08']);
		expect(searchRegencies(list, 'samarinda').map((r) => r.nama)).toEqual(['Kota Samarinda']);
		expect(searchRegencies(list, '64.0').map((r) => r.kode)).toEqual(['64.01', '64.02', '64.03', '64.07', '64.08', '64.09']);
	});

	it('detects the regency most households belong to, and says when it cannot', () => {
		const found = detectRegency(index, [
			{ kode: '64.03', households: 7 },
			{ kode: '64.02', households: 2 },
			{ kode: '99.99', households: 1 }
		]);
		expect(found).toMatchObject({ kind: 'found', regency: { kode: '64.03', nama: 'Kabupaten Berau' }, households: 7, total: 10 });
		expect(found.kind === 'found' && found.others).toEqual([
			{ kode: '64.02', households: 2 },
			{ kode: '99.99', households: 1 }
		]);
		expect(detectRegency(index, [])).toEqual({ kind: 'no_codes' });
		expect(detectRegency(index, [{ kode: '99.99', households: 3 }]).kind).toBe('unknown');
		const tie = detectRegency(index, [
			{ kode: '64.02', households: 4 },
			{ kode: '64.03', households: 4 }
		]);
		expect(tie.kind === 'tie' && tie.regencies.map((r) => r.kode)).toEqual(['64.02', '64.03']);
	});
});

/** The hand-made DTSEN flat fixture with its Kukar codes rewritten to `codes` (one per family, in order). */
async function rewrittenFixture(dir: string, name: string, codes: string[]): Promise<string> {
	const lines = (await readFile(fixture('dtsen-flat.csv'), 'utf8')).split('\n');
	const families = new Map<string, string>();
	const out = lines.map((line, i) => {
		if (i === 0 || line.trim() === '') return line;
		const kk = line.split(',')[0] ?? '';
		if (!families.has(kk)) families.set(kk, codes[families.size % codes.length] ?? '');
		const code = families.get(kk) ?? '';
		const [prov, kab, kec] = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6)];
		return line.replace(/^(\d+),64,02,\d\d,\d{10},/, `$1,${prov},${kab},${kec},${code},`);
	});
	const path = join(dir, name);
	await writeFile(path, out.join('\n'));
	return path;
}

describe('a register of another regency', () => {
	let engine: NodeEngine;
	let dir: string;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		dir = await mkdtemp(join(tmpdir(), 'tepat-regency-'));
	});
	afterAll(async () => {
		await engine.close();
		await rm(dir, { recursive: true, force: true });
	});

	it('is read against its own regency, detected from the village codes', async () => {
		await loadReference(engine, KUKAR);
		const path = await rewrittenFixture(dir, 'berau.csv', ['6403051003', '6403051004', '6403011001']);
		const result = await ingestRegister(engine, [await fileByteSource(path)], KUKAR, { region: { wilayah: diskWilayah } });
		expect(result.regency).toMatchObject({ kode: '64.03', nama: 'Kabupaten Berau', basis: 'detected', others: [] });
		expect(result.reference?.villages).toHaveLength(110);
		const villages = rowsOf(await engine.query('SELECT count(*)::INTEGER AS n FROM village'), { n: 'number' });
		expect(villages[0]?.n).toBe(110);
		const kecamatan = rowsOf(
			await engine.query(
				`SELECT v.kecamatan_kode AS kode, count(*)::INTEGER AS households FROM household h JOIN village v ON v.kode = h.village_kode GROUP BY 1 ORDER BY 1`
			),
			{ kode: 'string', households: 'number' }
		);
		// The fixture's fourth family has a village code that is no village (it stays unmatched, as in Kukar).
		expect(result.unmatchedHouseholds).toBe(1);
		expect(kecamatan.reduce((sum, k) => sum + k.households, 0)).toBe(result.households - 1);
		expect(kecamatan.map((k) => k.kode)).toEqual(['64.03.05']);
	});

	it('counts and reports the households of another regency instead of dropping them', async () => {
		const path = await rewrittenFixture(dir, 'mixed.csv', ['6403051003', '6403051004', '6403051005', '6402061001']);
		const result = await ingestRegister(engine, [await fileByteSource(path)], KUKAR, { region: { wilayah: diskWilayah } });
		expect(result.regency?.kode).toBe('64.03');
		expect(result.regency?.others).toEqual([{ kode: '64.02', nama: 'Kabupaten Kutai Kartanegara', households: 1 }]);
		const findings = (await loadReportRows(engine))
			.filter((r) => r.code === 'regency' || r.code === 'other_regency')
			.sort((a, b) => a.code.localeCompare(b.code));
		expect(findings.map((f) => [f.code, f.value, f.rows])).toEqual([
			['other_regency', '64.02', 1],
			['regency', '64.03', 3]
		]);
		expect(findings[0]?.message).toContain('Kabupaten Kutai Kartanegara (64.02), bukan Kabupaten Berau');
	});

	it('keeps the user’s choice over the detection', async () => {
		const path = await rewrittenFixture(dir, 'chosen.csv', ['6403051003']);
		const result = await ingestRegister(engine, [await fileByteSource(path)], KUKAR, {
			region: { wilayah: diskWilayah, chosen: '6402' }
		});
		expect(result.regency).toMatchObject({ kode: '64.02', basis: 'chosen', households: 0 });
		expect(result.regency?.others).toEqual([{ kode: '64.03', nama: 'Kabupaten Berau', households: 4 }]);
	});

	it('refuses codes that name no regency, and a tie, with the regencies named; the loaded register stays', async () => {
		const before = rowsOf(await engine.query('SELECT count(*)::INTEGER AS n FROM household'), { n: 'number' })[0]?.n;
		const unknown = await rewrittenFixture(dir, 'unknown.csv', ['9999011001']);
		await expect(
			inIndonesianAsync(ingestRegister(engine, [await fileByteSource(unknown)], KUKAR, { region: { wilayah: diskWilayah } }))
		).rejects.toThrow(/tidak cocok dengan kabupaten\/kota mana pun/);
		const tie = await rewrittenFixture(dir, 'tie.csv', ['6403051003', '6402061001']);
		const error = await ingestRegister(engine, [await fileByteSource(tie)], KUKAR, { region: { wilayah: diskWilayah } }).catch(
			inIndonesianError
		);
		expect(error).toBeInstanceOf(IngestError);
		expect((error as Error).message).toMatch(/Kabupaten Kutai Kartanegara \(64\.02\) dan Kabupaten Berau \(64\.03\)/);
		expect(rowsOf(await engine.query('SELECT count(*)::INTEGER AS n FROM household'), { n: 'number' })[0]?.n).toBe(before);
	});

	it('tepat summary lists Berau’s 13 kecamatan with no --reference, and names the regency first', async () => {
		const path = await rewrittenFixture(dir, 'berau-cli.csv', ['6403051003', '6403051004', '6403011001']);
		const run = await runCli(['summary', path]);
		expect(run.code).toBe(0);
		expect(run.stderr.split('\n')[0]).toBe('Kabupaten Berau (64.03), terdeteksi dari kode desa (4 dari 4 keluarga).');
		const lines = run.stdout.trim().split('\n');
		expect(lines).toHaveLength(14);
		expect(lines[1]).toMatch(/^64\.03\.01,Kelay,/);
	});
});
