/**
 * DuckDB native in Node (@duckdb/node-api directly, no Engine layer and no Arrow conversion): the
 * ceiling for SQL like Tepat's on this machine. Load: the three Parquet files into tables; compute:
 * the plain workload SQL (sql.ts).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlString } from '../../src/lib/core/sql';
import { fundedListSql, villageTotalsSql } from './sql';
import type { Peer } from './types';
import type { VillageTotals } from './workload';

const num = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : Number(value ?? 0));

export const duckdbNative: Peer = {
	id: 'duckdb',
	label: 'DuckDB native (@duckdb/node-api 1.4.3)',
	async load(files) {
		const instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		for (const [table, path] of Object.entries(files)) {
			await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet(${sqlString(path)})`);
		}
		return {
			async compute(workload) {
				const totals = await connection.runAndReadAll(villageTotalsSql(workload));
				const villages = totals.getRowObjectsJS().map((r): VillageTotals => ({
					kode: String(r.kode),
					households: num(r.households),
					people: num(r.people),
					ats: num(r.ats),
					rtlh_roof: num(r.rtlh_roof)
				}));
				const funded = await connection.runAndReadAll(fundedListSql(workload));
				return { villages, funded: funded.getColumnsJS()[0]?.map(String) ?? [] };
			},
			async release() {
				connection.closeSync();
				instance.closeSync();
			}
		};
	}
};
