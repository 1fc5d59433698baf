/**
 * Issue 6 end to end on the Plan screen (bundled sample): a water budget typed into APBD's row funds
 * water connections (the summary, the funding-line table and the unmet-need map change); a funded
 * household is excluded with a reason; the BNBA XLSX read back with exceljs holds the funded rows with
 * 16-digit NIK/KK text equal to DuckDB in Node for the same register and plan; the BNBA CSV is byte for
 * byte what `tepat plan` writes from the sample's source files and the plan saved from the screen; after
 * a reload the plan and its figures are the same. Nothing leaves the origin.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReference } from '../../src/cli/reference';
import { parsePlan, type Plan } from '../../src/lib/core/plan';
import { NodeEngine } from '../../src/lib/engine/node';
import { loadExcelJs } from '../../src/lib/export/exceljs';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { bnba, runAllocation, type BnbaRow } from '../../src/lib/queries/allocation';
import { runCli } from '../unit/cli-run';
import { LOAD_TIMEOUT, downloadOf, waitForAllocation, waitForColours, waitForRegister, type Counts } from './screen';
import { BUILD_DIR, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

const FIGURES = '[data-testid="plan-figures"]';
const WATER_BUDGET = 100_000_000;
const REASON = 'Sudah menerima hibah air minum 2025';

let site: Site;
let sample: Counts;
let registerFiles: string[];
let work: string;

/** Waits until the unmet-need map is drawn with a colour key other than `previous`. */
const unmetColours = (page: Page, previous: string | null = null) => waitForColours(page, previous, '[data-testid="unmet-map"]');

/** Waits until the funded list shows the rows of the current allocation. */
async function waitForList(page: Page): Promise<void> {
	await page.waitForFunction(
		() => {
			const list = document.querySelector('[data-testid="funded-list"]');
			const key = document.querySelector('[data-testid="plan-figures"]')?.getAttribute('data-key') ?? '';
			return list?.getAttribute('aria-busy') === 'false' && (list.getAttribute('data-key') ?? '').startsWith(`${key}|`);
		},
		undefined,
		{ timeout: LOAD_TIMEOUT }
	);
}

async function value(page: Page, testid: string): Promise<number> {
	return Number(await page.getAttribute(`[data-testid="${testid}"]`, 'data-value'));
}

/** What the screen shows, for comparing before and after a reload. */
async function shownFigures(page: Page): Promise<Record<string, string | null>> {
	return page.$$eval('[data-testid^="funded-units-"], [data-testid^="budget-line-"], [data-testid="budget-kecamatan-row"] td', (cells) =>
		Object.fromEntries(
			cells.map((c, i) => [
				`${c.getAttribute('data-testid') ?? c.closest('tr')?.getAttribute('data-kode')}:${i}`,
				c.getAttribute('data-value')
			])
		)
	);
}

/** The funded water list for the same register and plan, by DuckDB in Node from the sample's source files. */
async function nodeBnba(plan: Plan): Promise<BnbaRow[]> {
	const engine = await NodeEngine.open();
	try {
		const reference = await readReference(undefined);
		await loadReference(engine, reference);
		await ingestRegister(engine, await Promise.all(registerFiles.map((f) => fileByteSource(f))), reference);
		await runAllocation(engine, plan);
		return await bnba(engine, 'water');
	} finally {
		await engine.close();
	}
}

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	const register = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'register', 'register.json'), 'utf8')) as { names: string[] };
	registerFiles = register.names.map((name) => join(BUILD_DIR, 'sample', name));
	work = await mkdtemp(join(tmpdir(), 'tepat-e2e-rencana-'));
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
	if (work) await rm(work, { recursive: true, force: true });
});

describe('the Plan screen in Chromium', () => {
	let figuresBefore: Record<string, string | null>;
	let funded = 0;
	let excluded = '';
	let browserCsvBytes: Buffer;
	let savedPlan: Plan;

	it('funds water connections from a budget typed into APBD, and the unmet-need map changes', async () => {
		const { page } = site;
		await page.goto(site.url);
		await waitForRegister(page, sample);
		await page.click('[data-testid="nav-plan"]');
		await page.waitForURL(/\/rencana\/$/);
		let key = await waitForAllocation(page);
		// Default plan: only RTLH has money (APBD Rp 5 M), water none.
		expect(await value(page, 'funded-units-water')).toBe(0);
		expect(await value(page, 'funded-units-rtlh')).toBeGreaterThan(0);
		expect(await value(page, 'plan-budget-apbd-rtlh')).toBe(5_000_000_000);

		await page.selectOption('[data-testid="plan-programme"]', 'water');
		await page.waitForSelector('[data-testid="unmet-map"][data-programme="water"]');
		const colours = await unmetColours(page);

		await page.fill('[data-testid="plan-budget-apbd-water"]', '100.000.000');
		await page.press('[data-testid="plan-budget-apbd-water"]', 'Tab');
		key = await waitForAllocation(page, key);
		funded = await value(page, 'funded-units-water');
		// Rp 2,5 jt per connection in every zone (multiplier 1): Rp 100 jt reaches 40.
		expect(funded).toBe(WATER_BUDGET / 2_500_000);
		expect(await value(page, 'budget-line-apbd-water')).toBe(funded);
		expect(await page.getAttribute('[data-testid="budget-line-apbd-water"]', 'data-rupiah')).toBe(String(WATER_BUDGET));
		expect(await value(page, 'plan-budget-apbd-water')).toBe(WATER_BUDGET);
		expect(await page.inputValue('[data-testid="plan-budget-apbd-water"]')).toBe('100.000.000');
		await unmetColours(page, colours);
		await site.screenshot('rencana-01-water-budget');

		// The kecamatan table adds up to the summary.
		const kecamatanFunded = await page.$$eval('[data-testid="budget-kecamatan-row"] [data-col="funded_units"]', (tds) =>
			tds.reduce((n, td) => n + Number(td.getAttribute('data-value')), 0)
		);
		expect(kecamatanFunded).toBe(funded);
		// Split by funding line: every funded connection is APBD's, none APBN's.
		const byLine = (line: string) =>
			page.$$eval(`[data-testid="budget-kecamatan-row"] [data-col="line-${line}"]`, (tds) =>
				tds.reduce((n, td) => n + Number(td.getAttribute('data-value')), 0)
			);
		expect(await byLine('apbd')).toBe(funded);
		expect(await byLine('apbn')).toBe(0);
		expect(Number(await page.getAttribute('[data-testid="budget-total-row"] [data-col="line-apbd"]', 'data-value'))).toBe(funded);
		const first = page.locator('[data-testid="budget-kecamatan-row"]').first();
		const kode = await first.getAttribute('data-kode');
		await page.click(`[data-testid="budget-kecamatan-toggle-${kode}"]`);
		expect(await page.locator('[data-testid="budget-village-row"]').count()).toBeGreaterThan(0);

		// A refused amount is shown and the field keeps the budget in force.
		await page.fill('[data-testid="plan-budget-apbd-water"]', '1,5 juta');
		await page.press('[data-testid="plan-budget-apbd-water"]', 'Tab');
		await page.waitForSelector('[data-testid="lines-refused"]');
		expect(await page.inputValue('[data-testid="plan-budget-apbd-water"]')).toBe('100.000.000');
		expect(await page.getAttribute(FIGURES, 'data-key')).toBe(key);
	});

	it('excludes a funded household with a reason, listed as a manual change', async () => {
		const { page } = site;
		await waitForList(page);
		expect(Number(await page.getAttribute('[data-testid="funded-list"]', 'data-total'))).toBe(funded);
		const row = page.locator('[data-testid="funded-row"]').first();
		excluded = (await row.getAttribute('data-unit')) ?? '';
		expect(excluded).not.toBe('');
		const key = (await page.getAttribute(FIGURES, 'data-key')) ?? '';

		await page.click(`[data-testid="override-exclude-${excluded}"]`);
		// No reason: refused.
		await page.click('[data-testid="override-exclude-confirm"]');
		await page.waitForSelector('[data-testid="override-error"]');
		expect(await page.getAttribute(FIGURES, 'data-key')).toBe(key);

		await page.fill('[data-testid="override-exclude-reason"]', REASON);
		await page.click('[data-testid="override-exclude-confirm"]');
		await waitForAllocation(page, key);
		await waitForList(page);
		const overrides = page.locator('[data-testid="override-row"]');
		expect(await overrides.count()).toBe(1);
		expect(await overrides.first().getAttribute('data-unit')).toBe(excluded);
		expect(await overrides.first().textContent()).toContain(REASON);
		// The next household in the queue takes the place: still 40 funded, the excluded one not among them.
		expect(await value(page, 'funded-units-water')).toBe(funded);
		expect(await page.locator(`[data-testid="funded-row"][data-unit="${excluded}"]`).count()).toBe(0);
		figuresBefore = await shownFigures(page);
	});

	it('exports BNBA XLSX and CSV equal to DuckDB in Node and to `tepat plan` for the saved plan', async () => {
		const { page } = site;
		const saved = await downloadOf(page, 'plan-file-save');
		const planPath = join(work, saved.suggestedFilename());
		await saved.saveAs(planPath);
		const plan = parsePlan(await readFile(planPath, 'utf8'), 'rencana.json');
		expect(plan.fundingLines.find((l) => l.id === 'apbd')?.budgets.water).toBe(WATER_BUDGET);
		expect(plan.overrides).toEqual([{ programme: 'water', unitId: excluded, action: 'exclude', reason: REASON }]);

		const expected = await nodeBnba(plan);
		expect(expected.length).toBe(funded);

		const xlsx = await downloadOf(page, 'export-bnba-xlsx');
		expect(xlsx.suggestedFilename()).toBe('bnba-water.xlsx');
		const ExcelJS = await loadExcelJs();
		const workbook = new ExcelJS.Workbook();
		const bytes = await readFile((await xlsx.path()) ?? '');
		await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
		const sheet = workbook.getWorksheet('BNBA');
		if (!sheet) throw new Error('no sheet BNBA');
		expect(sheet.getCell('B2').value).toBe(plan.name);
		expect(sheet.getCell('B3').value).toBe(plan.date);
		expect(String(sheet.getCell('B4').value)).toMatch(/^[0-9a-f]{32}$/);
		// The sample's families still to be verified have no status, and land proof is asked of owners
		// only: both counted, as the title block notes.
		expect(sheet.getCell('A5').value).toBe('Catatan data');
		expect(String(sheet.getCell('B5').value)).toMatch(
			/^Filter verval: berlaku; status verval kosong di [0-9.]+ keluarga: tetap dihitung; Syarat milik lahan BSPS: berlaku; kepemilikan lahan kosong di [0-9.]+ keluarga: tetap dihitung$/
		);
		const header = (sheet.getRow(7).values as unknown[]).slice(1);
		expect(header.slice(0, 7)).toEqual(['No', 'kecamatan', 'kode_desa', 'desa_kelurahan', 'id_keluarga', 'no_kk', 'nik']);
		expect(sheet.rowCount).toBe(7 + funded);
		for (let i = 0; i < funded; i++) {
			const r = sheet.getRow(8 + i);
			const want = expected[i] as BnbaRow;
			expect(r.getCell(5).value).toBe(want.household_id);
			expect(r.getCell(6).value).toBe(want.kk);
			expect(r.getCell(7).value).toBe(want.nik);
			if (want.nik !== null) expect(typeof r.getCell(7).value).toBe('string');
			if (want.kk !== null) expect(typeof r.getCell(6).value).toBe('string');
		}
		// NIKs stay 16-digit text (no 6.4E+15, no lost leading digits).
		const niks = expected.map((r) => r.nik).filter((n): n is string => n !== null);
		expect(niks.filter((n) => /^\d{16}$/.test(n)).length).toBeGreaterThan(funded / 2);
		expect(expected.some((r) => r.household_id === excluded)).toBe(false);

		const csv = await downloadOf(page, 'export-bnba-csv');
		expect(csv.suggestedFilename()).toBe('bnba-water.csv');
		const browserCsv = await readFile((await csv.path()) ?? '');
		const out = join(work, 'cli');
		const cli = await runCli(['plan', '--register', ...registerFiles, '--plan', planPath, '--out', out]);
		expect(cli.code, cli.stderr).toBe(0);
		const cliCsv = await readFile(join(out, 'bnba-water.csv'));
		expect(browserCsv.equals(cliCsv)).toBe(true);

		const budget = await downloadOf(page, 'export-budget-xlsx');
		expect(budget.suggestedFilename()).toBe('ringkasan-anggaran.xlsx');
		browserCsvBytes = browserCsv;
		savedPlan = plan;
	});

	it('reads "Rp X more" off the coverage curve and compares with a second plan, keeping the first in force', async () => {
		const { page } = site;
		// Rp 1 M more at Rp 2,5 jt a connection: 400 more.
		await page.fill('[data-testid="coverage-more"]', '1.000.000.000');
		await page.press('[data-testid="coverage-more"]', 'Tab');
		await page.waitForSelector('[data-testid="coverage-chart"][data-rendered="true"]', { timeout: LOAD_TIMEOUT });
		expect(Number(await page.getAttribute('[data-testid="coverage-more-answer"]', 'data-units'))).toBe(400);

		const b = structuredClone(savedPlan);
		b.name = 'Rencana B';
		const apbd = b.fundingLines.find((l) => l.id === 'apbd');
		if (!apbd) throw new Error('no APBD line');
		apbd.budgets.water = 2 * WATER_BUDGET;
		b.overrides = [];
		await page.setInputFiles('[data-testid="compare-open-input"]', {
			name: 'rencana-b.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(b))
		});
		await page.waitForSelector('[data-testid="compare-row"][data-programme="water"]', { timeout: LOAD_TIMEOUT });
		const water = page.locator('[data-testid="compare-row"][data-programme="water"]');
		expect(await water.getAttribute('data-funded-a')).toBe(String(funded));
		expect(await water.getAttribute('data-funded-b')).toBe(String(2 * funded));
		const rtlh = page.locator('[data-testid="compare-row"][data-programme="rtlh"]');
		expect(await rtlh.getAttribute('data-funded-a')).toBe(await rtlh.getAttribute('data-funded-b'));
		await site.screenshot('rencana-02-compare');

		// Plan A is still the allocation in force: the same list, byte for byte.
		const again = await downloadOf(page, 'export-bnba-csv');
		expect((await readFile((await again.path()) ?? '')).equals(browserCsvBytes)).toBe(true);
		expect(await value(page, 'funded-units-water')).toBe(funded);
	});

	it('compares with any plan: a bad file shows its error alone; a plan with no water budget shows 0 water units for B', async () => {
		const { page } = site;
		const compare = page.locator('[data-testid="plan-compare"]');
		await page.setInputFiles('[data-testid="compare-open-input"]', {
			name: 'rusak.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"fundingLines": 7}')
		});
		await page.waitForSelector('[data-testid="compare-error"]', { timeout: LOAD_TIMEOUT });
		// The error alone: no heading and no table left from plan B's comparison.
		expect(await compare.getAttribute('data-state')).toBe('error');
		expect(await page.locator('[data-testid="compare-heading"]').count()).toBe(0);
		expect(await page.locator('[data-testid="compare-row"]').count()).toBe(0);

		const c = structuredClone(savedPlan);
		c.name = 'Rencana C tanpa air';
		for (const line of c.fundingLines) delete line.budgets.water;
		c.overrides = [];
		await page.setInputFiles('[data-testid="compare-open-input"]', {
			name: 'rencana-c.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(c))
		});
		await page.waitForSelector('[data-testid="plan-compare"][data-state="table"][aria-busy="false"]', { timeout: LOAD_TIMEOUT });
		expect(await page.locator('[data-testid="compare-error"]').count()).toBe(0);
		expect(await page.textContent('[data-testid="compare-heading"]')).toContain('Rencana C tanpa air');
		const water = page.locator('[data-testid="compare-row"][data-programme="water"]');
		expect(await water.getAttribute('data-funded-a')).toBe(String(funded));
		expect(await water.getAttribute('data-funded-b')).toBe('0');
		expect(await water.getAttribute('data-rupiah-b')).toBe('0');
		expect(await water.getAttribute('data-only-a')).toBe(String(funded));
		expect(await water.getAttribute('data-line-changed')).toBe('0');
		await site.screenshot('rencana-03-compare-no-water');
		// Plan A is still in force.
		expect(await value(page, 'funded-units-water')).toBe(funded);
	});

	it('keeps the plan and its figures after a reload, and nothing left the origin', async () => {
		const { page } = site;
		await page.reload();
		await waitForRegister(page, sample);
		await waitForAllocation(page);
		expect(await value(page, 'plan-budget-apbd-water')).toBe(WATER_BUDGET);
		expect(await value(page, 'funded-units-water')).toBe(funded);
		expect(await page.locator('[data-testid="override-row"]').count()).toBe(1);
		await page.selectOption('[data-testid="plan-programme"]', 'water');
		await page.waitForSelector('[data-testid="budget-kecamatan"][data-programme="water"]');
		expect(await shownFigures(page)).toEqual(figuresBefore);
		// The figures are kept in the browser, for the Plan screen to show at once on the next visit.
		const keptWater = await page.evaluate(
			() =>
				new Promise<number>((resolve, reject) => {
					const open = indexedDB.open('tepat-allocation');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const get = open.result.transaction('last').objectStore('last').get('last');
						get.onerror = () => reject(get.error);
						get.onsuccess = () => {
							const lines = (get.result?.figures?.lines ?? []) as { programme: string; units: number }[];
							resolve(lines.filter((l) => l.programme === 'water').reduce((sum, l) => sum + l.units, 0));
						};
					};
				})
		);
		expect(keptWater).toBe(funded);
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
