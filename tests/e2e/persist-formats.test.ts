/**
 * The stored copy of a register, end to end in the built site, for the small format fixtures (BDT in
 * Windows-1252 with semicolons, P3KE with text labels, tab-separated DTSEN, XLSX under title rows).
 * All leave the Boolean `disability` column empty, which once made the save fail in Chromium.
 * Each file is loaded on the Data screen, must be stored, and must be back after a reload.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPrerequisites, openSite, type Site } from './site';

interface Counts {
	households: number;
	people: number;
}

const LOAD_TIMEOUT = 120_000;
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
	const value = async (testid: string) => Number(await page.getAttribute(`[data-testid="${testid}"]`, 'data-value'));
	return { households: await value('register-households'), people: await value('register-people') };
}

/** Waits until the top bar shows a register with these counts and nothing is loading. */
async function waitForRegister(page: Page, counts: Counts): Promise<void> {
	await page.waitForFunction(
		({ households, people }) => {
			const badge = document.querySelector('[data-testid="register-badge"]');
			const h = document.querySelector('[data-testid="register-households"]')?.getAttribute('data-value');
			const p = document.querySelector('[data-testid="register-people"]')?.getAttribute('data-value');
			return badge?.getAttribute('data-status') !== 'loading' && Number(h) === households && Number(p) === people;
		},
		counts,
		{ timeout: LOAD_TIMEOUT }
	);
}

/** Waits for the save to end either way, so a failure shows its reason instead of a timeout. */
async function waitForSaveOutcome(page: Page): Promise<{ state: string | null; text: string | null }> {
	const status = page.locator('[data-testid="persist-status"][data-state="saved"], [data-testid="persist-status"][data-state="failed"]');
	await status.waitFor({ timeout: LOAD_TIMEOUT });
	return { state: await status.getAttribute('data-state'), text: await status.textContent() };
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
			const save = await waitForSaveOutcome(page);
			expect(save.state, save.text ?? '').toBe('saved');

			await page.reload();
			await page.waitForSelector('[data-testid="load-summary"][data-source="stored"]', { timeout: LOAD_TIMEOUT });
			await waitForRegister(page, counts);
			expect(await shownCounts(page)).toEqual(counts);
			expect(await page.textContent('[data-testid="summary-files"]')).toContain(name);
			expect(await page.getAttribute('[data-testid="persist-status"]', 'data-state')).toBe('saved');

			// Back to the sample, so the next file starts from nothing stored. By keyboard: the panels above
			// (report, column mapping) may still grow after a reload and move a button under a pointer.
			await page.focus('[data-testid="clear-stored"]:not([disabled])');
			await page.keyboard.press('Enter');
			await page.waitForSelector('[data-testid="load-summary"][data-source="sample"]', { timeout: LOAD_TIMEOUT });
		});
	}
});
