/**
 * The benchmark's tables for bench/RESULTS.md: one per register size (every step, median with min and
 * max over the runs, CPU, peak memory, the ratio to DuckDB native and to the fastest peer), the growth
 * from the smallest to the largest size, issue 14's targets met or not, and the load average per section.
 */
import type { SizeResults } from './peers/bench';
import { LoadSampler, loadLine, median, mib, ratio, secondsSpread, seconds, shortPeople } from './stats';
import type { Host, StepId, StepRuns, Steps } from './steps';

export interface Report {
	steps: Steps;
	/** The generated register sizes, smallest first. */
	sizes: readonly number[];
	peers?: readonly SizeResults[];
	load: LoadSampler;
}

const med = (values: readonly number[] | undefined): number | undefined => (values && values.length > 0 ? median(values) : undefined);

/** The agreeing peers (not Tepat) at a size. */
function peersAt(report: Report, people: number) {
	return (report.peers?.find((s) => s.people === people)?.tools ?? []).filter((t) => t.tool !== 'tepat' && !t.disagrees && !t.failed);
}

/** DuckDB native's time for the same step, where it has one: its load of the same file, or the peers' workload. */
function nativeOf(report: Report, step: StepRuns): number | undefined {
	const native = (id: StepId) => med(report.steps.find('node', id, step.people)?.ms);
	if (step.id === 'load-parquet') return native('native-load-parquet');
	if (step.id === 'load-csv' || step.id === 'cli-summary-csv') return native('native-load-csv');
	if (step.id === 'indicators' || step.id === 'allocation')
		return med(peersAt(report, step.people).find((t) => t.tool === 'duckdb')?.computeMs);
	return undefined;
}

/**
 * The fastest agreeing peer's workload (village totals + funded list), for indicators and allocation.
 * Not for loads: the peers load narrow canonical Parquet files, not the flat register file.
 */
function fastestPeerOf(report: Report, step: StepRuns): number | undefined {
	if (step.id !== 'indicators' && step.id !== 'allocation') return undefined;
	const values = peersAt(report, step.people)
		.map((p) => median(p.computeMs))
		.filter(Number.isFinite);
	return values.length > 0 ? Math.min(...values) : undefined;
}

const sizeTitle = (people: number, bundled: boolean) =>
	people === 0 ? 'Engine' : `${people.toLocaleString('en')} people${bundled ? ' (the bundled sample)' : ''}`;

function sizeTable(report: Report, people: number, bundled: boolean): string {
	const rows = report.steps.all.filter((s) => s.people === people);
	const lines = [
		`#### ${sizeTitle(people, bundled)}`,
		'',
		'| step | host | time, s: median (min–max) | CPU, s (median) | peak memory (max) | ÷ DuckDB native | ÷ fastest peer | note |',
		'|---|---|---:|---:|---:|---:|---:|---|',
		...rows.map((s) => {
			const m = median(s.ms);
			const cpu = med(s.cpuMs);
			const size = s.bytes ? `${s.what} [${mib(s.bytes)}]` : s.what;
			return `| ${size} | ${s.host} | ${secondsSpread(s.ms)} | ${cpu === undefined ? '' : seconds(cpu)} | ${s.peakBytes.length ? mib(Math.max(...s.peakBytes)) : ''} | ${ratio(m, nativeOf(report, s))} | ${ratio(m, fastestPeerOf(report, s))} | ${s.note ?? ''} |`;
		})
	];
	return lines.join('\n');
}

function growthTable(report: Report): string {
	const sizes = report.sizes;
	if (sizes.length < 2) return '';
	const first = sizes[0] as number;
	const last = sizes[sizes.length - 1] as number;
	const factor = last / first;
	const keys: { host: Host; id: StepId; what: string }[] = [];
	for (const s of report.steps.all) {
		if (sizes.includes(s.people) && !keys.some((k) => k.host === s.host && k.id === s.id)) keys.push(s);
	}
	const lines = [
		`Growth from ${first.toLocaleString('en')} to ${last.toLocaleString('en')} people (×${factor.toFixed(0)}): median seconds per size, and the factor of the largest size run over the smallest.`,
		'',
		`| step | host | ${sizes.map(shortPeople).join(' | ')} | ×time, ${shortPeople(first)} → largest run |`,
		`|---|---|${sizes.map(() => '---:').join('|')}|---:|`
	];
	for (const k of keys) {
		const times = sizes.map((p) => med(report.steps.find(k.host, k.id, p)?.ms));
		const run = times.map((t, i) => ({ t, p: sizes[i] as number })).filter((x) => x.t !== undefined);
		const a = run[0];
		const b = run[run.length - 1];
		const growth = a && b && b.p > a.p ? `${ratio(b.t, a.t)} (to ${shortPeople(b.p)})` : '–';
		lines.push(`| ${k.what} | ${k.host} | ${times.map((t) => (t === undefined ? '–' : seconds(t))).join(' | ')} | ${growth} |`);
	}
	return lines.join('\n');
}

interface Target {
	what: string;
	limit: string;
	/** For each size where it can be judged: the measured figure and whether it meets the limit. */
	judge(report: Report): { people: number; measured: string; met: boolean }[];
}

/** A step's median against a limit in ms, at every size it ran. */
function withinMs(host: Host, id: StepId, limitMs: number): Target['judge'] {
	return (report) =>
		report.steps.all
			.filter((s) => s.host === host && s.id === id)
			.map((s) => ({ people: s.people, measured: `${seconds(median(s.ms))} s`, met: median(s.ms) <= limitMs }));
}

/** A step's median against `factor` × DuckDB native's load of the same file. */
function withinNative(host: Host, id: StepId, factor: number): Target['judge'] {
	return (report) =>
		report.steps.all
			.filter((s) => s.host === host && s.id === id)
			.flatMap((s) => {
				const native = nativeOf(report, s);
				if (native === undefined) return [];
				const m = median(s.ms);
				return [
					{ people: s.people, measured: `${seconds(m)} s = ${ratio(m, native)} native (${seconds(native)} s)`, met: m <= factor * native }
				];
			});
}

/** The browser's targets for one build: 'browser' (single-threaded) or 'browser-coi' (threaded). */
function browserTargets(host: Host): Target[] {
	return [
		{ what: `${host}: load Parquet`, limit: '≤ 3× DuckDB native', judge: withinNative(host, 'load-parquet', 3) },
		{
			what: `${host}: load Parquet, peak memory`,
			limit: '≤ 1.5 GB',
			judge: (report) =>
				report.steps.all
					.filter((s) => s.host === host && s.id === 'load-parquet' && s.peakBytes.length > 0)
					.map((s) => {
						const peak = Math.max(...s.peakBytes);
						return { people: s.people, measured: mib(peak), met: peak <= 1.5e9 };
					})
		},
		{ what: `${host}: load CSV`, limit: '≤ 3× DuckDB native', judge: withinNative(host, 'load-csv', 3) },
		{ what: `${host}: all indicators after a threshold change`, limit: '≤ 300 ms', judge: withinMs(host, 'indicators', 300) },
		{
			what: `${host}: threshold change → recoloured map (changed as the first colours show)`,
			limit: '≤ 400 ms',
			judge: withinMs(host, 'recolour', 400)
		},
		{
			what: `${host}: threshold change → recoloured map (the screen settled, 1 s after the last colours)`,
			limit: '≤ 400 ms',
			judge: withinMs(host, 'recolour-settled', 400)
		},
		{ what: `${host}: allocation of the five programmes`, limit: '≤ 1 s', judge: withinMs(host, 'allocation', 1000) },
		{ what: `${host}: first open (new user, bundled sample)`, limit: '≤ 2 s', judge: withinMs(host, 'first-open', 2000) },
		{
			what: `${host}: first visit of the Plan screen, idle (bundled sample, the first open settled)`,
			limit: '≤ 1.5 s',
			judge: withinMs(host, 'first-plan-settled', 1500)
		},
		{ what: `${host}: load XLSX`, limit: '≤ 5 s (at 100,000 rows)', judge: withinMs(host, 'load-xlsx', 5000) }
	];
}

const CLI_TARGET: Target = {
	what: 'Node CLI: `tepat summary` of the CSV',
	limit: '≤ 1.5× DuckDB native',
	judge: withinNative('node', 'cli-summary-csv', 1.5)
};

/** The targets of the hosts this run measured: the threaded build's only when it ran. */
function targetsOf(report: Report): Target[] {
	const ran = (host: Host) => report.steps.all.some((s) => s.host === host);
	const browsers = (['browser', 'browser-coi'] as const).filter((host) => host === 'browser' || ran(host));
	const [first, ...more] = browsers.map(browserTargets);
	// The CLI's target keeps its place after the (single-threaded) browser's loads, as before.
	return [...(first ?? []).slice(0, 3), CLI_TARGET, ...(first ?? []).slice(3), ...more.flat()];
}

function targetsTable(report: Report): string {
	const lines = [
		"Issue 14's targets (stated there at 1,000,000 people; judged here at every size the step ran, on the median):",
		'',
		'| target | limit | people | measured (median) | met |',
		'|---|---|---:|---|---|'
	];
	for (const t of targetsOf(report)) {
		const judged = t.judge(report);
		if (judged.length === 0) lines.push(`| ${t.what} | ${t.limit} | | not measured in this run | – |`);
		for (const j of judged)
			lines.push(`| ${t.what} | ${t.limit} | ${j.people.toLocaleString('en')} | ${j.measured} | ${j.met ? 'met' : '**not met**'} |`);
	}
	return lines.join('\n');
}

function loadTable(load: LoadSampler): string {
	return [
		'Load average (1 min), sampled every 5 s: min–median–max per section of the run.',
		'',
		'| section | load average |',
		'|---|---|',
		...load.sections.map((s) => `| ${s.name} | ${loadLine(load.loadOf(s))} |`),
		`| whole run | ${loadLine(load.all())} |`
	].join('\n');
}

/** The tables of a run: load average, one table per size, growth, targets. */
export function resultsMarkdown(report: Report, bundledPeople: number | undefined): string {
	const peopleSeen = [...new Set(report.steps.all.map((s) => s.people))].sort((a, b) => a - b);
	const failures = report.steps.failures.map((f) => `- ${f}`).join('\n');
	return [
		failures ? `Not run to the end:\n\n${failures}` : '',
		loadTable(report.load),
		"Every step ran the number of times given above; time is wall time (median, min–max over the runs), CPU the median CPU time of a run (the Node process with all its DuckDB threads, or all Chromium processes), peak memory the highest over the runs. ÷ DuckDB native: for a load, DuckDB native's `CREATE TABLE AS SELECT * FROM read_parquet/read_csv` of the same file plus the overview's group-by (the \"native\" rows); for indicators and allocation, DuckDB native's time for the peers' workload (village totals + funded PIP list, only with `--peers`). ÷ fastest peer: the fastest agreeing peer's load (of the narrow canonical Parquet files, not the flat file) or workload.",
		...peopleSeen.map((p) => sizeTable(report, p, p === bundledPeople && !report.sizes.includes(p))),
		growthTable(report),
		targetsTable(report)
	]
		.filter((part) => part !== '')
		.join('\n\n');
}
