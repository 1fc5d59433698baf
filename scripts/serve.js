#!/usr/bin/env node
/**
 * A tiny dependency-free static server for the built site (build/): SPA fallback to 200.html, the MIME
 * types the app needs (application/wasm for streaming compile, .mjs, .parquet), 127.0.0.1 only.
 *   node scripts/serve.js            → http://127.0.0.1:4173/, or the next free port when 4173 is taken
 *   PORT=8080 node scripts/serve.js  → exactly that port; if it is taken, says so and exits 1
 * It prints the URL it actually serves. Also importable: `const server = await serve({ root, port: 0 })`
 * (port 0 = any free port) or `serve({ root, ports: [4173, 4174, 0] })` (the first free one).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {Record<string, string>} */
const MIME = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.parquet': 'application/vnd.apache.parquet',
	'.csv': 'text/csv; charset=utf-8',
	'.geojson': 'application/geo+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.woff2': 'font/woff2'
};

const HOST = '127.0.0.1';
/** The port `npm start` prefers, and how many after it are tried before any free port (0). */
export const DEFAULT_PORT = 4173;
export const PORT_TRIES = 10;

/**
 * The ports to try, in order, from the PORT environment variable: a given PORT is the only one (the
 * user asked for it); without one, 4173, then the next nine, then any free port.
 * @param {string | undefined} envPort
 * @returns {{ ports: number[], explicit: boolean }}
 */
export function portChoice(envPort) {
	const text = envPort?.trim() ?? '';
	if (text === '') {
		return { ports: [...Array.from({ length: PORT_TRIES }, (_, i) => DEFAULT_PORT + i), 0], explicit: false };
	}
	const port = Number(text);
	if (!/^\d+$/.test(text) || !Number.isInteger(port) || port > 65535) {
		throw new Error(`PORT='${envPort}' bukan nomor port (0–65535).`);
	}
	return { ports: [port], explicit: true };
}

/**
 * What to say when the port given in PORT is taken.
 * @param {number} port
 */
export function portTakenMessage(port) {
	const other = port === 65535 ? port - 1 : port + 1;
	return (
		`Port ${port} (dari PORT) sudah dipakai program lain. Hentikan program itu, ` +
		`pilih port lain (mis. PORT=${other} npm start), atau jalankan tanpa PORT agar port bebas dipilih sendiri.`
	);
}

/**
 * Listens on the first port of `ports` that is free (0 = any free port); rejects with the last
 * EADDRINUSE when none is, or at once on any other error.
 * @param {import('node:http').Server} server
 * @param {string} host
 * @param {readonly number[]} ports
 * @returns {Promise<{ port: number, skipped: number[] }>}
 */
export async function listenOnFirstFree(server, host, ports) {
	/** @type {number[]} */
	const skipped = [];
	/** @type {unknown} */
	let lastError = new Error('no port to try');
	for (const port of ports) {
		try {
			await new Promise((resolveListen, reject) => {
				const onError = (/** @type {Error} */ error) => reject(error);
				server.once('error', onError);
				server.listen(port, host, () => {
					server.off('error', onError);
					resolveListen(undefined);
				});
			});
			const address = server.address();
			return { port: typeof address === 'object' && address ? address.port : port, skipped };
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
			skipped.push(port);
			lastError = error;
		}
	}
	throw lastError;
}

/**
 * @param {string} path
 * @returns {Promise<{ path: string, size: number } | null>}
 */
async function fileAt(path) {
	try {
		const info = await stat(path);
		if (info.isFile()) return { path, size: info.size };
		if (info.isDirectory()) return fileAt(join(path, 'index.html'));
	} catch {
		// not there
	}
	return null;
}

/** Cross-origin isolation: SharedArrayBuffer, hence threads in duckdb-wasm (the service worker adds the same: src/lib/isolation/headers.ts). */
const ISOLATION_HEADERS = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

/**
 * Sent with every response, whatever its status (README, "Headers a static host must send"): no MIME
 * sniffing, no Referer to anyone (the URL can name a screen of a register), and the page's CSP.
 */
const SAFETY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer'
};

/** Only a header can forbid framing: browsers ignore frame-ancestors in a <meta> CSP. */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";

const META_CSP = /<meta\s+http-equiv=["']?content-security-policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/i;

/** HTML attribute text as written by SvelteKit, unescaped. */
function unescapeAttribute(/** @type {string} */ text) {
	return text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/**
 * The Content-Security-Policy header for a page: the policy SvelteKit wrote in the page's <meta>
 * (svelte.config.js `kit.csp`, with the hashes of that page's inline scripts), unchanged, and
 * `frame-ancestors 'none'` after it. A page without the meta gets only frame-ancestors.
 * @param {string} html
 * @returns {string}
 */
export function cspOfPage(html) {
	const found = META_CSP.exec(html);
	const policy = found
		? unescapeAttribute(found[1] ?? found[2] ?? '')
				.trim()
				.replace(/;\s*$/, '')
		: '';
	return policy === '' ? FRAME_ANCESTORS : `${policy}; ${FRAME_ANCESTORS}`;
}

/** Resolves a URL path to a file under root, or null; never escapes root. */
/**
 * @param {string} text
 * @returns {string | null}
 */
function safeDecode(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return null;
	}
}

/**
 * The path of a request's target, without its query; null when it is not a path. Not parsed as a URL
 * relative to a base: `//?x` would read as a host and throw, which in this async handler would end the
 * server for everyone.
 * @param {string | undefined} target
 */
export function requestPath(target) {
	const [path = ''] = (target ?? '/').split(/[?#]/, 1);
	return path.startsWith('/') ? path : null;
}

/**
 * @param {string} root
 * @param {string} urlPath
 */
async function resolveFile(root, urlPath) {
	const decoded = safeDecode(urlPath);
	if (decoded === null) return null;
	const target = normalize(join(root, decoded));
	if (target !== root && !target.startsWith(root + sep)) return null;
	return (await fileAt(target)) ?? (extname(target) === '' ? await fileAt(`${target}.html`) : null);
}

/**
 * Starts serving `root`. Resolves to { server, url, close() } once listening.
 *
 * Every response carries the cross-origin isolation headers (COOP same-origin, COEP require-corp, CORP
 * same-origin): the browser then allows SharedArrayBuffer and the app runs duckdb-wasm's multithreaded
 * "coi" build, falling back to the single-threaded one by itself if that build cannot start. `isolated:
 * false` (or TEPAT_ISOLATED=0) leaves them out, as a static host that cannot send headers would; the
 * app's service worker then isolates the page after one reload (src/lib/isolation/). Every response, isolated
 * or not, also carries the page's Content-Security-Policy with `frame-ancestors 'none'`,
 * X-Content-Type-Options and Referrer-Policy (cspOfPage, SAFETY_HEADERS).
 * @param {{ root?: string, port?: number, ports?: readonly number[], host?: string, quiet?: boolean, isolated?: boolean }} [options]
 * @returns {Promise<{ server: import('node:http').Server, url: string, close: () => Promise<void> }>}
 */
export async function serve(options = {}) {
	const root = resolve(options.root ?? 'build');
	const host = options.host ?? HOST;
	const isolation = (options.isolated ?? process.env.TEPAT_ISOLATED !== '0') ? ISOLATION_HEADERS : {};
	const fallback = join(root, '200.html');
	const shell = (await fileAt(fallback)) ?? (await fileAt(join(root, 'index.html')));
	if (!shell) {
		throw new Error(`Tidak ada situs di ${root}: jalankan \`npm run build\` dulu.`);
	}
	// Every response that is not a page (scripts, workers, wasm, data, errors) carries the shell's policy:
	// a worker's CSP is the one its script is served with.
	const shellCsp = cspOfPage(await readFile(shell.path, 'utf8'));
	/** @param {string} csp */
	const always = (csp) => ({ ...SAFETY_HEADERS, 'Content-Security-Policy': csp });

	const server = createServer(async (req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD', ...always(shellCsp) }).end();
			return;
		}
		const urlPath = requestPath(req.url);
		if (urlPath === null) {
			res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', ...always(shellCsp) }).end('Bad request');
			return;
		}
		let file = await resolveFile(root, urlPath);
		if (!file) {
			// Assets that do not exist are real 404s; page routes fall back to the SPA shell.
			if (extname(urlPath) !== '' && !urlPath.endsWith('.html')) {
				res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...always(shellCsp) }).end('Not found');
				return;
			}
			file = (await fileAt(fallback)) ?? (await fileAt(join(root, 'index.html')));
			if (!file) {
				res.writeHead(404, always(shellCsp)).end();
				return;
			}
		}
		const extension = extname(file.path).toLowerCase();
		const type = MIME[extension] ?? 'application/octet-stream';
		const immutable = file.path.includes(`${sep}_app${sep}immutable${sep}`);
		// A page is read whole (they are small) for its own policy: its inline scripts' hashes are in it.
		const page = extension === '.html' ? await readFile(file.path).catch(() => null) : null;
		res.writeHead(200, {
			'Content-Type': type,
			'Content-Length': page ? page.byteLength : file.size,
			'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			...always(page ? cspOfPage(page.toString('utf8')) : shellCsp),
			...isolation
		});
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		if (page) {
			res.end(page);
			return;
		}
		createReadStream(file.path)
			.on('error', () => res.destroy())
			.pipe(res);
	});

	const { port, skipped } = await listenOnFirstFree(server, host, options.ports ?? [options.port ?? DEFAULT_PORT]);
	const url = `http://${host}:${port}/`;
	if (!options.quiet) {
		if (skipped.length > 0) console.log(`Port ${skipped.join(', ')} sudah dipakai; Tepat memakai port ${port}.`);
		console.log(`Tepat berjalan di ${url}  (Ctrl+C untuk berhenti)`);
	}
	return {
		server,
		url,
		close: () =>
			/** @type {Promise<void>} */ (
				new Promise((resolveClose) => {
					server.closeAllConnections();
					server.close(() => resolveClose(undefined));
				})
			)
	};
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
	/** @type {{ ports: number[], explicit: boolean }} */
	let choice;
	try {
		choice = portChoice(process.env.PORT);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
	serve({ ports: choice.ports }).catch((error) => {
		const taken = /** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE';
		console.error(
			taken && choice.explicit ? portTakenMessage(choice.ports[0] ?? DEFAULT_PORT) : error instanceof Error ? error.message : error
		);
		process.exit(1);
	});
}
