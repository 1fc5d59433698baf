/**
 * Issue 16's round trip in the built site, in Chromium, on the bundled sample register. As Dinsos, the
 * Mitra screen opens a plan whose budgets leave need unfunded and exports the partner pack, which is
 * the pack DuckDB in Node builds for the same register and plan. A partner opens it in partner mode
 * (/tjsp/), records a pledge of 2 units and downloads the pledge file. Dinsos imports it on /mitra/:
 * the CSR line is in the plan (read-only on the Plan screen), the gap table shows it, and the gap of
 * its village falls by exactly the 2 units (worked out in Node with the engine). Dinsos then exports
 * the encrypted list of the pledge's units with a BAST: Node decrypts the download with the same
 * passphrase and finds exactly the units Node's allocation gives the pledge; the BAST log survives a
 * reload and prints; the app opens the file again with the passphrase, and refuses a wrong one and a
 * changed byte with the words of the error, never a partial list. Nothing leaves the origin.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoundaryCollection } from '../../src/lib/core/geo/types';
import { decryptEnvelope } from '../../src/lib/core/partner/envelope';
import type { PackVillage, PartnerPack } from '../../src/lib/core/partner/pack';
import { parsePack } from '../../src/lib/core/partner/pack-file';
import {
	importPledges,
	parsePledgeFile,
	pledgeLinesOf,
	seenIn,
	serialisePledgeFile,
	type PledgeFile
} from '../../src/lib/core/partner/pledge';
import { serialisePlan, type Plan, type ProgrammeId } from '../../src/lib/core/plan';
import { sha256Hex } from '../../src/lib/core/sha256';
import { NodeEngine } from '../../src/lib/engine/node';
import { runAllocation, type BnbaRow } from '../../src/lib/queries/allocation';
import { partnerPack, unmetNeed } from '../../src/lib/queries/partner-pack';
import { handoverRows, pledgeStanding } from '../../src/lib/queries/pledges';
import { restorePrebuiltSample } from '../../src/lib/state/sample';
import { csvRows } from '../../src/lib/state/mitra-rows';
import { budgetedPlan } from '../fixtures/plans';
import { LOAD_TIMEOUT, waitForAllocation, waitForRegister, type Counts } from './screen';
import { BUILD_DIR, ROOT, assertPrerequisites, foreignRequests, openSite, type Site } from './site';
import { indonesianPhrases, phrasesIn } from './words';

const PASSPHRASE = 'kunci serah terima 2027';
const FIRM = 'PT Uji Coba Sejahtera';
const CONTACT = 'Ibu Rina, 0812 0000 0000';
const PLEDGED = 2;
const BAST_NUMBER = '001/BAST/DINSOS/2027';
const RUPIAH_FIRM = 'CV Sumber Rejeki';

let site: Site;
let sample: Counts;
let dir: string;
let engine: NodeEngine;
let plan: Plan;
/** The pack Node builds for the sample and the plan. */
let nodePack: PartnerPack;
/** The village and programme the partner pledges for: published need of at least PLEDGED units. */
let target: { village: PackVillage; programme: ProgrammeId; units: number };
let packPath: string;
let packChecksum: string;
let pledgePath: string;
let pledgeFile: PledgeFile;
let encPath: string;

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	engine = await NodeEngine.open();
	if (!(await restorePrebuiltSample(engine, async (path) => new Response(await readFile(join(BUILD_DIR, path)))))) {
		throw new Error('the prebuilt sample register is missing from build/sample/register');
	}
	plan = budgetedPlan();
	await runAllocation(engine, plan);
	const boundaries = JSON.parse(await readFile(join(ROOT, 'data/boundaries/kukar-desa.geojson'), 'utf8')) as BoundaryCollection;
	nodePack = await partnerPack(engine, {
		plan,
		regency: { kode: '64.02', nama: 'Kabupaten Kutai Kartanegara' },
		boundaries,
		attribution: null
	});
	const open = nodePack.villages.flatMap((v) =>
		nodePack.programmes
			.filter((p) => (v.need[p]?.units ?? 0) >= PLEDGED)
			.map((programme) => ({ village: v, programme, units: v.need[programme]?.units ?? 0 }))
	);
	if (!open[0]) throw new Error('the sample pack has no published need to pledge for');
	target = open[0];
	dir = await mkdtemp(join(tmpdir(), 'tepat-mitra-'));
	await writeFile(join(dir, 'rencana-mitra.json'), serialisePlan(plan));
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
	await engine?.close();
	if (dir) await rm(dir, { recursive: true, force: true });
});

/** Waits until the Mitra screen's pledges are read for the allocation of the plan as it is now. */
async function waitForStanding(page: Page, lines: number): Promise<void> {
	await page.waitForSelector(`[data-testid="mitra-standing"][aria-busy="false"][data-lines="${lines}"]`, { timeout: LOAD_TIMEOUT });
}

async function downloadBytes(
	page: Page,
	click: () => Promise<void>,
	saveAs?: string
): Promise<{ name: string; path: string; bytes: Buffer }> {
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: LOAD_TIMEOUT }), click()]);
	const name = download.suggestedFilename();
	const path = join(dir, saveAs ?? name);
	await download.saveAs(path);
	return { name, path, bytes: await readFile(path) };
}

describe('the Mitra screen and partner mode, round trip', () => {
	it('opens the plan and exports the partner pack Node builds for the same register and plan', async () => {
		const { page } = site;
		await page.goto(site.url);
		await waitForRegister(page, sample);
		await page.click('[data-testid="nav-mitra"]');
		await page.waitForURL(/\/mitra\/$/);
		expect(await page.getAttribute('[data-testid="mitra-partner-mode"]', 'href')).toMatch(/\/tjsp\/$/);
		await page.setInputFiles('[data-testid="mitra-plan-file-open-input"]', join(dir, 'rencana-mitra.json'));
		await page.waitForSelector('[data-testid="mitra-plan-message"]', { timeout: LOAD_TIMEOUT });
		await waitForStanding(page, 0);

		const pack = await downloadBytes(page, () => page.click('[data-testid="mitra-pack-export"]'));
		expect(pack.name).toMatch(/^paket-mitra-.+\.tepat$/);
		packPath = pack.path;
		packChecksum = await sha256Hex(new Uint8Array(pack.bytes));
		const browserPack = parsePack(pack.bytes.toString('utf8'), pack.name);
		// The same figures: every village's need, totals and indicators, the register, the threshold.
		expect(browserPack.register).toEqual(nodePack.register);
		expect(browserPack.plan).toEqual(nodePack.plan);
		expect(browserPack.villages).toEqual(nodePack.villages);
		expect(browserPack.kecamatan).toEqual(nodePack.kecamatan);
		expect(browserPack.boundaries?.features.length).toBe(nodePack.boundaries?.features.length);
		const made = page.locator('[data-testid="mitra-pack-made"]');
		const hidden = nodePack.villages.filter((v) => Object.values(v.need).some((f) => f.units === null)).length;
		expect(hidden).toBeGreaterThan(0);
		expect(await made.getAttribute('data-hidden')).toBe(String(hidden));
		expect(await made.getAttribute('data-threshold')).toBe(String(plan.partner.threshold));
		expect(await made.getAttribute('data-checksum')).toBe(packChecksum);
		expect(await made.textContent()).toContain(`ambang ${plan.partner.threshold}`);
	});

	it('a partner opens that pack in partner mode and downloads a pledge of 2 units', async () => {
		const { page } = site;
		await page.click('[data-testid="mitra-partner-mode"]');
		await page.waitForURL(/\/tjsp\/$/);
		await page.locator('[data-testid="partner-page"]').waitFor({ timeout: LOAD_TIMEOUT });
		await page.setInputFiles('[data-testid="pack-input"]', packPath);
		await page
			.locator(`[data-testid="partner-page"][data-status="ready"][data-checksum="${packChecksum}"]`)
			.waitFor({ timeout: LOAD_TIMEOUT });
		await page.fill('[data-testid="pledge-firm"]', FIRM);
		await page.fill('[data-testid="pledge-contact"]', CONTACT);
		await page.check(`[data-testid="pledge-programme-${target.programme}"]`);
		await page.check(`[data-testid="pledge-village"][data-kode="${target.village.kode}"]`);
		await page.check('[data-testid="pledge-kind-units"]');
		await page.fill('[data-testid="pledge-amount"]', String(PLEDGED));
		await page.press('[data-testid="pledge-amount"]', 'Enter');
		await page.locator('[data-testid="pledge-row"][data-id="P1"]').waitFor({ timeout: LOAD_TIMEOUT });
		const pledge = await downloadBytes(page, () => page.click('[data-testid="pledge-download"]'));
		pledgePath = pledge.path;
		pledgeFile = parsePledgeFile(pledge.bytes.toString('utf8'), pledge.name);
		expect(pledgeFile.pack.checksum).toBe(packChecksum);
		expect(pledgeFile.pledges.map((p) => [p.programme, p.villages, p.units])).toEqual([[target.programme, [target.village.kode], PLEDGED]]);
	});

	it('Dinsos imports the pledge: a CSR line in the plan, and the gap of its village falls by exactly 2 units', async () => {
		const { page } = site;
		await page.goto(`${site.url}mitra/`);
		await waitForRegister(page, sample);
		await waitForStanding(page, 0);
		await page.setInputFiles('[data-testid="pledge-input"]', pledgePath);
		const ok = page.locator('[data-testid="pledge-import-ok"]');
		await ok.waitFor({ timeout: LOAD_TIMEOUT });
		// Made against the pack exported here, from the loaded register: no warning.
		expect(await page.locator('[data-testid="pledge-import-warning"]').count()).toBe(0);
		const [line] = (await ok.getAttribute('data-lines'))?.split(' ') ?? [];
		expect(line).toMatch(/^csr-pt-uji-coba-sejah/);
		await waitForStanding(page, 1);

		// Node, same register: the unmet units before, and the gap after the pledge's line is drawn.
		const before = (await unmetNeed(engine)).find((u) => u.programme === target.programme && u.village_kode === target.village.kode);
		expect(before?.units).toBe(target.units);
		const withPledge = importPledges(plan, pledgeFile).plan;
		await runAllocation(engine, withPledge);
		const standing = await pledgeStanding(engine, withPledge);
		const gap = standing.gaps.find((g) => g.programme === target.programme && g.village_kode === target.village.kode);
		expect(gap?.gap).toBe(target.units - PLEDGED);
		expect(gap?.pledges[line ?? '']).toBe(PLEDGED);

		const row = page.locator(`[data-testid="gap-row"][data-programme="${target.programme}"][data-kode="${target.village.kode}"]`);
		expect(await row.getAttribute('data-gap')).toBe(String(target.units - PLEDGED));
		expect(await row.getAttribute('data-need')).toBe(String(gap?.need));
		expect(await row.locator(`[data-testid="gap-pledge"][data-line="${line}"]`).getAttribute('data-value')).toBe(String(PLEDGED));
		expect(await row.locator('th').textContent()).toContain(target.village.nama);
		const listed = page.locator(`[data-testid="pledge-line"][data-line="${line}"]`);
		expect(await listed.getAttribute('data-drawn')).toBe(String(PLEDGED));
		expect(await listed.getAttribute('data-flags')).toBe('');
		expect(await listed.textContent()).toContain(FIRM);
	});

	it('shows the pledge line read-only on the Plan screen', async () => {
		const { page } = site;
		await page.click('[data-testid="nav-plan"]');
		await page.waitForURL(/\/rencana\/$/);
		await waitForAllocation(page);
		const row = page.locator('[data-testid="funding-line"][data-pledge="true"]');
		expect(await row.count()).toBe(1);
		expect(await row.textContent()).toContain('dari janji mitra, ubah di layar Mitra');
		expect(await row.locator('input, select').count()).toBe(0);
		expect(await row.locator('[data-testid^="funding-line-remove-"]').count()).toBe(0);
	});

	it('exports the encrypted list of exactly the pledged units, which Node decrypts with the passphrase', async () => {
		const { page } = site;
		await page.click('[data-testid="nav-mitra"]');
		await page.waitForURL(/\/mitra\/$/);
		await waitForStanding(page, 1);
		await page.fill('[data-testid="handover-passphrase"]', PASSPHRASE);
		await page.fill('[data-testid="handover-passphrase-again"]', `${PASSPHRASE}x`);
		await page.fill('[data-testid="handover-number"]', BAST_NUMBER);
		await page.fill('[data-testid="handover-recipient"]', 'Rina Wulandari');
		await page.fill('[data-testid="handover-recipient-contact"]', CONTACT);
		await page.fill('[data-testid="handover-officer"]', 'Budi Santoso');
		await page.fill('[data-testid="handover-position"]', 'Kepala Bidang Pemberdayaan Sosial');
		await page.click('[data-testid="handover-submit"]');
		expect(await page.textContent('[data-testid="handover-error"]')).toContain('Kedua frasa sandi tidak sama.');

		await page.fill('[data-testid="handover-passphrase-again"]', PASSPHRASE);
		const enc = await downloadBytes(page, () => page.click('[data-testid="handover-submit"]'));
		expect(enc.name).toMatch(/^serah-terima-csr-.+\.enc$/);
		encPath = enc.path;
		await page.locator(`[data-testid="handover-done"][data-number="${BAST_NUMBER}"]`).waitFor({ timeout: LOAD_TIMEOUT });
		// The passphrase is not kept in the form.
		expect(await page.inputValue('[data-testid="handover-passphrase"]')).toBe('');

		const opened = await decryptEnvelope(new Uint8Array(enc.bytes), PASSPHRASE);
		expect(opened.header.kdf.iterations).toBeGreaterThanOrEqual(600_000);
		expect(opened.header.meta.bast).toMatchObject({ number: BAST_NUMBER, firm: FIRM, units: PLEDGED, programme: target.programme });
		const [header, ...rows] = csvRows(new TextDecoder().decode(opened.plain));
		expect(header?.length).toBeGreaterThan(5);
		const expected: BnbaRow[] = await handoverRows(engine, pledgeLinesOf(importPledges(plan, pledgeFile).plan, pledgeFile));
		expect(expected).toHaveLength(PLEDGED);
		expect(rows.map((r) => r[5]).sort()).toEqual(expected.map((r) => r.household_id).sort());
		expect(new Set(rows.map((r) => r[3]))).toEqual(new Set([target.village.kode]));

		const logged = page.locator(`[data-testid="bast-row"][data-number="${BAST_NUMBER}"]`);
		expect(await logged.getAttribute('data-sha256')).toBe(await sha256Hex(new Uint8Array(enc.bytes)));
	});

	it('keeps the BAST log over a reload, downloads it as CSV and prints the BAST', async () => {
		const { page } = site;
		await page.reload();
		await waitForRegister(page, sample);
		await page.waitForSelector('[data-testid="mitra-bast-log"][data-count="1"]', { timeout: LOAD_TIMEOUT });
		const log = await downloadBytes(page, () => page.click('[data-testid="bast-log-download"]'), 'log-bast.csv');
		const [head, first] = csvRows(log.bytes.toString('utf8'));
		expect(head?.slice(0, 3)).toEqual(['number', 'handed_over_at', 'programme']);
		expect(first?.[0]).toBe(BAST_NUMBER);
		const sha = await sha256Hex(new Uint8Array(await readFile(encPath)));
		expect(first).toContain(sha);

		await page.click(`[data-testid="bast-row"][data-number="${BAST_NUMBER}"] [data-testid="bast-print"]`);
		await page.waitForSelector('[data-testid="print-bast"][data-ready="true"]', { timeout: LOAD_TIMEOUT });
		expect(await page.textContent('[data-testid="print-bast-sha256"]')).toBe(sha);
		expect(await page.textContent('[data-testid="print-bast-units"]')).toBe(String(PLEDGED));
		const sheet = await page.textContent('[data-testid="print-bast"]');
		for (const part of ['Rina Wulandari', 'Budi Santoso', FIRM, BAST_NUMBER]) expect(sheet).toContain(part);
		await page.goBack();
		await page.waitForURL(/\/mitra\/$/);
	});

	it('opens the file again with the passphrase, and refuses a wrong one and a changed byte', async () => {
		const { page } = site;
		await page.waitForSelector('[data-testid="open-form"]', { timeout: LOAD_TIMEOUT });
		await page.setInputFiles('[data-testid="open-input"]', encPath);
		await page.waitForSelector('[data-testid="open-header"]', { timeout: LOAD_TIMEOUT });
		expect(await page.textContent('[data-testid="open-header"]')).toContain(BAST_NUMBER);

		await page.fill('[data-testid="open-passphrase"]', 'bukan frasa sandinya');
		await page.click('[data-testid="open-submit"]');
		const error = page.locator('[data-testid="open-error"]');
		await error.waitFor({ timeout: LOAD_TIMEOUT });
		expect(await error.textContent()).toContain('Frasa sandi salah, atau berkas telah diubah.');
		expect(await page.locator('[data-testid="opened"]').count()).toBe(0);

		const changed = Buffer.from(await readFile(encPath));
		changed[changed.length - 20] = (changed[changed.length - 20] ?? 0) ^ 0x01;
		const changedPath = join(dir, 'diubah.enc');
		await writeFile(changedPath, changed);
		await page.setInputFiles('[data-testid="open-input"]', changedPath);
		await page.fill('[data-testid="open-passphrase"]', PASSPHRASE);
		await page.click('[data-testid="open-submit"]');
		await error.waitFor({ timeout: LOAD_TIMEOUT });
		expect(await error.textContent()).toContain('Frasa sandi salah, atau berkas telah diubah.');
		expect(await page.locator('[data-testid="opened"]').count()).toBe(0);

		await page.setInputFiles('[data-testid="open-input"]', encPath);
		await page.fill('[data-testid="open-passphrase"]', PASSPHRASE);
		await page.click('[data-testid="open-submit"]');
		const opened = page.locator('[data-testid="opened"]');
		await opened.waitFor({ timeout: LOAD_TIMEOUT });
		expect(await opened.getAttribute('data-rows')).toBe(String(PLEDGED));
		expect(await page.locator('[data-testid="open-error"]').count()).toBe(0);
		const csv = await downloadBytes(page, () => page.click('[data-testid="opened-download"]'));
		expect(csvRows(csv.bytes.toString('utf8'))).toHaveLength(PLEDGED + 1);
	});

	it('imports a Rupiah pledge made against another pack with warnings, and refuses a broken file whole', async () => {
		const { page } = site;
		// Another cell with published need and Rupiah: the partner pledges exactly its Rupiah.
		const cell = nodePack.villages
			.flatMap((v) => nodePack.programmes.map((programme) => ({ village: v, programme, figure: v.need[programme] })))
			.find(
				(c) =>
					!(c.village.kode === target.village.kode && c.programme === target.programme) &&
					(c.figure?.units ?? 0) > 0 &&
					(c.figure?.rupiah ?? 0) > 0
			);
		if (!cell?.figure?.rupiah) throw new Error('the sample pack has no second cell with published Rupiah');
		const rupiahFile: PledgeFile = {
			format: 'tepat-pledge',
			version: 1,
			createdAt: new Date().toISOString(),
			firm: RUPIAH_FIRM,
			contact: 'Pak Joko',
			pack: { checksum: 'f'.repeat(64), title: nodePack.plan.title, register: 'register-lain' },
			pledges: [
				{
					id: 'R1',
					programme: cell.programme,
					villages: [cell.village.kode],
					units: null,
					rupiah: cell.figure.rupiah,
					year: 2027,
					...seenIn(nodePack, cell.programme, [cell.village.kode])
				}
			]
		};
		const rupiahPath = join(dir, 'janji-cv-sumber-rejeki.json');
		await writeFile(rupiahPath, serialisePledgeFile(rupiahFile));
		const broken = JSON.parse(serialisePledgeFile(rupiahFile)) as { firm: string; pledges: { programme: string }[] };
		broken.firm = 'PT Rusak';
		if (broken.pledges[0]) broken.pledges[0].programme = 'sembako';
		const brokenPath = join(dir, 'janji-rusak.json');
		await writeFile(brokenPath, JSON.stringify(broken));

		await page.setInputFiles('[data-testid="pledge-input"]', [rupiahPath, brokenPath]);
		const refused = page.locator('[data-testid="pledge-import-error"][data-file="janji-rusak.json"]');
		await refused.waitFor({ timeout: LOAD_TIMEOUT });
		expect(await refused.textContent()).toContain("Berkas janji 'janji-rusak.json' tidak sah pada pledges[0].programme.");
		const ok = page.locator('[data-testid="pledge-import-ok"][data-file="janji-cv-sumber-rejeki.json"]');
		expect(await ok.locator('[data-testid="pledge-import-warning"]').evaluateAll((w) => w.map((e) => e.getAttribute('data-kind')))).toEqual(
			['register', 'pack']
		);
		const [line] = (await ok.getAttribute('data-lines'))?.split(' ') ?? [];
		await waitForStanding(page, 2);

		// Node: the plan with both pledges, drawn after APBD/APBN.
		const withBoth = importPledges(importPledges(plan, pledgeFile).plan, rupiahFile).plan;
		await runAllocation(engine, withBoth);
		const standing = await pledgeStanding(engine, withBoth);
		const draw = standing.draws.find((d) => d.line === line);
		const gap = standing.gaps.find((g) => g.programme === cell.programme && g.village_kode === cell.village.kode);
		expect(draw?.units).toBeGreaterThan(0);
		expect(draw?.rupiah).toBeLessThanOrEqual(cell.figure.rupiah);
		expect(gap?.gap).toBe((cell.figure.units ?? 0) - (draw?.units ?? 0));

		const listed = page.locator(`[data-testid="pledge-line"][data-line="${line}"]`);
		expect(await listed.getAttribute('data-unit')).toBe('rupiah');
		expect(await listed.getAttribute('data-pledged')).toBe(String(cell.figure.rupiah));
		expect(await listed.getAttribute('data-drawn')).toBe(String(draw?.units));
		const row = page.locator(`[data-testid="gap-row"][data-programme="${cell.programme}"][data-kode="${cell.village.kode}"]`);
		expect(await row.getAttribute('data-gap')).toBe(String(gap?.gap));
		// The broken file changed nothing: two pledge lines, neither from PT Rusak.
		expect(await page.locator('[data-testid="pledge-line"]').count()).toBe(2);
		expect(await page.textContent('[data-testid="mitra-standing"]')).not.toContain('PT Rusak');
		await site.screenshot('mitra-01-two-pledges');
	});

	it('speaks English with pledges, a handover and an opened list on screen, none of our Indonesian left', async () => {
		const { page } = site;
		await page.click('[data-testid="lang-en"]');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await page.getByText('Pledges in the plan and the gap').waitFor({ timeout: LOAD_TIMEOUT });
		await page.waitForFunction(() => document.title.startsWith('Partners (Forum TJSP)'), null, { timeout: 10_000 });
		const names = [FIRM, RUPIAH_FIRM, CONTACT, BAST_NUMBER, plan.name, ...plan.fundingLines.map((l) => l.name)];
		const shown = await page.evaluate(() => {
			// SvelteKit's route announcer keeps the title it read out at the last navigation, in the language of
			// that moment (the language switch is no navigation): what it said was said, so it is left out.
			const announcer = document.getElementById('svelte-announcer')?.innerText ?? '';
			const parts = [document.title, document.body.innerText.replace(announcer, ' ')];
			for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
				for (const a of ['aria-label', 'title', 'placeholder']) parts.push(el.getAttribute(a) ?? '');
			}
			const data = [...document.querySelectorAll<HTMLElement>('[translate="no"]')].map((el) => el.innerText.trim()).filter(Boolean);
			return { text: parts.join('\n'), data };
		});
		const text = [...shown.data, ...names]
			.sort((a, b) => b.length - a.length)
			.reduce((t, name) => t.split(name).join(' '), shown.text.replace(/\s+/g, ' '))
			.replace(/\S*[_-]\S*/g, ' ');
		expect(phrasesIn(text, indonesianPhrases())).toEqual([]);
		expect(text).toContain('Gap per village');
		await page.click('[data-testid="nav-plan"]');
		await page.waitForURL(/\/rencana\/$/);
		expect(await page.textContent('[data-testid="funding-line"][data-pledge="true"]')).toContain("from a partner's pledge");
		await page.click('[data-testid="lang-id"]');
		await page.waitForFunction(() => document.documentElement.lang === 'id');
	});

	it('asked nothing of another origin', () => {
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
		expect(site.failures).toEqual([]);
	});
});
