/**
 * Issue 16 point 2: partner mode cannot reach any screen or download that holds people. Two fences,
 * both checked here:
 * - the whole import graph of the partner routes (every module they load, transitively) holds no
 *   engine, ingest or query module, no state module that keeps the register, plan or fieldwork, no
 *   by-name export or handover file, and nothing of DuckDB; the same walk from the Plan screen finds
 *   them, so the walk itself is shown to see such imports;
 * - ESLint's rule (eslint.config.js) refuses such an import written in a partner file.
 * Type-only imports load nothing at run time and are not followed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LIB = join(ROOT, 'src/lib');
const PARTNER_ROUTES = join(ROOT, 'src/routes/(partner)');

/** State modules partner mode may load: none keeps a register, a plan or fieldwork. */
const ALLOWED_STATE = [
	'PartnerModel.svelte.ts',
	'partner-draft.ts',
	'partner-rows.ts',
	'LocaleModel.svelte.ts',
	'download.ts',
	'idb.ts',
	'map-view.ts'
];

/** Why a module (path relative to the repository) may not be reached from partner mode, or null. */
function forbidden(path: string): string | null {
	if (/^src\/lib\/(engine|ingest|queries)\//.test(path)) return 'engine, ingest or queries';
	if (path.startsWith('src/lib/state/') && !ALLOWED_STATE.includes(path.slice('src/lib/state/'.length))) return 'register state';
	if (/^src\/lib\/export\/bnba/.test(path)) return 'by-name export';
	if (/^src\/lib\/core\/partner\/(envelope|bast)\.ts$/.test(path)) return 'handover file';
	return null;
}

/** import … from, export … from, bare import and dynamic import(); type-only ones are left out. */
const STATEMENT =
	/(?:^|[\s;}])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\s*from\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function specifiers(source: string): string[] {
	const found: string[] = [];
	for (const match of source.matchAll(STATEMENT)) {
		if (match[1]) continue;
		const specifier = match[2] ?? match[3];
		if (specifier) found.push(specifier.replace(/\?.*$/, ''));
	}
	return found;
}

/** The file a specifier names, or null for a package (or a SvelteKit/Vite virtual module). */
function resolveSpecifier(specifier: string, from: string): string | null {
	let base: string;
	if (specifier.startsWith('$lib/') || specifier === '$lib') base = join(LIB, specifier.slice(4));
	else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
	else return null;
	const candidates = [
		base,
		`${base}.ts`,
		`${base}.svelte.ts`,
		`${base}.js`,
		base.replace(/\.js$/, '.ts'),
		join(base, 'index.ts'),
		join(base, 'index.js')
	];
	const file = candidates.find((c) => existsSync(c) && statSync(c).isFile());
	if (!file) throw new Error(`${relative(ROOT, from)}: cannot resolve '${specifier}'`);
	return file;
}

interface Walk {
	/** Every module reached, relative to the repository. */
	modules: Set<string>;
	/** Every package imported on the way. */
	packages: Set<string>;
	/** For each module, the module that first imported it (to print the chain). */
	via: Map<string, string>;
}

function walk(entries: readonly string[]): Walk {
	const result: Walk = { modules: new Set(), packages: new Set(), via: new Map() };
	const queue = [...entries];
	for (const e of entries) result.modules.add(relative(ROOT, e));
	while (queue.length > 0) {
		const file = queue.shift() as string;
		// Paraglide's generated messages hold words only; walking its thousands of files proves nothing.
		if (relative(ROOT, file).startsWith('src/lib/paraglide/')) continue;
		if (!/\.(ts|js|svelte)$/.test(file)) continue;
		for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
			const target = resolveSpecifier(specifier, file);
			if (target === null) {
				result.packages.add(specifier);
				continue;
			}
			const path = relative(ROOT, target);
			if (result.modules.has(path)) continue;
			result.modules.add(path);
			result.via.set(path, relative(ROOT, file));
			queue.push(target);
		}
	}
	return result;
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

function chain(w: Walk, path: string): string {
	const steps = [path];
	for (let p = w.via.get(path); p !== undefined; p = w.via.get(p)) steps.unshift(p);
	return steps.join(' → ');
}

/** The forbidden modules and packages a walk reached, each with how it got there. */
function breaches(w: Walk): string[] {
	return [
		...[...w.modules].filter((p) => forbidden(p) !== null).map((p) => `${forbidden(p)}: ${chain(w, p)}`),
		...[...w.packages].filter((p) => p.startsWith('@duckdb/')).map((p) => `DuckDB package ${p}`)
	];
}

describe('the import graph of partner mode', () => {
	// The partner routes and the root layout they render in.
	const entries = [...filesUnder(PARTNER_ROUTES), join(ROOT, 'src/routes/+layout.svelte'), join(ROOT, 'src/routes/+layout.ts')];

	it('has the partner routes to walk from', () => {
		expect(entries.map((e) => relative(ROOT, e)).sort()).toEqual(
			expect.arrayContaining(['src/routes/(partner)/+layout.svelte', 'src/routes/(partner)/tjsp/+page.svelte'])
		);
	});

	it('reaches the pack, the pledge file and the map, and nothing that holds people', () => {
		const w = walk(entries);
		expect(breaches(w)).toEqual([]);
		// The walk went where partner mode's code is: it is not an empty walk that trivially passes.
		expect([...w.modules]).toEqual(
			expect.arrayContaining([
				'src/lib/state/PartnerModel.svelte.ts',
				'src/lib/core/partner/pack-file.ts',
				'src/lib/core/partner/pledge.ts',
				'src/lib/ui/map/ChoroplethMap.svelte',
				'src/lib/ui/partner/PledgeForm.svelte'
			])
		);
		expect(w.packages.has('maplibre-gl')).toBe(true);
	});

	it('finds the register, the engine and DuckDB from the Plan screen (the walk sees what it must refuse)', () => {
		const w = walk([join(ROOT, 'src/routes/(dinsos)/rencana/+page.svelte')]);
		const found = breaches(w);
		expect(found.some((b) => b.includes('src/lib/state/RegisterModel.svelte.ts'))).toBe(true);
		expect(found.some((b) => /src\/lib\/(engine|queries)\//.test(b))).toBe(true);
		expect(found.some((b) => b.startsWith('DuckDB package @duckdb/'))).toBe(true);
	});

	it('reads imports as a bundler does: type-only imports load nothing, every other form does', () => {
		const source = [
			"import type { MapPaint } from '$lib/state/MapModel.svelte';",
			"import { a, type B } from './a';",
			"import './side-effect.css';",
			"export { c } from '../c';",
			"export * from '$lib/d';",
			"export type { E } from '$lib/e';",
			"const f = await import('$lib/f');",
			"import g from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';"
		].join('\n');
		expect(specifiers(source)).toEqual(['./a', './side-effect.css', '../c', '$lib/d', '$lib/f', 'maplibre-gl/dist/maplibre-gl-worker.mjs']);
	});
});

describe("ESLint's fence around partner mode", () => {
	const eslint = new ESLint({ cwd: ROOT });

	async function refusals(code: string, filePath: string): Promise<string[]> {
		const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
		return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
	}

	const probe = (specifier: string) => `import * as probe from '${specifier}';\nexport const used = probe;\n`;

	it('refuses the register, the engine, queries, DuckDB and the by-name export in a partner screen', async () => {
		for (const specifier of [
			'$lib/state/RegisterModel.svelte',
			'$lib/state/PlanModel.svelte',
			'$lib/state/database',
			'$lib/engine/types',
			'$lib/queries/partner-pack',
			'$lib/ingest/report',
			'@duckdb/duckdb-wasm',
			'$lib/export/bnba',
			'$lib/core/partner/envelope',
			'../../state/VervalModel.svelte'
		]) {
			const found = await refusals(probe(specifier), 'src/lib/ui/partner/probe.ts');
			expect(found, specifier).toHaveLength(1);
			expect(found[0]).toContain('Partner mode never reaches');
		}
		expect(await refusals(probe('$lib/state/RegisterModel.svelte'), 'src/routes/(partner)/tjsp/probe.ts')).toHaveLength(1);
	});

	it('lets a partner screen import the pack, the words and the state modules that hold no register', async () => {
		for (const specifier of [
			'$lib/core/partner/pack',
			'$lib/state/PartnerModel.svelte',
			'$lib/state/LocaleModel.svelte',
			'$lib/state/download',
			'$lib/export/csv-write',
			'$lib/words/error-text'
		]) {
			expect(await refusals(probe(specifier), 'src/lib/ui/partner/probe.ts'), specifier).toEqual([]);
		}
	});

	it('does not fence Dinsos screens (the rule is for partner files only)', async () => {
		expect(await refusals(probe('$lib/state/RegisterModel.svelte'), 'src/lib/ui/probe.ts')).toEqual([]);
	});
});
