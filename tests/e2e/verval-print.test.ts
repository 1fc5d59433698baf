/**
 * Issue 13's print pages in the built site, on the bundled sample: the field form of the first village
 * with records of the first kecamatan of the sample's reference, and that kecamatan's camat page.
 *
 * With no round imported the form lists every person of the village, house by house. Two rounds of
 * field results for some of them are then built by the app's own import in DuckDB in Node and put in
 * the browser's fieldwork store (as the Verval screen would have saved them), with a pleno, a village
 * verified on paper and a deadline: after a reload the camat's page counts them, lists both rounds and
 * draws the chart, and the form no longer lists the people found. Each page is printed to an A4 PDF
 * by Chromium (non-empty, at least one page); in print media the app's navigation, top bar, credits
 * and buttons are hidden. An unknown kecamatan gets a message and the list to choose from. Nothing
 * leaves the origin.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldworkSchemaFingerprint } from '../../src/lib/core/catalog';
import type { Reference } from '../../src/lib/core/reference';
import { rowsOf } from '../../src/lib/core/rows';
import { NodeEngine } from '../../src/lib/engine/node';
import { bytesByteSource } from '../../src/lib/ingest/bytes-source';
import { importResultFile } from '../../src/lib/ingest/verval-results';
import {
	FIELDWORK_STORE_VERSION,
	exportFieldworkTables,
	ensureFieldworkTables,
	type FieldworkMeta
} from '../../src/lib/state/fieldwork-store';
import { LOAD_TIMEOUT, waitForRegister, type Counts } from './screen';
import { ARTIFACTS_DIR, BUILD_DIR, ROOT, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

interface Expected {
	kecamatan: { kode: string; nama: string };
	village: { kode: string; nama: string; people: number; households: number };
	/** Another village of the kecamatan, marked verified on paper. */
	paperVillage: string;
}

const PLENO_VILLAGE = '2026-11-20';
const PLENO_KECAMATAN = '2026-11-28';
const DEADLINE = '2026-12-15';

let site: Site;
let sample: Counts;
let expected: Expected;
/** NIKs the first form lists with no finding: the people the field results visit. */
let visited: string[] = [];
let formMembersBefore = 0;

/** The first kecamatan of the sample's reference and its first village with people, by DuckDB in Node. */
async function expectedFromSample(): Promise<Expected> {
	const reference = JSON.parse(await readFile(join(ROOT, 'data/reference.json'), 'utf8')) as Reference;
	const kecamatan = [...reference.kecamatan].sort((a, b) => a.kode.localeCompare(b.kode))[0];
	if (!kecamatan) throw new Error('no kecamatan in the reference');
	const villages = reference.villages.filter((v) => v.kecamatan_kode === kecamatan.kode).sort((a, b) => a.kode.localeCompare(b.kode));
	const engine = await NodeEngine.open();
	try {
		for (const table of ['household', 'person']) {
			await engine.createTableFromParquet(table, await readFile(join(BUILD_DIR, 'sample', 'register', `${table}.parquet`)));
		}
		const rows = rowsOf(
			await engine.query(`
SELECT h.village_kode, count(DISTINCT h.household_id) AS households, count(*) AS people
FROM person p JOIN household h ON h.household_id = p.household_id
GROUP BY h.village_kode`),
			{ village_kode: 'string?', households: 'number', people: 'number' }
		);
		const counts = new Map(rows.map((r) => [r.village_kode, r]));
		const village = villages.find((v) => (counts.get(v.kode)?.people ?? 0) > 0);
		const paper = villages.find((v) => v.kode !== village?.kode);
		if (!village || !paper) throw new Error(`no two villages with records in ${kecamatan.kode}`);
		const count = counts.get(village.kode);
		return {
			kecamatan: { kode: kecamatan.kode, nama: kecamatan.nama },
			village: { kode: village.kode, nama: village.nama, people: count?.people ?? 0, households: count?.households ?? 0 },
			paperVillage: paper.kode
		};
	} finally {
		await engine.close();
	}
}

/**
 * Two rounds of results for `niks`, imported by the app's own reader in DuckDB in Node: round 1 finds
 * the first half, round 2 finds the rest but one, who died. The tables as the fieldwork store keeps them.
 */
async function fieldworkFor(niks: readonly string[]): Promise<{ meta: FieldworkMeta; tables: Record<string, Uint8Array> }> {
	const half = Math.ceil(niks.length / 2);
	const round1 = niks.slice(0, half).map((nik) => `${nik},Ditemukan,2026-11-10`);
	const round2 = niks.slice(half).map((nik, i, all) => `${nik},${i === all.length - 1 ? 'Meninggal' : 'Ditemukan'},2026-11-24`);
	const text = (lines: string[]) => new TextEncoder().encode(['NIK,Status,Tanggal kunjungan', ...lines].join('\n') + '\n');
	const engine = await NodeEngine.open();
	try {
		await ensureFieldworkTables(engine);
		await importResultFile(engine, bytesByteSource('putaran-1.csv', text(round1)), { round: 1 });
		await importResultFile(engine, bytesByteSource('putaran-2.csv', text(round2)), { round: 2 });
		const tables = await exportFieldworkTables(engine);
		const at = '2026-11-25T08:00:00.000Z';
		return {
			meta: {
				version: FIELDWORK_STORE_VERSION,
				schema: fieldworkSchemaFingerprint(),
				rounds: [
					{ round: 1, files: [{ name: 'putaran-1.csv', rows: round1.length, unreadRows: 0, importedAt: at }] },
					{ round: 2, files: [{ name: 'putaran-2.csv', rows: round2.length, unreadRows: 0, importedAt: at }] }
				],
				plenos: { [`village:${expected.village.kode}`]: PLENO_VILLAGE, [`kecamatan:${expected.kecamatan.kode}`]: PLENO_KECAMATAN },
				paper: [expected.paperVillage],
				deadline: DEADLINE
			},
			tables
		};
	} finally {
		await engine.close();
	}
}

/** Puts fieldwork in the browser's store as the app saves it (state/fieldwork-store.ts). */
async function storeFieldwork(page: Page, fieldwork: { meta: FieldworkMeta; tables: Record<string, Uint8Array> }): Promise<void> {
	const tables = Object.entries(fieldwork.tables).map(([table, bytes]) => [table, [...bytes]] as const);
	await page.evaluate(
		async ({ meta, tables }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open('tepat-fieldwork', 1);
				req.onupgradeneeded = () => {
					if (!req.result.objectStoreNames.contains('fieldwork')) req.result.createObjectStore('fieldwork');
				};
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction('fieldwork', 'readwrite');
				const store = tx.objectStore('fieldwork');
				store.clear();
				for (const [table, bytes] of tables) store.put(new Uint8Array(bytes), `table:${table}`);
				store.put(meta, 'meta');
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ meta: fieldwork.meta, tables }
	);
}

/** Pages of a PDF as Chromium writes it: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPages(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** Prints the page as Chromium does for window.print() (A4, the page's own @page rules), kept in tests/artifacts. */
async function printPdf(page: Page, name: string): Promise<Buffer> {
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
	await writeFile(join(ARTIFACTS_DIR, `${name}.pdf`), pdf);
	expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(pdf.length).toBeGreaterThan(1000);
	expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
	return pdf;
}

/** In print media, the app's frame and every button are hidden (a screenshot kept); back to screen afterwards. */
async function expectFrameHiddenInPrint(page: Page, name: string): Promise<void> {
	await page.emulateMedia({ media: 'print' });
	try {
		await site.screenshot(`${name}-print`);
		const frame = [
			'nav',
			'[data-testid="nav-overview"]',
			'header.top',
			'[data-testid="register-badge"]',
			'[data-testid="lang-id"]',
			'[data-testid="credits"]',
			'[data-testid="print-button"]'
		];
		for (const selector of frame) expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
		expect(await page.locator('main').isVisible()).toBe(true);
	} finally {
		await page.emulateMedia({ media: 'screen' });
	}
	expect(await page.locator('[data-testid="nav-overview"]').isVisible()).toBe(true);
}

const cetakUrl = () => `${site.url}verval/cetak/?kecamatan=${encodeURIComponent(expected.kecamatan.kode)}`;
const formUrl = () => `${site.url}verval/formulir/?desa=${encodeURIComponent(expected.village.kode)}`;

async function openCamatPage(page: Page): Promise<void> {
	await page.goto(cetakUrl());
	await waitForRegister(page, sample);
	await page
		.locator(`[data-testid="print-camat"][data-kode="${expected.kecamatan.kode}"][data-ready="true"]`)
		.waitFor({ timeout: LOAD_TIMEOUT });
}

async function openForm(page: Page): Promise<void> {
	await page.goto(formUrl());
	await waitForRegister(page, sample);
	await page
		.locator(`[data-testid="print-form"][data-kode="${expected.village.kode}"][data-ready="true"]`)
		.waitFor({ timeout: LOAD_TIMEOUT });
}

const villageRow = (page: Page) => page.locator(`[data-testid="print-village-row"][data-kode="${expected.village.kode}"]`);
const id = (n: number) => n.toLocaleString('id-ID');

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	expected = await expectedFromSample();
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
});

describe('the verval print pages in Chromium', () => {
	it('prints the field form of a village with records: every person house by house, with tick boxes and signature lines', async () => {
		const { page } = site;
		await openForm(page);
		expect(await page.textContent('[data-testid="print-village-name"]')).toContain(expected.village.nama);
		expect(await page.textContent('[data-testid="print-form-kecamatan"]')).toContain(expected.kecamatan.nama);
		// No round imported: every person of the village is still to check.
		const members = page.locator('[data-testid="print-member"]');
		expect(await page.locator('[data-testid="print-household"]').count()).toBe(expected.village.households);
		formMembersBefore = await members.count();
		expect(formMembersBefore).toBe(expected.village.people);
		expect(await page.locator('[data-testid="print-member"]:not([data-reason="unchecked"])').count()).toBe(0);
		const ticks = (await members.first().textContent()) ?? '';
		for (const word of ['Ditemukan', 'Tidak ditemukan', 'Meninggal', 'Pindah', 'Mampu', 'Di luar kabupaten', 'Anggota baru'])
			expect(ticks).toContain(word);
		expect(ticks).toContain('☐');
		expect(await page.textContent('[data-testid="print-signature"]')).toContain('Kepala Desa/Lurah');
		// The people the rounds below visit: six with a 16-digit NIK and no finding.
		const niks = await page.$$eval('[data-testid="print-member"][data-findings="0"] [data-testid="print-member-nik"]', (cells) =>
			cells.map((c) => c.textContent?.trim() ?? '')
		);
		visited = niks.filter((nik) => /^\d{16}$/.test(nik) && niks.indexOf(nik) === niks.lastIndexOf(nik)).slice(0, 6);
		expect(visited.length).toBe(6);

		await expectFrameHiddenInPrint(page, 'verval-formulir');
		await printPdf(page, 'verval-formulir');
	});

	it("prints the camat's page of the first kecamatan before any round: nothing checked, every village listed", async () => {
		const { page } = site;
		await openCamatPage(page);
		expect(await page.textContent('[data-testid="print-kecamatan-name"]')).toContain(expected.kecamatan.nama);
		expect((await page.textContent('[data-testid="print-checksum"]'))?.trim()).toMatch(/^[0-9a-f]{8,}$/i);
		expect(await villageRow(page).locator('th').textContent()).toContain(expected.village.nama);
		expect(await villageRow(page).locator('td').nth(1).textContent()).toBe(`0/${id(expected.village.people)}`);
		expect(await page.locator('[data-testid="print-no-rounds"]').count()).toBe(1);
		expect(await page.textContent('[data-testid="print-deadline"]')).toBe('belum ditetapkan');
	});

	it("after two rounds, the camat's page counts them, lists the rounds, draws the chart and prints on A4", async () => {
		const { page } = site;
		await storeFieldwork(page, await fieldworkFor(visited));
		await openCamatPage(page);
		await page.locator('[data-testid="print-rounds"]').waitFor({ timeout: LOAD_TIMEOUT });

		const cells = villageRow(page).locator('td');
		expect(await cells.nth(1).textContent()).toBe(`${visited.length}/${id(expected.village.people)}`);
		expect(await cells.nth(2).textContent()).toBe(String(visited.length - 1)); // Ditemukan
		expect(await cells.nth(4).textContent()).toBe('1'); // Meninggal
		expect(await villageRow(page).locator('[data-testid="print-pleno"]').textContent()).toBe('20 November 2026');
		expect(
			await page.textContent(`[data-testid="print-village-row"][data-kode="${expected.paperVillage}"] [data-testid="print-paper"]`)
		).toContain('✓');
		expect(await page.textContent('[data-testid="print-pleno-kecamatan"]')).toContain('28 November 2026');
		expect(await page.textContent('[data-testid="print-deadline"]')).toBe('15 Desember 2026');
		expect(await page.textContent('[data-testid="print-people"]')).toContain(`${visited.length} dari`);

		const rounds = await page.$$eval('[data-testid="print-rounds"] tbody tr', (rows) =>
			rows.map((r) => [...r.children].map((c) => c.textContent?.trim()))
		);
		expect(rounds).toEqual([
			['Putaran 1', '10 November 2026', String(Math.ceil(visited.length / 2))],
			['Putaran 2', '24 November 2026', String(visited.length)]
		]);
		expect(await page.locator('[data-testid="progress-chart"] circle').count()).toBe(2);

		await expectFrameHiddenInPrint(page, 'verval-cetak');
		await printPdf(page, 'verval-cetak');
	});

	it('after the rounds, the field form no longer lists the people visited', async () => {
		const { page } = site;
		await openForm(page);
		expect(await page.locator('[data-testid="print-member"]').count()).toBe(formMembersBefore - visited.length);
		const niks = await page.$$eval('[data-testid="print-member-nik"]', (cells) => cells.map((c) => c.textContent?.trim() ?? ''));
		for (const nik of visited) expect(niks).not.toContain(nik);
	});

	it('answers an unknown kecamatan with a message and the kecamatan to choose from', async () => {
		const { page } = site;
		await page.goto(`${site.url}verval/cetak/?kecamatan=99.99.99`);
		await waitForRegister(page, sample);
		const message = page.locator('[data-testid="print-no-kecamatan"]');
		await message.waitFor({ timeout: LOAD_TIMEOUT });
		expect(await message.textContent()).toContain('99.99.99');
		const link = page.locator(`[data-testid="print-kecamatan-list"] a[data-kode="${expected.kecamatan.kode}"]`);
		expect(await link.textContent()).toBe(expected.kecamatan.nama);
		await link.click();
		await page
			.locator(`[data-testid="print-camat"][data-kode="${expected.kecamatan.kode}"][data-ready="true"]`)
			.waitFor({ timeout: LOAD_TIMEOUT });
		expect(new URL(page.url()).searchParams.get('kecamatan')).toBe(expected.kecamatan.kode);
	});

	it('made no request outside the served origin', () => {
		expect(site.failures).toEqual([]);
		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
