/**
 * Issue 11 point 1, "the user can change it": the regency of the loaded register changed without its
 * files (ingest/regency-change.ts) on Node DuckDB. The reference tables are swapped for the chosen
 * regency's, households keep their codes, and prefixes Tepat filled in (basis 'kept') move with the
 * regency. Expected counts are worked out by hand from the four families of dtsen-flat.csv.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskWilayah } from '../../src/cli/wilayah';
import type { Reference } from '../../src/lib/core/reference';
import { loadReportRows } from './report-rows';
import { rowsOf } from '../../src/lib/core/rows';
import { loadRegencyReference } from '../../src/lib/core/wilayah';
import { NodeEngine } from '../../src/lib/engine/node';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { referenceFromTables } from '../../src/lib/ingest/reference';
import {
	changeRegency,
	chosenRegency,
	regencyChangeStatements,
	registerRegency,
	type RegisterRegency
} from '../../src/lib/ingest/regency-change';
import { fixture } from '../fixtures/ingest';

const KUKAR: Reference = JSON.parse(await readFile(new URL('../../data/reference.json', import.meta.url), 'utf8')) as Reference;
const BERAU = (await loadRegencyReference(diskWilayah, '64.03')) as Reference;

/** dtsen-flat.csv with each family's code parts replaced by `parts(family index)` (prov, kab, kec, desa). */
async function writeFixture(dir: string, name: string, parts: (family: number) => [string, string, string, string]): Promise<string> {
	const lines = (await readFile(fixture('dtsen-flat.csv'), 'utf8')).split('\n');
	const families = new Map<string, number>();
	const out = lines.map((line, i) => {
		if (i === 0 || line.trim() === '') return line;
		const kk = line.split(',')[0] ?? '';
		if (!families.has(kk)) families.set(kk, families.size);
		const [prov, kab, kec, desa] = parts(families.get(kk) ?? 0);
		return line.replace(/^(\d+),64,02,\d\d,\d{10},/, `$1,${prov},${kab},${kec},${desa},`);
	});
	const path = join(dir, name);
	await writeFile(path, out.join('\n'));
	return path;
}

async function householdsByVillage(engine: NodeEngine): Promise<{ kode: string; village: string | null }[]> {
	return rowsOf(
		await engine.query(
			'SELECT h.village_kode AS kode, v.nama AS village FROM household h LEFT JOIN village v ON v.kode = h.village_kode ORDER BY h.source_row'
		),
		{ kode: 'string', village: 'string?' }
	);
}

async function findings(engine: NodeEngine): Promise<{ code: string; value: string | null; rows: number; message: string }[]> {
	const codes = ['regency', 'other_regency', 'village_not_in_reference'];
	// As `ORDER BY code, value` (NULLs last) did when the message was a column.
	const order = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
	return (await loadReportRows(engine))
		.filter((r) => codes.includes(r.code))
		.map(({ code, value, rows, message }) => ({ code, value, rows, message }))
		.sort((a, b) => order(a.code, b.code) || order(a.value, b.value));
}

const count = async (engine: NodeEngine, sql: string) => rowsOf(await engine.query(sql), { n: 'number' })[0]?.n;

describe('changing the regency of a loaded register', () => {
	let engine: NodeEngine;
	let dir: string;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		dir = await mkdtemp(join(tmpdir(), 'tepat-regency-change-'));
	});
	afterAll(async () => {
		await engine.close();
		await rm(dir, { recursive: true, force: true });
	});

	it('counts the households of the chosen regency from the votes of the load', () => {
		const from: RegisterRegency = {
			kode: '64.03',
			nama: 'Kabupaten Berau',
			basis: 'detected',
			households: 4950,
			voting: 5000,
			others: [{ kode: '64.02', nama: 'Kabupaten Kutai Kartanegara', households: 50 }],
			filled: false
		};
		expect(chosenRegency(from, { kode: '64.02', nama: 'Kabupaten Kutai Kartanegara' })).toEqual({
			kode: '64.02',
			nama: 'Kabupaten Kutai Kartanegara',
			basis: 'chosen',
			households: 50,
			voting: 5000,
			others: [{ kode: '64.03', nama: 'Kabupaten Berau', households: 4950 }],
			filled: false
		});
		// A regency no household names: every voting household is another regency's.
		const samarinda = chosenRegency(from, { kode: '64.72', nama: 'Kota Samarinda' });
		expect(samarinda.households).toBe(0);
		expect(samarinda.others.map((o) => [o.kode, o.households])).toEqual([
			['64.03', 4950],
			['64.02', 50]
		]);
		// Codes carried by the register are never rewritten; only prefixes Tepat filled in are.
		const statements = regencyChangeStatements(from, KUKAR, chosenRegency(from, KUKAR.kabupaten), null);
		expect(statements.some((s) => s.startsWith('UPDATE household'))).toBe(false);
		const filled = regencyChangeStatements({ ...from, filled: true }, KUKAR, chosenRegency(from, KUKAR.kabupaten), null);
		expect(filled.filter((s) => s.startsWith('UPDATE household'))).toEqual([
			"UPDATE household SET village_kode = '64.02' || substr(village_kode, 6) WHERE starts_with(village_kode, '64.03.')"
		]);
		expect(() => regencyChangeStatements({ ...from, kode: "64'03" }, KUKAR, from, null)).toThrow(/bad regency code/);
	});

	it('swaps the reference under a detected register; households keep their codes', async () => {
		await loadReference(engine, KUKAR);
		// Three Berau families (Tanjung Redeb ×2, Kelay) and one of Kukar (Jahab, Tenggarong).
		const codes: [string, string, string, string][] = [
			['64', '03', '05', '6403051003'],
			['64', '03', '05', '6403051004'],
			['64', '03', '01', '6403012001'],
			['64', '02', '06', '6402061001']
		];
		const path = await writeFixture(dir, 'berau.csv', (i) => codes[i] ?? codes[0]!);
		const result = await ingestRegister(engine, [await fileByteSource(path)], KUKAR, { region: { wilayah: diskWilayah } });
		const loaded = registerRegency(result.regency!);
		expect(loaded).toMatchObject({ kode: '64.03', basis: 'detected', households: 3, voting: 4, filled: false });
		expect(await count(engine, 'SELECT count(*)::INTEGER AS n FROM village')).toBe(110);
		const before = await householdsByVillage(engine);
		expect(before.map((h) => h.kode)).toEqual(['64.03.05.1003', '64.03.05.1004', '64.03.01.2001', '64.02.06.1001']);
		expect(before.filter((h) => h.village !== null)).toHaveLength(3);

		const next = await changeRegency(engine, loaded, KUKAR);
		expect(next).toEqual({
			kode: '64.02',
			nama: 'Kabupaten Kutai Kartanegara',
			basis: 'chosen',
			households: 1,
			voting: 4,
			others: [{ kode: '64.03', nama: 'Kabupaten Berau', households: 3 }],
			filled: false
		});
		expect(await count(engine, 'SELECT count(*)::INTEGER AS n FROM village')).toBe(237);
		expect(await count(engine, 'SELECT count(*)::INTEGER AS n FROM kecamatan')).toBe(20);
		const after = await householdsByVillage(engine);
		expect(after).toEqual([
			{ kode: '64.03.05.1003', village: null },
			{ kode: '64.03.05.1004', village: null },
			{ kode: '64.03.01.2001', village: null },
			{ kode: '64.02.06.1001', village: 'Jahab' }
		]);
		const report = await findings(engine);
		expect(report.map((f) => [f.code, f.value, f.rows])).toEqual([
			['other_regency', '64.03', 3],
			['regency', '64.02', 1]
		]);
		expect(report[0]?.message).toContain('Kabupaten Berau (64.03), bukan Kabupaten Kutai Kartanegara');
		expect(report[1]?.message).toBe(
			'Register Kabupaten Kutai Kartanegara (64.02), dipilih pengguna setelah pemuatan: 1 dari 4 keluarga berkode wilayah ini.'
		);

		// And the reference is read back from the tables as it was built.
		const back = await referenceFromTables(engine, next, KUKAR.attribution);
		expect(back.kecamatan).toEqual(KUKAR.kecamatan);
		expect(back.villages).toEqual(KUKAR.villages);
	});

	it('moves the prefixes Tepat filled in when the codes named no regency (basis kept)', async () => {
		await loadReference(engine, KUKAR);
		// Kecamatan and desa parts only: Gunung Tabur 2001, 2002, Batu Putih 2001 and a code no village has.
		const parts: [string, string, string, string][] = [
			['', '', '06', '2001'],
			['', '', '06', '2002'],
			['', '', '12', '2001'],
			['', '', '06', '9999']
		];
		const path = await writeFixture(dir, 'kept.csv', (i) => parts[i] ?? parts[0]!);
		const result = await ingestRegister(engine, [await fileByteSource(path)], KUKAR, { region: { wilayah: diskWilayah } });
		const loaded = registerRegency(result.regency!);
		expect(loaded).toMatchObject({ kode: '64.02', basis: 'kept', households: 0, voting: 0, filled: true });
		expect((await householdsByVillage(engine)).map((h) => h.kode)).toEqual([
			'64.02.06.2001',
			'64.02.06.2002',
			'64.02.12.2001',
			'64.02.06.9999'
		]);

		const next = await changeRegency(engine, loaded, BERAU);
		expect(next).toMatchObject({
			kode: '64.03',
			nama: 'Kabupaten Berau',
			basis: 'chosen',
			households: 0,
			voting: 0,
			others: [],
			filled: true
		});
		expect(await householdsByVillage(engine)).toEqual([
			{ kode: '64.03.06.2001', village: 'Tasuk' },
			{ kode: '64.03.06.2002', village: 'Birang' },
			{ kode: '64.03.12.2001', village: 'Tembudan' },
			{ kode: '64.03.06.9999', village: null }
		]);
		const kecamatan = rowsOf(
			await engine.query(
				'SELECT v.kecamatan_nama AS nama, count(*)::INTEGER AS households FROM household h JOIN village v ON v.kode = h.village_kode GROUP BY 1 ORDER BY 1'
			),
			{ nama: 'string', households: 'number' }
		);
		expect(kecamatan).toEqual([
			{ nama: 'Batu Putih', households: 1 },
			{ nama: 'Gunung Tabur', households: 2 }
		]);
		const report = await findings(engine);
		expect(report.map((f) => [f.code, f.value, f.rows])).toEqual([
			['regency', '64.03', 0],
			['village_not_in_reference', '64.03.06.9999', 1]
		]);
		expect(report[1]?.message).toMatch(/kode desa '64\.03\.06\.9999' tidak ada di referensi Kabupaten Berau \(1 keluarga, 1 jiwa\)/);

		// Back to Kukar: the filled prefixes follow again.
		const again = await changeRegency(engine, next, KUKAR);
		expect(again.kode).toBe('64.02');
		expect((await householdsByVillage(engine)).map((h) => h.kode)).toEqual([
			'64.02.06.2001',
			'64.02.06.2002',
			'64.02.12.2001',
			'64.02.06.9999'
		]);
	});

	it('leaves everything as it was when a statement fails', async () => {
		const villages = await count(engine, 'SELECT count(*)::INTEGER AS n FROM village');
		const codes = await householdsByVillage(engine);
		const from: RegisterRegency = {
			kode: '64.02',
			nama: 'Kabupaten Kutai Kartanegara',
			basis: 'chosen',
			households: 0,
			voting: 0,
			others: [],
			filled: true
		};
		// A report table the findings cannot be written to: the last statements fail, after the swap and the update.
		await engine.exec('ALTER TABLE ingest_report RENAME TO ingest_report_kept');
		await engine.exec('CREATE TABLE ingest_report (code VARCHAR)');
		try {
			await expect(changeRegency(engine, from, BERAU)).rejects.toThrow();
		} finally {
			await engine.exec('DROP TABLE ingest_report');
			await engine.exec('ALTER TABLE ingest_report_kept RENAME TO ingest_report');
		}
		expect(await count(engine, 'SELECT count(*)::INTEGER AS n FROM village')).toBe(villages);
		expect(await count(engine, "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name LIKE '%_change'")).toBe(0);
		expect(await householdsByVillage(engine)).toEqual(codes);
	});
});
