/**
 * The benchmark's harness (bench/run.ts and its modules) on made-up figures and, end to end, on two
 * tiny generated registers in Node with the peers: every step is run the given number of times and
 * reported as median (min–max), with the ratios, growth, targets and load average tables. No timing
 * is asserted: the figures of a real run belong in bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsMarkdown } from '../../bench/markdown';
import type { SizeResults } from '../../bench/peers/bench';
import { LoadSampler, median, secondsSpread, spreadOf } from '../../bench/stats';
import { Steps } from '../../bench/steps';

describe('bench statistics', () => {
	it('takes the median of odd and even counts, with min and max', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(Number.isNaN(median([]))).toBe(true);
		expect(spreadOf([3000, 1000, 2000])).toEqual({ median: 2000, min: 1000, max: 3000, n: 3 });
		expect(secondsSpread([3000, 1000, 2000])).toBe('2.000 (1.000–3.000)');
		expect(secondsSpread([12_340])).toBe('12.3');
	});

	it('keeps the load average per section', () => {
		const load = new LoadSampler(60_000).start();
		load.section('node');
		load.section('browser');
		load.stop();
		expect(load.sections.map((s) => s.name)).toEqual(['node', 'browser']);
		for (const section of load.sections) {
			expect(section.end).toBeGreaterThanOrEqual(section.start);
			expect(load.loadOf(section).length).toBeGreaterThanOrEqual(2);
		}
	});
});

describe('bench tables', () => {
	const quiet = console.log;
	beforeAll(() => {
		console.log = () => undefined;
	});
	afterAll(() => {
		console.log = quiet;
	});

	function report() {
		const steps = new Steps();
		for (const people of [1000, 10_000]) {
			const k = people / 1000;
			for (const ms of [3000, 1000, 2000]) {
				steps.record({ host: 'browser', id: 'load-parquet', what: 'load dtsen.parquet (flat)', people }, { ms: ms * k, peakBytes: 2e9 });
				steps.record({ host: 'node', id: 'native-load-parquet', what: 'DuckDB native: load Parquet + group-by', people }, { ms: 500 * k });
				steps.record({ host: 'browser', id: 'indicators', what: 'threshold change: indicators recomputed', people }, { ms: 100 * k });
			}
		}
		steps.record({ host: 'browser', id: 'first-open', what: 'first open, new user (bundled sample)', people: 200_000 }, { ms: 1500 });
		const peers: SizeResults[] = [
			{
				people: 1000,
				budget: 50,
				tools: [
					{ tool: 'duckdb', label: 'DuckDB', loadMs: [100], computeMs: [50], peakDeltaBytes: 0, baselineBytes: 0 },
					{ tool: 'loops', label: 'loops', loadMs: [40], computeMs: [200], peakDeltaBytes: 0, baselineBytes: 0 },
					{ tool: 'sqlite', label: 'SQLite', loadMs: [], computeMs: [], peakDeltaBytes: 0, baselineBytes: 0, disagrees: 'row 1' }
				]
			}
		];
		const load = new LoadSampler(60_000).start();
		load.section('browser');
		load.stop();
		return resultsMarkdown({ steps, sizes: [1000, 10_000], peers, load }, 200_000);
	}

	it('gives every step its median (min–max), peak memory and ratios to DuckDB native and the fastest agreeing peer', () => {
		const lines = report().split('\n');
		const row = (size: string, step: string) => {
			const at = lines.indexOf(`#### ${size}`);
			return lines.slice(at).find((l) => l.startsWith(`| ${step} |`)) ?? '';
		};
		// 2 s against native's 0.5 s; no peer ratio for a load (the peers load other files).
		expect(row('1,000 people', 'load dtsen.parquet (flat)')).toBe(
			'| load dtsen.parquet (flat) | browser | 2.000 (1.000–3.000) |  | 1907 MiB | 4.0× | – |  |'
		);
		// Indicators against the peers' workload: DuckDB's 50 ms and, fastest of the agreeing ones (SQLite disagrees), the same.
		expect(row('1,000 people', 'threshold change: indicators recomputed')).toContain('| 2.0× | 2.0× |');
		// No peers at 10,000: no workload ratio.
		expect(row('10,000 people', 'threshold change: indicators recomputed')).toContain('| – | – |');
		expect(row('200,000 people (the bundled sample)', 'first open, new user (bundled sample)')).toContain('1.500');
	});

	it('shows growth from the smallest to the largest size, the targets met or not, and the load average per section', () => {
		const text = report();
		expect(text).toContain('Growth from 1,000 to 10,000 people (×10)');
		expect(text).toContain('| load dtsen.parquet (flat) | browser | 2.000 | 20.0 | 10.0× (to 10k) |');
		expect(text).toContain('| browser: load Parquet | ≤ 3× DuckDB native | 1,000 | 2.000 s = 4.0× native (0.500 s) | **not met** |');
		expect(text).toContain('| browser: load Parquet, peak memory | ≤ 1.5 GB | 1,000 | 1907 MiB | **not met** |');
		expect(text).toContain('| browser: all indicators after a threshold change | ≤ 300 ms | 1,000 | 0.100 s | met |');
		expect(text).toContain('| browser: first open (new user, bundled sample) | ≤ 2 s | 200,000 | 1.500 s | met |');
		expect(text).toContain('| browser: load CSV | ≤ 3× DuckDB native | | not measured in this run | – |');
		expect(text).toMatch(/\| browser \| [\d.]+–[\d.]+–[\d.]+ \(\d+ samples\) \|/);
	});
});

describe('npm run bench on two tiny registers (Node and peers)', () => {
	let work: string;
	let text: string;
	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'tepat-bench-smoke-'));
		const out = join(work, 'RESULTS.md');
		const args = ['--sizes', '1000,2000', '--runs', '2', '--xlsx-people', '500', '--skip-browser', '--peers', '--peer-runs', '1'];
		const code = await new Promise<number | null>((done) => {
			const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args, '--out', out, '--work', work], {
				stdio: 'ignore'
			});
			child.on('exit', done);
		});
		expect(code).toBe(0);
		text = await readFile(out, 'utf8');
	}, 600_000);
	afterAll(async () => {
		if (work) await rm(work, { recursive: true, force: true });
	});

	it('writes a section with the machine, every Node step run twice, and the native reference', () => {
		expect(text).toMatch(/^# Benchmark results\n\nNewest run first\..*\n\n## Run of \d{4}-\d\d-\d\d \d\d:\d\d UTC\n/);
		expect(text).toContain('2 runs of every step, 1 of every peer');
		expect(text).toContain('Browser steps not run (--skip-browser).');
		for (const size of ['1,000', '2,000']) {
			const table = text.slice(text.indexOf(`#### ${size} people\n`));
			for (const step of [
				'load dtsen.parquet (flat)',
				'overview queries',
				'indicators after a threshold change',
				'allocation, all 5 programmes',
				'BNBA export, CSV',
				'BNBA export, XLSX',
				'DuckDB native: load Parquet + group-by',
				'load dtsen.csv (flat)',
				'DuckDB native: load CSV + group-by',
				'`tepat summary` of the CSV (CLI)'
			]) {
				// Two runs: median (min–max).
				expect(table).toMatch(
					new RegExp(`\\| ${step.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')}( \\[[^\\]]+\\])? \\| node \\| [\\d.]+ \\([\\d.]+–[\\d.]+\\) \\|`)
				);
			}
		}
		expect(text).toContain('#### 500 people');
	});

	it('adds growth, targets, load average and the peers, all agreeing with Tepat', () => {
		expect(text).toContain('Growth from 1,000 to 2,000 people (×2)');
		expect(text).toMatch(/\| Node CLI: `tepat summary` of the CSV \| ≤ 1\.5× DuckDB native \| 1,000 \| [\d.]+ s = [\d.]+× native/);
		expect(text).toMatch(/\| node, 2,000 people \| [\d.]+–[\d.]+–[\d.]+ \(\d+ samples\) \|/);
		expect(text).toContain('### Tepat and its peers');
		const agreeing = text.split('\n').filter((l) => /^\| (Tepat|DuckDB|Arquero|SQLite|TypeScript)/.test(l) && l.endsWith('| yes |'));
		expect(agreeing).toHaveLength(10);
	});
});
