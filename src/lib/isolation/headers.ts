/**
 * Cross-origin isolation (SharedArrayBuffer, hence duckdb-wasm's threads) for a host that cannot send
 * headers: the service worker answers the app's own requests with these added. The same three headers
 * scripts/serve.js sends itself.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

/**
 * Only the app's own GET requests: the app makes no other, and a foreign one left alone cannot be made
 * to look same-origin. `only-if-cached` outside same-origin mode throws when fetched again (DevTools does it).
 */
export function isolates(request: Request, origin: string): boolean {
	if (request.method !== 'GET') return false;
	if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return false;
	return new URL(request.url).origin === origin;
}

/** The same response with the isolation headers; an opaque one (status 0) cannot be changed and is kept. */
export function withIsolationHeaders(response: Response): Response {
	if (response.status === 0) return response;
	const headers = new Headers(response.headers);
	for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
	return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
