/** The village reference as DuckDB tables `village` and `kecamatan`. */
import type { Engine } from '../engine/types';
import type { Reference } from '../core/reference';
import { createTableSql } from '../core/catalog';
import { rowsOf } from '../core/rows';
import { sqlString, wrapLines } from '../core/sql';

const BATCH = 60;

/** Statements creating (or replacing) `villageTable` and `kecamatanTable` from the reference. */
export function referenceStatements(reference: Reference, villageTable = 'village', kecamatanTable = 'kecamatan'): string[] {
	const statements = [createTableSql('village', villageTable, 'replace'), createTableSql('kecamatan', kecamatanTable, 'replace')];
	const v = reference.villages;
	for (let i = 0; i < v.length; i += BATCH) {
		const values = v
			.slice(i, i + BATCH)
			.map((x) => `(${[x.kode, x.nama, x.jenis, x.kecamatan_kode, x.kecamatan_nama, x.zona].map(sqlString).join(', ')})`)
			.join(', ');
		statements.push(wrapLines(`INSERT INTO ${villageTable} VALUES ${values}`));
	}
	const k = reference.kecamatan;
	for (let i = 0; i < k.length; i += BATCH) {
		const values = k
			.slice(i, i + BATCH)
			.map((x) => `(${[x.kode, x.nama, x.zona].map(sqlString).join(', ')})`)
			.join(', ');
		statements.push(wrapLines(`INSERT INTO ${kecamatanTable} VALUES ${values}`));
	}
	return statements;
}

/**
 * Creates `village` and `kecamatan` from the reference, and empty canonical `household`, `person`
 * and `ingest_unknown_code` tables if none are loaded yet, so overview queries always run.
 */
export async function loadReference(engine: Engine, reference: Reference): Promise<void> {
	for (const statement of referenceStatements(reference)) await engine.exec(statement);
	await engine.exec(createTableSql('household', 'household', 'if_not_exists'));
	await engine.exec(createTableSql('person', 'person', 'if_not_exists'));
	await engine.exec(createTableSql('ingest_unknown_code', 'ingest_unknown_code', 'if_not_exists'));
	await engine.exec(createTableSql('register_region', 'register_region', 'if_not_exists'));
}

/**
 * The reference in DuckDB's `village` and `kecamatan` tables (the register's own, restored with it),
 * named `kabupaten`. The tables hold no attribution: the caller gives it.
 */
export async function referenceFromTables(
	engine: Engine,
	kabupaten: { kode: string; nama: string },
	attribution: string
): Promise<Reference> {
	const kecamatan = rowsOf(await engine.query('SELECT kode, nama, zona FROM kecamatan ORDER BY kode'), {
		kode: 'string',
		nama: 'string',
		zona: 'string'
	});
	const villages = rowsOf(await engine.query('SELECT kode, nama, jenis, kecamatan_kode, kecamatan_nama, zona FROM village ORDER BY kode'), {
		kode: 'string',
		nama: 'string',
		jenis: 'string',
		kecamatan_kode: 'string',
		kecamatan_nama: 'string',
		zona: 'string'
	}).map((v) => ({ ...v, jenis: v.jenis === 'kelurahan' ? ('kelurahan' as const) : ('desa' as const) }));
	return { kabupaten: { kode: kabupaten.kode, nama: kabupaten.nama }, kecamatan, villages, attribution };
}
