/** `tepat --lang en report`: the findings and the report's labels in English; without --lang, in Indonesian. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run';

const REPORT_DIR = fileURLToPath(new URL('../fixtures/report/', import.meta.url));
const FILES = [`${REPORT_DIR}keluarga.csv`, `${REPORT_DIR}anggota.csv`];

describe('tepat report in two languages', () => {
	it('words the findings and the labels in the language asked for', async () => {
		const en = await runCli(['--lang', 'en', 'report', ...FILES]);
		expect(en.code).toBe(0);
		expect(en.stdout).toContain(
			"  [rejected] File 'anggota.csv', data row 9, column nomor_kartu_keluarga: '6402069999990009' is not in the household file 'keluarga.csv'; a member without a household is not loaded.\n"
		);
		expect(en.stdout).toContain('Repeated people in one family, not loaded (rows): 1\n');
		const id = await runCli(['report', ...FILES]);
		expect(id.stdout).toContain(
			"  [ditolak] Berkas 'anggota.csv', baris data 9, kolom nomor_kartu_keluarga: '6402069999990009' tidak ada di berkas keluarga 'keluarga.csv'; anggota tanpa keluarga tidak dimuat.\n"
		);
		expect(id.stdout).toContain('Orang ganda dalam satu keluarga, tidak dimuat (baris): 1\n');
	});
});
