/**
 * Issue 11 points 1 and 2 end to end in Chromium: a register of Kabupaten Berau (64.03, made by
 * tests/fixtures/berau-register.ts for all 110 villages) is loaded on the Data screen; the header, the
 * overview title and the Data screen name Berau, the overview lists Berau's 13 kecamatan with the
 * counts DuckDB in Node finds in the file; the Map screen says Berau's boundaries are not bundled and
 * still shows the table twin of 110 villages; Berau's real village boundaries
 * (../shared/geo/berau-desa.geojson) are imported and the map colours 110 villages, the kecamatan
 * derived from them; after a reload the regency and the import are still there; another regency is
 * chosen by keyboard and applied to the loaded register. Nothing is requested outside the origin.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlString } from '../../src/lib/core/sql';
import { NodeEngine } from '../../src/lib/engine/node';
import { writeBerauRegister, type BerauRegister } from '../fixtures/berau-register';
import { LOAD_TIMEOUT, dataValue, saveOutcome, waitForColours, waitForRegister, type Counts } from './screen';
import { BUILD_DIR, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

const BERAU_DESA = fileURLToPath(new URL('../../../shared/geo/berau-desa.geojson', import.meta.url));
const MAP = '[data-testid="map"]';

interface KecamatanCounts extends Counts {
	kode: string;
}

let site: Site;
let work: string;
let berau: BerauRegister;
let sample: Counts;
let expected: KecamatanCounts[];

/** Families and people per kecamatan, straight from the CSV (DuckDB in Node, not Tepat's ingest). */
async function kecamatanOfCsv(path: string): Promise<KecamatanCounts[]> {
	const engine = await NodeEngine.open();
	try {
		await engine.registerFile('berau.csv', await readFile(path));
		const table = await engine.query(
			`SELECT '64.03.' || kode_kecamatan AS kode, count(DISTINCT nomor_kartu_keluarga)::INTEGER AS households, count(*)::INTEGER AS people ` +
				`FROM read_csv(${sqlString('berau.csv')}, header = true, all_varchar = true) GROUP BY 1 ORDER BY 1`
		);
		return table.toArray().map((row) => ({ kode: String(row.kode), households: Number(row.households), people: Number(row.people) }));
	} finally {
		await engine.close();
	}
}

async function kecamatanRows(page: Page): Promise<KecamatanCounts[]> {
	return page.$$eval('[data-testid="kecamatan-row"]', (rows) =>
		rows.map((row) => ({
			kode: row.getAttribute('data-kode') ?? '',
			households: Number(row.querySelector('[data-col="households"]')?.getAttribute('data-value')),
			people: Number(row.querySelector('[data-col="people"]')?.getAttribute('data-value'))
		}))
	);
}

/** Opens Ringkasan and waits for the kecamatan table of the regency `kode` with `count` rows. */
async function openOverview(page: Page, kode: string, count: number): Promise<void> {
	await page.click('[data-testid="nav-overview"]');
	await page.waitForFunction(
		({ kode, count }) =>
			document.querySelector('[data-testid="overview-title"]')?.getAttribute('data-kode') === kode &&
			document.querySelectorAll('[data-testid="kecamatan-row"]').length === count &&
			[...document.querySelectorAll('[data-testid="kecamatan-row"]')].every((row) => row.getAttribute('data-kode')?.startsWith(`${kode}.`)),
		{ kode, count },
		{ timeout: LOAD_TIMEOUT }
	);
}

const text = async (page: Page, testid: string) =>
	((await page.textContent(`[data-testid="${testid}"]`)) ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the Data screen's boundary card shows `level` from a source of `kind` (and `name`). */
async function waitForBoundaries(page: Page, kind: string, name?: string): Promise<void> {
	const source = `[data-testid="boundary-source"][data-kind="${kind}"]${name ? `[data-name="${name}"]` : ''}`;
	await page.waitForSelector(`[data-testid="boundary-import"][data-regency="64.03"] ${source}`, { timeout: LOAD_TIMEOUT });
}

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	work = await mkdtemp(join(tmpdir(), 'tepat-e2e-region-'));
	berau = await writeBerauRegister(join(work, 'dtsen-berau.csv'));
	expected = await kecamatanOfCsv(berau.path);
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
	if (work) await rm(work, { recursive: true, force: true });
});

describe('a register of another regency in Chromium', () => {
	it('loads a Berau register: Berau in the header, the Data screen and the overview, its 13 kecamatan counted', async () => {
		const { page } = site;
		await page.goto(site.url);
		await waitForRegister(page, sample);
		expect(await page.getAttribute('[data-testid="register-regency"]', 'data-kode')).toBe('64.02');

		await page.click('[data-testid="nav-data"]');
		await page.setInputFiles('[data-testid="file-input"]', berau.path);
		await waitForRegister(page, { households: berau.families, people: berau.people });
		expect(berau).toMatchObject({ families: 219, people: 766, villages: 110 });
		expect(await page.textContent('[data-testid="register-regency"]')).toBe('Kabupaten Berau');
		expect(await page.getAttribute('[data-testid="register-regency"]', 'data-kode')).toBe('64.03');
		expect(await text(page, 'regency-line')).toBe(
			'Kabupaten/kota: Kabupaten Berau (64.03) — terdeteksi dari kode desa (219 dari 219 keluarga)'
		);
		expect(await page.getAttribute('[data-testid="regency-line"]', 'data-basis')).toBe('detected');
		expect((await saveOutcome(page)).state).toBe('saved');

		await openOverview(page, '64.03', 13);
		expect(await text(page, 'overview-title')).toBe('Ringkasan Kabupaten Berau');
		expect(await dataValue(page, 'totals-kecamatan')).toBe(13);
		expect(await dataValue(page, 'totals-villages')).toBe(110);
		const rows = await kecamatanRows(page);
		expect(rows).toEqual(expected);
		expect(rows.every((r) => r.households > 0 && r.people > 0)).toBe(true);
		await site.screenshot('region-01-overview');
	});

	it('says on the Map screen that Berau’s boundaries are not bundled, and still shows the table of 110 villages', async () => {
		const { page } = site;
		await page.click('[data-testid="nav-map"]');
		await page.waitForSelector('[data-testid="map-no-boundaries"]', { timeout: LOAD_TIMEOUT });
		expect(await text(page, 'map-no-boundaries')).toContain('Batas wilayah Kabupaten Berau tidak dibundel dengan Tepat.');
		expect(await page.locator(MAP).count()).toBe(0);
		await page.waitForFunction(() => document.querySelectorAll('[data-testid="indicator-table-row"]').length === 110, undefined, {
			timeout: LOAD_TIMEOUT
		});
		const legendTotal = await page.$$eval('[data-testid="legend-class"], [data-testid="legend-missing"]', (items) =>
			items.reduce((sum, li) => sum + Number(li.getAttribute('data-count')), 0)
		);
		expect(legendTotal).toBe(110);
		// No bundled shapes drawn: the credits name the area list only.
		expect(await text(page, 'credits-sources')).toBe('Kode dan nama wilayah: idn-area-data (MIT; data ODbL).');
		await site.screenshot('region-02-map-without-boundaries');

		// The notice leads to the import on the Data screen.
		await page.click('[data-testid="map-no-boundaries-import"]');
		await waitForBoundaries(page, 'none');
		expect(new URL(page.url()).hash).toBe('#batas-wilayah');
	});

	it('imports Berau’s village boundaries: the map colours 110 villages, the kecamatan are derived', async () => {
		const { page } = site;
		await page.setInputFiles('[data-testid="boundary-input"]', BERAU_DESA);
		await waitForBoundaries(page, 'imported', 'berau-desa.geojson');
		expect(await dataValue(page, 'boundary-matched')).toBe(110);
		expect(await page.getAttribute('[data-testid="boundary-matched"]', 'data-units')).toBe('110');
		expect(await dataValue(page, 'boundary-missing-count')).toBe(0);
		await page.selectOption('[data-testid="boundary-level"]', 'kecamatan');
		await waitForBoundaries(page, 'derived');
		expect(await dataValue(page, 'boundary-matched')).toBe(13);
		await page.selectOption('[data-testid="boundary-level"]', 'village');

		await page.click('[data-testid="nav-map"]');
		await waitForColours(page);
		expect(Number(await page.getAttribute(MAP, 'data-coloured'))).toBe(110);
		expect(await page.locator('[data-testid="map-no-boundaries"]').count()).toBe(0);
		await site.screenshot('region-03-map-imported');

		await page.click('[data-testid="map-level-kecamatan"]');
		const key = await waitForColours(page);
		expect(key).toContain('kecamatan');
		expect(Number(await page.getAttribute(MAP, 'data-coloured'))).toBe(13);
	});

	it('keeps the regency and the import across a reload', async () => {
		const { page } = site;
		await page.reload();
		await waitForRegister(page, { households: berau.families, people: berau.people });
		expect(await page.getAttribute('[data-testid="register-regency"]', 'data-kode')).toBe('64.03');
		await page.click('[data-testid="map-level-village"]');
		await waitForColours(page);
		expect(Number(await page.getAttribute(MAP, 'data-coloured'))).toBe(110);
		await page.click('[data-testid="nav-data"]');
		await waitForBoundaries(page, 'imported', 'berau-desa.geojson');
		expect(await text(page, 'regency-line')).toBe(
			'Kabupaten/kota: Kabupaten Berau (64.03) — terdeteksi dari kode desa (219 dari 219 keluarga)'
		);
	});

	it('applies another regency chosen by keyboard to the loaded register, and back', async () => {
		const { page } = site;
		const search = '[data-testid="regency-search"]:not([disabled])';
		await page.waitForSelector(search, { timeout: LOAD_TIMEOUT });
		await page.fill(search, 'kutai kartanegara');
		await page.waitForSelector('[data-testid="regency-option"][data-kode="64.02"]', { timeout: LOAD_TIMEOUT });
		await page.press(search, 'ArrowDown');
		await page.press(search, 'Enter');
		await page.waitForSelector('[data-testid="register-regency"][data-kode="64.02"]', { timeout: LOAD_TIMEOUT });
		await page.waitForSelector('[data-testid="regency-applied"]', { timeout: LOAD_TIMEOUT });
		expect(await text(page, 'regency-line')).toBe(
			'Kabupaten/kota: Kabupaten Kutai Kartanegara (64.02) — dipilih pengguna (0 dari 219 keluarga berkode kabupaten/kota ini); 219 keluarga dari kabupaten/kota lain'
		);
		expect((await saveOutcome(page)).state).toBe('saved');
		// The households keep their Berau codes: none falls in a Kukar village.
		await openOverview(page, '64.02', 20);
		expect(await text(page, 'overview-title')).toBe('Ringkasan Kabupaten Kutai Kartanegara');
		expect((await kecamatanRows(page)).every((r) => r.households === 0)).toBe(true);
		expect(await dataValue(page, 'totals-households')).toBe(berau.families);

		// Chosen again after a reload: Berau, its 13 kecamatan and its imported shapes come back.
		await page.reload();
		await waitForRegister(page, { households: berau.families, people: berau.people });
		expect(await page.getAttribute('[data-testid="register-regency"]', 'data-kode')).toBe('64.02');
		await page.click('[data-testid="nav-data"]');
		await page.waitForSelector(search, { timeout: LOAD_TIMEOUT });
		await page.fill(search, 'berau');
		await page.waitForSelector('[data-testid="regency-option"][data-kode="64.03"]', { timeout: LOAD_TIMEOUT });
		await page.press(search, 'Enter');
		await page.waitForSelector('[data-testid="register-regency"][data-kode="64.03"]', { timeout: LOAD_TIMEOUT });
		expect(await page.getAttribute('[data-testid="regency-line"]', 'data-basis')).toBe('chosen');
		await waitForBoundaries(page, 'imported', 'berau-desa.geojson');
		await openOverview(page, '64.03', 13);
		expect(await kecamatanRows(page)).toEqual(expected);
	});

	it('lets the plan put a Berau kecamatan in a zone of its own, by keyboard, with its multiplier', async () => {
		const { page } = site;
		await page.click('[data-testid="nav-plan"]');
		await page.waitForSelector('[data-testid="plan-zones"] [data-testid="kecamatan-zone"][data-kode="64.03.13"]', {
			state: 'attached',
			timeout: LOAD_TIMEOUT
		});
		// Berau starts with one zone (the default plan also prices Kukar's three, at 1×).
		const zones = () =>
			page.$$eval('[data-testid="plan-zones"] [data-testid="zone"]', (items) => items.map((i) => i.getAttribute('data-zone')));
		expect((await zones())[0]).toBe('umum');
		expect(await page.locator('[data-testid="kecamatan-zone"]').count()).toBe(13);

		await page.click('[data-testid="kecamatan-zones"] summary');
		const maratua = '[data-testid="kecamatan-zone"][data-kode="64.03.11"] [data-testid="kecamatan-zone-input"]';
		await page.fill(maratua, 'pulau terluar');
		await page.press(maratua, 'Tab');
		await page.waitForSelector('[data-testid="kecamatan-zone"][data-kode="64.03.11"][data-zone="pulau terluar"]', {
			timeout: LOAD_TIMEOUT
		});
		expect(await zones()).toContain('pulau terluar');
		const multiplier = '[data-testid="programme-zone-pulau terluar"]';
		await page.fill(multiplier, '2');
		await page.press(multiplier, 'Tab');
		// A name the plan refuses is shown and put back.
		await page.fill(maratua, '<b>');
		await page.press(maratua, 'Tab');
		await page.waitForSelector('[data-testid="zone-refused"]', { timeout: LOAD_TIMEOUT });
		expect(await page.inputValue(maratua)).toBe('pulau terluar');

		const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('tepat.plan.v1') ?? '{}') as Record<string, unknown>);
		expect(stored.kecamatanZones).toEqual({ '64.03.11': 'pulau terluar' });
		expect((stored.zoneCostMultiplier as Record<string, number>)['pulau terluar']).toBe(2);
		// The unmet-need map draws Berau's imported villages.
		await waitForColours(page, null, '[data-testid="unmet-map"]');
		expect(Number(await page.getAttribute('[data-testid="unmet-map"] [data-testid="map"]', 'data-coloured'))).toBeGreaterThan(0);
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
