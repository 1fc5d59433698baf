/**
 * Issue 18 point 4: a hostile --reference file is as inert as a hostile register. Its kecamatan and
 * village names begin with every character a spreadsheet runs as a formula (`=`, `+`, `-`, `@`, a tab,
 * a CR); `tepat summary`, `tepat indicators` and the CSV files of `tepat plan` must write each of them
 * with the formula-safe writer's leading apostrophe, never as a formula cell.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReference } from '../../src/cli/reference';
import type { Reference } from '../../src/lib/core/reference';
import { restoreFormula } from '../../src/lib/export/csv-write';
import { fixture } from '../fixtures/ingest';
import { runCli } from './cli-run';

const PAIR = [fixture('dtsen-keluarga.csv'), fixture('dtsen-anggota.csv')];

/** One name per formula start the writer must neutralise. */
export const HOSTILE = ['=HYPERLINK("http://x","y")', '+1+2', '-3+4', '@SUM(A1:A9)', '\t=1+1', '\r=2+2'] as const;
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as the writer puts it (a count, a rank, a cost; the allocation's figures may be negative). */
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** RFC 4180 cells of a CSV document (quotes doubled, CR and LF kept inside quotes), BOM dropped. */
export function csvCells(text: string, delimiter = ','): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	let i = text.startsWith('\uFEFF') ? 1 : 0;
	for (; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === delimiter) {
			row.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += c;
	}
	if (cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

/** Cells a spreadsheet would run as a formula: text starting with a formula character. */
function formulaCells(text: string): string[] {
	return csvCells(text)
		.flat()
		.filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell));
}

describe('a hostile --reference file in the CLI’s CSV', () => {
	let dir: string;
	let referencePath: string;
	let reference: Reference;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'tepat-cli-formula-'));
		reference = structuredClone(await readReference(undefined));
		// Every kecamatan and every village gets a hostile name (the fixture's Tenggarong and Tabang
		// households included), and the regency too.
		reference.kabupaten.nama = '=HYPERLINK("http://x","Kabupaten")';
		const kecamatanName = new Map<string, string>();
		reference.kecamatan.forEach((k, i) => {
			k.nama = `${HOSTILE[i % HOSTILE.length]} Kec ${k.kode}`;
			kecamatanName.set(k.kode, k.nama);
		});
		reference.villages.forEach((v, i) => {
			v.nama = `${HOSTILE[i % HOSTILE.length]} Desa ${v.kode}`;
			v.kecamatan_nama = kecamatanName.get(v.kecamatan_kode) ?? v.kecamatan_nama;
		});
		referencePath = join(dir, 'referensi-jahat.json');
		await writeFile(referencePath, JSON.stringify(reference));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('tepat summary writes every kecamatan name as text', async () => {
		const { code, stdout, stderr } = await runCli(['summary', ...PAIR, '--reference', referencePath]);
		expect(stderr).not.toContain('Error');
		expect(code).toBe(0);
		expect(formulaCells(stdout)).toEqual([]);
		const rows = csvCells(stdout).slice(1);
		expect(rows).toHaveLength(reference.kecamatan.length);
		// Read back without the apostrophe, each name is exactly the reference's.
		expect(rows.map((r) => restoreFormula(r[1] ?? ''))).toEqual(reference.kecamatan.map((k) => k.nama));
		expect(rows.map((r) => r[1]?.[0])).toEqual(reference.kecamatan.map(() => "'"));
	});

	it('tepat indicators writes every village and kecamatan name as text', async () => {
		const { code, stdout } = await runCli(['indicators', '--register', ...PAIR, '--reference', referencePath]);
		expect(code).toBe(0);
		expect(formulaCells(stdout)).toEqual([]);
		const rows = csvCells(stdout).slice(1);
		expect(rows).toHaveLength(reference.villages.length);
		const byKode = new Map(reference.villages.map((v) => [v.kode, v]));
		for (const row of rows) {
			const village = byKode.get(row[0] ?? '');
			expect(restoreFormula(row[1] ?? '')).toBe(village?.nama);
			expect(restoreFormula(row[2] ?? '')).toBe(village?.kecamatan_nama);
		}
		// Every kind of start was met.
		for (const start of HOSTILE) expect(rows.some((r) => restoreFormula(r[1] ?? '').startsWith(start))).toBe(true);
	});

	it('tepat plan writes the allocation and the BNBA lists with the names as text', async () => {
		const out = join(dir, 'rencana');
		const { code } = await runCli(['plan', '--register', ...PAIR, '--reference', referencePath, '--out', out]);
		expect(code).toBe(0);
		const csvFiles = (await readdir(out)).filter((f) => f.endsWith('.csv'));
		expect(csvFiles).toContain('alokasi.csv');
		let names = 0;
		for (const file of csvFiles) {
			const text = await readFile(join(out, file), 'utf8');
			expect(formulaCells(text), file).toEqual([]);
			if (file.startsWith('bnba-')) {
				const cells = csvCells(text).flat();
				names += cells.filter((c) => /^'[=+\-@\t\r].* Desa 64\./s.test(c)).length;
				expect(cells.filter((c) => c === '\'=HYPERLINK("http://x","Kabupaten")').length).toBe(csvCells(text).length - 1);
			}
		}
		// The fixture's funded households are in hostile-named villages.
		expect(names).toBeGreaterThan(0);
	});
});
