/** Messages between the page and parquet.worker.ts. */

/** Rows per Arrow record batch when decoding: large batches insert into DuckDB much faster than 1024. */
export const PARQUET_BATCH_ROWS = 65_536;

export interface ParquetRequest {
	id: number;
	/** Parquet → Arrow IPC stream, or Arrow IPC stream → Parquet (Zstd). */
	op: 'parquet-to-ipc' | 'ipc-to-parquet';
	bytes: Uint8Array;
}

export type ParquetResponse = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };
