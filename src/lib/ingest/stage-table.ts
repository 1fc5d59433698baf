/**
 * The staging table every reader fills (CSV, Parquet, XLSX): columns c0 … cN, all VARCHAR, and the
 * helpers that create it and append CSV slices to it through read_csv. Its own module so that
 * stage.ts (which picks a reader) and xlsx.ts (a reader) both import it without importing each other.
 */
import { coded, type CodedMessage } from '../core/messages';
import type { CsvReasons } from '../core/messages/ingest';
import type { Engine } from '../engine/types';
import { sqlString } from '../core/sql';
import { scratchName } from '../core/catalog';
import type { Delimiter } from './csv';
import type { TextEncodingName } from './encoding';
import type { CsvIssue } from './csv-scan';
import { isOutOfMemory } from './memory';
import { IngestCancelled, IngestError, type IngestProgress } from './types';
import { shapeColumnsSql, shapeSelectSql, stageColumn, wideShape, type StageColumn } from './trimmed-stage';

export { stageColumn } from './trimmed-stage';

export interface StagedFile {
	file: string;
	format: 'csv' | 'parquet' | 'xlsx';
	/** Staging table: all VARCHAR; columns c0 … cN, or the trimmed stage's (trimmed-stage.ts) when `StageContext.shapeOf` knew them. */
	table: string;
	/** Column headers as written in the file, by position (c0 = headers[0]). */
	headers: string[];
	delimiter?: Delimiter;
	/** CSV: the text encoding found (UTF-8 unless a slice was not valid UTF-8). */
	encoding?: TextEncodingName;
	/** CSV: what the record scan found, row by row (csv-scan.ts); rejected rows are staged empty. */
	issues?: CsvIssue[];
	/** XLSX: the worksheet read and the 1-based sheet row of the header. */
	sheet?: string;
	/** XLSX: every worksheet of the workbook, in order (what a user can choose from). */
	sheets?: string[];
	headerRow?: number;
	rows: number;
	/**
	 * How the bytes reached DuckDB: `file` read by DuckDB (or parquet-wasm) from the file itself, `copy`
	 * copied through JavaScript (CSV slices, the whole Parquet file, XLSX cells).
	 */
	readBy?: 'file' | 'copy';
}

export interface StageContext {
	engine: Engine;
	/** Unique per load; prefixes every staging table and registered slice. */
	loadId: string;
	sliceBytes: number;
	signal?: AbortSignal;
	onProgress?: (progress: IngestProgress) => void;
	/** Names registered with the engine, dropped by the caller in `finally`. */
	registered: Set<string>;
	/** Tables created, dropped by the caller in `finally`. */
	tables: Set<string>;
	/** Milliseconds DuckDB spent filling staging tables (the rest of staging is reading the bytes). */
	stageMs?: number;
	/**
	 * The trimmed stage's columns for a file of these headers, when its mapping is known from them
	 * (trimmed-stage.ts); undefined (not recognised) stages every column as written.
	 */
	shapeOf?: (headers: readonly string[]) => StageColumn[] | undefined;
}

/** What a reader fills: the table, its columns, and the SELECT list from its source's columns. */
export interface PlannedStage {
	table: string;
	/** `c0 VARCHAR, …` for CREATE TABLE. */
	columns: string;
	/** The SELECT list from a source whose columns are given by `source(index)`. */
	select: (source: (index: number) => string) => string;
	/** The file's columns the SELECT list reads, in file order. */
	read: number[];
}

/** The stage of file `index` with these headers (its table not yet created): the trimmed stage when the mapping is known. */
export function stageTableFor(ctx: StageContext, index: number, headers: readonly string[]): PlannedStage {
	const shape = ctx.shapeOf?.(headers) ?? wideShape(headers.length);
	return {
		table: scratchName('tepat_stage', ctx.loadId, index),
		columns: shapeColumnsSql(shape),
		select: (source) => shapeSelectSql(shape, source),
		read: [...new Set(shape.map((c) => c.index))].sort((a, b) => a - b)
	};
}

/** Runs `work` (DuckDB filling a staging table) and adds its time to `ctx.stageMs`. */
export async function timedStage<T>(ctx: StageContext, work: () => Promise<T>): Promise<T> {
	const started = performance.now();
	try {
		return await work();
	} finally {
		ctx.stageMs = (ctx.stageMs ?? 0) + performance.now() - started;
	}
}

export function checkAbort(ctx: StageContext, file: string): void {
	if (ctx.signal?.aborted) throw new IngestCancelled(file);
}

export async function countRows(engine: Engine, table: string): Promise<number> {
	const result = await engine.query(`SELECT count(*)::BIGINT AS n FROM ${table}`);
	return Number(result.get(0)?.n ?? 0);
}

/**
 * Runs an INSERT and answers the rows it inserted, which DuckDB returns as its result (`Count`): no
 * second statement counting the table after each append (a count of a growing, uncompressed stage
 * took 46 ms per 5,000-row chunk of a workbook on duckdb-wasm).
 */
export async function insertRows(engine: Engine, insert: string): Promise<number> {
	const result = await engine.query(insert);
	const count: unknown = result.getChild('Count')?.get(0);
	if (typeof count !== 'bigint' && typeof count !== 'number') throw new Error('DuckDB answered an INSERT without its row count');
	return Number(count);
}

/** Why DuckDB could not read a CSV, from its error text. */
function csvReason(text: string): CodedMessage<keyof CsvReasons> {
	if (/unicode|utf-8/i.test(text)) return coded('csv.not_utf8', {});
	if (/unterminated quote/i.test(text)) return coded('csv.open_quote', {});
	if (/Expected Number of Columns/i.test(text)) return coded('csv.column_count', {});
	if (/invalid state|RFC 4180/i.test(text)) return coded('csv.nonstandard', {});
	return coded('csv.unreadable', {});
}

/** Turns a DuckDB error into a load error naming the file (and an approximate row). */
function readError(file: string, error: unknown, rowsBefore: number): IngestError {
	const text = error instanceof Error ? error.message : String(error);
	const line = /Line:\s*(\d+)/.exec(text);
	const row = line?.[1] ? rowsBefore + Number(line[1]) : undefined;
	return new IngestError(coded('ingest.csv_unreadable', { file, row: row ?? 0, reason: csvReason(text) }), file, row);
}

/** Creates the empty staging table of file `index` of this load (stageTableFor), filled from read_csv's c0 … c(n-1). */
export async function createStageTable(ctx: StageContext, index: number, headers: readonly string[]): Promise<CsvStage> {
	const { table, select, columns } = stageTableFor(ctx, index, headers);
	ctx.tables.add(table);
	await ctx.engine.exec(`CREATE TABLE ${table} (${columns})`);
	// read_csv's columns are named as the wide stage's (csvReadOptions).
	return { table, select: select(stageColumn) };
}

/**
 * Like createStageTable, for a reader that writes the CSV itself and so can leave out the columns the
 * stage does not read: read_csv's c0 … c(k-1) are the file's columns `read`, in file order.
 */
export async function createReadStageTable(
	ctx: StageContext,
	index: number,
	headers: readonly string[]
): Promise<CsvStage & { read: number[] }> {
	const { table, select, columns, read } = stageTableFor(ctx, index, headers);
	ctx.tables.add(table);
	await ctx.engine.exec(`CREATE TABLE ${table} (${columns})`);
	const position = new Map(read.map((column, at) => [column, at]));
	return { table, select: select((column) => stageColumn(position.get(column) ?? -1)), read };
}

/** A staging table filled from read_csv: its name and the SELECT list from read_csv's columns. */
export interface CsvStage {
	table: string;
	select: string;
}

/**
 * read_csv options for a slice: no header, fixed VARCHAR columns c0 … c(n-1), no sniffing; `parallel`
 * for a whole file DuckDB reads itself (rows keep their order either way). `padded` lets a short row
 * through with NULLs; records the scan wrote again (csv-scan.ts) all have every field, and without
 * padding DuckDB may read them in parallel (it refuses padding with line breaks inside quotes).
 */
export function csvReadOptions(columns: number, delimiter: string, newLine: '\\n' | '\\r\\n', parallel = false, padded = true): string {
	const columnsStruct = Array.from({ length: columns }, (_, i) => `'${stageColumn(i)}': 'VARCHAR'`).join(', ');
	return (
		`header = false, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', ` +
		`new_line = ${sqlString(newLine)}, all_varchar = true, auto_detect = false, ` +
		`null_padding = ${padded}, parallel = ${parallel}, ` +
		`columns = {${columnsStruct}}`
	);
}

/**
 * Registers one slice of UTF-8 CSV (whole records), appends it to `table` through read_csv and drops
 * it again. Returns the table's row count after the append: `rowsBefore`, the rows it held, and the rows read.
 */
export async function appendCsv(
	ctx: StageContext,
	file: string,
	stage: CsvStage,
	bytes: Uint8Array,
	readOptions: string,
	rowsBefore: number,
	sliceId: string
): Promise<number> {
	const { engine } = ctx;
	const name = `tepat-${ctx.loadId}-${sliceId}.csv`;
	return timedStage(ctx, async () => {
		await engine.registerFile(name, bytes);
		ctx.registered.add(name);
		try {
			const inserted = await insertRows(
				engine,
				`INSERT INTO ${stage.table} SELECT ${stage.select} FROM read_csv(${sqlString(name)}, ${readOptions})`
			);
			return rowsBefore + inserted;
		} catch (error) {
			// Not the file's fault: ingest turns it into the "too large" message.
			if (isOutOfMemory(error)) throw error;
			throw readError(file, error, rowsBefore);
		} finally {
			await engine.dropFile(name);
			ctx.registered.delete(name);
		}
	});
}
