/** The public surface of ingest, shared by the browser (Data screen), the CLI and the tests. */
import { CodedError, coded, type CodedMessage } from '../core/messages';
import type { IngestMessages } from '../core/messages/ingest';
import type { Reference } from '../core/reference';
import type { LoadMapping, SavedMapping } from './mapping';
import type { RegencyChoice, RegencyOutcome } from './regency';

/** A file's bytes, read in slices so a large file never has to sit in memory twice. */
export interface ByteSource {
	/** The file name as the user knows it; every message names it. */
	readonly name: string;
	readonly size: number;
	read(start: number, end: number): Promise<Uint8Array>;
	/** XLSX only: the worksheet to read (by name, case-insensitive); default the first visible sheet. */
	readonly sheet?: string;
	/**
	 * Node only: where the file is on disk. DuckDB then reads a CSV or Parquet file itself instead of
	 * through slices copied by JavaScript (stage.ts); `read` still serves the header and the fallbacks.
	 */
	readonly path?: string;
	/**
	 * Browser only: the user's File itself. An engine that can read a File handle (registerFileHandle,
	 * readParquetBatches) then reads it without copies through JavaScript, as `path` does in Node.
	 */
	readonly file?: Blob;
}

export type SourceKind = 'dtsen' | 'bdt' | 'p3ke';

export interface IngestProgress {
	/** `direct`: DuckDB reads a whole file itself in one statement (no rows to count until it ends). */
	phase: 'read' | 'direct' | 'normalise' | 'done';
	file: string;
	rowsRead: number;
	bytesRead: number;
	bytesTotal: number;
}

/** The steps of a load that `IngestOptions.onTiming` reports, in order; `total` last. */
export const INGEST_STEPS = ['read', 'stage', 'normalise', 'report', 'persist', 'total'] as const;
export type IngestStep = (typeof INGEST_STEPS)[number];

/**
 * One step of a load, timed: `read` the file bytes read and cut in JavaScript, `stage` DuckDB filling
 * the staging tables, `normalise` the canonical tables, `report` the validation report, the counts
 * and the swap, `persist` keeping a copy (reported by the caller that keeps one), `total` the load.
 */
export interface IngestTiming {
	step: IngestStep;
	ms: number;
	/** Rows of the step: data rows read or staged, households + people built, findings reported. */
	rows: number;
	/** Bytes of the files read (read, stage and total); 0 for the other steps. */
	bytes: number;
}

export interface IngestResult {
	source: SourceKind;
	files: string[];
	rowsRead: number;
	households: number;
	people: number;
}

/** A load that cannot go on: why as a code (worded at the edge), and the file, row and column where known. */
export class IngestError extends CodedError {
	declare readonly said: CodedMessage<keyof IngestMessages>;

	constructor(
		said: CodedMessage<keyof IngestMessages>,
		readonly file: string,
		readonly row?: number,
		readonly column?: string
	) {
		super(said);
		this.name = 'IngestError';
	}
}

/** Options of `ingestRegister`. */
export interface IngestOptions {
	onProgress?: (progress: IngestProgress) => void;
	/** Called as each step of the load ends (read, stage, normalise, report, then total). */
	onTiming?: (timing: IngestTiming) => void;
	/** Checked between slices and phases; a cancelled load throws `IngestCancelled`. */
	signal?: AbortSignal;
	/** CSV slice size in bytes (default 8 MiB); tests use tiny slices to cross record boundaries. */
	sliceBytes?: number;
	/** 'YYYY-MM-DD' at which ages are computed when a source has a birth date but no age (default: today). */
	asOf?: string;
	/** The user's column choices per source; the one for the recognised source overrules the guesses. */
	mappings?: Partial<Record<SourceKind, SavedMapping>>;
	/** Where the register's regency comes from: detected from its village codes, or chosen by the user. */
	region?: RegencyChoice;
	/**
	 * Load even when more rows are left out than losses.ts allows (the user saw the count and accepted);
	 * otherwise such a load stops with `ingest.too_many_rejected` and the loaded register stays.
	 */
	acceptRejected?: boolean;
	/**
	 * Run every step of the load and swap nothing in: the tables are built under their own names
	 * (`rehearsalName`) and dropped at the end, the loaded register untouched. The first load of a page
	 * runs DuckDB's code for the first time, seconds slower than every later one; a rehearsal on a tiny
	 * register pays that before the user's file comes.
	 */
	rehearsal?: boolean;
}

/** Extra counts `ingestRegister` fills in (added after the first contract; always set by it). */
export interface IngestResult {
	/** Data rows that did not become a household or person (empty key, member without household). */
	rowsRejected?: number;
	/** Households whose village code is not in the reference (kept, counted apart). */
	unmatchedHouseholds?: number;
	/** Source values not in the code table (rows), per load; details in table `ingest_unknown_code`. */
	unknownValues?: number;
	/** Which file column fed which canonical field, and where that came from. */
	mapping?: LoadMapping;
	/** The register's regency, how it was decided, and the households of other regencies. */
	regency?: RegencyOutcome;
	/** The village reference the register was loaded against (its regency's). */
	reference?: Reference;
	/** Per file, in order: read by DuckDB from the file itself (`file`) or copied through JavaScript (`copy`). */
	readBy?: ('file' | 'copy')[];
}

/** A load stopped through `signal`. It is an IngestError, so the UI can show its message the same way. */
export class IngestCancelled extends IngestError {
	constructor(file: string) {
		super(coded('ingest.cancelled', { file }), file);
		this.name = 'IngestCancelled';
	}
}
