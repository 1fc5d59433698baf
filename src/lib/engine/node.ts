import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS, type Engine } from './types';
import { resultToArrow } from './node-arrow';
import { sqlString } from '../core/sql';
import { CodedError, coded } from '../core/messages';

/** DuckDB in Node for the CLI, the tests and the benchmark. Same SQL as the browser driver. */
export class NodeEngine implements Engine {
	readonly host = 'node' as const;

	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly connection: DuckDBConnection,
		private readonly fileDir: string
	) {}

	static async open(path = ':memory:'): Promise<NodeEngine> {
		const instance = await DuckDBInstance.create(path);
		const connection = await instance.connect();
		const fileDir = await mkdtemp(join(tmpdir(), 'tepat-duckdb-'));
		const engine = new NodeEngine(instance, connection, fileDir);
		for (const setting of OFFLINE_SETTINGS) await engine.exec(setting);
		// Registered files are read by plain name, as in duckdb-wasm's virtual file system.
		await engine.exec(`SET file_search_path = ${sqlString(fileDir)}`);
		return engine;
	}

	async query(sql: string): Promise<Table> {
		return resultToArrow(await this.connection.run(sql));
	}

	async exec(sql: string): Promise<void> {
		await this.connection.run(sql);
	}

	async registerFile(name: string, bytes: Uint8Array): Promise<void> {
		await writeFile(this.pathOf(name), bytes);
	}

	async dropFile(name: string): Promise<void> {
		await rm(this.pathOf(name), { force: true });
	}

	async createTableFromParquet(table: string, bytes: Uint8Array): Promise<number> {
		const name = `parquet-${Date.now()}-${Math.random().toString(36).slice(2)}.parquet`;
		await this.registerFile(name, bytes);
		try {
			await this.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_parquet(${sqlString(name)})`);
			const count = await this.query(`SELECT count(*)::INTEGER AS n FROM ${table}`);
			return Number(count.get(0)?.n ?? 0);
		} finally {
			await this.dropFile(name);
		}
	}

	async exportParquet(sql: string): Promise<Uint8Array> {
		const path = this.pathOf(`export-${Date.now()}-${Math.random().toString(36).slice(2)}.parquet`);
		try {
			await this.exec(`COPY (${sql}) TO ${sqlString(path)} (FORMAT parquet)`);
			return new Uint8Array(await readFile(path));
		} finally {
			await rm(path, { force: true });
		}
	}

	async interrupt(): Promise<void> {
		this.connection.interrupt();
	}

	async close(): Promise<void> {
		this.connection.closeSync();
		this.instance.closeSync();
		await rm(this.fileDir, { recursive: true, force: true });
	}

	private pathOf(name: string): string {
		if (name.includes('/') || name.includes('\\') || name.startsWith('.')) {
			throw new CodedError(coded('engine.bad_file_name', { name }));
		}
		return join(this.fileDir, name);
	}
}
