/**
 * Issue 15 point 3, a map people can read, in the built site: the Map screen names the kecamatan
 * (and the villages once zoomed in) with HTML labels that never overlap and let the pointer through,
 * shows a metric scale bar and a north arrow, and "Unduh peta (PNG)" hands over a PNG whose legend is
 * drawn in it; so does the Plan screen's unmet-need map. Nothing is requested outside the origin.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_DATA_COLOUR } from '../../src/lib/state/map-view';
import { LOAD_TIMEOUT, downloadOf, waitForAllocation, waitForColours, waitForRegister, type Counts } from './screen';
import { ARTIFACTS_DIR, BUILD_DIR, ROOT, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

interface ReferenceVillage {
	kode: string;
	nama: string;
	kecamatan_kode: string;
	kecamatan_nama: string;
}

interface ShownLabel {
	kode: string;
	level: string;
	text: string;
	left: number;
	top: number;
	right: number;
	bottom: number;
}

let site: Site;
let sample: Counts;
let villages: ReferenceVillage[];

const MAP = '[data-testid="map"]';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The labels shown on the first map of the page, with their boxes in page pixels. */
async function shownLabels(page: Page): Promise<ShownLabel[]> {
	return page.$$eval(`${MAP} [data-testid="map-label"][data-shown="true"]`, (elements) =>
		elements.map((el) => {
			const r = el.getBoundingClientRect();
			return {
				kode: el.getAttribute('data-kode') ?? '',
				level: el.getAttribute('data-level') ?? '',
				text: el.textContent ?? '',
				left: r.left,
				top: r.top,
				right: r.right,
				bottom: r.bottom
			};
		})
	);
}

/** Pairs of shown labels whose boxes overlap (touching edges do not). */
function overlapping(labels: readonly ShownLabel[]): string[] {
	const pairs: string[] = [];
	for (const [i, a] of labels.entries()) {
		for (const b of labels.slice(i + 1)) {
			if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) pairs.push(`${a.text} × ${b.text}`);
		}
	}
	return pairs;
}

/** Waits until the first map's labels are of `level` and at least one is shown. */
async function waitForLabels(page: Page, level: 'kecamatan' | 'village'): Promise<void> {
	await page.waitForFunction(
		({ map, level }) =>
			document.querySelector(`${map} [data-testid="map-labels"]`)?.getAttribute('data-level') === level &&
			document.querySelector(`${map} [data-testid="map-label"][data-shown="true"][data-level="${level}"]`) !== null,
		{ map: MAP, level },
		{ timeout: LOAD_TIMEOUT }
	);
}

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
	const luminance = (css: string) => {
		const [r = 0, g = 0, bl = 0] = (css.match(/\d+(\.\d+)?/g) ?? []).map(Number);
		const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
		return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(bl);
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** The PNG's bytes, after checking its signature; its width and height from the IHDR chunk. */
async function pngOf(download: Download): Promise<{ bytes: Buffer; width: number; height: number }> {
	const path = await download.path();
	const bytes = await readFile(path);
	expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
	expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
	return { bytes, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Decodes the PNG in the page (createImageBitmap and a 2D canvas) and counts, inside the box
 * `[x0, x1) × [y0, y1)` of image pixels, the pixels of each of `colours`; `dark` counts pixels darker
 * than 100 of 255 on every channel in the top `darkRows` rows (the title's text).
 */
async function pixelCounts(
	page: Page,
	png: Buffer,
	colours: readonly string[],
	box: { x0: number; x1: number; y0: number; y1: number },
	darkRows: number
): Promise<{ counts: Record<string, number>; dark: number }> {
	return page.evaluate(
		async ({ b64, colours, box, darkRows }) => {
			const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
			const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
			const canvas = document.createElement('canvas');
			canvas.width = bitmap.width;
			canvas.height = bitmap.height;
			const ctx = canvas.getContext('2d', { willReadFrequently: true });
			if (!ctx) throw new Error('no 2D context');
			ctx.drawImage(bitmap, 0, 0);
			const { data, width } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
			const hex = (i: number) => `#${[data[i], data[i + 1], data[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
			const wanted = new Set(colours);
			const counts: Record<string, number> = Object.fromEntries(colours.map((c) => [c, 0]));
			for (let y = box.y0; y < box.y1; y++) {
				for (let x = box.x0; x < box.x1; x++) {
					const c = hex((y * width + x) * 4);
					if (wanted.has(c)) counts[c] = (counts[c] ?? 0) + 1;
				}
			}
			let dark = 0;
			for (let i = 0; i < width * darkRows * 4; i += 4)
				if ((data[i] ?? 255) < 100 && (data[i + 1] ?? 255) < 100 && (data[i + 2] ?? 255) < 100) dark++;
			return { counts, dark };
		},
		{ b64: png.toString('base64'), colours: [...colours], box, darkRows }
	);
}

/** The on-screen legend (inside `scope`): its class colours and how many areas have no data. */
async function legendOf(page: Page, scope = ''): Promise<{ colours: string[]; missing: number }> {
	return page.evaluate((scope) => {
		const root = scope ? document.querySelector(scope) : document;
		return {
			colours: [...(root?.querySelectorAll('[data-testid="legend-class"]') ?? [])].map((li) => li.getAttribute('data-colour') ?? ''),
			missing: Number(root?.querySelector('[data-testid="legend-missing"]')?.getAttribute('data-count'))
		};
	}, scope);
}

/**
 * Checks that a downloaded map PNG (drawn at 2× a 960-unit StaticMap) carries its title and, in its
 * legend (the rows under the map: one per class, then "no data" when some area has none, then three
 * source lines: StaticMap's layout), every class colour of the on-screen legend.
 */
async function expectLegendInPng(
	page: Page,
	png: { bytes: Buffer; width: number; height: number },
	legend: { colours: string[]; missing: number }
) {
	expect(png.width).toBe(1920);
	expect(png.height % 2).toBe(0);
	const rows = legend.colours.length + (legend.missing > 0 || legend.colours.length === 0 ? 1 : 0);
	// StaticMap: legend rows of 16, then 22 + 12 per source line to the bottom; all at 2×.
	const legendTop = png.height / 2 - (rows * 16 + 22 + 3 * 12);
	expect(legendTop).toBeGreaterThan(300);
	const colours = legend.missing > 0 ? [...legend.colours, NO_DATA_COLOUR] : legend.colours;
	// The swatches: 14 × 11 units at x = 8, one row apart.
	const { counts, dark } = await pixelCounts(page, png.bytes, colours, { x0: 0, x1: 60, y0: legendTop * 2, y1: png.height }, 88);
	// A swatch is 28 × 22 pixels, less its outline.
	for (const c of colours) expect(counts[c], `${c} in the legend: ${JSON.stringify(counts)}`).toBeGreaterThan(300);
	expect(dark, 'title text pixels').toBeGreaterThan(200);
}

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	villages = (JSON.parse(await readFile(join(ROOT, 'data', 'reference.json'), 'utf8')) as { villages: ReferenceVillage[] }).villages;
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('a map people can read (Peta) in Chromium', () => {
	it('names the kecamatan with labels that do not overlap and let the pointer through', async () => {
		const { page } = site;
		await page.goto(site.url);
		await waitForRegister(page, sample);
		await page.click('[data-testid="nav-map"]');
		await waitForColours(page);
		await waitForLabels(page, 'kecamatan');

		const labels = await shownLabels(page);
		const kecamatan = new Map(villages.map((v) => [v.kecamatan_kode, v.kecamatan_nama]));
		expect(labels.length).toBeGreaterThanOrEqual(5);
		for (const label of labels) {
			expect(label.level).toBe('kecamatan');
			expect(label.text).toBe(kecamatan.get(label.kode));
		}
		expect(overlapping(labels)).toEqual([]);
		// Inside the map.
		const frame = await page.locator(MAP).boundingBox();
		if (!frame) throw new Error('no map box');
		for (const l of labels) {
			expect(l.left).toBeGreaterThanOrEqual(frame.x - 0.5);
			expect(l.right).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
		}

		// Readable: dark text with a white halo (AA against the halo), and deaf to the pointer.
		const style = await page.$eval(`${MAP} [data-testid="map-label"][data-shown="true"]`, (el) => {
			const s = getComputedStyle(el);
			const layer = el.parentElement ? getComputedStyle(el.parentElement) : null;
			return {
				colour: s.color,
				shadow: s.textShadow,
				layerPointer: layer?.pointerEvents,
				hidden: el.parentElement?.getAttribute('aria-hidden')
			};
		});
		expect(style.shadow).toContain('rgb(255, 255, 255)');
		expect(contrast(style.colour, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5);
		expect(style.layerPointer).toBe('none');
		expect(style.hidden).toBe('true');

		// The pointer over a name reaches the village under it: the tooltip names that village.
		const first = labels[0];
		if (!first) throw new Error('no label');
		await page.mouse.move((first.left + first.right) / 2, (first.top + first.bottom) / 2);
		const tooltip = page.locator('[data-testid="map-tooltip"]');
		await tooltip.waitFor();
		const hovered = await tooltip.getAttribute('data-kode');
		expect(villages.some((v) => v.kode === hovered)).toBe(true);
		await page.mouse.move(0, 0);
		await site.screenshot('map-png-01-labels');
	});

	it('shows a metric scale bar and a north arrow', async () => {
		const { page } = site;
		const scale = page.locator(`${MAP} .maplibregl-ctrl-scale`);
		await scale.waitFor();
		expect(await scale.textContent()).toMatch(/^\d+\skm$/);
		const north = page.locator(`${MAP} [data-testid="map-north"]`);
		expect(await north.isVisible()).toBe(true);
		expect(await north.getAttribute('aria-label')).toBe('Panah utara: utara ke atas');
		expect(await north.textContent()).toBe('U');
		// No compass: the map does not rotate.
		expect(await page.locator(`${MAP} .maplibregl-ctrl-compass`).count()).toBe(0);
	});

	it('names villages when zoomed in on one kecamatan, still without overlaps', async () => {
		const { page } = site;
		const key = await page.getAttribute(MAP, 'data-colour-key');
		// Tenggarong: 14 villages in about 30 × 25 km, framed close enough for village names.
		await page.selectOption('[data-testid="map-kecamatan"]', '64.02.06');
		await waitForColours(page, key);
		await waitForLabels(page, 'village');
		const labels = await shownLabels(page);
		const names = new Map(villages.map((v) => [v.kode, v.nama]));
		expect(labels.length).toBeGreaterThanOrEqual(3);
		for (const label of labels) {
			expect(label.level).toBe('village');
			expect(label.text).toBe(names.get(label.kode));
		}
		expect(labels.some((l) => l.kode.startsWith('64.02.06.'))).toBe(true);
		expect(overlapping(labels)).toEqual([]);
		await site.screenshot('map-png-02-village-labels');
	});

	it('"Unduh peta (PNG)" downloads the filtered view as a PNG with its legend in it', async () => {
		const { page } = site;
		expect(await page.textContent('[data-testid="map-png"]')).toBe('Unduh peta (PNG)');
		const download = await downloadOf(page, 'map-png');
		expect(download.suggestedFilename()).toMatch(/^peta-rtlh-kutai-kartanegara-\d{4}-\d{2}-\d{2}\.png$/);
		const png = await pngOf(download);
		await writeFile(join(ARTIFACTS_DIR, 'map-png-tenggarong.png'), png.bytes);
		expect(await page.getAttribute('[data-testid="map-png"]', 'data-width')).toBe(String(png.width));
		expect(await page.getAttribute('[data-testid="map-png"]', 'data-height')).toBe(String(png.height));
		await expectLegendInPng(page, png, await legendOf(page, '[data-testid="legend"]'));
		// The drawing exists only while the image is made.
		expect(await page.locator('[data-testid="map-png-drawing"]').count()).toBe(0);
	});

	it("downloads the whole regency, and the Plan screen's unmet-need map, each with its legend", async () => {
		const { page } = site;
		const key = await page.getAttribute(MAP, 'data-colour-key');
		await page.selectOption('[data-testid="map-kecamatan"]', '');
		await waitForColours(page, key);
		await waitForLabels(page, 'kecamatan');
		const regency = await pngOf(await downloadOf(page, 'map-png'));
		await writeFile(join(ARTIFACTS_DIR, 'map-png-regency.png'), regency.bytes);
		await expectLegendInPng(page, regency, await legendOf(page, '[data-testid="legend"]'));

		await page.click('[data-testid="nav-plan"]');
		await page.waitForURL(/\/rencana\/$/);
		await waitForAllocation(page);
		await waitForColours(page, null, '[data-testid="unmet-map"]');
		const programme = await page.getAttribute('[data-testid="unmet-map"]', 'data-programme');
		const download = await downloadOf(page, 'unmet-map-png');
		expect(download.suggestedFilename()).toMatch(
			new RegExp(`^peta-${programme}-belum-terdanai-kutai-kartanegara-\\d{4}-\\d{2}-\\d{2}\\.png$`)
		);
		const unmet = await pngOf(download);
		await writeFile(join(ARTIFACTS_DIR, 'map-png-unmet.png'), unmet.bytes);
		await expectLegendInPng(page, unmet, await legendOf(page, '[data-testid="unmet-map"]'));
	});

	it('says it all in English too', async () => {
		const { page } = site;
		await page.click('[data-testid="lang-en"]');
		expect(await page.textContent('[data-testid="unmet-map-png"]')).toBe('Download map (PNG)');
		await page.click('[data-testid="nav-map"]');
		await waitForColours(page);
		expect(await page.textContent('[data-testid="map-png"]')).toBe('Download map (PNG)');
		const north = page.locator(`${MAP} [data-testid="map-north"]`);
		expect(await north.getAttribute('aria-label')).toBe('North arrow: north is up');
		expect(await north.textContent()).toBe('N');
		await page.click('[data-testid="lang-id"]');
	});

	it('never requested anything outside the served origin', () => {
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
		expect(site.failures).toEqual([]);
	});
});
