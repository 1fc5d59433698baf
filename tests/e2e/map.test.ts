/**
 * Issue 5 point 2, end to end in the built site: the Map screen colours the 237 villages of the
 * bundled sample with MapLibre (no tiles, glyphs or sprites: nothing leaves the origin), the legend
 * follows the indicator, count vs rate, the classification method and the kecamatan filter, a village
 * is found by name with the keyboard and selected by a click, and the choices survive a reload.
 * The screenshot is kept in tests/artifacts/map.png; the pixel check reads it back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRampColours, rampColours, SELECTION_COLOUR } from '../../src/lib/state/map-view';
import { normalise } from '../../src/lib/ui/map/search';
import { LOAD_TIMEOUT, waitForColours, waitForRegister, type Counts } from './screen';
import { ARTIFACTS_DIR, BUILD_DIR, ROOT, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

interface ReferenceVillage {
	kode: string;
	nama: string;
	kecamatan_kode: string;
	kecamatan_nama: string;
}

interface LegendState {
	title: string;
	subtitle: string;
	classes: { range: string; count: number; colour: string }[];
	missing: number;
	outside: boolean;
}

let site: Site;
let sample: Counts;
let villages: ReferenceVillage[];
/** A spot inside a coloured village, in map-element pixels, found on the first screenshot. */
let inside: { x: number; y: number } | null = null;

const MAP = '[data-testid="map"]';

async function colourKey(page: Page): Promise<string> {
	return (await page.getAttribute(MAP, 'data-colour-key')) ?? '';
}

async function legend(page: Page): Promise<LegendState> {
	return page.evaluate(() => {
		const text = (selector: string) => document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
		return {
			title: text('[data-testid="legend-title"]'),
			subtitle: text('[data-testid="legend-subtitle"]'),
			classes: [...document.querySelectorAll('[data-testid="legend-class"]')].map((li) => ({
				range: li.querySelector('.range')?.textContent?.trim() ?? '',
				count: Number(li.getAttribute('data-count')),
				colour: li.getAttribute('data-colour') ?? ''
			})),
			missing: Number(document.querySelector('[data-testid="legend-missing"]')?.getAttribute('data-count')),
			outside: document.querySelector('[data-testid="legend-outside"]') !== null
		};
	});
}

/**
 * Pixels of a PNG of the map element, decoded by the page itself (an <img> drawn on a 2D canvas):
 * how many pixels carry each of `colours`, and for each one a spot whose 9×9 neighbourhood is all
 * that colour (inside a village, away from its outline).
 */
async function readPixels(
	page: Page,
	png: Buffer,
	colours: readonly string[]
): Promise<{ counts: Record<string, number>; spots: Record<string, { x: number; y: number }> }> {
	return page.evaluate(
		async ({ b64, colours }) => {
			const img = new Image();
			img.src = `data:image/png;base64,${b64}`;
			await img.decode();
			const canvas = document.createElement('canvas');
			canvas.width = img.width;
			canvas.height = img.height;
			const ctx = canvas.getContext('2d', { willReadFrequently: true });
			if (!ctx) throw new Error('no 2D context');
			ctx.drawImage(img, 0, 0);
			const { data, width, height } = ctx.getImageData(0, 0, img.width, img.height);
			const hexAt = (x: number, y: number) => {
				const i = (y * width + x) * 4;
				return `#${[data[i], data[i + 1], data[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
			};
			const wanted = new Set(colours);
			const counts: Record<string, number> = {};
			const spots: Record<string, { x: number; y: number }> = {};
			for (let y = 0; y < height; y++) {
				for (let x = 0; x < width; x++) {
					const c = hexAt(x, y);
					if (!wanted.has(c)) continue;
					counts[c] = (counts[c] ?? 0) + 1;
					if (spots[c] || x < 60 || y < 60 || x > width - 60 || y > height - 60 || (x + y) % 3 !== 0) continue;
					let same = true;
					for (let dy = -4; dy <= 4 && same; dy++) for (let dx = -4; dx <= 4 && same; dx++) same = hexAt(x + dx, y + dy) === c;
					if (same) spots[c] = { x, y };
				}
			}
			return { counts, spots };
		},
		{ b64: png.toString('base64'), colours: [...colours] }
	);
}

/** Ramp colours drawn on more than a few pixels (not an antialiased edge). */
function drawn(counts: Record<string, number>): string[] {
	return Object.entries(counts)
		.filter(([, n]) => n > 50)
		.map(([c]) => c);
}

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as {
		people: number;
		families: number;
	};
	sample = { households: manifest.families, people: manifest.people };
	villages = (JSON.parse(await readFile(join(ROOT, 'data', 'reference.json'), 'utf8')) as { villages: ReferenceVillage[] }).villages;
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('the Map screen (Peta) in Chromium', () => {
	it('colours the villages with more than one class colour, the legend counting all 237', async () => {
		const { page } = site;
		await page.goto(site.url);
		await waitForRegister(page, sample);
		await page.click('[data-testid="nav-map"]');
		await waitForColours(page);
		expect(Number(await page.getAttribute(MAP, 'data-coloured'))).toBeGreaterThan(100);

		const state = await legend(page);
		expect(state.title).toContain('Rumah tidak layak huni');
		expect(state.subtitle).toBe('Rasio per 100 keluarga');
		expect(state.classes).toHaveLength(5);
		expect(state.classes.map((c) => c.colour)).toEqual(rampColours('YlOrRd', 5));
		expect(state.classes.reduce((sum, c) => sum + c.count, 0) + state.missing).toBe(villages.length);
		// Rates with one decimal, id-ID: "12,5 – 20,0".
		for (const c of state.classes) expect(c.range).toMatch(/^\d+,\d – \d+,\d$/);

		await page.screenshot({ path: join(ARTIFACTS_DIR, 'map.png'), fullPage: true });
		const png = await page.locator(MAP).screenshot();
		await writeFile(join(ARTIFACTS_DIR, 'map-canvas.png'), png);
		const pixels = await readPixels(page, png, allRampColours());
		const colours = drawn(pixels.counts);
		expect(colours.length, JSON.stringify(pixels.counts)).toBeGreaterThan(1);
		for (const c of colours) expect(rampColours('YlOrRd', 5)).toContain(c);
		inside = Object.values(pixels.spots)[0] ?? null;
		expect(inside, 'a spot inside a coloured village').not.toBeNull();
	});

	it('hovering a village names it, clicking selects it and outlines it in the accent colour', async () => {
		const { page } = site;
		if (!inside) throw new Error('no village spot from the first test');
		const map = page.locator(MAP);
		await map.hover({ position: inside });
		const tooltip = page.locator('[data-testid="map-tooltip"]');
		await tooltip.waitFor();
		const hovered = await tooltip.getAttribute('data-kode');
		const village = villages.find((v) => v.kode === hovered);
		expect(village, `hovered ${hovered}`).toBeDefined();
		expect(await tooltip.textContent()).toContain(village?.nama);
		expect(await tooltip.textContent()).toMatch(/per 100 keluarga|Tidak ada data/);

		await map.click({ position: inside });
		await page.waitForSelector(`${MAP}[data-selected="${hovered}"]`);
		// Its panel opens with the four charts drawn.
		await page.waitForSelector(`[data-testid="village-detail"][data-kode="${hovered}"][data-loaded="true"]`, { timeout: LOAD_TIMEOUT });
		await expect
			.poll(() => page.locator('[data-testid="village-detail"] [data-testid="detail-chart"][data-rendered="true"]').count(), {
				timeout: LOAD_TIMEOUT
			})
			.toBe(4);
		expect(await page.textContent('[data-testid="detail-title"]')).toBe(village?.nama);
		await expect
			.poll(async () => (await readPixels(page, await map.screenshot(), [SELECTION_COLOUR])).counts[SELECTION_COLOUR] ?? 0, {
				timeout: LOAD_TIMEOUT
			})
			.toBeGreaterThan(20);
	});

	it('another indicator, count instead of rate, and another method each recolour the map and change the legend', async () => {
		const { page } = site;
		const before = await legend(page);
		let key = await colourKey(page);
		const geometryLoads = await page.getAttribute(MAP, 'data-geometry-loads');
		expect(Number(geometryLoads)).toBeGreaterThan(0);

		await page.selectOption('[data-testid="map-indicator"]', 'water_unsafe');
		key = await waitForColours(page, key);
		const water = await legend(page);
		expect(water.title).toContain('Air minum tidak layak');
		expect(water.title).not.toBe(before.title);
		expect(water.classes.map((c) => c.colour)).toEqual(rampColours('PuBu', water.classes.length));
		expect(water.classes.map((c) => c.range)).not.toEqual(before.classes.map((c) => c.range));
		const waterPixels = drawn((await readPixels(page, await page.locator(MAP).screenshot(), allRampColours())).counts);
		expect(waterPixels.length).toBeGreaterThan(1);
		for (const c of waterPixels) expect(rampColours('PuBu', water.classes.length)).toContain(c);

		await page.check('[data-testid="map-measure-count"]');
		key = await waitForColours(page, key);
		const count = await legend(page);
		expect(count.subtitle).toBe('Jumlah keluarga/RT');
		expect(count.classes.map((c) => c.range)).not.toEqual(water.classes.map((c) => c.range));

		await page.selectOption('[data-testid="map-method"]', 'equal');
		key = await waitForColours(page, key);
		await page.selectOption('[data-testid="map-classes"]', '3');
		key = await waitForColours(page, key);
		expect((await legend(page)).classes).toHaveLength(3);

		// Manual breaks start from the breaks on screen; refused ones say why and keep the colours.
		await page.selectOption('[data-testid="map-method"]', 'manual');
		const breaks = page.locator('[data-testid="map-breaks"]');
		const prefilled = await breaks.inputValue();
		expect(prefilled).toMatch(/^\d+(,\d)?; \d+(,\d)?$/);
		// The method is part of the colour key, so the manual view lands as a new key.
		key = await waitForColours(page, key);
		await breaks.fill('30; 20');
		expect(await page.textContent('[data-testid="map-breaks-error"]')).toContain('Batas kelas harus naik: 30 lalu 20.');
		expect(await breaks.getAttribute('aria-invalid')).toBe('true');
		expect(await colourKey(page)).toBe(key);
		const first = prefilled.split('; ')[0] ?? '';
		await breaks.fill(first);
		await waitForColours(page, key);
		const manual = await legend(page);
		expect(manual.classes).toHaveLength(2);
		expect(manual.classes[0]?.range.endsWith(` – ${first}`)).toBe(true);
		// Every recolouring above was feature state: the shapes were handed to MapLibre no more times.
		expect(await page.getAttribute(MAP, 'data-geometry-loads')).toBe(geometryLoads);
		expect(await page.locator('[data-testid="map-breaks-error"]').count()).toBe(0);
	});

	it('the kecamatan level classes the 20 kecamatan; a kecamatan filter classes only its villages', async () => {
		const { page } = site;
		let key = await colourKey(page);
		await page.check('[data-testid="map-level-kecamatan"]');
		key = await waitForColours(page, key);
		expect(await page.getAttribute(MAP, 'data-level')).toBe('kecamatan');
		const level = await legend(page);
		expect(level.classes.reduce((sum, c) => sum + c.count, 0) + level.missing).toBe(20);
		expect(await page.textContent('[data-testid="legend-class"] .count')).toMatch(/kec\.$/);
		await page.check('[data-testid="map-level-village"]');
		key = await waitForColours(page, key);

		const kecamatan = villages[0]?.kecamatan_kode ?? '';
		await page.selectOption('[data-testid="map-kecamatan"]', kecamatan);
		await waitForColours(page, key);
		const state = await legend(page);
		expect(state.outside).toBe(true);
		expect(state.classes.reduce((sum, c) => sum + c.count, 0) + state.missing).toBe(
			villages.filter((v) => v.kecamatan_kode === kecamatan).length
		);
		await page.selectOption('[data-testid="map-kecamatan"]', '');
		await waitForColours(page, await colourKey(page));
	});

	it('the choices survive a reload', async () => {
		const { page } = site;
		await page.reload();
		await waitForRegister(page, sample);
		await waitForColours(page);
		expect(await page.inputValue('[data-testid="map-indicator"]')).toBe('water_unsafe');
		expect(await page.isChecked('[data-testid="map-measure-count"]')).toBe(true);
		expect(await page.inputValue('[data-testid="map-method"]')).toBe('manual');
		expect(await page.inputValue('[data-testid="map-breaks"]')).toMatch(/^\d+(,\d)?$/);
		// Back to the defaults' neighbourhood for the next test.
		const key = await colourKey(page);
		await page.selectOption('[data-testid="map-method"]', 'quantile');
		await waitForColours(page, key);
	});

	it('finds a village by name with the keyboard, flies there and selects it', async () => {
		const { page } = site;
		// A village whose name is in no other village's name, so typing part of it finds it first.
		const target = villages.find(
			(v) => normalise(v.nama).length >= 6 && villages.every((o) => o === v || !normalise(o.nama).includes(normalise(v.nama)))
		);
		if (!target) throw new Error('no village with a distinctive name');
		await page.focus('[data-testid="map-search"]');
		await page.keyboard.type(target.nama.toUpperCase());
		const option = page.locator(`[data-testid="map-search-option"][data-kode="${target.kode}"]`);
		await option.waitFor();
		expect(await page.getAttribute('[data-testid="map-search"]', 'aria-expanded')).toBe('true');
		await page.keyboard.press('ArrowDown');
		expect(await page.getAttribute('[data-testid="map-search"]', 'aria-activedescendant')).toBe(await option.getAttribute('id'));
		expect(await option.getAttribute('aria-selected')).toBe('true');
		await page.keyboard.press('Enter');
		await page.waitForSelector(`${MAP}[data-selected="${target.kode}"]`);
		expect(await page.getAttribute('[data-testid="map-search"]', 'aria-expanded')).toBe('false');
		// The title shows the code until the village's figures (and name) arrive: wait for them.
		await page.waitForSelector(`[data-testid="village-detail"][data-kode="${target.kode}"][data-loaded="true"]`, { timeout: LOAD_TIMEOUT });
		expect(await page.textContent('[data-testid="detail-title"]')).toBe(target.nama);

		// The map canvas itself takes the keyboard (MapLibre's pan and zoom).
		await page.focus(`${MAP} canvas`);
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CANVAS');
	});

	it('never requested anything outside the served origin', () => {
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
		expect(site.failures).toEqual([]);
	});
});
