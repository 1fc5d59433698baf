/**
 * Issue 15 points 5 and 6 on every screen of the built site, with the bundled sample loaded: no screen
 * scrolls sideways from a 1280 px laptop to a 1920 px projector, in either language; in English no
 * Indonesian phrase of ours is left on any screen (text, aria-label, title, placeholder, alt, the
 * document title); and the validation report and the refusal of a bad file speak English too.
 * Names that come from the data (villages, kecamatan, the plan, its funding lines) are taken out of
 * the text first: they are the same in both languages.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlan } from '../../src/lib/core/plan';
import { NodeEngine } from '../../src/lib/engine/node';
import { villageIndicators } from '../../src/lib/queries/indicators';
import { restorePrebuiltSample } from '../../src/lib/state/sample';
import { LOAD_TIMEOUT, downloadOf, waitForRegister, type Counts } from './screen';
import { BUILD_DIR, ROOT, assertPrerequisites, foreignRequests, openSite, type Site } from './site';
import { indonesianPhrases, phrasesIn } from './words';

const WIDTHS = [1280, 1440, 1920] as const;

interface Codes {
	kecamatan: string;
	desa: string;
}

interface Screen {
	path: (codes: Codes) => string;
	/** What shows once the screen has its content, so the check reads a finished page. */
	ready: string;
}

const SCREENS = {
	ringkasan: { path: () => '', ready: '[data-testid="landing-cards"][aria-busy="false"]' },
	data: { path: () => 'data/', ready: '[data-testid="load-summary"]' },
	peta: { path: () => 'peta/', ready: '[data-testid="map-below"][aria-busy="false"]' },
	rencana: { path: () => 'rencana/', ready: '[data-testid="plan-figures"][aria-busy="false"]' },
	verval: { path: () => 'verval/', ready: '[data-testid="verval-source"]' },
	glosarium: { path: () => 'glosarium/', ready: '[data-testid="glossary"]' },
	'cetak ringkasan': { path: () => 'cetak/ringkasan/', ready: '[data-testid="print-brief"][data-ready="true"]' },
	'cetak kecamatan': { path: (c) => `cetak/kecamatan/?kode=${c.kecamatan}`, ready: '[data-testid="print-kecamatan"][data-ready="true"]' },
	'verval cetak': { path: (c) => `verval/cetak/?kecamatan=${c.kecamatan}`, ready: '[data-testid="print-camat"][data-ready="true"]' },
	'verval formulir': { path: (c) => `verval/formulir/?desa=${c.desa}`, ready: '[data-testid="print-form"][data-ready="true"]' }
} satisfies Record<string, Screen>;

let site: Site;
let sample: Counts;
let codes: Codes;
/** Names from the data, longest first, so "Tenggarong Seberang" goes before "Tenggarong". */
let dataNames: string[];

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	const engine = await NodeEngine.open();
	const plan = defaultPlan();
	let village: { kode: string; kecamatan_kode: string; nama: string; kecamatan: string };
	let names: string[];
	try {
		if (!(await restorePrebuiltSample(engine, async (path) => new Response(await readFile(join(BUILD_DIR, path)))))) {
			throw new Error('the prebuilt sample register is missing from build/sample/register');
		}
		const villages = await villageIndicators(engine, plan);
		const first = villages[0];
		if (!first) throw new Error('the sample has no village');
		village = first;
		names = villages.flatMap((v) => [v.nama, v.kecamatan]);
	} finally {
		await engine.close();
	}
	const wilayah = JSON.parse(await readFile(join(ROOT, 'static', 'wilayah', '64.json'), 'utf8')) as unknown;
	dataNames = [...new Set([...names, ...namesIn(wilayah), plan.name, ...plan.fundingLines.map((line) => line.name)])]
		.filter((name) => name.length > 0)
		.sort((a, b) => b.length - a.length);
	codes = { kecamatan: encodeURIComponent(village.kecamatan_kode), desa: encodeURIComponent(village.kode) };
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

/** Every `nama`-like string in the area-code file (kecamatan and village names), whatever its nesting. */
function namesIn(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(namesIn);
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, inner]) =>
		typeof inner === 'string' ? (['nama', 'kecamatan', 'desa'].includes(key) ? [inner] : []) : namesIn(inner)
	);
}

/**
 * Opens a screen the way a user moves between them, by a link (SvelteKit's client-side navigation), so
 * the register stays loaded; the first screen is a page load.
 */
async function open(page: Page, screen: Screen): Promise<void> {
	const path = `${site.url}${screen.path(codes)}`;
	if (page.url().startsWith(site.url)) {
		await page.evaluate((href) => {
			const link = document.createElement('a');
			link.href = href;
			document.body.append(link);
			link.click();
			link.remove();
		}, path);
		await page.waitForURL(path);
	} else {
		await page.goto(path);
	}
	await waitForRegister(page, sample);
	await page.waitForSelector(screen.ready, { timeout: LOAD_TIMEOUT });
	await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, { timeout: LOAD_TIMEOUT });
}

/**
 * How far the page scrolls sideways at the current width, and, when it does, the elements that stick
 * out of the window without a scrolling or clipping box around them (the ones to fix).
 */
async function sideways(page: Page): Promise<{ overflow: number; culprits: string[] }> {
	return page.evaluate(() => {
		const root = document.documentElement;
		const overflow = root.scrollWidth - root.clientWidth;
		if (overflow <= 0) return { overflow, culprits: [] };
		const clipped = (el: Element): boolean => {
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
				if (getComputedStyle(p).overflowX !== 'visible') return true;
			}
			return false;
		};
		const culprits = [...document.body.querySelectorAll('*')]
			.filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !clipped(el))
			.slice(0, 8)
			.map((el) => {
				const id = el.getAttribute('data-testid');
				const cls = el.getAttribute('class')?.split(/\s+/).filter(Boolean).join('.');
				return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${cls ? `.${cls}` : ''} right=${Math.round(el.getBoundingClientRect().right)}`;
			});
		return { overflow, culprits };
	});
}

/**
 * The widths at which the page scrolls sideways, each with its culprits; empty when it fits at all.
 * Charts and the map follow a resize on their next frame, so each width waits for the page to fit
 * (a condition, not a time) before it counts as a problem.
 */
async function sidewaysProblems(page: Page, label: string): Promise<string[]> {
	const problems: string[] = [];
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 900 });
		const fits = await page
			.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 10_000 })
			.then(() => true)
			.catch(() => false);
		if (fits) continue;
		const { overflow, culprits } = await sideways(page);
		if (overflow > 0) problems.push(`${label} at ${width} px scrolls ${overflow} px sideways: ${culprits.join(', ')}`);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
	return problems;
}

/** Everything a person reads or hears on the page, with the data's own names taken out. */
async function wordsOnPage(page: Page): Promise<string> {
	const words = await page.evaluate(() => {
		const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'];
		const parts = [document.title, document.body.innerText];
		for (const el of document.body.querySelectorAll('*')) {
			for (const name of attributes) {
				const value = el.getAttribute(name);
				if (value) parts.push(value);
			}
		}
		for (const text of document.querySelectorAll('svg text')) parts.push(text.textContent ?? '');
		// Names and addresses from the register are marked translate="no": they are data, not our words.
		const data = [...document.querySelectorAll<HTMLElement>('[translate="no"]')].map((el) => el.innerText.trim()).filter(Boolean);
		return { text: parts.join('\n'), data };
	});
	return withoutData(words.text, words.data);
}

/** The text without the data's names and without identifiers (a file's column names, codes). */
function withoutData(text: string, pageData: readonly string[] = []): string {
	const plain = text.replace(/\s+/g, ' ');
	const names = [...pageData.map((name) => name.replace(/\s+/g, ' ')), ...dataNames].sort((a, b) => b.length - a.length);
	return names.reduce((rest, name) => rest.replaceAll(name, ' '), plain).replace(/\S*_\S*/g, ' ');
}

describe('every screen, on the bundled sample, in Indonesian', () => {
	for (const [name, screen] of Object.entries<Screen>(SCREENS)) {
		it(`${name} fits the window from 1280 to 1920 px`, async () => {
			await open(site.page, screen);
			expect(await sidewaysProblems(site.page, name)).toEqual([]);
		});
	}
});

describe('every screen, on the bundled sample, in English', () => {
	const phrases = indonesianPhrases();

	beforeAll(async () => {
		const { page } = site;
		if (!page.url().startsWith(site.url)) await open(page, SCREENS.ringkasan);
		await page.click('[data-testid="lang-en"]');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
	}, LOAD_TIMEOUT);

	it('the list of Indonesian phrases holds real phrases, so the checks below can fail', () => {
		expect(phrases.length).toBeGreaterThan(200);
		expect(phrasesIn('Tidak ada data', phrases).length + phrasesIn('Rencana intervensi', phrases).length).toBeGreaterThan(0);
	});

	for (const [name, screen] of Object.entries<Screen>(SCREENS)) {
		it(`${name} shows no Indonesian phrase and fits the window`, async () => {
			const { page } = site;
			await open(page, screen);
			expect(await page.getAttribute('html', 'lang')).toBe('en');
			expect(phrasesIn(await wordsOnPage(page), phrases)).toEqual([]);
			expect(await sidewaysProblems(page, `${name} (en)`)).toEqual([]);
		});
	}

	it("the Plan screen's BNBA download has English column names and names its funding line", async () => {
		const { page } = site;
		await open(page, SCREENS.rencana);
		const csv = await downloadOf(page, 'export-bnba-csv');
		const [header, first] = (await readFile((await csv.path()) ?? '', 'utf8')).split('\r\n');
		expect(header).toMatch(/^\uFEFFno,programme,district,village_code,village,/);
		// The sample's default plan funds RTLH from its regency's APBD line, written by name.
		const line = defaultPlan().fundingLines[0]?.name ?? '';
		expect(first).toContain(`,${line},`);
	});

	it('the validation report of a file with findings and the refusal of a bad file are English', async () => {
		const { page } = site;
		await open(page, SCREENS.data);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await page.setInputFiles('[data-testid="file-input"]', [
			join(ROOT, 'tests/fixtures/report/keluarga.csv'),
			join(ROOT, 'tests/fixtures/report/anggota.csv')
		]);
		// The report of this load, not the sample's (a few dozen rows read, not 260,669).
		await page
			.waitForFunction(
				(sampleRows) => {
					const read = document
						.querySelector('[data-testid="validation-report"] [data-testid="report-rows-read"]')
						?.getAttribute('data-value');
					return read !== undefined && read !== null && Number(read) < sampleRows;
				},
				sample.people,
				{ timeout: LOAD_TIMEOUT }
			)
			.catch(async (error: unknown) => {
				await site.screenshot('every-screen-report');
				throw error;
			});
		await page.waitForSelector('[data-testid="report-row"]', { timeout: LOAD_TIMEOUT });
		const report = await page.locator('[data-testid="validation-report"]').innerText();
		// The report lists findings (the fixture has 29), so an English check of it means something.
		expect(report).toContain('anggota.csv');
		expect(phrasesIn(withoutData(report), phrases)).toEqual([]);
		expect(phrasesIn(await wordsOnPage(page), phrases)).toEqual([]);

		await page.setInputFiles('[data-testid="file-input"]', join(ROOT, 'tests/fixtures/ingest/garbage.csv'));
		const alert = page.locator('[role="alert"][data-testid="load-error"]');
		await alert.waitFor({ timeout: LOAD_TIMEOUT });
		const refusal = await alert.innerText();
		expect(refusal).toContain('garbage.csv');
		expect(phrasesIn(withoutData(refusal), phrases)).toEqual([]);
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
