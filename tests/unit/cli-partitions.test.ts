/**
 * `tepat summary DIR` over a register partitioned by regency (DIR/kabupaten=64.03/…parquet): each
 * regency's rows are exactly those of its partition's files loaded alone; --kabupaten reads only its
 * partition; a folder that is not such a partition set is refused in words.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskWilayah } from '../../src/cli/wilayah';
import { PROVINCE_SUMMARY_HEADER, SUMMARY_HEADER } from '../../src/cli/summary';
import { loadSampleRegency } from '../../src/lib/sample/regency';
import { writeSample } from '../../src/lib/sample/write';
import { runCli } from './cli-run';

const PEOPLE = 2000;

/** A run without the load's seconds, the one part that differs from run to run. */
const untimed = (run: { code: number; stdout: string; stderr: string }) => ({
	...run,
	stderr: run.stderr.replace(/dalam [\d,]+ detik/g, 'dalam … detik')
});

describe('tepat summary over a folder partitioned by regency', () => {
	let root: string;
	let province: string;
	/** Each regency's own files, as generated: Berau as one combined file, Bontang as households + members. */
	const own: Record<string, string[]> = {};

	beforeAll(async () => {
		root = await mkdtemp(join(tmpdir(), 'tepat-partitions-'));
		province = join(root, 'kaltim');
		const layout = { '64.03': ['dtsen.parquet'], '64.74': ['dtsen-keluarga.parquet', 'dtsen-anggota.parquet'] } as const;
		for (const [i, [kode, names]] of Object.entries(layout).entries()) {
			const generated = join(root, 'generated', kode);
			const regency = await loadSampleRegency(diskWilayah, kode);
			await writeSample(generated, { people: PEOPLE, seed: 20 + i, formats: ['parquet'], schemas: ['dtsen'], regency });
			const partition = join(province, `kabupaten=${kode}`);
			await mkdir(partition, { recursive: true });
			for (const name of names) await copyFile(join(generated, name), join(partition, name));
			own[kode] = names.map((name) => join(generated, name));
		}
	});
	afterAll(async () => {
		if (root) await rm(root, { recursive: true, force: true });
	});

	it('all partitions: every regency in turn, each with the rows its own files give, and the province total', async () => {
		const run = await runCli(['summary', province]);
		expect(run.code).toBe(0);
		const [header, ...rows] = run.stdout.trimEnd().split('\n');
		expect(header).toBe(PROVINCE_SUMMARY_HEADER.join(','));
		let people = 0;
		for (const [kode, files] of Object.entries(own)) {
			const alone = await runCli(['summary', ...files]);
			expect(alone.code).toBe(0);
			const [aloneHeader, ...aloneRows] = alone.stdout.trimEnd().split('\n');
			expect(aloneHeader).toBe(SUMMARY_HEADER.join(','));
			const nama = kode === '64.03' ? 'Kabupaten Berau' : 'Kota Bontang';
			expect(rows.filter((r) => r.startsWith(`${kode},`))).toEqual(aloneRows.map((r) => `${kode},${nama},${r}`));
			expect(aloneRows.length).toBeGreaterThan(1);
			people += aloneRows.reduce((sum, r) => sum + Number(r.split(',').at(-1)), 0);
		}
		expect(people).toBe(2 * PEOPLE);
		expect(rows.every((r) => r.startsWith('64.03,') || r.startsWith('64.74,'))).toBe(true);
		expect(run.stderr).toContain('[1/2] kabupaten=64.03\nKabupaten Berau (64.03), dari nama partisi kabupaten=64.03.');
		expect(run.stderr).toContain('[2/2] kabupaten=64.74\nKota Bontang (64.74), dari nama partisi kabupaten=64.74.');
		expect(run.stderr).toMatch(/Total provinsi: 2 kabupaten\/kota, [\d.]+ keluarga, 4\.000 jiwa di [\d.]+ desa\/kelurahan/);
	});

	it('--kabupaten reads only its partition, exactly as its own files', async () => {
		for (const [kode, files] of Object.entries(own)) {
			const alone = await runCli(['summary', ...files, '--kabupaten', kode]);
			const pruned = await runCli(['summary', province, '--kabupaten', kode.replace('.', '')]);
			expect(untimed(pruned)).toEqual(untimed(alone));
		}
	});

	it('other register commands read one partition with --kabupaten, and ask for it without', async () => {
		const report = await runCli(['report', province, '--kabupaten', '64.74']);
		expect(report.code).toBe(0);
		expect(report.stderr).toContain('Kota Bontang (64.74), dipilih dengan --kabupaten.');
		const unchosen = await runCli(['report', province]);
		expect(unchosen).toMatchObject({ code: 1, stdout: '' });
		expect(unchosen.stderr.trim()).toBe(
			`'${province}' adalah folder partisi per kabupaten/kota: pilih satu dengan --kabupaten (mis. --kabupaten 64.03). Hanya tepat summary membaca semua partisi sekaligus.`
		);
	});

	it('a folder without partitions, an unknown regency, a partition that is not there: refused in words, in Indonesian or English', async () => {
		const empty = join(root, 'kosong');
		await mkdir(join(empty, 'lain'), { recursive: true });
		const none = await runCli(['summary', empty]);
		expect(none).toMatchObject({ code: 1, stdout: '' });
		expect(none.stderr.trim()).toBe(
			`Folder '${empty}' tidak berisi partisi Parquet per kabupaten/kota: tulis tiap kabupaten/kota di subfolder bernama kodenya, mis. ${empty}/kabupaten=64.02/dtsen.parquet.`
		);
		expect((await runCli(['--lang', 'en', 'summary', empty])).stderr.trim()).toBe(
			`Folder '${empty}' holds no Parquet partitions by regency: put each regency in a subfolder named after its code, e.g. ${empty}/kabupaten=64.02/dtsen.parquet.`
		);

		const unknown = join(root, 'tak-dikenal');
		await mkdir(join(unknown, 'kabupaten=64.99'), { recursive: true });
		await copyFile(own['64.03']?.[0] ?? '', join(unknown, 'kabupaten=64.99', 'dtsen.parquet'));
		const refused = await runCli(['summary', unknown]);
		expect(refused).toMatchObject({ code: 1, stdout: '' });
		expect(refused.stderr.trim()).toBe(
			`Partisi 'kabupaten=64.99' di folder '${unknown}': '64.99' bukan kode kabupaten/kota dalam daftar wilayah Indonesia. Namai partisi dengan kode Kemendagri, mis. kabupaten=64.02.`
		);
		expect((await runCli(['summary', unknown, '--lang=en'])).stderr.trim()).toBe(
			`Partition 'kabupaten=64.99' in folder '${unknown}': '64.99' is not a regency code in Indonesia's list. Name partitions by their Kemendagri code, e.g. kabupaten=64.02.`
		);

		const absent = await runCli(['summary', province, '--kabupaten', '64.02']);
		expect(absent).toMatchObject({ code: 1, stdout: '' });
		expect(absent.stderr.trim()).toBe(`Kabupaten/kota 64.02 tidak ada di antara partisi folder '${province}' (yang ada: 64.03, 64.74).`);
		expect((await runCli(['--lang', 'en', 'summary', province, '--kabupaten', '64.02'])).stderr.trim()).toBe(
			`Regency 64.02 is not among the partitions of folder '${province}' (there are: 64.03, 64.74).`
		);
	});

	it('a partition without Parquet, or a folder beside a file, is refused', async () => {
		const bare = join(root, 'tanpa-parquet');
		await mkdir(join(bare, 'kabupaten=64.03'), { recursive: true });
		const run = await runCli(['summary', bare]);
		expect(run).toMatchObject({ code: 1, stdout: '' });
		expect(run.stderr.trim()).toBe(
			`Partisi 'kabupaten=64.03' di folder '${bare}' berisi 0 berkas Parquet; harus satu berkas gabungan, atau dua: keluarga dan anggota keluarga.`
		);
		const mixed = await runCli(['summary', province, own['64.03']?.[0] ?? '']);
		expect(mixed.code).toBe(1);
		expect(mixed.stderr.trim()).toBe(`Sebutkan satu folder partisi saja, tanpa berkas lain ('${province}' adalah folder).`);
	});
});
