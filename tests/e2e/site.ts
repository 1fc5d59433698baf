/**
 * End-to-end harness: serves the built site (build/) on a free 127.0.0.1 port with scripts/serve.js and
 * drives the machine's Chromium (CHROMIUM_PATH, /usr/bin/chromium from the Debian package, or chromium on
 * PATH: scripts/ensure-chromium.js) through playwright-core, headless,
 * with a fresh temporary profile. Every request the page makes is recorded so tests can prove that
 * nothing leaves the served origin.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEBIAN_CHROMIUM, adviceLine, findChromium, machineProbe } from '../../scripts/ensure-chromium.js';
import { serve } from '../../scripts/serve.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site; the benchmark points it at a copy so a rebuild meanwhile cannot disturb a run. */
export const BUILD_DIR = process.env.TEPAT_BUILD_DIR ?? join(ROOT, 'build');
export const ARTIFACTS_DIR = join(ROOT, 'tests/artifacts');
/** The Chromium found as scripts/ensure-chromium.js finds it (CHROMIUM_PATH, /usr/bin/chromium, PATH). */
export const CHROMIUM = findChromium(machineProbe()) ?? process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export interface Site {
	url: string;
	origin: string;
	context: BrowserContext;
	page: Page;
	/** The temporary Chromium profile directory (the benchmark finds the browser's processes by it). */
	profile: string;
	/** Every URL the browser requested, in order (the service worker's precache included). */
	requests: string[];
	/** The URLs the pages asked for themselves, not the service worker filling its cache. */
	pageRequests: string[];
	/** Console errors and page errors, for diagnosis. */
	errors: string[];
	/** Responses with an HTTP error status (URL and status). */
	failures: string[];
	screenshot(name: string): Promise<string>;
	close(): Promise<void>;
}

/** Fails with a clear message when the preconditions of the end-to-end tests are not met. */
export function assertPrerequisites(): void {
	if (!existsSync(join(BUILD_DIR, '200.html'))) {
		throw new Error('build/ is missing (no build/200.html): run `npm run build` before the end-to-end tests (`npm test` does it first).');
	}
	if (!existsSync(join(BUILD_DIR, 'sample', 'manifest.json'))) {
		throw new Error('build/sample/manifest.json is missing: the bundled sample was not generated into static/sample/ before the build.');
	}
	// The same one line as `npm test`'s pretest check.
	if (!findChromium(machineProbe())) throw new Error(adviceLine(machineProbe()));
}

export interface SiteOptions {
	/**
	 * Whether the server sends the cross-origin isolation headers (scripts/serve.js's default, as `npm
	 * start` does); false serves the site as a static host that cannot send headers would.
	 */
	isolated?: boolean;
	/** The directory to serve instead of BUILD_DIR (a copy a test may change, as a new deployment would). */
	root?: string;
}

export async function openSite(options: SiteOptions = {}): Promise<Site> {
	assertPrerequisites();
	const server = await serve({
		root: options.root ?? BUILD_DIR,
		port: 0,
		quiet: true,
		...(options.isolated === undefined ? {} : { isolated: options.isolated })
	});
	const profile = await mkdtemp(join(tmpdir(), 'tepat-e2e-profile-'));
	let context: BrowserContext;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: { width: 1280, height: 900 },
			locale: 'id-ID',
			acceptDownloads: true
		});
	} catch (error) {
		await server.close();
		await rm(profile, { recursive: true, force: true });
		throw error;
	}
	const requests: string[] = [];
	const pageRequests: string[] = [];
	const errors: string[] = [];
	const failures: string[] = [];
	context.on('request', (request) => {
		requests.push(request.url());
		if (!request.serviceWorker()) pageRequests.push(request.url());
	});
	context.on('response', (response) => {
		if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	await mkdir(ARTIFACTS_DIR, { recursive: true });
	return {
		url: server.url,
		origin: new URL(server.url).origin,
		context,
		page,
		profile,
		requests,
		pageRequests,
		errors,
		failures,
		async screenshot(name) {
			const path = join(ARTIFACTS_DIR, `${name}.png`);
			await page.screenshot({ path, fullPage: true });
			return path;
		},
		async close() {
			await context.close().catch(() => undefined);
			await server.close();
			await rm(profile, { recursive: true, force: true });
		}
	};
}

/** Requests that went anywhere but the served origin (blob:/data: URLs of the page itself are local). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
	return requests.filter((url) => {
		if (url.startsWith('data:')) return false;
		if (url.startsWith('blob:')) return !url.startsWith(`blob:${origin}/`);
		return new URL(url).origin !== origin;
	});
}

/** The paths among these that are DuckDB's worker or any wasm: what a page holding no register must never fetch. */
export function engineFiles(paths: readonly string[]): string[] {
	return paths.filter((path) => /duckdb|\.wasm$/i.test(path));
}
