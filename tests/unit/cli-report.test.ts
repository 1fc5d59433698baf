import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run';
import { editCsv, fixtureText } from '../fixtures/capabilities';
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
		expect(stdout).toContain(
			'Laporan validasi pemuatan (DTSEN): Kabupaten Kutai Kartanegara (64.02)\n  keluarga.csv (CSV, utf-8): 6 baris dibaca\n  anggota.csv (CSV, utf-8): 16 baris dibaca\n'
		);
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
		expect(stdout).toContain('Temuan: 5 ditolak, 8 galat, 14 peringatan, 2 informasi\n');
		expect(stdout).toContain('Temuan (20 dari 29; pakai --out untuk semuanya):\n');
		expect(stdout).toContain(
			"  [ditolak] Berkas 'anggota.csv', baris data 9, kolom nomor_kartu_keluarga: '6402069999990009' tidak ada di berkas keluarga 'keluarga.csv'; anggota tanpa keluarga tidak dimuat.\n"
		);
	});

	it('writes every finding as CSV (semicolon on request) and as XLSX', async () => {
		const csvPath = join(dir, 'laporan.csv');
		const csv = await run(['report', `${REPORT_DIR}anggota.csv`, `${REPORT_DIR}keluarga.csv`, '--out', csvPath, '--semicolon']);
		expect(csv.code).toBe(0);
		expect(csv.stderr).toBe(
			`Kabupaten Kutai Kartanegara (64.02), terdeteksi dari kode desa (5 dari 5 keluarga).\nRincian 29 temuan ditulis ke ${csvPath}.\n`
		);
		const text = await readFile(csvPath, 'utf8');
		const lines = text.split('\r\n');
		expect(lines[0]).toBe('\uFEFFtingkat;kode_alasan;berkas;baris_data;kolom;nilai;jumlah_baris;id_keluarga;id_anggota;pesan');
		expect(lines).toHaveLength(29 + 2); // header, 29 findings (the regency among them), final empty line
		expect(lines[1]).toMatch(
			/^rejected;person_in_two_families;anggota\.csv;7;nomor_induk_kependudukan;6402060101800001;1;6402061203180002;;"Berkas/
		);
		expect(lines[6]).toMatch(
			/^error;nik_scientific;anggota\.csv;2;nomor_induk_kependudukan;6,40206E\+15;1;6402060101150001;6,40206E\+15;"Berkas/
		);

		const xlsxPath = join(dir, 'laporan.xlsx');
		const xlsx = await run(['report', `${REPORT_DIR}excel-angka.csv`, `--out=${xlsxPath}`]);
		expect(xlsx.code).toBe(0);
		const bytes = await readFile(xlsxPath);
		expect(bytes.subarray(0, 2).toString()).toBe('PK');
	});

	it('says what the register can feed: the columns found and, without ownership and verval, what does not apply', async () => {
		const path = join(dir, 'dtsen-tanpa-kepemilikan.csv');
		const csv = editCsv(await fixtureText('dtsen-flat.csv'), { drop: ['status_verval', 'bukti_kepemilikan_lahan'] });
		await writeFile(path, csv);
		const { code, stdout } = await run(['report', path]);
		expect(code).toBe(0);
		// 33 canonical columns; DTSEN has no roof or wall condition, this file no verval or land ownership.
		expect(stdout).toContain(
			'\nKolom register: 28 dari 33 ditemukan\n  Tidak ada: kepemilikan lahan, kondisi dinding, kondisi atap, status verval\n'
		);
		expect(stdout).toContain(
			'  rumah tidak layak huni (RTLH): lengkap\n    tidak ada kolom kondisi atap: atap berkondisi buruk tidak terhitung\n'
		);
		expect(stdout).toContain(
			'  BSPS (bedah rumah APBN): sebagian\n' +
				'    tidak ada kolom kondisi atap: atap berkondisi buruk tidak terhitung\n' +
				'    tidak ada kolom kondisi dinding: dinding berkondisi buruk tidak terhitung\n' +
				'    tidak ada kolom kepemilikan lahan: syarat milik lahan BSPS tidak bisa diperiksa\n'
		);
		expect(stdout).toContain(
			'Populasi dan syarat (rencana bawaan):\n' +
				'  Filter desil: berlaku\n' +
				'  Filter verval: tidak berlaku (tidak ada kolom status verval)\n' +
				'  Syarat milik lahan BSPS: tidak berlaku (tidak ada kolom kepemilikan lahan)\n' +
				'  Syarat milik rumah BSPS: berlaku\n' +
				'  Syarat milik rumah RTLH: berlaku\n'
		);

		const xlsxPath = join(dir, 'laporan-kemampuan.xlsx');
		expect((await run(['report', path, '--out', xlsxPath])).code).toBe(0);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(xlsxPath);
		const sheet = workbook.getWorksheet('Kolom dan kemampuan');
		expect(sheet?.getCell('A1').value).toBe('Kolom register: 28 dari 33 ditemukan');
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
