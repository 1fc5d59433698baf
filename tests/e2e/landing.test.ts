/**
 * Issue 15 point 1 end to end, on the bundled sample in the built site: the landing page (Ringkasan)
 * names the regency and the register, shows the need on each headline indicator and the budget per
 * programme as Node DuckDB computes them from the same prebuilt register and the default plan, lists
 * the villages most in need with links to the Map, and sorts its per-kecamatan table.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/lib/core/indicators';
import { programmeBudgets, regencyFigures, topVillages, type BudgetFigures } from '../../src/lib/core/landing';
import { PROGRAMME_IDS, defaultPlan, type ProgrammeId } from '../../src/lib/core/plan';
import { NodeEngine } from '../../src/lib/engine/node';
import { runAllocation, villageBudget } from '../../src/lib/queries/allocation';
import { villageIndicators } from '../../src/lib/queries/indicators';
import { restorePrebuiltSample } from '../../src/lib/state/sample';
import { LOAD_TIMEOUT, openKecamatan, waitForLandingSettled, waitForRegister, type Counts } from './screen';
import { pdfPageTexts } from './pdf';
import { ARTIFACTS_DIR, BUILD_DIR, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

let site: Site;
let sample: Counts;
let figures: Figures;
let budgets: Record<ProgrammeId, BudgetFigures>;
let topRtlh: string[];
let topAts: string[];
/** The kecamatan of the village with the most unfit houses: its villages and their RTLH total. */
let kecamatan: { kode: string; nama: string; villages: number; rtlh: number };

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	const engine = await NodeEngine.open();
	try {
		const prebuilt = await restorePrebuiltSample(engine, async (path) => new Response(await readFile(join(BUILD_DIR, path))));
		if (!prebuilt) throw new Error('the prebuilt sample register is missing from build/sample/register');
		const plan = defaultPlan();
		const villages = await villageIndicators(engine, plan);
		figures = regencyFigures(villages);
		topRtlh = topVillages(villages, 'rtlh').map((v) => v.kode);
		topAts = topVillages(villages, 'ats').map((v) => v.kode);
		const worst = topVillages(villages, 'rtlh')[0];
		if (!worst) throw new Error('no village with unfit houses in the sample');
		const own = villages.filter((v) => v.kecamatan_kode === worst.kecamatan_kode);
		kecamatan = {
			kode: worst.kecamatan_kode,
			nama: worst.kecamatan,
			villages: own.length,
			rtlh: own.reduce((s, v) => s + v.figures.rtlh.count, 0)
		};
		await runAllocation(engine, plan);
		budgets = programmeBudgets(await villageBudget(engine));
	} finally {
		await engine.close();
	}
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('the landing page on the bundled sample', () => {
	it('names the regency and the register, and shows the need and the budget the queries give', async () => {
		const { page } = site;
		await page.goto(site.url);
		await waitForRegister(page, sample);
		expect(await page.textContent('[data-testid="overview-title"]')).toContain('Kabupaten Kutai Kartanegara');
		expect(await page.textContent('[data-testid="landing-source"]')).toContain('DTSEN');

		await page.waitForSelector('[data-testid="landing-cards"][aria-busy="false"]', { timeout: LOAD_TIMEOUT });
		const need = await page.$$eval('[data-testid="landing-need"]', (cards) =>
			cards.map((c) => [c.getAttribute('data-indicator'), c.querySelector('.value')?.getAttribute('data-value')] as const)
		);
		const paket = figures.paket_a.count + figures.paket_b.count + figures.paket_c.count;
		expect(need).toEqual([
			['ats', String(figures.ats.count)],
			['rtlh', String(figures.rtlh.count)],
			['water_unsafe', String(figures.water_unsafe.count)],
			['paket', String(paket)]
		]);
		for (const [, value] of need) expect(Number(value)).toBeGreaterThan(0);
		expect(await page.getAttribute('[data-testid="landing-verified"]', 'data-verified')).toBe('false');

		await page.waitForSelector('[data-testid="landing-budget"]', { timeout: LOAD_TIMEOUT });
		for (const id of PROGRAMME_IDS) {
			const row = page.locator(`[data-testid="landing-budget-row"][data-programme="${id}"]`);
			const cell = async (col: string) => Number(await row.locator(`[data-col="${col}"]`).getAttribute('data-value'));
			const b = budgets[id];
			expect([await cell('need-units'), await cell('funded-units'), await cell('funded-rupiah'), await cell('unmet-units')], id).toEqual([
				b.needUnits,
				b.fundedUnits,
				b.fundedRupiah,
				b.unmetUnits
			]);
		}
		expect(PROGRAMME_IDS.some((id) => budgets[id].fundedUnits > 0)).toBe(true);

		// The small map of the chosen indicator: every village drawn, classes and a legend in the drawing.
		const map = page.locator('[data-testid="landing-map"]');
		await map.waitFor({ timeout: LOAD_TIMEOUT });
		expect(Number(await map.getAttribute('data-classes'))).toBeGreaterThan(1);
		expect(await map.locator('path[data-kode]').count()).toBe(237);
		expect(await map.textContent()).toContain('km');
		await site.screenshot('landing-01');
	});

	it('lists the villages most in need on the chosen indicator, each opening the Map on it', async () => {
		const { page } = site;
		const listed = () =>
			page.$$eval('[data-testid="landing-top-village"]', (items) => items.map((li) => li.getAttribute('data-kode') ?? ''));
		await page.waitForSelector('[data-testid="landing-top"][data-indicator="rtlh"] [data-testid="landing-top-village"]');
		expect(await listed()).toEqual(topRtlh);
		await page.selectOption('[data-testid="landing-top-indicator"]', 'ats');
		await page.waitForSelector('[data-testid="landing-top"][data-indicator="ats"]');
		expect(await listed()).toEqual(topAts);

		const first = topAts[0] ?? '';
		await page.click(`[data-testid="landing-top-village"][data-kode="${first}"] a`);
		await page.waitForSelector('[data-testid="map-indicator"]', { timeout: LOAD_TIMEOUT });
		expect(await page.inputValue('[data-testid="map-indicator"]')).toBe('ats');
		await page.waitForSelector(`[data-testid="indicator-table-row"][data-kode="${first}"][aria-current="true"]`, {
			timeout: LOAD_TIMEOUT
		});
	});

	it('sorts the per-kecamatan table by a need column and opens a kecamatan’s villages', async () => {
		const { page } = site;
		await page.click('[data-testid="nav-overview"]');
		await page.waitForSelector('[data-testid="kecamatan-row"] [data-col="rtlh"][data-value]:not([data-value=""])', {
			timeout: LOAD_TIMEOUT
		});
		await waitForLandingSettled(page);
		await page.click('[data-testid="kecamatan-sort-rtlh"]');
		const values = await page.$$eval('[data-testid="kecamatan-row"] [data-col="rtlh"]', (cells) =>
			cells.map((c) => Number(c.getAttribute('data-value')))
		);
		expect(values.length).toBe(20);
		expect(values).toEqual([...values].sort((a, b) => b - a));
		expect(values.reduce((a, b) => a + b, 0)).toBe(figures.rtlh.count);

		await openKecamatan(page, '[data-testid="kecamatan-select"] >> nth=0');
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});

	it('prints the regency brief on one or two A4 pages: headline figures, map, top villages, budget, a running header on each', async () => {
		const { page } = site;
		await page.click('[data-testid="nav-overview"]');
		await page.click('[data-testid="landing-print"]');
		await page.waitForSelector('[data-testid="print-brief"][data-ready="true"]', { timeout: LOAD_TIMEOUT });
		const checksum = (await page.textContent('[data-testid="brief-checksum"]'))?.trim() ?? '';
		expect(checksum).toMatch(/^[0-9a-f]{8,}$/);
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
		await writeFile(join(ARTIFACTS_DIR, 'landing-brief.pdf'), pdf);
		const pages = await pdfPageTexts(pdf);
		expect(pages.length).toBeGreaterThanOrEqual(1);
		expect(pages.length).toBeLessThanOrEqual(2);
		const id = (n: number) => n.toLocaleString('id-ID');
		const text = pages.join(' ');
		for (const n of [figures.ats.count, figures.rtlh.count, figures.water_unsafe.count]) expect(text).toContain(id(n));
		const funded = PROGRAMME_IDS.reduce((s, p) => s + budgets[p].fundedRupiah, 0);
		expect(text).toContain(`Rp ${id(funded)}`);
		expect(text).toContain('Kutai Kartanegara');
		for (const [i, pageText] of pages.entries()) {
			// pdf.js may split a long word of the margin box into runs: compare without spaces.
			expect(pageText.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`checksumregister${checksum}`);
			expect(pageText, `page ${i + 1}`).toContain(`${i + 1} / ${pages.length}`);
			// Nothing of the app's frame or controls on paper.
			expect(pageText).not.toContain('Ringkasan Peta');
			expect(pageText).not.toContain('Cetak');
		}
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});

	it('prints a kecamatan’s report: its villages’ map and figures, the kecamatan total, the running header on each page', async () => {
		const { page } = site;
		await page.click('[data-testid="nav-overview"]');
		await page.click(`[data-testid="kecamatan-row"][data-kode="${kecamatan.kode}"] [data-testid="kecamatan-print"]`);
		await page.waitForSelector(`[data-testid="print-kecamatan"][data-kode="${kecamatan.kode}"][data-ready="true"]`, {
			timeout: LOAD_TIMEOUT
		});
		expect(await page.locator('[data-testid="brief-village"]').count()).toBe(kecamatan.villages);
		expect(Number(await page.getAttribute('[data-testid="brief-village-total"] [data-col="rtlh"]', 'data-value'))).toBe(kecamatan.rtlh);
		expect(await page.locator('[data-testid="brief-map"] path[data-kode]').count()).toBe(kecamatan.villages);
		const checksum = (await page.textContent('[data-testid="brief-checksum"]'))?.trim() ?? '';
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
		await writeFile(join(ARTIFACTS_DIR, 'landing-kecamatan.pdf'), pdf);
		const pages = await pdfPageTexts(pdf);
		expect(pages.length).toBeGreaterThanOrEqual(1);
		expect(pages.length).toBeLessThanOrEqual(3);
		const text = pages.join(' ');
		expect(text).toContain(`Kecamatan ${kecamatan.nama}`);
		expect(text).toContain(kecamatan.rtlh.toLocaleString('id-ID'));
		for (const [i, pageText] of pages.entries()) {
			expect(pageText.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`checksumregister${checksum}`);
			expect(pageText, `page ${i + 1}`).toContain(`${i + 1} / ${pages.length}`);
		}

		await page.goto(`${site.url}cetak/kecamatan/?kode=64.02.99`);
		await page.waitForSelector('[data-testid="print-no-kecamatan"]', { timeout: LOAD_TIMEOUT });
		expect(await page.locator('[data-testid="print-kecamatan-list"] a').count()).toBe(20);
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
