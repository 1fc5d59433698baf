/**
 * A Vite plugin that lists every file the client build emits in `_app/emitted-files.json`, for the
 * service worker's precache (src/lib/offline/precache.ts, EMITTED_LIST, which names the same file).
 * SvelteKit's own `build` list comes from Vite's manifest, which leaves out worker bundles and what they
 * import (parquet-wasm's worker and wasm, our wrapper of duckdb-wasm's threaded worker): without them
 * the app would not start offline.
 */

export const EMITTED_FILE = '_app/emitted-files.json';

/** @returns {import('vite').Plugin} */
export function emittedFiles() {
	return {
		name: 'tepat-emitted-files',
		apply: 'build',
		applyToEnvironment: (environment) => environment.name === 'client',
		generateBundle: {
			// After Vite's worker plugin has added the worker bundles to this one.
			order: 'post',
			handler(_options, bundle) {
				const names = Object.keys(bundle)
					.filter((name) => !name.startsWith('.vite/') && name !== EMITTED_FILE)
					.sort();
				this.emitFile({ type: 'asset', fileName: EMITTED_FILE, source: JSON.stringify(names) });
			}
		}
	};
}
