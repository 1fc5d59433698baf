/**
 * Issue 18 points 1 and 2: a damaged or oddly encoded CSV register is never read silently wrong. The
 * generated 2,000-person DTSEN file (611 families) is broken in one known place (fixtures/damage.ts)
 * and loaded on both engines: every row is accepted or rejected with file, row, column and reason.
 * Row 500 is the only member of its family (KK 6402050606210001); rows 1999 and 2000 are the two
 * members of family 6402201804180001; row 10 is Rusdi's. Row 2000 cut after 40 characters ends just
 * after its name, in tanggal_lahir.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/engine/types';
import { NodeEngine } from '../../src/lib/engine/node';
import { IngestError, ingestRegister, loadReference } from '../../src/lib/ingest';
import { bytesByteSource } from '../../src/lib/ingest/bytes-source';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { loadReport, loadReportFindings } from '../../src/lib/ingest/report';
import { REFERENCE } from '../../src/lib/sample/region';
import { wordsOf } from '../../src/lib/words';
import { generatedDtsen } from '../fixtures/capabilities';
import {
	crOnly,
	dropLastFields,
	extraFields,
	invalidUtf8Byte,
	loneCr,
	mixEncodings,
	setField,
	toUtf16,
	toUtf8Bom,
	toWindows1252,
	truncate,
	unclosedQuote
} from '../fixtures/damage';
import { WasmTestEngine } from './wasm-engine';

const ALAMAT = 31;
const NAMA = 2;
const { csv } = generatedDtsen(2000, 11);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The report's findings as [severity, code, row, column]. */
async function findings(engine: Engine): Promise<[string, string, number | null, string | null][]> {
	return (await loadReportFindings(engine)).map((f) => [f.severity, f.code, f.source_row, f.source_column]);
}

async function scalar(engine: Engine, sql: string): Promise<unknown> {
	return (await engine.query(sql)).get(0)?.toJSON()['v'];
}

describe.each([
	['node', () => NodeEngine.open()],
	['wasm', () => WasmTestEngine.open()]
] as const)('damaged CSV on %s', (_, open) => {
	let engine: Engine;
	const load = (name: string, bytes: Uint8Array, acceptRejected = false) =>
		ingestRegister(engine, [bytesByteSource(name, bytes)], REFERENCE, { acceptRejected, sliceBytes: 64 * 1024 });
	beforeAll(async () => {
		engine = await (open as () => Promise<Engine>)();
		await loadReference(engine, REFERENCE);
	});
	afterAll(async () => engine.close());

	it('rejects only the row of an unclosed quote and reads every row after it', async () => {
		const result = await load('quote.csv', utf8(unclosedQuote(csv, 500, ALAMAT)));
		expect(result).toMatchObject({ rowsRead: 2000, households: 610, people: 1999, rowsRejected: 1 });
		expect(await findings(engine)).toContainEqual(['rejected', 'csv_open_quote', 500, 'alamat']);
		expect((await findings(engine)).filter(([s]) => s === 'rejected')).toHaveLength(1);
		const said = (await loadReportFindings(engine)).find((f) => f.code === 'csv_open_quote')?.said;
		expect(said && wordsOf(said, 'id')).toBe(
			"Berkas 'quote.csv', baris data 500, kolom alamat: tanda kutip (\") dibuka tetapi tidak ditutup; baris ini ditolak, baris berikutnya dibaca seperti biasa."
		);
		expect((await loadReport(engine))?.rowsRejected).toBe(1);
	});

	it('keeps a lone CR inside quotes in its record: no ghost family or person', async () => {
		const result = await load('cr.csv', utf8(loneCr(csv, 10, NAMA)));
		expect(result).toMatchObject({ households: 611, people: 2000, rowsRejected: 0 });
		expect(await findings(engine)).toContainEqual(['warning', 'csv_cr_in_value', 10, 'nama']);
		expect(await scalar(engine, `SELECT name AS v FROM person WHERE source_row = 10`)).toBe('Rusdi\nRusdi');
	});

	it('rejects a last row cut short and reports a row missing its last fields', async () => {
		const cut = await load('cut.csv', utf8(truncate(csv, 2000, 40)));
		expect(cut).toMatchObject({ households: 611, people: 1999, rowsRejected: 1 });
		expect(await findings(engine)).toContainEqual(['rejected', 'csv_truncated', 2000, 'tanggal_lahir']);
		const short = await load('short.csv', utf8(dropLastFields(csv, 7, 3)));
		expect(short).toMatchObject({ households: 611, people: 2000, rowsRejected: 0 });
		expect(await findings(engine)).toContainEqual(['warning', 'csv_short_row', 7, null]);
		const long = await load('long.csv', utf8(extraFields(setField(csv, 8, 'nama', 'A,B'), 9, 2)));
		expect(long).toMatchObject({ households: 611, people: 1999, rowsRejected: 1 });
		expect(await findings(engine)).toEqual(
			expect.arrayContaining([
				['rejected', 'csv_too_many_fields', 8, null],
				['warning', 'csv_extra_empty_fields', 9, null]
			])
		);
	});

	it('names a last row that stops right after a delimiter, with no line end: its last value may be cut off', async () => {
		const lines = csv.trimEnd().split('\n');
		const last = lines[lines.length - 1] ?? '';
		const cutAfterComma = [...lines.slice(0, -1), last.slice(0, last.lastIndexOf(',') + 1)].join('\n');
		expect(await load('koma.csv', utf8(cutAfterComma))).toMatchObject({ people: 2000, rowsRejected: 0 });
		const lastColumn = csv.slice(0, csv.indexOf('\n')).split(',').pop() ?? '';
		expect(await findings(engine)).toContainEqual(['warning', 'csv_unended_empty_last', 2000, lastColumn.trim()]);
		// The same file with its line end is an ordinary empty value.
		await load('koma-lf.csv', utf8(`${cutAfterComma}\n`));
		expect((await findings(engine)).filter((f) => f[1] === 'csv_unended_empty_last')).toEqual([]);
	});

	it('stops a load that would lose more than 1 % of the rows, keeping the register, unless accepted', async () => {
		await load('good.csv', utf8(csv));
		let damaged = csv;
		for (let row = 100; row < 2000; row += 76) damaged = unclosedQuote(damaged, row, ALAMAT);
		const bytes = utf8(damaged);
		const refused = await load('bad.csv', bytes).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(IngestError);
		const said = (refused as IngestError).said;
		expect(said.code).toBe('ingest.too_many_rejected');
		expect(wordsOf(said, 'en')).toBe(
			"Loading 'bad.csv' stopped: 25 of 2.000 rows (1,3 %) would be rejected, more than 1 %. The first: File 'bad.csv', data row 100, column alamat: " +
				'a quote (") opens but never closes; this row is rejected, the next rows are read as usual. The previous data stays in use. ' +
				'Check the file, or load it anyway accepting the rejected rows.'
		);
		expect(await scalar(engine, 'SELECT count(*)::INTEGER AS v FROM person')).toBe(2000);
		expect((await loadReport(engine))?.files[0]?.file).toBe('good.csv');
		const accepted = await load('bad.csv', bytes, true);
		expect(accepted).toMatchObject({ people: 1975, rowsRejected: 25 });
	});

	it('loads values it cannot read as unknown, with a finding per column, and reads 1.234,5', async () => {
		let edited = setField(csv, 500, 'desil_nasional', 'x');
		edited = setField(edited, 501, 'luas_lantai', '"1.234,5"');
		edited = setField(edited, 10, 'usia', '-3');
		edited = setField(edited, 11, 'usia', 'NaN');
		edited = setField(edited, 12, 'usia', '"1.234,5"');
		await load('values.csv', utf8(edited));
		const invalid = (await loadReportFindings(engine)).filter((f) => f.code === 'invalid_value');
		expect(invalid.map((f) => [f.source_row, f.source_column, f.value, f.rows])).toEqual([
			[10, 'usia', '-3', 2],
			[11, 'usia', 'NaN', 1],
			[500, 'desil_nasional', 'x', 1]
		]);
		expect(
			wordsOf(
				invalid[0]?.said ?? { code: 'finding.empty_row', params: { place: { file: '', row: null, sheet: null, column: null } } },
				'en'
			)
		).toBe(
			"File 'values.csv', data row 10, column usia: 2 values outside the range 0–130 (e.g. '-3'; rows 10, 12); loaded as unknown, inside no filter's range."
		);
		expect(await scalar(engine, `SELECT desil AS v FROM household WHERE source_row = 500`)).toBeNull();
		expect(await scalar(engine, `SELECT floor_area AS v FROM household WHERE source_row = 501`)).toBe(1234.5);
		// Rusdi (row 10) was born on 1969-07-29: his age comes from the date, not from '-3'.
		expect(await scalar(engine, `SELECT age AS v FROM person WHERE source_row = 10`)).toBeGreaterThan(50);
	});

	it('does not round a fractional desil or age into range: not a whole number, loaded as unknown', async () => {
		let edited = setField(csv, 500, 'desil_nasional', '2.5');
		edited = setField(edited, 501, 'desil_nasional', '"4,5"');
		edited = setField(edited, 20, 'usia', '24.5');
		await load('fractions.csv', utf8(edited));
		const invalid = (await loadReportFindings(engine)).filter((f) => f.code === 'invalid_value');
		expect(invalid.map((f) => [f.source_row, f.source_column, f.value, f.rows])).toEqual([
			[20, 'usia', '24.5', 1],
			[500, 'desil_nasional', '2.5', 2]
		]);
		expect(
			wordsOf(
				invalid[1]?.said ?? { code: 'finding.empty_row', params: { place: { file: '', row: null, sheet: null, column: null } } },
				'id'
			)
		).toContain('2 nilai bukan bilangan bulat');
		expect(await scalar(engine, `SELECT count(*)::INTEGER AS v FROM household WHERE source_row IN (500, 501) AND desil IS NULL`)).toBe(2);
	});

	it('reads UTF-8 with a stray byte as UTF-8 and reports the byte', async () => {
		const named = setField(csv, 2, 'nama', 'José Ramos');
		await load('byte.csv', invalidUtf8Byte(named, 3, NAMA));
		expect(await findings(engine)).toContainEqual(['warning', 'csv_invalid_utf8', 3, 'nama']);
		expect(await scalar(engine, `SELECT name AS v FROM person WHERE source_row = 2`)).toBe('José Ramos');
		expect(String(await scalar(engine, `SELECT name AS v FROM person WHERE source_row = 3`))).toMatch(/^ÿ/);
		expect((await loadReport(engine))?.files[0]?.encoding).toBe('utf-8');
	});

	it('reads a file mixing UTF-8 and Windows-1252 rows without mojibake', async () => {
		const named = setField(setField(csv, 5, 'nama', 'José'), 6, 'nama', 'Müller');
		await load('mixed.csv', mixEncodings(named, [5]));
		expect(await scalar(engine, `SELECT string_agg(name, ',' ORDER BY source_row) AS v FROM person WHERE source_row IN (5, 6)`)).toBe(
			'José,Müller'
		);
		expect(await findings(engine)).toContainEqual(['warning', 'csv_invalid_utf8', 5, 'nama']);
	});

	it('reads Windows-1252, UTF-8 with BOM, UTF-16 LE and BE and CR-only files alike', async () => {
		const named = setField(csv, 5, 'nama', 'José');
		const files: [string, Uint8Array, string][] = [
			['cp1252.csv', toWindows1252(named), 'windows-1252'],
			['bom.csv', toUtf8Bom(named), 'utf-8'],
			['le.csv', toUtf16(named, 'le'), 'utf-16le'],
			['be.csv', toUtf16(named, 'be'), 'utf-16be'],
			['mac.csv', utf8(crOnly(named)), 'utf-8']
		];
		for (const [name, bytes, encoding] of files) {
			const result = await load(name, bytes);
			expect(result, name).toMatchObject({ households: 611, people: 2000, rowsRejected: 0 });
			expect(await scalar(engine, `SELECT name AS v FROM person WHERE source_row = 5`), name).toBe('José');
			expect((await loadReport(engine))?.files[0]?.encoding, name).toBe(encoding);
			expect(await findings(engine), name).not.toContainEqual(expect.arrayContaining(['csv_invalid_utf8']));
		}
	});
});

describe('a damaged CSV file on disk (Node reads whole files itself)', () => {
	it('is read through the record scan, not by DuckDB directly', async () => {
		const engine = await NodeEngine.open();
		try {
			await loadReference(engine, REFERENCE);
			const dir = await mkdtemp(join(tmpdir(), 'tepat-damage-'));
			const path = join(dir, 'quote.csv');
			await writeFile(path, unclosedQuote(csv, 500, ALAMAT));
			const result = await ingestRegister(engine, [await fileByteSource(path)], REFERENCE);
			expect(result).toMatchObject({ households: 610, people: 1999, rowsRejected: 1, readBy: ['copy'] });
			const clean = join(dir, 'clean.csv');
			await writeFile(clean, csv);
			expect(await ingestRegister(engine, [await fileByteSource(clean)], REFERENCE)).toMatchObject({ people: 2000, readBy: ['file'] });
		} finally {
			await engine.close();
		}
	});
});
