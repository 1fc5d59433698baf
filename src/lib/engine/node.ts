import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';
import {
	Bool,
	DateDay,
	Float64,
	Int32,
	Int64,
	Table,
	TimestampMillisecond,
	Utf8,
	vectorFromArray,
	type DataType,
	type Vector
} from 'apache-arrow';
import { OFFLINE_SETTINGS, type Engine } from './types';
import { sqlString } from '../core/sql';
import { CodedError, coded } from '../core/messages';

/** Arrow types chosen to match what duckdb-wasm hands back for the same DuckDB type. */
function arrowTypeFor(typeId: DuckDBTypeId): DataType {
	switch (typeId) {
		case DuckDBTypeId.BOOLEAN:
			return new Bool();
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
			return new Int32();
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UINTEGER:
		case DuckDBTypeId.UBIGINT:
			return new Int64();
		case DuckDBTypeId.FLOAT:
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.DECIMAL:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
			return new Float64();
		case DuckDBTypeId.DATE:
			return new DateDay();
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_MS:
		case DuckDBTypeId.TIMESTAMP_S:
		case DuckDBTypeId.TIMESTAMP_NS:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return new TimestampMillisecond();
		default:
			return new Utf8();
	}
}

function toArrowValue(value: unknown, type: DataType): unknown {
	if (value === null || value === undefined) return null;
	if (type instanceof Int32) return Number(value);
	if (type instanceof Int64) return typeof value === 'bigint' ? value : BigInt(value as number);
	if (type instanceof Float64) return Number(value);
	if (type instanceof Bool) return Boolean(value);
	if (type instanceof DateDay || type instanceof TimestampMillisecond) {
		return value instanceof Date ? value : new Date(String(value));
	}
	return typeof value === 'string' ? value : String(value);
}

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
		const reader = await this.connection.runAndReadAll(sql);
		const names = reader.deduplicatedColumnNames();
		const columns = reader.getColumnsJS();
		const vectors: Record<string, Vector> = {};
		names.forEach((name, index) => {
			const type = arrowTypeFor(reader.columnTypeId(index));
			const values = (columns[index] ?? []).map((value) => toArrowValue(value, type));
			vectors[name] = vectorFromArray(values, type);
		});
		return new Table(vectors);
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
