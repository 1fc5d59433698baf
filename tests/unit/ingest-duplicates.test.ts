/**
 * Duplicates, row by row (issue 11 point 4, src/lib/ingest/duplicates.ts): a KK or household id used
 * by two families, the same family twice, a person twice. Every load succeeds, each case is one
 * finding naming the rows, and the household/person tables hold what the rules say. Expected values
 * are worked out by hand from the fixtures (tests/fixtures/ingest/*dup*, *kk-dua*).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { rowsOf } from '../../src/lib/core/rows';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { loadReport, type ReportRow } from '../../src/lib/ingest/report';
import { loadReportRows } from './report-rows';
import { TINY_REFERENCE, fixture } from '../fixtures/ingest';
import { KK, NIK, tuple, type Tuple } from '../fixtures/report/expected';
import { runCli } from './cli-run';

const src = (name: string) => fileByteSource(fixture(name));

const HOUSEHOLD_SPEC = {
	household_id: 'string',
	kk: 'string?',
	village_kode: 'string?',
	head_name: 'string?',
	members: 'number',
	members_declared: 'number?',
	source_row: 'number'
} as const;

async function households(engine: NodeEngine) {
	const table = await engine.query(
		`SELECT household_id, kk, village_kode, head_name, members, members_declared, source_row FROM household ORDER BY source_row`
	);
	return rowsOf(table, HOUSEHOLD_SPEC);
}

/** `person_id → household_id` of every loaded person, in file order. */
async function people(engine: NodeEngine): Promise<string[]> {
	const table = await engine.query(`SELECT person_id, household_id FROM person ORDER BY source_row`);
	return rowsOf(table, { person_id: 'string', household_id: 'string' }).map((p) => `${p.person_id} → ${p.household_id}`);
}

const DUPLICATE_CODES = new Set([
	'duplicate_family',
	'family_key_shared',
	'duplicate_person',
	'person_in_two_families',
	'duplicate_nik',
	'nik_in_two_families'
]);
const duplicateFindings = (rows: ReportRow[]) => rows.filter((r) => DUPLICATE_CODES.has(r.code));

/** Findings of dtsen-anggota.csv with a DTSEN family file (`file`) holding the four clean families. */
const cleanPairFindings = (file: string): Tuple[] => [
	['warning', 'nik_sex_mismatch', 'dtsen-anggota.csv', 4, NIK, '6402061206750004', 1],
	['warning', 'nik_sex_mismatch', 'dtsen-anggota.csv', 5, NIK, '6402062507100005', 1],
	['warning', 'nik_sex_mismatch', 'dtsen-anggota.csv', 10, NIK, '6402062010900010', 1],
	['warning', 'unknown_code', file, 3, 'jenis_atap_terluas', '99', 1],
	['warning', 'village_not_in_reference', file, 4, 'kode_kelurahan_desa', '64.02.06.9999', 1]
];

/** The four families of dtsen-keluarga.csv with dtsen-anggota.csv, as loaded. */
const CLEAN_PAIR_HOUSEHOLDS = [
	{
		household_id: '6402060101150001',
		kk: '6402060101150001',
		village_kode: '64.02.06.1001',
		head_name: 'Ahmad Fauzi',
		members: 3,
		members_declared: 3,
		source_row: 1
	},
	{
		household_id: '6402061203180002',
		kk: '6402061203180002',
		village_kode: '64.02.06.2012',
		head_name: 'Siti Rahmah',
		members: 2,
		members_declared: 2,
		source_row: 2
	},
	{
		household_id: '6402121507120003',
		kk: '6402121507120003',
		village_kode: '64.02.12.2001',
		head_name: 'Bujang Lawing',
		members: 4,
		members_declared: 4,
		source_row: 3
	},
	{
		household_id: '6402062010090004',
		kk: '6402062010090004',
		village_kode: '64.02.06.9999',
		head_name: 'Rina Wati',
		members: 1,
		members_declared: 1,
		source_row: 4
	}
];

const CLEAN_PAIR_PEOPLE = [
	'6402060101800001 → 6402060101150001',
	'6402064502850002 → 6402060101150001',
	'6402061003120003 → 6402060101150001',
	'6402061206750004 → 6402061203180002',
	'6402062507100005 → 6402061203180002',
	'6402120101700006 → 6402121507120003',
	'6402124101720007 → 6402121507120003',
	'6402120505080008 → 6402121507120003',
	'6402124707110009 → 6402121507120003',
	'6402062010900010 → 6402062010090004'
];

describe('duplicates, row by row', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
	});
	afterAll(async () => {
		await engine.close();
	});
	beforeEach(async () => {
		for (const t of ['household', 'person', 'village', 'kecamatan', 'ingest_unknown_code', 'ingest_report', 'ingest_file']) {
			await engine.exec(`DROP TABLE IF EXISTS ${t}`);
		}
		await loadReference(engine, TINY_REFERENCE);
	});

	describe('DTSEN flat file: KK 6402060101150001 used by two families, family 6402061203180002 repeated', () => {
		// Rows 1, 2, 4: Ahmad Fauzi's family (row 4 writes the address and head in other case and
		// punctuation: the same family). Rows 3, 7: Budi Santoso's family, another village, address and
		// head under the same KK. Rows 5, 6: Siti Rahmah's family; rows 8, 9 repeat rows 5, 6 exactly.
		const FILE = 'dtsen-flat-dup.csv';

		it('loads with one finding per case and two families kept apart', async () => {
			const result = await ingestRegister(engine, [await src(FILE)], TINY_REFERENCE);
			expect(result).toMatchObject({ rowsRead: 9, households: 3, people: 7, rowsRejected: 2 });
			const rows = await loadReportRows(engine);
			expect(rows.map(tuple)).toEqual([
				['rejected', 'duplicate_person', FILE, 8, NIK, '6402065206750004', 1],
				['rejected', 'duplicate_person', FILE, 9, NIK, '6402066507100005', 1],
				['error', 'family_key_shared', FILE, 3, KK, '6402060101150001', 2]
			] satisfies Tuple[]);
			expect(rows.map((r) => [r.household_id, r.person_id])).toEqual([
				['6402061203180002', null],
				['6402061203180002', null],
				['6402060101150001~2', null]
			]);
			expect(rows[2]?.message).toBe(
				"Berkas 'dtsen-flat-dup.csv', baris data 3, kolom nomor_kartu_keluarga: '6402060101150001' juga dipakai keluarga lain " +
					"(baris data 1, nama_kepala_keluarga 'Ahmad Fauzi'); keluarga ini (baris data 3, 7, nama_kepala_keluarga 'Budi Santoso') " +
					'berbeda pada kode_kelurahan_desa, nama_kelurahan_desa, alamat, nama_kepala_keluarga, jadi dimuat terpisah dengan id ' +
					"'6402060101150001~2'. Dua keluarga tidak digabung; periksa nomor kedua keluarga."
			);
			expect(rows[0]?.message).toBe(
				"Berkas 'dtsen-flat-dup.csv', baris data 8, kolom nomor_induk_kependudukan: NIK '6402065206750004' dan nama 'Siti Rahmah' " +
					'sama dengan baris data 5 dalam keluarga yang sama; baris ganda ini tidak dimuat.'
			);
		});

		it('the first family keeps the KK, the second gets <KK>~2 with its own members; the repeated family is one household', async () => {
			await ingestRegister(engine, [await src(FILE)], TINY_REFERENCE);
			expect(await households(engine)).toEqual([
				{
					household_id: '6402060101150001',
					kk: '6402060101150001',
					village_kode: '64.02.06.1001',
					head_name: 'Ahmad Fauzi',
					members: 3,
					members_declared: 3,
					source_row: 1
				},
				{
					household_id: '6402060101150001~2',
					kk: '6402060101150001',
					village_kode: '64.02.06.2012',
					head_name: 'Budi Santoso',
					members: 2,
					members_declared: 2,
					source_row: 3
				},
				{
					household_id: '6402061203180002',
					kk: '6402061203180002',
					village_kode: '64.02.06.2012',
					head_name: 'Siti Rahmah',
					members: 2,
					members_declared: 2,
					source_row: 5
				}
			]);
			expect(await people(engine)).toEqual([
				'6402060101800001 → 6402060101150001',
				'6402064502850002 → 6402060101150001',
				'6402061508820011 → 6402060101150001~2',
				'6402061003120003 → 6402060101150001',
				'6402065206750004 → 6402061203180002',
				'6402066507100005 → 6402061203180002',
				'6402065003150012 → 6402060101150001~2'
			]);
			// Every person keeps the KK as written, whichever household it went to.
			const kks = await engine.query(`SELECT DISTINCT kk FROM person WHERE household_id LIKE '6402060101150001%'`);
			expect(rowsOf(kks, { kk: 'string' })).toEqual([{ kk: '6402060101150001' }]);
		});

		it('the summary counts each case', async () => {
			await ingestRegister(engine, [await src(FILE)], TINY_REFERENCE);
			expect(await loadReport(engine)).toMatchObject({
				rowsRead: 9,
				households: 3,
				people: 7,
				rowsRejected: 2,
				rejected: [{ code: 'duplicate_person', rows: 2 }],
				duplicates: { familyRows: 0, sharedKeyFamilies: 1, personRows: 2, personInTwoFamiliesRows: 0 },
				duplicateNik: { niks: 0, rows: 0 },
				nikInTwoFamilies: { niks: 0, rows: 0 },
				findings: { rejected: 2, error: 1, warning: 0, info: 0 }
			});
		});

		it('tepat report prints the figures and the findings', async () => {
			const { code, stdout } = await runCli(['report', fixture(FILE)]);
			expect(code).toBe(0);
			expect(stdout).toContain(
				'Diterima: 3 keluarga, 7 jiwa\nDitolak: 2 baris (kunci keluarga kosong 0, anggota tanpa keluarga 0, baris kosong 0, baris ganda 2)\n'
			);
			expect(stdout).toContain('Keluarga dengan nomor yang sudah dipakai keluarga lain, dimuat dengan id turunan: 1\n');
			expect(stdout).toContain('Orang ganda dalam satu keluarga, tidak dimuat (baris): 2\n');
			expect(stdout).toContain(
				"  [galat] Berkas 'dtsen-flat-dup.csv', baris data 3, kolom nomor_kartu_keluarga: '6402060101150001' juga dipakai keluarga lain"
			);
			expect(stdout).toContain(
				"  [ditolak] Berkas 'dtsen-flat-dup.csv', baris data 9, kolom nomor_induk_kependudukan: NIK '6402066507100005'"
			);
		});
	});

	describe('DTSEN family + member files', () => {
		it('the same family twice in the family file: the repeat is not loaded, one finding', async () => {
			// dtsen-keluarga-dup.csv = dtsen-keluarga.csv with row 2 repeated as row 5.
			const FILE = 'dtsen-keluarga-dup.csv';
			for (const order of [
				[FILE, 'dtsen-anggota.csv'],
				['dtsen-anggota.csv', FILE]
			]) {
				const result = await ingestRegister(engine, await Promise.all(order.map(src)), TINY_REFERENCE);
				expect(result).toMatchObject({ rowsRead: 15, households: 4, people: 10, rowsRejected: 1 });
				const rows = await loadReportRows(engine);
				expect(duplicateFindings(rows).map(tuple)).toEqual([
					['rejected', 'duplicate_family', FILE, 5, KK, '6402061203180002', 1]
				] satisfies Tuple[]);
				expect(rows.filter((r) => !DUPLICATE_CODES.has(r.code)).map(tuple)).toEqual(cleanPairFindings(FILE));
				expect(duplicateFindings(rows)[0]).toMatchObject({
					household_id: '6402061203180002',
					person_id: null,
					message:
						"Berkas 'dtsen-keluarga-dup.csv', baris data 5, kolom nomor_kartu_keluarga: keluarga '6402061203180002' sama dengan baris data 2 " +
						'(kode_provinsi, kode_kabupaten_kota, kode_kecamatan, kode_kelurahan_desa, nama_kelurahan_desa, alamat dan nama_kepala_keluarga sama); ' +
						'baris ganda ini tidak dimuat.'
				});
				expect(await households(engine)).toEqual(CLEAN_PAIR_HOUSEHOLDS);
				expect(await people(engine)).toEqual(CLEAN_PAIR_PEOPLE);
				expect(await loadReport(engine)).toMatchObject({
					rejected: [{ code: 'duplicate_family', rows: 1 }],
					duplicates: { familyRows: 1, sharedKeyFamilies: 0, personRows: 0, personInTwoFamiliesRows: 0 }
				});
			}
		});

		it('a KK used by two families: the second is kept as <KK>~2 without members, one finding', async () => {
			// dtsen-keluarga-kk-dua.csv = dtsen-keluarga.csv plus row 5: KK 6402061203180002 (Siti Rahmah's,
			// row 2) for Joko Susilo's family of 4 in Jahab.
			const FILE = 'dtsen-keluarga-kk-dua.csv';
			const result = await ingestRegister(engine, [await src(FILE), await src('dtsen-anggota.csv')], TINY_REFERENCE);
			expect(result).toMatchObject({ rowsRead: 15, households: 5, people: 10, rowsRejected: 0 });
			const rows = await loadReportRows(engine);
			expect(duplicateFindings(rows).map(tuple)).toEqual([
				['error', 'family_key_shared', FILE, 5, KK, '6402061203180002', 1]
			] satisfies Tuple[]);
			// No "household without members" for the second family: its finding already says why.
			expect(rows.filter((r) => !DUPLICATE_CODES.has(r.code)).map(tuple)).toEqual(cleanPairFindings(FILE));
			expect(duplicateFindings(rows)[0]).toMatchObject({
				household_id: '6402061203180002~2',
				message:
					"Berkas 'dtsen-keluarga-kk-dua.csv', baris data 5, kolom nomor_kartu_keluarga: '6402061203180002' juga dipakai keluarga lain " +
					"(baris data 2, nama_kepala_keluarga 'Siti Rahmah'); keluarga ini (baris data 5, nama_kepala_keluarga 'Joko Susilo') " +
					'berbeda pada kode_kelurahan_desa, nama_kelurahan_desa, alamat, nama_kepala_keluarga, jadi dimuat terpisah dengan id ' +
					"'6402061203180002~2', tanpa anggota: anggota dengan nomor ini di berkas 'dtsen-anggota.csv' tetap pada keluarga pertama, " +
					'jumlah anggota tercatatnya tetap dipakai. Dua keluarga tidak digabung; periksa nomor kedua keluarga.'
			});
			expect(await households(engine)).toEqual([
				...CLEAN_PAIR_HOUSEHOLDS,
				{
					household_id: '6402061203180002~2',
					kk: '6402061203180002',
					village_kode: '64.02.06.1001',
					head_name: 'Joko Susilo',
					members: 0,
					members_declared: 4,
					source_row: 5
				}
			]);
			expect(await people(engine)).toEqual(CLEAN_PAIR_PEOPLE);
			expect(await loadReport(engine)).toMatchObject({
				rowsRejected: 0,
				householdsWithoutMembers: 0,
				duplicates: { familyRows: 0, sharedKeyFamilies: 1, personRows: 0, personInTwoFamiliesRows: 0 },
				findings: { rejected: 0, error: 1, warning: 5, info: 0 }
			});
		});
	});

	it('BDT household + member files: an IDBDT used by two households, one finding', async () => {
		// bdt-krt-dup.csv: BDT001 Samsul (Jahab), BDT002 Yanto, then BDT001 again for Lahang in Tabang.
		const result = await ingestRegister(engine, [await src('bdt-krt-dup.csv'), await src('bdt-art.csv')], TINY_REFERENCE);
		expect(result).toMatchObject({ source: 'bdt', rowsRead: 7, households: 3, people: 4, rowsRejected: 0 });
		expect((await loadReportRows(engine)).map(tuple)).toEqual([
			['error', 'family_key_shared', 'bdt-krt-dup.csv', 3, 'IDBDT', 'BDT001', 1]
		] satisfies Tuple[]);
		expect(await households(engine)).toEqual([
			{
				household_id: 'BDT001',
				kk: '6402060101100011',
				village_kode: '64.02.06.1001',
				head_name: 'Samsul',
				members: 2,
				members_declared: 2,
				source_row: 1
			},
			{
				household_id: 'BDT002',
				kk: '6402060101100022',
				village_kode: '64.02.06.2012',
				head_name: 'Yanto',
				members: 2,
				members_declared: 2,
				source_row: 2
			},
			{
				household_id: 'BDT001~2',
				kk: null,
				village_kode: '64.02.12.2001',
				head_name: 'Lahang',
				members: 0,
				members_declared: 3,
				source_row: 3
			}
		]);
		expect(await people(engine)).toEqual(['BDT001-1 → BDT001', 'BDT001-2 → BDT001', 'BDT002-1 → BDT002', 'BDT002-2 → BDT002']);
	});
});
