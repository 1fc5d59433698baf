/**
 * What the service worker keeps for offline use, and under which cache names. Pure, so the choice can be
 * tested without a browser.
 *
 * Precached at install: everything the default path needs with no network — the app shell and every
 * prerendered route, the single-threaded ("eh") duckdb-wasm build and its worker, parquet-wasm's worker
 * and wasm, MapLibre's worker, the bundled boundaries, the prebuilt sample (static/sample/register/) and
 * the regional lists (static/wilayah/). Left out, because together they would double the download of a
 * first visit (duckdb-wasm's threaded build alone is about 34 MB): the threaded "coi" build and its
 * workers (threads are opt-in) and the sample's source files (read only when the prebuilt sample does
 * not fit this version). Those are cached at runtime, the first time the app fetches them.
 */

/** Every cache the worker owns starts so; the one cache holding a version's files is named after it. */
const OFFLINE_PREFIX = 'tepat-offline-';

/** Settings the page gives the worker (threads), kept apart so that a new version keeps them. */
export const SETTINGS_CACHE = 'tepat-settings';

/**
 * The client build's emitted files (scripts/emitted-files.js writes it; SvelteKit's default appDir). SvelteKit's `build` list comes
 * from Vite's manifest, which lists no worker bundle (`new Worker(new URL(…))`, `?worker&url`) nor what
 * those import: parquet-wasm's worker and wasm would be missing.
 */
export const EMITTED_LIST = '/_app/emitted-files.json';

export function cacheName(version: string): string {
	return `${OFFLINE_PREFIX}${version}`;
}

/** A cache of another version of the app: removed once this version is active. */
export function isOldCache(name: string, version: string): boolean {
	return name.startsWith(OFFLINE_PREFIX) && name !== cacheName(version);
}

/** duckdb-wasm's threaded build: its wasm, its worker, our wrapper of it and its pthread worker. */
const THREADED_BUILD = /\/(duckdb-coi|duckdb-browser-coi)[.-]/;
/** The sample's source files beside static/sample/register/ (the fallback ingest). */
const SAMPLE_SOURCES = /\/sample\/[^/]+\.parquet$/;

export interface PrecacheLists {
	/** `$service-worker`'s lists: the client build, static/ and the prerendered pages (all with the base path). */
	build: readonly string[];
	files: readonly string[];
	prerendered: readonly string[];
	/** EMITTED_LIST's files, with the base path. */
	emitted: readonly string[];
}

/** The paths to precache, each once, in a stable order. */
export function precachePaths(lists: PrecacheLists): string[] {
	const all = [...lists.prerendered, ...lists.build, ...lists.emitted, ...lists.files];
	return [...new Set(all)].filter((path) => !THREADED_BUILD.test(path) && !SAMPLE_SOURCES.test(path));
}

/** Vite's content-hashed output (SvelteKit's default appDir): a name there never holds other bytes. */
const CONTENT_HASHED = /\/_app\/immutable\//;

/**
 * How the install fetches `path`. A content-hashed file may come from the browser's HTTP cache, where
 * the page that registered the worker has just put duckdb-wasm, the workers and the scripts; fetching
 * them again would double a first visit's download. Every other file (pages, the sample, the lists) may
 * have changed under the same name: `reload` takes this version's from the server.
 */
export function precacheMode(path: string): RequestCache {
	return CONTENT_HASHED.test(path) ? 'default' : 'reload';
}

/**
 * The cache key of a navigation to `pathname`: the prerendered page for that path. Routes end in a slash
 * (trailingSlash 'always'), so `/data` is `/data/`; a path with a file extension is left as it is.
 */
export function pageKey(pathname: string): string {
	if (pathname.endsWith('/')) return pathname;
	const last = pathname.slice(pathname.lastIndexOf('/') + 1);
	return last.includes('.') ? pathname : `${pathname}/`;
}
