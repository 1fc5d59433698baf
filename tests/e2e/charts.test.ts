/**
 * Issue 15 point 4 end to end (bundled sample, Plan screen): the coverage chart's table twin shows the
 * marginal return (deprivations removed per Rp 1 billion) falling down a programme's queue, read from
 * the numbers the table shows; the budget split's total equals the funded total of the budget table
 * (with two funding lines paying), on Ringkasan too; the charts, a village panel's among them, download
 * as real PNG files (signature, size, IHDR), made in the page; and nothing leaves the origin.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_TIMEOUT, downloadOf, openKecamatan, waitForAllocation, waitForRegister, type Counts } from './screen';
import { BUILD_DIR, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let site: Site;
let sample: Counts;

/** A number as the tables write it (id-ID: dots between thousands, a comma before decimals, "Rp "). */
function shownNumber(text: string | null): number {
	return Number(
		(text ?? '')
			.replace(/^Rp\s*/, '')
			.replaceAll('.', '')
			.replace(',', '.')
			.trim()
	);
}

/** The per-billion column of the coverage chart's table twin, as its cells show it, in slice order. */
async function shownReturns(page: Page): Promise<number[]> {
	const texts = await page.$$eval('[data-testid="coverage-chart-table"] [data-testid="coverage-slice"] [data-col="per-billion"]', (tds) =>
		tds.map((td) => td.textContent)
	);
	return texts.map(shownNumber);
}

/** The downloaded file's bytes, checked to be a PNG of a drawn chart: its width and height from IHDR. */
async function pngOf(download: Download): Promise<{ bytes: Buffer; width: number; height: number }> {
	const path = await download.path();
	const bytes = await readFile(path);
	expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
	expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
	return { bytes, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every programme's (or these programmes') returns as its coverage table shows them, checked against the raw values. */
async function returnsByProgramme(page: Page, only?: string[]): Promise<Record<string, number[]>> {
	const programmes =
		only ?? (await page.$$eval('[data-testid="plan-programme"] option', (options) => options.map((o) => (o as HTMLOptionElement).value)));
	const out: Record<string, number[]> = {};
	for (const programme of programmes) {
		await page.selectOption('[data-testid="plan-programme"]', programme);
		await page.waitForSelector(`[data-testid="coverage-curve"][data-programme="${programme}"]`);
		const returns = await shownReturns(page);
		const raw = await page.$$eval('[data-testid="coverage-chart-table"] [data-col="per-billion"]', (tds) =>
			tds.map((td) => Number(td.getAttribute('data-value')))
		);
		// The shown numbers are the slices' own, rounded.
		expect(returns).toEqual(raw.map((r) => Math.round(r)));
		out[programme] = returns;
	}
	return out;
}

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('charts that say something, on the Plan screen in Chromium', () => {
	it('the coverage table twin shows the return per Rp 1 billion falling down a queue', async () => {
		const { page } = site;
		await page.goto(site.url);
		await waitForRegister(page, sample);
		await page.click('[data-testid="nav-plan"]');
		await page.waitForURL(/\/rencana\/$/);
		let key = await waitForAllocation(page);
		await page.waitForSelector('[data-testid="coverage-chart"][data-rendered="true"]', { timeout: LOAD_TIMEOUT });

		// The default order (desil first): the last slice of a queue removes less than the first.
		const returns = await returnsByProgramme(page);
		const falling = Object.entries(returns).filter(([, r]) => r.length >= 2 && (r[0] ?? 0) > (r.at(-1) ?? 0));
		expect(falling.length, JSON.stringify(returns)).toBeGreaterThan(0);

		// Household size first: the largest households (most people lifted per house) come first, and
		// every slice of RTLH removes at most what the one before it did.
		for (let i = 0; i < 2; i++) {
			await page.click('[data-testid="priority-up-members"]');
			key = await waitForAllocation(page, key);
		}
		expect(await page.$$eval('[data-testid="priority-key"]', (keys) => keys.map((k) => k.getAttribute('data-key')))).toEqual([
			'members',
			'desil',
			'vulnerability',
			'deprivations'
		]);
		const rtlh = (await returnsByProgramme(page, ['rtlh'])).rtlh ?? [];
		expect(rtlh.length).toBeGreaterThanOrEqual(5);
		rtlh.forEach((r, i) => expect(r, `slice ${i} of ${rtlh.join(', ')}`).toBeLessThanOrEqual(rtlh[i - 1] ?? r));
		expect(rtlh[0]).toBeGreaterThan(2 * (rtlh.at(-1) ?? 0));
		await site.screenshot('charts-01-coverage');
	});

	it("the budget split's total is the budget table's funded total, with two funding lines paying", async () => {
		const { page } = site;
		const key = (await page.getAttribute('[data-testid="plan-figures"]', 'data-key')) ?? '';
		await page.fill('[data-testid="plan-budget-csr-rtlh"]', '1.000.000.000');
		await page.press('[data-testid="plan-budget-csr-rtlh"]', 'Tab');
		await waitForAllocation(page, key);

		const split = '[data-testid="budget-split-table"] [data-testid="budget-split-row"]';
		const splitTotal = page.locator(`${split}[data-programme="total"] [data-col="funded"]`);
		const shownTotal = shownNumber(await splitTotal.textContent());
		// The budget table: per programme, the funded Rupiah of all lines (the row's last cell).
		const tableTotal = await page.$$eval('[data-testid="budget-lines"] [data-testid="budget-line-row"]', (rows) =>
			rows.reduce((sum, row) => sum + Number(row.querySelector('td:last-child')?.getAttribute('data-value')), 0)
		);
		expect(tableTotal).toBeGreaterThan(0);
		expect(shownTotal).toBe(tableTotal);
		expect(Number(await splitTotal.getAttribute('data-value'))).toBe(tableTotal);
		// RTLH is paid by APBD's Rp 5 M and CSR's Rp 1 M (whole houses of Rp 50 jt).
		const rtlh = (line: string) => page.getAttribute(`${split}[data-programme="rtlh"] [data-col="line-${line}"]`, 'data-value');
		expect(Number(await rtlh('apbd'))).toBe(5_000_000_000);
		expect(Number(await rtlh('csr'))).toBe(1_000_000_000);
		await page.waitForSelector('[data-testid="budget-split"][data-rendered="true"]', { timeout: LOAD_TIMEOUT });
	});

	it('downloads the coverage chart and the budget split as PNG files', async () => {
		const { page } = site;
		await page.selectOption('[data-testid="plan-programme"]', 'rtlh');
		await page.waitForSelector(
			'[data-testid="coverage-curve"][data-programme="rtlh"] [data-testid="coverage-chart"][data-rendered="true"]',
			{
				timeout: LOAD_TIMEOUT
			}
		);
		const coverage = await downloadOf(page, 'coverage-chart-png');
		expect(coverage.suggestedFilename()).toMatch(/^tepat-coverage-rtlh-\d{4}-\d{2}-\d{2}\.png$/);
		const chartBox = await page.locator('[data-testid="coverage-chart"]').boundingBox();
		const png = await pngOf(coverage);
		// Twice the chart's size on screen, and more than a blank canvas's few hundred bytes.
		// (ECharts sizes the canvas in whole CSS pixels.)
		expect(Math.abs(png.width - 2 * (chartBox?.width ?? 0))).toBeLessThanOrEqual(2);
		expect(Math.abs(png.height - 2 * (chartBox?.height ?? 0))).toBeLessThanOrEqual(2);
		expect(png.bytes.length).toBeGreaterThan(10_000);

		const split = await downloadOf(page, 'budget-split-png');
		expect(split.suggestedFilename()).toMatch(/^tepat-budget-split-\d{4}-\d{2}-\d{2}\.png$/);
		expect((await pngOf(split)).bytes.length).toBeGreaterThan(5_000);
	});

	it("Ringkasan shows the same budget split, and a village panel's charts download as PNG too", async () => {
		const { page } = site;
		await page.click('[data-testid="nav-overview"]');
		await page.waitForSelector('[data-testid="landing-budget-split"] [data-testid="budget-split"][data-rendered="true"]', {
			timeout: LOAD_TIMEOUT
		});
		const splitTotal = await page.getAttribute(
			'[data-testid="landing-budget-split"] [data-testid="budget-split-row"][data-programme="total"] [data-col="funded"]',
			'data-value'
		);
		const landingTotal = await page.getAttribute('[data-testid="landing-budget-total"] [data-col="funded-rupiah"]', 'data-value');
		expect(Number(splitTotal)).toBeGreaterThan(0);
		expect(Number(splitTotal)).toBe(Number(landingTotal));

		await openKecamatan(page, '[data-testid="kecamatan-select"] >> nth=0');
		await page.locator('[data-testid="village-open"]').first().click();
		await page.waitForFunction(
			() => {
				const charts = [...document.querySelectorAll('[data-testid="detail-chart"]')];
				return charts.length === 4 && charts.every((c) => c.getAttribute('data-rendered') === 'true');
			},
			undefined,
			{ timeout: LOAD_TIMEOUT }
		);
		expect(await page.locator('[data-testid="detail-chart-png"]').count()).toBe(4);
		const village = await downloadOf(page, 'detail-chart-png');
		expect(village.suggestedFilename()).toMatch(/^tepat-components-\d{4}-\d{2}-\d{2}\.png$/);
		expect((await pngOf(village)).bytes.length).toBeGreaterThan(5_000);

		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
