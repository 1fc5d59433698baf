import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run';

const MAPPING_DIR = fileURLToPath(new URL('../fixtures/mapping/', import.meta.url));

const run = runCli;

describe('a saved column mapping on the command line', () => {
	let dir: string;
	let mappingPath: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'tepat-cli-mapping-'));
		mappingPath = join(dir, 'pemetaan-kolom-dtsen.json');
		// What the Data screen's "Unduh pemetaan" writes after fixing the verval column.
		await writeFile(
			mappingPath,
			JSON.stringify({
				format: 'tepat-column-mapping',
				version: 1,
				source: 'dtsen',
				household: { verval_status: 'hasil_verval_2026', desil: 'desil_provinsi' },
				person: {}
			})
		);
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('report --mapping applies the choices; a choice the file lacks is named on stderr', async () => {
		const csv = `${MAPPING_DIR}dtsen-verval-baru.csv`;
		const guessed = await run(['report', csv]);
		expect(guessed.code).toBe(0);
		expect(guessed.stdout).toContain('Nilai kode tidak dikenal: 2 nilai, 7 baris\n');

		const mapped = await run(['report', csv, '--mapping', mappingPath]);
		expect(mapped.code).toBe(0);
		expect(mapped.stdout).toContain('Nilai kode tidak dikenal: 1 nilai, 4 baris\n');
		expect(mapped.stderr).toBe(
			'Kabupaten Kutai Kartanegara (64.02), terdeteksi dari kode desa (3 dari 3 keluarga).\n' +
				`Pemetaan '${mappingPath}': kolom 'desil_provinsi' untuk desil tidak ada di berkas; tebakan dipakai.\n`
		);
	});

	it('summary --sheet reads the named sheet of an XLSX, and the mapping works there too', async () => {
		const xlsx = `${MAPPING_DIR}dtsen-verval-baru.xlsx`;
		const ok = await run(['summary', xlsx, '--sheet', 'verval 2026', `--mapping=${mappingPath}`]);
		expect(ok.code).toBe(0);
		expect(ok.stdout.split('\n')[0]).toBe('kecamatan_kode,kecamatan_nama,desa_kelurahan,households,people');
		expect(ok.stderr).toContain('Total: 3 keluarga, 4 jiwa');
		const missing = await run(['summary', xlsx, '--sheet', 'Rekap']);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toBe("Berkas 'dtsen-verval-baru.xlsx' tidak punya lembar kerja 'Rekap'; lembar yang ada: 'Verval 2026'.\n");
	});

	it('a broken mapping file is refused with its name, before any load', async () => {
		const broken = join(dir, 'rusak.json');
		await writeFile(broken, '{"format":"tepat-column-mapping","version":2}');
		const result = await run(['summary', `${MAPPING_DIR}dtsen-verval-baru.csv`, '--mapping', broken]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(`Berkas pemetaan '${broken}' versi 2 tidak dikenal; versi yang didukung: 1.\n`);
		expect(result.stdout).toBe('');
		const absent = await run(['summary', `${MAPPING_DIR}dtsen-verval-baru.csv`, '--mapping', join(dir, 'tidak-ada.json')]);
		expect(absent.stderr).toBe(`Berkas pemetaan '${join(dir, 'tidak-ada.json')}' tidak ditemukan.\n`);
	});
});
