#!/usr/bin/env node
/**
 * The end-to-end tests drive the machine's Chromium. This makes the project's own install get one,
 * and makes `npm test` say in one line what to run when there is still none. Plain Node, no packages
 * (it runs as `postinstall`, before anything else is usable).
 *
 *   node scripts/ensure-chromium.js          (postinstall) Chromium found: nothing. Missing, and root
 *                                            with apt-get: `apt-get update` + `apt-get install -y
 *                                            chromium`, non-interactive. Otherwise, or when that
 *                                            fails: one line saying what to run. Never fails the install.
 *   node scripts/ensure-chromium.js --check  (pretest) Chromium found: nothing. Missing: that one line
 *                                            on stderr, exit 1.
 *
 * Where Chromium is looked for: CHROMIUM_PATH when it is set (an explicit choice, the only one then),
 * otherwise /usr/bin/chromium (Debian package `chromium`), otherwise `chromium` on PATH.
 * CI=true changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** What the automatic install runs, in order. */
export const APT_COMMANDS = [
	['apt-get', 'update'],
	['apt-get', 'install', '-y', 'chromium']
];

/**
 * What the decision looks at; the real machine's by default, any other in tests.
 * @typedef {object} Probe
 * @property {Record<string, string | undefined>} env   environment variables (CHROMIUM_PATH, PATH)
 * @property {(path: string) => boolean} executable     whether a file exists and may be run
 * @property {number | null} uid                        the effective user id (null where there is none)
 */

/** @returns {Probe} */
export function machineProbe() {
	return {
		env: process.env,
		executable: (path) => {
			try {
				accessSync(path, constants.X_OK);
				return true;
			} catch {
				return false;
			}
		},
		uid: typeof process.getuid === 'function' ? process.getuid() : null
	};
}

/**
 * A program's path on PATH, or null.
 * @param {string} name
 * @param {Probe} probe
 */
export function onPath(name, probe) {
	for (const dir of (probe.env.PATH ?? '').split(delimiter)) {
		if (dir === '') continue;
		const path = join(dir, name);
		if (probe.executable(path)) return path;
	}
	return null;
}

/**
 * The Chromium the end-to-end tests use, or null.
 * @param {Probe} probe
 * @returns {string | null}
 */
export function findChromium(probe) {
	const chosen = probe.env.CHROMIUM_PATH;
	if (chosen) return probe.executable(chosen) ? chosen : null;
	if (probe.executable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	return onPath('chromium', probe);
}

/**
 * The one line that says what to run when there is no Chromium.
 * @param {Probe} probe
 */
export function adviceLine(probe) {
	const chosen = probe.env.CHROMIUM_PATH;
	if (chosen) {
		return (
			`Chromium untuk uji end-to-end tidak ada di CHROMIUM_PATH=${chosen}: ` +
			`arahkan CHROMIUM_PATH ke Chromium yang terpasang, atau hapus CHROMIUM_PATH agar ${DEBIAN_CHROMIUM} dipakai.`
		);
	}
	const where = `tidak ditemukan (CHROMIUM_PATH kosong, ${DEBIAN_CHROMIUM} tidak ada, chromium tidak ada di PATH)`;
	if (onPath('apt-get', probe)) {
		const sudo = probe.uid === 0 ? '' : 'sudo ';
		return `Chromium untuk uji end-to-end ${where}: jalankan \`${sudo}apt-get update && ${sudo}apt-get install -y chromium\`, lalu ulangi.`;
	}
	return (
		`Chromium untuk uji end-to-end ${where}: pasang Chromium dengan pengelola paket sistem ini, ` +
		`lalu jalankan \`CHROMIUM_PATH=/jalur/ke/chromium npm test\`.`
	);
}

/**
 * What the install step does on this machine.
 * @param {Probe} probe
 * @returns {{ action: 'none', path: string } | { action: 'install', commands: string[][] } | { action: 'advise', line: string }}
 */
export function decide(probe) {
	const path = findChromium(probe);
	if (path) return { action: 'none', path };
	// A CHROMIUM_PATH that points at nothing is the user's choice to fix: installing would not change it.
	if (!probe.env.CHROMIUM_PATH && probe.uid === 0 && onPath('apt-get', probe)) {
		return { action: 'install', commands: APT_COMMANDS.map((c) => [...c]) };
	}
	return { action: 'advise', line: adviceLine(probe) };
}

/**
 * Runs the install commands, non-interactive, with their output shown; true when all succeeded.
 * @param {string[][]} commands
 */
function runCommands(commands) {
	for (const [program, ...args] of commands) {
		if (!program) continue;
		const result = spawnSync(program, args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
		if (result.status !== 0) return false;
	}
	return true;
}

/**
 * The script: `--check` reports (exit 1 when missing); otherwise installs when it can and never fails.
 * @param {readonly string[]} args
 * @returns {number} the exit code
 */
export function main(args) {
	const probe = machineProbe();
	const check = args.includes('--check');
	const decision = decide(probe);
	if (decision.action === 'none') return 0;
	if (check) {
		console.error(adviceLine(probe));
		return 1;
	}
	if (decision.action === 'install') {
		console.error(
			`Chromium untuk uji end-to-end tidak ditemukan: memasang paket Debian chromium (${APT_COMMANDS.map((c) => c.join(' ')).join(', ')}).`
		);
		if (runCommands(decision.commands) && findChromium(probe)) return 0;
	}
	console.error(adviceLine(probe));
	return 0;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = main(process.argv.slice(2));
