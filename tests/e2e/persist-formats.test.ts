/**
 * The stored copy of a register, end to end in the built site, for the small format fixtures (BDT in
 * Windows-1252 with semicolons, P3KE with text labels, tab-separated DTSEN, XLSX under title rows).
 * All leave the Boolean `disability` column empty, which once made the save fail in Chromium.
 * Each file is loaded on the Data screen, must be stored, and must be back after a reload.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_TIMEOUT, dataValue, pressClearStored, saveOutcome, waitForRegister, type Counts } from './screen';
import { assertPrerequisites, openSite, type Site } from './site';

const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));

/** Counts as pinned for these fixtures by tests/unit/ingest-formats.test.ts. */
const FIXTURES: { name: string; counts: Counts }[] = [
	{ name: 'bdt-1252-semicolon.csv', counts: { households: 3, people: 5 } },
	{ name: 'p3ke-labels.csv', counts: { households: 3, people: 6 } },
	{ name: 'dtsen-tab.tsv', counts: { households: 5, people: 6 } },
	{ name: 'bdt-title-rows.xlsx', counts: { households: 2, people: 4 } }
];

let site: Site;

async function shownCounts(page: Page): Promise<Counts> {
	return { households: await dataValue(page, 'register-households'), people: await dataValue(page, 'register-people') };
}

beforeAll(async () => {
	assertPrerequisites();
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('stored register for the format fixtures', () => {
	for (const { name, counts } of FIXTURES) {
		it(`${name} is stored and back after a reload`, async () => {
			const { page } = site;
			await page.goto(new URL('/data/', site.url).href);
			await page.waitForSelector('[data-testid="load-summary"][data-source="sample"]', { timeout: LOAD_TIMEOUT });
			expect(await page.getAttribute('[data-testid="persist-status"]', 'data-state')).toBe('none');

			await page.setInputFiles('[data-testid="file-input"]', `${FORMATS}${name}`);
			await waitForRegister(page, counts);
			await page.waitForSelector('[data-testid="load-summary"][data-source="file"]');
			const save = await saveOutcome(page);
			expect(save.state, save.text ?? '').toBe('saved');

			await page.reload();
			await page.waitForSelector('[data-testid="load-summary"][data-source="stored"]', { timeout: LOAD_TIMEOUT });
			await waitForRegister(page, counts);
			expect(await shownCounts(page)).toEqual(counts);
			expect(await page.textContent('[data-testid="summary-files"]')).toContain(name);
			expect(await page.getAttribute('[data-testid="persist-status"]', 'data-state')).toBe('saved');

			// Back to the sample, so the next file starts from nothing stored.
			await pressClearStored(page);
			await page.waitForSelector('[data-testid="load-summary"][data-source="sample"]', { timeout: LOAD_TIMEOUT });
		});
	}
});
