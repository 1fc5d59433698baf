/**
 * The whole plan's allocation as a list of statements: the overrides into a table (lists belong in
 * tables, not in SQL text), then every enabled programme into `allocation`. Housing programmes run in
 * HOUSING_PROGRAMMES order and each skips households an earlier one funded, so no household gets two.
 */
import { HOUSING_PROGRAMMES, PROGRAMME_IDS, type Plan, type ProgrammeId } from '../plan';
import { sqlString } from '../sql';
import { ALLOCATION_COLUMNS, allocationSql, type FundingDraw } from './allocate';
import { candidatesSql, priorityOf } from './candidates';

export * from './allocate';
export { PRIORITY_DIRECTION, candidatesSql, priorityOf } from './candidates';

export const ALLOCATION_TABLE = 'allocation';
const OVERRIDE_TABLE = 'plan_override';

/** The funding lines' budgets for one programme, in the plan's order. */
export function drawsFor(plan: Plan, programme: ProgrammeId): FundingDraw[] {
	return plan.fundingLines.map((line) => ({ line: line.id, budget: line.budgets[programme] ?? 0 }));
}

/** Programmes in the order they are allocated: housing first (its order matters), then the rest. */
export const ALLOCATION_ORDER: readonly ProgrammeId[] = [
	...HOUSING_PROGRAMMES,
	...PROGRAMME_IDS.filter((p) => !(HOUSING_PROGRAMMES as readonly string[]).includes(p))
];

export function allocationStatements(plan: Plan): string[] {
	const statements = [
		`CREATE OR REPLACE TABLE ${OVERRIDE_TABLE} (programme VARCHAR, unit_id VARCHAR, action VARCHAR, reason VARCHAR)`
	];
	// Chunks keep each statement short whatever the number of overrides.
	for (let i = 0; i < plan.overrides.length; i += 500) {
		const values = plan.overrides
			.slice(i, i + 500)
			.map((o) => `(${[o.programme, o.unitId, o.action, o.reason].map(sqlString).join(', ')})`);
		statements.push(`INSERT INTO ${OVERRIDE_TABLE} VALUES ${values.join(', ')}`);
	}
	let created = false;
	for (const programme of ALLOCATION_ORDER) {
		if (!plan.programmes[programme].enabled) continue;
		const housingFunded = (HOUSING_PROGRAMMES as readonly string[]).includes(programme) && created ? ALLOCATION_TABLE : null;
		const select = allocationSql({
			programme,
			candidates: candidatesSql(plan, programme, housingFunded),
			priority: priorityOf(plan),
			lines: drawsFor(plan, programme),
			villageCap: plan.villageCap,
			villageQuota: plan.villageQuota,
			overrides: OVERRIDE_TABLE
		});
		statements.push(created ? `INSERT INTO ${ALLOCATION_TABLE} ${select}` : `CREATE OR REPLACE TABLE ${ALLOCATION_TABLE} AS ${select}`);
		created = true;
	}
	if (!created) {
		statements.push(
			`CREATE OR REPLACE TABLE ${ALLOCATION_TABLE} AS SELECT ${ALLOCATION_COLUMNS.map((c) => `NULL::VARCHAR AS ${c}`).join(', ')} WHERE FALSE`
		);
	}
	return statements;
}
