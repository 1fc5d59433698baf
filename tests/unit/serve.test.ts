/**
 * `npm start`'s server (scripts/serve.js): which port it takes. Without PORT it prefers 4173, then the
 * next nine, then any free port, and says which it serves; a PORT that is taken is refused with a
 * sentence saying so. Ports are made busy for real with a listening socket; nothing depends on timing.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PORT, PORT_TRIES, portChoice, portTakenMessage, serve } from '../../scripts/serve.js';

const SERVE = resolve(import.meta.dirname, '../../scripts/serve.js');

/** A socket listening on a free port of 127.0.0.1, so that port is taken. */
async function occupy(): Promise<{ port: number; close: () => Promise<void> }> {
	const server: Server = createServer();
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const address = server.address();
	if (typeof address !== 'object' || !address) throw new Error('no address');
	return { port: address.port, close: () => new Promise<void>((done) => server.close(() => done())) };
}

function run(env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((done) => {
		execFile(process.execPath, [SERVE], { cwd, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
			done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
		});
	});
}

describe('the port npm start serves on', () => {
	let root: string;
	beforeAll(async () => {
		// The script serves build/ of its working directory.
		root = await mkdtemp(join(tmpdir(), 'tepat-serve-'));
		await mkdir(join(root, 'build'));
		await writeFile(join(root, 'build', '200.html'), '<!doctype html><title>Tepat</title>');
	});
	afterAll(async () => {
		await rm(root, { recursive: true, force: true });
	});

	it('without PORT: 4173, the next nine, then any free port; PORT: exactly that one', () => {
		expect(DEFAULT_PORT).toBe(4173);
		expect(PORT_TRIES).toBe(10);
		const fallback = portChoice(undefined);
		expect(fallback).toEqual({ ports: [4173, 4174, 4175, 4176, 4177, 4178, 4179, 4180, 4181, 4182, 0], explicit: false });
		expect(portChoice('')).toEqual(fallback);
		expect(portChoice('8080')).toEqual({ ports: [8080], explicit: true });
		expect(portChoice(' 0 ')).toEqual({ ports: [0], explicit: true });
		expect(() => portChoice('delapan')).toThrow("PORT='delapan' bukan nomor port (0–65535).");
		expect(() => portChoice('70000')).toThrow('bukan nomor port');
		expect(() => portChoice('-1')).toThrow('bukan nomor port');
		expect(() => portChoice('80.5')).toThrow('bukan nomor port');
	});

	it('skips a taken port, serves on the next free one and says which', async () => {
		const busy = await occupy();
		const free = await occupy();
		const freePort = free.port;
		await free.close();
		try {
			const site = await serve({ root: join(root, 'build'), ports: [busy.port, freePort], quiet: true });
			try {
				expect(site.url).toBe(`http://127.0.0.1:${freePort}/`);
				const page = await fetch(site.url);
				expect(page.status).toBe(200);
				expect(await page.text()).toContain('<title>Tepat</title>');
			} finally {
				await site.close();
			}
			// With only taken ports there is nothing to serve on: the error is EADDRINUSE.
			await expect(serve({ root: join(root, 'build'), ports: [busy.port], quiet: true })).rejects.toMatchObject({ code: 'EADDRINUSE' });
			// Port 0 after a taken one: any free port.
			const any = await serve({ root: join(root, 'build'), ports: [busy.port, 0], quiet: true });
			try {
				expect(Number(new URL(any.url).port)).not.toBe(busy.port);
				expect((await fetch(any.url)).status).toBe(200);
			} finally {
				await any.close();
			}
		} finally {
			await busy.close();
		}
	});

	it('a PORT that is taken is refused in one clear sentence (exit 1); a free PORT is served and printed', async () => {
		const busy = await occupy();
		try {
			const refused = await run({ PORT: String(busy.port) }, root);
			expect(refused.code).toBe(1);
			expect(refused.stderr.trim()).toBe(portTakenMessage(busy.port));
			expect(portTakenMessage(busy.port)).toContain(`Port ${busy.port} (dari PORT) sudah dipakai program lain.`);
			expect(portTakenMessage(busy.port)).toContain(`PORT=${busy.port + 1} npm start`);
		} finally {
			await busy.close();
		}
		const bad = await run({ PORT: 'abc' }, root);
		expect(bad.code).toBe(1);
		expect(bad.stderr.trim()).toBe("PORT='abc' bukan nomor port (0–65535).");

		// A free PORT: the script prints the URL it serves (read from its output, then stopped).
		const free = await occupy();
		const port = free.port;
		await free.close();
		const child = spawn(process.execPath, [SERVE], { cwd: root, env: { ...process.env, PORT: String(port) } });
		try {
			const line = await new Promise<string>((done, fail) => {
				let out = '';
				child.stdout.on('data', (chunk: Buffer) => {
					out += chunk.toString();
					const found = out.split('\n').find((l) => l.startsWith('Tepat berjalan di'));
					if (found) done(found);
				});
				child.on('exit', (code) => fail(new Error(`serve.js exited with ${code}: ${out}`)));
			});
			expect(line).toBe(`Tepat berjalan di http://127.0.0.1:${port}/  (Ctrl+C untuk berhenti)`);
			expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
		} finally {
			if (child.exitCode === null) {
				const exited = new Promise((done) => child.once('exit', done));
				child.kill();
				await exited;
			}
		}
	});
});

describe('cross-origin isolation', () => {
	let root: string;
	beforeAll(async () => {
		root = await mkdtemp(join(tmpdir(), 'tepat-serve-isolation-'));
		await writeFile(join(root, '200.html'), '<!doctype html><title>Tepat</title>');
	});
	afterAll(async () => {
		await rm(root, { recursive: true, force: true });
	});

	async function headersOf(isolated: boolean | undefined): Promise<Headers> {
		const server = await serve({ root, port: 0, quiet: true, ...(isolated === undefined ? {} : { isolated }) });
		try {
			return (await fetch(server.url)).headers;
		} finally {
			await server.close();
		}
	}

	it('sends COOP/COEP/CORP by default (the threaded duckdb-wasm build needs them); not with isolated: false or TEPAT_ISOLATED=0', async () => {
		vi.stubEnv('TEPAT_ISOLATED', undefined);
		try {
			for (const headers of [await headersOf(undefined), await headersOf(true)]) {
				expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
				expect(headers.get('cross-origin-embedder-policy')).toBe('require-corp');
				expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
			}
			vi.stubEnv('TEPAT_ISOLATED', '0');
			for (const plain of [await headersOf(undefined), await headersOf(false)]) {
				expect(plain.get('cross-origin-opener-policy')).toBeNull();
				expect(plain.get('cross-origin-embedder-policy')).toBeNull();
				expect(plain.get('cross-origin-resource-policy')).toBeNull();
			}
		} finally {
			vi.unstubAllEnvs();
		}
	});
});
