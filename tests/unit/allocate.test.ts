import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocationSql, type AllocationSpec } from '../../src/lib/core/programs/allocate';
import { rowsOf } from '../../src/lib/core/rows';
import { NodeEngine } from '../../src/lib/engine/node';

/** unit, village, desil, members, cost */
const UNITS: [string, string, number | null, number, number][] = [
	['U01', 'A', 3, 4, 100],
	['U02', 'A', 1, 2, 100],
	['U03', 'A', 1, 5, 100],
	['U04', 'A', null, 9, 100],
	['U05', 'A', 2, 3, 100],
	['U06', 'B', 1, 5, 100], // ties U03 on desil and members: the unit id decides
	['U07', 'B', 2, 3, 100],
	['U08', 'B', 4, 1, 100],
	['U09', 'B', 2, 6, 100],
	['U10', 'B', 1, 1, 100]
];
/** desil ascending (no desil last), then members descending, then unit id. */
const PRIORITY_ORDER = ['U03', 'U06', 'U02', 'U10', 'U09', 'U05', 'U07', 'U01', 'U08', 'U04'];

const ROW = {
	unit_id: 'string',
	village_kode: 'string',
	rank: 'number?',
	village_rank: 'number?',
	funding_line: 'string?',
	status: 'string',
	cost: 'number',
	cumulative_cost: 'number?',
	override_reason: 'string?',
	rule: 'string'
} as const;

function spec(change: Partial<AllocationSpec> = {}): AllocationSpec {
	return {
		programme: 'test',
		candidates: `SELECT unit_id, 'H' || unit_id AS household_id, village_kode, cost, 'eligible' AS rule, desil, members FROM units`,
		priority: [
			{ column: 'desil', direction: 'asc' },
			{ column: 'members', direction: 'desc' }
		],
		lines: [{ line: 'APBD', budget: 300 }],
		villageCap: null,
		overrides: null,
		...change
	};
}

describe('allocation SQL', () => {
	let engine: NodeEngine;
	// The rows in list order (the builder leaves ordering to its readers).
	const run = async (s: AllocationSpec) =>
		rowsOf(await engine.query(`SELECT * FROM (${allocationSql(s)}) ORDER BY rank NULLS LAST, unit_id`), ROW);
	const funded = (rows: Awaited<ReturnType<typeof run>>) => rows.filter((r) => r.status === 'funded').map((r) => r.unit_id);

	beforeAll(async () => {
		engine = await NodeEngine.open();
		const values = UNITS.map(([u, v, d, m, c]) => `('${u}', '${v}', ${d ?? 'NULL'}, ${m}, ${c})`).join(', ');
		// Inserted out of order: the result must not depend on the order rows arrive in.
		await engine.exec(
			`CREATE TABLE units AS SELECT * FROM (VALUES ${values}) t(unit_id, village_kode, desil, members, cost) ORDER BY random()`
		);
		await engine.exec(`CREATE TABLE overrides (programme VARCHAR, unit_id VARCHAR, action VARCHAR, reason VARCHAR)`);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('ranks by priority with the unit id breaking ties', async () => {
		const rows = await run(spec());
		expect(rows.map((r) => r.unit_id)).toEqual(PRIORITY_ORDER);
		expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});

	it('a budget for exactly k units funds exactly the first k', async () => {
		for (const k of [0, 1, 3, 10]) {
			const rows = await run(spec({ lines: [{ line: 'APBD', budget: 100 * k }] }));
			expect(funded(rows)).toEqual(PRIORITY_ORDER.slice(0, k));
		}
		// 399 still funds 3: the fourth unit would pass the budget.
		expect(funded(await run(spec({ lines: [{ line: 'APBD', budget: 399 }] })))).toEqual(PRIORITY_ORDER.slice(0, 3));
	});

	it('funding lines draw in order, each from where the last stopped', async () => {
		const rows = await run(
			spec({
				lines: [
					{ line: 'APBD', budget: 250 },
					{ line: 'APBN', budget: 100 },
					{ line: 'CSR', budget: 0 },
					{ line: 'CSR2', budget: 150 }
				]
			})
		);
		expect(rows.slice(0, 6).map((r) => [r.unit_id, r.funding_line, r.cumulative_cost])).toEqual([
			['U03', 'APBD', 100],
			['U06', 'APBD', 200],
			['U02', 'APBN', 300],
			['U10', 'CSR2', 400],
			['U09', null, 500],
			['U05', null, 600]
		]);
		expect(rows.filter((r) => r.status === 'unfunded')).toHaveLength(6);
	});

	it('two hundred lines, every other one empty: each funded unit names its own line', async () => {
		// Line i (1-based) gives 100 when i is odd, 0 when even: the unit ranked r goes to line 2r − 1,
		// and 20 lines' worth of units would need more than the 10 there are. A chain of one statement
		// part per line took 20 s at 200 lines and passed DuckDB's expression depth at 1,000.
		const lines = Array.from({ length: 200 }, (_, i) => ({ line: `L${i + 1}`, budget: i % 2 === 0 ? 100 : 0 }));
		const rows = await run(spec({ lines }));
		expect(rows.map((r) => [r.unit_id, r.funding_line])).toEqual(PRIORITY_ORDER.map((u, r) => [u, `L${2 * r + 1}`]));
	});

	it('a unit dearer than what a line has left goes to the next line', async () => {
		await engine.exec(
			`CREATE OR REPLACE TABLE units2 AS SELECT unit_id, village_kode, desil, members, CASE unit_id WHEN 'U06' THEN 500 ELSE cost END AS cost FROM units`
		);
		const rows = await run(
			spec({
				candidates: spec().candidates.replace('FROM units', 'FROM units2'),
				lines: [
					{ line: 'APBD', budget: 400 },
					{ line: 'APBN', budget: 500 }
				]
			})
		);
		expect(rows.slice(0, 4).map((r) => [r.unit_id, r.funding_line])).toEqual([
			['U03', 'APBD'],
			['U06', 'APBN'], // 600 > 400: APBD stops after U03
			['U02', null], // 700 > 100 + 500
			['U10', null]
		]);
	});

	it('a village cap keeps the best units of each village', async () => {
		const rows = await run(spec({ villageCap: 1, lines: [{ line: 'APBD', budget: 1000 }] }));
		expect(funded(rows)).toEqual(['U03', 'U06']);
		expect(rows.filter((r) => r.status === 'over_cap')).toHaveLength(8);
		expect(rows.find((r) => r.unit_id === 'U02')).toMatchObject({ village_rank: 2, status: 'over_cap', funding_line: null });
	});

	it('overrides: exclude drops a unit, include puts one at the head; both keep their reason', async () => {
		await engine.exec(`DELETE FROM overrides`);
		await engine.exec(
			`INSERT INTO overrides VALUES ('test', 'U03', 'exclude', 'Sudah menerima 2025'), ('test', 'U04', 'include', 'Rumah roboh, BA musdes'), ('other', 'U06', 'exclude', 'lain')`
		);
		const rows = await run(spec({ overrides: 'overrides' }));
		expect(funded(rows)).toEqual(['U04', 'U06', 'U02']);
		expect(rows.find((r) => r.unit_id === 'U03')).toMatchObject({ status: 'excluded', rank: null, override_reason: 'Sudah menerima 2025' });
		expect(rows.find((r) => r.unit_id === 'U04')).toMatchObject({ status: 'funded', rank: 1, override_reason: 'Rumah roboh, BA musdes' });
		// An included unit is not counted against the village cap.
		const capped = await run(spec({ overrides: 'overrides', villageCap: 1, lines: [{ line: 'APBD', budget: 1000 }] }));
		expect(funded(capped)).toEqual(['U04', 'U06', 'U02']);
	});

	it('the same inputs give the same list, every time', async () => {
		const a = await run(spec({ lines: [{ line: 'APBD', budget: 450 }] }));
		await engine.exec(`CREATE OR REPLACE TABLE units AS SELECT * FROM units ORDER BY random()`);
		const b = await run(spec({ lines: [{ line: 'APBD', budget: 450 }] }));
		expect(b).toEqual(a);
	});

	it('quotas in proportion to need: no village takes more than its share of what the budget reaches', async () => {
		// A's four candidates all come before B's: without quotas A would take the whole budget.
		await engine.exec(
			`CREATE OR REPLACE TABLE skewed AS SELECT * FROM (VALUES ('A1', 'A', 1, 1, 100), ('A2', 'A', 1, 1, 100), ('A3', 'A', 1, 1, 100), ('A4', 'A', 1, 1, 100), ('B1', 'B', 2, 1, 100), ('B2', 'B', 2, 1, 100), ('B3', 'B', 2, 1, 100), ('B4', 'B', 2, 1, 100)) t(unit_id, village_kode, desil, members, cost)`
		);
		const skewed = spec({ candidates: spec().candidates.replace('FROM units', 'FROM skewed'), lines: [{ line: 'APBD', budget: 400 }] });
		expect(funded(await run(skewed))).toEqual(['A1', 'A2', 'A3', 'A4']);
		// 4 units reachable; A and B need 4 each: a quota of ceil(4 × 4 / 8) = 2 each.
		const rows = await run({ ...skewed, villageQuota: true });
		expect(funded(rows)).toEqual(['A1', 'A2', 'B1', 'B2']);
		expect(rows.filter((r) => r.status === 'over_cap').map((r) => r.unit_id)).toEqual(['A3', 'A4', 'B3', 'B4']);
		// With a cap as well, the smaller limit holds.
		expect(funded(await run({ ...skewed, villageQuota: true, villageCap: 1 }))).toEqual(['A1', 'B1']);
	});
});
