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
import { RecordScanner, bomLength, concatBytes, detectDelimiter, firstRecordEnd, isParquet, splitCsvLine, trimLineEnd } from './csv';
import { SliceDecoder, decodeText, isValidUtf8, looksBinary } from './encoding';
import { isOutOfMemory } from './memory';
import {
	appendCsv,
	checkAbort,
	countRows,
	createStageTable,
	csvReadOptions,
	stageTableFor,
	timedStage,
	type CsvStage,
	type StageContext,
	type StagedFile
} from './stage-table';
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

/**
 * Reads the data rows of the CSV file at `path` (after its header line) into `table` in one read_csv;
 * the staged row count, or undefined (and an empty table) when DuckDB could not read the file so.
 */
async function stageCsvFile(ctx: StageContext, path: string, stage: CsvStage, readOptions: string): Promise<number | undefined> {
	const { engine } = ctx;
	try {
		return await timedStage(ctx, async () => {
			await engine.exec(`INSERT INTO ${stage.table} SELECT ${stage.select} FROM read_csv(${sqlString(path)}, skip = 1, ${readOptions})`);
			return countRows(engine, stage.table);
		});
	} catch (error) {
		if (isOutOfMemory(error)) throw error;
		await engine.exec(`DELETE FROM ${stage.table}`);
		return undefined;
	}
}

/**
 * The browser's stageCsvFile: the user's File registered as a handle DuckDB reads itself, dropped again
 * whatever happens. Undefined when the engine cannot (or DuckDB could not read the file so).
 */
async function stageCsvHandle(
	ctx: StageContext,
	blob: Blob,
	stage: CsvStage,
	readOptions: string,
	index: number
): Promise<number | undefined> {
	const { engine } = ctx;
	if (!engine.registerFileHandle) return undefined;
	const name = `tepat-${ctx.loadId}-${index}-file.csv`;
	try {
		await engine.registerFileHandle(name, blob);
	} catch {
		return undefined;
	}
	ctx.registered.add(name);
	try {
		return await stageCsvFile(ctx, name, stage, readOptions);
	} finally {
		await engine.dropFile(name).catch(() => undefined);
		ctx.registered.delete(name);
	}
}

async function stageCsv(ctx: StageContext, source: ByteSource, index: number): Promise<StagedFile> {
	const { sliceBytes } = ctx;
	const file = source.name;
	const size = source.size;
	const maxRecord = Math.max(sliceBytes * 16, 64 * 1024 * 1024);

	// 1. The header line: read until a newline outside quotes (or the end of the file).
	let pos = 0;
	let buffer: Uint8Array = new Uint8Array(0);
	let headerEnd = -1;
	while (headerEnd < 0 && pos < size) {
		checkAbort(ctx, file);
		const chunk = await source.read(pos, Math.min(size, pos + sliceBytes));
		pos += chunk.length;
		buffer = concatBytes(buffer, chunk);
		headerEnd = firstRecordEnd(buffer, bomLength(buffer));
		if (buffer.length > maxRecord) break;
	}
	if (headerEnd < 0) headerEnd = buffer.length;
	const bom = bomLength(buffer);
	const headerBytes = trimLineEnd(buffer.subarray(bom, headerEnd));
	if (looksBinary(headerBytes) || looksBinary(buffer.subarray(0, Math.min(buffer.length, 65536)))) {
		throw new IngestError(coded('ingest.binary', { file }), file);
	}
	// UTF-8 (BOM or not) unless the bytes say otherwise; then Windows-1252 (Excel's plain "CSV").
	const decoder = new SliceDecoder(bom === 0 && !isValidUtf8(headerBytes) ? 'windows-1252' : 'utf-8');
	const headerLine = decodeText(headerBytes, decoder.encoding);
	// Records end as the header line ends (Excel: CRLF). Telling read_csv so lets a quoted cell
	// hold the other kind of line break (Alt+Enter in Excel gives LF inside a CRLF file).
	const crlf = headerEnd >= 2 && buffer[headerEnd - 2] === 0x0d;
	const newLine = crlf ? '\\r\\n' : '\\n';
	const delimiter = detectDelimiter(headerLine);
	const headers = splitCsvLine(headerLine, delimiter).map((h) => h.trim());
	if (headers.every((h) => h === '')) {
		throw new IngestError(coded('ingest.no_header', { file }), file);
	}

	const stage = await createStageTable(ctx, index, headers);
	const { table } = stage;
	const readOptions = csvReadOptions(headers.length, delimiter, newLine);

	// 2a. A file on disk (Node) or a user's File (browser) that reads as UTF-8: DuckDB reads it whole,
	// without the slices below. DuckDB checks every byte is UTF-8, so a file it cannot read so (bad
	// quotes, Windows-1252 bytes past the header …) is read again in slices, which find the same rows
	// and give the same errors as for any other source.
	if (decoder.encoding === 'utf-8' && !/[\r\n]/.test(headerLine)) {
		let rows: number | undefined;
		const direct = () => ctx.onProgress?.({ phase: 'direct', file, rowsRead: 0, bytesRead: 0, bytesTotal: 0 });
		if (source.path !== undefined && ctx.engine.host === 'node') {
			direct();
			// In parallel: the trimming of the mapped columns then runs on every core (at 1M rows, 3.5 → 2.4 s).
			rows = await stageCsvFile(ctx, source.path, stage, csvReadOptions(headers.length, delimiter, newLine, true));
		} else if (source.file !== undefined && ctx.engine.registerFileHandle) {
			direct();
			rows = await stageCsvHandle(ctx, source.file, stage, readOptions, index);
		}
		if (rows !== undefined) {
			ctx.onProgress?.({ phase: 'read', file, rowsRead: rows, bytesRead: size, bytesTotal: size });
			return { file, format: 'csv', table, headers, delimiter, encoding: decoder.encoding, rows, readBy: 'file' };
		}
		checkAbort(ctx, file);
	}

	// 2. The data: slices cut at the last newline outside quotes, each read by read_csv.
	let carry = buffer.subarray(headerEnd);
	const scanner = new RecordScanner();
	let scanned = 0;
	let rows = 0;
	let sliceIndex = 0;
	ctx.onProgress?.({ phase: 'read', file, rowsRead: 0, bytesRead: pos, bytesTotal: size });
	for (;;) {
		checkAbort(ctx, file);
		const atEnd = pos >= size;
		if (atEnd && carry.length === 0) break;
		if (!atEnd && carry.length < sliceBytes) {
			const chunk = await source.read(pos, Math.min(size, pos + sliceBytes));
			pos += chunk.length;
			carry = concatBytes(carry, chunk);
			continue;
		}
		const lastCut = scanner.scan(carry, scanned);
		const cut = atEnd ? carry.length : lastCut;
		if (cut <= 0) {
			if (carry.length > maxRecord) {
				throw new IngestError(coded('ingest.record_too_long', { file, megabytes: Math.round(maxRecord / 1048576) }), file, rows + 1);
			}
			scanned = carry.length;
			// Need more bytes before a record ends: read on.
			const chunk = await source.read(pos, Math.min(size, pos + sliceBytes));
			pos += chunk.length;
			carry = concatBytes(carry, chunk);
			continue;
		}
		const slice = carry.subarray(0, cut);
		carry = carry.subarray(cut);
		// The scanner's state is that at the end of what it scanned; the cut was outside quotes, so the
		// bytes after it were scanned from a quote-free start and the state still holds.
		scanned = carry.length;
		if (slice.some((b) => b !== 0x0a && b !== 0x0d)) {
			rows = await appendCsv(ctx, file, stage, decoder.toUtf8(slice), readOptions, rows, `${index}-${sliceIndex++}`);
		}
		ctx.onProgress?.({ phase: 'read', file, rowsRead: rows, bytesRead: pos - carry.length, bytesTotal: size });
	}
	return { file, format: 'csv', table, headers, delimiter, encoding: decoder.encoding, rows, readBy: 'copy' };
}
