/**
 * The whole plan's allocation as a list of statements: the overrides into a table (lists belong in
 * tables, not in SQL text), the plan's households with their priority keys (PLAN_HOUSEHOLD_TABLE), then
 * every enabled programme into the target table (`allocation`, or
 * another allocation table of the catalog). Housing programmes run in HOUSING_PROGRAMMES order and each
 * skips households an earlier one funded, so no household gets two.
 */
import { HOUSING_PROGRAMMES, PROGRAMME_IDS, isTargetedLine, type Plan, type ProgrammeId } from '../plan';
import { sqlString, wrapLines } from '../sql';
import { stableKey } from '../plan-parts';
import { createTableSql, type CatalogTable } from '../catalog';
import { allocationSql, type FundingDraw } from './allocate';
import { PLAN_HOUSEHOLD_TABLE, PLAN_PERSON_TABLE, candidatesSql, planHouseholdsSql, planPeopleSql, priorityOf } from './candidates';
import type { StatusSource } from '../verval/relations';

export * from './allocate';
export {
	PLAN_HOUSEHOLD_TABLE,
	PLAN_PERSON_TABLE,
	PRIORITY_DIRECTION,
	candidatesSql,
	planHouseholdsSql,
	planPeopleSql,
	priorityOf
} from './candidates';

export const ALLOCATION_TABLE = 'allocation' satisfies CatalogTable;
/** Where a second plan's allocation is built to be compared with the current one. */
export const COMPARED_ALLOCATION_TABLE = 'allocation_compared' satisfies CatalogTable;
export type AllocationTable = typeof ALLOCATION_TABLE | typeof COMPARED_ALLOCATION_TABLE;
/** Plan B's people and households beside plan A's, which an incremental run of plan A goes on reading. */
const COMPARED_PLAN_PERSON_TABLE = 'plan_person_compared' satisfies CatalogTable;
const COMPARED_PLAN_HOUSEHOLD_TABLE = 'plan_household_compared' satisfies CatalogTable;
const OVERRIDE_TABLE = 'plan_override' satisfies CatalogTable;

/**
 * The funding lines' draws for one programme, in the plan's order (allocationSql draws the targeted
 * ones after the others). A targeted line that gives this programme neither units nor Rupiah draws nothing.
 */
export function drawsFor(plan: Plan, programme: ProgrammeId): FundingDraw[] {
	return plan.fundingLines.flatMap((line): FundingDraw[] => {
		const units = line.units?.[programme];
		const budget = line.budgets[programme];
		if (!isTargetedLine(line)) return [{ line: line.id, budget: budget ?? 0 }];
		if (units === undefined && budget === undefined) return [];
		return [{ line: line.id, budget: budget ?? 0, units: units ?? null, villages: line.villages ?? null }];
	});
}

/** Programmes in the order they are allocated: housing first (its order matters), then the rest. */
export const ALLOCATION_ORDER: readonly ProgrammeId[] = [
	...HOUSING_PROGRAMMES,
	...PROGRAMME_IDS.filter((p) => !(HOUSING_PROGRAMMES as readonly string[]).includes(p))
];

/**
 * What an allocation table holds, as the keys an incremental run compares: the data it was built from
 * (named by the caller: register and statuses), the plan households' SQL, and per allocated programme
 * the text of everything its rows depend on. Keys are SQL text rather than plan fields, so a setting
 * that changes a statement can never be missed.
 */
export interface AllocationState {
	data: string;
	households: string;
	programmes: Partial<Record<ProgrammeId, string>>;
}

export interface AllocationRun {
	statements: string[];
	/** What the table holds once every statement has run. */
	state: AllocationState;
	/** The programmes whose rows the statements rebuild (or remove, when disabled). */
	rebuilt: ProgrammeId[];
}

function overrideStatements(plan: Plan): string[] {
	const statements = [createTableSql(OVERRIDE_TABLE, OVERRIDE_TABLE, 'replace')];
	// Chunks keep each statement short whatever the number of overrides.
	for (let i = 0; i < plan.overrides.length; i += 500) {
		const values = plan.overrides
			.slice(i, i + 500)
			.map((o) => `(${[o.programme, o.unitId, o.action, o.reason].map(sqlString).join(', ')})`);
		statements.push(wrapLines(`INSERT INTO ${OVERRIDE_TABLE} VALUES ${values.join(', ')}`));
	}
	return statements;
}

/**
 * The statements that bring `target` to this plan's allocation. With `previous`, the state the table
 * holds now, only the programmes whose inputs changed are deleted and inserted again (a budget change
 * re-runs one programme, not five); without it, or when the data changed, the table is rebuilt.
 * Housing programmes depend on the earlier ones (each skips households an earlier one funded), so a
 * change to one re-runs those after it.
 */
export function allocationRun(
	plan: Plan,
	target: AllocationTable = ALLOCATION_TABLE,
	source: StatusSource = 'register',
	data = '',
	previous: AllocationState | null = null
): AllocationRun {
	const current = target === ALLOCATION_TABLE;
	const planTables = {
		people: current ? PLAN_PERSON_TABLE : COMPARED_PLAN_PERSON_TABLE,
		households: current ? PLAN_HOUSEHOLD_TABLE : COMPARED_PLAN_HOUSEHOLD_TABLE
	};
	const people = planPeopleSql(plan, source);
	const householdsOnly = planHouseholdsSql(plan, source, planTables.people);
	// The key of both tables: each programme's candidates read the people and the households.
	const households = `${people}\n${householdsOnly}`;
	const known = previous !== null && previous.data === data ? previous : null;
	const state: AllocationState = { data, households, programmes: {} };
	const inserts: Partial<Record<ProgrammeId, string>> = {};
	let chain = households;
	const housingBefore: ProgrammeId[] = [];
	for (const programme of ALLOCATION_ORDER) {
		if (!plan.programmes[programme].enabled) continue;
		const isHousing = (HOUSING_PROGRAMMES as readonly string[]).includes(programme);
		const select = allocationSql({
			programme,
			candidates: candidatesSql(plan, programme, isHousing ? { table: target, programmes: [...housingBefore] } : null, source, planTables),
			priority: priorityOf(plan),
			lines: drawsFor(plan, programme),
			villageCap: plan.villageCap,
			villageQuota: plan.villageQuota,
			// A programme no override names is allocated without reading them (a shorter statement).
			overrides: plan.overrides.some((o) => o.programme === programme) ? OVERRIDE_TABLE : null
		});
		const insert = `INSERT INTO ${target} ${select}`;
		inserts[programme] = insert;
		const overrides = stableKey(plan.overrides.filter((o) => o.programme === programme));
		const key = [isHousing ? chain : households, overrides, insert].join('\n');
		state.programmes[programme] = key;
		if (isHousing) {
			chain = key;
			housingBefore.push(programme);
		}
	}
	const rebuilt = ALLOCATION_ORDER.filter((p) => known === null || known.programmes[p] !== state.programmes[p]);
	// When every programme changes, a new table is cheaper than deleting each one's rows.
	const held = known !== null && rebuilt.length < ALLOCATION_ORDER.length ? known : null;
	const statements: string[] = [];
	if (!held) statements.push(createTableSql('allocation', target, 'replace'));
	if (rebuilt.some((p) => inserts[p] !== undefined)) {
		statements.push(...overrideStatements(plan));
		// The population's people with their conditions, tested once, and its households with their
		// priority keys aggregated from those people, for all programmes (each programme's candidates read
		// them); kept while their SQL holds.
		if (!held || held.households !== households) {
			statements.push(createTableSql(PLAN_PERSON_TABLE, planTables.people, 'replace'));
			statements.push(`INSERT INTO ${planTables.people} ${people}`);
			statements.push(createTableSql(PLAN_HOUSEHOLD_TABLE, planTables.households, 'replace'));
			statements.push(`INSERT INTO ${planTables.households} ${householdsOnly}`);
		}
	}
	for (const programme of rebuilt) {
		if (held) statements.push(`DELETE FROM ${target} WHERE programme = ${sqlString(programme)}`);
		const insert = inserts[programme];
		if (insert) statements.push(insert);
	}
	return { statements, state, rebuilt: held ? rebuilt : ALLOCATION_ORDER.filter((p) => inserts[p] !== undefined) };
}

/** Every statement of the whole plan's allocation into `target`, from nothing. */
export function allocationStatements(plan: Plan, target: AllocationTable = ALLOCATION_TABLE, source: StatusSource = 'register'): string[] {
	return allocationRun(plan, target, source).statements;
}
