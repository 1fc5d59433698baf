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
	/** False for a screen of its own shell that shows no register (the field screen). */
	register?: boolean;
}

const SCREENS = {
	ringkasan: { path: () => '', ready: '[data-testid="landing-cards"][aria-busy="false"]' },
	data: { path: () => 'data/', ready: '[data-testid="load-summary"]' },
	peta: { path: () => 'peta/', ready: '[data-testid="map-below"][aria-busy="false"]' },
	rencana: { path: () => 'rencana/', ready: '[data-testid="plan-figures"][aria-busy="false"]' },
	mitra: { path: () => 'mitra/', ready: '[data-testid="mitra-standing"][aria-busy="false"]' },
	verval: { path: () => 'verval/', ready: '[data-testid="verval-source"]' },
	glosarium: { path: () => 'glosarium/', ready: '[data-testid="glossary"]' },
	// The field screen's own shell, with no kit opened yet (a fresh browser).
	lapangan: { path: () => 'lapangan/', ready: '[data-testid="lapangan-page"][data-restored="true"]', register: false },
	'cetak ringkasan': { path: () => 'cetak/ringkasan/', ready: '[data-testid="print-brief"][data-ready="true"]' },
	'cetak kecamatan': { path: (c) => `cetak/kecamatan/?kode=${c.kecamatan}`, ready: '[data-testid="print-kecamatan"][data-ready="true"]' },
	'verval cetak': { path: (c) => `verval/cetak/?kecamatan=${c.kecamatan}`, ready: '[data-testid="print-camat"][data-ready="true"]' },
	'cetak bnba': {
		path: (c) => `cetak/bnba/?program=rtlh&kecamatan=${c.kecamatan}`,
		ready: '[data-testid="print-bnba"][data-ready="true"]'
	},
	// No handover in a fresh browser: the page says the BAST is not in the log, and links back.
	'mitra bast': { path: () => 'mitra/bast/?nomor=001', ready: '[data-testid="print-bast-missing"]' },
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
	if (screen.register !== false) await waitForRegister(page, sample);
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

/** WCAG 2.1's colour math, defined once in the page for the text, the control and the focus probes. */
interface ContrastMath {
	/** A computed CSS colour (rgb() or rgba()) as red, green, blue and alpha. */
	parse(css: string): [number, number, number, number];
	/** The first colour in a computed box-shadow, or null when there is none. */
	shadowColour(css: string): string | null;
	/** `colour` painted with `alpha` over the opaque `under`. */
	blend(colour: readonly number[], alpha: number, under: readonly number[]): [number, number, number];
	/** The contrast ratio of two opaque colours, 1 to 21. */
	ratio(a: readonly number[], b: readonly number[]): number;
	/** The first opaque background among the element and its ancestors (white when none is). */
	background(el: Element | null): [number, number, number];
	/** The opacity of the element times that of its ancestors. */
	opacity(el: Element): number;
	/** The element as a failure message names it: tag, data-testid and its text or label. */
	name(el: Element): string;
	/** A colour as #rrggbb, for the failure messages. */
	hex(colour: readonly number[]): string;
}

declare global {
	interface Window {
		contrastMath?: ContrastMath;
	}
}

/** Puts the colour math in the page; a page load clears it, so every probe calls this first. */
async function installContrastMath(page: Page): Promise<void> {
	await page.evaluate(() => {
		const parse = (css: string): [number, number, number, number] => {
			const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
			return [r, g, b, css.startsWith('rgba') ? a : 1];
		};
		const luminance = ([r, g, b]: readonly number[]): number => {
			const channel = (v: number) => {
				const c = v / 255;
				return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
		};
		window.contrastMath = {
			parse,
			shadowColour: (css) => css.match(/rgba?\([^)]*\)/)?.[0] ?? null,
			blend: (colour, alpha, under) =>
				[0, 1, 2].map((i) => (colour[i] ?? 0) * alpha + (under[i] ?? 0) * (1 - alpha)) as [number, number, number],
			ratio: (a, b) => {
				const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
				return (light + 0.05) / (dark + 0.05);
			},
			background: (el) => {
				for (let e: Element | null = el; e; e = e.parentElement) {
					const [r, g, b, a] = parse(getComputedStyle(e).backgroundColor);
					if (a >= 0.99) return [r, g, b];
				}
				return [255, 255, 255];
			},
			opacity: (el) => {
				let o = 1;
				for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
				return o;
			},
			name: (el) => {
				const id = el.getAttribute('data-testid');
				const type = el.getAttribute('type');
				const labelled = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
				const own = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : (el.textContent ?? '');
				const label =
					el.getAttribute('aria-label') ??
					(labelled ? el.labels?.[0]?.textContent?.replace(el.textContent ?? '', '') : null) ??
					(own.trim() || el.getAttribute('placeholder') || el.getAttribute('name') || '');
				return `${el.tagName.toLowerCase()}${type ? `[type=${type}]` : ''}${id ? `[${id}]` : ''} "${label.replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
			},
			hex: (colour) => `#${colour.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`
		};
	});
}

/**
 * Text whose contrast with what is behind it is below WCAG AA (4.5:1, or 3:1 for large text): each
 * element with its own text, its colour blended over the first opaque background among its ancestors,
 * faded by the opacity of the element and its ancestors. Disabled controls are exempt, as in WCAG.
 */
async function lowContrast(page: Page): Promise<string[]> {
	await installContrastMath(page);
	return page.evaluate(() => {
		const math = window.contrastMath;
		if (!math) throw new Error('the contrast math is not installed');
		const problems: string[] = [];
		for (const el of document.body.querySelectorAll('*')) {
			const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
			if (!own || !(el instanceof HTMLElement) || el.closest('svg, [disabled], [aria-disabled="true"]')) continue;
			const rect = el.getBoundingClientRect();
			const style = getComputedStyle(el);
			if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden') continue;
			const bg = math.background(el);
			const [r, g, b, a] = math.parse(style.color);
			const fg = math.blend([r, g, b], a * math.opacity(el), bg);
			const ratio = math.ratio(fg, bg);
			const size = parseFloat(style.fontSize);
			const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
			if (ratio < (large ? 3 : 4.5)) {
				const id = el.getAttribute('data-testid');
				const text = (el.textContent ?? '').trim().slice(0, 40);
				problems.push(`${el.tagName.toLowerCase()}${id ? `[${id}]` : ''} "${text}" ${ratio.toFixed(2)}:1`);
			}
		}
		return [...new Set(problems)].slice(0, 12);
	});
}

/**
 * Controls whose boundary is below WCAG 2.1 AA 1.4.11 Non-text Contrast (3:1 against what surrounds
 * them). A control's boundary is its fill when that differs from the background behind it by 3:1,
 * otherwise its border or ring (a box shadow with no offset and no blur), the best-contrasting visible
 * one, drawn over that background; a visible border is held to 3:1 even where something else shows the
 * control. A button (or tab) with neither passes when it has visible text: the text is what shows it,
 * and the text check holds that to 4.5:1; a field with neither fails whatever it holds. A button with
 * neither and no text (an icon) may sit in a group that draws the boundary for all its controls
 * (MapLibre's zoom buttons): then the group's fill or border is held to 3:1 against what surrounds the
 * group. Exempt, as in WCAG: disabled controls, and checkboxes, radios and sliders the browser draws
 * itself (its own drawing is #767676, 4.5:1 on white).
 */
async function weakBoundaries(page: Page): Promise<string[]> {
	await installContrastMath(page);
	return page.evaluate(() => {
		const math = window.contrastMath;
		if (!math) throw new Error('the contrast math is not installed');
		type Edge = { what: string; colour: [number, number, number]; ratio: number };
		/** The box's fill and its visible borders and ring over `around`, best contrast first. */
		const edges = (box: Element, around: readonly number[]): { fill: Edge; lines: Edge[] } => {
			const style = getComputedStyle(box);
			const edge = (what: string, css: string): Edge => {
				const [r, g, b, a] = math.parse(css);
				const colour = math.blend([r, g, b], a, around);
				return { what, colour, ratio: math.ratio(colour, around) };
			};
			const borders = (['top', 'right', 'bottom', 'left'] as const)
				.filter((side) => {
					const line = style.getPropertyValue(`border-${side}-style`);
					const colour = style.getPropertyValue(`border-${side}-color`);
					return (
						parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0 &&
						line !== 'none' &&
						line !== 'hidden' &&
						math.parse(colour)[3] > 0
					);
				})
				.map((side) => edge('border', style.getPropertyValue(`border-${side}-color`)));
			const shadow = math.shadowColour(style.boxShadow);
			const [x, y, blur, spread] = style.boxShadow
				.replace(shadow ?? '', '')
				.trim()
				.split(/\s+/)
				.map((length) => parseFloat(length));
			const ring =
				shadow && x === 0 && y === 0 && blur === 0 && (spread ?? 0) > 0 && math.parse(shadow)[3] > 0 ? [edge('ring', shadow)] : [];
			return { fill: edge('fill', style.backgroundColor), lines: [...borders, ...ring].sort((p, q) => q.ratio - p.ratio) };
		};
		const shown = (edge: Edge | undefined, around: readonly number[]) =>
			edge ? `${edge.what} ${math.hex(edge.colour)} ${edge.ratio.toFixed(2)}:1 on ${math.hex(around)}` : 'no border';
		const problems: string[] = [];
		const controls = document.body.querySelectorAll('input:not([type="hidden"]), select, textarea, button, [role="slider"], [role="tab"]');
		for (const el of controls) {
			if (!(el instanceof HTMLElement || el instanceof SVGElement) || el.closest('[disabled], [aria-disabled="true"]')) continue;
			const style = getComputedStyle(el);
			const rect = el.getBoundingClientRect();
			if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden' || math.opacity(el) < 0.05) continue;
			if (el instanceof HTMLInputElement && ['checkbox', 'radio', 'range'].includes(el.type) && style.appearance !== 'none') continue;
			const around = math.background(el.parentElement);
			const own = edges(el, around);
			const best = own.lines[0];
			if (own.fill.ratio >= 3 || (best && best.ratio >= 3)) continue;
			if (best) {
				problems.push(`${math.name(el)} ${shown(best, around)}`);
				continue;
			}
			const text = el instanceof HTMLInputElement ? el.value : el instanceof HTMLElement ? el.innerText : (el.textContent ?? '');
			const button = el.matches('button, input[type="button"], input[type="submit"], input[type="reset"], [role="tab"]');
			if (button && text.trim() !== '') continue;
			const group = el.parentElement;
			if (button && group && [...group.children].every((child) => child.matches('button, input, select, [role="tab"]'))) {
				const outside = math.background(group.parentElement);
				const framed = edges(group, outside);
				if (framed.fill.ratio >= 3 || (framed.lines[0]?.ratio ?? 0) >= 3) continue;
				problems.push(`${math.name(el)} no border of its own, its group's ${shown(framed.lines[0] ?? framed.fill, outside)}`);
				continue;
			}
			problems.push(`${math.name(el)} no border, ${shown(own.fill, around)}`);
		}
		return [...new Set(problems)].slice(0, 12);
	});
}

/**
 * The first controls reached with Tab whose focus indicator is missing (no outline, no box shadow)
 * or, against WCAG 2.1 AA 1.4.11, below 3:1 against the colour next to it: the background around the
 * element for a ring drawn outside it, the element's own fill for one drawn inside (a negative outline
 * offset, an inset shadow).
 */
async function focusWithoutRing(page: Page, presses = 25): Promise<string[]> {
	await installContrastMath(page);
	await page.evaluate(() => {
		(document.activeElement as HTMLElement | null)?.blur();
		window.scrollTo(0, 0);
	});
	const problems: string[] = [];
	for (let i = 0; i < presses; i++) {
		await page.keyboard.press('Tab');
		const problem = await page.evaluate(() => {
			const math = window.contrastMath;
			if (!math) throw new Error('the contrast math is not installed');
			const el = document.activeElement;
			if (!el || el === document.body) return null;
			const style = getComputedStyle(el);
			const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
			const shadow = math.shadowColour(style.boxShadow);
			if (!outline && (style.boxShadow === 'none' || !shadow)) {
				return `${math.name(el)} (outline ${style.outlineStyle} ${style.outlineWidth})`;
			}
			const inside = outline ? parseFloat(style.outlineOffset) < 0 : style.boxShadow.includes('inset');
			const next = inside ? math.background(el) : math.background(el.parentElement);
			const [r, g, b, a] = math.parse(outline ? style.outlineColor : (shadow ?? ''));
			const ring = math.blend([r, g, b], a, next);
			const ratio = math.ratio(ring, next);
			if (ratio >= 3) return null;
			return `${math.name(el)} focus ${outline ? 'outline' : 'shadow'} ${math.hex(ring)} on ${math.hex(next)} ${ratio.toFixed(2)}:1`;
		});
		if (problem) problems.push(problem);
	}
	return [...new Set(problems)];
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

		it(`${name}: text and control boundaries meet WCAG AA contrast, keyboard focus is visible and contrasts`, async () => {
			await open(site.page, screen);
			expect(await lowContrast(site.page)).toEqual([]);
			expect(await weakBoundaries(site.page)).toEqual([]);
			expect(await focusWithoutRing(site.page)).toEqual([]);
		});
	}

	it('the contrast check finds pale text, so a pass means something', async () => {
		const { page } = site;
		await page.evaluate(() => {
			const pale = document.createElement('p');
			pale.textContent = 'pucat';
			pale.dataset.testid = 'pale-probe';
			pale.style.color = '#bbbbbb';
			pale.style.background = '#ffffff';
			document.body.append(pale);
		});
		try {
			expect((await lowContrast(page)).some((p) => p.includes('pale-probe'))).toBe(true);
		} finally {
			await page.evaluate(() => document.querySelector('[data-testid="pale-probe"]')?.remove());
		}
	});

	it('the control check finds a pale border and the focus check a pale ring, so a pass means something', async () => {
		const { page } = site;
		await page.evaluate(() => {
			const probe = document.createElement('div');
			probe.dataset.testid = 'pale-controls';
			probe.style.background = '#ffffff';
			// #dddddd on white is 1.36:1, #eeeeee 1.16:1.
			probe.innerHTML = `<style>[data-testid="pale-ring-probe"]:focus-visible { outline: 3px solid #eeeeee; outline-offset: 1px; }</style>
				<input data-testid="pale-border-probe" style="border: 1px solid #dddddd; background: #ffffff">
				<input data-testid="bare-probe" value="tanpa batas" style="border: 0; background: transparent">
				<button type="button" data-testid="pale-ring-probe" style="border: 1px solid #555555; background: #ffffff">pucat</button>`;
			document.body.prepend(probe);
		});
		try {
			const boundaries = await weakBoundaries(page);
			expect(boundaries.some((p) => p.includes('pale-border-probe') && p.includes('#dddddd'))).toBe(true);
			// Text shows a button, not a field: a field with text but no border nor fill still fails.
			expect(boundaries.some((p) => p.includes('bare-probe') && p.includes('no border'))).toBe(true);
			expect(boundaries.some((p) => p.includes('pale-ring-probe'))).toBe(false);
			// Blurring keeps the Tab starting point, so after the input the first Tab reaches the button.
			await page.focus('[data-testid="pale-border-probe"]');
			expect((await focusWithoutRing(page, 2)).some((p) => p.includes('pale-ring-probe') && p.includes('#eeeeee'))).toBe(true);
		} finally {
			await page.evaluate(() => document.querySelector('[data-testid="pale-controls"]')?.remove());
		}
	});
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
		it(`${name} shows no Indonesian phrase, fits the window and its controls' boundaries contrast`, async () => {
			const { page } = site;
			await open(page, screen);
			expect(await page.getAttribute('html', 'lang')).toBe('en');
			expect(phrasesIn(await wordsOnPage(page), phrases)).toEqual([]);
			expect(await sidewaysProblems(page, `${name} (en)`)).toEqual([]);
			expect(await weakBoundaries(page)).toEqual([]);
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
		// The pair is damaged on purpose: the load stops, in English, and loads when the user accepts.
		const stop = page.locator('[role="alert"][data-testid="load-error"]');
		await stop.waitFor({ timeout: LOAD_TIMEOUT });
		expect(phrasesIn(withoutData(await stop.innerText()), phrases)).toEqual([]);
		// Every state of the report on the way: the findings shown beside this load's figures are this load's,
		// never the sample's still held from before (a new register's rows are read after its figures).
		await page.evaluate((sampleRows) => {
			const w = window as unknown as { __foreignFindings?: string[] };
			w.__foreignFindings = [];
			const look = () => {
				const read = document.querySelector('[data-testid="report-rows-read"]')?.getAttribute('data-value');
				if (read === null || read === undefined || Number(read) >= sampleRows) return;
				for (const row of document.querySelectorAll('[data-testid="report-row"]')) {
					const file = row.querySelectorAll('td')[1]?.textContent ?? '';
					if (file !== 'keluarga.csv' && file !== 'anggota.csv') w.__foreignFindings?.push(file);
				}
			};
			new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
		}, sample.people);
		await page.click('[data-testid="load-accept-rejected"]');
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
		expect(await page.evaluate(() => (window as unknown as { __foreignFindings?: string[] }).__foreignFindings)).toEqual([]);
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
