/**
 * Verval progress per village (issue 13 point 3): what the camat reports each week. Read from the
 * resolved tables (resolve.ts), every village of the regency's reference, the ones without records too.
 * Kecamatan figures are sums of their villages' (`kecamatanProgressSql`), so the two never disagree.
 */
import { OUTCOMES } from './outcomes';

/** The person counts per outcome, one column each (`found`, `not_found` …). */
const OUTCOME_COLUMNS = OUTCOMES.map((o) => `count(*) FILTER (WHERE vp.outcome = '${o}') AS ${o}`);

export const PROGRESS_COUNT_COLUMNS = ['households', 'households_checked', 'people', 'people_checked', 'conflicts', ...OUTCOMES] as const;

/**
 * One row per reference village: households and people, how many are checked (a resolved outcome; a
 * household with any member resolved), open conflicts, people per outcome, and the latest round and
 * visit date.
 */
export function villageProgressSql(): string {
	return `
WITH people AS (
	SELECT p.household_id,
		count(*) AS people,
		count(vp.outcome) AS people_checked,
		count(*) FILTER (WHERE vp.basis = 'conflict') AS conflicts,
		${OUTCOME_COLUMNS.join(',\n\t\t')},
		max(vp.round) AS last_round,
		max(vp.visit_date) AS last_visit
	FROM person p
	JOIN verval_person vp ON vp.person_id = p.person_id
	GROUP BY p.household_id
),
households AS (
	SELECT h.village_kode,
		count(*) AS households,
		count(*) FILTER (WHERE vh.checked > 0) AS households_checked,
		coalesce(sum(pe.people), 0) AS people,
		coalesce(sum(pe.people_checked), 0) AS people_checked,
		coalesce(sum(pe.conflicts), 0) AS conflicts,
		${OUTCOMES.map((o) => `coalesce(sum(pe.${o}), 0) AS ${o}`).join(',\n\t\t')},
		max(pe.last_round) AS last_round,
		max(pe.last_visit) AS last_visit
	FROM household h
	JOIN verval_household vh ON vh.household_id = h.household_id
	LEFT JOIN people pe ON pe.household_id = h.household_id
	GROUP BY h.village_kode
)
SELECT v.kode AS village_kode, v.nama AS village_nama, v.kecamatan_kode, v.kecamatan_nama,
	${PROGRESS_COUNT_COLUMNS.map((c) => `CAST(coalesce(hh.${c}, 0) AS BIGINT) AS ${c}`).join(',\n\t')},
	hh.last_round,
	hh.last_visit
FROM village v
LEFT JOIN households hh ON hh.village_kode = v.kode
ORDER BY v.kecamatan_kode, v.kode`.trim();
}

/** One row per kecamatan of the reference: the sums of its villages. */
export function kecamatanProgressSql(): string {
	return `
WITH villages AS (${villageProgressSql()})
SELECT kecamatan_kode, any_value(kecamatan_nama) AS kecamatan_nama,
	${PROGRESS_COUNT_COLUMNS.map((c) => `CAST(sum(${c}) AS BIGINT) AS ${c}`).join(',\n\t')},
	max(last_round) AS last_round,
	max(last_visit) AS last_visit
FROM villages
GROUP BY kecamatan_kode
ORDER BY kecamatan_kode`.trim();
}
