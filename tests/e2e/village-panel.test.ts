/**
 * The village panel in the built site, opened from Ringkasan's village table on the bundled sample:
 * four charts drawn, the households behind RTLH paged and sortable with exactly the rows DuckDB in Node
 * gives for the same register and plan, another figure's people listed, and Esc closing the panel with
 * focus back on the village name that opened it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicator, type SortDirection } from '../../src/lib/core/indicators';
import { defaultPlan } from '../../src/lib/core/plan';
import type { Reference } from '../../src/lib/core/reference';
import { NodeEngine } from '../../src/lib/engine/node';
import { loadReference } from '../../src/lib/ingest';
import { villageRecordCount, villageRecords } from '../../src/lib/queries/village-panel';
import { LOAD_TIMEOUT, openKecamatan, waitForRegister, type Counts } from './screen';
import { BUILD_DIR, ROOT, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

const PAGE_SIZE = 25;

interface Expected {
	kecamatan: string;
	village: { kode: string; nama: string; kecamatan: string };
	rtlhTotal: number;
	atsTotal: number;
	/** Household ids of RTLH pages: default order page 1, desil ascending page 1, desil descending pages 1–2. */
	byId: string[];
	desilAsc: string[];
	desilDesc: string[];
	desilDescPage2: string[];
	/** The first default-order row's head name and address, as the register holds them. */
	firstHead: string | null;
	firstAlamat: string | null;
}

let site: Site;
let sample: Counts;
let expected: Expected;

/** The register the site opens on (the prebuilt sample), answered by DuckDB in Node. */
async function expectedFromSample(): Promise<Expected> {
	const reference = JSON.parse(await readFile(join(ROOT, 'data/reference.json'), 'utf8')) as Reference;
	const engine = await NodeEngine.open();
	try {
		await loadReference(engine, reference);
		// register_field: the register's columns, which the plan's rule for a missing desil reads.
		for (const table of ['household', 'person', 'register_field']) {
			await engine.createTableFromParquet(table, await readFile(join(BUILD_DIR, 'sample', 'register', `${table}.parquet`)));
		}
		const kecamatan = [...reference.kecamatan].sort((a, b) => a.kode.localeCompare(b.kode))[0];
		if (!kecamatan) throw new Error('no kecamatan in the reference');
		const village = reference.villages.filter((v) => v.kecamatan_kode === kecamatan.kode).sort((a, b) => a.kode.localeCompare(b.kode))[0];
		if (!village) throw new Error(`no village in ${kecamatan.kode}`);
		const plan = defaultPlan();
		const rtlh = indicator('rtlh');
		const page = async (orderBy?: string, direction?: SortDirection, offset = 0) =>
			villageRecords(engine, { indicator: rtlh, plan, villageKode: village.kode, orderBy, direction, limit: PAGE_SIZE, offset });
		const first = await page();
		return {
			kecamatan: kecamatan.kode,
			village: { kode: village.kode, nama: village.nama, kecamatan: village.kecamatan_nama },
			rtlhTotal: await villageRecordCount(engine, rtlh, plan, village.kode),
			atsTotal: await villageRecordCount(engine, indicator('ats'), plan, village.kode),
			byId: first.map((r) => String(r.household_id)),
			desilAsc: (await page('desil', 'asc')).map((r) => String(r.household_id)),
			desilDesc: (await page('desil', 'desc')).map((r) => String(r.household_id)),
			desilDescPage2: (await page('desil', 'desc', PAGE_SIZE)).map((r) => String(r.household_id)),
			firstHead: (first[0]?.head_name as string | null | undefined) ?? null,
			firstAlamat: (first[0]?.alamat as string | null | undefined) ?? null
		};
	} finally {
		await engine.close();
	}
}

const recordIds = (page: Page): Promise<string[]> =>
	page.$$eval('[data-testid="detail-record"]', (rows) => rows.map((row) => row.getAttribute('data-id') ?? ''));

/** Waits until the records table shows this indicator, page and sort, and nothing is loading. */
async function waitForRecords(page: Page, state: { indicator: string; page: number; sort: string }): Promise<void> {
	await page.waitForFunction(
		({ indicator, page, sort }) => {
			const table = document.querySelector('[data-testid="detail-records"]');
			return (
				table?.getAttribute('data-indicator') === indicator &&
				table.getAttribute('data-page') === String(page) &&
				table.getAttribute('data-sort') === sort &&
				table.getAttribute('aria-busy') === 'false'
			);
		},
		state,
		{ timeout: LOAD_TIMEOUT }
	);
}

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as {
		people: number;
		families: number;
	};
	sample = { households: manifest.families, people: manifest.people };
	expected = await expectedFromSample();
	// The pager needs more than one page of RTLH households in the village the test opens.
	if (expected.rtlhTotal <= PAGE_SIZE) {
		throw new Error(`${expected.village.kode} has ${expected.rtlhTotal} RTLH households: the sample changed, pick another village`);
	}
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('village panel in Chromium', () => {
	it('opens from Ringkasan with four charts and the RTLH households, paged and sortable; Esc closes it', async () => {
		const { page } = site;
		await page.goto(site.url);
		await waitForRegister(page, sample);
		await openKecamatan(page, `[data-kode="${expected.kecamatan}"] [data-testid="kecamatan-select"]`);
		const open = page.locator(`[data-testid="village-row"][data-kode="${expected.village.kode}"] [data-testid="village-open"]`);
		await open.click();

		// The panel: a dialog named by its heading, which has the focus.
		const panel = page.locator(`[data-testid="village-detail"][data-kode="${expected.village.kode}"]`);
		await page.waitForSelector(`[data-testid="village-detail"][data-loaded="true"]`, { timeout: LOAD_TIMEOUT });
		expect(await panel.getAttribute('role')).toBe('dialog');
		expect(await page.textContent('[data-testid="detail-title"]')).toBe(expected.village.nama);
		expect(await page.textContent('[data-testid="detail-kecamatan"]')).toContain(expected.village.kecamatan);
		await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'detail-title', null, {
			timeout: LOAD_TIMEOUT
		});
		expect(await open.getAttribute('aria-expanded')).toBe('true');

		// Headline figure cards agree with the records behind them.
		await page.waitForSelector('[data-testid="detail-figure"][data-indicator="rtlh"][data-count]', { timeout: LOAD_TIMEOUT });
		expect(Number(await page.getAttribute('[data-testid="detail-figure"][data-indicator="rtlh"]', 'data-count'))).toBe(expected.rtlhTotal);
		expect(Number(await page.getAttribute('[data-testid="detail-figure"][data-indicator="ats"]', 'data-count'))).toBe(expected.atsTotal);

		// Four charts, each drawn on a canvas with something on it, each with a table twin.
		await page.waitForFunction(
			() => {
				const charts = [...document.querySelectorAll('[data-testid="detail-chart"]')];
				return charts.length === 4 && charts.every((c) => c.getAttribute('data-rendered') === 'true');
			},
			null,
			{ timeout: LOAD_TIMEOUT }
		);
		const canvases = await page.$$eval('[data-testid="detail-chart"]', (charts) =>
			charts.map((chart) => {
				const canvas = chart.querySelector('canvas');
				const context = canvas?.getContext('2d');
				if (!canvas || !context || canvas.width === 0 || canvas.height === 0) return 0;
				const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
				let painted = 0;
				for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) painted++;
				return painted;
			})
		);
		expect(canvases).toHaveLength(4);
		for (const painted of canvases) expect(painted).toBeGreaterThan(100);
		expect(await page.locator('[data-testid="detail-chart"]').first().getAttribute('aria-label')).toBeTruthy();
		expect(await page.locator('[data-testid="detail-chart-table"]').count()).toBe(4);
		await site.screenshot('village-panel-01-open');

		// The RTLH households (the overview's figure), page 1 of n, in the order DuckDB in Node gives.
		const pages = Math.ceil(expected.rtlhTotal / PAGE_SIZE);
		await waitForRecords(page, { indicator: 'rtlh', page: 1, sort: '' });
		expect(Number(await page.getAttribute('[data-testid="detail-records"]', 'data-total'))).toBe(expected.rtlhTotal);
		expect(await page.textContent('[data-testid="detail-page"]')).toBe(`Halaman 1 dari ${pages}`);
		expect(await recordIds(page)).toEqual(expected.byId);
		expect(await page.getAttribute('[data-testid="detail-prev"]', 'disabled')).not.toBeNull();
		// Names and addresses as plain text: the register's value, no markup inside the cell.
		const firstRow = page.locator('[data-testid="detail-record"]').first();
		expect(await firstRow.locator('[data-col="head_name"]').textContent()).toBe(expected.firstHead ?? '–');
		expect(await firstRow.locator('[data-col="alamat"]').textContent()).toBe(expected.firstAlamat ?? '–');
		expect(await page.locator('[data-testid="detail-record"] td *').count()).toBe(0);

		// Sorting by desil: ascending, then descending, each announced with aria-sort.
		const desil = page.locator('[data-testid="detail-sort"][data-column="desil"]');
		await desil.click();
		await waitForRecords(page, { indicator: 'rtlh', page: 1, sort: 'desil:asc' });
		expect(await recordIds(page)).toEqual(expected.desilAsc);
		expect(await page.getAttribute('th:has([data-column="desil"])', 'aria-sort')).toBe('ascending');
		await desil.click();
		await waitForRecords(page, { indicator: 'rtlh', page: 1, sort: 'desil:desc' });
		const descending = await recordIds(page);
		expect(descending).toEqual(expected.desilDesc);
		expect(descending).not.toEqual(expected.byId);
		expect(await page.getAttribute('th:has([data-column="desil"])', 'aria-sort')).toBe('descending');
		expect(await page.getAttribute('th:has([data-column="household_id"])', 'aria-sort')).toBe('none');

		// Next page keeps the sort.
		await page.click('[data-testid="detail-next"]');
		await waitForRecords(page, { indicator: 'rtlh', page: 2, sort: 'desil:desc' });
		expect(await recordIds(page)).toEqual(expected.desilDescPage2);
		expect(await page.textContent('[data-testid="detail-page"]')).toBe(`Halaman 2 dari ${pages}`);
		expect(await page.getAttribute('[data-testid="detail-prev"]', 'disabled')).toBeNull();
		await site.screenshot('village-panel-02-sorted-page-2');

		// Another figure: the out-of-school children, people with NIK as text.
		await page.selectOption('[data-testid="detail-records-indicator"]', 'ats');
		await waitForRecords(page, { indicator: 'ats', page: 1, sort: '' });
		expect(Number(await page.getAttribute('[data-testid="detail-records"]', 'data-total'))).toBe(expected.atsTotal);
		expect(await page.locator('[data-testid="detail-sort"][data-column="nik"]').count()).toBe(1);
		expect(await page.locator('[data-testid="detail-record"]').count()).toBe(Math.min(expected.atsTotal, PAGE_SIZE));
		expect(await page.getAttribute('[data-testid="detail-figure"][data-indicator="ats"]', 'aria-pressed')).toBe('true');

		// Esc from inside the panel closes it, and focus goes back to the village that opened it.
		await page.focus('[data-testid="detail-records-indicator"]');
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'detached' });
		await page.waitForFunction(
			(kode) => {
				const active = document.activeElement;
				return active?.getAttribute('data-testid') === 'village-open' && active.closest('[data-kode]')?.getAttribute('data-kode') === kode;
			},
			expected.village.kode,
			{ timeout: LOAD_TIMEOUT }
		);
		expect(await open.getAttribute('aria-expanded')).toBe('false');

		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
		expect(site.errors).toEqual([]);
	});
});
