/**
 * Issue 11 point 3 end to end: a generated DTSEN register without a verval column (and without land
 * ownership or certificates, every family renting, every family desil 2) loads with non-zero figures under the default
 * plan, the Data screen lists what it can feed, the population chips say the verval filter does not
 * apply, and when a setting leaves nobody the Map and Plan screens name it and undo it on the spot.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlan } from '../../src/lib/core/plan';
import { NodeEngine } from '../../src/lib/engine/node';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { populationFunnel } from '../../src/lib/queries/capabilities';
import { villageIndicators } from '../../src/lib/queries/indicators';
import { REFERENCE } from '../../src/lib/sample/region';
import { csvSource, editCsv, generatedDtsen } from '../fixtures/capabilities';
import { LOAD_TIMEOUT, dataValue, saveOutcome, waitForColours, waitForRegister, type Counts } from './screen';
import { assertPrerequisites, foreignRequests, openSite, type Site } from './site';

const FILE = 'dtsen-tanpa-verval.csv';
const FIGURES = '[data-testid="map-below"]';

let site: Site;
let csv: string;
let counts: Counts;
/** Computed in Node from the same file under the default plan. */
let unfitHouses: number;
let rtlhByVillage: Map<string, number>;

async function rtlhCounts(page: Page): Promise<Map<string, number>> {
	await page.selectOption('[data-testid="map-indicator"]', 'rtlh');
	await page.check('[data-testid="map-measure-rate"]');
	await page.waitForSelector('[data-testid="indicator-table"][data-indicator="rtlh"][data-measure="rate"]');
	const pairs = await page.$$eval('[data-testid="indicator-table-row"]', (rows) =>
		rows.map(
			(row) => [row.getAttribute('data-kode') ?? '', Number(row.querySelector('[data-col="count"]')?.getAttribute('data-value'))] as const
		)
	);
	return new Map(pairs.filter(([, n]) => n > 0));
}

/** Waits until the Map's figures are for a register and plan other than `previous`, and idle. */
async function waitForFigures(page: Page, previous = ''): Promise<string> {
	await page.waitForFunction(
		({ selector, previous }) => {
			const figures = document.querySelector(selector);
			const key = figures?.getAttribute('data-key') ?? '';
			return key !== '' && key !== previous && figures?.getAttribute('aria-busy') === 'false';
		},
		{ selector: FIGURES, previous },
		{ timeout: LOAD_TIMEOUT }
	);
	return (await page.getAttribute(FIGURES, 'data-key')) ?? '';
}

beforeAll(async () => {
	assertPrerequisites();
	const generated = generatedDtsen();
	csv = editCsv(generated.csv, {
		drop: ['status_verval', 'bukti_kepemilikan_lahan', 'ijazah_tertinggi_yang_dimiliki'],
		set: { desil_nasional: '2', status_kepemilikan_rumah: '2' }
	});
	counts = { households: generated.sample.families.length, people: generated.sample.persons.length };
	const engine = await NodeEngine.open();
	try {
		await loadReference(engine, REFERENCE);
		await ingestRegister(engine, [csvSource(FILE, csv)], REFERENCE);
		const rows = await villageIndicators(engine, defaultPlan());
		rtlhByVillage = new Map(rows.filter((r) => r.figures.rtlh.count > 0).map((r) => [r.kode, r.figures.rtlh.count]));
		unfitHouses = (await populationFunnel(engine, defaultPlan())).housing.bsps.need;
	} finally {
		await engine.close();
	}
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('a register without a verval column in Chromium', () => {
	it('loads, and the Data screen lists what it can feed, again after a reload', async () => {
		const { page } = site;
		await page.goto(`${site.url}data/`);
		await page.waitForSelector('[data-testid="mapping-sample"]', { timeout: LOAD_TIMEOUT });
		await page.setInputFiles('[data-testid="file-input"]', { name: FILE, mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await waitForRegister(page, counts);
		expect((await saveOutcome(page)).state).toBe('saved');

		for (const pass of ['load', 'reload']) {
			if (pass === 'reload') {
				await page.reload();
				await waitForRegister(page, counts);
			}
			await page.waitForSelector('[data-testid="capability-list"][data-ready="true"]', { timeout: LOAD_TIMEOUT });
			const absent = (await page.textContent('[data-testid="cap-fields-absent"]')) ?? '';
			expect(absent).toContain('Status verval');
			expect(absent).toContain('Status/bukti kepemilikan lahan');
			const verval = page.locator('[data-testid="cap-filter-verval"]');
			expect(await verval.getAttribute('data-applies')).toBe('false');
			expect((await verval.textContent())?.trim()).toBe('Filter verval: tidak berlaku (tidak ada kolom Status verval)');
			expect(await page.getAttribute('[data-testid="cap-requirement-bsps-land"]', 'data-applies')).toBe('false');
			expect(await page.getAttribute('[data-testid="cap-requirement-bsps-house"]', 'data-applies')).toBe('true');
			expect(await page.getAttribute('[data-testid="cap-indicator-rtlh"]', 'data-status')).toBe('full');
			expect(await page.getAttribute('[data-testid="cap-programme-bsps"]', 'data-status')).toBe('partial');
			expect(await page.textContent('[data-testid="cap-programme-bsps"]')).toContain(
				'tidak ada kolom Status/bukti kepemilikan lahan: syarat milik lahan'
			);
		}
		await site.screenshot('capabilities-01-data');
	});

	it('the Map shows non-zero figures by default with the notice; a desil range that leaves nobody is named and undone there', async () => {
		const { page } = site;
		await page.goto(`${site.url}peta/`);
		await waitForRegister(page, counts);
		let key = await waitForFigures(page);
		await waitForColours(page);
		const chip = page.locator('[data-testid="chip-verval"]');
		await page.waitForSelector('[data-testid="chip-verval"][data-applies="false"]', { timeout: LOAD_TIMEOUT });
		expect((await chip.textContent())?.trim()).toBe('Verval: tidak berlaku (tidak ada kolom status verval)');
		await page.waitForSelector('[data-testid="population-verval-off"]');

		const shown = await rtlhCounts(page);
		const rtlhRows = await page.locator('[data-testid="indicator-table-row"]').count();
		expect(shown).toEqual(rtlhByVillage);
		expect([...shown.values()].reduce((a, b) => a + b, 0)).toBe(unfitHouses);
		expect(unfitHouses).toBeGreaterThan(0);
		expect(await page.$('[data-testid="empty-notice"]')).toBeNull();
		await site.screenshot('capabilities-02-map');

		// No certificate column: Paket A is not computed. The map, its table twin and the tooltip say so;
		// no village shows a count of 0 that was never counted.
		await page.selectOption('[data-testid="map-indicator"]', 'paket_a');
		await page.waitForSelector('[data-testid="map-capability"][data-status="none"]', { timeout: LOAD_TIMEOUT });
		await page.waitForSelector('[data-testid="indicator-table"][data-indicator="paket_a"][data-computed="false"]');
		expect(await page.textContent('[data-testid="indicator-table-not-computed"]')).toContain('tidak dihitung');
		const cells = await page.$$eval('[data-testid="indicator-table-row"]', (rows) =>
			rows.map((row) =>
				['value', 'count', 'denominator'].map((col) => row.querySelector(`[data-col="${col}"]`)?.getAttribute('data-value') ?? 'absent')
			)
		);
		expect(rtlhRows).toBeGreaterThan(0);
		expect(cells.length).toBe(rtlhRows);
		expect(new Set(cells.flat())).toEqual(new Set(['']));
		await page.selectOption('[data-testid="map-indicator"]', 'rtlh');
		await page.waitForSelector('[data-testid="indicator-table"][data-indicator="rtlh"][data-computed="true"]');

		// Every family is desil 2: desil 5–10 leaves nobody, and the Map says so with the fix beside it.
		await page.selectOption('[data-testid="plan-desil-max"]', '10');
		key = await waitForFigures(page, key);
		await page.selectOption('[data-testid="plan-desil-min"]', '5');
		key = await waitForFigures(page, key);
		const notice = page.locator('[data-testid="empty-population"]');
		await notice.waitFor({ timeout: LOAD_TIMEOUT });
		expect(await notice.getAttribute('data-causes')).toBe('desil');
		expect((await notice.textContent())?.trim()).toBe(
			`Populasi kosong: desil 5–10 — 0 dari ${counts.households.toLocaleString('id-ID')} keluarga cocok.`
		);
		expect((await rtlhCounts(page)).size).toBe(0);
		await site.screenshot('capabilities-03-map-empty');

		await page.click('[data-testid="empty-fix-desil"]');
		await waitForFigures(page, key);
		await page.waitForSelector('[data-testid="empty-notice"]', { state: 'detached', timeout: LOAD_TIMEOUT });
		expect(await page.inputValue('[data-testid="plan-desil-min"]')).toBe('1');
		expect(await page.inputValue('[data-testid="plan-desil-max"]')).toBe('10');
		expect(await rtlhCounts(page)).toEqual(rtlhByVillage);
	});

	it('the Plan screen edits the population and names the ownership requirement that leaves no BSPS candidate', async () => {
		const { page } = site;
		await page.goto(`${site.url}rencana/`);
		await waitForRegister(page, counts);
		await page.waitForSelector('[data-testid="population-settings"] [data-testid="population-verval-off"]', { timeout: LOAD_TIMEOUT });
		expect(await page.getAttribute('[data-testid="chip-verval"]', 'data-applies')).toBe('false');
		await page.waitForSelector('[data-testid="programme-bsps-land-off"]');

		// Every family rents: BSPS asks for house ownership, so none of the unfit houses qualifies.
		const notice = page.locator('[data-testid="empty-bsps"]');
		await notice.waitFor({ timeout: LOAD_TIMEOUT });
		expect(await notice.getAttribute('data-requirement')).toBe('house');
		expect(await notice.textContent()).toContain(
			`tidak ada calon — syarat milik rumah: 0 dari ${unfitHouses.toLocaleString('id-ID')} rumah tidak layak huni memenuhi.`
		);
		await page.waitForSelector('[data-testid="funded-units-bsps"][data-need="0"]', { timeout: LOAD_TIMEOUT });
		await site.screenshot('capabilities-04-plan-empty');

		await page.click('[data-testid="empty-fix-bsps-house"]');
		await page.waitForSelector(`[data-testid="funded-units-bsps"][data-need="${unfitHouses}"]`, { timeout: LOAD_TIMEOUT });
		await page.waitForSelector('[data-testid="empty-bsps"]', { state: 'detached', timeout: LOAD_TIMEOUT });
		expect(await page.isChecked('[data-testid="programme-bsps-house"]')).toBe(false);

		// The population is edited here too: desil 1–1 leaves nobody (every family is desil 2).
		await page.selectOption('[data-testid="plan-population"] [data-testid="plan-desil-max"]', '1');
		await page.waitForSelector('[data-testid="empty-population"][data-causes="desil"]', { timeout: LOAD_TIMEOUT });
		await page.waitForSelector('[data-testid="funded-units-bsps"][data-need="0"]', { timeout: LOAD_TIMEOUT });
		expect(await dataValue(page, 'funded-units-bsps')).toBe(0);
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
