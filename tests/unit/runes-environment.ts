/**
 * A Node test environment whose modules are compiled for the client, as in the browser: Svelte's
 * effects then run (in the default SSR compile `$effect` does nothing), driven by `$effect.root` and
 * `flushSync`. Use with `// @vitest-environment runes` (the unit project resolves that name to this file).
 */
import type { Environment } from 'vitest/environments';

export default {
	name: 'runes',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
} satisfies Environment;
