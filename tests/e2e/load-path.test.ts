/**
 * Issue 14, end to end in the built site: a user's UTF-8 CSV is read by DuckDB through a registered
 * File handle and a Parquet file in record batches (the Data screen says so: data-load-path="file"),
 * (one row group at a time), and both show the figures the Node ingest of the same file gives; a Windows-1252 CSV, which DuckDB
 * cannot read as UTF-8, still loads through the slices (data-load-path="copy"). Reading a File itself is
 * the single-threaded build's (`?threads=0`): the threaded one reads a CSV through the slices, with the
 * same figures.
 */
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { sqlString } from '../../src/lib/core/sql';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { readReference } from '../../src/cli/reference';
import { diskWilayah } from '../../src/cli/wilayah';
import { writeSample } from '../../src/lib/sample/write';
import { LOAD_TIMEOUT, dataValue, rehearsalEnded, waitForRegister } from './screen';
import { assertPrerequisites, openSite, type Site } from './site';

const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
/** The figures of a load that the validation report shows, by its data-testid suffix. */
const FIGURES = ['rows-read', 'households', 'people', 'rejected', 'unknown', 'villages-outside'] as const;
type Figures = Record<(typeof FIGURES)[number], number>;

let site: Site;
let work: string;
const expected = new Map<string, Figures>();

/** The same figures from the Node ingest (DuckDB reading the file from disk), as the CLI gives them. */
async function nodeFigures(path: string): Promise<Figures> {
	const engine = await NodeEngine.open();
	try {
		const current = await readReference(undefined);
		await loadReference(engine, current);
		const result = await ingestRegister(engine, [await fileByteSource(path)], current, { region: { wilayah: diskWilayah } });
		return {
			'rows-read': result.rowsRead,
			households: result.households,
			people: result.people,
			rejected: result.rowsRejected ?? 0,
			unknown: result.unknownValues ?? 0,
			'villages-outside': result.unmatchedHouseholds ?? 0
		};
	} finally {
		await engine.close();
	}
}

/** The report's figures once it shows this load (it is read after the register, so wait for its rows read). */
async function shownFigures(page: Page, rowsRead: number): Promise<Figures> {
	await page.waitForFunction(
		(rows) =>
			Number(document.querySelector('[data-testid="validation-report"] [data-testid="report-rows-read"]')?.getAttribute('data-value')) ===
			rows,
		rowsRead,
		{ timeout: LOAD_TIMEOUT }
	);
	const figures = {} as Figures;
	for (const figure of FIGURES) figures[figure] = await dataValue(page, `report-${figure}`);
	return figures;
}

async function load(page: Page, path: string, counts: { households: number; people: number }): Promise<string | null> {
	await page.click('[data-testid="nav-data"]');
	await page.setInputFiles('[data-testid="file-input"]', path);
	await waitForRegister(page, counts).catch(async (error: unknown) => {
		const shown = await page.evaluate(() =>
			['register-households', 'register-people', 'load-error'].map((id) => {
				const element = document.querySelector(`[data-testid="${id}"]`);
				return `${id}=${element?.getAttribute('data-value') ?? element?.textContent ?? ''}`;
			})
		);
		throw new Error(`${String(error)}; expected ${JSON.stringify(counts)}, shown ${shown.join(' ')}`);
	});
	const name = path.split('/').pop() ?? path;
	await page.waitForFunction((file) => document.querySelector('[data-testid="register-name"]')?.textContent?.includes(file), name, {
		timeout: LOAD_TIMEOUT
	});
	return page.getAttribute('[data-testid="load-summary"][data-source="file"]', 'data-load-path');
}

beforeAll(async () => {
	assertPrerequisites();
	work = await mkdtemp(join(tmpdir(), 'tepat-e2e-load-path-'));
	await writeSample(work, { people: 70_000, seed: 20_261_203, formats: ['csv', 'parquet'], schemas: ['dtsen'] });
	// Row groups of 10,000 rows: the browser decodes one at a time, so the file's 7 are crossed.
	const engine = await NodeEngine.open();
	try {
		await engine.exec(
			`COPY (SELECT * FROM read_parquet(${sqlString(join(work, 'dtsen.parquet'))})) TO ${sqlString(join(work, 'groups.parquet'))} (FORMAT parquet, ROW_GROUP_SIZE 10000)`
		);
		const groups = await engine.query(
			`SELECT count(DISTINCT row_group_id)::INTEGER AS n FROM parquet_metadata(${sqlString(join(work, 'groups.parquet'))})`
		);
		expect(Number(groups.get(0)?.n)).toBe(7);
	} finally {
		await engine.close();
	}
	await rename(join(work, 'groups.parquet'), join(work, 'dtsen.parquet'));
	for (const file of ['dtsen.csv', 'dtsen.parquet']) expected.set(file, await nodeFigures(join(work, file)));
	site = await openSite();
	// The single-threaded build: the threaded one does not read a File itself (BrowserEngine.registerFileHandle).
	await site.page.goto(`${site.url}?threads=0`);
	// The bundled sample first: a file chosen while it still loads would wait behind it.
	await site.page.click('[data-testid="nav-data"]');
	await site.page.waitForSelector('[data-testid="load-summary"][data-source="sample"]', { timeout: LOAD_TIMEOUT });
	expect(await site.page.getAttribute('[data-testid="summary-threads"]', 'data-build')).toBe('eh');
}, 4 * LOAD_TIMEOUT);

afterAll(async () => {
	await site?.close();
	if (work) await rm(work, { recursive: true, force: true });
});

describe('the browser reads a user file itself', () => {
	it(
		'the Data screen rehearses a load on its own tiny register, and the register shown stays the sample',
		async () => {
			const { page } = site;
			const people = await dataValue(page, 'register-people');
			expect(await rehearsalEnded(page)).toBe('done');
			expect(await dataValue(page, 'register-people')).toBe(people);
			expect(await page.getAttribute('[data-testid="register-badge"]', 'data-status')).not.toBe('loading');
			expect(await page.$('[data-testid="load-error"]')).toBeNull();
			expect(await page.getAttribute('[data-testid="load-summary"]', 'data-source')).toBe('sample');
		},
		LOAD_TIMEOUT
	);

	it.each(['dtsen.csv', 'dtsen.parquet'])(
		'%s: read from the File, same figures as the Node ingest',
		async (file) => {
			const figures = expected.get(file);
			if (!figures) throw new Error(`no Node figures for ${file}`);
			expect(figures.people).toBe(70_000);
			// The one long statement of a CSV read by DuckDB has no rows to count: the screen names the step.
			await site.page.evaluate(() => {
				const w = window as unknown as { __sawDirect?: boolean };
				w.__sawDirect = false;
				new MutationObserver(() => {
					if (document.querySelector('[data-testid="progress-direct"]')) w.__sawDirect = true;
				}).observe(document.body, { subtree: true, childList: true });
			});
			expect(await load(site.page, join(work, file), figures)).toBe('file');
			const sawDirect = await site.page.evaluate(() => (window as unknown as { __sawDirect?: boolean }).__sawDirect);
			expect(sawDirect).toBe(file.endsWith('.csv'));
			expect(await shownFigures(site.page, figures['rows-read'])).toEqual(figures);
		},
		2 * LOAD_TIMEOUT
	);

	it(
		'on the threaded build a CSV is read through the slices, with the same figures',
		async () => {
			const figures = expected.get('dtsen.csv');
			if (!figures) throw new Error('no Node figures for dtsen.csv');
			const threaded = await openSite();
			try {
				await threaded.page.goto(`${threaded.url}data/?threads=1`);
				await threaded.page.waitForSelector('[data-testid="load-summary"][data-source="sample"]', { timeout: LOAD_TIMEOUT });
				expect(await threaded.page.getAttribute('[data-testid="summary-threads"]', 'data-build')).toBe('coi');
				expect(await load(threaded.page, join(work, 'dtsen.csv'), figures)).toBe('copy');
				expect(await shownFigures(threaded.page, figures['rows-read'])).toEqual(figures);
				// Chosen at once, the file stopped the rehearsal (or came after it): either way it loaded whole.
				expect(['stopped', 'done']).toContain(await threaded.page.getAttribute('[data-testid="data-intro"]', 'data-rehearsal'));
			} finally {
				await threaded.close();
			}
		},
		2 * LOAD_TIMEOUT
	);

	it(
		'a Windows-1252 CSV is read through the slices, and still loads',
		async () => {
			expect(await load(site.page, join(FORMATS, 'bdt-1252-semicolon.csv'), { households: 3, people: 5 })).toBe('copy');
		},
		LOAD_TIMEOUT
	);
});
