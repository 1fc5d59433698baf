/**
 * A finding's parameters travel as JSON text built in SQL (core/sql-json.ts; duckdb-wasm has no JSON
 * extension) and read back by ingest/report-params.ts: the same text on both engines, whatever a file
 * writes in a name or a header (quotes, backslashes, line breaks, control characters, non-ASCII), and
 * worded in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonConstSql, jsonNumberSql, jsonObjectSql, jsonTextSql } from '../../src/lib/core/sql-json';
import { NodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import { findingOf, parseParams } from '../../src/lib/ingest/report-params';
import { rowsOf } from '../../src/lib/core/rows';
import { sqlString } from '../../src/lib/core/sql';
import { wordsOf } from '../../src/lib/words';
import { duplicateFigureWords, idIssueWords, idKindWords, reportHeaders, severityWords } from '../../src/lib/words/report-labels';
import { WasmTestEngine } from './wasm-engine';

const AWKWARD = [
	'Siti "Ani" Aminah',
	'C:\\data\\keluarga.csv',
	"O'Neil",
	'baris satu\nbaris dua\r\ttab',
	'Ñoño Ağaoğlu 苏 — Bügé',
	`bell${String.fromCharCode(7)}unit${String.fromCharCode(31)}`,
	'\\"',
	''
];

/** The awkward texts as SQL VALUES rows, with a number beside each. */
const valuesSql = () =>
	`(VALUES ${AWKWARD.map((text, i) => `(${sqlString(text).replaceAll('\n', "' || chr(10) || '")}, ${i})`).join(', ')}, (NULL, NULL)) AS t(text, n)`;

describe.each([
	['node', () => NodeEngine.open()],
	['wasm', () => WasmTestEngine.open()]
] as const)('finding params as JSON text on %s', (_name, open) => {
	let engine: Engine & { close(): Promise<void> };
	beforeAll(async () => {
		engine = await open();
	});
	afterAll(async () => {
		await engine.close();
	});

	it('escapes text so that it reads back exactly, NULL as null', async () => {
		const json = jsonObjectSql({
			text: jsonTextSql('text'),
			n: jsonNumberSql('n'),
			fixed: jsonConstSql({ name: 'Lembar "1"\\', headerRow: 3 })
		});
		const rows = rowsOf(await engine.query(`SELECT ${json} AS params FROM ${valuesSql()}`), { params: 'string' });
		expect(rows.map((r) => parseParams('test', r.params))).toEqual([
			...AWKWARD.map((text, n) => ({ text, n, fixed: { name: 'Lembar "1"\\', headerRow: 3 } })),
			{ text: null, n: null, fixed: { name: 'Lembar "1"\\', headerRow: 3 } }
		]);
		// Quotes, backslashes and line breaks are escaped in SQL already: the text is JSON as it stands.
		const plain = rows.filter((r) => ![...r.params].some((c) => c.charCodeAt(0) < 32));
		expect(plain).toHaveLength(AWKWARD.length);
		for (const r of plain) expect(() => JSON.parse(r.params) as unknown).not.toThrow();
	});

	it('an object without members is {}', async () => {
		const [row] = rowsOf(await engine.query(`SELECT ${jsonObjectSql({})} AS params`), { params: 'string' });
		expect(row?.params).toBe('{}');
	});
});

describe('reading a finding back', () => {
	const orphan = {
		code: 'orphan_member',
		source_file: 'anggota "A".csv',
		source_row: 9,
		source_column: 'ID Keluarga',
		value: 'KK\\9',
		rows: 1,
		household_id: null,
		params: JSON.stringify({ sheet: { name: 'Data', headerRow: 2 }, householdFile: "keluarga 'B'.csv" })
	};

	it('words it in Indonesian and English, the row also as the sheet shows it', () => {
		const said = findingOf(orphan);
		expect(said.code).toBe('finding.orphan_member');
		expect(wordsOf(said, 'id')).toBe(
			`Berkas 'anggota "A".csv', baris data 9 (baris 11 di lembar Data), kolom ID Keluarga: 'KK\\9' tidak ada di berkas keluarga 'keluarga 'B'.csv'; anggota tanpa keluarga tidak dimuat.`
		);
		expect(wordsOf(said, 'en')).toBe(
			`File 'anggota "A".csv', data row 9 (row 11 of sheet Data), column ID Keluarga: 'KK\\9' is not in the household file 'keluarga 'B'.csv'; a member without a household is not loaded.`
		);
	});

	it('words a NIK issue from its code alone', () => {
		const said = findingOf({ ...orphan, code: 'nik_wrong_length', value: '123', params: '{}' });
		expect(wordsOf(said, 'id')).toBe("Berkas 'anggota \"A\".csv', baris data 9, kolom ID Keluarga: NIK '123' tidak 16 digit.");
		expect(wordsOf(said, 'en')).toBe("File 'anggota \"A\".csv', data row 9, column ID Keluarga: NIK '123' is not 16 digits.");
	});

	it('refuses params that are not what its code needs (a bug in the SQL, not in a file)', () => {
		expect(() => findingOf({ ...orphan, params: '{}' })).toThrow(/orphan_member: param householdFile/);
		expect(() => findingOf({ ...orphan, params: '[1]' })).toThrow(/orphan_member: params/);
		expect(() => findingOf({ ...orphan, code: 'no_such_finding' })).toThrow(/unknown code/);
	});
});

describe("the report's labels", () => {
	it('headers, severities, NIK/KK issues and duplicate figures in Indonesian and English', () => {
		expect(Object.values(reportHeaders('id'))).toEqual([
			'tingkat',
			'kode_alasan',
			'berkas',
			'baris_data',
			'kolom',
			'nilai',
			'jumlah_baris',
			'id_keluarga',
			'id_anggota',
			'pesan'
		]);
		expect(reportHeaders('en').source_file).toBe('file');
		expect([severityWords('error', 'id'), severityWords('error', 'en')]).toEqual(['galat', 'error']);
		expect([idKindWords('kk', 'id'), idIssueWords('scientific', 'id')]).toEqual(['Nomor KK', 'notasi ilmiah Excel']);
		expect([idKindWords('kk', 'en'), idIssueWords('scientific', 'en')]).toEqual(['KK number', 'Excel scientific notation']);
		expect(duplicateFigureWords('personRows', 'id')).toBe('Orang ganda dalam satu keluarga, tidak dimuat (baris)');
		expect(duplicateFigureWords('personRows', 'en')).toBe('Repeated people in one family, not loaded (rows)');
	});
});
