/**
 * Issue 5.4, boundaries end to end in Chromium: import the zipped shapefile fixture on the Data screen,
 * read the match report (counts, the feature that matched nothing), refuse a broken file without
 * losing the import, reload and find the imported boundaries still in use, then go back to the
 * bundled ones (and find those after a reload too). Nothing is requested from outside the origin.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_TIMEOUT, dataValue } from './screen';
import { assertPrerequisites, foreignRequests, openSite, type Site } from './site';

const ZIP = fileURLToPath(new URL('../fixtures/boundaries/desa-sebagian.zip', import.meta.url));
const SOURCE = '[data-testid="boundary-source"]';

let site: Site;

/** Waits until the card shows the village boundaries from `name` (or the bundled ones) with a report. */
async function waitForSource(page: Page, name: string | null): Promise<void> {
	const selector = name === null ? `${SOURCE}[data-kind="default"]` : `${SOURCE}[data-kind="imported"][data-name="${name}"]`;
	await page.waitForSelector(selector, { timeout: LOAD_TIMEOUT });
	await page.waitForSelector('[data-testid="boundary-report"][data-level="village"]', { timeout: LOAD_TIMEOUT });
}

/** The report's figures, as the card's data-value attributes say. */
async function figures(page: Page): Promise<Record<string, number>> {
	const ids = ['matched', 'features', 'by-code', 'by-name', 'unmatched-count', 'duplicates-count', 'missing-count'];
	const out: Record<string, number> = {};
	for (const id of ids) out[id] = await dataValue(page, `boundary-${id}`);
	out.units = Number(await page.getAttribute('[data-testid="boundary-matched"]', 'data-units'));
	return out;
}

const IMPORTED = {
	matched: 8,
	units: 237,
	features: 9,
	'by-code': 5,
	'by-name': 3,
	'unmatched-count': 1,
	'duplicates-count': 0,
	'missing-count': 229
};
const BUNDLED = {
	matched: 237,
	units: 237,
	features: 237,
	'by-code': 237,
	'by-name': 0,
	'unmatched-count': 0,
	'duplicates-count': 0,
	'missing-count': 0
};

beforeAll(async () => {
	assertPrerequisites();
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('boundary import in Chromium', () => {
	it('imports a zipped shapefile, reports the match, and keeps it across a reload', async () => {
		const { page } = site;
		await page.goto(`${site.url}data/`);
		await waitForSource(page, null);
		expect(await figures(page)).toEqual(BUNDLED);
		expect(await page.isDisabled('[data-testid="boundary-reset"]')).toBe(true);
		expect(await page.inputValue('[data-testid="boundary-level"]')).toBe('village');

		await page.setInputFiles('[data-testid="boundary-input"]', ZIP);
		await waitForSource(page, 'desa-sebagian.zip');
		expect(await figures(page)).toEqual(IMPORTED);
		expect(await page.textContent('[data-testid="boundary-layers"]')).toContain('batas_desa');
		const unmatched = await page.$$eval('[data-testid="boundary-unmatched-item"]', (items) =>
			items.map((item) => ({ index: item.getAttribute('data-index'), text: item.textContent?.replace(/\s+/g, ' ').trim() }))
		);
		expect(unmatched).toEqual([
			{
				index: '8',
				text: 'Fitur ke-9: NAMA_DESA: DESA TIDAK DIKENAL · KECAMATAN: TENGGARONG — tidak ada kode atau nama yang cocok'
			}
		]);
		const missing = await page.$$eval('[data-testid="boundary-missing-item"]', (items) =>
			items.map((item) => item.getAttribute('data-kode'))
		);
		expect(missing).toHaveLength(229);
		expect(missing).toContain('64.02.06.1001');
		expect(missing).not.toContain('64.02.06.1008');
		await site.screenshot('boundaries-01-imported');

		// A broken file is refused with the file named; the imported boundaries stay.
		await page.setInputFiles('[data-testid="boundary-input"]', {
			name: 'rusak.geojson',
			mimeType: 'application/geo+json',
			buffer: Buffer.from('{"type": "FeatureCollection", "features": [')
		});
		await page.waitForSelector('[data-testid="boundary-error"]', { timeout: LOAD_TIMEOUT });
		expect(await page.textContent('[data-testid="boundary-error-message"]')).toMatch(/^Berkas 'rusak\.geojson' bukan JSON yang sah/);
		expect(await page.getAttribute(SOURCE, 'data-name')).toBe('desa-sebagian.zip');
		expect(await figures(page)).toEqual(IMPORTED);

		await page.reload();
		await waitForSource(page, 'desa-sebagian.zip');
		expect(await figures(page)).toEqual(IMPORTED);
		expect(await page.locator('[data-testid="boundary-error"]').count()).toBe(0);
		expect(await page.locator('[data-testid="boundary-store-error"]').count()).toBe(0);
	});

	it('goes back to the bundled boundaries by keyboard, also after a reload', async () => {
		const { page } = site;
		await page.focus('[data-testid="boundary-reset"]:not([disabled])');
		await page.keyboard.press('Enter');
		await waitForSource(page, null);
		expect(await figures(page)).toEqual(BUNDLED);
		expect(await page.locator('[data-testid="boundary-unmatched"]').count()).toBe(0);

		await page.reload();
		await waitForSource(page, null);
		expect(await figures(page)).toEqual(BUNDLED);
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
