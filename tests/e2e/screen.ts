/** What the end-to-end tests read from and do on Tepat's screens, shared by every e2e file. */
import type { Download, Page } from 'playwright-core';

/** A load of the bundled sample or a test file, a restore, or a save, on a busy 2-core machine. */
export const LOAD_TIMEOUT = 120_000;

export interface Counts {
	households: number;
	people: number;
}

/** An element's `data-value` as a number. */
export async function dataValue(page: Page, testid: string): Promise<number> {
	return Number(await page.getAttribute(`[data-testid="${testid}"]`, 'data-value'));
}

/** Waits until the top bar shows a register with these counts and nothing is loading. */
export async function waitForRegister(page: Page, counts: Counts): Promise<void> {
	await page.waitForFunction(
		({ households, people }) => {
			const badge = document.querySelector('[data-testid="register-badge"]');
			const h = document.querySelector('[data-testid="register-households"]')?.getAttribute('data-value');
			const p = document.querySelector('[data-testid="register-people"]')?.getAttribute('data-value');
			return badge?.getAttribute('data-status') !== 'loading' && Number(h) === households && Number(p) === people;
		},
		counts,
		{ timeout: LOAD_TIMEOUT }
	);
}

/** Waits for the stored copy's save to end either way, so a failure shows its reason, not a timeout. */
export async function saveOutcome(page: Page): Promise<{ state: string | null; text: string | null }> {
	const status = page.locator('[data-testid="persist-status"][data-state="saved"], [data-testid="persist-status"][data-state="failed"]');
	await status.waitFor({ timeout: LOAD_TIMEOUT });
	return { state: await status.getAttribute('data-state'), text: await status.textContent() };
}

/**
 * "Hapus data tersimpan" by keyboard: the panels above it (report, column mapping) can still grow after
 * a load or reload and move the button from under a pointer click.
 */
export async function pressClearStored(page: Page): Promise<void> {
	await page.focus('[data-testid="clear-stored"]:not([disabled])');
	await page.keyboard.press('Enter');
}

/**
 * Waits until the map (the first inside `scope`, when given) is idle with colours whose key differs
 * from `previous`; answers the new key.
 */
export async function waitForColours(page: Page, previous: string | null = null, scope = ''): Promise<string> {
	const handle = await page.waitForFunction(
		({ prev, selector }) => {
			const map = document.querySelector(selector);
			const key = map?.getAttribute('data-colour-key');
			return map?.getAttribute('data-ready') === 'true' && key && key !== prev ? key : null;
		},
		{ prev: previous, selector: `${scope} [data-testid="map"]`.trim() },
		{ timeout: LOAD_TIMEOUT }
	);
	return String(await handle.jsonValue());
}

/** Clicks a download button and answers the download it starts. */
export async function downloadOf(page: Page, testid: string): Promise<Download> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
	return download;
}

/** Waits until the Plan screen shows an allocation other than `previous` and nothing is being computed; its key. */
export async function waitForAllocation(page: Page, previous = '', timeout = LOAD_TIMEOUT): Promise<string> {
	const handle = await page.waitForFunction(
		(prev) => {
			const figures = document.querySelector('[data-testid="plan-figures"]');
			const key = figures?.getAttribute('data-key') ?? '';
			return key !== '' && key !== prev && figures?.getAttribute('aria-busy') === 'false' ? key : null;
		},
		previous,
		{ timeout, polling: 20 }
	);
	return String(await handle.jsonValue());
}
