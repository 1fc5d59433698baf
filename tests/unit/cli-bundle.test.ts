/**
 * bin/cli-bundle.js on a small project of its own: the first run bundles, the next ones load the same
 * bundle, a changed source is bundled again, paths made from import.meta.url still name the project's
 * files, and a project the bundle would get wrong runs through tsx instead.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stop } from 'esbuild';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadCli } from '../../bin/cli-bundle.js';

const BUNDLER = pathToFileURL(fileURLToPath(new URL('../../bin/cli-bundle.js', import.meta.url))).href;

interface TinyCli {
	main(args: string[]): Promise<number>;
	dataFile(): string;
}
type Loaded = { cli: TinyCli; loaded: 'cached' | 'built' | 'tsx' };
// The tiny project's CLI has a second export the real one has not.
const load = loadCli as unknown as (options: { root: string; entry: string; cacheDir: string }) => Promise<Loaded>;

let roots: string[] = [];

async function project(word: string, libReadsUrl = false) {
	const root = await mkdtemp(join(tmpdir(), 'tepat-cli-bundle-'));
	roots.push(root);
	await mkdir(join(root, 'src/cli'), { recursive: true });
	await mkdir(join(root, 'src/lib'), { recursive: true });
	await writeFile(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
	await writeFile(
		join(root, 'src/cli/main.ts'),
		[
			`import { word } from '../lib/word';`,
			`import { fileURLToPath } from 'node:url';`,
			`export async function main(args: string[]): Promise<number> { return word.length + args.length; }`,
			`export function dataFile(): string { return fileURLToPath(new URL('../../data/x.json', import.meta.url)); }`
		].join('\n')
	);
	await writeWord(root, word, libReadsUrl);
	return { root, entry: join(root, 'src/cli/main.ts'), cacheDir: join(root, 'node_modules/.cache/tepat-cli') };
}

async function writeWord(root: string, word: string, readsUrl = false) {
	const extra = readsUrl ? `\nexport const here: string = import.meta.url;` : '';
	await writeFile(join(root, 'src/lib/word.ts'), `export const word: string = ${JSON.stringify(word)};${extra}`);
}

afterEach(async () => {
	await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
	roots = [];
});

// esbuild's service process would keep the test run alive.
afterAll(() => stop());

describe('the CLI bundle', () => {
	it('bundles on the first run and loads the same bundle while the sources stay as they were', async () => {
		const options = await project('abc');
		const first = await load(options);
		expect(first.loaded).toBe('built');
		expect(await first.cli.main(['x'])).toBe(4);
		expect(first.cli.dataFile()).toBe(join(options.root, 'data/x.json'));
		const second = await load(options);
		expect(second.loaded).toBe('cached');
		expect(await second.cli.main([])).toBe(3);
		expect((await readdir(options.cacheDir)).filter((f) => f.endsWith('.mjs'))).toHaveLength(1);
	});

	it('bundles again when a source it was made from changes', async () => {
		const options = await project('abc');
		expect((await load(options)).loaded).toBe('built');
		await writeWord(options.root, 'abcdefg');
		// The same size and time would not be noticed: a real edit moves the modification time.
		const later = new Date(Date.now() + 5_000);
		await utimes(join(options.root, 'src/lib/word.ts'), later, later);
		const again = await load(options);
		expect(again.loaded).toBe('built');
		expect(await again.cli.main([])).toBe(7);
		expect((await load(options)).loaded).toBe('cached');
	});

	it('runs through tsx when a source outside the entry folder reads import.meta.url', async () => {
		const options = await project('abc', true);
		const script = [
			`const { loadCli } = await import(${JSON.stringify(BUNDLER)});`,
			`const { cli, loaded } = await loadCli(${JSON.stringify(options)});`,
			`console.log(JSON.stringify({ loaded, answer: await cli.main(['a', 'b']), data: cli.dataFile() }));`
		].join('\n');
		const out = await new Promise<string>((done, fail) => {
			execFile(process.execPath, ['--input-type=module', '-e', script], (error, stdout, stderr) =>
				error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout)
			);
		});
		expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toEqual({
			loaded: 'tsx',
			answer: 5,
			data: join(options.root, 'data/x.json')
		});
	});
});
