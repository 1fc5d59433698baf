/**
 * Issue 13 point 6: `tepat verval --register FILE --results R1.csv [R2.csv…] --out DIR` on the 10-person
 * DTSEN fixture (tests/fixtures/ingest/dtsen-flat.csv). Round 1 is a Google Forms export with a
 * same-round conflict for Nur Aini (6402064502850002) and a NIK the register does not have; round 2,
 * a field sheet, settles her as deceased and finds Bujang Lawing (6402120101700006) moved.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run';

const REGISTER = fileURLToPath(new URL('../fixtures/ingest/dtsen-flat.csv', import.meta.url));

const ROUND_1 = [
	'Timestamp,Email Address,NIK anggota keluarga,Status keberadaan,Keterangan',
	'11/3/2026 10:00:00,a@x.id,6402060101800001,Ditemukan,',
	'11/3/2026 10:05:00,a@x.id,6402064502850002,Meninggal dunia,',
	'11/3/2026 10:06:00,b@x.id,6402064502850002,Ditemukan,',
	'11/3/2026 10:07:00,b@x.id,6402999999999999,Anggota baru,'
].join('\n');
const ROUND_2 = [
	'NIK;Status;Tanggal;Petugas',
	'6402064502850002;Meninggal;25/11/2026;Kades',
	'6402120101700006;Pindah;26/11/2026;Kades'
].join('\n');

/** A CSV written by the command, as rows of cells (BOM dropped; no quoted commas in these columns). */
async function csvRows(path: string): Promise<string[][]> {
	const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
	return text
		.trimEnd()
		.split('\r\n')
		.map((line) => line.split(','));
}

/** A CSV line's cells, quoted cells (the fixture's addresses hold commas) read as RFC 4180 says. */
function quotedCells(line: string): string[] {
	const cells: string[] = [];
	for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g))
		cells.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : (match[2] ?? ''));
	return cells;
}

describe('tepat verval', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'tepat-verval-'));
		await writeFile(join(dir, 'r1.csv'), ROUND_1);
		await writeFile(join(dir, 'r2.csv'), ROUND_2);
	});

	it('writes progress, conflicts, unmatched results, findings and worklists; each file its own round', async () => {
		const out = join(dir, 'out');
		const run = await runCli(['verval', '--register', REGISTER, '--results', join(dir, 'r1.csv'), join(dir, 'r2.csv'), '--out', out]);
		expect(run.code).toBe(0);
		expect(run.stderr).toContain('Putaran 1: r1.csv, 4 baris.');
		expect(run.stderr).toContain('Putaran 2: r2.csv, 2 baris.');
		expect(run.stderr).toContain('Diperiksa: 3 dari 9 jiwa; 0 konflik terbuka; 1 hasil tidak cocok dengan register');

		const kecamatan = await csvRows(join(out, 'progres-kecamatan.csv'));
		const header = kecamatan[0] ?? [];
		const row = (kode: string) => Object.fromEntries(header.map((h, i) => [h, kecamatan.find((r) => r[0] === kode)?.[i]]));
		// Tenggarong: 2 households, 5 people; Ahmad found, Nur Aini deceased (round 2 over round 1's conflict).
		expect(row('64.02.06')).toMatchObject({ households: '2', households_checked: '1', people: '5', people_checked: '2' });
		expect(row('64.02.06')).toMatchObject({ found: '1', deceased: '1', conflicts: '0', last_round: '2', last_visit: '2026-11-25' });
		// Tabang: Bujang Lawing moved, his three family members not yet checked.
		expect(row('64.02.12')).toMatchObject({ households: '1', people: '4', people_checked: '1', moved: '1', last_visit: '2026-11-26' });
		expect(row('64.02.01')).toMatchObject({ households: '0', people: '0', last_round: '' });

		expect((await csvRows(join(out, 'konflik.csv'))).length).toBe(1);
		const unmatched = await csvRows(join(out, 'hasil-tidak-cocok.csv'));
		expect(unmatched.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([['1', 'r1.csv', '4', '6402999999999999']]);

		const lists = (await readdir(join(out, 'daftar-periksa'))).sort();
		expect(lists).toEqual(
			['64.02.06.1001-Jahab', '64.02.06.2012-Rapak-Lambur', '64.02.06.9999-di-luar-referensi', '64.02.12.2001-Gunung-Sari'].flatMap(
				(stem) => [`${stem}.csv`, `${stem}.xlsx`]
			)
		);
		const gunungSari = await csvRows(join(out, 'daftar-periksa', '64.02.12.2001-Gunung-Sari.csv'));
		expect(gunungSari.slice(1).map((r) => [r[6], r[9], r[16], r[17]])).toEqual([
			['Inah', 'belum diperiksa', 'Tabang', 'Kabupaten Kutai Kartanegara'],
			['Ujang', 'belum diperiksa', 'Tabang', 'Kabupaten Kutai Kartanegara'],
			['Ani', 'belum diperiksa', 'Tabang', 'Kabupaten Kutai Kartanegara']
		]);
		const workbook = new ExcelJS.Workbook();
		const xlsx = new Uint8Array(await readFile(join(out, 'daftar-periksa', '64.02.12.2001-Gunung-Sari.xlsx')));
		await workbook.xlsx.load(xlsx.buffer as ArrayBuffer);
		expect(workbook.worksheets[0]?.getCell('A1').value).toBe('Daftar periksa verval — Gunung Sari (64.02.12.2001)');

		// Every register person once (Rina Wati too, whose village is outside the reference), the status
		// in DTSEN's codes: Ahmad found 1, Nur Aini deceased 3 (round 2), Bujang moved 2; the rest unchecked.
		const verified = (await readFile(join(out, 'register-terverifikasi.csv'), 'utf8'))
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n')
			.map(quotedCells);
		const head = verified[0] ?? [];
		const at = (h: string) => head.indexOf(h);
		expect(head.slice(-4)).toEqual(['status_verval_tepat', 'dasar_status', 'putaran', 'tanggal_kunjungan']);
		const statuses = verified
			.slice(1)
			.map((r) => [r[at('nomor_induk_kependudukan')], r[at('status_verval')], r[at('dasar_status')], r[at('putaran')]]);
		expect(statuses).toEqual([
			['6402060101800001', '1', 'result', '1'],
			['6402064502850002', '3', 'result', '2'],
			['6402061003120003', '1', 'unchecked', ''],
			['6402061206750004', '', 'unchecked', ''],
			['6402062507100005', '', 'unchecked', ''],
			['6402120101700006', '2', 'result', '2'],
			['6402124101720007', '3', 'unchecked', ''],
			['6402120505080008', '3', 'unchecked', ''],
			['6402124707110009', '3', 'unchecked', ''],
			['6402062010900010', '2', 'unchecked', '']
		]);
		expect(run.stderr).toContain('10 jiwa di register terverifikasi');
	});

	it('with --one-round, two answers for one person in the files are an open conflict', async () => {
		const out = join(dir, 'one');
		const run = await runCli(['verval', '--register', REGISTER, '--results', join(dir, 'r1.csv'), '--one-round', '--out', out]);
		expect(run.code).toBe(0);
		const conflicts = await csvRows(join(out, 'konflik.csv'));
		expect(conflicts.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
			['6402064502850002', '1', 'deceased'],
			['6402064502850002', '1', 'found']
		]);
	});

	it('refuses a result file without a status column, naming what is missing, exit 1', async () => {
		await writeFile(join(dir, 'bad.csv'), 'NIK,Nama\n6402060101800001,Ahmad\n');
		const run = await runCli(['verval', '--register', REGISTER, '--results', join(dir, 'bad.csv'), '--out', join(dir, 'bad')]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain("Berkas hasil verval 'bad.csv': tidak ada kolom status/hasil verifikasi.");
		const english = await runCli([
			'verval',
			'--lang',
			'en',
			'--register',
			REGISTER,
			'--results',
			join(dir, 'bad.csv'),
			'--out',
			join(dir, 'bad')
		]);
		expect(english.code).toBe(1);
		expect(english.stderr).toContain("Verval result file 'bad.csv': no status/verification result column.");
	});

	it('names a result file that is not there, exit 1', async () => {
		const missing = join(dir, 'tidak-ada.csv');
		const run = await runCli(['verval', '--register', REGISTER, '--results', missing, '--out', join(dir, 'none')]);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe(`Berkas '${missing}' tidak ditemukan.\n`);
	});

	it('asks for the results and the output folder', async () => {
		expect((await runCli(['verval', '--register', REGISTER, '--out', dir])).code).toBe(2);
		expect((await runCli(['verval', '--register', REGISTER, '--results', join(dir, 'r1.csv')])).code).toBe(2);
	});
});
