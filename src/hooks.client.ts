import type { ClientInit } from '@sveltejs/kit';
import { base } from '$app/paths';
import { opensOnRegister } from '$lib/state/early-engine';

/**
 * Starts DuckDB as the app starts on a Dinsos screen: its wasm compiles while the screen's code loads.
 * A start that fails here is forgotten (engine-open.ts), and the shell's start-up tries again and says why.
 */
export const init: ClientInit = () => {
	if (!opensOnRegister(location.pathname, base)) return;
	void import('$lib/state/engine-open').then(({ openBrowserEngine }) => openBrowserEngine()).catch(() => undefined);
};
