/** The Plan screen's paged funded list and unit look-up against DuckDB in Node: pages add up to the export's list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReference } from '../../src/cli/reference';
import { parsePlan } from '../../src/lib/core/plan';
import { NodeEngine } from '../../src/lib/engine/node';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { allocationUnit, bnba, bnbaPage, bnbaSql, runAllocation } from '../../src/lib/queries/allocation';
import { fixture } from '../fixtures/ingest';

const PAIR = [fixture('dtsen-keluarga.csv'), fixture('dtsen-anggota.csv')];
const PLAN = {
	population: { desil: { min: 1, max: 10 }, verval: ['found', 'unverified'] },
	fundingLines: [{ id: 'apbd', name: 'APBD', kind: 'APBD', budgets: { pip: 100_000_000, water: 100_000_000 } }]
};

describe('paged BNBA', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		const reference = await readReference(undefined);
		await loadReference(engine, reference);
		await ingestRegister(engine, await Promise.all(PAIR.map((f) => fileByteSource(f))), reference);
		await runAllocation(engine, parsePlan(JSON.stringify(PLAN), 'rencana.json'));
	});
	afterAll(async () => {
		await engine?.close();
	});

	it('pages through the same rows, in the same order, as the whole list', async () => {
		for (const programme of ['pip', 'water'] as const) {
			const all = await bnba(engine, programme);
			expect(all.length).toBeGreaterThan(programme === 'pip' ? 1 : 0);
			const pages = [];
			for (let offset = 0; offset < all.length + 1; offset += 1) {
				const page = await bnbaPage(engine, programme, undefined, 1, offset);
				expect(page.rows.length).toBeLessThanOrEqual(1);
				expect(page.total).toBe(all.length);
				pages.push(...page.rows);
			}
			expect(pages).toEqual(all);
			const village = all[0]?.village_kode ?? '';
			const inVillage = await bnbaPage(engine, programme, village, 1000, 0);
			expect(inVillage.rows).toEqual(all.filter((r) => r.village_kode === village));
			expect(inVillage.total).toBe(inVillage.rows.length);
		}
	});

	it('names each row by the unit an override takes, and finds a candidate by id', async () => {
		const pip = await bnba(engine, 'pip');
		const first = pip[0];
		if (!first) throw new Error('no PIP row');
		expect(first.unit_id).not.toBe(first.household_id);
		expect(await allocationUnit(engine, 'pip', first.unit_id)).toMatchObject({ unit_id: first.unit_id, status: 'funded' });
		expect(await allocationUnit(engine, 'pip', "x' OR '1'='1")).toBeNull();
		const water = await bnba(engine, 'water');
		expect(water.every((r) => r.unit_id === r.household_id)).toBe(true);
	});

	it("names a person programme's unit by the person, a household programme's by its head", async () => {
		const people = (await engine.query('SELECT person_id, household_id, nik, name, relation FROM person')).toArray() as {
			person_id: string;
			household_id: string;
			nik: string | null;
			name: string | null;
			relation: string | null;
		}[];
		const pip = await bnba(engine, 'pip');
		for (const row of pip) {
			const person = people.find((p) => p.person_id === row.unit_id);
			expect([row.nik, row.nama]).toEqual([person?.nik, person?.name]);
		}
		const water = await bnba(engine, 'water');
		expect(water.length).toBeGreaterThan(0);
		for (const row of water) {
			const heads = people.filter((p) => p.household_id === row.household_id && p.relation === 'head' && p.nik !== null);
			expect(row.nik).toBe(heads.map((p) => p.nik).sort()[0] ?? null);
		}
	});

	it('joins the people on their keys: no nested loop over every person for every funded unit', async () => {
		for (const programme of ['pip', 'water'] as const) {
			const plan = (await engine.query(`EXPLAIN ${bnbaSql(programme)}`))
				.toArray()
				.map((r) => String(r.explain_value))
				.join('\n');
			expect(plan).toContain('HASH_JOIN');
			expect(plan).not.toMatch(/NESTED_LOOP|BLOCKWISE_NL|CROSS_PRODUCT|PIECEWISE_MERGE/);
		}
	});
});
