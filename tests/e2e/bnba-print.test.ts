/**
 * The printed BNBA (issue 15 point 2) in the built site, on the bundled sample and the default plan
 * (RTLH funded by the APBD line). DuckDB in Node computes, from the same prebuilt register, the
 * kecamatan with the most funded RTLH houses and its list grouped by village; the Plan screen's link
 * opens the print by keyboard; the kecamatan's print shows every village with its subtotal and the
 * grand total; a letterhead, a place and a second signatory are set in the page's form (kept in the
 * plan, no re-read of the list), and Chromium prints the page to an A4 PDF whose every page carries
 * text, the running header and "Halaman X dari Y", with the letterhead, the signatory and every
 * subtotal on paper. A programme whose regency list is too long to print asks for a kecamatan instead.
 * Nothing leaves the origin.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_VERSION, defaultPlan } from '../../src/lib/core/plan';
import { NodeEngine } from '../../src/lib/engine/node';
import { runAllocation, villageBudget } from '../../src/lib/queries/allocation';
import { BNBA_PRINT_LIMIT, bnbaPrintRows } from '../../src/lib/queries/bnba-print';
import { restorePrebuiltSample } from '../../src/lib/state/sample';
import { groupBnba, type BnbaGrouped } from '../../src/lib/ui/print/bnba';
import { pdfPageTexts } from './pdf';
import { LOAD_TIMEOUT, waitForAllocation, waitForRegister, type Counts } from './screen';
import { ARTIFACTS_DIR, BUILD_DIR, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

let site: Site;
let sample: Counts;
/** The kecamatan with the most funded RTLH houses, its list as the print groups it, and the budget's own count. */
let kecamatan: { kode: string; nama: string; grouped: BnbaGrouped; fundedUnits: number; fundedRupiah: number };
/** Funded RTLH houses in the whole regency. */
let regencyUnits = 0;

const LETTERHEAD = ['PEMERINTAH KABUPATEN UJI COBA', 'DINAS SOSIAL', 'Jl. Contoh No. 1, Kota Uji'];
const PLACE = 'Kota Uji';
const SIGNATORY = { position: 'Mengetahui, Sekretaris Daerah', name: 'Hj. Siti <b>Aminah</b>, S.Sos.', nip: '19700101 199003 2 002' };
const id = (n: number) => n.toLocaleString('id-ID');
const squeeze = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	const engine = await NodeEngine.open();
	try {
		const prebuilt = await restorePrebuiltSample(engine, async (path) => new Response(await readFile(join(BUILD_DIR, path))));
		if (!prebuilt) throw new Error('the prebuilt sample register is missing from build/sample/register');
		await runAllocation(engine, defaultPlan());
		const funded = (await villageBudget(engine)).filter((v) => v.programme === 'rtlh' && v.funded_units > 0);
		regencyUnits = funded.reduce((s, v) => s + v.funded_units, 0);
		const byKecamatan = new Map<string, { nama: string; units: number; rupiah: number; villages: number }>();
		for (const v of funded) {
			const k = byKecamatan.get(v.kecamatan_kode) ?? { nama: v.kecamatan_nama, units: 0, rupiah: 0, villages: 0 };
			k.units += v.funded_units;
			k.rupiah += v.funded_rupiah;
			k.villages += 1;
			byKecamatan.set(v.kecamatan_kode, k);
		}
		const [kode, most] = [...byKecamatan.entries()].sort((a, b) => b[1].units - a[1].units)[0] ?? [];
		if (!kode || !most || most.villages < 2) throw new Error('no kecamatan with funded RTLH houses in two villages in the sample');
		const grouped = groupBnba(await bnbaPrintRows(engine, 'rtlh', { level: 'kecamatan', kode }));
		kecamatan = { kode, nama: most.nama, grouped, fundedUnits: most.units, fundedRupiah: most.rupiah };
	} finally {
		await engine.close();
	}
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

const printUrl = (query: string) => `${site.url}cetak/bnba/?${query}`;

async function waitForPrint(page: Page, programme: string, scope: string): Promise<void> {
	await page
		.locator(`[data-testid="print-bnba"][data-programme="${programme}"][data-scope="${scope}"][data-ready="true"]`)
		.waitFor({ timeout: LOAD_TIMEOUT });
}

/** Leaves a field by keyboard, which applies it (change event). */
async function typeAndLeave(page: Page, testid: string, text: string): Promise<void> {
	await page.locator(`[data-testid="${testid}"]`).fill(text);
	await page.keyboard.press('Tab');
}

describe('the printed BNBA in Chromium', () => {
	it("opens from the Plan screen's link by keyboard, for the programme chosen there", async () => {
		const { page } = site;
		await page.goto(`${site.url}rencana/`);
		await waitForRegister(page, sample);
		await waitForAllocation(page);
		const link = page.locator('[data-testid="plan-print-bnba"]');
		expect(await link.evaluate((a) => a.tagName)).toBe('A');
		expect(new URL((await link.getAttribute('href')) ?? '', site.url).search).toBe('?program=rtlh');
		expect(await page.locator('[data-testid="plan-print-bnba-rtlh"]').getAttribute('href')).toContain('program=rtlh');
		await link.focus();
		await page.keyboard.press('Enter');
		await waitForPrint(page, 'rtlh', 'regency');
		expect(Number(await page.getAttribute('[data-testid="bnba-grand-total"]', 'data-units'))).toBe(regencyUnits);
		expect(await page.locator('[data-testid="bnba-row"]').count()).toBe(regencyUnits);
		// The default letterhead names the register's regency.
		expect(await page.textContent('[data-testid="bnba-letterhead-lines"]')).toContain('PEMERINTAH KABUPATEN KUTAI KARTANEGARA');
	});

	it("lists a kecamatan's funded houses by village with subtotals and the grand total", async () => {
		const { page } = site;
		await page.goto(printUrl(`program=rtlh&kecamatan=${encodeURIComponent(kecamatan.kode)}`));
		await waitForRegister(page, sample);
		await waitForPrint(page, 'rtlh', `kecamatan:${kecamatan.kode}`);
		const { grouped } = kecamatan;
		expect(grouped.total).toMatchObject({ units: kecamatan.fundedUnits, rupiah: kecamatan.fundedRupiah });

		const villages = grouped.kecamatan.flatMap((k) => k.villages);
		expect(await page.$$eval('[data-testid="bnba-village"]', (groups) => groups.map((g) => g.getAttribute('data-kode')))).toEqual(
			villages.map((v) => v.kode)
		);
		const subtotals = await page.$$eval('[data-testid="bnba-village-total"]', (rows) =>
			rows.map((r) => ['units', 'people', 'rupiah'].map((k) => Number(r.getAttribute(`data-${k}`))))
		);
		expect(subtotals).toEqual(villages.map((v) => [v.total.units, v.total.people, v.total.rupiah]));
		const grand = page.locator('[data-testid="bnba-grand-total"]');
		expect(await Promise.all(['units', 'people', 'rupiah'].map(async (k) => Number(await grand.getAttribute(`data-${k}`))))).toEqual([
			grouped.total.units,
			grouped.total.people,
			grouped.total.rupiah
		]);
		// Rows by village, then name.
		const names = await page.$$eval('[data-testid="bnba-row"] th', (cells) => cells.map((c) => c.textContent?.trim() ?? ''));
		expect(names).toEqual(villages.flatMap((v) => v.rows.map((r) => r.nama ?? '–')));
		expect(await page.textContent('[data-testid="bnba-funding"]')).toContain(`Rp ${id(kecamatan.fundedRupiah)}`);
	});

	it('keeps a letterhead, a place and a second signatory set by keyboard in the plan, without reading the list again', async () => {
		const { page } = site;
		const before = await page.locator('[data-testid="bnba-row"]').count();
		await typeAndLeave(page, 'bnba-letterhead', LETTERHEAD.join('\n'));
		await page.waitForFunction(
			(first) => document.querySelector('[data-testid="bnba-letterhead-lines"] p')?.textContent === first,
			LETTERHEAD[0]
		);
		await typeAndLeave(page, 'bnba-place', PLACE);
		// The new signatory: its fields by Tab, added with Enter.
		await page.locator('[data-testid="bnba-new-position"]').focus();
		await page.keyboard.type(SIGNATORY.position);
		await page.keyboard.press('Tab');
		await page.keyboard.type(SIGNATORY.name);
		await page.keyboard.press('Tab');
		await page.keyboard.type(SIGNATORY.nip);
		await page.keyboard.press('Enter');
		const signatories = page.locator('[data-testid="bnba-signatory"]');
		await page.waitForFunction(() => document.querySelectorAll('[data-testid="bnba-signatory"]').length === 2);
		expect(await page.locator('[data-testid="bnba-settings-refused"]').count()).toBe(0);

		expect(await page.$$eval('[data-testid="bnba-letterhead-lines"] p', (lines) => lines.map((p) => p.textContent))).toEqual(LETTERHEAD);
		const last = signatories.nth(1);
		// Typed text stays text: the name's "<b>" is printed, not applied.
		expect(await last.textContent()).toContain(SIGNATORY.name);
		expect(await last.locator('b').count()).toBe(0);
		expect(await last.textContent()).toContain(`NIP ${SIGNATORY.nip}`);
		expect(await page.textContent('[data-testid="bnba-place-date"]')).toContain(`${PLACE}, `);
		// The list was not read again: same rows, still ready.
		expect(await page.locator('[data-testid="bnba-row"]').count()).toBe(before);
		expect(await page.getAttribute('[data-testid="print-bnba"]', 'data-ready')).toBe('true');

		const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('tepat.plan.v1') ?? 'null'));
		expect(stored.version).toBe(PLAN_VERSION);
		expect(stored.print).toMatchObject({ letterhead: LETTERHEAD, place: PLACE });
		expect(stored.print.signatories[1]).toEqual(SIGNATORY);

		// After a reload the plan still carries them.
		await page.reload();
		await waitForRegister(page, sample);
		await waitForPrint(page, 'rtlh', `kecamatan:${kecamatan.kode}`);
		expect(await signatories.count()).toBe(2);
		expect(await page.inputValue('[data-testid="bnba-place"]')).toBe(PLACE);
	});

	it('prints on A4 with the letterhead, the signatory, every subtotal and the grand total; no controls on paper', async () => {
		const { page } = site;
		await page.emulateMedia({ media: 'print' });
		try {
			await site.screenshot('bnba-print');
			for (const selector of [
				'nav',
				'header.top',
				'[data-testid="credits"]',
				'[data-testid="bnba-settings"]',
				'[data-testid="print-button"]',
				'[data-testid="bnba-back"]'
			])
				expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
			expect(await page.locator('[data-testid="bnba-table"]').isVisible()).toBe(true);
			const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
			await writeFile(join(ARTIFACTS_DIR, 'bnba-kecamatan.pdf'), pdf);
			const pages = await pdfPageTexts(pdf);
			expect(pages.length).toBeGreaterThanOrEqual(1);
			// 13 or so houses with their village headings and subtotals: one to three pages.
			expect(pages.length).toBeLessThanOrEqual(Math.ceil(kecamatan.grouped.total.units / 5) + 1);
			const checksum = (await page.textContent('[data-testid="bnba-checksum"]'))?.trim() ?? '';
			expect(checksum).toMatch(/^[0-9a-f]{8,}$/);
			for (const [i, text] of pages.entries()) {
				// Every page has the list's text besides its margins, the running header and its number.
				expect(text.replace(/Halaman \d+ dari \d+/, '').trim().length, `page ${i + 1}`).toBeGreaterThan(200);
				expect(squeeze(text), `page ${i + 1}`).toContain(`checksumregister${checksum}`);
				expect(text, `page ${i + 1}`).toContain(`Halaman ${i + 1} dari ${pages.length}`);
				expect(text).not.toContain('Kop surat dan tanda tangan');
				expect(text).not.toContain('Kembali ke Rencana');
			}
			const all = squeeze(pages.join(' '));
			for (const line of LETTERHEAD) expect(all).toContain(squeeze(line));
			expect(all).toContain(squeeze(SIGNATORY.name));
			expect(all).toContain(squeeze(SIGNATORY.position));
			expect(all).toContain(squeeze(`NIP ${SIGNATORY.nip}`));
			expect(all).toContain(squeeze(`${PLACE},`));
			const labels = await page.$$eval('[data-testid="bnba-village-total"] th', (cells) => cells.map((c) => c.textContent ?? ''));
			const villages = kecamatan.grouped.kecamatan.flatMap((k) => k.villages);
			expect(labels.length).toBe(villages.length);
			for (const [i, v] of villages.entries()) {
				expect(all).toContain(squeeze(labels[i] ?? ''));
				expect(labels[i]).toContain(`(${id(v.total.units)} unit)`);
				// The subtotal row on paper: its label, people and Rupiah in a row.
				expect(all).toContain(squeeze(`${labels[i]} ${id(v.total.people)} Rp ${id(v.total.rupiah)}`));
			}
			const { total } = kecamatan.grouped;
			expect(all).toContain(squeeze(`(${id(total.units)} unit) ${id(total.people)} Rp ${id(total.rupiah)}`));
		} finally {
			await page.emulateMedia({ media: 'screen' });
		}
	});

	it('says the print in English when the app is', async () => {
		const { page } = site;
		await page.click('[data-testid="lang-en"]');
		await waitForPrint(page, 'rtlh', `kecamatan:${kecamatan.kode}`);
		expect(await page.textContent('[data-testid="bnba-heading"]')).toContain('Recipients by name and address (BNBA)');
		expect(await page.textContent('[data-testid="bnba-settings"] h2')).toBe('Letterhead and signatures');
		expect(await page.textContent('[data-testid="bnba-grand-total"] th')).toContain(`(${id(kecamatan.grouped.total.units)} units)`);
		const pages = await pdfPageTexts(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
		expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
		await page.click('[data-testid="lang-id"]');
		await waitForPrint(page, 'rtlh', `kecamatan:${kecamatan.kode}`);
	});

	it('asks for a kecamatan when the whole regency has more units than a print can hold', async () => {
		const { page } = site;
		// Every PIP candidate funded: far more pupils than one print holds.
		await page.evaluate(() => {
			const plan = JSON.parse(localStorage.getItem('tepat.plan.v1') ?? '{}');
			plan.fundingLines[0].budgets.pip = 1_000_000_000_000;
			localStorage.setItem('tepat.plan.v1', JSON.stringify(plan));
		});
		await page.goto(printUrl('program=pip'));
		await waitForRegister(page, sample);
		const tooMany = page.locator('[data-testid="bnba-too-many"]');
		await tooMany.waitFor({ timeout: LOAD_TIMEOUT });
		const total = Number(await tooMany.getAttribute('data-total'));
		expect(total).toBeGreaterThan(BNBA_PRINT_LIMIT);
		expect(await tooMany.textContent()).toContain(id(total));
		expect(await tooMany.textContent()).toContain(id(BNBA_PRINT_LIMIT));
		expect(await page.locator('[data-testid="bnba-row"]').count()).toBe(0);
		const choices = await page.$$eval('[data-testid="bnba-scope-list"] a', (links) =>
			links.map((a) => ({ href: a.getAttribute('href') ?? '', units: Number(a.getAttribute('data-units')) }))
		);
		expect(choices.length).toBeGreaterThan(1);
		expect(choices.reduce((s, c) => s + c.units, 0)).toBe(total);
		for (const choice of choices) expect(choice.href).toMatch(/program=pip&kecamatan=64\.02\.\d\d$/);
	});

	it('answers an unknown kecamatan and an unknown programme with what to choose', async () => {
		const { page } = site;
		await page.goto(printUrl('program=rtlh&kecamatan=64.02.99'));
		await page.locator('[data-testid="bnba-unknown-scope"]').waitFor({ timeout: LOAD_TIMEOUT });
		expect(await page.textContent('[data-testid="bnba-unknown-scope"]')).toContain('64.02.99');
		await page.goto(printUrl('program=beasiswa'));
		await page.locator('[data-testid="bnba-no-programme"]').waitFor({ timeout: LOAD_TIMEOUT });
		expect(await page.locator('[data-testid="bnba-programme-list"] a[data-programme="rtlh"]').count()).toBe(1);
	});

	it('made no request outside the served origin', () => {
		expect(site.failures).toEqual([]);
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
