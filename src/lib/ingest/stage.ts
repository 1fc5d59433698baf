/**
 * File bytes → a staging table of VARCHAR columns in file order (its rowid + 1 is the data row number):
 * for a register, only the mapped columns, trimmed (trimmed-stage.ts); otherwise every column c0 … cN. DuckDB reads a file itself where it can (a path in Node, a File handle or Parquet record
 * batches in the browser); otherwise CSV goes through read_csv in slices and Parquet through
 * engine.createTableFromParquet.
 */
import { coded } from '../core/messages';
import { sqlIdent, sqlString } from '../core/sql';
import { scratchName } from '../core/catalog';
import { rowsOf } from '../core/rows';
import type { Engine } from '../engine/types';
import { isParquet } from './csv';
import { stageCsv } from './stage-csv';
import { isOutOfMemory } from './memory';
import { checkAbort, countRows, stageTableFor, timedStage, type StageContext, type StagedFile } from './stage-table';
import { isEncryptedPackage, isOldExcel, isZip, stageXlsx } from './xlsx';
import { IngestCancelled, IngestError, type ByteSource } from './types';

// The staging table's shape, for callers that stage through this module.
export { stageColumn, type StageContext, type StagedFile } from './stage-table';

export const DEFAULT_SLICE_BYTES = 8 * 1024 * 1024;

export async function stageSource(ctx: StageContext, source: ByteSource, index: number): Promise<StagedFile> {
	const file = source.name;
	checkAbort(ctx, file);
	if (source.size === 0) throw new IngestError(coded('ingest.empty_file', { file }), file);
	const head = await source.read(0, Math.min(source.size, 4));
	if (isParquet(head)) return stageParquet(ctx, source, index);
	if (isZip(head)) return stageXlsx(ctx, source, index);
	if (isOldExcel(head)) {
		if (await isEncryptedPackage(source)) {
			throw new IngestError(coded('ingest.encrypted_workbook', { file }), file);
		}
		throw new IngestError(coded('ingest.old_xls', { file }), file);
	}
	return stageCsv(ctx, source, index);
}

/** The column names a `SELECT column_name …` statement answers, in order. */
async function columnNamesOf(engine: Engine, sql: string): Promise<string[]> {
	return rowsOf(await engine.query(sql), { column_name: 'string' }).map((row) => row.column_name);
}

/** A table's columns in their order. */
function tableColumnsSql(table: string): string {
	return `SELECT column_name FROM information_schema.columns WHERE table_name = ${sqlString(table)} ORDER BY ordinal_position`;
}

/** The SELECT list of the stage (`stageTableFor`) from a Parquet file's columns, each cast to VARCHAR. */
function parquetSelect(ctx: StageContext, index: number, headers: readonly string[]): string {
	return stageTableFor(ctx, index, headers).select((i) => `CAST(${sqlIdent(headers[i] ?? '')} AS VARCHAR)`);
}

/**
 * A Parquet file on disk (Node): its columns cast to VARCHAR straight from read_parquet on its path,
 * without copying its bytes through JavaScript or a first table of its own types. Undefined when
 * DuckDB cannot read it so; the caller then reads it as before, which words the error.
 */
async function stageParquetFile(
	ctx: StageContext,
	path: string,
	index: number,
	file: string,
	size: number
): Promise<StagedFile | undefined> {
	const { engine } = ctx;
	const table = scratchName('tepat_stage', ctx.loadId, index);
	const from = `read_parquet(${sqlString(path)})`;
	try {
		const headers = await columnNamesOf(engine, `SELECT column_name FROM (DESCRIBE SELECT * FROM ${from})`);
		if (headers.length === 0) return undefined;
		const select = parquetSelect(ctx, index, headers);
		ctx.tables.add(table);
		const rows = await timedStage(ctx, async () => {
			await engine.exec(`CREATE TABLE ${table} AS SELECT ${select} FROM ${from}`);
			return countRows(engine, table);
		});
		ctx.onProgress?.({ phase: 'read', file, rowsRead: rows, bytesRead: size, bytesTotal: size });
		return { file, format: 'parquet', table, headers, rows, readBy: 'file' };
	} catch (error) {
		if (isOutOfMemory(error)) throw error;
		await engine.exec(`DROP TABLE IF EXISTS ${table}`);
		ctx.tables.delete(table);
		return undefined;
	}
}

/**
 * A user's Parquet File in the browser: record batches pulled one at a time from parquet-wasm, each cast
 * to VARCHAR into the staging table as it comes, so neither the file's bytes nor a decoded table of the
 * whole file is ever held (the whole-file path held both, and a typed copy in DuckDB: 3.7 GB at 1M).
 * Undefined when it cannot be read so (or has no rows); the caller then reads it whole, which words the error.
 */
async function stageParquetBatches(ctx: StageContext, source: ByteSource, blob: Blob, index: number): Promise<StagedFile | undefined> {
	const { engine } = ctx;
	const readBatches = engine.readParquetBatches?.bind(engine);
	if (!readBatches) return undefined;
	const file = source.name;
	const raw = scratchName('tepat_raw', ctx.loadId, index);
	const table = scratchName('tepat_stage', ctx.loadId, index);
	const headers: string[] = [];
	let select = '';
	let rows = 0;
	try {
		await timedStage(ctx, () =>
			readBatches(blob, raw, async (batchRows, fileRows) => {
				checkAbort(ctx, file);
				if (headers.length === 0) {
					headers.push(...(await columnNamesOf(engine, tableColumnsSql(raw))));
					select = parquetSelect(ctx, index, headers);
					ctx.tables.add(table);
					await engine.exec(`CREATE TABLE ${table} AS SELECT ${select} FROM ${raw}`);
				} else {
					await engine.exec(`INSERT INTO ${table} SELECT ${select} FROM ${raw}`);
				}
				rows += batchRows;
				const bytesRead = fileRows > 0 ? Math.min(source.size, Math.round((source.size * rows) / fileRows)) : 0;
				ctx.onProgress?.({ phase: 'read', file, rowsRead: rows, bytesRead, bytesTotal: source.size });
			})
		);
	} catch (error) {
		if (isOutOfMemory(error) || error instanceof IngestCancelled) throw error;
		await engine.exec(`DROP TABLE IF EXISTS ${table}`);
		ctx.tables.delete(table);
		return undefined;
	}
	if (headers.length === 0) return undefined;
	ctx.onProgress?.({ phase: 'read', file, rowsRead: rows, bytesRead: source.size, bytesTotal: source.size });
	return { file, format: 'parquet', table, headers, rows, readBy: 'file' };
}

async function stageParquet(ctx: StageContext, source: ByteSource, index: number): Promise<StagedFile> {
	const { engine } = ctx;
	const file = source.name;
	if (source.path !== undefined && engine.host === 'node') {
		const staged = await stageParquetFile(ctx, source.path, index, file, source.size);
		if (staged) return staged;
	}
	if (source.file !== undefined) {
		const staged = await stageParquetBatches(ctx, source, source.file, index);
		if (staged) return staged;
	}
	const raw = scratchName('tepat_raw', ctx.loadId, index);
	const table = scratchName('tepat_stage', ctx.loadId, index);
	ctx.tables.add(raw);
	ctx.tables.add(table);
	const bytes = await source.read(0, source.size);
	checkAbort(ctx, file);
	try {
		await timedStage(ctx, () => engine.createTableFromParquet(raw, bytes));
	} catch (error) {
		if (isOutOfMemory(error)) throw error;
		const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
		throw new IngestError(coded('ingest.parquet_unreadable', { file, detail }), file);
	}
	const headers = await columnNamesOf(engine, tableColumnsSql(raw));
	if (headers.length === 0) throw new IngestError(coded('ingest.no_columns', { file }), file);
	const select = parquetSelect(ctx, index, headers);
	const rows = await timedStage(ctx, async () => {
		await engine.exec(`CREATE TABLE ${table} AS SELECT ${select} FROM ${raw}`);
		await engine.exec(`DROP TABLE IF EXISTS ${raw}`);
		ctx.tables.delete(raw);
		return countRows(engine, table);
	});
	ctx.onProgress?.({ phase: 'read', file, rowsRead: rows, bytesRead: source.size, bytesTotal: source.size });
	return { file, format: 'parquet', table, headers, rows, readBy: 'copy' };
}
