import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { emittedFiles } from './scripts/emitted-files.js';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['localStorage', 'baseLocale']
		}),
		sveltekit(),
		emittedFiles()
	],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	build: { chunkSizeWarningLimit: 4096 },
	test: {
		projects: [
			{
				extends: true,
				// Tests marked `@vitest-environment runes` run client-compiled Svelte (effects run) in Node.
				resolve: {
					conditions: ['browser'],
					alias: { 'vitest-environment-runes': fileURLToPath(new URL('./tests/unit/runes-environment.ts', import.meta.url)) }
				},
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts', 'tests/fuzz/**/*.test.ts', 'src/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					// Opening duckdb-wasm in a beforeAll compiles its wasm: seconds when idle, far longer on a
					// machine busy with other builds. A bound on waiting, not a timing assertion.
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 180_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});
