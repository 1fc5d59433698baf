/**
 * A rehearsal of a load (ingest's `rehearsal` option, state/rehearsal.ts): every step runs on DuckDB,
 * the loaded register stays as it was, nothing is left behind, the screens' reads go between its
 * statements, and a real load's stop ends it at its next statement with its cleanup done.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import { rowsOf } from '../../src/lib/core/rows';
import { bytesByteSource, ingestRegister, loadReference } from '../../src/lib/ingest';
import { QueryCoordinator } from '../../src/lib/state/query/coordinator';
import { rehearseLoad } from '../../src/lib/state/rehearsal';
import { TINY_REFERENCE, fixtureBytes } from '../fixtures/ingest';
import { DelegatingEngine } from './delegating-engine';

const REGISTER = 'dtsen-flat.csv';

async function register() {
	return bytesByteSource(REGISTER, await fixtureBytes(REGISTER));
}

/** Every table but the reference's, with its row count: what a rehearsal must leave as it found it. */
async function tables(engine: Engine): Promise<string[]> {
	const names = rowsOf(await engine.query(`SELECT table_name FROM duckdb_tables() ORDER BY 1`), { table_name: 'string' });
	const counted: string[] = [];
	for (const { table_name } of names) {
		const [row] = rowsOf(await engine.query(`SELECT count(*)::INTEGER AS n FROM ${table_name}`), { n: 'number' });
		counted.push(`${table_name} ${row?.n}`);
	}
	return counted;
}

/** The engine, counting statements; `onExec` runs before the one numbered `at` (1-based). */
class CountingEngine extends DelegatingEngine {
	executed = 0;
	constructor(
		inner: NodeEngine,
		private readonly at = Infinity,
		private readonly onExec: () => void = () => undefined
	) {
		super(inner);
	}
	override async exec(sql: string): Promise<void> {
		this.executed += 1;
		if (this.executed === this.at) this.onExec();
		return this.inner.exec(sql);
	}
}

describe('a rehearsal of a load', () => {
	let engine: NodeEngine;
	let before: string[];
	beforeAll(async () => {
		engine = await NodeEngine.open();
	});
	afterAll(async () => {
		await engine.close();
	});
	beforeEach(async () => {
		for (const t of (await tables(engine)).map((row) => row.split(' ')[0])) await engine.exec(`DROP TABLE IF EXISTS ${t}`);
		await loadReference(engine, TINY_REFERENCE);
		// A register loaded before, whose tables the rehearsal must not touch.
		await ingestRegister(engine, [await register()], TINY_REFERENCE);
		await engine.exec(`DELETE FROM person WHERE person_id IN (SELECT person_id FROM person ORDER BY person_id LIMIT 3)`);
		before = await tables(engine);
	});

	it('runs every step, counts as the load would, and leaves the loaded tables and no others', async () => {
		const result = await ingestRegister(engine, [await register()], TINY_REFERENCE, { rehearsal: true });
		expect(result).toMatchObject({ source: 'dtsen', rowsRead: 10, households: 4, people: 10, rowsRejected: 0 });
		expect(before).toContain('person 7');
		expect(await tables(engine)).toEqual(before);
	});

	it('sends its statements through the coordinator, with the screens’ reads between them', async () => {
		const counting = new CountingEngine(engine);
		const coordinator = new QueryCoordinator(async () => counting);
		// Lent for the files only: a statement sent past the coordinator fails.
		const files: Engine = Object.assign(Object.create(counting) as Engine, {
			query: () => Promise.reject(new Error('a statement sent past the coordinator')),
			exec: () => Promise.reject(new Error('a statement sent past the coordinator'))
		});
		const finished: string[] = [];
		const rehearsal = rehearseLoad({
			engine: files,
			coordinator,
			sources: [await register()],
			reference: TINY_REFERENCE,
			signal: new AbortController().signal
		}).then((state) => finished.push(`rehearsal ${state}`));
		// Asked while the rehearsal's first statements are queued: answered before the rest of them.
		const read = coordinator
			.submit({
				priority: 'interactive',
				run: async (e) => rowsOf(await e.query('SELECT count(*)::INTEGER AS n FROM person'), { n: 'number' })
			})
			.then((rows) => finished.push(`read ${rows[0]?.n}`));
		await Promise.all([rehearsal, read]);
		expect(finished).toEqual(['read 7', 'rehearsal done']);
		expect(counting.executed).toBeGreaterThan(20);
		expect(await tables(engine)).toEqual(before);
	});

	it('stops at its next statement once stopped, cleans up, and says it was stopped', async () => {
		const stop = new AbortController();
		// Stopped as its tenth statement is sent: the rest of the load never runs, its drops do.
		const counting = new CountingEngine(engine, 10, () => stop.abort());
		const coordinator = new QueryCoordinator(async () => counting);
		const state = await rehearseLoad({
			engine: counting,
			coordinator,
			sources: [await register()],
			reference: TINY_REFERENCE,
			signal: stop.signal
		});
		expect(state).toBe('stopped');
		const full = new CountingEngine(engine);
		await ingestRegister(full, [await register()], TINY_REFERENCE, { rehearsal: true });
		// Far fewer statements than a whole rehearsal: it did not run on after the stop.
		expect(counting.executed).toBeLessThan(full.executed / 2);
		expect(await tables(engine)).toEqual(before);
	});
});
