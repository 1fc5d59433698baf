import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocationSql, type AllocationSpec, type FundingDraw } from '../../src/lib/core/programs/allocate';
import { rowsOf } from '../../src/lib/core/rows';
import { NodeEngine } from '../../src/lib/engine/node';

/** unit, village, desil, members, cost: the queue is U03 U06 U02 U10 U09 U05 U07 U01 U08 U04 (allocate.test.ts). */
const UNITS: [string, string, number | null, number, number][] = [
	['U01', 'A', 3, 4, 100],
	['U02', 'A', 1, 2, 100],
	['U03', 'A', 1, 5, 100],
	['U04', 'A', null, 9, 100],
	['U05', 'A', 2, 3, 100],
	['U06', 'B', 1, 5, 100],
	['U07', 'B', 2, 3, 100],
	['U08', 'B', 4, 1, 100],
	['U09', 'B', 2, 6, 200],
	['U10', 'B', 1, 1, 100]
];

const ROW = { unit_id: 'string', funding_line: 'string?', status: 'string' } as const;

const APBD: FundingDraw = { line: 'APBD', budget: 200 };

function spec(lines: FundingDraw[], change: Partial<AllocationSpec> = {}): AllocationSpec {
	return {
		programme: 'test',
		candidates: `SELECT unit_id, 'H' || unit_id AS household_id, village_kode, cost, 'eligible' AS rule, desil, members FROM units`,
		priority: [
			{ column: 'desil', direction: 'asc' },
			{ column: 'members', direction: 'desc' }
		],
		lines,
		villageCap: null,
		overrides: null,
		...change
	};
}

describe('targeted funding lines (pledges)', () => {
	let engine: NodeEngine;
	/** Funded units as "unit:line", in queue order. */
	const funded = async (s: AllocationSpec) =>
		rowsOf(await engine.query(`SELECT * FROM (${allocationSql(s)}) ORDER BY rank NULLS LAST, unit_id`), ROW)
			.filter((r) => r.status === 'funded')
			.map((r) => `${r.unit_id}:${r.funding_line}`);

	beforeAll(async () => {
		engine = await NodeEngine.open();
		const values = UNITS.map(([u, v, d, m, c]) => `('${u}', '${v}', ${d ?? 'NULL'}, ${m}, ${c})`).join(', ');
		await engine.exec(
			`CREATE TABLE units AS SELECT * FROM (VALUES ${values}) t(unit_id, village_kode, desil, members, cost) ORDER BY random()`
		);
		await engine.exec(`CREATE TABLE overrides (programme VARCHAR, unit_id VARCHAR, action VARCHAR, reason VARCHAR)`);
		await engine.exec(`INSERT INTO overrides VALUES ('test', 'U10', 'exclude', 'moved away')`);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('a pledge of units in one village takes its next unfunded units after APBD', async () => {
		expect(await funded(spec([APBD, { line: 'P1', budget: 0, units: 2, villages: ['B'] }]))).toEqual([
			'U03:APBD',
			'U06:APBD',
			'U10:P1',
			'U09:P1'
		]);
	});

	it('draws after the untargeted lines wherever the plan lists it', async () => {
		expect(await funded(spec([{ line: 'P1', budget: 0, units: 2, villages: ['B'] }, APBD]))).toEqual([
			'U03:APBD',
			'U06:APBD',
			'U10:P1',
			'U09:P1'
		]);
	});

	it('a second pledge takes what the first left, in Rupiah within its villages', async () => {
		// After APBD and P1 the queue left is U02 (A) U05 (A) U07 (B) U01 (A) U08 (B) U04 (A); 250 Rupiah buys two.
		expect(
			await funded(spec([APBD, { line: 'P1', budget: 0, units: 2, villages: ['B'] }, { line: 'P2', budget: 250, villages: ['A', 'B'] }]))
		).toEqual(['U03:APBD', 'U06:APBD', 'U02:P2', 'U10:P1', 'U09:P1', 'U05:P2']);
	});

	it('a Rupiah pledge stops at the first unit it cannot pay (one run of its own queue)', async () => {
		// B's queue after APBD: U10 (100), U09 (200), U07, U08: 250 pays U10, and U09 would pass it.
		expect(await funded(spec([APBD, { line: 'P1', budget: 250, villages: ['B'] }]))).toEqual(['U03:APBD', 'U06:APBD', 'U10:P1']);
	});

	it('pledging more units than are left funds only those left', async () => {
		expect(await funded(spec([APBD, { line: 'P1', budget: 0, units: 10, villages: ['B'] }]))).toEqual([
			'U03:APBD',
			'U06:APBD',
			'U10:P1',
			'U09:P1',
			'U07:P1',
			'U08:P1'
		]);
	});

	it('a pledge in units without villages draws regency-wide', async () => {
		expect(await funded(spec([APBD, { line: 'P1', budget: 0, units: 3 }]))).toEqual(['U03:APBD', 'U06:APBD', 'U02:P1', 'U10:P1', 'U09:P1']);
	});

	it('a village with no candidate gives a pledge nothing', async () => {
		expect(await funded(spec([APBD, { line: 'P1', budget: 0, units: 3, villages: ['C'] }]))).toEqual(['U03:APBD', 'U06:APBD']);
	});

	it('over a village cap, a pledge still funds the units the cap held back', async () => {
		const s = spec(
			[
				{ line: 'APBD', budget: 1000 },
				{ line: 'P1', budget: 0, units: 2, villages: ['A'] }
			],
			{ villageCap: 1 }
		);
		expect(await funded(s)).toEqual(['U03:APBD', 'U06:APBD', 'U02:P1', 'U05:P1']);
	});

	it('an excluded unit is never pledged', async () => {
		const s = spec([APBD, { line: 'P1', budget: 0, units: 1, villages: ['B'] }], { overrides: 'overrides' });
		expect(await funded(s)).toEqual(['U03:APBD', 'U06:APBD', 'U09:P1']);
	});

	it('no unit is funded twice and every funded unit has one line', async () => {
		const s = spec([
			{ line: 'APBD', budget: 300 },
			{ line: 'P1', budget: 0, units: 3 },
			{ line: 'P2', budget: 0, units: 3, villages: ['A'] },
			{ line: 'P3', budget: 10_000, villages: ['A', 'B'] }
		]);
		const rows = rowsOf(await engine.query(allocationSql(s)), ROW);
		expect(new Set(rows.map((r) => r.unit_id)).size).toBe(rows.length);
		expect(rows.filter((r) => r.status === 'funded')).toHaveLength(10);
		// APBD: U03 U06 U02; P1: U10 U09 U05; P2 finds only U01 and U04 left in A; P3 the rest of B.
		const of = (line: string) =>
			rows
				.filter((r) => r.funding_line === line)
				.map((r) => r.unit_id)
				.sort();
		expect([of('APBD'), of('P1'), of('P2'), of('P3')]).toEqual([
			['U02', 'U03', 'U06'],
			['U05', 'U09', 'U10'],
			['U01', 'U04'],
			['U07', 'U08']
		]);
	});
});
