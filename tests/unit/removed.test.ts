/** What one funded unit removes (core/programs/removed.ts), per unit of the hand-made register. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeId } from '../../src/lib/core/plan';
import { peopleReachedSql, removedSql } from '../../src/lib/core/programs/removed';
import { rowsOf } from '../../src/lib/core/rows';
import { NodeEngine } from '../../src/lib/engine/node';
import { coveragePlan, loadCoverageFixture } from '../fixtures/coverage';

describe('deprivations one funded unit removes', () => {
	let engine: NodeEngine;
	const plan = coveragePlan();

	/** removed and people of every household (household programmes) or person (person programmes). */
	async function perUnit(programme: ProgrammeId): Promise<Record<string, [number, number]>> {
		const person = programme === 'pip' || programme === 'paket';
		const sql = person
			? `SELECT p.person_id AS id, ${removedSql(plan, programme)} AS removed, ${peopleReachedSql(programme)} AS people FROM person p JOIN household h USING (household_id)`
			: `SELECT h.household_id AS id, ${removedSql(plan, programme)} AS removed, ${peopleReachedSql(programme)} AS people FROM household h`;
		const rows = rowsOf(await engine.query(`${sql} ORDER BY id`), { id: 'string', removed: 'number', people: 'number' });
		return Object.fromEntries(rows.map((r) => [r.id, [r.removed, r.people]]));
	}

	beforeAll(async () => {
		engine = await NodeEngine.open();
		await loadCoverageFixture(engine);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('a renovation: the unfit criteria (roof, wall, floor, crowding) times the people', async () => {
		const expected = { R1: [20, 5], R2: [12, 4], R3: [3, 3], R4: [2, 2] };
		expect(await perUnit('rtlh')).toEqual(expected);
		expect(await perUnit('bsps')).toEqual(expected);
	});

	it('crowding follows the plan: at 9 m² a person R2 (10 m²) is still not crowded, at 11 it is', async () => {
		const wider = coveragePlan();
		wider.indicators.housing.minFloorAreaPerPerson = 11;
		const rows = rowsOf(await engine.query(`SELECT ${removedSql(wider, 'rtlh')} AS removed FROM household h WHERE household_id = 'R2'`), {
			removed: 'number'
		});
		expect(rows).toEqual([{ removed: 16 }]);
	});

	it('a water connection: the people of an unsafe source, half of a conditional one, none of a safe one', async () => {
		expect(await perUnit('water')).toEqual({ R1: [5, 5], R2: [4, 4], R3: [1.5, 3], R4: [0, 2] });
	});

	it('PIP: a child brought back to school 1, a child kept in school ½; Paket: 1 a person', async () => {
		const pip = await perUnit('pip');
		expect([pip.P1, pip.P2, pip.P3]).toEqual([
			[1, 1],
			[0.5, 1],
			[0.5, 1]
		]);
		const paket = await perUnit('paket');
		expect([paket.P4, paket.P5]).toEqual([
			[1, 1],
			[1, 1]
		]);
	});
});
