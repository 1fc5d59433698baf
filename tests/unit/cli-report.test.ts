import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run';
import { fixture } from '../fixtures/ingest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REPORT_DIR = fileURLToPath(new URL('../fixtures/report/', import.meta.url));

const run = runCli;

describe('tepat report', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'tepat-report-'));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('prints the summary and the first findings', async () => {
		const { code, stdout } = await run(['report', `${REPORT_DIR}keluarga.csv`, `${REPORT_DIR}anggota.csv`]);
		expect(code).toBe(0);
		expect(stdout).toContain('Laporan validasi pemuatan (DTSEN)\n  keluarga.csv (CSV, utf-8): 6 baris dibaca\n  anggota.csv (CSV, utf-8): 16 baris dibaca\n');
		expect(stdout).toContain(
			'Diterima: 5 keluarga, 12 jiwa\nDitolak: 5 baris (kunci keluarga kosong 2, anggota tanpa keluarga 1, baris kosong 0, baris ganda 2)\n'
		);
		expect(stdout).toContain(
			'Keluarga ganda, tidak dimuat (baris): 0\n' +
				'Keluarga dengan nomor yang sudah dipakai keluarga lain, dimuat dengan id turunan: 0\n' +
				'Orang ganda dalam satu keluarga, tidak dimuat (baris): 1\n' +
				'Orang di dua keluarga, tidak dimuat (baris): 1\n' +
				'NIK sama untuk nama lain dalam satu keluarga (baris): 0\n' +
				'NIK sama untuk nama lain di dua keluarga (baris): 0\n'
		);
		expect(stdout).toContain('  64.02.06.9999: 1 keluarga, 2 jiwa (baris data pertama 3)\n');
		expect(stdout).toContain('  notasi ilmiah Excel: 3 baris\n');
		expect(stdout).toContain('Temuan: 5 ditolak, 8 galat, 14 peringatan, 1 informasi\n');
		expect(stdout).toContain('Temuan (20 dari 28; pakai --out untuk semuanya):\n');
		expect(stdout).toContain(
			"  [ditolak] Berkas 'anggota.csv', baris data 9, kolom nomor_kartu_keluarga: '6402069999990009' tidak ada di berkas keluarga 'keluarga.csv'; anggota tanpa keluarga tidak dimuat.\n"
		);
	});

	it('writes every finding as CSV (semicolon on request) and as XLSX', async () => {
		const csvPath = join(dir, 'laporan.csv');
		const csv = await run(['report', `${REPORT_DIR}anggota.csv`, `${REPORT_DIR}keluarga.csv`, '--out', csvPath, '--semicolon']);
		expect(csv.code).toBe(0);
		expect(csv.stderr).toBe(`Rincian 28 temuan ditulis ke ${csvPath}.\n`);
		const text = await readFile(csvPath, 'utf8');
		const lines = text.split('\r\n');
		expect(lines[0]).toBe('\uFEFFtingkat;kode_alasan;berkas;baris_data;kolom;nilai;jumlah_baris;id_keluarga;id_anggota;pesan');
		expect(lines).toHaveLength(28 + 2); // header, 28 findings, final empty line
		expect(lines[1]).toMatch(/^rejected;person_in_two_families;anggota\.csv;7;nomor_induk_kependudukan;6402060101800001;1;6402061203180002;;"Berkas/);
		expect(lines[6]).toMatch(/^error;nik_scientific;anggota\.csv;2;nomor_induk_kependudukan;6,40206E\+15;1;6402060101150001;6,40206E\+15;"Berkas/);

		const xlsxPath = join(dir, 'laporan.xlsx');
		const xlsx = await run(['report', `${REPORT_DIR}excel-angka.csv`, `--out=${xlsxPath}`]);
		expect(xlsx.code).toBe(0);
		const bytes = await readFile(xlsxPath);
		expect(bytes.subarray(0, 2).toString()).toBe('PK');
	});

	it('exit 1 with the Indonesian message on a file that cannot be loaded; 2 on wrong arguments', async () => {
		const bad = await run(['report', fixture('garbage.csv')]);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain("Berkas 'garbage.csv'");
		expect((await run(['report', join(dir, 'tidak-ada.csv')])).code).toBe(1);
		expect((await run(['report'])).code).toBe(2);
		expect((await run(['report', 'a', 'b', 'c'])).code).toBe(2);
		expect((await run(['report', 'a', '--out'])).code).toBe(2);
		expect((await run(['report', 'a', '--bogus'])).code).toBe(2);
	});

	it('is listed in the help and runs through bin/tepat.js', async () => {
		const help = await run(['--help']);
		expect(help.stdout).toMatch(/\n {2}report +Laporan validasi/);
		const child = await new Promise<{ code: number; stdout: string }>((resolve) => {
			execFile(
				process.execPath,
				[join(ROOT, 'bin/tepat.js'), 'report', `${REPORT_DIR}excel-angka.csv`],
				{ cwd: tmpdir() },
				(error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout })
			);
		});
		expect(child.code).toBe(0);
		expect(child.stdout).toContain('Kolom nomor_induk_kependudukan (excel-angka.csv): 17 NIK berakhiran 0, kemungkinan rusak oleh Excel\n');
	});
});
