/**
 * scripts/ensure-chromium.js (postinstall and pretest): where Chromium is looked for, when the install
 * step runs apt-get, and the one line it prints otherwise. The machine is injected (which files exist,
 * PATH, CHROMIUM_PATH, uid); the script itself is also run for real with CHROMIUM_PATH pointing at a
 * file that exists or does not, so nothing here depends on this machine's Chromium or installs anything.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APT_COMMANDS, adviceLine, decide, findChromium, type Probe } from '../../scripts/ensure-chromium.js';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/ensure-chromium.js');
const PATH = '/usr/local/bin:/usr/bin:/bin';

/** A machine where exactly `files` exist (and are executable). */
function machine(files: string[], uid: number | null, env: Record<string, string> = {}): Probe {
	const present = new Set(files);
	return { env: { PATH, ...env }, executable: (path) => present.has(path), uid };
}

const NOT_FOUND =
	'Chromium untuk uji end-to-end tidak ditemukan (CHROMIUM_PATH kosong, /usr/bin/chromium tidak ada, chromium tidak ada di PATH)';

describe('finding Chromium and what the install step does', () => {
	it('finds CHROMIUM_PATH, else /usr/bin/chromium, else chromium on PATH, and then does nothing', () => {
		expect(decide(machine(['/opt/chrome/chrome', '/usr/bin/chromium'], 1000, { CHROMIUM_PATH: '/opt/chrome/chrome' }))).toEqual({
			action: 'none',
			path: '/opt/chrome/chrome'
		});
		expect(decide(machine(['/usr/bin/chromium', '/usr/local/bin/chromium'], 0))).toEqual({ action: 'none', path: '/usr/bin/chromium' });
		expect(decide(machine(['/usr/local/bin/chromium', '/usr/bin/apt-get'], 0))).toEqual({
			action: 'none',
			path: '/usr/local/bin/chromium'
		});
		// Only PATH's directories are searched, in order; an empty entry is skipped.
		expect(findChromium({ env: { PATH: ':/a:/b' }, executable: (p) => p === '/b/chromium' || p === 'chromium', uid: 0 })).toBe(
			'/b/chromium'
		);
		expect(findChromium(machine(['/home/x/chromium'], 0))).toBeNull();
	});

	it('root with apt-get and no Chromium: apt-get update, then apt-get install -y chromium', () => {
		const decision = decide(machine(['/usr/bin/apt-get'], 0));
		expect(decision).toEqual({
			action: 'install',
			commands: [
				['apt-get', 'update'],
				['apt-get', 'install', '-y', 'chromium']
			]
		});
		expect(APT_COMMANDS).toEqual([
			['apt-get', 'update'],
			['apt-get', 'install', '-y', 'chromium']
		]);
	});

	it('otherwise one line saying exactly what to run', () => {
		// Not root, apt-get present: with sudo.
		expect(decide(machine(['/usr/bin/apt-get'], 1000))).toEqual({
			action: 'advise',
			line: `${NOT_FOUND}: jalankan \`sudo apt-get update && sudo apt-get install -y chromium\`, lalu ulangi.`
		});
		// Root without apt-get (not Debian), or no user id at all: the system's package manager and CHROMIUM_PATH.
		const other = `${NOT_FOUND}: pasang Chromium dengan pengelola paket sistem ini, lalu jalankan \`CHROMIUM_PATH=/jalur/ke/chromium npm test\`.`;
		expect(decide(machine([], 0))).toEqual({ action: 'advise', line: other });
		expect(decide(machine([], null))).toEqual({ action: 'advise', line: other });
		// A CHROMIUM_PATH that points at nothing is the user's to fix, even as root with apt-get and /usr/bin/chromium.
		expect(decide(machine(['/usr/bin/apt-get', '/usr/bin/chromium'], 0, { CHROMIUM_PATH: '/opt/none' }))).toEqual({
			action: 'advise',
			line: 'Chromium untuk uji end-to-end tidak ada di CHROMIUM_PATH=/opt/none: arahkan CHROMIUM_PATH ke Chromium yang terpasang, atau hapus CHROMIUM_PATH agar /usr/bin/chromium dipakai.'
		});
		// The advice for root with apt-get (printed when the install failed): without sudo.
		expect(adviceLine(machine(['/usr/bin/apt-get'], 0))).toBe(
			`${NOT_FOUND}: jalankan \`apt-get update && apt-get install -y chromium\`, lalu ulangi.`
		);
		for (const probe of [machine(['/usr/bin/apt-get'], 1000), machine([], 0)]) expect(adviceLine(probe)).not.toContain('\n');
	});

	it('CI=true changes nothing', () => {
		const cases: [string[], number | null][] = [
			[['/usr/bin/chromium'], 1000],
			[['/usr/bin/apt-get'], 0],
			[['/usr/bin/apt-get'], 1000],
			[[], 0]
		];
		for (const [files, uid] of cases) expect(decide(machine(files, uid, { CI: 'true' }))).toEqual(decide(machine(files, uid)));
	});
});

describe('the script, run for real', () => {
	let dir: string;
	let fake: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'tepat-chromium-'));
		fake = join(dir, 'chromium');
		await writeFile(fake, '#!/bin/sh\nexit 0\n');
		await chmod(fake, 0o755);
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	function run(args: string[], chromiumPath: string): Promise<{ code: number; stdout: string; stderr: string }> {
		return new Promise((done) => {
			execFile(process.execPath, [SCRIPT, ...args], { env: { ...process.env, CHROMIUM_PATH: chromiumPath } }, (error, stdout, stderr) =>
				done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
			);
		});
	}

	it('with a Chromium: silent, exit 0, as install step and as check', async () => {
		expect(await run([], fake)).toEqual({ code: 0, stdout: '', stderr: '' });
		expect(await run(['--check'], fake)).toEqual({ code: 0, stdout: '', stderr: '' });
	});

	it('without one: the check fails with the one line; the install step prints it and never fails', async () => {
		const missing = join(dir, 'tidak-ada');
		const line = `Chromium untuk uji end-to-end tidak ada di CHROMIUM_PATH=${missing}: arahkan CHROMIUM_PATH ke Chromium yang terpasang, atau hapus CHROMIUM_PATH agar /usr/bin/chromium dipakai.\n`;
		expect(await run(['--check'], missing)).toEqual({ code: 1, stdout: '', stderr: line });
		expect(await run([], missing)).toEqual({ code: 0, stdout: '', stderr: line });
	});
});
