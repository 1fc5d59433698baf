/**
 * Runs a plan's allocation and reads what the budget screens, the exports and the CLI show: totals by
 * programme and funding line, need vs funded vs unmet by village, and the by-name lists (BNBA).
 * Everything reads the one `allocation` table, so every figure and every list agree.
 */
import type { StatusSource } from '../core/verval/relations';
import type { Engine } from '../engine/types';
import { PROGRAMME_IDS, type Plan, type ProgrammeId } from '../core/plan';
import { PERSON_PROGRAMMES } from '../core/programs/candidates';
import { ALLOCATION_TABLE, COMPARED_ALLOCATION_TABLE, allocationRun, type AllocationState, type AllocationTable } from '../core/programs';
import { rowsOf, type RowOf } from '../core/rows';
import { peopleReachedSql, removedSql } from '../core/programs/removed';
import { caseWhen, or, select, sqlString, withCtes, type Cte, type SelectQuery } from '../core/sql';

/** Builds the allocation of this plan into `target` (`allocation` by default); returns the milliseconds it took. */
export async function runAllocation(
	engine: Engine,
	plan: Plan,
	target: AllocationTable = ALLOCATION_TABLE,
	source: StatusSource = 'register'
): Promise<number> {
	return (await updateAllocation(engine, plan, null, '', target, source)).ms;
}

export interface AllocationUpdate {
	ms: number;
	/** What `target` holds now: pass it back as `previous` to the next update of the same table. */
	state: AllocationState;
	rebuilt: ProgrammeId[];
}

/**
 * Brings `target` to this plan's allocation, re-running only the programmes whose inputs changed since
 * `previous` (what the table held, for the same `data`: the caller's name for the register and
 * statuses). Pass null after anything else may have written the table.
 */
export async function updateAllocation(
	engine: Engine,
	plan: Plan,
	previous: AllocationState | null,
	data: string,
	target: AllocationTable = ALLOCATION_TABLE,
	source: StatusSource = 'register'
): Promise<AllocationUpdate> {
	const started = performance.now();
	const run = allocationRun(plan, target, source, data, previous);
	for (const statement of run.statements) await engine.exec(statement);
	return { ms: performance.now() - started, state: run.state, rebuilt: run.rebuilt };
}

/**
 * A checksum of the register's contents (household and person rows, any order), so an export says
 * which register it was made from. DuckDB's hash is the same in the browser and in Node (same version).
 */
export function registerChecksumSql(): string {
	const hashed = (table: string, alias: string) => `printf('%016x', (SELECT coalesce(bit_xor(hash(${alias})), 0) FROM ${table} ${alias}))`;
	return select({ select: [`${hashed('household', 'h')} || ${hashed('person', 'p')} AS checksum`] });
}

export async function registerChecksum(engine: Engine): Promise<string> {
	const [row] = rowsOf(await engine.query(registerChecksumSql()), { checksum: 'string' });
	return row?.checksum ?? '';
}

// ---- Budget summary --------------------------------------------------------------------------

const VILLAGE_BUDGET_ROW = {
	programme: 'string',
	kecamatan_kode: 'string',
	kecamatan_nama: 'string',
	village_kode: 'string',
	village_nama: 'string',
	need_units: 'number',
	need_rupiah: 'number',
	funded_units: 'number',
	funded_rupiah: 'number',
	unmet_units: 'number',
	unmet_rupiah: 'number'
} as const;

export type VillageBudget = RowOf<typeof VILLAGE_BUDGET_ROW>;

/** Need (every candidate not excluded), funded and unmet, per programme and village. */
export function villageBudgetSql(): string {
	const rupiah = (status: string) => `coalesce(sum(a.cost) FILTER (WHERE ${status}), 0)::DOUBLE`;
	return select({
		select: [
			'a.programme',
			'v.kecamatan_kode',
			'v.kecamatan_nama',
			'v.kode AS village_kode',
			'v.nama AS village_nama',
			'count(*)::INTEGER AS need_units',
			'sum(a.cost)::DOUBLE AS need_rupiah',
			"count_if(a.status = 'funded')::INTEGER AS funded_units",
			`${rupiah("a.status = 'funded'")} AS funded_rupiah`,
			"count_if(a.status <> 'funded')::INTEGER AS unmet_units",
			`${rupiah("a.status <> 'funded'")} AS unmet_rupiah`
		],
		from: `${ALLOCATION_TABLE} a`,
		joins: ['JOIN village v ON v.kode = a.village_kode'],
		where: ["a.status <> 'excluded'"],
		groupBy: ['ALL'],
		orderBy: ['a.programme', 'v.kode']
	});
}

export async function villageBudget(engine: Engine): Promise<VillageBudget[]> {
	return rowsOf(await engine.query(villageBudgetSql()), VILLAGE_BUDGET_ROW);
}

const VILLAGE_LINE_ROW = {
	programme: 'string',
	kecamatan_kode: 'string',
	village_kode: 'string',
	funding_line: 'string',
	units: 'number',
	rupiah: 'number'
} as const;

export type VillageLineBudget = RowOf<typeof VILLAGE_LINE_ROW>;

/** Funded units and Rupiah per programme, village and funding line (the line split of villageBudget). */
export function villageLineBudgetSql(): string {
	return select({
		select: [
			'a.programme',
			'v.kecamatan_kode',
			'a.village_kode',
			'a.funding_line',
			'count(*)::INTEGER AS units',
			'sum(a.cost)::DOUBLE AS rupiah'
		],
		from: `${ALLOCATION_TABLE} a`,
		joins: ['JOIN village v ON v.kode = a.village_kode'],
		where: ["a.status = 'funded'"],
		groupBy: ['ALL'],
		orderBy: ['a.programme', 'a.village_kode', 'a.funding_line']
	});
}

export async function villageLineBudget(engine: Engine): Promise<VillageLineBudget[]> {
	return rowsOf(await engine.query(villageLineBudgetSql()), VILLAGE_LINE_ROW);
}

const LINE_BUDGET_ROW = {
	programme: 'string',
	funding_line: 'string',
	units: 'number',
	rupiah: 'number'
} as const;

export type LineBudget = RowOf<typeof LINE_BUDGET_ROW>;

/** Funded units and Rupiah per programme and funding line. */
export function lineBudgetSql(): string {
	return select({
		select: ['programme', 'funding_line', 'count(*)::INTEGER AS units', 'sum(cost)::DOUBLE AS rupiah'],
		from: ALLOCATION_TABLE,
		where: ["status = 'funded'"],
		groupBy: ['ALL'],
		orderBy: ['programme', 'funding_line']
	});
}

export async function lineBudget(engine: Engine): Promise<LineBudget[]> {
	return rowsOf(await engine.query(lineBudgetSql()), LINE_BUDGET_ROW);
}

// ---- BNBA --------------------------------------------------------------------------------------

const BNBA_ROW = {
	programme: 'string',
	/** household_id for household programmes, person_id for PIP and Paket (what an override names). */
	unit_id: 'string',
	kecamatan_nama: 'string',
	village_kode: 'string',
	village_nama: 'string',
	household_id: 'string',
	kk: 'string?',
	nik: 'string?',
	nama: 'string?',
	alamat: 'string?',
	desil: 'number?',
	rule: 'string',
	rank: 'number',
	funding_line: 'string',
	cost: 'number',
	override_reason: 'string?'
} as const;

export type BnbaRow = RowOf<typeof BNBA_ROW>;
export const BNBA_COLUMNS = Object.keys(BNBA_ROW) as (keyof BnbaRow)[];

/**
 * The BNBA's clauses, shared by the whole list and its pages. The programme decides the unit, so the
 * name comes from one plain equi-join (the person, or the household head); a join on a condition
 * mixing both made DuckDB compare every funded unit with every person (a nested loop: 5.3 s of 6.1 s
 * at 100,000 people).
 */
function bnbaQuery(programme: ProgrammeId, villageKode: string | undefined, fundingLine?: string): SelectQuery {
	const personUnit = PERSON_PROGRAMMES.includes(programme);
	const heads = "SELECT household_id, min(nik) AS nik FROM person WHERE relation = 'head' GROUP BY household_id";
	return {
		select: [
			'a.programme',
			'a.unit_id',
			'v.kecamatan_nama',
			'a.village_kode',
			'v.nama AS village_nama',
			'a.household_id',
			'h.kk',
			personUnit ? 'p.nik' : 'head.nik',
			personUnit ? 'coalesce(p.name, h.head_name) AS nama' : 'h.head_name AS nama',
			'h.alamat',
			'h.desil',
			'a.rule',
			'a.rank',
			'a.funding_line',
			'a.cost',
			'a.override_reason'
		],
		from: `${ALLOCATION_TABLE} a`,
		joins: [
			'JOIN village v ON v.kode = a.village_kode',
			'JOIN household h ON h.household_id = a.household_id',
			personUnit ? 'LEFT JOIN person p ON p.person_id = a.unit_id' : `LEFT JOIN (${heads}) head ON head.household_id = a.household_id`
		],
		where: [
			`a.programme = ${sqlString(programme)}`,
			"a.status = 'funded'",
			villageKode !== undefined && `a.village_kode = ${sqlString(villageKode)}`,
			fundingLine !== undefined && `a.funding_line = ${sqlString(fundingLine)}`
		],
		orderBy: ['v.kecamatan_kode', 'a.village_kode', 'a.rank']
	};
}

/**
 * The funded units of a programme by name and address, by kecamatan, village and rank. Household
 * programmes name the head (and the head's NIK); person programmes name the person.
 */
export function bnbaSql(programme: ProgrammeId, villageKode?: string): string {
	return select(bnbaQuery(programme, villageKode));
}

export async function bnba(engine: Engine, programme: ProgrammeId, villageKode?: string): Promise<BnbaRow[]> {
	return rowsOf(await engine.query(bnbaSql(programme, villageKode)), BNBA_ROW);
}

/** The units one funding line funds in a programme, by name (a partner's handover list, issue 16 point 4). */
export function bnbaOfLineSql(programme: ProgrammeId, fundingLine: string): string {
	return select(bnbaQuery(programme, undefined, fundingLine));
}

export async function bnbaOfLine(engine: Engine, programme: ProgrammeId, fundingLine: string): Promise<BnbaRow[]> {
	return rowsOf(await engine.query(bnbaOfLineSql(programme, fundingLine)), BNBA_ROW);
}

// ---- Coverage against budget, and two plans compared -------------------------------------------

const CURVE_ROW = { programme: 'string', units: 'number', rupiah: 'number', people: 'number', removed: 'number' } as const;
/** A point of a programme's coverage curve: what the queue's first `units` units cost, reach and remove. */
export type CurvePoint = RowOf<typeof CURVE_ROW>;

/**
 * Every queued unit of every programme (in the order of its queue) with its cost, the people it reaches
 * and the deprivations it removes (core/programs/removed.ts), and the running sums down its queue:
 * `units`, `cumulative_cost`, `people`, `removed`. Over-cap units are not queued.
 */
function queueCtes(plan: Plan): Cte[] {
	const byProgramme = (sql: (p: ProgrammeId) => string) =>
		caseWhen(
			PROGRAMME_IDS.map((p) => [sqlString(p), sql(p)]),
			'0',
			'a.programme'
		);
	const units = select({
		select: [
			'a.programme',
			'a.rank',
			'a.cost',
			'a.cumulative_cost',
			`${byProgramme(peopleReachedSql)} AS unit_people`,
			`${byProgramme((p) => removedSql(plan, p))} AS unit_removed`
		],
		from: `${ALLOCATION_TABLE} a`,
		// A plain equi-join (a condition on the programme beside it made DuckDB loop over every pair): a
		// household programme's unit matches no person, or one whose columns its expressions never read.
		joins: ['JOIN household h ON h.household_id = a.household_id', 'LEFT JOIN person p ON p.person_id = a.unit_id'],
		where: ['a.cumulative_cost IS NOT NULL']
	});
	const down = 'OVER (PARTITION BY programme ORDER BY rank ROWS UNBOUNDED PRECEDING)';
	const running = select({
		select: [
			'programme',
			'cost',
			'unit_removed',
			'cumulative_cost',
			`count(*) ${down} AS units`,
			`sum(unit_people) ${down} AS people`,
			`sum(unit_removed) ${down} AS removed`,
			'count(*) OVER (PARTITION BY programme) AS n'
		],
		from: 'u'
	});
	return [
		['u', units],
		['running', running]
	];
}

/**
 * Units reached, people reached and deprivations removed against money spent, in priority order, for
 * each programme: the queue's running sums thinned to about `points` points per programme (always
 * keeping the last), so "what would Rp X more reach?" is read off the curve past the funded part.
 */
export function coverageCurveSql(plan: Plan, points = 200): string {
	return withCtes(
		queueCtes(plan),
		select({
			select: [
				'programme',
				'units::INTEGER AS units',
				'cumulative_cost::DOUBLE AS rupiah',
				'people::DOUBLE AS people',
				'removed::DOUBLE AS removed'
			],
			from: 'running',
			where: [or(['units = n', `units % greatest(1, n // ${Math.max(1, Math.floor(points))}) = 0`])],
			orderBy: ['programme', 'units']
		})
	);
}

export async function coverageCurve(engine: Engine, plan: Plan, points = 200): Promise<CurvePoint[]> {
	return rowsOf(await engine.query(coverageCurveSql(plan, points)), CURVE_ROW);
}

/** The marginal return is given per this many Rupiah. */
export const RETURN_PER = 1_000_000_000;

const RETURN_ROW = {
	programme: 'string',
	slice: 'number',
	from_rupiah: 'number',
	to_rupiah: 'number',
	units: 'number',
	rupiah: 'number',
	removed: 'number',
	cumulative_units: 'number',
	cumulative_rupiah: 'number',
	cumulative_removed: 'number',
	per_billion: 'number'
} as const;
/** One budget slice of a programme's queue: what it funds and removes, and deprivations removed per Rp 1 billion. */
export type ReturnSlice = RowOf<typeof RETURN_ROW>;

/**
 * The marginal return: each programme's queue cut into successive budget slices of one round width
 * (1, 2 or 5 × 10^k Rupiah, the smallest giving at most `slices` slices), a unit falling in the slice
 * where its running cost ends. Per slice: units, Rupiah and deprivations removed, the running totals
 * at its end, and deprivations removed per Rp 1 billion spent in it; empty slices (a unit dearer than
 * a slice) are left out.
 */
export function marginalReturnSql(plan: Plan, slices = 12): string {
	const n = Math.max(1, Math.floor(slices));
	const x = `greatest(max(cumulative_cost), 1)::DOUBLE / ${n}`;
	const e = `pow(10, floor(log10(${x})))`;
	const step = caseWhen(
		[
			[`${x} <= ${e}`, '1'],
			[`${x} <= 2 * ${e}`, '2'],
			[`${x} <= 5 * ${e}`, '5']
		],
		'10'
	);
	const widths = select({
		select: ['programme', `greatest(1, ceil(${step} * ${e}))::BIGINT AS width`],
		from: 'running',
		groupBy: ['programme']
	});
	return withCtes(
		[...queueCtes(plan), ['widths', widths]],
		select({
			select: [
				'r.programme',
				'((r.cumulative_cost - 1) // w.width)::INTEGER AS slice',
				'(slice * w.width)::DOUBLE AS from_rupiah',
				'((slice + 1) * w.width)::DOUBLE AS to_rupiah',
				'count(*)::INTEGER AS units',
				'sum(r.cost)::DOUBLE AS rupiah',
				'sum(r.unit_removed)::DOUBLE AS removed',
				'max(r.units)::INTEGER AS cumulative_units',
				'max(r.cumulative_cost)::DOUBLE AS cumulative_rupiah',
				'max(r.removed)::DOUBLE AS cumulative_removed',
				`(sum(r.unit_removed) * ${RETURN_PER} / sum(r.cost))::DOUBLE AS per_billion`
			],
			from: 'running r',
			joins: ['JOIN widths w USING (programme)'],
			groupBy: ['r.programme', 'slice', 'w.width'],
			orderBy: ['r.programme', 'slice']
		})
	);
}

export async function marginalReturn(engine: Engine, plan: Plan, slices = 12): Promise<ReturnSlice[]> {
	return rowsOf(await engine.query(marginalReturnSql(plan, slices)), RETURN_ROW);
}

const DIFF_ROW = {
	programme: 'string',
	funded_a: 'number',
	funded_b: 'number',
	rupiah_a: 'number',
	rupiah_b: 'number',
	only_a: 'number',
	only_b: 'number',
	line_changed: 'number'
} as const;
export type PlanDifference = RowOf<typeof DIFF_ROW>;

/**
 * Per programme: funded units and Rupiah under plans A and B, units funded by one only, and units whose
 * funding line differs. Every programme either allocation holds is listed (enabled in A or B), so a
 * programme one plan does not fund, or does not run at all, shows 0 for that plan; every condition is
 * spelled out so no count is ever NULL (count_if over only NULLs is NULL in DuckDB).
 */
export function planDifferenceSql(a: string, b: string): string {
	const funded = (t: string) => `SELECT programme, unit_id, funding_line, cost FROM ${t} WHERE status = 'funded'`;
	const pairs = select({
		select: [
			'programme',
			'fa.unit_id AS unit_a',
			'fb.unit_id AS unit_b',
			'fa.funding_line AS line_a',
			'fb.funding_line AS line_b',
			'fa.cost AS cost_a',
			'fb.cost AS cost_b'
		],
		from: 'fa',
		joins: ['FULL JOIN fb USING (programme, unit_id)']
	});
	const counts = select({
		select: [
			'programme',
			'count(unit_a)::INTEGER AS funded_a',
			'count(unit_b)::INTEGER AS funded_b',
			'coalesce(sum(cost_a), 0)::DOUBLE AS rupiah_a',
			'coalesce(sum(cost_b), 0)::DOUBLE AS rupiah_b',
			'count_if(unit_a IS NOT NULL AND unit_b IS NULL)::INTEGER AS only_a',
			'count_if(unit_b IS NOT NULL AND unit_a IS NULL)::INTEGER AS only_b',
			'count_if(unit_a IS NOT NULL AND unit_b IS NOT NULL AND line_a IS DISTINCT FROM line_b)::INTEGER AS line_changed'
		],
		from: 'programmes',
		joins: ['LEFT JOIN pairs USING (programme)'],
		groupBy: ['programme'],
		orderBy: ['programme']
	});
	return withCtes(
		[
			['fa', funded(a)],
			['fb', funded(b)],
			['programmes', `SELECT DISTINCT programme FROM ${a} UNION SELECT DISTINCT programme FROM ${b}`],
			['pairs', pairs]
		],
		counts
	);
}

export async function planDifference(engine: Engine, a: string, b: string): Promise<PlanDifference[]> {
	return rowsOf(await engine.query(planDifferenceSql(a, b)), DIFF_ROW);
}

/**
 * The current allocation (A, the `allocation` table, left as it is) against `other`'s (B), built into
 * its own table and dropped afterwards.
 */
export async function comparePlan(engine: Engine, other: Plan, source: StatusSource = 'register'): Promise<PlanDifference[]> {
	try {
		await runAllocation(engine, other, COMPARED_ALLOCATION_TABLE, source);
		return await planDifference(engine, ALLOCATION_TABLE, COMPARED_ALLOCATION_TABLE);
	} finally {
		await engine.exec(`DROP TABLE IF EXISTS ${COMPARED_ALLOCATION_TABLE}`);
	}
}

/** One page of a programme's BNBA, in the list's order (the same ORDER BY as bnbaSql). */
export function bnbaPageSql(programme: ProgrammeId, villageKode: string | undefined, limit: number, offset: number): string {
	return select({ ...bnbaQuery(programme, villageKode), limit, offset });
}

/** How many funded units a programme has (in one village, or everywhere). */
export function bnbaCountSql(programme: ProgrammeId, villageKode?: string): string {
	return select({
		select: ['count(*)::INTEGER AS n'],
		from: ALLOCATION_TABLE,
		where: [
			`programme = ${sqlString(programme)}`,
			"status = 'funded'",
			villageKode !== undefined && `village_kode = ${sqlString(villageKode)}`
		]
	});
}

export async function bnbaPage(
	engine: Engine,
	programme: ProgrammeId,
	villageKode: string | undefined,
	limit: number,
	offset: number
): Promise<{ rows: BnbaRow[]; total: number }> {
	const rows = rowsOf(await engine.query(bnbaPageSql(programme, villageKode, limit, offset)), BNBA_ROW);
	const [count] = rowsOf(await engine.query(bnbaCountSql(programme, villageKode)), { n: 'number' });
	return { rows, total: count?.n ?? 0 };
}

const CANDIDATE_ROW = { unit_id: 'string', household_id: 'string', village_kode: 'string', status: 'string' } as const;
export type CandidateRow = RowOf<typeof CANDIDATE_ROW>;

/** A unit of a programme in the current allocation (to check an "include by id" before it is stored). */
export async function allocationUnit(engine: Engine, programme: ProgrammeId, unitId: string): Promise<CandidateRow | null> {
	const sql = select({
		select: ['unit_id', 'household_id', 'village_kode', 'status'],
		from: ALLOCATION_TABLE,
		where: [`programme = ${sqlString(programme)}`, `unit_id = ${sqlString(unitId)}`]
	});
	return rowsOf(await engine.query(sql), CANDIDATE_ROW)[0] ?? null;
}
