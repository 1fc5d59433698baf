/** Messages between the page and parquet.worker.ts. */

/** Rows per Arrow record batch when decoding: large batches insert into DuckDB much faster than 1024. */
export const PARQUET_BATCH_ROWS = 65_536;

export type ParquetRequest =
	/** Parquet → Arrow IPC stream, or Arrow IPC stream → Parquet (Zstd). */
	| { id: number; op: 'parquet-to-ipc' | 'ipc-to-parquet'; bytes: Uint8Array }
	/** Opens a File for reading in record batches; the stream is known by this request's id. */
	| { id: number; op: 'batches-open'; file: Blob }
	/** The stream's next record batch as an Arrow IPC stream; null bytes at its end. */
	| { id: number; op: 'batches-next'; stream: number }
	| { id: number; op: 'batches-close'; stream: number };

export type ParquetResponse =
	{ id: number; ok: true; bytes: Uint8Array | null; rows?: number } | { id: number; ok: false; message: string };
