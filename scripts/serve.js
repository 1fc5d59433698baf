#!/usr/bin/env node
/**
 * A tiny dependency-free static server for the built site (build/): SPA fallback to 200.html, the MIME
 * types the app needs (application/wasm for streaming compile, .mjs, .parquet), 127.0.0.1 only.
 *   node scripts/serve.js            → http://127.0.0.1:4173/ (PORT env to change)
 * Also importable: `const server = await serve({ root, port: 0 })` (port 0 = any free port).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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
 * @param {string} root
 * @param {string} urlPath
 */
async function resolveFile(root, urlPath) {
	const decoded = safeDecode(urlPath);
	if (decoded === null) return null;
	const target = normalize(join(root, decoded));
	if (target !== root && !target.startsWith(root + sep)) return null;
	return (
		(await fileAt(target)) ??
		(extname(target) === '' ? await fileAt(`${target}.html`) : null)
	);
}

/**
 * Starts serving `root`. Resolves to { server, url, close() } once listening.
 * @param {{ root?: string, port?: number, host?: string, quiet?: boolean }} [options]
 * @returns {Promise<{ server: import('node:http').Server, url: string, close: () => Promise<void> }>}
 */
export async function serve(options = {}) {
	const root = resolve(options.root ?? 'build');
	const host = options.host ?? HOST;
	const fallback = join(root, '200.html');
	if (!(await fileAt(fallback)) && !(await fileAt(join(root, 'index.html')))) {
		throw new Error(`Nothing to serve in ${root}: run \`npm run build\` first.`);
	}

	const server = createServer(async (req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD' }).end();
			return;
		}
		const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
		let file = await resolveFile(root, urlPath);
		if (!file) {
			// Assets that do not exist are real 404s; page routes fall back to the SPA shell.
			if (extname(urlPath) !== '' && !urlPath.endsWith('.html')) {
				res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
				return;
			}
			file = (await fileAt(fallback)) ?? (await fileAt(join(root, 'index.html')));
			if (!file) {
				res.writeHead(404).end();
				return;
			}
		}
		const type = MIME[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
		const immutable = file.path.includes(`${sep}_app${sep}immutable${sep}`);
		res.writeHead(200, {
			'Content-Type': type,
			'Content-Length': file.size,
			'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			'X-Content-Type-Options': 'nosniff'
		});
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		createReadStream(file.path)
			.on('error', () => res.destroy())
			.pipe(res);
	});

	await new Promise((resolveListen, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 4173, host, () => resolveListen(undefined));
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : options.port;
	const url = `http://${host}:${port}/`;
	if (!options.quiet) console.log(`Tepat berjalan di ${url}  (Ctrl+C untuk berhenti)`);
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
	const port = Number(process.env.PORT ?? 4173);
	serve({ port }).catch((error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
