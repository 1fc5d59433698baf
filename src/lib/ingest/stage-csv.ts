/**
 * A CSV file → its staging table. The record scan (csv-scan.ts) reads every byte first and accounts for
 * every record; a file it finds whole and UTF-8 is then read by DuckDB itself (a path in Node, a File
 * handle in the browser), any other is written again by the scan, record by record, and read from
 * those slices, so that each record is exactly one staged row (rejected ones empty) and the scan's
 * findings name the rows the report names. UTF-16 files are turned into UTF-8 first (utf16.ts).
 */
import { coded } from '../core/messages';
import { sqlString } from '../core/sql';
import { concatBytes, joinBytes } from './byte-pieces';
import { bomLength, detectDelimiter, firstLineEnd, splitCsvLine, trimLineEnd } from './csv';
import { CsvScanner, type CsvIssue, type CsvScanOptions } from './csv-scan';
import { decodeText, isValidUtf8, looksBinary } from './encoding';
import { isOutOfMemory } from './memory';
import {
	appendCsv,
	checkAbort,
	createStageTable,
	insertRows,
	csvReadOptions,
	timedStage,
	type CsvStage,
	type StageContext,
	type StagedFile
} from './stage-table';
import { utf16AsUtf8, utf16Order } from './utf16';
import { IngestError, type ByteSource } from './types';

/**
 * Reads the data rows of the CSV file at `path` (after its header line) into `table` in one read_csv;
 * the staged row count, or undefined (and an empty table) when DuckDB could not read the file so.
 */
async function stageCsvFile(ctx: StageContext, path: string, stage: CsvStage, readOptions: string): Promise<number | undefined> {
	const { engine } = ctx;
	try {
		return await timedStage(ctx, async () => {
			// The table is empty before: the rows inserted are the rows it holds.
			return insertRows(
				engine,
				`INSERT INTO ${stage.table} SELECT ${stage.select} FROM read_csv(${sqlString(path)}, skip = 1, ${readOptions})`
			);
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

/** Reads of `sliceBytes` per slice of rewritten records appended at once. */
const REWRITE_SLICES = 4;

/**
 * DuckDB reads the whole file itself (a path in Node, a File handle in the browser): the staged row
 * count, or undefined when the engine cannot (or DuckDB could not read the file so).
 */
async function readWhole(
	ctx: StageContext,
	source: ByteSource,
	stage: CsvStage,
	columns: number,
	delimiter: string,
	lineEnd: 'lf' | 'crlf',
	index: number
): Promise<number | undefined> {
	const newLine = lineEnd === 'crlf' ? '\\r\\n' : '\\n';
	const direct = () => ctx.onProgress?.({ phase: 'direct', file: source.name, rowsRead: 0, bytesRead: 0, bytesTotal: 0 });
	if (source.path !== undefined && ctx.engine.host === 'node') {
		direct();
		// In parallel: the trimming of the mapped columns then runs on every core (at 1M rows, 3.5 → 2.4 s).
		return stageCsvFile(ctx, source.path, stage, csvReadOptions(columns, delimiter, newLine, true));
	}
	if (source.file !== undefined && ctx.engine.registerFileHandle) {
		direct();
		return stageCsvHandle(ctx, source.file, stage, csvReadOptions(columns, delimiter, newLine), index);
	}
	return undefined;
}

/** Reads the data bytes from `from` through `scanner`, slice by slice; `after` runs after each slice. */
async function scanBody(
	ctx: StageContext,
	source: ByteSource,
	from: number,
	scanner: CsvScanner,
	maxRecord: number,
	after: (bytesRead: number) => Promise<void>
): Promise<void> {
	const file = source.name;
	let pos = from;
	do {
		checkAbort(ctx, file);
		const chunk = await source.read(pos, Math.min(source.size, pos + ctx.sliceBytes));
		pos += chunk.length;
		scanner.push(chunk, pos >= source.size || chunk.length === 0);
		if (scanner.pending > maxRecord) {
			throw new IngestError(coded('ingest.record_too_long', { file, megabytes: Math.round(maxRecord / 1048576) }), file, scanner.rows + 1);
		}
		await after(pos);
		if (chunk.length === 0) break;
	} while (pos < source.size);
}

export async function stageCsv(ctx: StageContext, original: ByteSource, index: number): Promise<StagedFile> {
	const { sliceBytes } = ctx;
	const file = original.name;
	const order = utf16Order(await original.read(0, Math.min(original.size, 4)));
	const source = order ? await utf16AsUtf8(original, order, sliceBytes) : original;
	const size = source.size;
	const maxRecord = Math.max(sliceBytes * 16, 64 * 1024 * 1024);

	// 1. The header line: read until a line end outside quotes (or the end of the file).
	let pos = 0;
	let buffer: Uint8Array = new Uint8Array(0);
	let found: ReturnType<typeof firstLineEnd>;
	while (!found && pos < size) {
		checkAbort(ctx, file);
		const chunk = await source.read(pos, Math.min(size, pos + sliceBytes));
		pos += chunk.length;
		buffer = concatBytes(buffer, chunk);
		found = firstLineEnd(buffer, bomLength(buffer), pos >= size);
		if (buffer.length > maxRecord) break;
	}
	const headerEnd = found?.end ?? buffer.length;
	const lineEnd = found?.lineEnd ?? 'lf';
	const bom = bomLength(buffer);
	const headerBytes = trimLineEnd(buffer.subarray(bom, headerEnd));
	if (looksBinary(headerBytes) || looksBinary(buffer.subarray(0, Math.min(buffer.length, 65536)))) {
		throw new IngestError(coded('ingest.binary', { file }), file);
	}
	const headerUtf8 = isValidUtf8(headerBytes);
	const headerLine = decodeText(headerBytes, headerUtf8 ? 'utf-8' : 'windows-1252');
	const delimiter = detectDelimiter(headerLine);
	const headers = splitCsvLine(headerLine, delimiter).map((h) => h.trim());
	if (headers.every((h) => h === '')) {
		throw new IngestError(coded('ingest.no_header', { file }), file);
	}

	let stage = await createStageTable(ctx, index, headers);
	const { table } = stage;

	// 2. Every record scanned: what is wrong where, and which encoding the bytes are in. Meanwhile DuckDB
	// reads a file that may be whole (UTF-8 header, LF or CRLF) itself, from its path (Node) or the
	// user's File (browser), on its own threads; its rows are kept only if the scan finds the file whole.
	const scanOptions: CsvScanOptions = { delimiter: delimiter.charCodeAt(0), columns: headers.length, lineEnd };
	const scan = new CsvScanner(scanOptions);
	const scanning = scanBody(ctx, source, headerEnd, scan, maxRecord, async (bytesRead) =>
		ctx.onProgress?.({ phase: 'read', file, rowsRead: scan.rows, bytesRead, bytesTotal: size })
	);
	const mayBeWhole = !order && headerUtf8 && lineEnd !== 'cr' && !/[\r\n]/.test(headerLine);
	const reading = mayBeWhole ? readWhole(ctx, source, stage, headers.length, delimiter, lineEnd, index) : Promise.resolve(undefined);
	const [scanned, read] = await Promise.allSettled([scanning, reading]);
	if (scanned.status === 'rejected') throw scanned.reason;
	if (read.status === 'rejected') throw read.reason;
	const directRows = read.value;

	// A file with UTF-8 in it (a BOM, a header, or multi-byte sequences) is UTF-8 whose stray bytes are
	// reported; one without any is Windows-1252 (Excel's plain "CSV"), where no byte is wrong.
	const cp1252 = !order && bom === 0 && (!headerUtf8 || (scan.invalidBytes > 0 && scan.multibyte === 0));
	const readAs = cp1252 ? 'windows-1252' : 'utf-8';
	const encoding = order ?? readAs;
	const issues: CsvIssue[] = cp1252 ? scan.issues.filter((i) => i.code !== 'invalid_utf8') : scan.issues;
	const staged = (rows: number, readBy: 'file' | 'copy'): StagedFile => ({
		file,
		format: 'csv',
		table,
		headers,
		delimiter,
		encoding,
		rows,
		readBy,
		issues
	});

	// 3a. The scan found the file whole and DuckDB read as many rows: done.
	if (!scan.needsRewrite && !cp1252 && directRows === scan.rows) {
		ctx.onProgress?.({ phase: 'read', file, rowsRead: directRows, bytesRead: size, bytesTotal: size });
		return staged(directRows, 'file');
	}
	// A fresh table, not a DELETE: rowids go on after deleted rows, and rowid + 1 is the row number.
	if (mayBeWhole) {
		await ctx.engine.exec(`DROP TABLE ${table}`);
		stage = await createStageTable(ctx, index, headers);
	}
	checkAbort(ctx, file);

	// 3b. The records as the scan writes them again (UTF-8, LF, one per row), in slices through read_csv.
	const readOptions = csvReadOptions(headers.length, delimiter, '\\n', true, false);
	const out: Uint8Array[] = [];
	let outBytes = 0;
	let rows = 0;
	let sliceIndex = 0;
	const rewrite = new CsvScanner({
		...scanOptions,
		encoding: readAs,
		emit: (bytes) => {
			out.push(bytes);
			outBytes += bytes.length;
		}
	});
	await scanBody(ctx, source, headerEnd, rewrite, maxRecord, async (bytesRead) => {
		// Slices of a few reads each: every append has a cost of its own.
		if (outBytes < sliceBytes * REWRITE_SLICES && bytesRead < size) return;
		if (outBytes > 0) {
			const slice = joinBytes(out);
			out.length = 0;
			outBytes = 0;
			rows = await appendCsv(ctx, file, stage, slice, readOptions, rows, `${index}-${sliceIndex++}`);
		}
		ctx.onProgress?.({ phase: 'read', file, rowsRead: rows, bytesRead, bytesTotal: size });
	});
	return staged(rows, 'copy');
}
