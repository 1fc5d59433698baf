/**
 * Loads the TypeScript CLI without a build step of its own. The CLI reaches some 2,000 modules (the
 * messages are one module each); loaded one by one through tsx's loader they took 1.0–1.2 s of every
 * run with tsx's cache warm and 3 s cold, against 0.5–0.6 s for `tepat summary --help` from one
 * bundle. So the first run bundles them with esbuild (under a second) into a cache, and later runs
 * load that one file for as long as none of its sources changed (each source's size and modification
 * time, checked on every run: a few milliseconds). When the bundle cannot be made (no esbuild, a
 * read-only folder), the CLI runs through tsx as before.
 *
 * The cache is `node_modules/.cache/tepat-cli`, so the bundle resolves its packages (DuckDB's native
 * binding, exceljs …) from the project's node_modules, as the sources do.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * @typedef {{ main: (args: string[]) => Promise<number> }} CliModule
 * @typedef {{ file: string; size: number; mtimeMs: number }} SourceStamp
 * @typedef {{ bundle: string; sources: SourceStamp[] }} BundleIndex
 * @typedef {{ root: string; entry: string; cacheDir: string }} BundleOptions
 */

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The project's CLI: its entry and cache. */
export const CLI_BUNDLE = {
	root: PROJECT_ROOT,
	entry: join(PROJECT_ROOT, 'src/cli/main.ts'),
	cacheDir: join(PROJECT_ROOT, 'node_modules/.cache/tepat-cli')
};

/** @param {string} root @param {string} file */
const sourcePath = (root, file) => resolve(root, file);

/** @param {string} path @returns {Promise<SourceStamp | null>} */
async function stampOf(path) {
	try {
		const s = await stat(path);
		return { file: path, size: s.size, mtimeMs: s.mtimeMs };
	} catch {
		return null;
	}
}

/** The bundle the index names, when every source it was made from is as it was. @param {BundleOptions} options */
async function freshBundle(options) {
	/** @type {BundleIndex} */
	let index;
	try {
		index = JSON.parse(await readFile(join(options.cacheDir, 'index.json'), 'utf8'));
	} catch {
		return null;
	}
	if (!Array.isArray(index.sources) || index.sources.length === 0 || typeof index.bundle !== 'string') return null;
	const now = await Promise.all(index.sources.map((s) => stampOf(s.file)));
	const same = now.every((s, i) => s !== null && s.size === index.sources[i]?.size && s.mtimeMs === index.sources[i]?.mtimeMs);
	return same ? join(options.cacheDir, index.bundle) : null;
}

/**
 * Bundles the entry and what it imports from the project (packages stay imports). `import.meta.url` is
 * the entry's own URL in the bundle, so paths made from it (`../../data/…`) still name the project's
 * files; a bundled source elsewhere than the entry's folder that reads `import.meta.url` would then
 * be wrong, so the bundle is refused and the CLI runs through tsx.
 * @param {BundleOptions} options
 * @returns {Promise<string>} the bundle's path
 */
async function buildBundle(options) {
	const { build } = await import('esbuild');
	const entryUrl = pathToFileURL(options.entry).href;
	const result = await build({
		entryPoints: [options.entry],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		write: false,
		metafile: true,
		logLevel: 'silent',
		absWorkingDir: options.root,
		outfile: join(options.cacheDir, 'cli.mjs'),
		define: { 'import.meta.url': JSON.stringify(entryUrl) }
	});
	const output = result.outputFiles[0];
	if (!output) throw new Error('esbuild wrote no bundle');
	const entryDir = resolve(options.entry, '..');
	const sources = Object.keys(result.metafile.inputs).map((file) => sourcePath(options.root, file));
	for (const file of sources) {
		if (resolve(file, '..') === entryDir) continue;
		if ((await readFile(file, 'utf8')).includes('import.meta.url')) {
			throw new Error(`${relative(options.root, file)} reads import.meta.url outside ${relative(options.root, entryDir)}${sep}`);
		}
	}
	const stamps = await Promise.all(sources.map(stampOf));
	if (stamps.some((s) => s === null)) throw new Error('a source went away while it was bundled');
	const hash = createHash('sha256').update(output.contents).digest('hex').slice(0, 16);
	const bundle = `cli-${hash}.mjs`;
	await mkdir(options.cacheDir, { recursive: true });
	// Written under names of their own, then renamed: two runs building at once each leave whole files.
	const unique = `${process.pid}-${Date.now()}`;
	const bundleTemp = join(options.cacheDir, `${bundle}.${unique}.tmp`);
	await writeFile(bundleTemp, output.contents);
	await rename(bundleTemp, join(options.cacheDir, bundle));
	/** @type {BundleIndex} */
	const index = { bundle, sources: /** @type {SourceStamp[]} */ (stamps) };
	const indexTemp = join(options.cacheDir, `index.json.${unique}.tmp`);
	await writeFile(indexTemp, JSON.stringify(index));
	await rename(indexTemp, join(options.cacheDir, 'index.json'));
	await removeOldBundles(options.cacheDir, bundle);
	return join(options.cacheDir, bundle);
}

/** Bundles of earlier sources, once no run can still be about to load them (an hour on). @param {string} cacheDir @param {string} keep */
async function removeOldBundles(cacheDir, keep) {
	const hourAgo = Date.now() - 60 * 60 * 1000;
	for (const name of await readdir(cacheDir)) {
		if (name === keep || !/^cli-[0-9a-f]+\.mjs$/.test(name)) continue;
		const stamp = await stampOf(join(cacheDir, name));
		if (stamp && stamp.mtimeMs < hourAgo) await rm(join(cacheDir, name), { force: true });
	}
}

/**
 * The CLI module and how it was loaded: `cached` (the bundle as it was), `built` (bundled now) or
 * `tsx` (the sources, when no bundle could be made).
 * @param {BundleOptions} [options]
 * @returns {Promise<{ cli: CliModule; loaded: 'cached' | 'built' | 'tsx' }>}
 */
export async function loadCli(options = CLI_BUNDLE) {
	const fresh = await freshBundle(options);
	if (fresh) {
		try {
			return { cli: await import(pathToFileURL(fresh).href), loaded: 'cached' };
		} catch {
			// Removed or damaged since the index named it: made again below.
		}
	}
	let built;
	try {
		built = await buildBundle(options);
	} catch {
		built = null;
	}
	if (built) return { cli: await import(pathToFileURL(built).href), loaded: 'built' };
	const { register } = await import('tsx/esm/api');
	register();
	return { cli: await import(pathToFileURL(options.entry).href), loaded: 'tsx' };
}
