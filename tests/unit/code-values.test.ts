/**
 * Codes mapped by a CASE over a field's known values (code-values.ts) or, for a field with more distinct
 * values than CASE_LIMIT, by the join onto the code table: both give each row its code, 'unknown' for a
 * value the code table does not know and NULL for an empty cell. Answers worked out by hand from the
 * DTSEN code list (core/codes/dtsen.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { rowsOf } from '../../src/lib/core/rows';
import { bytesByteSource, ingestRegister, loadReference } from '../../src/lib/ingest';
import { CASE_LIMIT, codeCaseSql, codeValuesStatements, readCodeValues, type CodeValuesSide } from '../../src/lib/ingest/code-values';
import { SOURCES } from '../../src/lib/ingest/sources';
import { TINY_REFERENCE } from '../fixtures/ingest';

const HEADER = [
	'nomor_kartu_keluarga',
	'kode_provinsi',
	'kode_kabupaten_kota',
	'kode_kecamatan',
	'kode_kelurahan_desa',
	'jenis_atap_terluas',
	'status_verval',
	'nomor_induk_kependudukan',
	'nama',
	'usia',
	'jenis_kelamin',
	'status_hubungan_keluarga'
];

/** The roofs of the first households as written, and the code each must get. */
const ROOFS: [written: string, code: string | null][] = [
	['2', 'tile'],
	['02', 'tile'],
	['Genteng', 'tile'],
	['KAYU / SIRAP', 'shingle'],
	["asbes'", 'unknown'],
	['', null],
	['1', 'concrete']
];
/** The sexes as written, by person, and their codes: five distinct values, so they are mapped by a CASE. */
const SEXES: [written: string, code: string | null][] = [
	['1', 'M'],
	['Perempuan', 'F'],
	['L', 'M'],
	["p'", 'unknown'],
	['', null]
];
const HOUSEHOLDS = CASE_LIMIT + 10;

const kk = (i: number) => `640206010115${String(i).padStart(4, '0')}`;
const cell = (value: string) => (/[",']/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** One person per household; households past ROOFS have a roof of their own, one distinct value each. */
function register(): Uint8Array {
	const lines = [HEADER.join(',')];
	for (let i = 0; i < HOUSEHOLDS; i++) {
		const roof = ROOFS[i]?.[0] ?? `atap lain ${i}`;
		const sex = SEXES[i % SEXES.length]?.[0] ?? '';
		const row = [
			kk(i),
			'64',
			'02',
			'06',
			'6402061001',
			roof,
			'Ditemukan',
			`64020601018${String(i).padStart(5, '0')}`,
			`Warga ${i}`,
			'40',
			sex,
			'1'
		];
		lines.push(row.map(cell).join(','));
	}
	return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

describe('codes mapped by CASE or by join', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		await loadReference(engine, TINY_REFERENCE);
		await ingestRegister(engine, [bytesByteSource('kode.csv', register())], TINY_REFERENCE, { acceptRejected: true });
	});
	afterAll(async () => {
		await engine.close();
	});

	it('gives every household its roof, the field over the limit mapped by its join', async () => {
		const roofs = rowsOf(await engine.query('SELECT roof FROM household ORDER BY source_row'), { roof: 'string?' }).map((r) => r.roof);
		expect(roofs).toHaveLength(HOUSEHOLDS);
		expect(roofs.slice(0, ROOFS.length)).toEqual(ROOFS.map(([, code]) => code));
		expect(new Set(roofs.slice(ROOFS.length))).toEqual(new Set(['unknown']));
	});

	it('gives every person their sex, the field under the limit mapped by a CASE', async () => {
		const sexes = rowsOf(await engine.query('SELECT sex FROM person ORDER BY source_row'), { sex: 'string?' }).map((r) => r.sex);
		expect(sexes).toEqual(Array.from({ length: HOUSEHOLDS }, (_, i) => SEXES[i % SEXES.length]?.[1] ?? null));
	});

	it('reports the unknown values of both kinds of field with their first row', async () => {
		const unknown = rowsOf(
			await engine.query(
				`SELECT field, raw_value, rows, first_row FROM ingest_unknown_code WHERE raw_value IN ('asbes''', 'p''') ORDER BY field`
			),
			{ field: 'string', raw_value: 'string', rows: 'number', first_row: 'number' }
		);
		const pRows = Array.from({ length: HOUSEHOLDS }, (_, i) => i).filter((i) => i % SEXES.length === 3);
		expect(unknown).toEqual([
			{ field: 'roof', raw_value: "asbes'", rows: 1, first_row: 5 },
			{ field: 'sex', raw_value: "p'", rows: pRows.length, first_row: (pRows[0] ?? 0) + 1 }
		]);
	});

	it('counts each value with its first row and code, and reads the known ones of the fields under the limit, most frequent first', async () => {
		const table = 'values_test';
		const target = 'tepat_code_values_test';
		await engine.exec(
			`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM (VALUES ('x', '2'), (NULL, 'zz'), ('x', '2'), ('x', 'Genteng'), ('x', 'zz'), ('x', NULL)) t(k, c5)`
		);
		await engine.exec(`CREATE OR REPLACE TABLE tepat_codes_test (field VARCHAR, key VARCHAR, value VARCHAR)`);
		await engine.exec(`INSERT INTO tepat_codes_test VALUES ('roof', '2', 'tile'), ('roof', 'genteng', 'tile')`);
		const roof = SOURCES.dtsen.household.find((s) => s.field === 'roof');
		expect(roof).toBeDefined();
		const side: CodeValuesSide = {
			side: 'household',
			fields: roof ? [roof] : [],
			stage: { file: 'x.csv', table, mapping: { roof: { column: 'c5', header: 'jenis_atap_terluas' } } },
			values: { table, fieldColumns: false },
			row: 'rowid + 1',
			where: 'k IS NOT NULL'
		};
		const count = async () => {
			await engine.exec(`DROP TABLE IF EXISTS ${target}`);
			for (const sql of codeValuesStatements([side], 'tepat_codes_test', target)) await engine.exec(sql);
		};
		await count();
		const counted = rowsOf(await engine.query(`SELECT side, field, raw, n, first_row, value FROM ${target} ORDER BY first_row`), {
			side: 'string',
			field: 'string',
			raw: 'string',
			n: 'number',
			first_row: 'number',
			value: 'string?'
		});
		// Row 2 has no key: its 'zz' is not counted, so 'zz' first shows in row 5.
		expect(counted).toEqual([
			{ side: 'household', field: 'roof', raw: '2', n: 2, first_row: 1, value: 'tile' },
			{ side: 'household', field: 'roof', raw: 'Genteng', n: 1, first_row: 4, value: 'tile' },
			{ side: 'household', field: 'roof', raw: 'zz', n: 1, first_row: 5, value: null }
		]);
		expect((await readCodeValues(engine, target, 'household')).get('roof')).toEqual([
			{ raw: '2', value: 'tile' },
			{ raw: 'Genteng', value: 'tile' }
		]);
		expect((await readCodeValues(engine, target, 'person')).size).toBe(0);
		await engine.exec(`INSERT INTO ${table} SELECT 'x', 'atap ' || i FROM range(${CASE_LIMIT}) r(i)`);
		await count();
		expect((await readCodeValues(engine, target, 'household')).has('roof')).toBe(false);
	});

	it('writes each value as a literal, a quote doubled', () => {
		expect(codeCaseSql([{ raw: "a'b", value: 'x' }], 's."f_roof"')).toBe(`(CASE s."f_roof" WHEN 'a''b' THEN 'x' END)`);
		expect(codeCaseSql([], 's."f_roof"')).toBe('NULL::VARCHAR');
	});
});
