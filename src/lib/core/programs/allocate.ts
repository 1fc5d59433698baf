/**
 * The allocation of one programme as SQL (../shared/DESIGN.md "The allocation"): candidates →
 * overrides (exclude drops a unit, include puts it at the head of the queue) → priority order with a
 * stable tie-break → optional per-village cap → a running sum of cost → funding lines drawn in the
 * plan's order, each taking the next units while its own budget lasts. Window functions and a handful
 * of scalar subqueries (one per funding line): no loop anywhere, and the same inputs give the same
 * list, because the order is total (the unit id breaks every tie).
 *
 * Targeted draws (a partner's pledge: units, or a set of villages) come after every untargeted one, in
 * their own order, each taking from what is still unfunded (over a village cap too: the cap shapes the
 * government's lines) the first units in queue order within its villages, while its units or budget last.
 *
 * Issue 6's programme builders supply the candidates; this module knows nothing about PIP or housing.
 */
import { columnNames } from '../catalog';
import { and, caseWhen, select, sqlIdent, sqlString, withCtes, type Cte } from '../sql';

export interface PriorityKey {
	/** A column of the candidates. */
	column: string;
	direction: 'asc' | 'desc';
}

export interface FundingDraw {
	/** Funding line id, written into the result. */
	line: string;
	/** Rupiah this line gives to this programme; 0 takes nothing. Ignored when `units` is set. */
	budget: number;
	/** Units this line funds whatever they cost; null or absent: the Rupiah budget decides. */
	units?: number | null;
	/** The only villages this line funds; null or absent: any village. */
	villages?: readonly string[] | null;
}

/** A draw with units or villages is targeted: it draws after the untargeted draws, from what they left. */
export function isTargetedDraw(draw: FundingDraw): boolean {
	return (draw.units !== undefined && draw.units !== null) || (draw.villages !== undefined && draw.villages !== null);
}

export interface AllocationSpec {
	programme: string;
	/**
	 * A SELECT giving one row per candidate unit with at least: unit_id VARCHAR (unique), household_id
	 * VARCHAR, village_kode VARCHAR, cost (whole Rupiah), rule VARCHAR (why the unit is eligible), and
	 * the priority columns.
	 */
	candidates: string;
	priority: readonly PriorityKey[];
	lines: readonly FundingDraw[];
	/** At most this many units per village (included overrides not counted against it); null: no cap. */
	villageCap: number | null;
	/**
	 * Each village at most its share of the units the whole budget would fund without quotas, in
	 * proportion to its candidates (rounded up); included overrides not counted. Optional (default off).
	 */
	villageQuota?: boolean;
	/** A table (programme, unit_id, action 'include'|'exclude', reason); null: no overrides. */
	overrides: string | null;
}

/** Result columns, one row per candidate (excluded ones too, so the list shows what was overridden). */
export const ALLOCATION_COLUMNS: readonly string[] = columnNames('allocation');

export type AllocationStatus = 'funded' | 'unfunded' | 'over_cap' | 'excluded';

function orderBy(priority: readonly PriorityKey[]): string {
	const keys = priority.map((k) => `${sqlIdent(k.column)} ${k.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`);
	return [...keys, 'unit_id ASC'].join(', ');
}

function whole(rupiah: number): string {
	if (!Number.isFinite(rupiah) || rupiah < 0) throw new RangeError(`budget must be ≥ 0, got ${rupiah}`);
	return String(Math.floor(rupiah));
}

/**
 * Where each untargeted funding line stops down the queue. Line k funds the units whose running cost
 * lies in (start_k, stop_k], with stop_k the largest running cost ≤ stop_(k-1) + its budget: a unit that
 * does not fit the rest of line k's budget goes to line k+1 (costs are positive, so each line's units are
 * one run of the queue). One recursive CTE walks the lines, so the statement's size and depth do not grow
 * with their number (a chain of one CTE per line nested each line's subquery in the next: 200 lines took
 * 20 s and 1,000 passed DuckDB's expression depth). The step joins and groups rather than asking a
 * scalar subquery: in DuckDB 1.4 a correlated subquery in the recursive step gave different lines from
 * one run to the next.
 */
function lineEndCtes(lines: readonly FundingDraw[]): Cte[] {
	if (lines.length === 0) return [];
	const budgets = lines.map(({ line, budget }, i) => `(${i + 1}, ${sqlString(line)}, ${whole(budget)}::HUGEINT)`);
	const walk = [
		'WITH RECURSIVE reached(k, line, stop) AS (',
		'\tSELECT 0, NULL::VARCHAR, 0::HUGEINT',
		'\tUNION ALL',
		'\tSELECT b.k, b.line, greatest(r.stop, coalesce(max(q.cumulative_cost), 0))',
		'\tFROM reached r JOIN line_budget b ON b.k = r.k + 1',
		'\tLEFT JOIN queue q ON q.cumulative_cost > r.stop AND q.cumulative_cost <= r.stop + b.budget',
		'\tGROUP BY b.k, b.line, r.stop',
		')',
		'SELECT line, start, stop FROM (SELECT k, line, lag(stop) OVER (ORDER BY k) AS start, stop FROM reached) WHERE k > 0 AND stop > start'
	].join('\n');
	return [
		['line_budget', `SELECT * FROM (VALUES ${budgets.join(', ')}) AS v(k, line, budget)`],
		['line_end', walk]
	];
}

/**
 * The targeted draws as a chain of CTEs over `open`, the units the untargeted lines left (only those in
 * a village some draw names, unless a draw names none): `pick_k` is what draw k takes, in queue order
 * among the units no earlier draw took; `taken_k` holds every unit taken by draws 0..k with its line.
 */
function targetedDrawCtes(draws: readonly FundingDraw[]): Cte[] {
	if (draws.length === 0) return [];
	const anywhere = draws.some((d) => d.villages === undefined || d.villages === null);
	const named = [...new Set(draws.flatMap((d) => d.villages ?? []))].sort();
	const inVillages = (villages: readonly string[]) =>
		villages.length === 0 ? 'FALSE' : `village_kode IN (${villages.map(sqlString).join(', ')})`;
	const ctes: Cte[] = [
		[
			'open',
			select({
				select: ['unit_id', 'village_kode', 'cost', 'rank'],
				from: 'drawn',
				where: ['funding_line IS NULL', !anywhere && inVillages(named)]
			})
		]
	];
	draws.forEach((draw, k) => {
		const units = draw.units ?? null;
		const running = units !== null ? `row_number() OVER (ORDER BY rank)` : `sum(cost) OVER (ORDER BY rank ${RUNNING})`;
		const limit = units !== null ? String(Math.max(0, Math.floor(units))) : whole(draw.budget);
		const candidates = select({
			select: ['unit_id', `${running} AS drawn_so_far`],
			from: 'open o',
			where: [
				draw.villages !== undefined && draw.villages !== null && inVillages(draw.villages),
				k > 0 && `NOT EXISTS (SELECT 1 FROM taken_${k - 1} t WHERE t.unit_id = o.unit_id)`
			]
		});
		const pick = `SELECT unit_id, ${sqlString(draw.line)} AS funding_line FROM (${candidates}) WHERE drawn_so_far <= ${limit}`;
		ctes.push([`pick_${k}`, pick]);
		ctes.push([`taken_${k}`, k === 0 ? `SELECT * FROM pick_0` : `SELECT * FROM taken_${k - 1} UNION ALL SELECT * FROM pick_${k}`]);
	});
	return ctes;
}

function overridesSelect(programme: string, overrides: string): string {
	return select({ select: ['unit_id', 'action', 'reason'], from: overrides, where: [`programme = ${sqlString(programme)}`] });
}

/** The condition a queued unit meets: included, or within its village's cap and quota; null when there are no limits. */
function withinLimits(spec: AllocationSpec): string | null {
	const limits = [
		spec.villageCap !== null && `village_rank <= ${Math.max(0, Math.floor(spec.villageCap))}`,
		spec.villageQuota && 'village_rank <= quota'
	];
	return limits.some(Boolean) ? `(included OR (${and(limits)}))` : null;
}

/** The quota's base: how many units the whole budget reaches in priority order with no village limit. */
function quotaCtes(spec: AllocationSpec): Cte[] {
	if (!spec.villageQuota) return [];
	const total = spec.lines.reduce((sum, l) => sum + Math.floor(Math.max(0, l.budget)), 0);
	const share = '(SELECT units FROM fundable) * n / (SELECT sum(n) FROM need)';
	return [
		['open_queue', 'SELECT sum(cost) OVER (ORDER BY rank ROWS UNBOUNDED PRECEDING) AS cumulative_cost FROM ranked'],
		['fundable', `SELECT count(*) AS units FROM open_queue WHERE cumulative_cost <= ${total}`],
		['need', 'SELECT village_kode, count(*) AS n FROM ranked WHERE NOT included GROUP BY village_kode'],
		['quotas', `SELECT village_kode, ceil(${share})::BIGINT AS quota FROM need`]
	];
}

function placedSelect(spec: AllocationSpec): string {
	// The place among its village is what a cap or a quota reads; without them no sort is spent on it.
	if (withinLimits(spec) === null) return 'SELECT *, NULL::BIGINT AS village_rank FROM ranked';
	if (!spec.villageQuota) {
		return 'SELECT *, row_number() OVER (PARTITION BY village_kode, included ORDER BY rank) AS village_rank FROM ranked';
	}
	return select({
		select: [
			'r.*',
			'coalesce(qv.quota, 0) AS quota',
			'row_number() OVER (PARTITION BY r.village_kode, r.included ORDER BY r.rank) AS village_rank'
		],
		from: 'ranked r',
		joins: ['LEFT JOIN quotas qv ON qv.village_kode = r.village_kode']
	});
}

/**
 * The running sum of cost down the queue. Without village limits every unit is queued, and the sum
 * is taken in the ranking's own window (one sort for both); with limits it runs over the units within
 * them, in rank order, and is NULL for the others.
 */
const RUNNING = 'ROWS UNBOUNDED PRECEDING';

/** One programme's allocation: one row per candidate, in no particular order (readers sort by rank). */
export function allocationSql(spec: AllocationSpec): string {
	const programme = sqlString(spec.programme);
	const regencyWide = spec.lines.filter((l) => !isTargetedDraw(l));
	const targeted = spec.lines.filter(isTargetedDraw);
	const ends = lineEndCtes(regencyWide);
	const within = withinLimits(spec);
	// Without overrides nothing is included or excluded: the candidates go straight to the ranking, not
	// through a join and a copy kept for the excluded rows, and `included` is no sort key.
	const overrides = spec.overrides;
	const overridden = overrides !== null;
	const marked = overridden
		? select({
				select: [
					'c.*',
					"coalesce(o.action = 'include', FALSE) AS included",
					"coalesce(o.action = 'exclude', FALSE) AS excluded",
					'o.reason AS override_reason'
				],
				from: 'c',
				joins: ['LEFT JOIN o ON o.unit_id = c.unit_id']
			})
		: 'SELECT *, FALSE AS included, NULL::VARCHAR AS override_reason FROM c';
	const priorityOrder = `ORDER BY ${overridden ? 'included DESC, ' : ''}${orderBy(spec.priority)}`;
	const ranked = select({
		select: [
			'*',
			`row_number() OVER (${priorityOrder}) AS rank`,
			...(within === null ? [`sum(cost) OVER (${priorityOrder} ${RUNNING})::HUGEINT AS cumulative_cost`] : [])
		],
		from: 'marked',
		where: [overridden && 'NOT excluded']
	});
	// Every placed unit, with its running sum when it is within the limits (NULL: over the cap).
	const queue =
		within === null
			? 'SELECT *, TRUE AS queued FROM placed'
			: select({
					select: [
						'*',
						`${within} AS queued`,
						`${caseWhen([[within, `sum(cost) FILTER (WHERE ${within}) OVER (ORDER BY rank ${RUNNING})`]])}::HUGEINT AS cumulative_cost`
					],
					from: 'placed'
				});
	// Line intervals are disjoint, so a queued unit meets at most one line.
	const drawn =
		ends.length === 0
			? 'SELECT *, NULL::VARCHAR AS funding_line FROM queue q'
			: select({
					select: ['q.*', 'l.line AS funding_line'],
					from: 'queue q',
					joins: ['LEFT JOIN line_end l ON q.cumulative_cost > l.start AND q.cumulative_cost <= l.stop']
				});
	const targetedCtes = targetedDrawCtes(targeted);
	const funded =
		targeted.length === 0
			? drawn
			: select({
					select: ['d.* REPLACE (coalesce(d.funding_line, t.funding_line) AS funding_line)'],
					from: 'drawn d',
					joins: [`LEFT JOIN taken_${targeted.length - 1} t ON t.unit_id = d.unit_id`]
				});
	const status = caseWhen(
		[
			['f.funding_line IS NOT NULL', "'funded'"],
			['NOT f.queued', "'over_cap'"]
		],
		"'unfunded'"
	);
	const queued = select({
		select: [
			`${programme} AS programme`,
			'f.unit_id',
			'f.household_id',
			'f.village_kode',
			'f.cost::BIGINT AS cost',
			'f.rule',
			'f.rank::INTEGER AS rank',
			'f.village_rank::INTEGER AS village_rank',
			'f.cumulative_cost::BIGINT AS cumulative_cost',
			'f.funding_line',
			`${status} AS status`,
			'f.override_reason'
		],
		from: 'funded f'
	});
	const excluded = select({
		// The queue's columns are NULL for a unit the plan excludes.
		select: [
			programme,
			'unit_id',
			'household_id',
			'village_kode',
			'cost::BIGINT',
			'rule',
			'NULL',
			'NULL',
			'NULL',
			'NULL',
			"'excluded'",
			'override_reason'
		],
		from: 'marked',
		where: ['excluded']
	});
	return withCtes(
		[
			['c', spec.candidates],
			...(overrides !== null ? [['o', overridesSelect(spec.programme, overrides)] as const] : []),
			['marked', marked],
			['ranked', ranked],
			...quotaCtes(spec),
			['placed', placedSelect(spec)],
			['queue', queue],
			...ends,
			['drawn', drawn],
			...targetedCtes,
			['funded', funded]
		],
		overridden ? `${queued}\nUNION ALL\n${excluded}` : queued
	);
}
