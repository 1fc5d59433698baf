import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../../src/lib/engine/types';
import { NodeEngine } from '../../src/lib/engine/node';
import { rowsOf } from '../../src/lib/core/rows';
import { IngestError, bytesByteSource, ingestRegister, loadReference, type IngestProgress, type IngestResult } from '../../src/lib/ingest';
import { SliceDecoder, isValidUtf8, looksBinary } from '../../src/lib/ingest/encoding';
import { cellText, findHeaderRow, xlsxLoadError } from '../../src/lib/ingest/xlsx';
import { knownHeaderNames } from '../../src/lib/ingest/sources';
import { lookupRows, P3KE_CODES, DTSEN_CODES, BDT2015_CODES, codeKey, codeKeySql } from '../../src/lib/core/codes';
import { sqlString } from '../../src/lib/core/sql';
import { TINY_REFERENCE } from '../fixtures/ingest';
import { WasmTestEngine } from './wasm-engine';
import { inIndonesianError, indonesian } from './in-indonesian';

/** The load's counts; the column mapping it used is tested in mapping.test.ts. */
/**
 * The counts of a result (the mapping, and the regency and reference it was read against, are tested
 * apart; how the bytes reached DuckDB, readBy, differs between a path and slices by design).
 */
const withoutMapping = ({ mapping: _mapping, regency: _regency, reference: _reference, readBy: _readBy, ...counts }: IngestResult) =>
	counts;

const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const bytesOf = async (name: string) => new Uint8Array(await readFile(`${FORMATS}${name}`));
const source = async (name: string, sheet?: string) => {
	const s = bytesByteSource(name, await bytesOf(name));
	return sheet ? { ...s, sheet } : s;
};

const HOUSEHOLD = {
	household_id: 'string',
	kk: 'string?',
	village_kode: 'string?',
	alamat: 'string?',
	head_name: 'string?',
	desil: 'number?',
	floor: 'string?',
	wall: 'string?',
	roof: 'string?',
	water: 'string?',
	lighting: 'string?',
	fuel: 'string?',
	toilet: 'string?',
	floor_area: 'number?',
	members: 'number',
	verval_status: 'string?',
	source_row: 'number'
} as const;
const PERSON = {
	person_id: 'string',
	household_id: 'string',
	nik: 'string?',
	kk: 'string?',
	name: 'string?',
	sex: 'string?',
	birth_date: 'date?',
	age: 'number?',
	relation: 'string?',
	school_participation: 'string?',
	certificate: 'string?',
	source_row: 'number'
} as const;
const UNKNOWN = {
	table_name: 'string',
	field: 'string',
	source_column: 'string',
	raw_value: 'string',
	rows: 'number',
	first_row: 'number'
} as const;

describe('ingest formats: encodings, delimiters, XLSX, P3KE', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
	});
	afterAll(async () => {
		await engine.close();
	});
	beforeEach(async () => {
		for (const t of ['household', 'person', 'village', 'kecamatan', 'ingest_unknown_code']) await engine.exec(`DROP TABLE IF EXISTS ${t}`);
		await loadReference(engine, TINY_REFERENCE);
	});

	const households = async () =>
		rowsOf(await engine.query(`SELECT ${Object.keys(HOUSEHOLD).join(', ')} FROM household ORDER BY source_row`), HOUSEHOLD);
	const people = async () => rowsOf(await engine.query(`SELECT ${Object.keys(PERSON).join(', ')} FROM person ORDER BY source_row`), PERSON);
	const villageNames = async () =>
		rowsOf(await engine.query(`SELECT * FROM ingest_village_name ORDER BY first_row`), {
			source_file: 'string',
			kecamatan: 'string?',
			village_name: 'string',
			reason: 'string',
			candidates: 'string?',
			households: 'number',
			first_row: 'number'
		});
	const unknown = async () =>
		rowsOf(await engine.query(`SELECT ${Object.keys(UNKNOWN).join(', ')} FROM ingest_unknown_code ORDER BY table_name, field`), UNKNOWN);

	it('semicolon + Windows-1252 BDT CSV: accents survive, labels in any case map, unknowns counted', async () => {
		const bytes = await bytesOf('bdt-1252-semicolon.csv');
		expect(isValidUtf8(bytes)).toBe(false);
		for (const sliceBytes of [1, 50, 1 << 20]) {
			const result = await ingestRegister(engine, [bytesByteSource('bdt-1252-semicolon.csv', bytes)], TINY_REFERENCE, {
				sliceBytes,
				asOf: '2025-07-01'
			});
			expect(withoutMapping(result), `slice ${sliceBytes}`).toEqual({
				source: 'bdt',
				files: ['bdt-1252-semicolon.csv'],
				rowsRead: 5,
				households: 3,
				people: 5,
				rowsRejected: 0,
				unmatchedHouseholds: 0,
				unknownValues: 2
			});
		}
		const hh = await households();
		expect(
			hh.map((h) => [h.household_id, h.village_kode, h.alamat, h.head_name, h.floor, h.wall, h.roof, h.water, h.verval_status])
		).toEqual([
			['BDT101', '64.02.06.1001', 'Jl. Désa Indah', 'Siti Rahmah', 'earth', 'masonry', 'zinc', 'protected_well', null], // empty status: the plan's rule decides
			['BDT102', '64.02.06.2012', 'Gg. Café; RT 5', 'José Núñez', 'ceramic', 'wood', 'metal_tile', 'surface', 'found'],
			['BDT103', '64.02.12.2001', 'Dusun Hulu', 'Bujang', 'unknown', 'masonry', 'zinc', 'unprotected_well', 'deceased']
		]);
		expect(hh[0]?.kk).toBe('6402060101100011');
		const pp = await people();
		expect(pp.map((p) => [p.person_id, p.name, p.sex, p.birth_date, p.relation, p.school_participation])).toEqual([
			['BDT101-01', 'Siti Rahmah', 'F', '1975-06-12', 'head', 'no_longer'],
			['BDT101-02', 'Andi Désa', 'M', '2011-04-03', 'child', 'in_school'],
			['BDT102-01', 'José Núñez', 'M', '1985-01-20', 'head', 'never'],
			['BDT102-02', 'Ani Françoise', 'F', '1990-05-05', 'unknown', 'no_longer'],
			['BDT103-01', 'Bujang', 'M', '1960-07-15', 'head', 'never']
		]);
		expect(await unknown()).toEqual([
			{ table_name: 'household', field: 'floor', source_column: 'Lantai', raw_value: '11', rows: 1, first_row: 5 },
			{ table_name: 'person', field: 'relation', source_column: 'Hub_KRT', raw_value: 'Sepupu', rows: 1, first_row: 4 }
		]);
	});

	it('tab-delimited DTSEN: dotted and undotted village codes, village by name within a kecamatan, labels in any case', async () => {
		const result = await ingestRegister(engine, [await source('dtsen-tab.tsv')], TINY_REFERENCE, { asOf: '2025-07-01' });
		expect(result).toMatchObject({
			source: 'dtsen',
			rowsRead: 6,
			households: 5,
			people: 6,
			rowsRejected: 0,
			unknownValues: 1,
			unmatchedHouseholds: 1
		});
		const hh = await households();
		expect(hh.map((h) => [h.village_kode, h.floor, h.wall, h.roof, h.water])).toEqual([
			['64.02.06.1001', 'ceramic', 'masonry', 'tile', 'tap'], // '64.02.06.1001' dotted
			['64.02.06.2012', 'earth', 'bamboo', 'thatch', 'unknown'], // '6402062012' undotted
			['64.02.12.2001', 'earth', 'bamboo', 'thatch', 'surface'], // kecamatan 640212 + 'Desa Contoh Tabang'
			['64.02.06.1001', 'cement_brick', 'masonry', 'tile', 'refill'], // kecamatan 'TENGGARONG' + 'Kel. Jahab'
			[null, 'cement_brick', 'masonry', 'tile', 'refill'] // 'Antah Berantah': not in Tenggarong
		]);
		expect((await people()).map((p) => [p.name, p.sex, p.relation, p.school_participation])).toEqual([
			['Ahmad Fauzi', 'M', 'head', 'no_longer'],
			['Désa Putri', 'F', 'spouse', 'no_longer'],
			['Siti Rahmah', 'F', 'head', 'in_school'],
			['Bujang Lawing', 'M', 'head', 'never'],
			['Rina Wati', 'F', 'head', 'no_longer'],
			['Rudi', 'M', 'head', 'no_longer']
		]);
		expect(await unknown()).toEqual([
			{
				table_name: 'household',
				field: 'water',
				source_column: 'sumber_air_minum_utama',
				raw_value: 'Sumur Tetangga',
				rows: 1,
				first_row: 3
			}
		]);
		expect(await villageNames()).toEqual([
			{
				source_file: 'dtsen-tab.tsv',
				kecamatan: 'Tenggarong',
				village_name: 'Antah Berantah',
				reason: 'not_found',
				candidates: null,
				households: 1,
				first_row: 6
			}
		]);
	});

	it('village by name: a name two reference villages share is reported as ambiguous, not guessed', async () => {
		const reference = {
			...TINY_REFERENCE,
			villages: [
				...TINY_REFERENCE.villages,
				{
					kode: '64.02.06.1099',
					nama: 'JAHAB',
					jenis: 'kelurahan' as const,
					kecamatan_kode: '64.02.06',
					kecamatan_nama: 'Tenggarong',
					zona: 'tengah' as const
				}
			]
		};
		const result = await ingestRegister(engine, [await source('dtsen-tab.tsv')], reference);
		expect(result).toMatchObject({ households: 5, unmatchedHouseholds: 2 });
		expect((await households()).map((h) => h.village_kode)).toEqual(['64.02.06.1001', '64.02.06.2012', '64.02.12.2001', null, null]);
		expect(await villageNames()).toEqual([
			{
				source_file: 'dtsen-tab.tsv',
				kecamatan: 'TENGGARONG',
				village_name: 'Kel. Jahab',
				reason: 'ambiguous',
				candidates: '64.02.06.1001, 64.02.06.1099',
				households: 1,
				first_row: 5
			},
			{
				source_file: 'dtsen-tab.tsv',
				kecamatan: 'Tenggarong',
				village_name: 'Antah Berantah',
				reason: 'not_found',
				candidates: null,
				households: 1,
				first_row: 6
			}
		]);
	});

	it('XLSX: header under two title rows, numbers as digits, dates, formula results, scientific-notation NIK kept as text', async () => {
		const progress: IngestProgress[] = [];
		const result = await ingestRegister(engine, [await source('bdt-title-rows.xlsx')], TINY_REFERENCE, {
			asOf: '2025-07-01',
			onProgress: (p) => progress.push(p)
		});
		// Sheet rows 4–8 are data rows 1–5; row 6 (data row 3) is empty and rejected.
		expect(withoutMapping(result)).toEqual({
			source: 'bdt',
			files: ['bdt-title-rows.xlsx'],
			rowsRead: 5,
			households: 2,
			people: 4,
			rowsRejected: 1,
			unmatchedHouseholds: 0,
			unknownValues: 0
		});
		expect(progress.filter((p) => p.phase === 'read').at(-1)?.rowsRead).toBe(5);
		expect(
			(await households()).map((h) => [
				h.household_id,
				h.village_kode,
				h.floor,
				h.wall,
				h.roof,
				h.water,
				h.floor_area,
				h.members,
				h.source_row
			])
		).toEqual([
			['BDT201', '64.02.06.1001', 'earth', 'woven_bamboo', 'zinc', 'unprotected_well', 20.5, 2, 1],
			['BDT202', '64.02.12.2001', 'ceramic', 'masonry', 'metal_tile', 'tap_metered', 36, 2, 4]
		]);
		expect((await people()).map((p) => [p.person_id, p.nik, p.kk, p.sex, p.birth_date, p.age, p.relation, p.source_row])).toEqual([
			['BDT201-01', '6402060404780001', '6402060101100011', 'M', '1978-04-04', 47, 'head', 1],
			['BDT201-02', '6.40206E+15', '6402060101100011', 'F', '1980-08-08', 44, 'spouse', 2],
			['BDT202-01', '6402120101650003', '6402120101100033', 'M', '1965-01-01', 60, 'head', 4],
			['BDT202-02', '6402124202680004', '6402120101100033', 'F', '1968-02-02', 57, 'spouse', 5]
		]);
	});

	it('XLSX: a chosen sheet (any case); a missing sheet names the sheets there are', async () => {
		const result = await ingestRegister(engine, [await source('bdt-title-rows.xlsx', 'rekap')], TINY_REFERENCE);
		expect(result).toMatchObject({ source: 'bdt', rowsRead: 2, households: 1, people: 2, rowsRejected: 0 });
		expect((await households()).map((h) => [h.household_id, h.village_kode, h.floor, h.wall, h.roof, h.water])).toEqual([
			['BDT301', '64.02.01.2001', 'earth', 'wood', 'thatch', 'surface']
		]);
		const error = await ingestRegister(engine, [await source('bdt-title-rows.xlsx', 'Data 2024')], TINY_REFERENCE).catch(inIndonesianError);
		expect(error).toBeInstanceOf(IngestError);
		expect((error as Error).message).toBe(
			"Berkas 'bdt-title-rows.xlsx' tidak punya lembar kerja 'Data 2024'; lembar yang ada: 'DTKS', 'Rekap'."
		);
		// The previous load stays.
		expect(await households()).toHaveLength(1);
	});

	it('P3KE flat CSV with text labels: canonical values, numbers and unknown labels counted as unknown', async () => {
		const result = await ingestRegister(engine, [await source('p3ke-labels.csv')], TINY_REFERENCE, { asOf: '2025-07-01' });
		expect(withoutMapping(result)).toEqual({
			source: 'p3ke',
			files: ['p3ke-labels.csv'],
			rowsRead: 6,
			households: 3,
			people: 6,
			rowsRejected: 0,
			unmatchedHouseholds: 0,
			unknownValues: 4
		});
		expect(
			(await households()).map((h) => [
				h.household_id,
				h.kk,
				h.village_kode,
				h.desil,
				h.head_name,
				h.floor,
				h.wall,
				h.roof,
				h.water,
				h.lighting,
				h.fuel,
				h.toilet,
				h.members
			])
		).toEqual([
			[
				'P3KE-001',
				'6402060101150001',
				'64.02.06.1001',
				1,
				'Ahmad',
				'earth',
				'wood',
				'zinc',
				'unprotected_well',
				'pln_metered',
				'firewood',
				'none',
				3
			],
			[
				'P3KE-002',
				'6402061203180002',
				'64.02.06.2012',
				3,
				'Siti',
				'ceramic',
				'masonry',
				'asbestos',
				'refill',
				'pln_unmetered',
				'lpg_3kg',
				'own',
				2
			],
			[
				'P3KE-003',
				'6402121507120003',
				'64.02.12.2001',
				2,
				'Bujang',
				'wood',
				'bamboo',
				'unknown',
				'surface',
				'unknown',
				'firewood',
				'none',
				1
			]
		]);
		expect((await people()).map((p) => [p.person_id, p.household_id, p.sex, p.age, p.relation, p.certificate])).toEqual([
			['6402060101800001', 'P3KE-001', 'M', 45, 'head', 'sd'],
			['6402064502850002', 'P3KE-001', 'F', 40, 'spouse', 'smp'],
			['6402061003140003', 'P3KE-001', 'M', 11, 'child', 'none'],
			['6402065206750004', 'P3KE-002', 'F', 50, 'head', 'd4_s1'],
			['6402060808050009', 'P3KE-002', 'M', 19, 'unknown', 'unknown'],
			['6402121507700005', 'P3KE-003', 'M', 54, 'head', 'none']
		]);
		expect(await unknown()).toEqual([
			{ table_name: 'household', field: 'lighting', source_column: 'sumber_penerangan', raw_value: '2', rows: 1, first_row: 6 },
			{ table_name: 'household', field: 'roof', source_column: 'jenis_atap', raw_value: 'Daun Nipah', rows: 1, first_row: 6 },
			{ table_name: 'person', field: 'certificate', source_column: 'pendidikan', raw_value: 'Pesantren', rows: 1, first_row: 5 },
			{ table_name: 'person', field: 'relation', source_column: 'hubungan_keluarga', raw_value: 'Keponakan', rows: 1, first_row: 5 }
		]);
	});

	it('an old .xls workbook is refused with a clear message', async () => {
		const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
		const error = await ingestRegister(engine, [bytesByteSource('lama.xls', xls)], TINY_REFERENCE).catch(inIndonesianError);
		expect(error).toBeInstanceOf(IngestError);
		expect((error as Error).message).toBe(
			"Berkas 'lama.xls' adalah buku kerja Excel lama (.xls); simpan ulang di Excel sebagai .xlsx atau CSV UTF-8."
		);
	});
});

describe('encoding and XLSX helpers', () => {
	it('decodes Windows-1252 slices to UTF-8 and keeps UTF-8 as is', () => {
		const utf8 = new TextEncoder().encode('Désa;Siti Rahmah\n');
		const cp1252 = new Uint8Array([0x44, 0xe9, 0x73, 0x61, 0x0a]);
		expect(isValidUtf8(utf8)).toBe(true);
		expect(isValidUtf8(cp1252)).toBe(false);
		const decoder = new SliceDecoder();
		expect(decoder.toUtf8(utf8)).toBe(utf8);
		expect(new TextDecoder().decode(decoder.toUtf8(cp1252))).toBe('Désa\n');
		expect(decoder.encoding).toBe('windows-1252');
		expect(new TextDecoder().decode(decoder.toUtf8(new Uint8Array([0x80, 0x0a])))).toBe('€\n');
		expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe(true);
		expect(looksBinary(cp1252)).toBe(false);
	});

	it('cell text: ids as digits, dates as YYYY-MM-DD, formulas by result, text untouched', () => {
		expect(cellText(6402061234560001)).toBe('6402061234560001');
		expect(cellText('6.40206E+15')).toBe('6.40206E+15');
		expect(cellText(0.1 + 0.2)).toBe('0.3');
		expect(cellText(new Date(Date.UTC(2011, 2, 10)))).toBe('2011-03-10');
		expect(cellText({ formula: 'A1', result: 36 })).toBe('36');
		expect(cellText({ richText: [{ text: 'Siti ' }, { text: 'Rahmah' }] })).toBe('Siti Rahmah');
		expect(cellText(null)).toBe('');
	});

	it('a workbook that cannot be loaded: out of memory says so, anything else names the reason', () => {
		expect(indonesian(xlsxLoadError('besar.xlsx', 52428800, new RangeError('Array buffer allocation failed')))).toBe(
			"Berkas 'besar.xlsx' (50.0 MB) terlalu besar untuk dibuka sebagai XLSX di sini; simpan sebagai CSV UTF-8 di Excel lalu muat berkas CSV-nya."
		);
		expect(indonesian(xlsxLoadError('rusak.xlsx', 10, new Error('End of data reached (data length = 10, asked index = 30)')))).toBe(
			"Berkas 'rusak.xlsx' tidak dapat dibaca sebagai buku kerja XLSX (End of data reached (data length = 10, asked index = 30))."
		);
	});

	it('a damaged XLSX (ZIP signature, no workbook) is refused with the file named', async () => {
		const engine = await NodeEngine.open();
		try {
			await loadReference(engine, TINY_REFERENCE);
			const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
			const error = await ingestRegister(engine, [bytesByteSource('rusak.xlsx', bytes)], TINY_REFERENCE).catch(inIndonesianError);
			expect(error).toBeInstanceOf(IngestError);
			expect((error as Error).message).toMatch(/^Berkas 'rusak.xlsx' tidak dapat dibaca sebagai buku kerja XLSX \(.+\)\.$/);
		} finally {
			await engine.close();
		}
	});

	it('header row: the first row naming at least three known columns', () => {
		const known = knownHeaderNames();
		expect(findHeaderRow([['DATA DTKS'], undefined, ['IDBDT', 'Nama', 'NIK'], ['x']], known)).toBe(3);
		expect(findHeaderRow([['Judul'], ['id', 'nama', 'alamat']], known)).toBe(2);
	});

	it('code tables: every DTSEN, BDT and P3KE label matches in any case', () => {
		for (const table of [DTSEN_CODES, BDT2015_CODES, P3KE_CODES]) {
			const keys = new Set(lookupRows(table).map((r) => `${r.field}:${r.key}`));
			for (const [field, rows] of Object.entries(table.fields)) {
				for (const [, , ...labels] of rows ?? []) {
					for (const label of labels)
						expect(keys.has(`${field}:${codeKey(label.toUpperCase())}`), `${table.id}.${field} ${label}`).toBe(true);
				}
			}
		}
		// P3KE has no code numbers: a number is unknown there.
		expect(lookupRows(P3KE_CODES).some((r) => /^[0-9]+$/.test(r.key))).toBe(false);
	});
});

describe('the same loads on duckdb-wasm give the same tables as on Node', () => {
	const TABLES = ['household', 'person', 'ingest_unknown_code', 'ingest_village_name'];
	const dump = async (engine: Engine) => {
		const out: Record<string, string> = {};
		for (const t of TABLES) {
			const table = await engine.query(
				`SELECT * EXCLUDE (${t === 'household' || t === 'person' ? 'source_row, ' : ''}source_file) FROM ${t} ORDER BY ALL`
			);
			out[t] = JSON.stringify(
				table.toArray().map((r: { toJSON(): object }) => r.toJSON()),
				(_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)
			);
		}
		return out;
	};
	let node: NodeEngine;
	let wasm: WasmTestEngine;
	beforeAll(async () => {
		node = await NodeEngine.open();
		wasm = await WasmTestEngine.open();
		await loadReference(node, TINY_REFERENCE);
		await loadReference(wasm, TINY_REFERENCE);
	});
	afterAll(async () => {
		await wasm.close();
		await node.close();
	});
	it('label keys: SQL and TypeScript agree (case, spaces, spaces around / , -), on both engines', async () => {
		const raw = [
			'Sumur Bor / Pompa',
			'SUMUR  BOR/POMPA',
			'Laki - Laki',
			'Ada , digunakan hanya anggota keluarga sendiri',
			'09',
			'9.0',
			'Kayu/Papan Kualitas Tinggi',
			'LPG 5,5 kg'
		];
		const expected = raw.map(codeKey);
		expect(expected.slice(0, 3)).toEqual(['sumur bor/pompa', 'sumur bor/pompa', 'laki-laki']);
		for (const engine of [node, wasm]) {
			const table = await engine.query(
				`SELECT ${codeKeySql('v')} AS k FROM (VALUES ${raw.map((r, i) => `(${i}, ${sqlString(r)})`).join(', ')}) t(i, v) ORDER BY i`
			);
			expect(
				rowsOf(table, { k: 'string' }).map((r) => r.k),
				engine.host
			).toEqual(expected);
		}
	});

	for (const name of ['bdt-1252-semicolon.csv', 'dtsen-tab.tsv', 'p3ke-labels.csv', 'bdt-title-rows.xlsx']) {
		it(name, async () => {
			const results = [];
			for (const engine of [node, wasm]) {
				results.push(await ingestRegister(engine, [await source(name)], TINY_REFERENCE, { asOf: '2025-07-01', sliceBytes: 200 }));
			}
			expect(results[1]).toEqual(results[0]);
			const [a, b] = [await dump(node), await dump(wasm)];
			expect(b).toEqual(a);
			expect(a.household?.length).toBeGreaterThan(100);
		});
	}
});
