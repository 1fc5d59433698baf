import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/lib/core/rows';
import { IngestError, bytesByteSource, ingestRegister, loadReference, type ByteSource } from '../../src/lib/ingest';
import { checkFitsBeforeLoad, isOutOfMemory, parseMemoryLimit } from '../../src/lib/ingest/memory';
import { writeSample } from '../../src/lib/sample/write';
import { TINY_REFERENCE, fixtureBytes } from '../fixtures/ingest';
import { WasmTestEngine } from './wasm-engine';
import { inIndonesianAsync } from './in-indonesian';

async function counts(engine: WasmTestEngine) {
	const table = await engine.query(
		'SELECT (SELECT count(*) FROM household)::INTEGER AS households, (SELECT count(*) FROM person)::INTEGER AS people'
	);
	return rowsOf(table, { households: 'number', people: 'number' })[0];
}

describe('a register too large for the browser’s memory', () => {
	let engine: WasmTestEngine;
	let work: string;
	let big: Uint8Array;
	beforeAll(async () => {
		engine = await WasmTestEngine.open();
		await loadReference(engine, TINY_REFERENCE);
		work = await mkdtemp(join(tmpdir(), 'tepat-memory-'));
		await writeSample(work, { people: 40_000, seed: 7, formats: ['csv'], schemas: ['dtsen'] });
		big = new Uint8Array(await readFile(join(work, 'dtsen.csv')));
	}, 120_000);
	afterAll(async () => {
		await engine.exec(`SET memory_limit = '3GiB'`);
		await engine.close();
		if (work) await rm(work, { recursive: true, force: true });
	});

	it('fails with a clear message naming the file, and the loaded register stays', async () => {
		await ingestRegister(engine, [bytesByteSource('dtsen-flat.csv', await fixtureBytes('dtsen-flat.csv'))], TINY_REFERENCE);
		const before = await counts(engine);
		expect(before?.households).toBeGreaterThan(0);

		// Below the file's size the load is refused up front; just above it DuckDB runs out mid-load.
		await engine.exec(`SET memory_limit = '${Math.ceil((big.byteLength * 1.2) / 1048576)}MB'`);
		const load = ingestRegister(engine, [bytesByteSource('dtsen-besar.csv', big)], TINY_REFERENCE, {
			asOf: '2026-01-01'
		});
		await expect(load).rejects.toBeInstanceOf(IngestError);
		await expect(inIndonesianAsync(load)).rejects.toThrow(
			/^Berkas 'dtsen-besar\.csv' \([\d,]+ MB\) terlalu besar untuk memori peramban ini \(batas memori [\d,]+ MB\); data sebelumnya tetap dipakai\./
		);
		await engine.exec(`SET memory_limit = '3GiB'`);
		expect(await counts(engine)).toEqual(before);
		const leftovers = await engine.query(
			`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name LIKE 'tepat_%' OR table_name LIKE '%_next'`
		);
		expect(Number(leftovers.get(0)?.n)).toBe(0);

		// With the memory back, the same file loads.
		const result = await ingestRegister(engine, [bytesByteSource('dtsen-besar.csv', big)], TINY_REFERENCE, { asOf: '2026-01-01' });
		expect(result.people).toBe(40_000);
	}, 120_000);

	it('refuses a text file larger than the whole memory limit without reading it', async () => {
		await engine.exec(`SET memory_limit = '256MiB'`);
		let reads = 0;
		const huge: ByteSource = {
			name: 'dtsen-2jt.csv',
			size: 600 * 1048576,
			read: async () => {
				reads++;
				return new Uint8Array();
			}
		};
		await expect(inIndonesianAsync(ingestRegister(engine, [huge], TINY_REFERENCE))).rejects.toThrow(
			"Berkas 'dtsen-2jt.csv' (600 MB) terlalu besar untuk memori peramban ini (batas memori 256 MB)"
		);
		expect(reads).toBe(0);
		await engine.exec(`SET memory_limit = '3GiB'`);
	});
});

describe('memory helpers', () => {
	it('reads DuckDB memory_limit texts', () => {
		expect(parseMemoryLimit('3.1 GiB')).toBeCloseTo(3.1 * 1024 ** 3);
		expect(parseMemoryLimit('512.0 MiB')).toBe(512 * 1024 ** 2);
		expect(parseMemoryLimit('16.0 MB')).toBe(16e6);
		expect(parseMemoryLimit('unlimited')).toBeUndefined();
	});

	it('recognises out-of-memory failures and nothing else', () => {
		expect(isOutOfMemory(new Error('Out of Memory Error: could not allocate block of size 256.0 KiB'))).toBe(true);
		expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
		expect(isOutOfMemory(new Error('RuntimeError: memory access out of bounds'))).toBe(true);
		expect(isOutOfMemory(new Error('Invalid Input Error: CSV Error on Line: 3'))).toBe(false);
	});

	it('leaves Parquet (compressed) to the load and checks text files against the limit', () => {
		const file = (name: string, size: number): ByteSource => ({ name, size, read: async () => new Uint8Array() });
		expect(() => checkFitsBeforeLoad([file('a.parquet', 900)], 500)).not.toThrow();
		expect(() => checkFitsBeforeLoad([file('a.csv', 300), file('b.csv', 300)], 500)).toThrow(IngestError);
		expect(() => checkFitsBeforeLoad([file('a.xlsx', 900)], undefined)).not.toThrow();
	});
});
