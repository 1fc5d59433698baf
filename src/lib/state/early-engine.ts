/**
 * Which pages want DuckDB from their first moment. The Dinsos screens open on a register, so their
 * engine (a worker compiling 34 MB of wasm) is started as the app starts (hooks.client.ts), while the
 * screen's own code still loads, instead of when the shell mounts. The field kit and partner mode hold
 * no register and never start it (partner-mode.test.ts checks that no DuckDB file is fetched there).
 */
const WITHOUT_REGISTER = ['lapangan', 'tjsp'] as const;

/** True when the page at `pathname` (under the site's `base` path) opens on a register. */
export function opensOnRegister(pathname: string, base: string): boolean {
	const inSite = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
	const first = inSite.split('/').find((part) => part !== '') ?? '';
	return !(WITHOUT_REGISTER as readonly string[]).includes(first);
}
