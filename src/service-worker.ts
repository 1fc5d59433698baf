/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Tepat's one service worker, registered by the page on every visit (src/lib/offline/worker-client.ts).
 * Two jobs:
 * - offline: it precaches this version's files at install (src/lib/offline/precache.ts says which) and
 *   answers the app's own requests from that cache first, so after one visit the app loads and works with
 *   no network; anything else the app fetches is kept on first use;
 * - threads: once the page opted in (`?threads=1`, src/lib/isolation/), it adds the cross-origin isolation
 *   headers to those answers, so duckdb-wasm's threaded build runs on a host that cannot send them.
 * A new version installs beside the old one and waits: it takes over only when the user accepts the
 * page's "update available" notice (message `skip-waiting`), never in the middle of work. The page then
 * reloads once, and the old version's cache is removed. No request goes to another origin.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { isolates, withIsolationHeaders } from '$lib/isolation/headers';
import { EMITTED_LIST, SETTINGS_CACHE, cacheName, isOldCache, pageKey, precacheMode, precachePaths } from '$lib/offline/precache';
import { isPageMessage, type WorkerReply } from '$lib/offline/protocol';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);
// `vite dev` lists no build: caching its ever-changing modules would serve stale code, so nothing is kept.
const OFFLINE = build.length > 0;
const THREADS_KEY = new URL(`${base}/.tepat/threads`, worker.location.origin).href;

/** The emitted files the build listed (none in `vite dev`, where the list does not exist). */
async function emittedFiles(): Promise<string[]> {
	try {
		const response = await fetch(`${base}${EMITTED_LIST}`, { cache: 'reload' });
		if (!response.ok) return [];
		const names = (await response.json()) as unknown;
		return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string').map((name) => `${base}/${name}`) : [];
	} catch {
		return [];
	}
}

async function precache(): Promise<void> {
	if (!OFFLINE) return;
	const cache = await caches.open(CACHE);
	const paths = precachePaths({ build, files, prerendered, emitted: await emittedFiles() });
	await cache.addAll(paths.map((path) => new Request(path, { cache: precacheMode(path) })));
}

worker.addEventListener('install', (event) => {
	event.waitUntil(precache());
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (isOldCache(name, version)) await caches.delete(name);
			await worker.clients.claim();
		})()
	);
});

let threads: Promise<boolean> | null = null;

/** Whether the page opted into threads; read once per worker start, then kept. */
function threadsOn(): Promise<boolean> {
	threads ??= caches
		.open(SETTINGS_CACHE)
		.then((cache) => cache.match(THREADS_KEY))
		.then((found) => found !== undefined)
		.catch(() => false);
	return threads;
}

async function setThreads(on: boolean): Promise<void> {
	const cache = await caches.open(SETTINGS_CACHE);
	if (on) await cache.put(THREADS_KEY, new Response('on'));
	else await cache.delete(THREADS_KEY);
	threads = Promise.resolve(on);
}

worker.addEventListener('message', (event) => {
	const message: unknown = event.data;
	if (!isPageMessage(message)) return;
	const reply: WorkerReply = { version };
	if (message.type === 'skip-waiting') event.waitUntil(worker.skipWaiting());
	if (message.type === 'threads') event.waitUntil(setThreads(message.on).then(() => event.ports[0]?.postMessage(reply)));
	else event.ports[0]?.postMessage(reply);
});

/** A navigation: this version's page for the path, else the network, else (offline, unknown path) the app's root page. */
async function page(request: Request, cache: Cache): Promise<Response> {
	const cached = await cache.match(pageKey(new URL(request.url).pathname));
	if (cached) return cached;
	try {
		return await fetch(request);
	} catch (error) {
		// Every page is the same client-rendered shell (ssr is off): the root one routes to the address.
		const shell = await cache.match(`${base}/`);
		if (shell) return shell;
		throw error;
	}
}

/** Any other file: this version's copy, else the network's, kept (in the background) for next time. */
async function file(event: FetchEvent, cache: Cache): Promise<Response> {
	const cached = await cache.match(event.request);
	if (cached) return cached;
	const response = await fetch(event.request);
	if (response.status === 200) event.waitUntil(cache.put(event.request, response.clone()).catch(() => undefined));
	return response;
}

async function answer(event: FetchEvent): Promise<Response> {
	const { request } = event;
	// A byte range (a media or partial read) is the network's to answer: a cache holds whole files.
	const offline = OFFLINE && !request.headers.has('range');
	let response: Response;
	if (!offline) response = await fetch(request);
	else {
		const cache = await caches.open(CACHE);
		response = request.mode === 'navigate' ? await page(request, cache) : await file(event, cache);
	}
	return (await threadsOn()) ? withIsolationHeaders(response) : response;
}

worker.addEventListener('fetch', (event) => {
	// Only the app's own GET requests; it makes no other.
	if (!isolates(event.request, worker.location.origin)) return;
	event.respondWith(answer(event));
});
