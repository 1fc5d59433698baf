/**
 * The whole plan's allocation as a list of statements: the overrides into a table (lists belong in
 * tables, not in SQL text), the plan's households with their priority keys (PLAN_HOUSEHOLD_TABLE), then
 * every enabled programme into the target table (`allocation`, or
 * another allocation table of the catalog). Housing programmes run in HOUSING_PROGRAMMES order and each
 * skips households an earlier one funded, so no household gets two.
 */
import { HOUSING_PROGRAMMES, PROGRAMME_IDS, type Plan, type ProgrammeId } from '../plan';
import { sqlString, wrapLines } from '../sql';
import { createTableSql, type CatalogTable } from '../catalog';
import { allocationSql, type FundingDraw } from './allocate';
import { PLAN_HOUSEHOLD_TABLE, candidatesSql, planHouseholdsSql, priorityOf } from './candidates';
import type { StatusSource } from '../verval/relations';

export * from './allocate';
export { PLAN_HOUSEHOLD_TABLE, PRIORITY_DIRECTION, candidatesSql, planHouseholdsSql, priorityOf } from './candidates';

export const ALLOCATION_TABLE = 'allocation' satisfies CatalogTable;
/** Where a second plan's allocation is built to be compared with the current one. */
export const COMPARED_ALLOCATION_TABLE = 'allocation_compared' satisfies CatalogTable;
export type AllocationTable = typeof ALLOCATION_TABLE | typeof COMPARED_ALLOCATION_TABLE;
const OVERRIDE_TABLE = 'plan_override' satisfies CatalogTable;

/** The funding lines' budgets for one programme, in the plan's order. */
export function drawsFor(plan: Plan, programme: ProgrammeId): FundingDraw[] {
	return plan.fundingLines.map((line) => ({ line: line.id, budget: line.budgets[programme] ?? 0 }));
}

/** Programmes in the order they are allocated: housing first (its order matters), then the rest. */
export const ALLOCATION_ORDER: readonly ProgrammeId[] = [
	...HOUSING_PROGRAMMES,
	...PROGRAMME_IDS.filter((p) => !(HOUSING_PROGRAMMES as readonly string[]).includes(p))
];

export function allocationStatements(plan: Plan, target: AllocationTable = ALLOCATION_TABLE, source: StatusSource = 'register'): string[] {
	const statements = [createTableSql(OVERRIDE_TABLE, OVERRIDE_TABLE, 'replace')];
	// Chunks keep each statement short whatever the number of overrides.
	for (let i = 0; i < plan.overrides.length; i += 500) {
		const values = plan.overrides
			.slice(i, i + 500)
			.map((o) => `(${[o.programme, o.unitId, o.action, o.reason].map(sqlString).join(', ')})`);
		statements.push(wrapLines(`INSERT INTO ${OVERRIDE_TABLE} VALUES ${values.join(', ')}`));
	}
	statements.push(createTableSql('allocation', target, 'replace'));
	// The population's households with their priority keys, aggregated from the people once for all
	// programmes (each programme's candidates read them).
	if (ALLOCATION_ORDER.some((programme) => plan.programmes[programme].enabled)) {
		statements.push(createTableSql(PLAN_HOUSEHOLD_TABLE, PLAN_HOUSEHOLD_TABLE, 'replace'));
		statements.push(`INSERT INTO ${PLAN_HOUSEHOLD_TABLE} ${planHouseholdsSql(plan, source)}`);
	}
	let created = false;
	for (const programme of ALLOCATION_ORDER) {
		if (!plan.programmes[programme].enabled) continue;
		// Only a housing programme after another one has households to skip.
		const housingFunded = (HOUSING_PROGRAMMES as readonly string[]).includes(programme) && created ? target : null;
		const select = allocationSql({
			programme,
			candidates: candidatesSql(plan, programme, housingFunded, source, PLAN_HOUSEHOLD_TABLE),
			priority: priorityOf(plan),
			lines: drawsFor(plan, programme),
			villageCap: plan.villageCap,
			villageQuota: plan.villageQuota,
			overrides: OVERRIDE_TABLE
		});
		statements.push(`INSERT INTO ${target} ${select}`);
		created = true;
	}
	return statements;
}
