/**
 * Quality checks on the loaded register that the field check should settle (issue 13 point 4), beside
 * the ones every load already makes (core/nik.ts: NIK/KK digits, region, embedded date, Excel damage;
 * ingest/duplicates.ts: repeated families and people). These read the canonical tables, so they run
 * on any register, and flag only: nothing is removed.
 *
 * - nik_birth_mismatch: the birth date inside the NIK (DDMMYY, women's day + 40) is a real date but is
 *   not the person's birth date;
 * - size_mismatch: the household's declared member count is not its member rows;
 * - no_head / two_heads: a household with members has no head, or more than one;
 * - head_too_young: a head under 10;
 * - child_older_than_head / parent_younger_than_head: ages impossible for the relation;
 * - out_of_regency_candidate: both NIK and KK were issued in another regency and the household has no
 *   address in this one (its village is not in the regency's reference, or it has no address). The NIK
 *   prefix is where it was issued, not where the person lives, so this is a candidate to check.
 */
export const QUALITY_CHECKS = [
	'nik_birth_mismatch',
	'size_mismatch',
	'no_head',
	'two_heads',
	'head_too_young',
	'child_older_than_head',
	'parent_younger_than_head',
	'out_of_regency_candidate'
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

/** Youngest age at which a head of household is plausible. */
export const YOUNGEST_HEAD = 10;

const SIXTEEN = `'^[0-9]{16}$'`;

/**
 * One row per finding: check, household, person (NULL for a household check), village, and the value
 * that raised it (as text). The regency's code is read from `register_region`.
 */
export function qualityChecksSql(): string {
	return `
WITH heads AS (
	SELECT household_id,
		count(*) FILTER (WHERE relation = 'head') AS heads,
		max(age) FILTER (WHERE relation = 'head') AS head_age
	FROM person
	GROUP BY household_id
),
regency AS (
	SELECT replace(kode, '.', '') AS prefix FROM register_region LIMIT 1
),
nik_dates AS (
	-- DDMMYY of the NIK with a woman's day brought back (45 → 05); compared as text: no century guessed.
	SELECT household_id, person_id, nik, birth_date,
		lpad(CAST(TRY_CAST(substr(nik, 7, 2) AS INTEGER) % 40 AS VARCHAR), 2, '0') || substr(nik, 9, 4) AS nik_dmy
	FROM person
	WHERE birth_date IS NOT NULL AND regexp_matches(nik, ${SIXTEEN})
),
person_checks AS (
	SELECT 'nik_birth_mismatch' AS "check", household_id, person_id,
		nik || ' / ' || strftime(birth_date, '%Y-%m-%d') AS value
	FROM nik_dates
	WHERE try_strptime(nik_dmy, '%d%m%y') IS NOT NULL AND nik_dmy <> strftime(birth_date, '%d%m%y')
	UNION ALL
	SELECT 'head_too_young', p.household_id, p.person_id, CAST(p.age AS VARCHAR)
	FROM person p
	WHERE p.relation = 'head' AND p.age < ${YOUNGEST_HEAD}
	UNION ALL
	SELECT 'child_older_than_head', p.household_id, p.person_id, p.age || ' / ' || hd.head_age
	FROM person p
	JOIN heads hd ON hd.household_id = p.household_id
	WHERE p.relation = 'child' AND hd.heads = 1 AND p.age >= hd.head_age
	UNION ALL
	SELECT 'parent_younger_than_head', p.household_id, p.person_id, p.age || ' / ' || hd.head_age
	FROM person p
	JOIN heads hd ON hd.household_id = p.household_id
	WHERE p.relation = 'parent' AND hd.heads = 1 AND p.age <= hd.head_age
	UNION ALL
	SELECT 'out_of_regency_candidate', p.household_id, p.person_id, substr(p.nik, 1, 4) || ' / ' || substr(p.kk, 1, 4)
	FROM person p
	JOIN household h ON h.household_id = p.household_id
	CROSS JOIN regency r
	WHERE regexp_matches(p.nik, ${SIXTEEN}) AND regexp_matches(p.kk, ${SIXTEEN})
		AND substr(p.nik, 1, 4) <> r.prefix AND substr(p.kk, 1, 4) <> r.prefix
		AND (nullif(trim(h.alamat), '') IS NULL OR h.village_kode NOT IN (SELECT kode FROM village))
),
household_checks AS (
	SELECT 'size_mismatch' AS "check", h.household_id, NULL AS person_id, h.members_declared || ' / ' || h.members AS value
	FROM household h
	WHERE h.members_declared IS NOT NULL AND h.members_declared <> h.members
	UNION ALL
	SELECT 'no_head', h.household_id, NULL, CAST(h.members AS VARCHAR)
	FROM household h
	JOIN heads hd ON hd.household_id = h.household_id
	WHERE hd.heads = 0
	UNION ALL
	SELECT 'two_heads', h.household_id, NULL, CAST(hd.heads AS VARCHAR)
	FROM household h
	JOIN heads hd ON hd.household_id = h.household_id
	WHERE hd.heads > 1
)
SELECT c."check", c.household_id, c.person_id, h.village_kode, c.value
FROM (SELECT * FROM person_checks UNION ALL SELECT * FROM household_checks) c
JOIN household h ON h.household_id = c.household_id
ORDER BY h.village_kode, c.household_id, c."check", c.person_id`.trim();
}

/**
 * Every flag a field team should look at, one row per household or person and code: the load's report
 * (errors and warnings on a household or person: NIK/KK damage, duplicates, villages not found) and
 * the quality checks above.
 */
export function findingFlagsSql(): string {
	return `
SELECT household_id, person_id, code
FROM ingest_report
WHERE household_id IS NOT NULL AND severity IN ('error', 'warning')
UNION ALL
SELECT household_id, person_id, "check" AS code
FROM (${qualityChecksSql()})`.trim();
}

/** Findings per village and code (a quality check or a report code): what the verval screen and the camat's report show. */
export function qualityCountsSql(): string {
	return `
SELECT h.village_kode, f.code AS "check", count(*) AS findings
FROM (${findingFlagsSql()}) f
LEFT JOIN household h ON h.household_id = f.household_id
GROUP BY h.village_kode, f.code
ORDER BY h.village_kode, f.code`.trim();
}
