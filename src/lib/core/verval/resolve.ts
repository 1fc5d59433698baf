/**
 * One resolved verval status per register person and household, derived from the register, the field
 * results and the user's decisions (issue 13 point 2). The register is never changed: these tables sit
 * beside it and are rebuilt whenever a round is imported or a conflict decided.
 *
 * Rules:
 * - a result names its person by record id (the register's person id) when it has one, else by NIK;
 *   a result with neither, with an unrecognised answer, or naming no one, resolves nothing (it is
 *   listed by `unmatchedResultsSql`);
 * - only a person's latest round counts: a later round overrides an earlier one;
 * - two different outcomes for one person in one round are a conflict, unresolved (the person keeps
 *   the register's standing) until a later round or a decision for that round;
 * - a household is 'remove_proposed' when any member is found well-off, 'left' when every member left
 *   the verified set, 'conflict' when a member is in conflict, 'verified' when any member was found,
 *   else 'unchecked'; its `outcome` is the register status it stands for ('well_off'; the members'
 *   leaving outcome, the first by name when they differ; 'found'), NULL while unchecked or in conflict.
 */
import { createTableSql } from '../catalog';
import { OUTCOME_EFFECT, OUTCOMES, type OutcomeEffect } from './outcomes';

function outcomesWith(effect: OutcomeEffect): string {
	return OUTCOMES.filter((o) => OUTCOME_EFFECT[o] === effect)
		.map((o) => `'${o}'`)
		.join(', ');
}

/** Results matched to register people: by record id when the row has one, else by NIK. */
export function matchedSql(extra: readonly string[] = []): string {
	const columns = ['r.round', 'r.outcome', 'r.visit_date', ...extra].join(', ');
	return `
	SELECT p.person_id, p.household_id, ${columns}
	FROM verval_result r
	JOIN person p ON p.person_id = r.record_id
	WHERE r.outcome IS NOT NULL
	UNION ALL
	SELECT p.person_id, p.household_id, ${columns}
	FROM verval_result r
	JOIN person p ON p.nik = r.nik
	WHERE r.outcome IS NOT NULL AND r.record_id IS NULL`;
}

/** Statements that rebuild `target` (verval_person's columns) from person, verval_result and verval_decision. */
export function resolvePersonStatements(target = 'verval_person'): string[] {
	return [
		createTableSql('verval_person', target, 'replace'),
		`INSERT INTO ${target}
WITH matched AS (${matchedSql()}
),
latest AS (
	SELECT person_id, max(round) AS round FROM matched GROUP BY person_id
),
outcomes AS (
	SELECT m.person_id, m.round,
		count(DISTINCT m.outcome) AS outcomes,
		min(m.outcome) AS outcome,
		max(m.visit_date) AS visit_date
	FROM matched m
	JOIN latest l ON l.person_id = m.person_id AND l.round = m.round
	GROUP BY m.person_id, m.round
),
decided AS (
	SELECT o.person_id, o.round, o.visit_date,
		CASE WHEN d.outcome IS NOT NULL THEN d.outcome WHEN o.outcomes = 1 THEN o.outcome END AS outcome,
		CASE WHEN d.outcome IS NOT NULL THEN 'decision' WHEN o.outcomes = 1 THEN 'result' ELSE 'conflict' END AS basis
	FROM outcomes o
	LEFT JOIN verval_decision d ON d.person_id = o.person_id AND d.round = o.round
)
SELECT p.person_id, p.household_id, d.outcome, d.round, coalesce(d.basis, 'unchecked') AS basis, d.visit_date
FROM person p
LEFT JOIN decided d ON d.person_id = p.person_id`
	];
}

/** Statements that rebuild `target` (verval_household's columns) from household and verval_person. */
export function resolveHouseholdStatements(target = 'verval_household'): string[] {
	return [
		createTableSql('verval_household', target, 'replace'),
		`INSERT INTO ${target}
WITH members AS (
	SELECT household_id,
		count(*) AS people,
		count(outcome) AS checked,
		count(*) FILTER (WHERE outcome IN (${outcomesWith('leave')})) AS left_set,
		count(*) FILTER (WHERE outcome IN (${outcomesWith('remove_proposed')})) AS well_off,
		count(*) FILTER (WHERE outcome IN (${outcomesWith('keep')})) AS found,
		count(*) FILTER (WHERE basis = 'conflict') AS conflicts,
		min(outcome) FILTER (WHERE outcome IN (${outcomesWith('leave')})) AS left_outcome
	FROM verval_person
	GROUP BY household_id
)
SELECT h.household_id,
	CASE
		WHEN m.well_off > 0 THEN 'remove_proposed'
		WHEN m.people > 0 AND m.left_set = m.people THEN 'left'
		WHEN m.conflicts > 0 THEN 'conflict'
		WHEN m.found > 0 THEN 'verified'
		ELSE 'unchecked'
	END AS status,
	CASE
		WHEN m.well_off > 0 THEN 'well_off'
		WHEN m.people > 0 AND m.left_set = m.people THEN m.left_outcome
		WHEN m.conflicts > 0 THEN NULL
		WHEN m.found > 0 THEN 'found'
	END AS outcome,
	coalesce(m.checked, 0) AS checked,
	coalesce(m.left_set, 0) AS "left",
	coalesce(m.conflicts, 0) AS conflicts
FROM household h
LEFT JOIN members m ON m.household_id = h.household_id`
	];
}

/**
 * Results that resolve nobody, with why: 'no_person' (neither NIK nor record id), 'unknown_person'
 * (no register person has it: a typo or a new member), 'unread_answer' (the status was not recognised).
 */
export function unmatchedResultsSql(): string {
	return `
SELECT r.round, r.source_file, r.source_row, r.nik, r.record_id, r.outcome, r.answer, r.name,
	CASE
		WHEN r.nik IS NULL AND r.record_id IS NULL THEN 'no_person'
		WHEN r.outcome IS NULL THEN 'unread_answer'
		ELSE 'unknown_person'
	END AS reason
FROM verval_result r
WHERE r.outcome IS NULL
	OR (r.nik IS NULL AND r.record_id IS NULL)
	OR (r.record_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.person_id = r.record_id))
	OR (r.record_id IS NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = r.nik))
ORDER BY r.round, r.source_file, r.source_row`.trim();
}

/** Same-round conflicts still unresolved: one row per person and outcome found, with the rows behind it. */
export function conflictsSql(): string {
	return `
WITH open AS (
	SELECT person_id, round FROM verval_person WHERE basis = 'conflict'
),
matched AS (${matchedSql(['r.source_file', 'r.source_row', 'r.officer'])}
)
SELECT m.person_id, m.household_id, m.round, m.outcome,
	string_agg(m.source_file || ':' || m.source_row, ', ' ORDER BY m.source_file, m.source_row) AS rows,
	string_agg(DISTINCT m.officer, ', ') AS officers
FROM matched m
JOIN open o ON o.person_id = m.person_id AND o.round = m.round
GROUP BY m.person_id, m.household_id, m.round, m.outcome
ORDER BY m.person_id, m.outcome`.trim();
}
