/**
 * Issue 13 end to end, in the built site on the bundled sample: two rounds of field results imported on
 * the Verval screen (a Google Forms export as it comes, then a field team's sheet with a same-round
 * conflict and a NIK the register does not have); the kecamatan's progress changes with each round and
 * the map's figure for the village follows without the register being loaded again; the conflict is
 * decided with a reason; a reload keeps it all; no request leaves the origin.
 *
 * The expected figures are not typed in: Node DuckDB works them out from the same prebuilt register
 * tables and the same files with the same SQL (importResultFile, resolve, villageIndicatorsSql).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql } from '../../src/lib/core/catalog';
import { villageIndicatorsSql } from '../../src/lib/core/indicators';
import { defaultPlan } from '../../src/lib/core/plan';
import { rowsOf } from '../../src/lib/core/rows';
import { kecamatanProgressSql } from '../../src/lib/core/verval/progress';
import { decisionStatements } from '../../src/lib/core/verval/decisions';
import { NodeEngine } from '../../src/lib/engine/node';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { importResultFile } from '../../src/lib/ingest/verval-results';
import { resolveVerifiedSet } from '../../src/lib/queries/fieldwork';
import { restorePrebuiltSample } from '../../src/lib/state/sample';
import { LOAD_TIMEOUT, waitForRegister, type Counts } from './screen';
import { BUILD_DIR, assertPrerequisites, foreignRequests, openSite, type Site } from './site';

let site: Site;
let sample: Counts;
let engine: NodeEngine;
let dir: string;

interface Planted {
	village: string;
	kecamatan: string;
	round1: string;
	round2: string;
	conflictNik: string;
}
let planted: Planted;

const formatId = (n: number) => new Intl.NumberFormat('id-ID').format(n);

/** A village's RTLH count, on the register's statuses or the verified set. */
async function rtlhOf(village: string, source: 'register' | 'field' = 'field'): Promise<number> {
	const rows = rowsOf(await engine.query(villageIndicatorsSql(defaultPlan(), source)), { kode: 'string', rtlh_count: 'number' });
	return rows.find((r) => r.kode === village)?.rtlh_count ?? Number.NaN;
}

async function peopleChecked(kecamatan: string): Promise<string> {
	const rows = rowsOf(await engine.query(kecamatanProgressSql()), { kecamatan_kode: 'string', people: 'number', people_checked: 'number' });
	const row = rows.find((r) => r.kecamatan_kode === kecamatan);
	return `${formatId(row?.people_checked ?? 0)} dari ${formatId(row?.people ?? 0)}`;
}

/** The map table twin's RTLH count of a village, once the figures there answer `wanted`. */
async function mapCount(page: Page, village: string, wanted: number): Promise<number> {
	await page.click('[data-testid="nav-map"]');
	await page.selectOption('[data-testid="map-indicator"]', 'rtlh');
	await page.waitForFunction(
		({ kode, n }) =>
			Number(
				document.querySelector(`[data-testid="indicator-table-row"][data-kode="${kode}"] [data-col="count"]`)?.getAttribute('data-value')
			) === n,
		{ kode: village, n: wanted },
		{ timeout: LOAD_TIMEOUT }
	);
	return Number(await page.getAttribute(`[data-testid="indicator-table-row"][data-kode="${village}"] [data-col="count"]`, 'data-value'));
}

async function waitForChecked(page: Page, kecamatan: string, text: string): Promise<void> {
	await page.waitForFunction(
		({ kode, t }) =>
			document.querySelector(`[data-testid="verval-kecamatan-${kode}"] [data-testid="verval-people-checked"]`)?.textContent?.trim() === t,
		{ kode: kecamatan, t: text },
		{ timeout: LOAD_TIMEOUT }
	);
}

beforeAll(async () => {
	assertPrerequisites();
	const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'sample', 'manifest.json'), 'utf8')) as { people: number; families: number };
	sample = { households: manifest.families, people: manifest.people };
	engine = await NodeEngine.open();
	const prebuilt = await restorePrebuiltSample(engine, async (path) => new Response(await readFile(join(BUILD_DIR, path))));
	if (!prebuilt) throw new Error('the prebuilt sample register is missing from build/sample/register');
	await engine.exec(createTableSql('verval_decision'));

	// The village with the most unfit houses, and its households in order.
	const figures = rowsOf(await engine.query(villageIndicatorsSql(defaultPlan())), { kode: 'string', rtlh_count: 'number' });
	const village = figures.reduce((best, r) => (r.rtlh_count > best.rtlh_count ? r : best)).kode;
	const people = rowsOf(
		await engine.query(
			`SELECT p.nik, p.household_id, v.kecamatan_kode FROM person p JOIN household h USING (household_id) JOIN village v ON v.kode = h.village_kode
			 WHERE h.village_kode = '${village}' AND p.nik IS NOT NULL ORDER BY p.household_id, p.person_id`
		),
		{ nik: 'string', household_id: 'string', kecamatan_kode: 'string' }
	);
	const households = [...new Set(people.map((p) => p.household_id))];
	const firstHalf = new Set(households.slice(0, Math.floor(households.length / 2)));
	dir = await mkdtemp(join(tmpdir(), 'tepat-verval-e2e-'));

	// Round 1, a Google Forms export as it comes: the first half of the households moved away.
	const round1 = join(dir, 'Verval Desa (Responses).csv');
	await writeFile(
		round1,
		[
			'Timestamp,NIK anggota keluarga yang dikunjungi,Status keberadaan,Nama petugas verifikasi,Desa',
			...people.filter((p) => firstHalf.has(p.household_id)).map((p) => `11/15/2026 10:15:00,${p.nik},Pindah ke Samarinda,Ani,${village}`)
		].join('\n')
	);
	// Round 2, a field team's sheet: everyone else found, one of them also reported deceased (a
	// conflict), and a NIK the register does not have (a new member).
	const rest = people.filter((p) => !firstHalf.has(p.household_id));
	const conflictNik = rest[0]?.nik ?? '';
	const round2 = join(dir, 'hasil-putaran-2.csv');
	await writeFile(
		round2,
		[
			'nik,status,tanggal,petugas',
			...rest.map((p) => `${p.nik},Ditemukan,22/11/2026,Budi`),
			`${conflictNik},Meninggal,22/11/2026,Citra`,
			'6402999999999999,Anggota baru,22/11/2026,Budi'
		].join('\n')
	);
	planted = { village, kecamatan: people[0]?.kecamatan_kode ?? '', round1, round2, conflictNik };
	site = await openSite();
}, LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
	await engine?.close();
	if (dir) await rm(dir, { recursive: true, force: true });
});

describe('verval on the Verval screen', () => {
	it('two rounds change the progress and the map without reloading the register; a decision settles a conflict; a reload keeps it', async () => {
		const { page } = site;
		const { village, kecamatan } = planted;
		await importResultFile(engine, await fileByteSource(planted.round1), { round: 1 });
		await resolveVerifiedSet(engine);
		const expected1 = { rtlh: await rtlhOf(village), checked: await peopleChecked(kecamatan) };
		await importResultFile(engine, await fileByteSource(planted.round2), { round: 2 });
		await resolveVerifiedSet(engine);
		const expected2 = { rtlh: await rtlhOf(village), checked: await peopleChecked(kecamatan) };
		const [person] = rowsOf(await engine.query(`SELECT person_id FROM person WHERE nik = '${planted.conflictNik}'`), {
			person_id: 'string'
		});
		for (const s of decisionStatements({
			personId: person?.person_id ?? '',
			round: 2,
			outcome: 'deceased',
			reason: 'akta kematian',
			decidedOn: '2026-12-01'
		})) {
			await engine.exec(s);
		}
		await resolveVerifiedSet(engine);
		const expected3 = { rtlh: await rtlhOf(village), checked: await peopleChecked(kecamatan) };

		await page.goto(`${site.url}peta/`);
		await waitForRegister(page, sample);
		const badge = await page.textContent('[data-testid="register-badge"]');
		const before = await mapCount(page, village, await rtlhOf(village, 'register'));
		expect(before).toBeGreaterThan(expected1.rtlh);

		await page.click('[data-testid="nav-verval"]');
		await page.waitForSelector('[data-testid="verval-source"][data-source="register"]', { timeout: LOAD_TIMEOUT });
		await page.setInputFiles('[data-testid="verval-file-input"]', planted.round1);
		await page.waitForSelector('[data-testid="verval-source"][data-source="field"]', { timeout: LOAD_TIMEOUT });
		await waitForChecked(page, kecamatan, expected1.checked);
		expect(await mapCount(page, village, expected1.rtlh)).toBe(expected1.rtlh);

		await page.click('[data-testid="nav-verval"]');
		await page.setInputFiles('[data-testid="verval-file-input"]', planted.round2);
		await waitForChecked(page, kecamatan, expected2.checked);
		await page.waitForSelector('[data-testid="verval-conflict"]', { timeout: LOAD_TIMEOUT });
		expect(await page.locator('[data-testid="verval-conflict"]').count()).toBe(1);
		expect(await page.locator('[data-testid="verval-unmatched-row"]').count()).toBe(1);
		expect(await mapCount(page, village, expected2.rtlh)).toBe(expected2.rtlh);

		await page.click('[data-testid="nav-verval"]');
		await page.selectOption('[data-testid="verval-decide-outcome"]', 'deceased');
		await page.fill('[data-testid="verval-decide-reason"]', 'akta kematian');
		await page.click('[data-testid="verval-decide"]');
		await page.waitForSelector('[data-testid="verval-conflicts-none"]', { timeout: LOAD_TIMEOUT });
		await waitForChecked(page, kecamatan, expected3.checked);
		await page.waitForSelector('[data-testid="verval-persist"]:has-text("tersimpan")', { timeout: LOAD_TIMEOUT });
		// An entry after the rounds are stored (the meta record written alone) is kept across the reload too.
		await page.fill('[data-testid="verval-deadline"]', '2026-12-31');
		await page.waitForSelector('[data-testid="verval-persist"]:has-text("tersimpan")', { timeout: LOAD_TIMEOUT });
		expect(await mapCount(page, village, expected3.rtlh)).toBe(expected3.rtlh);
		// The register itself was never loaded again.
		expect(await page.textContent('[data-testid="register-badge"]')).toBe(badge);

		await page.reload();
		await waitForRegister(page, sample);
		expect(await mapCount(page, village, expected3.rtlh)).toBe(expected3.rtlh);
		await page.click('[data-testid="nav-verval"]');
		await page.waitForSelector('[data-testid="verval-source"][data-source="field"]', { timeout: LOAD_TIMEOUT });
		await waitForChecked(page, kecamatan, expected3.checked);
		expect(await page.locator('[data-testid="verval-rounds"] li').count()).toBe(2);
		expect(await page.inputValue('[data-testid="verval-deadline"]')).toBe('2026-12-31');
		await page.waitForSelector('[data-testid="verval-conflicts-none"]');
		await site.screenshot('verval-01-two-rounds');

		// The landing page's headline: the verified share is the households the rounds checked, of all.
		const progress = rowsOf(await engine.query(kecamatanProgressSql()), { households: 'number', households_checked: 'number' });
		const checked = progress.reduce((n, r) => n + r.households_checked, 0);
		const households = progress.reduce((n, r) => n + r.households, 0);
		expect(checked).toBeGreaterThan(0);
		await page.click('[data-testid="nav-overview"]');
		const verified = page.locator('[data-testid="landing-verified"][data-verified="true"]');
		await verified.waitFor({ timeout: LOAD_TIMEOUT });
		expect(Number(await verified.locator('.value').getAttribute('data-value'))).toBe(checked);
		expect(await verified.textContent()).toContain(`${formatId(checked)} dari ${formatId(households)}`);

		expect(foreignRequests(site.requests, site.origin)).toEqual([]);
	});
});
