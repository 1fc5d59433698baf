/**
 * Where the population queries read households and people from (issue 13 point 2). From the register
 * as loaded (`'register'`), or from the verified set (`'field'`): the same rows, with each verval
 * status replaced by the one field results resolved (resolve.ts), where a result resolved one. A
 * household or person without a resolved outcome (unchecked, or a conflict still open) keeps the
 * register's own status, so the plan's population filter decides for them as before. The register's
 * tables are never changed: its checksum and stored copy stay the register's.
 */
export type StatusSource = 'register' | 'field';

/** A relation with the household table's columns, for `FROM ${householdsFrom(source)} h`. */
export function householdsFrom(source: StatusSource): string {
	if (source === 'register') return 'household';
	return `(
	SELECT hr.* REPLACE (coalesce(vh.outcome, hr.verval_status) AS verval_status)
	FROM household hr
	LEFT JOIN verval_household vh ON vh.household_id = hr.household_id
)`;
}

/** A relation with the person table's columns, for `FROM ${peopleFrom(source)} p`. */
export function peopleFrom(source: StatusSource): string {
	if (source === 'register') return 'person';
	// A person reported as a new member stands as 'new_member', a proposal the plan's population
	// counts only when it lists that status (issue 13: funded only if the plan says so).
	return `(
	SELECT pr.* REPLACE (coalesce(vp.outcome, pr.verval_status) AS verval_status)
	FROM person pr
	LEFT JOIN verval_person vp ON vp.person_id = pr.person_id
)`;
}
