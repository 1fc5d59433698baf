/**
 * The workload written once in plain SQL that both SQLite and DuckDB run (no count_if, no casts, no
 * DuckDB-only syntax): what a data team would write by hand against the three tables. Tepat's own SQL
 * (src/lib/core) is the reference it is checked against, never this text.
 */
import { sqlList, sqlString } from '../../src/lib/core/sql';
import type { Workload } from './workload';

function inList(column: string, values: readonly string[]): string {
	return values.length === 0 ? '0 = 1' : `${column} IN (${sqlList(values)})`;
}

/** Conditions over household `h` and person `p`. */
function conditions(w: Workload) {
	const householdInPopulation = `(h.desil IS NULL OR h.desil BETWEEN ${w.desilMin} AND ${w.desilMax}) AND (h.verval_status IS NULL OR ${inList('h.verval_status', w.validVerval)})`;
	const personValid = `(p.verval_status IS NULL OR ${inList('p.verval_status', w.validVerval)})`;
	const schoolAge = `(${w.schoolAges.map((b) => `p.age BETWEEN ${b.min} AND ${b.max}`).join(' OR ')})`;
	const ats = `(${schoolAge} AND ${inList('p.school_participation', w.outOfSchool)} AND (p.certificate IS NULL OR NOT ${inList('p.certificate', w.smaCertificates)}))`;
	const pip = `(${ats} OR (${schoolAge} AND p.school_participation = '${w.inSchool}'))`;
	return { householdInPopulation, personValid, ats, pip, roofUnfit: inList('h.roof', w.unfitRoof) };
}

/** One row per reference village ordered by code: kode, households, people, ats, rtlh_roof. */
export function villageTotalsSql(w: Workload): string {
	const c = conditions(w);
	return `WITH hh AS (
  SELECT village_kode, COUNT(*) AS households FROM household GROUP BY village_kode
), pp AS (
  SELECT h.village_kode, COUNT(*) AS people
  FROM person p JOIN household h ON h.household_id = p.household_id
  GROUP BY h.village_kode
), hv AS (
  SELECT h.village_kode, SUM(CASE WHEN ${c.roofUnfit} THEN 1 ELSE 0 END) AS rtlh_roof
  FROM household h WHERE ${c.householdInPopulation}
  GROUP BY h.village_kode
), pv AS (
  SELECT h.village_kode, SUM(CASE WHEN ${c.ats} THEN 1 ELSE 0 END) AS ats
  FROM person p JOIN household h ON h.household_id = p.household_id
  WHERE ${c.householdInPopulation} AND ${c.personValid}
  GROUP BY h.village_kode
)
SELECT v.kode,
  COALESCE(hh.households, 0) AS households,
  COALESCE(pp.people, 0) AS people,
  COALESCE(pv.ats, 0) AS ats,
  COALESCE(hv.rtlh_roof, 0) AS rtlh_roof
FROM village v
LEFT JOIN hh ON hh.village_kode = v.kode
LEFT JOIN pp ON pp.village_kode = v.kode
LEFT JOIN pv ON pv.village_kode = v.kode
LEFT JOIN hv ON hv.village_kode = v.kode
ORDER BY v.kode`;
}

/** The funded PIP list: person ids in rank order, the first `budget` candidates (one unit each). */
export function fundedListSql(w: Workload): string {
	const c = conditions(w);
	return `SELECT p.person_id
FROM person p
JOIN household h ON h.household_id = p.household_id
JOIN village v ON v.kode = h.village_kode
WHERE ${c.householdInPopulation} AND ${c.personValid} AND ${c.pip}
ORDER BY h.desil ASC NULLS LAST, h.household_id ASC, p.person_id ASC
LIMIT ${Math.floor(w.budget)}`;
}

/**
 * DuckDB native's load of a flat register file, the reference of the load targets: the whole file into
 * a table with DuckDB's own type detection, as a data team would write it.
 */
export function nativeLoadSql(path: string): string {
	const reader = path.endsWith('.parquet') ? 'read_parquet' : 'read_csv';
	return `CREATE TABLE register AS SELECT * FROM ${reader}(${sqlString(path)})`;
}

/** The overview's group-by on the flat table: families and people per kecamatan and per village. */
export const NATIVE_OVERVIEW_SQL = [
	`SELECT kode_kecamatan, COUNT(DISTINCT nomor_kartu_keluarga) AS households, COUNT(*) AS people
FROM register GROUP BY kode_kecamatan ORDER BY kode_kecamatan`,
	`SELECT kode_kelurahan_desa, COUNT(DISTINCT nomor_kartu_keluarga) AS households, COUNT(*) AS people
FROM register GROUP BY kode_kelurahan_desa ORDER BY kode_kelurahan_desa`
] as const;

export const NATIVE_COUNT_SQL = 'SELECT COUNT(*) AS people FROM register';
