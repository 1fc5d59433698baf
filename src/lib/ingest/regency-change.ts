/**
 * Changing the regency of the register already loaded (issue 11 point 1: "the user can change it"),
 * without its files: the `village` and `kecamatan` tables are replaced by the chosen regency's, the
 * households keep their village codes, and the report's regency findings are written again.
 *
 * One exception to "households keep their codes": when the register's codes carried no province and
 * regency part (basis 'kept', e.g. kecamatan + desa parts only), Tepat filled in the regency in use at
 * load time. Those prefixes were Tepat's guess, not the register's, so they move to the chosen regency
 * (`64.02.06.2001` → `64.03.06.2001`). A household whose village was found by name keeps the code of the
 * village it matched, re-prefixed the same way (names are matched again only by loading the files).
 *
 * Everything is swapped in one transaction: a failure leaves the register and its regency as they were.
 */
import type { Reference } from '../core/reference';
import { sqlString } from '../core/sql';
import { jsonConstSql, jsonNumberSql, jsonObjectSql, jsonTextSql } from '../core/sql-json';
import type { Engine } from '../engine/types';
import { referenceStatements } from './reference';
import type { RegencyOutcome } from './regency';
import { REPORT_TABLE, otherRegencyNameSql } from './report-sql';

/** The register's regency as the app keeps it with the register (stored with the register info). */
export interface RegisterRegency extends RegencyOutcome {
	/**
	 * The register's codes named no regency and Tepat filled in this regency's prefix (a load with basis
	 * 'kept'); a change of regency moves those prefixes with it.
	 */
	filled: boolean;
}

/** The regency of a load, as kept with its register. */
export function registerRegency(outcome: RegencyOutcome): RegisterRegency {
	return { ...outcome, filled: outcome.basis === 'kept' };
}

/** `{ kode, nama }` of a regency (the reference's kabupaten). */
export interface RegencyName {
	kode: string;
	nama: string;
}

/**
 * The register's regency after the user chose `to`: how many households' codes name it, from the
 * votes of the load (the register's own codes, not the prefixes Tepat filled in).
 */
export function chosenRegency(from: RegisterRegency, to: RegencyName): RegisterRegency {
	const votes = new Map<string, { nama: string | null; households: number }>();
	if (from.households > 0) votes.set(from.kode, { nama: from.nama, households: from.households });
	for (const o of from.others) votes.set(o.kode, { nama: o.nama, households: o.households });
	return {
		kode: to.kode,
		nama: to.nama,
		basis: 'chosen',
		households: votes.get(to.kode)?.households ?? 0,
		voting: from.voting,
		others: [...votes]
			.filter(([kode, v]) => kode !== to.kode && v.households > 0)
			.map(([kode, v]) => ({ kode, nama: v.nama, households: v.households }))
			.sort((a, b) => b.households - a.households || a.kode.localeCompare(b.kode)),
		filled: from.filled
	};
}

const REGENCY_CODE = /^\d{2}\.\d{2}$/;

/** The report findings a change of regency makes stale, and writes again. */
export const REGENCY_FINDINGS = ['regency', 'other_regency', 'village_not_in_reference'] as const;

/**
 * Statements that put the regency `to` (its reference) under the loaded register, kept as `from`.
 * Run them in one transaction (`changeRegency` does). `reportTable` exists when the register has a
 * report (a load in this browser or the stored copy); pass null when it has none.
 */
export function regencyChangeStatements(
	from: RegisterRegency,
	to: Reference,
	next: RegisterRegency,
	reportTable: string | null = REPORT_TABLE
): string[] {
	const oldKode = from.kode;
	const newKode = to.kabupaten.kode;
	if (!REGENCY_CODE.test(oldKode) || !REGENCY_CODE.test(newKode)) throw new Error(`bad regency code ${oldKode} → ${newKode}`);
	const statements = referenceStatements(to, 'village_change', 'kecamatan_change');
	statements.push(
		'DROP TABLE IF EXISTS village',
		'DROP TABLE IF EXISTS kecamatan',
		'ALTER TABLE village_change RENAME TO village',
		'ALTER TABLE kecamatan_change RENAME TO kecamatan'
	);
	if (from.filled && oldKode !== newKode) {
		statements.push(
			`UPDATE household SET village_kode = ${sqlString(newKode)} || substr(village_kode, 6) ` +
				`WHERE starts_with(village_kode, ${sqlString(`${oldKode}.`)})`
		);
	}
	if (reportTable) statements.push(...regencyFindingsStatements(next, reportTable));
	return statements;
}

/**
 * The regency, other-regency and village-not-in-reference findings, written again from the loaded rows.
 * Their params say `afterChange`: the words then give no first row and no sheet row (the rows are counted
 * over the loaded households, not read from the file).
 */
function regencyFindingsStatements(r: RegisterRegency, target: string): string[] {
	const insert = (select: string) =>
		`INSERT INTO ${target} (severity, code, source_file, source_row, source_column, value, rows, household_id, person_id, params) ${select}`;
	const others = r.others.map((o) => sqlString(o.kode)).join(', ');
	const file = `(SELECT min(source_file) FROM household)`;
	const afterChange = { afterChange: jsonConstSql(true), region: jsonConstSql(r.nama), people: jsonNumberSql('sum(members)') };
	const statements = [
		`DELETE FROM ${target} WHERE code IN (${REGENCY_FINDINGS.map(sqlString).join(', ')})`,
		insert(
			`SELECT 'info', 'regency', ${file}, NULL, NULL, ${sqlString(r.kode)}, ${r.households}, NULL, NULL, ` +
				jsonObjectSql({ basis: jsonConstSql('changed'), name: jsonConstSql(r.nama), voting: jsonConstSql(r.voting) })
		)
	];
	if (r.others.length > 0) {
		const params = jsonObjectSql({ ...afterChange, name: jsonTextSql(otherRegencyNameSql(r.others)) });
		statements.push(
			insert(
				`SELECT 'warning', 'other_regency', min(source_file), min(source_row), NULL, left(village_kode, 5), count(*), NULL, NULL, ${params} ` +
					`FROM household WHERE left(coalesce(village_kode, ''), 5) IN (${others}) GROUP BY left(village_kode, 5) ORDER BY count(*) DESC`
			)
		);
	}
	statements.push(
		insert(
			`SELECT 'warning', 'village_not_in_reference', min(source_file), min(source_row), NULL, village_kode, count(*), NULL, NULL, ` +
				`${jsonObjectSql({ ...afterChange, households: jsonNumberSql('count(*)') })} ` +
				`FROM household WHERE (village_kode IS NULL OR village_kode NOT IN (SELECT kode FROM village)) ` +
				(others ? `AND left(coalesce(village_kode, ''), 5) NOT IN (${others}) ` : '') +
				`GROUP BY village_kode ORDER BY min(source_row)`
		)
	);
	return statements;
}

async function tableExists(engine: Engine, table: string): Promise<boolean> {
	const result = await engine.query(`SELECT count(*)::BIGINT AS n FROM information_schema.tables WHERE table_name = ${sqlString(table)}`);
	return Number(result.get(0)?.n ?? 0) > 0;
}

/**
 * Puts regency `to` under the loaded register (see the module comment); answers the regency to keep
 * with the register. All or nothing: on a failure the tables are as they were.
 */
export async function changeRegency(engine: Engine, from: RegisterRegency, to: Reference): Promise<RegisterRegency> {
	const next = chosenRegency(from, to.kabupaten);
	const report = (await tableExists(engine, REPORT_TABLE)) ? REPORT_TABLE : null;
	const statements = regencyChangeStatements(from, to, next, report);
	await engine.exec('BEGIN TRANSACTION');
	try {
		for (const statement of statements) await engine.exec(statement);
		await engine.exec('COMMIT');
	} catch (error) {
		await engine.exec('ROLLBACK');
		throw error;
	}
	return next;
}
