/**
 * Loads that do not fit in memory. In the browser DuckDB's memory is capped (duckdb-wasm: 3.1 GiB by
 * default, no temporary directory to spill to), so a file too large fails with DuckDB's "Out of
 * Memory" error, or, outside DuckDB, with a RangeError or a wasm allocation failure. All of these
 * become one clear Indonesian message; the load's partial tables are dropped by ingest as for any
 * failure, so the previous register stays.
 */
import type { Engine } from '../engine/types';
import { coded } from '../core/messages';
import { IngestError, type ByteSource } from './types';

const OUT_OF_MEMORY =
	/out of memory|could not allocate|allocation failed|array buffer allocation|invalid (array|string|typed array) length|memory access out of bounds|WebAssembly\.Memory|Maximum call stack/i;

export function isOutOfMemory(error: unknown): boolean {
	if (error instanceof RangeError) return true;
	const text = error instanceof Error ? error.message : String(error);
	return OUT_OF_MEMORY.test(text);
}

export function formatMegabytes(bytes: number): string {
	return `${(bytes / 1048576).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

/** The message for a load that cannot fit: names the files, their size and what to do instead. */
export function tooLargeError(sources: readonly ByteSource[], limitBytes?: number): IngestError {
	const bytes = sources.reduce((sum, s) => sum + s.size, 0);
	return new IngestError(
		coded('ingest.too_large', { files: sources.map((s) => s.name), bytes, limitBytes: limitBytes ?? 0 }),
		sources[0]?.name ?? ''
	);
}

const UNITS: Record<string, number> = {
	b: 1,
	bytes: 1,
	kb: 1e3,
	kib: 1024,
	mb: 1e6,
	mib: 1024 ** 2,
	gb: 1e9,
	gib: 1024 ** 3,
	tb: 1e12,
	tib: 1024 ** 4
};

/** DuckDB's memory_limit text ('3.1 GiB', '512.0 MiB') in bytes; undefined when it cannot be read. */
export function parseMemoryLimit(text: string): number | undefined {
	const match = /^\s*([\d.]+)\s*([a-z]+)\s*$/i.exec(text);
	if (!match) return undefined;
	const unit = UNITS[(match[2] ?? '').toLowerCase()];
	const value = Number(match[1]);
	return unit && Number.isFinite(value) ? value * unit : undefined;
}

export async function memoryLimit(engine: Engine): Promise<number | undefined> {
	try {
		const table = await engine.query(`SELECT current_setting('memory_limit') AS v`);
		const value = table.get(0)?.toJSON().v;
		return typeof value === 'string' ? parseMemoryLimit(value) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Refuses, before reading a byte, files that cannot fit: staging keeps every cell of a text file as
 * text, so a CSV (or the XML of an XLSX, larger still) bigger than the whole memory limit cannot load.
 * Parquet is compressed, so it is left to the load itself.
 */
export function checkFitsBeforeLoad(sources: readonly ByteSource[], limitBytes: number | undefined): void {
	if (!limitBytes) return;
	const textBytes = sources.filter((s) => !/\.parquet$/i.test(s.name)).reduce((sum, s) => sum + s.size, 0);
	if (textBytes > limitBytes) throw tooLargeError(sources, limitBytes);
}
