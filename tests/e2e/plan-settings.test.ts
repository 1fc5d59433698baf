/**
 * Issue 5, points 1 and 5 end to end under the map on the Peta screen (bundled sample): changing the crowding
 * threshold 7,2 → 9 m² recomputes the RTLH tables; the setting survives a reload; the table twin sorts
 * and downloads as CSV and XLSX with the rows the table shows; a broken plan file is refused without
 * touching the plan; "Kembali ke nilai baku" brings 7,2 and the first figures back.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { loadExcelJs } from '../../src/lib/export/exceljs';
import { XLSX_TITLE_ROWS } from '../../src/lib/export/indicator-table';
import { LOAD_TIMEOUT, downloadOf } from './screen';
import { assertPrerequisites, foreignRequests, openSite, type Site } from './site';

interface Row {
	kode: string;
	value: number | null;
	count: number;
	denominator: number;
	rank: number | null;
}

const FLOOR_AREA = '[data-testid="plan-floor-area"]';
/** The Map screen's table and settings section: the figures' key, and busy while they are computed. */
const FIGURES = '[data-testid="map-below"]';

let site: Site;
/** rtlh_crowding and rtlh rates at the default 7,2 m², in rank order. */
let crowding72: Row[];
let rtlh72: Row[];
let crowding9: Row[];

/** The table's rows as shown, read from the data attributes (raw numbers, not the id-ID text). */
async function shownRows(page: Page): Promise<Row[]> {
	return page.$$eval('[data-testid="indicator-table-row"]', (trs) =>
		trs.map((tr) => {
			const value = tr.querySelector('[data-col="value"]')?.getAttribute('data-value') ?? '';
			const rank = tr.getAttribute('data-rank') ?? '';
			return {
				kode: tr.getAttribute('data-kode') ?? '',
				value: value === '' ? null : Number(value),
				count: Number(tr.querySelector('[data-col="count"]')?.getAttribute('data-value')),
				denominator: Number(tr.querySelector('[data-col="denominator"]')?.getAttribute('data-value')),
				rank: rank === '' ? null : Number(rank)
			};
		})
	);
}

/** Waits until figures other than `previous` are in and nothing is being computed. */
async function waitForFigures(page: Page, previous = ''): Promise<string> {
	await page.waitForFunction(
		({ selector, previous }) => {
			const figures = document.querySelector(selector);
			const key = figures?.getAttribute('data-key') ?? '';
			return (
				key !== '' &&
				key !== previous &&
				figures?.getAttribute('aria-busy') === 'false' &&
				document.querySelector('[data-testid="indicator-table-row"]') !== null
			);
		},
		{ selector: FIGURES, previous },
		{ timeout: LOAD_TIMEOUT }
	);
	return (await page.getAttribute(FIGURES, 'data-key')) ?? '';
}

async function figuresKey(page: Page): Promise<string> {
	return (await page.getAttribute(FIGURES, 'data-key')) ?? '';
}

async function show(page: Page, indicator: string, measure = 'rate'): Promise<Row[]> {
	await page.selectOption('[data-testid="map-indicator"]', indicator);
	await page.check(`[data-testid="map-measure-${measure}"]`);
	await page.waitForSelector(`[data-testid="indicator-table"][data-indicator="${indicator}"][data-measure="${measure}"]`);
	return shownRows(page);
}

const total = (rows: Row[]) => rows.reduce((n, r) => n + r.count, 0);

beforeAll(async () => {
	assertPrerequisites();
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('plan settings and the table twin in Chromium', () => {
	it('recomputes the RTLH figures when the floor area per person goes from 7,2 to 9 m², and keeps 9 after a reload', async () => {
		const { page } = site;
		await page.goto(`${site.url}peta/`);
		const first = await waitForFigures(page);
		expect(await page.inputValue(FLOOR_AREA)).toBe('7.2');
		expect((await page.textContent('[data-testid="chip-desil"]'))?.trim()).toBe('Desil 1–4');
		expect((await page.textContent('[data-testid="chip-verval"]'))?.trim()).toBe('Verval: Ditemukan');

		rtlh72 = await show(page, 'rtlh');
		crowding72 = await show(page, 'rtlh_crowding');
		expect(crowding72.length).toBe(237);
		expect(total(crowding72)).toBeGreaterThan(0);
		// Opens in rank order: rank 1 first, ranks never go down, no-data rows last.
		expect(crowding72[0]?.rank).toBe(1);
		const ranks = crowding72.map((r) => r.rank ?? Infinity);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

		await page.selectOption(FLOOR_AREA, '9');
		const second = await waitForFigures(page, first);
		expect(second).not.toBe(first);
		crowding9 = await shownRows(page);
		// A higher threshold makes more houses crowded; the households counted stay the same.
		expect(total(crowding9)).toBeGreaterThan(total(crowding72));
		const before = new Map(crowding72.map((r) => [r.kode, r]));
		for (const row of crowding9) {
			expect(row.denominator).toBe(before.get(row.kode)?.denominator);
			expect(row.count).toBeGreaterThanOrEqual(before.get(row.kode)?.count ?? Infinity);
		}
		expect(crowding9.some((r) => r.value !== before.get(r.kode)?.value)).toBe(true);
		// The headline RTLH includes crowding, so it moves too.
		const rtlh9 = await show(page, 'rtlh');
		expect(total(rtlh9)).toBeGreaterThan(total(rtlh72));
		await site.screenshot('plan-settings-01-floor-area-9');

		await page.reload();
		await waitForFigures(page);
		expect(await page.inputValue(FLOOR_AREA)).toBe('9');
		expect(await show(page, 'rtlh_crowding')).toEqual(crowding9);
	});

	it('sorts by value both ways and downloads CSV and XLSX holding the rows the table shows', async () => {
		const { page } = site;
		await page.click('[data-testid="sort-value"]');
		expect(await page.getAttribute('th:has([data-testid="sort-value"])', 'aria-sort')).toBe('descending');
		const byValue = await shownRows(page);
		const values = byValue.filter((r) => r.value !== null).map((r) => r.value as number);
		expect(values).toEqual([...values].sort((a, b) => b - a));
		// Rows without data are last.
		const firstEmpty = byValue.findIndex((r) => r.value === null);
		if (firstEmpty >= 0) expect(byValue.slice(firstEmpty).every((r) => r.value === null)).toBe(true);

		await page.click('[data-testid="sort-value"]');
		expect(await page.getAttribute('th:has([data-testid="sort-value"])', 'aria-sort')).toBe('ascending');
		const ascending = await shownRows(page);
		const up = ascending.filter((r) => r.value !== null).map((r) => r.value as number);
		expect(up).toEqual([...up].sort((a, b) => a - b));
		expect([...ascending].sort((a, b) => a.kode.localeCompare(b.kode))).toEqual(
			[...crowding9].sort((a, b) => a.kode.localeCompare(b.kode))
		);

		const csv = await downloadOf(page, 'export-csv');
		expect(csv.suggestedFilename()).toBe('peta-rtlh_crowding-rate.csv');
		const csvText = await readFile((await csv.path()) ?? '', 'utf8');
		expect(csvText.startsWith('\uFEFFkode,desa_kelurahan,kecamatan,nilai,jumlah,penyebut,peringkat\r\n')).toBe(true);
		const engine = await NodeEngine.open();
		try {
			await engine.registerFile('tabel.csv', new TextEncoder().encode(csvText.slice(1)));
			const back = await engine.query(`SELECT * FROM read_csv('tabel.csv', header = true, all_varchar = true)`);
			const csvRows = back.toArray().map((r) => (r as { toJSON(): Record<string, string | null> }).toJSON());
			expect(csvRows.map((r) => r.kode)).toEqual(ascending.map((r) => r.kode));
			csvRows.forEach((r, i) => {
				const shown = ascending[i] as Row;
				expect(r.nilai === null ? null : Number(r.nilai)).toBe(shown.value === null ? null : Math.round(shown.value * 10_000) / 10_000);
				expect(Number(r.jumlah)).toBe(shown.count);
				expect(Number(r.penyebut)).toBe(shown.denominator);
				expect(r.peringkat === null ? null : Number(r.peringkat)).toBe(shown.rank);
			});
		} finally {
			await engine.close();
		}

		const xlsx = await downloadOf(page, 'export-xlsx');
		expect(xlsx.suggestedFilename()).toBe('peta-rtlh_crowding-rate.xlsx');
		const ExcelJS = await loadExcelJs();
		const workbook = new ExcelJS.Workbook();
		const bytes = await readFile((await xlsx.path()) ?? '');
		await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
		const sheet = workbook.getWorksheet('Tabel');
		if (!sheet) throw new Error('no sheet Tabel');
		expect(sheet.getCell('A1').value).toBe('RTLH: luas lantai per jiwa kurang — Rasio, per 100 keluarga');
		expect(sheet.getCell('B2').value).toBe('Rencana baru');
		// The plan was edited today (floor area 9), so it carries a date.
		expect(String(sheet.getCell('B3').value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		// The sample's families still to be verified have no status: counted, and the title says so.
		expect(sheet.getCell('B4').value).toMatch(/^Desil 1–4; verval: Ditemukan \([0-9.]+ keluarga tanpa nilai: tetap dihitung\)$/);
		const xlsxRows = ascending.map((_, i) => sheet.getRow(XLSX_TITLE_ROWS + 1 + i));
		expect(sheet.rowCount).toBe(XLSX_TITLE_ROWS + ascending.length);
		xlsxRows.forEach((row, i) => {
			const shown = ascending[i] as Row;
			expect(row.getCell(1).value).toBe(shown.kode);
			expect(row.getCell(4).value ?? null).toBe(shown.value);
			expect(row.getCell(5).value).toBe(shown.count);
			expect(row.getCell(6).value).toBe(shown.denominator);
			expect(row.getCell(7).value ?? null).toBe(shown.rank);
		});
	});

	it('refuses a wrong edit and a broken plan file without changing the plan, and resets to 7,2', async () => {
		const { page } = site;
		const key = await figuresKey(page);
		const revision = await page.getAttribute('[data-testid="plan-settings"]', 'data-revision');

		// Desil 5–4 is refused, with its reason, and the control shows the plan again.
		await page.selectOption('[data-testid="plan-desil-min"]', '5');
		await page.waitForSelector('[data-testid="plan-refused"]');
		expect(await page.textContent('[data-testid="plan-refused"]')).toContain('lebih besar dari max');
		expect(await page.inputValue('[data-testid="plan-desil-min"]')).toBe('1');

		await page.setInputFiles('[data-testid="plan-open-input"]', {
			name: 'rusak.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"format":"tepat-plan","indicators":{"housing":{"minFloorAreaPerPerson":"sembilan"}}}')
		});
		await page.waitForSelector('[data-testid="plan-error"]');
		expect(await page.textContent('[data-testid="plan-error"]')).toContain(
			"Berkas rencana 'rusak.json': indicators.housing.minFloorAreaPerPerson harus berupa angka."
		);
		expect(await page.inputValue(FLOOR_AREA)).toBe('9');
		expect(await page.getAttribute('[data-testid="plan-settings"]', 'data-revision')).toBe(revision);
		expect(await figuresKey(page)).toBe(key);
		await site.screenshot('plan-settings-02-refused-file');

		// The plan as a file still says 9.
		const saved = await downloadOf(page, 'plan-save');
		expect(saved.suggestedFilename()).toBe('rencana-Rencana_baru.json');
		const planFile = JSON.parse(await readFile((await saved.path()) ?? '', 'utf8')) as {
			indicators: { housing: { minFloorAreaPerPerson: number } };
		};
		expect(planFile.indicators.housing.minFloorAreaPerPerson).toBe(9);

		await page.click('[data-testid="plan-reset"]');
		await waitForFigures(page, key);
		expect(await page.inputValue(FLOOR_AREA)).toBe('7.2');
		expect(await page.locator('[data-testid="plan-error"]').count()).toBe(0);
		// Sorted by rank again, the figures are the 7,2 ones, row for row.
		await page.click('[data-testid="sort-rank"]');
		expect(await page.getAttribute('th:has([data-testid="sort-rank"])', 'aria-sort')).toBe('ascending');
		expect(await shownRows(page)).toEqual(crowding72);

		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});

	it('draws a refused field typed with the keyboard again from the plan, and keeps the focus on it', async () => {
		const { page } = site;
		const field = '[data-testid="plan-school-sd-min"]';
		const was = await page.inputValue(field);
		const revision = await page.getAttribute('[data-testid="plan-settings"]', 'data-revision');

		await page.fill(field, '');
		await page.press(field, 'Enter');
		await page.waitForSelector('[data-testid="plan-refused"]');
		expect(await page.inputValue(field)).toBe(was);
		await page.waitForFunction((testid) => (document.activeElement as HTMLElement | null)?.dataset.testid === testid, 'plan-school-sd-min');
		expect(await page.getAttribute('[data-testid="plan-settings"]', 'data-revision')).toBe(revision);
	});
});
