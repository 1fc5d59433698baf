/**
 * Verval progress per village (issue 13 point 3): what the camat reports each week. Read from the
 * resolved tables (resolve.ts), every village of the regency's reference, the ones without records too.
 * Kecamatan figures are sums of their villages' (`kecamatanProgressSql`), so the two never disagree.
 */
import { OUTCOMES } from './outcomes';
import { matchedSql } from './resolve';

/** The person counts per outcome, one column each (`found`, `not_found` …). */
const OUTCOME_COLUMNS = OUTCOMES.map((o) => `count(*) FILTER (WHERE vp.outcome = '${o}') AS ${o}`);

export const PROGRESS_COUNT_COLUMNS = [
	'households',
	'households_checked',
	'people',
	'people_checked',
	'conflicts',
	...OUTCOMES,
	'proposals'
] as const;

/**
 * The village a result row names, as a reference village code: by code (dotted or not), else by a
 * name only one village of the regency bears.
 */
function resultVillageSql(): string {
	return `
	SELECT r.round, r.source_file, r.source_row, coalesce(vc.kode, vn.kode) AS village_kode
	FROM verval_result r
	LEFT JOIN village vc ON replace(vc.kode, '.', '') = replace(r.village, '.', '')
	LEFT JOIN (
		SELECT lower(nama) AS nama, any_value(kode) AS kode FROM village GROUP BY 1 HAVING count(*) = 1
	) vn ON vn.nama = lower(trim(r.village))`;
}

/**
 * Proposals per village: result rows reporting a new member (or an usulan baru household) for a NIK
 * or record id the register does not have. They are not register people, so they are counted apart.
 */
function proposalsSql(): string {
	return `
	SELECT rv.village_kode, count(*) AS proposals
	FROM verval_result r
	JOIN (${resultVillageSql()}
	) rv ON rv.round = r.round AND rv.source_file = r.source_file AND rv.source_row = r.source_row
	WHERE r.outcome = 'new_member'
		AND NOT EXISTS (SELECT 1 FROM person p WHERE p.person_id = r.record_id OR (r.record_id IS NULL AND p.nik = r.nik))
		AND rv.village_kode IS NOT NULL
	GROUP BY rv.village_kode`;
}

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
),
proposals AS (${proposalsSql()}
)
SELECT v.kode AS village_kode, v.nama AS village_nama, v.kecamatan_kode, v.kecamatan_nama,
	${PROGRESS_COUNT_COLUMNS.map((c) => (c === 'proposals' ? 'CAST(coalesce(pr.proposals, 0) AS BIGINT) AS proposals' : `CAST(coalesce(hh.${c}, 0) AS BIGINT) AS ${c}`)).join(',\n\t')},
	hh.last_round,
	hh.last_visit
FROM village v
LEFT JOIN households hh ON hh.village_kode = v.kode
LEFT JOIN proposals pr ON pr.village_kode = v.kode
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

/**
 * Progress over time (issue 13 point 3): for each imported round and kecamatan, the register people
 * with a recognised result in that round or an earlier one (a person in conflict counts as visited),
 * and the round's latest visit date. One point per round, so the chart shows the camat's weeks.
 */
export function roundProgressSql(): string {
	return `
WITH matched AS (${matchedSql()}
),
first_seen AS (
	SELECT person_id, household_id, min(round) AS round FROM matched GROUP BY person_id, household_id
),
placed AS (
	SELECT f.round, v.kecamatan_kode, count(*) AS people
	FROM first_seen f
	JOIN household h ON h.household_id = f.household_id
	JOIN village v ON v.kode = h.village_kode
	GROUP BY f.round, v.kecamatan_kode
),
rounds AS (
	SELECT round, max(visit_date) AS last_visit FROM verval_result GROUP BY round
),
grid AS (
	SELECT r.round, r.last_visit, k.kecamatan_kode
	FROM rounds r
	CROSS JOIN (SELECT DISTINCT kecamatan_kode FROM village) k
)
SELECT g.round, g.last_visit, g.kecamatan_kode,
	CAST(sum(coalesce(pl.people, 0)) OVER (PARTITION BY g.kecamatan_kode ORDER BY g.round) AS BIGINT) AS people_visited
FROM grid g
LEFT JOIN placed pl ON pl.round = g.round AND pl.kecamatan_kode = g.kecamatan_kode
ORDER BY g.round, g.kecamatan_kode`.trim();
}
