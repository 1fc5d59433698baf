import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReference } from '../../src/cli/reference';
import { defaultPlan, parsePlan, serialisePlan } from '../../src/lib/core/plan';
import { NodeEngine } from '../../src/lib/engine/node';
import { bnbaCsv, stampOf } from '../../src/lib/export/bnba';
import { planNotes } from '../../src/lib/words/capability-notes';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { bnba, registerChecksum, runAllocation } from '../../src/lib/queries/allocation';
import { registerFields } from '../../src/lib/queries/capabilities';
import { fixture } from '../fixtures/ingest';
import { runCli } from './cli-run';

const PAIR = [fixture('dtsen-keluarga.csv'), fixture('dtsen-anggota.csv')];
const PLAN = {
	name: '=1+1 Uji',
	date: '2026-11-23',
	population: { desil: { min: 1, max: 10 }, verval: ['found', 'unverified'] },
	fundingLines: [
		{
			id: 'apbd',
			name: 'APBD Kab. Uji',
			kind: 'APBD',
			budgets: { pip: 10_000_000, water: 10_000_000, rtlh: 100_000_000, paket: 10_000_000 }
		}
	]
};

describe('tepat plan', () => {
	let dir: string;
	let planPath: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'tepat-cli-plan-'));
		planPath = join(dir, 'rencana.json');
		await writeFile(planPath, JSON.stringify(PLAN));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('writes the allocation, a BNBA per programme and the budget summary, the same as in-process', async () => {
		const out = join(dir, 'hasil');
		const { code, stderr } = await runCli(['plan', '--register', ...PAIR, '--plan', planPath, '--out', out]);
		expect(stderr).toContain("Rencana '=1+1 Uji'");
		expect(code).toBe(0);
		expect((await readdir(out)).sort()).toEqual(
			[
				'alokasi.csv',
				'rencana.json',
				'ringkasan-anggaran.xlsx',
				...['bsps', 'paket', 'pip', 'rtlh', 'water'].flatMap((p) => [`bnba-${p}.csv`, `bnba-${p}.xlsx`])
			].sort()
		);

		// The same register and plan in-process: the CLI's CSV is byte for byte what the app writes.
		const engine = await NodeEngine.open();
		try {
			const reference = await readReference(undefined);
			await loadReference(engine, reference);
			await ingestRegister(engine, await Promise.all(PAIR.map((f) => fileByteSource(f))), reference);
			const plan = parsePlan(JSON.stringify(PLAN), 'rencana.json');
			await runAllocation(engine, plan);
			const stamp = stampOf(plan, await registerChecksum(engine), reference.kabupaten, planNotes(await registerFields(engine), plan));
			// Rapak Lambur's family has no verval status: counted, and every export says so.
			expect(stamp.notes).toEqual(['Filter verval: berlaku; status verval kosong di 1 keluarga: tetap dihitung']);
			for (const programme of ['pip', 'water', 'rtlh'] as const) {
				const rows = await bnba(engine, programme);
				expect(await readFile(join(out, `bnba-${programme}.csv`), 'utf8')).toBe(bnbaCsv(rows, stamp));
			}
			const water = await bnba(engine, 'water');
			expect(water.length).toBeGreaterThan(0);

			// XLSX read back: the title block carries plan and checksum; NIK and KK are 16-digit text.
			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.readFile(join(out, 'bnba-water.xlsx'));
			const sheet = workbook.getWorksheet('BNBA')!;
			expect(sheet.getCell('A1').value).toBe('BNBA Sambungan air bersih — Kabupaten Kutai Kartanegara (64.02)');
			expect(sheet.getCell('B2').value).toBe('=1+1 Uji'); // a string cell: text, not a formula
			expect(sheet.getCell('B4').value).toBe(stamp.registerChecksum);
			expect(sheet.getCell('B5').value).toBe(stamp.notes[0]);
			const header = sheet.getRow(7).values as unknown[];
			const nikColumn = header.indexOf('nik');
			const kkColumn = header.indexOf('no_kk');
			expect(sheet.getRow(8).getCell(nikColumn).value).toBe(water[0]!.nik);
			expect(sheet.getRow(8).getCell(kkColumn).value).toBe(water[0]!.kk);
			expect(String(water[0]!.kk)).toMatch(/^\d{16}$/);
			// The budget summary: lines, villages, and villages split by funding line.
			const budget = new ExcelJS.Workbook();
			await budget.xlsx.readFile(join(out, 'ringkasan-anggaran.xlsx'));
			expect(budget.worksheets.map((w) => w.name)).toEqual(['Sumber dana', 'Per desa', 'Per desa × sumber dana']);
			const split = budget.getWorksheet('Per desa × sumber dana')!;
			const waterRows = split.getSheetValues().filter((r) => Array.isArray(r) && r[1] === 'Sambungan air bersih');
			expect(waterRows.reduce((n, r) => n + Number((r as unknown[])[6]), 0)).toBe(water.length);
		} finally {
			await engine.close();
		}
		// The plan used, complete (defaults filled in): opened again it is the same plan.
		const written = await readFile(join(out, 'rencana.json'), 'utf8');
		expect(written).toBe(serialisePlan(parsePlan(JSON.stringify(PLAN), 'rencana.json')));
		expect(parsePlan(written, 'rencana.json').fundingLines[0]!.budgets.water).toBe(10_000_000);
		// In CSV a spreadsheet would run it: neutralised with an apostrophe.
		const csv = await readFile(join(out, 'bnba-water.csv'), 'utf8');
		expect(csv.split('\r\n')[0]).toMatch(/,rencana,tanggal_rencana,checksum_register,kode_kabupaten,kabupaten_kota,catatan_data$/);
		expect(csv.split('\r\n')[1]).toContain(",'=1+1 Uji,2026-11-23,");
		expect(csv.split('\r\n')[1]).toMatch(/,64\.02,Kabupaten Kutai Kartanegara,[^,]+$/);
		// The funding line by its name, not its id.
		expect(csv.split('\r\n')[1]).toMatch(/,APBD Kab\. Uji,\d+,/);
	});

	it('with --lang en writes the BNBA and the budget summary with English headers, titles and sheets', async () => {
		const out = join(dir, 'english');
		const { code } = await runCli(['--lang', 'en', 'plan', '--register', ...PAIR, '--plan', planPath, '--out', out]);
		expect(code).toBe(0);
		const csv = (await readFile(join(out, 'bnba-water.csv'), 'utf8')).split('\r\n');
		expect(csv[0]).toBe(
			'\uFEFFno,programme,district,village_code,village,household_id,kk_number,nik,name,address,decile,eligibility_reason,rank,' +
				'funding_line,cost_rupiah,manual_change_reason,plan,plan_date,register_checksum,regency_code,regency,data_notes'
		);
		expect(csv[1]).toMatch(/,APBD Kab\. Uji,\d+,/);
		// The data notes in English too: Rapak Lambur's family has no verval status and is counted.
		expect(csv[1]).toMatch(/,Population filter by verification: applies; verification status empty for 1 household\(s\): counted$/);

		const list = new ExcelJS.Workbook();
		await list.xlsx.readFile(join(out, 'bnba-water.xlsx'));
		const sheet = list.getWorksheet('BNBA')!;
		expect(sheet.getCell('A1').value).toBe('BNBA Clean-water connection — Kabupaten Kutai Kartanegara (64.02)');
		expect([sheet.getCell('A2').value, sheet.getCell('A3').value, sheet.getCell('A4').value, sheet.getCell('A5').value]).toEqual([
			'Plan',
			'Plan date',
			'Register checksum',
			'Data notes'
		]);
		expect((sheet.getRow(7).values as unknown[]).slice(1, 4)).toEqual(['No', 'district', 'village_code']);

		const budget = new ExcelJS.Workbook();
		await budget.xlsx.readFile(join(out, 'ringkasan-anggaran.xlsx'));
		expect(budget.worksheets.map((w) => w.name)).toEqual(['Funding lines', 'Per village', 'Per village × funding line']);
		const lines = budget.getWorksheet('Funding lines')!;
		expect(lines.getCell('A1').value).toBe('Budget summary per programme and funding line — Kabupaten Kutai Kartanegara (64.02)');
		expect((lines.getRow(7).values as unknown[]).slice(1)).toEqual(['Programme', 'Funding line', 'Units', 'Rupiah']);
		const water = lines.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Clean-water connection') as unknown[] | undefined;
		expect(water?.[2]).toBe('APBD Kab. Uji');
	});

	it('refuses a wrong plan (exit 1, the file named) and asks for what is missing (exit 2)', async () => {
		const bad = join(dir, 'rusak.json');
		await writeFile(bad, '{"fundingLines": [{"id": "apbd", "budgets": {"pip": "banyak"}}]}');
		const refused = await runCli(['plan', '--register', ...PAIR, '--plan', bad, '--out', join(dir, 'x')]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain(`Berkas rencana '${bad}': fundingLines[0].budgets.pip harus berupa angka.`);
		const noOut = await runCli(['plan', '--register', ...PAIR, '--plan', planPath]);
		expect(noOut.code).toBe(2);
		expect(noOut.stderr).toContain('--out');
		expect((await runCli(['plan', '--plan', planPath, '--out', dir])).code).toBe(2);
	});

	it('without --plan uses the default plan, says so, and writes it into the folder', async () => {
		const out = join(dir, 'baku');
		const { code, stderr } = await runCli(['plan', '--register', ...PAIR, '--out', out]);
		expect(code).toBe(0);
		expect(stderr).toContain('Tanpa --plan: rencana baku dipakai');
		expect(stderr).toContain("Rencana 'Rencana baru'");
		expect(await readFile(join(out, 'rencana.json'), 'utf8')).toBe(serialisePlan(defaultPlan()));
		// The default plan funds only regional RTLH (APBD): every funded row of alokasi.csv is RTLH from APBD.
		const rows = (await readFile(join(out, 'alokasi.csv'), 'utf8')).trim().split('\r\n');
		const header = rows[0]!.split(',');
		const funded = rows
			.slice(1)
			.map((r) => r.split(','))
			.filter((r) => r[header.indexOf('status')] === 'funded');
		expect(funded.length).toBeGreaterThan(0);
		expect(new Set(funded.map((r) => `${r[header.indexOf('programme')]}/${r[header.indexOf('funding_line')]}`))).toEqual(
			new Set(['rtlh/apbd'])
		);
	});
});
