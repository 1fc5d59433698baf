/**
 * In Node a file on disk is read by DuckDB directly (ByteSource.path); in the browser a user's File
 * (ByteSource.file: a registered handle for CSV, record batches for Parquet); any other source in
 * slices. All must load the same register and report the same findings and errors: every fixture and
 * a few awkward files are loaded each way and every table the load builds is compared.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import { IngestError, bytesByteSource, ingestRegister, loadReference, type ByteSource } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { SWAPPED_TABLES } from '../../src/lib/core/catalog';
import { sqlString } from '../../src/lib/core/sql';
import { TINY_REFERENCE, fixture } from '../fixtures/ingest';
import { WasmTestEngine } from './wasm-engine';

const FORMATS = fixture('../formats/');

/** Everything a load leaves: its result, or its error, and every swapped table's rows in order. */
async function loadAll(engine: Engine, sources: ByteSource[], readBy?: ('file' | 'copy')[]): Promise<string> {
	let outcome: unknown;
	try {
		const { reference: _reference, readBy: how, ...result } = await ingestRegister(engine, sources, TINY_REFERENCE, { asOf: '2025-06-30' });
		readBy?.push(...(how ?? []));
		outcome = result;
	} catch (error) {
		if (!(error instanceof IngestError)) throw error;
		// A Parquet error names the engine's temporary copy, a new name each time.
		const said = JSON.stringify(error.said).replace(/parquet-\d+-\w+\.parquet/g, 'parquet-….parquet');
		return JSON.stringify({ said, file: error.file, row: error.row, column: error.column });
	}
	const tables: Record<string, unknown> = {};
	for (const table of SWAPPED_TABLES) {
		const rows = await engine.query(`SELECT * FROM ${table} ORDER BY ALL`);
		tables[table] = rows.toArray().map((r: { toJSON(): object }) => r.toJSON());
	}
	return JSON.stringify({ outcome, tables }, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
}

const flat = await readFile(fixture('dtsen-flat.csv'), 'utf8');
const [header = '', ...rows] = flat.trimEnd().split('\n');
/** Awkward variants of dtsen-flat.csv, written to disk. */
const variants: Record<string, string | Uint8Array> = {
	'crlf.csv': `${[header, ...rows].join('\r\n')}\r\n`,
	'bom.csv': `\uFEFF${flat}`,
	'blank-lines.csv': `${header}\n${rows.slice(0, 3).join('\n')}\n\n${rows.slice(3).join('\n')}\n\n\n`,
	'no-final-newline.csv': `${header}\n${rows.join('\n')}`,
	'open-quote.csv': `${header}\n${rows.slice(0, 4).join('\n')}\n"${rows.slice(4).join('\n')}\n`,
	'short-row.csv': `${header}\n${rows.slice(0, 5).join('\n')}\n6402060101150009,64\n${rows.slice(5).join('\n')}\n`,
	'long-row.csv': `${header}\n${rows.slice(0, 2).join('\n')}\n${rows[2] ?? ''},x,y\n${rows.slice(3).join('\n')}\n`,
	'windows-1252-late.csv': new Uint8Array([
		...new TextEncoder().encode(`${header}\n${rows.slice(0, 6).join('\n')}\n`),
		...new TextEncoder().encode((rows[6] ?? '').replace('Ahmad', 'Ahm')),
		0xe9,
		...new TextEncoder().encode(`\n${rows.slice(7).join('\n')}\n`)
	]),
	'header-only.csv': `${header}\n`,
	'header-and-blank.csv': `${header}\n\n\n`
};

describe('a file read by DuckDB directly loads as the same file read in slices', () => {
	let engine: NodeEngine;
	let dir: string;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		await loadReference(engine, TINY_REFERENCE);
		dir = await mkdtemp(join(tmpdir(), 'tepat-direct-'));
	});
	afterAll(async () => {
		await engine.close();
		await rm(dir, { recursive: true, force: true });
	});

	const cases: [string, string[]][] = [
		...[
			'dtsen-flat.csv',
			'dtsen-flat-dup.csv',
			'dtsen-flat-quoted.csv',
			'bdt-flat-semicolon.csv',
			'bdt-art.csv',
			'garbage.csv',
			'header-only.csv',
			'unknown-schema.csv'
		].map((name): [string, string[]] => [name, [fixture(name)]]),
		['dtsen pair', [fixture('dtsen-keluarga.csv'), fixture('dtsen-anggota.csv')]],
		['dtsen pair with duplicates', [fixture('dtsen-keluarga-dup.csv'), fixture('dtsen-anggota.csv')]],
		['bdt 1252', [`${FORMATS}bdt-1252-semicolon.csv`]],
		['dtsen tab', [`${FORMATS}dtsen-tab.tsv`]],
		['p3ke labels', [`${FORMATS}p3ke-labels.csv`]],
		...Object.keys(variants).map((name): [string, string[]] => [name, [name]])
	];

	/** Parquet made from fixtures by DuckDB: as text, with the types DuckDB guesses, and a broken one. */
	const parquet: [string, string][] = [
		['flat-text.parquet', `SELECT * FROM read_csv(${sqlString(fixture('dtsen-flat.csv'))}, all_varchar = true)`],
		['flat-typed.parquet', `SELECT * FROM read_csv(${sqlString(fixture('dtsen-flat.csv'))})`],
		['keluarga.parquet', `SELECT * FROM read_csv(${sqlString(fixture('dtsen-keluarga.csv'))})`],
		['anggota.parquet', `SELECT * FROM read_csv(${sqlString(fixture('dtsen-anggota.csv'))})`]
	];
	it.each([
		['flat as text', ['flat-text.parquet']],
		['flat typed', ['flat-typed.parquet']],
		['pair', ['keluarga.parquet', 'anggota.parquet']],
		['broken', ['broken.parquet']]
	])('parquet: %s', async (_label, names) => {
		for (const [name, sql] of parquet) await engine.exec(`COPY (${sql}) TO ${sqlString(join(dir, name))} (FORMAT parquet)`);
		const good = await readFile(join(dir, 'flat-typed.parquet'));
		await writeFile(join(dir, 'broken.parquet'), new Uint8Array([...good.subarray(0, 64), ...new Uint8Array(200)]));
		const direct = await Promise.all(names.map((n) => fileByteSource(join(dir, n))));
		const whole = await Promise.all(direct.map(async (s) => bytesByteSource(s.name, await s.read(0, s.size))));
		expect(await loadAll(engine, direct)).toBe(await loadAll(engine, whole));
	});

	it.each(cases)('%s', async (_label, paths) => {
		const files = await Promise.all(
			paths.map(async (p) => {
				const variant = variants[p];
				if (variant === undefined) return p;
				const path = join(dir, p);
				await writeFile(path, variant);
				return path;
			})
		);
		const direct = await Promise.all(files.map((f) => fileByteSource(f)));
		expect(direct.every((s) => s.path !== undefined)).toBe(true);
		const sliced = await Promise.all(direct.map(async (s) => bytesByteSource(s.name, await s.read(0, s.size))));
		expect(await loadAll(engine, direct)).toBe(await loadAll(engine, sliced));
	});
});

/** The user's File in the browser: its bytes as a Blob, which the engine reads (test engine: copies) itself. */
function blobSource(name: string, bytes: Uint8Array): ByteSource {
	return { ...bytesByteSource(name, bytes), file: new Blob([bytes.slice()]) };
}

describe('on duckdb-wasm, a user File read by DuckDB loads as the same file read in slices', () => {
	let node: NodeEngine;
	let engine: WasmTestEngine;
	let dir: string;
	beforeAll(async () => {
		node = await NodeEngine.open();
		engine = await WasmTestEngine.open();
		await loadReference(engine, TINY_REFERENCE);
		dir = await mkdtemp(join(tmpdir(), 'tepat-direct-wasm-'));
	});
	afterAll(async () => {
		await engine.close();
		await node.close();
		await rm(dir, { recursive: true, force: true });
	});

	const utf8 = ['dtsen-flat.csv', 'dtsen-flat-quoted.csv', 'bdt-flat-semicolon.csv', 'crlf.csv', 'bom.csv', 'no-final-newline.csv'];
	/** Windows-1252 bytes (after the header, or in it): DuckDB refuses them and the slices read the file. */
	const fallback = ['windows-1252-late.csv', 'bdt 1252'];
	it.each([
		...utf8,
		...fallback,
		'open-quote.csv',
		'long-row.csv',
		'blank-lines.csv',
		'short-row.csv',
		'header-only.csv',
		'garbage.csv',
		'dtsen pair'
	])('csv: %s', async (label) => {
		const paths =
			label === 'dtsen pair'
				? [fixture('dtsen-keluarga.csv'), fixture('dtsen-anggota.csv')]
				: label === 'bdt 1252'
					? [`${FORMATS}bdt-1252-semicolon.csv`]
					: [variants[label] === undefined ? fixture(label) : label];
		const sources = await Promise.all(
			paths.map(async (p) => {
				const variant = variants[p];
				const bytes =
					variant === undefined
						? new Uint8Array(await readFile(p))
						: typeof variant === 'string'
							? new TextEncoder().encode(variant)
							: variant;
				return { name: p.split('/').pop() ?? p, bytes };
			})
		);
		const readBy: ('file' | 'copy')[] = [];
		const direct = await loadAll(
			engine,
			sources.map((s) => blobSource(s.name, s.bytes)),
			readBy
		);
		expect(direct).toBe(
			await loadAll(
				engine,
				sources.map((s) => bytesByteSource(s.name, s.bytes))
			)
		);
		if (utf8.includes(label) || label === 'dtsen pair') expect(readBy).toEqual(sources.map(() => 'file'));
		if (fallback.includes(label)) expect(readBy).toEqual(['copy']);
	});

	it.each([
		['flat as text', ['flat-text.parquet']],
		['flat typed', ['flat-typed.parquet']],
		['pair', ['keluarga.parquet', 'anggota.parquet']],
		['broken', ['broken.parquet']]
	])('parquet in record batches: %s', async (label, names) => {
		const made: [string, string][] = [
			['flat-text.parquet', `SELECT * FROM read_csv(${sqlString(fixture('dtsen-flat.csv'))}, all_varchar = true)`],
			['flat-typed.parquet', `SELECT * FROM read_csv(${sqlString(fixture('dtsen-flat.csv'))})`],
			['keluarga.parquet', `SELECT * FROM read_csv(${sqlString(fixture('dtsen-keluarga.csv'))})`],
			['anggota.parquet', `SELECT * FROM read_csv(${sqlString(fixture('dtsen-anggota.csv'))})`]
		];
		for (const [name, sql] of made) await node.exec(`COPY (${sql}) TO ${sqlString(join(dir, name))} (FORMAT parquet)`);
		const good = await readFile(join(dir, 'flat-typed.parquet'));
		await writeFile(join(dir, 'broken.parquet'), new Uint8Array([...good.subarray(0, 64), ...new Uint8Array(200)]));
		const files = await Promise.all(names.map(async (n) => ({ name: n, bytes: new Uint8Array(await readFile(join(dir, n))) })));
		// Batches of 3 rows: the fixtures' 4 to 10 rows cross batches.
		engine.parquetBatchRows = 3;
		const readBy: ('file' | 'copy')[] = [];
		const batched = await loadAll(
			engine,
			files.map((f) => blobSource(f.name, f.bytes)),
			readBy
		);
		expect(batched).toBe(
			await loadAll(
				engine,
				files.map((f) => bytesByteSource(f.name, f.bytes))
			)
		);
		if (label !== 'broken') expect(readBy).toEqual(names.map(() => 'file'));
	});
});
