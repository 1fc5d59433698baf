/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Tepat's service worker. Its one job today: make the page cross-origin isolated on a static host that
 * cannot send COOP/COEP, by adding them to the app's own responses (src/lib/isolation/), so duckdb-wasm
 * can run its threaded build. It is registered by the page (src/lib/isolation/page.ts), not by SvelteKit,
 * so the page decides when (not when already isolated, not with the `?threads=0` kill switch) and
 * reloads once after the first registration. It caches nothing: every request still goes to the network.
 */
import { isolates, withIsolationHeaders } from '$lib/isolation/headers';

const worker = self as unknown as ServiceWorkerGlobalScope;

// A new version takes over at once: it only adds headers, so an old page and a new worker agree.
worker.addEventListener('install', () => {
	void worker.skipWaiting();
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(worker.clients.claim());
});

worker.addEventListener('fetch', (event) => {
	if (!isolates(event.request, worker.location.origin)) return;
	event.respondWith(fetch(event.request).then(withIsolationHeaders));
});
