/**
 * SQLite in wasm (sql.js, bench-only devDependency): the Parquet files read to Arrow (parquet.ts) and
 * inserted row by row in one transaction (household_id the household table's primary key, as one would
 * declare it), then the same plain SQL as DuckDB native (sql.ts).
 */
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import type { Table } from 'apache-arrow';
import { parquetToArrow } from './parquet';
import { fundedListSql, villageTotalsSql } from './sql';
import type { Peer } from './types';
import type { VillageTotals } from './workload';

let sqlite: Promise<SqlJsStatic> | undefined;

const SCHEMA = [
	'CREATE TABLE household (household_id TEXT PRIMARY KEY, village_kode TEXT, desil INTEGER, verval_status TEXT, roof TEXT)',
	'CREATE TABLE person (person_id TEXT, household_id TEXT, age INTEGER, school_participation TEXT, certificate TEXT, verval_status TEXT)',
	'CREATE TABLE village (kode TEXT PRIMARY KEY)'
];

function insert(db: Database, name: string, table: Table): void {
	const columns = table.schema.fields.map((f) => f.name);
	const values = columns.map((c) => Array.from(table.getChild(c) ?? []) as SqlValue[]);
	const statement = db.prepare(`INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
	try {
		const row: SqlValue[] = new Array<SqlValue>(columns.length);
		for (let i = 0; i < table.numRows; i++) {
			for (let c = 0; c < columns.length; c++) row[c] = values[c]?.[i] ?? null;
			statement.run(row);
		}
	} finally {
		statement.free();
	}
}

function rows(db: Database, sql: string): SqlValue[][] {
	return db.exec(sql)[0]?.values ?? [];
}

export const sqliteWasm: Peer = {
	id: 'sqlite',
	label: 'SQLite in wasm (sql.js 1.17)',
	async load(files) {
		sqlite ??= initSqlJs();
		const SQL = await sqlite;
		const db = new SQL.Database();
		for (const statement of SCHEMA) db.run(statement);
		db.run('BEGIN');
		for (const [name, path] of Object.entries(files)) insert(db, name, await parquetToArrow(path));
		db.run('COMMIT');
		return {
			async compute(workload) {
				const villages = rows(db, villageTotalsSql(workload)).map(([kode, households, people, ats, rtlh_roof]): VillageTotals => ({
					kode: String(kode),
					households: Number(households),
					people: Number(people),
					ats: Number(ats),
					rtlh_roof: Number(rtlh_roof)
				}));
				return { villages, funded: rows(db, fundedListSql(workload)).map(([id]) => String(id)) };
			},
			async release() {
				db.close();
			}
		};
	}
};
