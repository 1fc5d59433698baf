/**
 * Issue 5, the Map screen together with the plan and the boundaries, in the built site: a threshold
 * changed in the plan settings under the map recolours the map (once, when its figures come) and its
 * table twin without handing the shapes to MapLibre again, and an imported zipped shapefile re-keys the map to its villages.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_TIMEOUT, waitForColours, waitForRegister, type Counts } from './screen';
import { BUILD_DIR, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

const ZIP = fileURLToPath(new URL('../fixtures/boundaries/desa-sebagian.zip', import.meta.url));
const MAP = '[data-testid="map"]';

let site: Site;
let sample: Counts;

/** The table twin's counts by village code. */
async function tableCounts(page: Page): Promise<Map<string, number>> {
	const pairs = await page.$$eval('[data-testid="indicator-table-row"]', (rows) =>
		rows.map(
			(row) => [row.getAttribute('data-kode') ?? '', Number(row.querySelector('[data-col="count"]')?.getAttribute('data-value'))] as const
		)
	);
	return new Map(pairs);
}

const geometryLoads = async (page: Page) => Number(await page.getAttribute(MAP, 'data-geometry-loads'));
const paints = async (page: Page) => Number(await page.getAttribute(MAP, 'data-paints'));

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('the Map screen with the plan and imported boundaries', () => {
	it('a new crowding threshold recolours the map and the table, with no geometry sent again', async () => {
		const { page } = site;
		await page.goto(`${site.url}peta/`);
		await waitForRegister(page, sample);
		let key = await waitForColours(page);
		await page.selectOption('[data-testid="map-indicator"]', 'rtlh_crowding');
		key = await waitForColours(page, key);
		await page.waitForSelector('[data-testid="indicator-table"][data-indicator="rtlh_crowding"]');
		const loads = await geometryLoads(page);
		const painted = await paints(page);
		const before = await tableCounts(page);
		expect(before.size).toBe(237);

		await page.selectOption('[data-testid="plan-floor-area"]', '9');
		key = await waitForColours(page, key);
		// Once, with the new figures: not also with the old ones while the query runs.
		expect(await paints(page)).toBe(painted + 1);
		await page.waitForFunction(
			(total) =>
				[...document.querySelectorAll('[data-testid="indicator-table-row"] [data-col="count"]')].reduce(
					(sum, cell) => sum + Number(cell.getAttribute('data-value')),
					0
				) > total,
			[...before.values()].reduce((a, b) => a + b, 0),
			{ timeout: LOAD_TIMEOUT }
		);
		const after = await tableCounts(page);
		// 9 m² per person counts every house crowded at 7,2 and more: no village goes down.
		for (const [kode, count] of before) expect(after.get(kode)).toBeGreaterThanOrEqual(count);
		expect(await geometryLoads(page)).toBe(loads);
		await site.screenshot('map-plan-01-crowding-9');

		// Back to the default, for the next test and the next run.
		await page.selectOption('[data-testid="plan-floor-area"]', '7.2');
		await waitForColours(page, key);
	});

	it('an imported zipped shapefile re-keys the map to the villages it matched', async () => {
		const { page } = site;
		await page.goto(`${site.url}peta/`);
		await waitForRegister(page, sample);
		await waitForColours(page);
		expect(Number(await page.getAttribute(MAP, 'data-coloured'))).toBe(237);

		await page.click('[data-testid="nav-data"]');
		await page.setInputFiles('[data-testid="boundary-input"]', ZIP);
		await page.waitForSelector('[data-testid="boundary-source"][data-name="desa-sebagian.zip"]', { timeout: LOAD_TIMEOUT });

		await page.click('[data-testid="nav-map"]');
		// The 8 villages the file matched are the map now; every one has figures, so all 8 are coloured.
		await page.waitForFunction(
			() => {
				const map = document.querySelector('[data-testid="map"]');
				return map?.getAttribute('data-ready') === 'true' && map.getAttribute('data-coloured') === '8';
			},
			null,
			{ timeout: LOAD_TIMEOUT }
		);
		await site.screenshot('map-plan-02-imported-boundaries');
		await page.click('[data-testid="nav-data"]');
		await page.focus('[data-testid="boundary-reset"]:not([disabled])');
		await page.keyboard.press('Enter');
		await page.waitForSelector('[data-testid="boundary-source"][data-kind="default"]', { timeout: LOAD_TIMEOUT });
		await page.click('[data-testid="nav-map"]');
		await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-coloured') === '237', null, {
			timeout: LOAD_TIMEOUT
		});
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
