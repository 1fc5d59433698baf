/**
 * Only the browser loads of issue 14 point 1: each file loaded through the Data screen of the built site
 * (TEPAT_BUILD_DIR, default build/), with the time until the top bar shows it, Chromium's peak memory
 * (PSS of all its processes), its CPU time, the load average and the Data screen's steps. bench/run.ts
 * times the whole workload; this one is quick enough to alternate two builds in one load window.
 *
 *   npx tsx bench/load-browser.ts --dir bench/out/p1000000 [--files dtsen.parquet,dtsen.csv] [--runs 1] [--build eh|coi] [--cold]
 *
 * `--build eh` (the default, what users get) runs duckdb-wasm's single-threaded build on a plain page
 * (`?threads=0`); `--build coi` the threaded one on a page isolated by the server's headers (`?threads=1`).
 */
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIR, openSite } from '../tests/e2e/site';
import { rehearsalEnded } from '../tests/e2e/screen';
import { browserRoot, processTree, samplePeak, treeBytes } from './memory';

function arg(name: string): string | undefined {
	const args = process.argv.slice(2);
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : undefined;
}

const dir = arg('dir') ?? 'bench/out/p1000000';
const files = (arg('files') ?? 'dtsen.parquet,dtsen.csv').split(',');
const runs = Number(arg('runs') ?? '1');
const build = arg('build') ?? 'eh';
const cold = process.argv.includes('--cold');
if (build !== 'eh' && build !== 'coi') throw new Error('--build takes eh or coi');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { people: number; families: number };

/** User + system CPU seconds of a process tree so far (from /proc/<pid>/stat, clock ticks of 1/100 s). */
function cpuSeconds(root: number): number {
	let ticks = 0;
	for (const pid of processTree(root)) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			ticks += Number(rest[11]) + Number(rest[12]);
		} catch {
			// The process ended between listing and reading.
		}
	}
	return ticks / 100;
}

const site = await openSite({ isolated: build === 'coi' });
try {
	const { page } = site;
	const root = browserRoot(site.profile);
	if (root === undefined) throw new Error('Chromium process not found');
	await page.goto(`${site.url}${build === 'eh' ? '?threads=0' : '?threads=1'}`);
	await page.click('[data-testid="nav-data"]');
	await page.waitForSelector(`[data-testid="summary-threads"][data-build="${build}"]`, { timeout: 120_000 });
	const rehearsalStarted = performance.now();
	const ended = cold ? null : await rehearsalEnded(page, 300_000);
	const rehearsal = {
		state: ended ?? (await page.getAttribute('[data-testid="data-intro"]', 'data-rehearsal')),
		waitedS: +((performance.now() - rehearsalStarted) / 1000).toFixed(1)
	};
	for (let run = 0; run < runs; run++) {
		for (const file of files) {
			const path = join(dir, file);
			const memory = samplePeak(() => treeBytes(root), 1000);
			const cpuBefore = cpuSeconds(root);
			const loadBefore = loadavg()[0] ?? 0;
			const started = performance.now();
			await page.setInputFiles('[data-testid="file-input"]', path);
			await page.waitForFunction(
				({ people, name }) => {
					const badge = document.querySelector('[data-testid="register-badge"]');
					const p = document.querySelector('[data-testid="register-people"]')?.getAttribute('data-value');
					const shown = document.querySelector('[data-testid="register-name"]')?.textContent ?? '';
					const failed = document.querySelector('[data-testid="load-error"]');
					return failed !== null || (badge?.getAttribute('data-status') !== 'loading' && Number(p) === people && shown.includes(name));
				},
				{ people: manifest.people, name: file },
				{ timeout: 30 * 60_000, polling: 100 }
			);
			const ms = performance.now() - started;
			const peak = memory.stop();
			const cpu = cpuSeconds(root) - cpuBefore;
			const loadAfter = loadavg()[0] ?? 0;
			await page.waitForSelector('[data-testid="summary-steps"] li', { state: 'attached', timeout: 60_000 }).catch(() => undefined);
			const steps = await page.$$eval('[data-testid="summary-steps"] li', (items) =>
				items.map((li) => `${li.getAttribute('data-step')} ${((Number(li.getAttribute('data-ms')) || 0) / 1000).toFixed(1)}`)
			);
			const loadPath = await page.getAttribute('[data-testid="load-summary"]', 'data-load-path').catch(() => null);
			const error = await page.textContent('[data-testid="load-error"]').catch(() => null);
			console.log(
				JSON.stringify({
					site: BUILD_DIR,
					build,
					file,
					mib: +(statSync(path).size / 1048576).toFixed(1),
					people: manifest.people,
					wallS: +(ms / 1000).toFixed(1),
					chromiumCpuS: +cpu.toFixed(1),
					peakGB: +(peak / 1e9).toFixed(2),
					load1: [+loadBefore.toFixed(1), +loadAfter.toFixed(1)],
					steps: steps.join(', '),
					loadPath,
					rehearsal: run === 0 && file === files[0] ? rehearsal : 'earlier',
					error: error?.slice(0, 200) ?? null
				})
			);
		}
	}
} finally {
	await site.close();
}
