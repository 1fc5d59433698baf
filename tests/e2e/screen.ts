/** What the end-to-end tests read from and do on Tepat's screens, shared by every e2e file. */
import type { Download, Page } from 'playwright-core';

/** A load of the bundled sample or a test file, a restore, or a save, on a busy 2-core machine. */
export const LOAD_TIMEOUT = 120_000;

export interface Counts {
	households: number;
	people: number;
}

/** Waits until the Data screen's rehearsal of a load (state/rehearsal.ts) has ended, however it ended; its state. */
export async function rehearsalEnded(page: Page, timeout = LOAD_TIMEOUT): Promise<string | null> {
	const intro = '[data-testid="data-intro"]';
	await page.waitForSelector(`${intro}:is([data-rehearsal="done"], [data-rehearsal="stopped"], [data-rehearsal="failed"])`, { timeout });
	return page.getAttribute(intro, 'data-rehearsal');
}

/** An element's `data-value` as a number. */
export async function dataValue(page: Page, testid: string): Promise<number> {
	return Number(await page.getAttribute(`[data-testid="${testid}"]`, 'data-value'));
}

/**
 * What the page shows, for the error of a wait that failed: its path, each of these elements (by test id)
 * with its state attributes and text, and any alert. An element the page does not have is left out.
 */
async function shownOnPage(page: Page, testids: readonly string[]): Promise<string> {
	return page
		.evaluate(
			(ids) =>
				[
					`url ${location.pathname}`,
					...ids.flatMap((id) => {
						const el = document.querySelector(`[data-testid="${id}"]`);
						if (!el) return [];
						const state = ['data-status', 'data-state', 'data-source', 'data-rehearsal']
							.map((name) => el.getAttribute(name))
							.filter((value) => value !== null)
							.join(',');
						return [`${id}[${state}]: ${el.textContent?.trim()}`];
					}),
					...[...document.querySelectorAll('[role="alert"]')].map((el) => `alert: ${el.textContent?.trim()}`)
				].join(' | '),
			testids
		)
		.catch(() => 'page not readable');
}

/**
 * Waits until the top bar shows a register with these counts and nothing is loading. When it does not
 * come, the error says what the page showed instead (shownOnPage: badge, activity, error, notice), so an
 * intermittent failure can be read from the log.
 */
export async function waitForRegister(page: Page, counts: Counts): Promise<void> {
	try {
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
	} catch (error) {
		const shown = await shownOnPage(page, ['register-badge', 'activity', 'load-error', 'notice', 'persist-status']);
		throw new Error(`register with ${counts.households} households, ${counts.people} people not shown; the page showed: ${shown}`, {
			cause: error
		});
	}
}

/**
 * Waits for the start-up's or a load's notice and answers its text. When it does not come, the error says
 * what the page showed instead (shownOnPage: register, source, activity, rehearsal) and the page's console
 * errors, so an intermittent failure can be read from the CI log.
 */
export async function waitForNotice(page: Page, errors: readonly string[] = [], timeout = LOAD_TIMEOUT): Promise<string> {
	const notice = page.locator('[data-testid="notice"]');
	try {
		await notice.waitFor({ timeout });
	} catch (error) {
		const shown = await shownOnPage(page, [
			'register-badge',
			'register-name',
			'activity',
			'load-summary',
			'load-error',
			'persist-status',
			'data-intro'
		]);
		throw new Error(`no notice shown; the page showed: ${shown}; console errors: ${errors.join(' / ') || 'none'}`, { cause: error });
	}
	return (await notice.textContent()) ?? '';
}

/**
 * Waits until the validation report's findings are on screen (or it says it has none): a register's findings
 * are read after its figures, so a test reading the rows as soon as the figures show would race them.
 */
export async function waitForReportRows(page: Page): Promise<void> {
	await page.waitForFunction(
		() => {
			const report = document.querySelector('[data-testid="validation-report"]');
			if (!report || report.querySelector('[data-testid="report-rows-loading"]')) return false;
			return report.querySelector('[data-testid="report-row"], [data-testid="report-none"]') !== null;
		},
		undefined,
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
 * "Hapus data tersimpan", pressed on the button itself (a click event, no coordinates). Not a pointer
 * click: the panels above it (report, column mapping) can still grow after a load or reload and move the
 * button from under the pointer. Not focus + Enter either: SvelteKit resets the focus to the page once a
 * client-side navigation settles, and when that came between the two the Enter went nowhere (seen after
 * opening the Data screen from Ringkasan, 1 run in 3).
 */
export async function pressClearStored(page: Page): Promise<void> {
	await page.locator('[data-testid="clear-stored"]:not([disabled])').dispatchEvent('click');
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

/**
 * Waits until the Plan screen shows an allocation other than `previous` and nothing is being computed,
 * with its curves unless only the figures are asked for; its key.
 */
export async function waitForAllocation(
	page: Page,
	previous = '',
	timeout = LOAD_TIMEOUT,
	what: 'figures' | 'with-curves' = 'with-curves'
): Promise<string> {
	const handle = await page.waitForFunction(
		({ prev, curves }) => {
			const figures = document.querySelector('[data-testid="plan-figures"]');
			const key = figures?.getAttribute('data-key') ?? '';
			const shown = key !== '' && key !== prev && figures?.getAttribute('aria-busy') === 'false';
			// The curves are read after the figures: a check of the charts waits for those of this allocation.
			return shown && (!curves || figures?.getAttribute('data-curves-key') === key) ? key : null;
		},
		{ prev: previous, curves: what === 'with-curves' },
		{ timeout, polling: 20 }
	);
	return String(await handle.jsonValue());
}

/**
 * Waits until Ringkasan stops growing: the need cards computed, the top villages listed and the small map
 * drawn (when boundaries exist). Each of these arrives on its own and pushes the kecamatan table down, so
 * a click aimed at the table before they land can hit whatever slid under the pointer.
 */
export async function waitForLandingSettled(page: Page): Promise<void> {
	await page.waitForSelector('[data-testid="landing-cards"][aria-busy="false"]', { timeout: LOAD_TIMEOUT });
	await page.waitForSelector(
		'[data-testid="landing-top-village"], [data-testid="landing-top-none"], [data-testid="landing-top-not-computed"]',
		{
			timeout: LOAD_TIMEOUT
		}
	);
	await page.waitForFunction(
		() => {
			const map = document.querySelector('[data-testid="landing-map"]');
			return map !== null && (map.getAttribute('data-classes') ?? '0') !== '0';
		},
		undefined,
		{ timeout: LOAD_TIMEOUT }
	);
}

/** Chooses a kecamatan on Ringkasan and waits until its villages are listed. */
export async function openKecamatan(page: Page, selector: string): Promise<void> {
	await waitForLandingSettled(page);
	await page.click(selector);
	await page.waitForSelector('[data-testid="kecamatan-select"][aria-expanded="true"]', { timeout: LOAD_TIMEOUT });
	await page.waitForSelector('[data-testid="village-row"]', { timeout: LOAD_TIMEOUT });
}

/** Waits until the service worker has installed this version (its precache is complete) and controls the page. */
export async function waitForWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: LOAD_TIMEOUT });
}
