/**
 * Where a threshold change's time goes on the Map screen, change by change (issue 14 point 1): the built
 * site (TEPAT_BUILD_DIR, default build/) on its bundled sample in headless Chromium, single-threaded
 * build, a floor-area threshold changed `--changes` times. For each change, milliseconds after the
 * select: the indicators query sent to duckdb-wasm's worker, its figures handed to the map (the map
 * turns not ready), and the map idle with the new colours; then the medians. Read from the page's
 * messages to the worker and the map's attributes, not from the app's own timers. Printed, never asserted.
 * With `--register FILE` the page first loads that register (e.g. a generated 1M Parquet) on the Data screen.
 *
 *   TEPAT_BUILD_DIR=/tmp/build-x npx tsx bench/recolour-trace.ts [--changes 12] [--register FILE]
 */
import { basename } from 'node:path';
import { openSite } from '../tests/e2e/site';

interface Trace {
	events: string[];
	key?: string;
}

const at = process.argv.indexOf('--changes');
const changes = at >= 0 ? Number(process.argv[at + 1]) : 12;
const registerAt = process.argv.indexOf('--register');
const registerFile = registerAt >= 0 ? process.argv[registerAt + 1] : undefined;

const site = await openSite({ isolated: false });
const { page } = site;
try {
	await page.addInitScript(() => {
		const trace: Trace = { events: [] };
		(window as unknown as { __trace: Trace }).__trace = trace;
		const post = Worker.prototype.postMessage;
		Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
			const request = message as { type?: unknown; data?: unknown };
			const sql = Array.isArray(request?.data) ? request.data.filter((d): d is string => typeof d === 'string').join(' ') : '';
			trace.events.push(`${performance.now()} sent ${String(request?.type)} ${sql.replace(/\s+/g, ' ').slice(0, 80)}`);
			return (post as (...args: unknown[]) => void).call(this, message, ...rest);
		};
		new MutationObserver(() => {
			const map = document.querySelector('[data-testid="map"]');
			const key = `${map?.getAttribute('data-ready')} ${map?.getAttribute('data-colour-key')}`;
			if (trace.key === key) return;
			trace.key = key;
			trace.events.push(`${performance.now()} map ready=${key}`);
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-colour-key'] });
	});
	await page.goto(`${site.url}?threads=0`);
	await page.waitForSelector('[data-testid="register-people"]', { timeout: 300_000 });
	if (registerFile) {
		const name = basename(registerFile);
		await page.click('[data-testid="nav-data"]');
		await page.setInputFiles('[data-testid="file-input"]', registerFile);
		await page.waitForFunction(
			(name) =>
				document.querySelector('[data-testid="register-badge"]')?.getAttribute('data-status') === 'ready' &&
				(document.querySelector('[data-testid="register-name"]')?.textContent ?? '').includes(name),
			name,
			{ timeout: 1_800_000, polling: 200 }
		);
	}
	await page.click('[data-testid="nav-map"]');
	await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 300_000 });
	const rows: Array<[number, number, number]> = [];
	const areas = ['9', '8', '7.2'];
	for (let change = 0; change < changes; change++) {
		const area = areas[change % areas.length] ?? '9';
		const start = await page.evaluate(() => {
			const trace = (window as unknown as { __trace: Trace }).__trace;
			trace.events = [];
			return performance.now();
		});
		await page.selectOption('[data-testid="plan-floor-area"]', area);
		const events = await page
			.waitForFunction(
				() => {
					const trace = (window as unknown as { __trace: Trace }).__trace;
					return trace.events.some((e) => e.includes('map ready=true')) && trace.events.some((e) => e.includes('map ready=false'))
						? trace.events
						: null;
				},
				undefined,
				{ timeout: 120_000, polling: 20 }
			)
			.then((handle) => handle.jsonValue() as Promise<string[]>);
		const first = (pattern: RegExp) => {
			const event = events.find((e) => pattern.test(e));
			return event === undefined ? Number.NaN : Number(event.split(' ')[0]) - start;
		};
		// The indicators read the population's people counts: the first statement sent after the select.
		const sent = first(/ sent RUN_QUERY /);
		const figures = first(/ map ready=false/);
		const idle = first(/ map ready=true/);
		rows.push([sent, figures, idle]);
		console.log(
			`change ${change + 1} (floor area ${area} m²): query sent ${sent.toFixed(0)} ms, figures ${figures.toFixed(0)} ms, map idle ${idle.toFixed(0)} ms (repaint ${(idle - figures).toFixed(0)} ms)`
		);
		await page.waitForTimeout(1000); // let the queries the change started after the figures (the funnel) finish
	}
	const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
	const column = (i: 0 | 1 | 2) => rows.map((r) => r[i]);
	console.log(
		`median of ${rows.length}: query sent ${median(column(0)).toFixed(0)} ms, figures ${median(column(1)).toFixed(0)} ms, map idle ${median(column(2)).toFixed(0)} ms, repaint ${median(rows.map((r) => r[2] - r[1])).toFixed(0)} ms`
	);
} finally {
	await site.close();
}
