/**
 * Parquet → Arrow for the peers that do not read Parquet themselves (Arquero, SQLite, the plain loops):
 * parquet-wasm (already a dependency, Node build) decodes the file to Arrow IPC bytes, as a data team
 * working in JavaScript would.
 */
import { readFile } from 'node:fs/promises';
import { readParquet } from 'parquet-wasm';
import { tableFromIPC, type Table } from 'apache-arrow';

/** The file as Arrow IPC stream bytes. */
export async function parquetToIpc(path: string): Promise<Uint8Array> {
	const table = readParquet(new Uint8Array(await readFile(path)));
	try {
		return table.intoIPCStream();
	} catch (error) {
		table.free();
		throw error;
	}
}

/** The file as an apache-arrow Table. */
export async function parquetToArrow(path: string): Promise<Table> {
	return tableFromIPC(await parquetToIpc(path));
}
