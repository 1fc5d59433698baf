import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers (docs/ARCHITECTURE.md): a module imports only from layers below its own. Each entry names
 * the folders a layer must not reach, as relative ('../state/…') or $lib paths.
 */
const above = (...layers) =>
	layers.flatMap((layer) =>
		['..', '../..', '../../..'].flatMap((up) => [`${up}/${layer}`, `${up}/${layer}/**`]).concat([`$lib/${layer}`, `$lib/${layer}/**`])
	);
const LAYER_RULES = [
	{
		files: ['src/lib/core/**'],
		forbidden: [...above('engine', 'ingest', 'queries', 'export', 'state', 'ui', 'words', 'paraglide'), 'svelte', 'svelte/*', '@duckdb/*'],
		why: 'core is pure TypeScript: no DuckDB handle, no Svelte, no words'
	},
	{
		files: ['src/lib/engine/**'],
		forbidden: [...above('ingest', 'queries', 'export', 'state', 'ui', 'words', 'paraglide'), 'svelte', 'svelte/*'],
		why: 'engine imports only core'
	},
	{
		files: ['src/lib/ingest/**', 'src/lib/queries/**'],
		forbidden: [...above('export', 'state', 'ui', 'words', 'paraglide'), 'svelte', 'svelte/*'],
		why: 'ingest and queries sit on core and engine'
	},
	{
		files: ['src/lib/export/**'],
		forbidden: [...above('state', 'ui', 'paraglide'), 'svelte', 'svelte/*'],
		why: 'export sits below the app state'
	},
	{
		files: ['src/lib/words/**'],
		forbidden: [...above('engine', 'ingest', 'queries', 'export', 'state', 'ui'), 'svelte', 'svelte/*'],
		why: "words turn core's codes into text: they read core and the messages, nothing that holds data"
	},
	{
		files: ['src/lib/state/**'],
		forbidden: above('ui', 'routes'),
		why: 'state holds no components'
	},
	{
		files: ['src/lib/ui/**', 'src/routes/**'],
		forbidden: ['@duckdb/*'],
		why: 'screens never talk to DuckDB: they read through state and the query layer'
	}
];

/**
 * Partner mode (issue 16 point 2) never reaches anything that holds people: no engine, ingest or
 * queries, no DuckDB, no state module but the few that hold no register, no by-name export and no
 * handover file. tests/unit/partner-isolation.test.ts walks the whole import graph as well.
 */
const PARTNER_FILES = ['src/routes/(partner)/**', 'src/lib/ui/partner/**'];
const PARTNER_MODEL = ['src/lib/state/PartnerModel.svelte.ts', 'src/lib/state/partner-draft.ts', 'src/lib/state/partner-rows.ts'];
/** The state modules partner mode may import: none of them holds a register, a plan or fieldwork. */
const PARTNER_STATE = ['PartnerModel.svelte', 'partner-draft', 'partner-rows', 'LocaleModel.svelte', 'download', 'idb', 'map-view'];
const PARTNER_FORBIDDEN = [
	'@duckdb/*',
	...['engine', 'ingest', 'queries'].flatMap((layer) => [`$lib/${layer}`, `$lib/${layer}/**`, `**/${layer}`, `**/${layer}/**`]),
	'$lib/state/**',
	'**/state/**',
	...PARTNER_STATE.flatMap((name) => [`!$lib/state/${name}`, `!**/state/${name}`]),
	'$lib/export/bnba*',
	'**/export/bnba*',
	'$lib/core/partner/envelope',
	'$lib/core/partner/bast',
	'**/partner/envelope',
	'**/partner/bast'
];
const PARTNER_WHY = 'Partner mode never reaches the register, the plan, fieldwork or a by-name list (issue 16 point 2)';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-at-html-tags': 'error'
		}
	},
	...LAYER_RULES.map(({ files, forbidden, why }) => ({
		files,
		// Tests may reach across layers to set up what they check.
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: `Layer boundary: ${why}.` }] }]
		}
	})),
	// After the layer rules: for these files this one entry is the whole restriction, so it repeats
	// what their layer forbids (DuckDB for screens; components for state).
	{
		files: PARTNER_FILES,
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [{ group: PARTNER_FORBIDDEN, message: `${PARTNER_WHY}.` }] }] }
	},
	{
		files: PARTNER_MODEL,
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [...PARTNER_FORBIDDEN, './*', ...PARTNER_STATE.map((name) => `!./${name}`)],
							message: `${PARTNER_WHY}.`
						},
						{ group: above('ui', 'routes'), message: 'Layer boundary: state holds no components.' }
					]
				}
			]
		}
	},
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'src/lib/paraglide/', 'tmp/', 'bench/out/', 'tests/artifacts/', 'static/sample/']
	}
);
