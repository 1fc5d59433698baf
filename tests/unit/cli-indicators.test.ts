import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS_HEADER } from '../../src/cli/indicators';
import { readReference } from '../../src/cli/reference';
import { defaultPlan } from '../../src/lib/core/plan';
import { NodeEngine } from '../../src/lib/engine/node';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { villageIndicators } from '../../src/lib/queries/indicators';
import { editCsv, fixtureText } from '../fixtures/capabilities';
import { fixture } from '../fixtures/ingest';
import { runCli } from './cli-run';

const PAIR = [fixture('dtsen-keluarga.csv'), fixture('dtsen-anggota.csv')];

describe('tepat indicators', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'tepat-cli-indicators-'));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('prints one row per reference village with every count and denominator, as the app computes them', async () => {
		const { code, stdout } = await runCli(['indicators', '--register', ...PAIR]);
		expect(code).toBe(0);
		const lines = stdout.trimEnd().split('\n');
		expect(lines[0]).toBe(INDICATORS_HEADER.join(','));
		const reference = await readReference(undefined);
		expect(lines).toHaveLength(1 + reference.villages.length);

		const engine = await NodeEngine.open();
		try {
			await loadReference(engine, reference);
			await ingestRegister(engine, await Promise.all(PAIR.map((f) => fileByteSource(f))), reference);
			const rows = await villageIndicators(engine, defaultPlan());
			const expected = rows.map((r) =>
				[r.kode, r.nama, r.kecamatan, ...Object.values(r.figures).flatMap((f) => [f.count, f.denominator])].join(',')
			);
			expect(lines.slice(1)).toEqual(expected);
			// The fixture's households are in Tenggarong; at least one figure there is not zero.
			const jahab = lines.find((l) => l.startsWith('64.02.06.1001,'));
			expect(
				jahab
					?.split(',')
					.slice(3)
					.some((v) => v !== '0')
			).toBe(true);
		} finally {
			await engine.close();
		}
	});

	it('--plan changes the population; a wrong plan is refused naming the file and field', async () => {
		const wide = join(dir, 'rencana-semua-desil.json');
		await writeFile(
			wide,
			JSON.stringify({ name: 'Semua desil', population: { desil: { min: 1, max: 10 }, verval: ['found', 'unverified'] } })
		);
		const base = await runCli(['indicators', '--register', ...PAIR]);
		const widened = await runCli(['indicators', '--register', ...PAIR, '--plan', wide]);
		expect(widened.code).toBe(0);
		expect(widened.stderr).toContain("rencana 'Semua desil'");
		const total = (csv: string, column: string) => {
			const [head, ...rows] = csv.trimEnd().split('\n');
			const i = head!.split(',').indexOf(column);
			return rows.reduce((sum, row) => sum + Number(row.split(',')[i]), 0);
		};
		expect(total(widened.stdout, 'rtlh_denominator')).toBeGreaterThan(total(base.stdout, 'rtlh_denominator'));

		const bad = join(dir, 'rusak.json');
		await writeFile(bad, '{"indicators": {"housing": {"minFloorAreaPerPerson": -1}}}');
		const refused = await runCli(['indicators', '--register', ...PAIR, '--plan', bad]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain(`Berkas rencana '${bad}': indicators.housing.minFloorAreaPerPerson harus antara`);
		expect(refused.stdout).toBe('');
	});

	it('a register without a verval column: figures by default, and a note that the filter did not apply', async () => {
		const path = join(dir, 'dtsen-tanpa-verval.csv');
		await writeFile(path, editCsv(await fixtureText('dtsen-flat.csv'), { drop: ['status_verval'] }));
		const { code, stdout, stderr } = await runCli(['indicators', '--register', path]);
		expect(code).toBe(0);
		const [head, ...rows] = stdout.trimEnd().split('\n');
		const columns = head!.split(',');
		const cell = (kode: string, column: string) => rows.find((r) => r.startsWith(`${kode},`))?.split(',')[columns.indexOf(column)];
		// Desil 1–4: Jahab's family (desil 2, earth floor) and Tabang's (desil 1, earth floor, bamboo
		// wall), the latter deceased in the file with the column and counted now that no status exists.
		expect([cell('64.02.06.1001', 'rtlh_count'), cell('64.02.06.1001', 'rtlh_denominator')]).toEqual(['1', '1']);
		expect([cell('64.02.12.2001', 'rtlh_count'), cell('64.02.12.2001', 'rtlh_denominator')]).toEqual(['1', '1']);
		// Rapak Lambur's family is desil 5: outside the default population.
		expect(cell('64.02.06.2012', 'rtlh_denominator')).toBe('0');
		expect(stderr).toContain('Catatan: Filter verval: tidak berlaku (tidak ada kolom status verval)\n');
	});

	it('a register without floor area or certificate: those indicators are empty, never 0, and said on stderr', async () => {
		const path = join(dir, 'dtsen-tanpa-luas-ijazah.csv');
		await writeFile(path, editCsv(await fixtureText('dtsen-flat.csv'), { drop: ['luas_lantai', 'ijazah_tertinggi_yang_dimiliki'] }));
		const { code, stdout, stderr } = await runCli(['indicators', '--register', path]);
		expect(code).toBe(0);
		const [head, ...rows] = stdout.trimEnd().split('\n');
		const columns = head!.split(',');
		const jahab = rows.find((r) => r.startsWith('64.02.06.1001,'))!.split(',');
		const cell = (column: string) => jahab[columns.indexOf(column)];
		for (const id of ['rtlh_crowding', 'paket_a', 'paket_b', 'paket_c']) {
			expect([cell(`${id}_count`), cell(`${id}_denominator`)]).toEqual(['', '']);
			// In every village, not only the one with records.
			expect(rows.every((r) => r.split(',')[columns.indexOf(`${id}_count`)] === '')).toBe(true);
		}
		// What the register still feeds stays a figure (Jahab's family: earth floor).
		expect([cell('rtlh_count'), cell('rtlh_denominator')]).toEqual(['1', '1']);
		expect(stderr).toContain('Catatan: luas lantai per jiwa (RTLH): tidak bisa dihitung (tidak ada kolom luas lantai');
		expect(stderr).toContain('Catatan: calon Paket A: tidak bisa dihitung (tidak ada kolom ijazah');
		expect(stderr).toContain('Catatan: anak tidak sekolah (ATS): sebagian (tidak ada kolom ijazah');
	});

	it('needs --register', async () => {
		const { code, stderr } = await runCli(['indicators', ...PAIR]);
		expect(code).toBe(2);
		expect(stderr).toContain('--register');
	});
});
