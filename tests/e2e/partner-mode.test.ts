/**
 * Partner mode (issue 16 points 2 and 3) in the built site, in Chromium. DuckDB in Node builds a partner
 * pack from the bundled sample register under a plan whose budgets leave need unfunded, with Kukar's
 * village boundaries; the test writes it to a file and a partner opens it at /tjsp/ with no register.
 * The table and the legend show hidden figures as "< 5" (the plan's threshold) and the map draws;
 * the kecamatan and programme filters narrow the rows and the CSV writes the mark too; a pledge is
 * recorded by keyboard and the pledge file downloaded is read back with Dinsos's reader, carrying what
 * the pack showed; a reload keeps the pack and the draft. No request leaves the origin, and partner
 * mode never asks for the sample register, DuckDB or any wasm.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoundaryCollection } from '../../src/lib/core/geo/types';
import { serialisePack, type PackArea, type PackVillage, type PartnerPack } from '../../src/lib/core/partner/pack';
import { parsePledgeFile, seenIn } from '../../src/lib/core/partner/pledge';
import type { ProgrammeId } from '../../src/lib/core/plan';
import { sha256Hex } from '../../src/lib/core/sha256';
import { NodeEngine } from '../../src/lib/engine/node';
import { runAllocation } from '../../src/lib/queries/allocation';
import { partnerPack } from '../../src/lib/queries/partner-pack';
import { restorePrebuiltSample } from '../../src/lib/state/sample';
import { SUPPRESSED_COLOUR } from '../../src/lib/ui/partner/pack-view';
import { budgetedPlan } from '../fixtures/plans';
import { LOAD_TIMEOUT, waitForColours } from './screen';
import { BUILD_DIR, ROOT, assertPrerequisites, engineFiles, foreignRequests, openSite, type Site } from './site';
import { indonesianPhrases, phrasesIn } from './words';

let site: Site;
let dir: string;
let packPath: string;
let pack: PartnerPack;
let checksum: string;
/** A village whose figure for `hidden.programme` the pack hid, and one with published need for `open.programme`. */
let hidden: { village: PackVillage; programme: ProgrammeId };
let open: { village: PackVillage; programme: ProgrammeId; units: number };

const FIRM = 'PT Uji Coba Sejahtera';
const CONTACT = 'Ibu Rina, 0812 0000 0000';
const NEXT_YEAR = new Date().getFullYear() + 1;

beforeAll(async () => {
	assertPrerequisites();
	const engine = await NodeEngine.open();
	try {
		const prebuilt = await restorePrebuiltSample(engine, async (path) => new Response(await readFile(join(BUILD_DIR, path))));
		if (!prebuilt) throw new Error('the prebuilt sample register is missing from build/sample/register');
		const plan = budgetedPlan();
		await runAllocation(engine, plan);
		const boundaries = JSON.parse(await readFile(join(ROOT, 'data/boundaries/kukar-desa.geojson'), 'utf8')) as BoundaryCollection;
		pack = await partnerPack(engine, {
			plan,
			regency: { kode: '64.02', nama: 'Kabupaten Kutai Kartanegara' },
			boundaries,
			attribution: 'Batas desa: cahyadsn/wilayah_boundaries (MIT)'
		});
	} finally {
		await engine.close();
	}
	const withShape = new Set(pack.boundaries?.features.map((f) => f.properties.kode));
	const hiddenAt = pack.villages
		.filter((v) => withShape.has(v.kode) && v.total.units !== 0)
		.flatMap((v) => pack.programmes.filter((p) => v.need[p]?.units === null).map((programme) => ({ village: v, programme })));
	const openAt = pack.villages.flatMap((v) =>
		pack.programmes
			.filter((p) => (v.need[p]?.units ?? 0) > 0)
			.map((programme) => ({ village: v, programme, units: v.need[programme]?.units ?? 0 }))
	);
	if (!hiddenAt[0] || !openAt[0])
		throw new Error('the sample pack has no hidden figure or no published need: the test cannot look for both');
	hidden = hiddenAt[0];
	open = openAt[0];
	const text = serialisePack(pack);
	checksum = await sha256Hex(new TextEncoder().encode(text));
	dir = await mkdtemp(join(tmpdir(), 'tepat-partner-'));
	packPath = join(dir, 'paket-mitra-kukar.json');
	await writeFile(packPath, text);
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
	if (dir) await rm(dir, { recursive: true, force: true });
});

const mark = () => `< ${pack.plan.threshold}`;
const figure = (area: PackArea, programme: ProgrammeId | null) => (programme === null ? area.total : area.need[programme]);
/** The villages the table lists for a filter: those with need left, hidden figures included. */
const expectedRows = (kecamatan: string | null, programme: ProgrammeId | null) =>
	pack.villages.filter((v) => (kecamatan === null || v.kecamatan === kecamatan) && figure(v, programme)?.units !== 0).map((v) => v.kode);

async function waitForPack(page: Page): Promise<void> {
	await page.locator(`[data-testid="partner-page"][data-status="ready"][data-checksum="${checksum}"]`).waitFor({ timeout: LOAD_TIMEOUT });
}

async function shownRows(page: Page): Promise<string[]> {
	return page.$$eval('[data-testid="pack-row"]', (rows) => rows.map((r) => r.getAttribute('data-kode') ?? ''));
}

const unitsCell = (page: Page, kode: string, programme: string) =>
	page.locator(`[data-testid="pack-row"][data-kode="${kode}"] [data-testid="pack-units"][data-programme="${programme}"]`);

/**
 * A spot on the map (element pixels) whose 9×9 neighbourhood is all `colour`, once two screenshots in
 * a row agree (the map has stopped moving); null when no area is drawn in it. The page decodes the PNG.
 */
async function spotOf(page: Page, colour: string): Promise<{ x: number; y: number } | null> {
	const map = page.locator('[data-testid="map"]');
	let png = await map.screenshot();
	for (let i = 0; i < 20; i++) {
		const again = await map.screenshot();
		if (again.equals(png)) break;
		png = again;
	}
	return page.evaluate(
		async ({ b64, colour }) => {
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
			for (let y = 60; y < height - 60; y++) {
				for (let x = 60; x < width - 60; x++) {
					if (hexAt(x, y) !== colour) continue;
					let same = true;
					for (let dy = -4; dy <= 4 && same; dy++) for (let dx = -4; dx <= 4 && same; dx++) same = hexAt(x + dx, y + dy) === colour;
					if (same) return { x, y };
				}
			}
			return null;
		},
		{ b64: png.toString('base64'), colour }
	);
}

describe('partner mode in Chromium', () => {
	it('opens a pack with no register, in its own shell', async () => {
		const { page } = site;
		await page.goto(`${site.url}tjsp/`);
		await page
			.locator('[data-testid="partner-page"][data-status="idle"]')
			.waitFor({ timeout: LOAD_TIMEOUT })
			.catch((error: unknown) => {
				throw new Error(`partner mode did not start; page errors: ${site.errors.join(' | ') || 'none'}`, { cause: error });
			});
		expect(await page.textContent('[data-testid="partner-mode-badge"]')).toContain('Mode mitra (Forum TJSP)');
		// Neither Dinsos's navigation nor its register badge.
		expect(await page.locator('[data-testid="register-badge"], nav[aria-label]').count()).toBe(0);
		await page.setInputFiles('[data-testid="pack-input"]', packPath);
		await waitForPack(page);
		expect(await page.textContent('[data-testid="pack-title"]')).toBe(pack.plan.title);
		expect(await page.getAttribute('[data-testid="pack-threshold"]', 'data-value')).toBe(String(pack.plan.threshold));
	});

	it('shows a hidden figure as "< 5" in the table, the legend and the footnote, and draws the map', async () => {
		const { page } = site;
		expect(await shownRows(page)).toEqual(expectedRows(null, null));
		const cell = unitsCell(page, hidden.village.kode, hidden.programme);
		expect((await cell.textContent())?.trim()).toBe(mark());
		expect(await cell.getAttribute('data-suppressed')).toBe('true');
		// A published figure is a number, never the mark.
		const shown = pack.villages.find((v) => (v.total.units ?? 0) > 0);
		expect((await unitsCell(page, shown?.kode ?? '', 'total').textContent())?.trim()).toBe(shown?.total.units?.toLocaleString('id-ID'));

		const legend = page.locator('[data-testid="pack-legend-suppressed"]');
		expect(await legend.textContent()).toContain(mark());
		const withShape = new Set(pack.boundaries?.features.map((f) => f.properties.kode));
		const hiddenTotals = pack.villages.filter((v) => withShape.has(v.kode) && v.total.units === null).length;
		expect(Number(await legend.getAttribute('data-count'))).toBe(hiddenTotals);
		expect(await page.locator('[data-testid="pack-legend-missing"]').count()).toBe(0);
		expect(await page.textContent('[data-testid="pack-mark-note"]')).toContain(`${mark()}: angkanya di bawah ${pack.plan.threshold}`);

		await waitForColours(page);
		const map = page.locator('[data-testid="map"]');
		expect(Number(await map.getAttribute('data-coloured'))).toBeGreaterThan(0);
		expect(Number(await map.getAttribute('data-geometry-loads'))).toBe(1);
		expect(await map.locator('canvas').count()).toBe(1);
	});

	it('narrows the map and the tables to a kecamatan and a programme, and writes the mark in the CSV', async () => {
		const { page } = site;
		const before = await page.getAttribute('[data-testid="map"]', 'data-colour-key');
		const kecamatan = hidden.village.kecamatan;
		await page.selectOption('[data-testid="pack-filter-kecamatan"]', kecamatan);
		await page.selectOption('[data-testid="pack-filter-programme"]', hidden.programme);
		const expected = expectedRows(kecamatan, hidden.programme);
		await page.waitForFunction((n) => document.querySelectorAll('[data-testid="pack-row"]').length === n, expected.length, {
			timeout: LOAD_TIMEOUT
		});
		expect(await shownRows(page)).toEqual(expected);
		expect(
			await page.$$eval('[data-testid="pack-row"]', (rows) => [...new Set(rows.map((r) => r.getAttribute('data-kecamatan')))])
		).toEqual([kecamatan]);
		// One programme's columns only.
		expect(
			await page.$$eval('[data-testid="pack-units"]', (cells) => [...new Set(cells.map((c) => c.getAttribute('data-programme')))])
		).toEqual([hidden.programme]);
		expect(await page.$$eval('[data-testid="pack-kecamatan-row"]', (rows) => rows.map((r) => r.getAttribute('data-kode')))).toEqual([
			kecamatan
		]);
		expect((await unitsCell(page, hidden.village.kode, hidden.programme).textContent())?.trim()).toBe(mark());
		// The map recoloured for the filter: other kecamatan are outside it.
		await waitForColours(page, before);
		expect(Number(await page.getAttribute('[data-testid="pack-legend-outside"]', 'data-count'))).toBeGreaterThan(0);
		// The legend counts the kecamatan's hidden figures of the programme under the mark.
		const hiddenHere = pack.villages.filter((v) => v.kecamatan === kecamatan && v.need[hidden.programme]?.units === null).length;
		expect(hiddenHere).toBeGreaterThan(0);
		const legend = page.locator('[data-testid="pack-legend-suppressed"]');
		expect(await legend.textContent()).toContain(mark());
		expect(Number(await legend.getAttribute('data-count'))).toBe(hiddenHere);

		// On the map the hidden villages carry their own colour, and the tooltip of one says "< 5".
		const spot = await spotOf(page, SUPPRESSED_COLOUR);
		expect(spot, `no village drawn in ${SUPPRESSED_COLOUR}`).not.toBeNull();
		await page.locator('[data-testid="map"]').hover({ position: spot ?? { x: 0, y: 0 } });
		const tooltip = page.locator('[data-testid="map-tooltip"]');
		await tooltip.waitFor({ timeout: LOAD_TIMEOUT });
		const kode = await tooltip.getAttribute('data-kode');
		expect(pack.villages.find((v) => v.kode === kode)?.need[hidden.programme]?.units).toBeNull();
		expect(await tooltip.textContent()).toContain(`${mark()} unit`);

		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="pack-download-csv"]')]);
		const csv = (await readFile((await download.path()) ?? '', 'utf8')).replace(/^\uFEFF/, '');
		const lines = csv.trimEnd().split('\r\n');
		expect(lines).toHaveLength(expected.length + 1);
		const line = lines.find((l) => l.includes(`,${hidden.village.kode},`)) ?? '';
		expect(line.split(',').slice(-2)).toEqual([mark(), mark()]);
		expect(csv).not.toMatch(/,,|,\r\n/);
	});

	it('records a pledge by keyboard and downloads a pledge file Dinsos reads, with what the pack showed', async () => {
		const { page } = site;
		await page.locator('[data-testid="pledge-firm"]').focus();
		await page.keyboard.type(FIRM);
		await page.keyboard.press('Tab');
		await page.keyboard.type(CONTACT);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('pledge-contact');

		await page.locator(`[data-testid="pledge-programme-${open.programme}"]`).focus();
		await page.keyboard.press('Space');
		await page.locator('[data-testid="pledge-amount"]').focus();
		await page.keyboard.type('2');
		// Enter adds; with no village chosen the form says so, in Indonesian, and adds nothing.
		await page.keyboard.press('Enter');
		await page.getByText('Pilih paling sedikit satu desa.').first().waitFor({ timeout: LOAD_TIMEOUT });
		expect(await page.locator('[data-testid="pledge-row"]').count()).toBe(0);

		await page.locator(`[data-testid="pledge-village"][data-kode="${open.village.kode}"]`).focus();
		await page.keyboard.press('Space');
		await page.locator('[data-testid="pledge-kind-units"]').focus();
		await page.keyboard.press('Space');
		await page.locator('[data-testid="pledge-amount"]').focus();
		await page.keyboard.press('Enter');
		await page.locator('[data-testid="pledge-row"][data-id="P1"]').waitFor({ timeout: LOAD_TIMEOUT });
		expect(await page.textContent('[data-testid="pledge-row"] [data-testid="pledge-seen"]')).toContain(open.units.toLocaleString('id-ID'));

		await page.locator('[data-testid="pledge-download"]').focus();
		const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
		const name = download.suggestedFilename();
		expect(name).toMatch(/^janji-pt-uji-coba-sejahtera-\d{4}-\d{2}-\d{2}\.json$/);
		const file = parsePledgeFile(await readFile((await download.path()) ?? '', 'utf8'), name);
		expect(file.firm).toBe(FIRM);
		expect(file.contact).toBe(CONTACT);
		expect(file.pack).toEqual({ checksum, title: pack.plan.title, register: pack.register.checksum });
		expect(file.pledges).toEqual([
			{
				id: 'P1',
				programme: open.programme,
				villages: [open.village.kode],
				units: 2,
				rupiah: null,
				year: NEXT_YEAR,
				...seenIn(pack, open.programme, [open.village.kode])
			}
		]);
		expect(file.pledges[0]?.seen).toEqual({ units: open.units, rupiah: open.village.need[open.programme]?.rupiah });
		expect(file.pledges[0]?.unseen).toEqual([]);
	});

	it('keeps the pack and the draft over a reload', async () => {
		const { page } = site;
		await page.reload();
		await waitForPack(page);
		expect(await page.inputValue('[data-testid="pledge-firm"]')).toBe(FIRM);
		expect(await page.inputValue('[data-testid="pledge-contact"]')).toBe(CONTACT);
		expect(await page.$$eval('[data-testid="pledge-row"]', (rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['P1']);
		expect((await unitsCell(page, hidden.village.kode, hidden.programme).textContent())?.trim()).toBe(mark());
		await waitForColours(page);
		await site.screenshot('partner-mode-01-reloaded');
	});

	it('refuses a changed pack with the field that is wrong, keeping the open pack (also after a reload)', async () => {
		const { page } = site;
		const changed = JSON.parse(serialisePack(pack)) as { villages: Record<string, unknown>[] };
		if (changed.villages[0]) changed.villages[0].nik = '6402010101010001';
		const changedPath = join(dir, 'paket-diubah.json');
		await writeFile(changedPath, JSON.stringify(changed));
		await page.setInputFiles('[data-testid="pack-input"]', changedPath);
		const error = page.locator('[data-testid="pack-error"]');
		await error.waitFor({ timeout: LOAD_TIMEOUT });
		expect(await error.textContent()).toContain(
			"Paket mitra 'paket-diubah.json' rusak atau telah diubah: kolom villages[0].nik tidak sah."
		);
		expect(await error.textContent()).toContain('Paket sebelumnya tetap terbuka.');
		await waitForPack(page);
		await page.reload();
		await waitForPack(page);
		expect(await page.locator('[data-testid="pack-error"]').count()).toBe(0);
	});

	it('speaks English when switched, none of our Indonesian phrases left, and fits a laptop and a projector', async () => {
		const { page } = site;
		await page.click('[data-testid="lang-en"]');
		await page.getByText('Partner mode (Forum TJSP)').waitFor({ timeout: LOAD_TIMEOUT });
		await waitForPack(page);
		await waitForColours(page);
		// Names from the pack are the same in both languages: taken out first, longest first.
		const names = [
			...pack.villages.map((v) => v.nama),
			...pack.kecamatan.map((k) => k.nama),
			pack.regency.nama,
			pack.plan.title,
			pack.attribution ?? '',
			FIRM,
			CONTACT
		]
			.filter((n) => n.length > 0)
			.sort((a, b) => b.length - a.length);
		const shown = await page.evaluate(() =>
			[
				document.title,
				document.body.innerText,
				...[...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
					['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? '')
				)
			].join('\n')
		);
		const text = names.reduce((t, name) => t.split(name).join(' '), shown);
		expect(phrasesIn(text, indonesianPhrases())).toEqual([]);
		for (const width of [1280, 1920]) {
			await page.setViewportSize({ width, height: 900 });
			await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, {
				timeout: LOAD_TIMEOUT
			});
		}
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.click('[data-testid="lang-id"]');
		await page.getByText('Mode mitra (Forum TJSP)').waitFor({ timeout: LOAD_TIMEOUT });
	});

	it('asked nothing of another origin, nor the sample register, DuckDB or any wasm', () => {
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
		// What partner mode's own code asks for; the service worker caches the whole app for offline use.
		const paths = site.pageRequests.filter((u) => u.startsWith(site.origin)).map((u) => new URL(u).pathname);
		expect(paths.filter((p) => p.includes('/sample/'))).toEqual([]);
		expect(engineFiles(paths)).toEqual([]);
		// It did load the app: the check above is over real requests.
		expect(paths.some((p) => p.startsWith('/_app/'))).toBe(true);
		expect(site.failures).toEqual([]);
	});
});
