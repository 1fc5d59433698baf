import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { rowsOf } from '../../src/lib/core/rows';
import { IngestCancelled, IngestError, bytesByteSource, ingestRegister, loadReference, type IngestProgress } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { overviewByKecamatan, overviewByVillage, registerTotals } from '../../src/lib/queries/overview';
import { TINY_REFERENCE, fixture, fixtureBytes } from '../fixtures/ingest';
import { inIndonesianError } from './in-indonesian';

const src = (name: string) => fileByteSource(fixture(name));

async function villageCounts(engine: NodeEngine) {
	const table = await engine.query(
		`SELECT h.village_kode AS kode, count(DISTINCT h.household_id)::INTEGER AS households, count(p.person_id)::INTEGER AS people
		 FROM household h LEFT JOIN person p ON p.household_id = h.household_id GROUP BY 1 ORDER BY 1`
	);
	return rowsOf(table, { kode: 'string', households: 'number', people: 'number' });
}

async function leftovers(engine: NodeEngine): Promise<string[]> {
	const table = await engine.query(
		`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'tepat_%' OR table_name LIKE '%_next' ORDER BY 1`
	);
	return rowsOf(table, { table_name: 'string' }).map((r) => r.table_name);
}

const DTSEN_VILLAGES = [
	{ kode: '64.02.06.1001', households: 1, people: 3 },
	{ kode: '64.02.06.2012', households: 1, people: 2 },
	{ kode: '64.02.06.9999', households: 1, people: 1 },
	{ kode: '64.02.12.2001', households: 1, people: 4 }
];

describe('ingestRegister', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
	});
	afterAll(async () => {
		await engine.close();
	});
	beforeEach(async () => {
		for (const t of ['household', 'person', 'village', 'kecamatan', 'ingest_unknown_code']) {
			await engine.exec(`DROP TABLE IF EXISTS ${t}`);
		}
		await loadReference(engine, TINY_REFERENCE);
	});

	it('loads a DTSEN flat CSV: counts per village, unmatched village kept and counted', async () => {
		const progress: IngestProgress[] = [];
		const result = await ingestRegister(engine, [await src('dtsen-flat.csv')], TINY_REFERENCE, {
			onProgress: (p) => progress.push(p)
		});
		expect(result).toMatchObject({
			source: 'dtsen',
			files: ['dtsen-flat.csv'],
			rowsRead: 10,
			households: 4,
			people: 10,
			rowsRejected: 0,
			unmatchedHouseholds: 1
		});
		expect(await villageCounts(engine)).toEqual(DTSEN_VILLAGES);
		expect(await registerTotals(engine)).toEqual({
			households: 4,
			people: 10,
			villages_with_data: 3,
			unmatched_households: 1
		});
		expect(progress.map((p) => p.phase)).toContain('read');
		expect(progress.at(-1)?.phase).toBe('done');
		expect(await leftovers(engine)).toEqual([]);
	});

	it('maps DTSEN codes to canonical values (floor 8 and 08 = earth; unknown roof 99 kept as unknown)', async () => {
		await ingestRegister(engine, [await src('dtsen-flat.csv')], TINY_REFERENCE);
		const hh = rowsOf(
			await engine.query(
				`SELECT household_id, kk, village_kode, desil, floor, wall, roof, water, lighting, fuel, toilet, closet, disposal, tenure, land_own, floor_area, members, members_declared, verval_status, source_row FROM household ORDER BY source_row`
			),
			{
				household_id: 'string',
				kk: 'string',
				village_kode: 'string',
				desil: 'number?',
				floor: 'string?',
				wall: 'string?',
				roof: 'string?',
				water: 'string?',
				lighting: 'string?',
				fuel: 'string?',
				toilet: 'string?',
				closet: 'string?',
				disposal: 'string?',
				tenure: 'string?',
				land_own: 'string?',
				floor_area: 'number?',
				members: 'number',
				members_declared: 'number?',
				verval_status: 'string?',
				source_row: 'number'
			}
		);
		expect(hh).toEqual([
			{
				household_id: '6402060101150001',
				kk: '6402060101150001',
				village_kode: '64.02.06.1001',
				desil: 2,
				floor: 'earth',
				wall: 'woven_bamboo',
				roof: 'thatch',
				water: 'unprotected_well',
				lighting: 'pln_metered',
				fuel: 'firewood',
				toilet: 'own',
				closet: 'goose_neck',
				disposal: 'septic_tank',
				tenure: 'own',
				land_own: 'own',
				floor_area: 24,
				members: 3,
				members_declared: 3,
				verval_status: 'found',
				source_row: 1
			},
			{
				household_id: '6402061203180002',
				kk: '6402061203180002',
				village_kode: '64.02.06.2012',
				desil: 5,
				floor: 'ceramic',
				wall: 'masonry',
				roof: 'zinc',
				water: 'tap',
				lighting: 'pln_metered',
				fuel: 'lpg_3kg',
				toilet: 'own',
				closet: 'goose_neck',
				disposal: 'septic_tank',
				tenure: 'rent',
				land_own: 'none',
				floor_area: 45.5,
				members: 2,
				members_declared: 2,
				verval_status: null,
				source_row: 4
			},
			{
				household_id: '6402121507120003',
				kk: '6402121507120003',
				village_kode: '64.02.12.2001',
				desil: 1,
				floor: 'earth',
				wall: 'bamboo',
				roof: 'unknown',
				water: 'surface',
				lighting: 'none',
				fuel: 'firewood',
				toilet: 'none',
				closet: 'pit',
				disposal: 'open_ground',
				tenure: 'own',
				land_own: 'own',
				floor_area: 18.5,
				members: 4,
				members_declared: 4,
				verval_status: 'deceased',
				source_row: 6
			},
			{
				household_id: '6402062010090004',
				kk: '6402062010090004',
				village_kode: '64.02.06.9999',
				desil: 3,
				floor: 'cement_brick',
				wall: 'masonry',
				roof: 'tile',
				water: 'refill',
				lighting: 'pln_metered',
				fuel: 'lpg_3kg',
				toilet: 'own',
				closet: 'goose_neck',
				disposal: 'septic_tank',
				tenure: 'own',
				land_own: 'own',
				floor_area: 36,
				members: 1,
				members_declared: 1,
				verval_status: 'moved',
				source_row: 10
			}
		]);
		const people = rowsOf(
			await engine.query(
				`SELECT person_id, household_id, name, sex, birth_date, age, relation, school_participation, level, class, certificate, disability, verval_status FROM person ORDER BY source_row`
			),
			{
				person_id: 'string',
				household_id: 'string',
				name: 'string',
				sex: 'string?',
				birth_date: 'date?',
				age: 'number?',
				relation: 'string?',
				school_participation: 'string?',
				level: 'string?',
				class: 'number?',
				certificate: 'string?',
				disability: 'boolean?',
				verval_status: 'string?'
			}
		);
		expect(people).toHaveLength(10);
		expect(people[1]).toMatchObject({
			name: 'Nur Aini',
			sex: 'F',
			birth_date: '1985-02-05',
			relation: 'spouse',
			level: 'smp',
			certificate: 'smp'
		});
		expect(people[2]).toMatchObject({
			name: 'Rizky Fauzi',
			school_participation: 'no_longer',
			level: 'sd',
			class: 6,
			certificate: null,
			disability: true
		});
		// An empty status stays empty: the plan's rule decides for it, not a made-up 'unverified'.
		expect(people[3]).toMatchObject({ name: 'Siti Rahmah', sex: 'F', relation: 'head', verval_status: null });
		expect(people[5]).toMatchObject({
			name: 'Bujang Lawing',
			school_participation: 'never',
			level: null,
			certificate: 'none',
			disability: true,
			verval_status: 'deceased'
		});
		expect(people[8]).toMatchObject({ name: 'Ani', age: 14, school_participation: 'never', disability: false });
		const unknown = rowsOf(
			await engine.query(`SELECT table_name, field, source_column, raw_value, rows, first_row FROM ingest_unknown_code ORDER BY field`),
			{ table_name: 'string', field: 'string', source_column: 'string', raw_value: 'string', rows: 'number', first_row: 'number' }
		);
		expect(unknown).toEqual([
			{ table_name: 'household', field: 'roof', source_column: 'jenis_atap_terluas', raw_value: '99', rows: 1, first_row: 6 }
		]);
	});

	it('computes age from the birth date at asOf when the source has no age column', async () => {
		const text = new TextDecoder().decode(await fixtureBytes('dtsen-flat.csv')).replace(',usia,', ',umur_lain,');
		await ingestRegister(engine, [bytesByteSource('no-age.csv', new TextEncoder().encode(text))], TINY_REFERENCE, {
			asOf: '2025-07-01'
		});
		const ages = await engine.query(`SELECT name, age FROM person ORDER BY source_row`);
		expect(rowsOf(ages, { name: 'string', age: 'number?' }).map((r) => `${r.name}:${r.age}`)).toEqual([
			'Ahmad Fauzi:45',
			'Nur Aini:40',
			'Rizky Fauzi:13',
			'Siti Rahmah:50',
			'Dewi Lestari:14',
			'Bujang Lawing:55',
			'Inah:53',
			'Ujang:17',
			'Ani:13',
			'Rina Wati:34'
		]);
	});

	it('loads the DTSEN family + person pair in either order with the same result', async () => {
		for (const order of [
			['dtsen-keluarga.csv', 'dtsen-anggota.csv'],
			['dtsen-anggota.csv', 'dtsen-keluarga.csv']
		]) {
			const result = await ingestRegister(engine, await Promise.all(order.map(src)), TINY_REFERENCE);
			expect(result).toMatchObject({ source: 'dtsen', rowsRead: 14, households: 4, people: 10, rowsRejected: 0 });
			expect(await villageCounts(engine)).toEqual(DTSEN_VILLAGES);
			const floors = await engine.query(`SELECT list(floor ORDER BY source_row) AS f FROM household`);
			expect(String(floors.get(0)?.f)).toBe('earth,ceramic,earth,cement_brick');
		}
	});

	it('loads a semicolon BDT flat CSV (BOM, CRLF, quoted LF): BDT floor 09 and 9 = earth', async () => {
		const result = await ingestRegister(engine, [await src('bdt-flat-semicolon.csv')], TINY_REFERENCE);
		expect(result).toMatchObject({ source: 'bdt', rowsRead: 7, households: 3, people: 7, unmatchedHouseholds: 0 });
		expect(await villageCounts(engine)).toEqual([
			{ kode: '64.02.06.1001', households: 1, people: 3 },
			{ kode: '64.02.06.2012', households: 1, people: 2 },
			{ kode: '64.02.12.2001', households: 1, people: 2 }
		]);
		const hh = rowsOf(
			await engine.query(
				`SELECT household_id, kk, alamat, floor, wall_condition, roof, roof_condition, water, desil, verval_status FROM household ORDER BY household_id`
			),
			{
				household_id: 'string',
				kk: 'string?',
				alamat: 'string?',
				floor: 'string?',
				wall_condition: 'string?',
				roof: 'string?',
				roof_condition: 'string?',
				water: 'string?',
				desil: 'number?',
				verval_status: 'string?'
			}
		);
		expect(hh).toEqual([
			{
				household_id: 'BDT001',
				kk: '6402060101100011',
				alamat: 'Jl. Melati; RT 3',
				floor: 'earth',
				wall_condition: 'poor',
				roof: 'zinc',
				roof_condition: 'poor',
				water: 'unprotected_well',
				desil: null,
				verval_status: 'not_found'
			},
			{
				household_id: 'BDT002',
				kk: '6402060101100022',
				alamat: 'Jl. Poros;\nKm 5',
				floor: 'ceramic',
				wall_condition: 'good',
				roof: 'concrete',
				roof_condition: 'good',
				water: 'tap_metered',
				desil: null,
				verval_status: 'well_off'
			},
			{
				household_id: 'BDT003',
				kk: '6402120101100033',
				alamat: 'Dusun Hulu',
				floor: 'earth',
				wall_condition: null,
				roof: 'thatch',
				roof_condition: null,
				water: 'surface',
				desil: null,
				verval_status: null
			}
		]);
		const people = rowsOf(
			await engine.query(
				`SELECT person_id, sex, relation, school_participation, level, certificate, disability FROM person ORDER BY person_id`
			),
			{
				person_id: 'string',
				sex: 'string?',
				relation: 'string?',
				school_participation: 'string?',
				level: 'string?',
				certificate: 'string?',
				disability: 'boolean?'
			}
		);
		expect(people.find((p) => p.person_id === 'BDT001-3')).toEqual({
			person_id: 'BDT001-3',
			sex: 'M',
			relation: 'child',
			school_participation: 'in_school',
			level: 'smp',
			certificate: 'sd',
			disability: true
		});
		expect(people.find((p) => p.person_id === 'BDT003-1')).toEqual({
			person_id: 'BDT003-1',
			sex: 'M',
			relation: 'head',
			school_participation: 'never',
			level: null,
			certificate: 'none',
			disability: true
		});
	});

	it('reads a quoted field holding newlines and delimiters across any slice boundary', async () => {
		const expected = ['Jl. Mawar, Gg. "Kenanga"\nRT 02, Jahab', 'Jl. Poros Rapak', 'Dusun Hulu,\r\nRT 01 ""x""', 'Jl. Entah'];
		for (const sliceBytes of [1, 2, 3, 7, 31, 64, 200, 1000, 1 << 20]) {
			const result = await ingestRegister(engine, [await src('dtsen-flat-quoted.csv')], TINY_REFERENCE, { sliceBytes });
			expect(result, `slice ${sliceBytes}`).toMatchObject({ households: 4, people: 10 });
			const alamat = await engine.query(`SELECT alamat FROM household ORDER BY source_row`);
			expect(
				rowsOf(alamat, { alamat: 'string' }).map((r) => r.alamat),
				`slice ${sliceBytes}`
			).toEqual(expected);
			expect(await villageCounts(engine)).toEqual(DTSEN_VILLAGES);
		}
	});

	it('reads Parquet (PAR1) the same as CSV', async () => {
		await engine.registerFile('pq-source.csv', await fixtureBytes('dtsen-flat.csv'));
		const bytes = await engine.exportParquet(`SELECT * FROM read_csv('pq-source.csv', all_varchar = true)`);
		await engine.dropFile('pq-source.csv');
		const result = await ingestRegister(engine, [bytesByteSource('dtsen-flat.parquet', bytes)], TINY_REFERENCE);
		expect(result).toMatchObject({ source: 'dtsen', households: 4, people: 10 });
		expect(await villageCounts(engine)).toEqual(DTSEN_VILLAGES);
	});

	it('overview queries: every reference kecamatan and village, zeros included', async () => {
		await ingestRegister(engine, [await src('dtsen-flat.csv')], TINY_REFERENCE);
		expect(await overviewByKecamatan(engine)).toEqual([
			{ kecamatan_kode: '64.02.01', kecamatan_nama: 'Muara Muntai', villages: 1, households: 0, people: 0 },
			{ kecamatan_kode: '64.02.06', kecamatan_nama: 'Tenggarong', villages: 2, households: 2, people: 5 },
			{ kecamatan_kode: '64.02.12', kecamatan_nama: 'Tabang', villages: 1, households: 1, people: 4 }
		]);
		expect(await overviewByVillage(engine, '64.02.06')).toEqual([
			{
				kode: '64.02.06.1001',
				nama: 'Jahab',
				jenis: 'kelurahan',
				kecamatan_kode: '64.02.06',
				kecamatan_nama: 'Tenggarong',
				households: 1,
				people: 3
			},
			{
				kode: '64.02.06.2012',
				nama: 'Rapak Lambur',
				jenis: 'desa',
				kecamatan_kode: '64.02.06',
				kecamatan_nama: 'Tenggarong',
				households: 1,
				people: 2
			}
		]);
		expect((await overviewByVillage(engine)).map((v) => v.households)).toEqual([0, 1, 1, 1]);
	});

	it('overview queries run before any load (empty register)', async () => {
		expect((await overviewByKecamatan(engine)).map((k) => k.households)).toEqual([0, 0, 0]);
		expect(await registerTotals(engine)).toEqual({ households: 0, people: 0, villages_with_data: 0, unmatched_households: 0 });
	});

	it('a family file repeating a family loads and replaces the register (no refusal; ingest-duplicates.test.ts has the rules)', async () => {
		await ingestRegister(engine, [await src('bdt-flat-semicolon.csv')], TINY_REFERENCE);
		const result = await ingestRegister(engine, [await src('dtsen-keluarga-dup.csv'), await src('dtsen-anggota.csv')], TINY_REFERENCE);
		expect(result).toMatchObject({ source: 'dtsen', rowsRead: 15, households: 4, people: 10, rowsRejected: 1 });
		expect(await villageCounts(engine)).toEqual(DTSEN_VILLAGES);
		expect(await leftovers(engine)).toEqual([]);
	});

	describe('a failed load keeps the previous register', () => {
		const cases: [string, string[], RegExp][] = [
			['garbage', ['garbage.csv'], /Berkas 'garbage.csv' bukan berkas CSV atau Parquet/],
			[
				'unknown schema',
				['unknown-schema.csv'],
				/Berkas 'unknown-schema.csv' tidak dikenali sebagai ekspor DTSEN, DTKS atau P3KE: kolom nomor_kartu_keluarga, IDBDT atau ID Keluarga P3KE tidak ada\./
			],
			['header only', ['header-only.csv'], /Berkas 'header-only.csv' tidak berisi baris data/],
			[
				'family file alone',
				['dtsen-keluarga.csv'],
				/tanpa anggota keluarga; pilih juga berkas anggota keluarga \(kolom nomor_induk_kependudukan\)/
			],
			['mixed sources', ['dtsen-keluarga.csv', 'bdt-flat-semicolon.csv'], /berasal dari sumber berbeda/]
		];
		for (const [label, files, message] of cases) {
			it(label, async () => {
				await ingestRegister(engine, [await src('dtsen-flat.csv')], TINY_REFERENCE);
				const before = await villageCounts(engine);
				const error = await ingestRegister(engine, await Promise.all(files.map(src)), TINY_REFERENCE).catch(inIndonesianError);
				expect(error).toBeInstanceOf(IngestError);
				expect((error as IngestError).message).toMatch(message);
				expect(await villageCounts(engine)).toEqual(before);
				expect(await registerTotals(engine)).toMatchObject({ households: 4, people: 10 });
				expect(await leftovers(engine)).toEqual([]);
			});
		}

		it('missing required column names the column', async () => {
			const text = new TextDecoder().decode(await fixtureBytes('dtsen-flat.csv')).replace('kode_kelurahan_desa', 'kode_x');
			const error = await ingestRegister(engine, [bytesByteSource('no-village.csv', new TextEncoder().encode(text))], TINY_REFERENCE).catch(
				inIndonesianError
			);
			expect(error).toBeInstanceOf(IngestError);
			expect(error).toMatchObject({ file: 'no-village.csv', column: 'kode_kelurahan_desa' });
			expect((error as Error).message).toBe(
				"Berkas 'no-village.csv' (DTSEN, berkas gabungan) tidak punya kolom wajib kode_kelurahan_desa."
			);
		});

		it('a corrupt row names the file and row', async () => {
			await ingestRegister(engine, [await src('dtsen-flat.csv')], TINY_REFERENCE);
			const text = new TextDecoder().decode(await fixtureBytes('dtsen-flat.csv')).replace('Dewi Lestari', 'Dewi Lestari,extra,columns');
			const error = await ingestRegister(engine, [bytesByteSource('extra.csv', new TextEncoder().encode(text))], TINY_REFERENCE, {
				sliceBytes: 300
			}).catch(inIndonesianError);
			// The row is rejected (its values are shifted) and, being one of ten, stops the load (ingest/losses.ts).
			expect(error).toBeInstanceOf(IngestError);
			expect((error as IngestError).said).toMatchObject({
				code: 'ingest.too_many_rejected',
				params: {
					rejected: 1,
					rows: 10,
					first: { code: 'finding.csv', params: { issue: 'too_many_fields', place: { file: 'extra.csv', row: 5 } } }
				}
			});
			expect(await registerTotals(engine)).toMatchObject({ households: 4, people: 10 });
		});

		it('a cancelled load throws IngestCancelled and keeps the previous tables', async () => {
			await ingestRegister(engine, [await src('dtsen-flat.csv')], TINY_REFERENCE);
			const controller = new AbortController();
			const error = await ingestRegister(engine, [await src('bdt-flat-semicolon.csv')], TINY_REFERENCE, {
				sliceBytes: 100,
				signal: controller.signal,
				onProgress: (p) => {
					if (p.rowsRead > 0) controller.abort();
				}
			}).catch(inIndonesianError);
			expect(error).toBeInstanceOf(IngestCancelled);
			expect(error).toBeInstanceOf(IngestError);
			expect((error as Error).message).toBe("Pemuatan berkas 'bdt-flat-semicolon.csv' dibatalkan; data sebelumnya tetap dipakai.");
			expect(await villageCounts(engine)).toEqual(DTSEN_VILLAGES);
			expect(await leftovers(engine)).toEqual([]);
		});
	});
});
