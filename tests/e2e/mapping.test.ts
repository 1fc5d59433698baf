/**
 * Issue 4, the column-mapping step end to end: load an XLSX whose verval column Tepat guesses wrong,
 * see the unknown codes it causes in the validation report, fix that one mapping, see the report
 * change, reload and find the mapping kept; then reuse it on the same register as CSV, download it,
 * and refuse a broken mapping file without losing the saved one.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_TIMEOUT, dataValue, saveOutcome, waitForReportRows } from './screen';
import { assertPrerequisites, openSite, type Site } from './site';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/mapping/${name}`, import.meta.url));
const XLSX = fixture('dtsen-verval-baru.xlsx');
const CSV = fixture('dtsen-verval-baru.csv');
/** The fixture: 3 families, 4 people; the stale column 'status_verval' says 'Prelist 2025' on every row. */
const COUNTS = { households: 3, people: 4 };
const VERVAL = '[data-testid="map-household-verval_status"]';

let site: Site;

/** Waits for a finished load of `name` with these counts and a report saying `unknown` unknown values. */
async function waitForLoad(page: Page, name: string, unknown: number, counts = COUNTS): Promise<void> {
	await page.waitForFunction(
		({ name, households, people, unknown }) => {
			const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
			return (
				q('register-badge')?.getAttribute('data-status') !== 'loading' &&
				q('register-name')?.textContent === name &&
				Number(q('register-households')?.getAttribute('data-value')) === households &&
				Number(q('register-people')?.getAttribute('data-value')) === people &&
				Number(q('report-unknown')?.getAttribute('data-value')) === unknown
			);
		},
		{ name, ...counts, unknown },
		{ timeout: LOAD_TIMEOUT }
	);
}

/** Waits for the stored copy to settle and fails with the app's own reason when it was not saved. */
async function waitForSaved(page: Page): Promise<void> {
	const { state, text } = await saveOutcome(page);
	expect(state, text ?? '').toBe('saved');
}

async function origin(page: Page, side: string, field: string): Promise<string> {
	const cell = page.locator(`[data-testid="mapping-row"][data-side="${side}"][data-field="${field}"] [data-testid="mapping-origin"]`);
	return ((await cell.textContent()) ?? '').trim();
}

beforeAll(async () => {
	assertPrerequisites();
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('column mapping in Chromium', () => {
	it('loads an XLSX, fixes the verval column, sees the report change, and keeps the mapping after a reload', async () => {
		const { page } = site;
		await page.goto(`${site.url}data/`);
		await page.waitForSelector('[data-testid="mapping-sample"]', { timeout: LOAD_TIMEOUT });

		await page.setInputFiles('[data-testid="file-input"]', XLSX);
		// Guessed: 'status_verval' feeds verval on both sides; 'Prelist 2025' is no verval code: 3 + 4 unknown.
		await waitForLoad(page, 'dtsen-verval-baru.xlsx', 7);
		await page.waitForSelector('[data-testid="column-mapping"]');
		expect(await page.inputValue(VERVAL)).toBe('status_verval');
		expect(await origin(page, 'household', 'verval_status')).toBe('tebakan');
		expect(await page.inputValue('[data-testid="map-household-floor_area"]')).toBe('');
		expect(await origin(page, 'household', 'floor_area')).toBe('tidak ditemukan');
		expect(await page.isDisabled('[data-testid="mapping-apply"]')).toBe(true);
		const headers = await page.$$eval(`${VERVAL} option`, (options) => options.map((o) => o.textContent));
		expect(headers).toContain('hasil_verval_2026');
		expect(headers).toContain('Luas Lantai (m2)');
		await waitForSaved(page);

		// Fix one mapping with the keyboard-usable select, then apply.
		await page.selectOption(VERVAL, 'hasil_verval_2026');
		expect(await origin(page, 'household', 'verval_status')).toBe('diubah, belum diterapkan');
		await page.click('[data-testid="mapping-apply"]');
		// Re-loaded with the fix: only the member side's 4 'Prelist 2025' values are still unknown.
		await waitForLoad(page, 'dtsen-verval-baru.xlsx', 4);
		await page.waitForSelector('[data-testid="mapping-message"]');
		expect(await page.inputValue(VERVAL)).toBe('hasil_verval_2026');
		expect(await origin(page, 'household', 'verval_status')).toBe('pilihan Anda');
		await waitForReportRows(page);
		const unknownColumns = await page.$$eval('[data-testid="report-row"][data-code="unknown_code"]', (rows) =>
			rows.map((row) => row.textContent ?? '')
		);
		// The member side's unknown values are still listed; the fixed household column no longer is.
		expect(unknownColumns.length).toBeGreaterThan(0);
		expect(unknownColumns.some((text) => text.includes('hasil_verval_2026'))).toBe(false);
		await waitForSaved(page);
		await site.screenshot('mapping-01-fixed');

		await page.reload();
		await waitForLoad(page, 'dtsen-verval-baru.xlsx', 4);
		await page.waitForSelector('[data-testid="load-summary"][data-source="stored"]');
		await page.waitForSelector('[data-testid="column-mapping"]');
		expect(await page.inputValue(VERVAL)).toBe('hasil_verval_2026');
		expect(await origin(page, 'household', 'verval_status')).toBe('pilihan Anda');
		expect(await origin(page, 'person', 'verval_status')).toBe('tebakan');
	});

	it('reuses the saved mapping for the next file of that source, downloads it, and refuses a broken one', async () => {
		const { page } = site;
		// After the reload the XLSX is no longer open; the same register as CSV gets the saved fix at once.
		await page.setInputFiles('[data-testid="file-input"]', CSV);
		await waitForLoad(page, 'dtsen-verval-baru.csv', 4);
		expect(await page.inputValue(VERVAL)).toBe('hasil_verval_2026');
		expect(await dataValue(page, 'report-unknown')).toBe(4);

		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="mapping-download"]')]);
		expect(download.suggestedFilename()).toBe('pemetaan-kolom-dtsen.json');
		const saved = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as Record<string, unknown>;
		expect(saved).toEqual({
			format: 'tepat-column-mapping',
			version: 1,
			source: 'dtsen',
			household: { verval_status: 'hasil_verval_2026' },
			person: {}
		});

		await page.setInputFiles('[data-testid="mapping-open-input"]', {
			name: 'rusak.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"format":"tepat-column-mapping","version":1,"source":"dtsen","household":{"warna":"x"}}')
		});
		await page.waitForSelector('[data-testid="mapping-error"]');
		expect(await page.textContent('[data-testid="mapping-error"]')).toContain(`Berkas pemetaan 'rusak.json': kolom tujuan "warna"`);
		expect(await page.inputValue(VERVAL)).toBe('hasil_verval_2026');
		expect(await dataValue(page, 'report-unknown')).toBe(4);

		// Back to the guesses: the saved mapping is forgotten and the file re-loaded as guessed.
		await page.click('[data-testid="mapping-reset"]');
		await waitForLoad(page, 'dtsen-verval-baru.csv', 7);
		expect(await page.inputValue(VERVAL)).toBe('status_verval');
	});

	it('reads another sheet of an XLSX when chosen, while the file is open', async () => {
		const { page } = site;
		const workbook = fileURLToPath(new URL('../fixtures/formats/bdt-title-rows.xlsx', import.meta.url));
		// Sheet 'DTKS' (2 households, 4 people; 'PEREMPUAN' and 'Istri' are labels, one 'Genteng Metal' unknown …)
		await page.setInputFiles('[data-testid="file-input"]', workbook);
		await page.waitForFunction(
			() =>
				document.querySelector('[data-testid="register-name"]')?.textContent === 'bdt-title-rows.xlsx' &&
				document.querySelector('[data-testid="register-badge"]')?.getAttribute('data-status') !== 'loading',
			undefined,
			{ timeout: LOAD_TIMEOUT }
		);
		expect(await dataValue(page, 'register-households')).toBe(2);
		expect(await dataValue(page, 'register-people')).toBe(4);
		expect(await page.inputValue('[data-testid="sheet-household"]')).toBe('DTKS');
		expect(await page.$$eval('[data-testid="sheet-household"] option', (o) => o.map((x) => x.textContent))).toEqual(['DTKS', 'Rekap']);
		// Only one sheet picker for a flat file.
		expect(await page.locator('[data-testid="sheet-person"]').count()).toBe(0);

		await page.selectOption('[data-testid="sheet-household"]', 'Rekap');
		await page.waitForFunction(
			() =>
				Number(document.querySelector('[data-testid="register-people"]')?.getAttribute('data-value')) === 2 &&
				document.querySelector('[data-testid="register-badge"]')?.getAttribute('data-status') !== 'loading',
			undefined,
			{ timeout: LOAD_TIMEOUT }
		);
		expect(await dataValue(page, 'register-households')).toBe(1);
		expect(await page.inputValue('[data-testid="sheet-household"]')).toBe('Rekap');
		await waitForSaved(page);

		await page.reload();
		await page.waitForSelector('[data-testid="load-summary"][data-source="stored"]', { timeout: LOAD_TIMEOUT });
		expect(await dataValue(page, 'register-people')).toBe(2);
		expect(await page.inputValue('[data-testid="sheet-household"]')).toBe('Rekap');
		expect(await page.isDisabled('[data-testid="sheet-household"]')).toBe(true);
	});
});
