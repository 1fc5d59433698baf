/**
 * The records a village's field team still has to check (issue 13 point 5): people not yet checked,
 * people whose results conflict, and people the checks flagged: an error or warning of the load's
 * validation report, or a quality check (checks.ts), on the person or on their household. One row per person, with why, ordered by
 * village, household and person so a printed list reads house by house.
 */
import { sqlString } from '../sql';
import { findingFlagsSql } from './checks';

export const WORKLIST_REASONS = ['conflict', 'unchecked', 'finding'] as const;
export type WorklistReason = (typeof WORKLIST_REASONS)[number];

/** The worklist of one village (dotted code) or, without one, of every village. */
export function worklistSql(village?: string): string {
	const where = village === undefined ? '' : `AND h.village_kode = ${sqlString(village)}`;
	return `
WITH flags AS (${findingFlagsSql()}
),
person_findings AS (
	SELECT person_id, string_agg(DISTINCT code, ' ' ORDER BY code) AS codes
	FROM flags
	WHERE person_id IS NOT NULL
	GROUP BY person_id
),
household_findings AS (
	SELECT household_id, string_agg(DISTINCT code, ' ' ORDER BY code) AS codes
	FROM flags
	WHERE person_id IS NULL
	GROUP BY household_id
)
SELECT h.village_kode, v.nama AS village_nama, v.kecamatan_nama,
	h.household_id, h.kk, h.alamat, h.head_name,
	p.person_id, p.nik, p.name, p.relation, p.age,
	CASE
		WHEN vp.basis = 'conflict' THEN 'conflict'
		WHEN vp.basis = 'unchecked' THEN 'unchecked'
		ELSE 'finding'
	END AS reason,
	nullif(concat_ws(' ', pf.codes, hf.codes), '') AS findings
FROM person p
JOIN household h ON h.household_id = p.household_id
JOIN verval_person vp ON vp.person_id = p.person_id
LEFT JOIN village v ON v.kode = h.village_kode
LEFT JOIN person_findings pf ON pf.person_id = p.person_id
LEFT JOIN household_findings hf ON hf.household_id = p.household_id
WHERE (vp.basis IN ('conflict', 'unchecked') OR pf.codes IS NOT NULL OR hf.codes IS NOT NULL) ${where}
ORDER BY h.village_kode, h.household_id, p.source_row, p.person_id`.trim();
}
