/** The public surface of ingest, shared by the browser (Data screen), the CLI and the tests. */

/** A file's bytes, read in slices so a large file never has to sit in memory twice. */
export interface ByteSource {
	/** The file name as the user knows it; every message names it. */
	readonly name: string;
	readonly size: number;
	read(start: number, end: number): Promise<Uint8Array>;
}

export type SourceKind = 'dtsen' | 'bdt' | 'p3ke';

export interface IngestProgress {
	phase: 'read' | 'normalise' | 'done';
	file: string;
	rowsRead: number;
	bytesRead: number;
	bytesTotal: number;
}

export interface IngestResult {
	source: SourceKind;
	files: string[];
	rowsRead: number;
	households: number;
	people: number;
}

/** A load that cannot go on. The message is in Bahasa Indonesia and names the file, row and column where known. */
export class IngestError extends Error {
	constructor(
		message: string,
		readonly file: string,
		readonly row?: number,
		readonly column?: string
	) {
		super(message);
		this.name = 'IngestError';
	}
}
