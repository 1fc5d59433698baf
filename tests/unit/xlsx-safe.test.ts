/**
 * Issue 18 point 4: every XLSX Tepat writes is well-formed XML and no cell passes Excel's 32,767
 * characters, whatever names a register, a --reference file or a plan holds. Each workbook is unzipped,
 * every part decoded as strict UTF-8 and parsed by saxes (a well-formedness-checking parser that
 * refuses the characters XML 1.0 forbids), and read back with the app's own XLSX reader.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReference } from '../../src/cli/reference';
import { defaultPlan } from '../../src/lib/core/plan';
import { bnbaXlsx, budgetXlsx, stampOf } from '../../src/lib/export/bnba';
import { EXCEL_CELL_LIMIT, cellText, xmlSafeText } from '../../src/lib/export/exceljs';
import { bytesByteSource } from '../../src/lib/ingest/bytes-source';
import { XlsxReader } from '../../src/lib/ingest/xlsx/reader';
import type { BnbaRow } from '../../src/lib/queries/allocation';
import { truncatedCellWord } from '../../src/lib/words/export-labels';
import { fixture } from '../fixtures/ingest';
import { runCli } from './cli-run';

/** Every kind of character XML 1.0 forbids, each inside a name. */
const FORBIDDEN = ['\uDC00', '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001F', '\uFFFE', '\uFFFF', '\uD800'];

/** Every XML part of the workbook as strict UTF-8, each parsed by saxes; throws on the first fault. */
function parseStrictly(bytes: Uint8Array): Map<string, string> {
	const parts = new Map<string, string>();
	for (const [name, data] of Object.entries(unzipSync(bytes))) {
		if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
		const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
		const parser = new SaxesParser({ xmlns: false, position: true });
		parser.on('error', (error) => {
			throw new Error(`${name}: ${error.message}`);
		});
		parser.write(text).close();
		parts.set(name, text);
	}
	return parts;
}

/** Every sheet's rows as cell texts, read with the app's reader. */
async function sheetsOf(bytes: Uint8Array): Promise<Map<string, string[][]>> {
	const reader = await XlsxReader.open(bytesByteSource('t.xlsx', bytes));
	const sheets = new Map<string, string[][]>();
	for (const sheet of reader.sheets) {
		const rows: string[][] = [];
		for await (const batch of reader.rows(sheet)) for (const row of batch.rows) rows.push(row.cells);
		sheets.set(sheet.name, rows);
	}
	return sheets;
}

function row(over: Partial<BnbaRow>): BnbaRow {
	return {
		programme: 'rtlh',
		unit_id: 'H1',
		kecamatan_nama: 'Tenggarong',
		village_kode: '64.02.06.1001',
		village_nama: 'Jahab',
		household_id: 'H1',
		kk: '6402060101150001',
		nik: '6402064101800001',
		nama: 'Ahmad',
		alamat: 'Jl. Mawar',
		desil: 2,
		rule: 'desil',
		rank: 1,
		funding_line: 'apbd',
		cost: 20_000_000,
		override_reason: null,
		...over
	};
}

describe('text a cell may hold', () => {
	it('drops what XML 1.0 forbids and keeps tab, LF, CR and surrogate pairs', () => {
		expect(xmlSafeText(`A${FORBIDDEN.join('')}B`)).toBe('AB');
		expect(xmlSafeText('a\tb\nc\rd 😀 \uD7FF\uE000\uFFFD')).toBe('a\tb\nc\rd 😀 \uD7FF\uE000\uFFFD');
		// A lone high surrogate before a normal character, a lone low one after it.
		expect(xmlSafeText('x\uD83Dy\uDE00z')).toBe('xyz');
	});

	it('cuts past 32,767 characters with a visible marker saying how long the original was', () => {
		const marker = (length: number) => truncatedCellWord(length, 'id');
		expect(cellText('a'.repeat(EXCEL_CELL_LIMIT), marker)).toBe('a'.repeat(EXCEL_CELL_LIMIT));
		const cut = cellText('b'.repeat(1_048_576), marker);
		expect(cut).toHaveLength(EXCEL_CELL_LIMIT);
		expect(cut.endsWith(' … [DIPOTONG: teks asli 1.048.576 karakter; satu sel Excel memuat paling banyak 32.767]')).toBe(true);
		expect(truncatedCellWord(40_000, 'en')).toBe(' … [CUT: the original text has 40.000 characters; an Excel cell holds at most 32,767]');
		// Never half of a surrogate pair at the cut.
		const emoji = cellText('😀'.repeat(40_000), marker);
		expect(emoji.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
		expect(xmlSafeText(emoji)).toBe(emoji);
	});
});

describe('BNBA and budget workbooks with hostile names', () => {
	const hostileName = `Siti${FORBIDDEN.join('')} Rahmah`;
	const longAddress = 'Jl. Panjang '.repeat(5_000); // 60,000 characters
	const plan = { ...defaultPlan(), name: `Rencana ${'x'.repeat(1_048_576)}` };
	const stamp = stampOf(plan, 'abc123', { kode: '64.02', nama: 'Kabupaten \uFFFEUji' });
	const rows = [
		row({ nama: hostileName, alamat: longAddress, village_nama: 'Desa\uFFFF Baru', kecamatan_nama: '=HYPERLINK("http://x","y")\u000B' }),
		row({ unit_id: 'H2', household_id: 'H2', nama: 'Budi\uD800', alamat: '@SUM(A1)', rank: 2 })
	];

	it('the BNBA parses as XML and reads back with the forbidden characters gone and the long cells cut', async () => {
		const bytes = await bnbaXlsx('rtlh', rows, stamp);
		const parts = parseStrictly(bytes);
		expect([...parts.keys()]).toContain('xl/worksheets/sheet1.xml');
		const sheet = (await sheetsOf(bytes)).get('BNBA') ?? [];
		const cells = sheet.flat();
		expect(cells.every((c) => c.length <= EXCEL_CELL_LIMIT)).toBe(true);
		expect(cells).toContain('Siti Rahmah');
		expect(cells).toContain('Budi');
		expect(cells).toContain('Desa Baru');
		// A formula-looking name is a text cell, written as it is (XLSX stores the type: no apostrophe).
		expect(cells).toContain('=HYPERLINK("http://x","y")');
		expect(cells).toContain('@SUM(A1)');
		expect(cells.some((c) => c.startsWith('BNBA') && c.includes('Kabupaten Uji'))).toBe(true);
		const address = cells.find((c) => c.startsWith('Jl. Panjang'));
		expect(address).toHaveLength(EXCEL_CELL_LIMIT);
		expect(address?.endsWith(truncatedCellWord(longAddress.length, 'id'))).toBe(true);
		const planCell = cells.find((c) => c.startsWith('Rencana x'));
		expect(planCell).toHaveLength(EXCEL_CELL_LIMIT);
		expect(planCell?.endsWith(truncatedCellWord(plan.name.length, 'id'))).toBe(true);
	});

	it('the budget summary parses as XML with the names cleaned', async () => {
		const bytes = await budgetXlsx(
			[{ programme: 'rtlh', funding_line: 'apbd', units: 1, rupiah: 20_000_000 }],
			[
				{
					programme: 'rtlh',
					kecamatan_kode: '64.02.06',
					kecamatan_nama: 'Teng\u0001garong',
					village_kode: '64.02.06.1001',
					village_nama: 'Ja\uFFFEhab',
					need_units: 2,
					need_rupiah: 40_000_000,
					funded_units: 1,
					funded_rupiah: 20_000_000,
					unmet_units: 1,
					unmet_rupiah: 20_000_000
				}
			],
			[
				{ programme: 'rtlh', kecamatan_kode: '64.02.06', village_kode: '64.02.06.1001', funding_line: 'apbd', units: 1, rupiah: 20_000_000 }
			],
			stamp
		);
		parseStrictly(bytes);
		const cells = [...(await sheetsOf(bytes)).values()].flat(2);
		expect(cells).toContain('Tenggarong');
		expect(cells).toContain('Jahab');
		expect(cells.every((c) => c.length <= EXCEL_CELL_LIMIT)).toBe(true);
	});
});

describe('tepat plan with a hostile --reference file', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'tepat-xlsx-safe-'));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('writes BNBA and budget workbooks that parse, the reference names read back clean', async () => {
		const reference = structuredClone(await readReference(undefined));
		reference.kabupaten.nama = 'Kabupaten\uFFFF Uji';
		for (const k of reference.kecamatan) k.nama = `${k.nama}\uFFFE`;
		for (const v of reference.villages) {
			v.nama = `=${v.nama}\u0008\uD800`;
			v.kecamatan_nama = `${v.kecamatan_nama}\uFFFE`;
		}
		const referencePath = join(dir, 'referensi.json');
		await writeFile(referencePath, JSON.stringify(reference));
		const out = join(dir, 'hasil');
		const { code } = await runCli([
			'plan',
			'--register',
			fixture('dtsen-keluarga.csv'),
			fixture('dtsen-anggota.csv'),
			'--reference',
			referencePath,
			'--out',
			out
		]);
		expect(code).toBe(0);
		const workbooks = (await readdir(out)).filter((f) => f.endsWith('.xlsx'));
		expect(workbooks).toContain('ringkasan-anggaran.xlsx');
		let villageCells = 0;
		for (const file of workbooks) {
			const bytes = new Uint8Array(await readFile(join(out, file)));
			expect(() => parseStrictly(bytes), file).not.toThrow();
			const cells = [...(await sheetsOf(bytes)).values()].flat(2);
			expect(
				cells.some((c) => c.includes('Kabupaten Uji')),
				file
			).toBe(true);
			expect(
				cells.some((c) => ['\u0008', '\uFFFE', '\uFFFF'].some((bad) => c.includes(bad))),
				file
			).toBe(false);
			// The lone surrogate became U+FFFD on its way into DuckDB (UTF-8 has no lone surrogates).
			villageCells += cells.filter((c) => /^=(Jahab|Rapak Lambur)\uFFFD?$/.test(c)).length;
		}
		expect(villageCells).toBeGreaterThan(0);
	});
});
