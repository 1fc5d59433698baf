/**
 * The notes the Plan and Map screens show beside each default say what the app does: no working marks
 * ("[inferred]", "[verify]", "DESIGN:" …), and the funding-line example (the default plan's APBD RTLH
 * budget) states the number of houses the app's own allocation funds on the bundled sample.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReference } from '../../src/cli/reference';
import { DEFAULT_SOURCES, defaultPlan } from '../../src/lib/core/plan';
import { defaultSourceWords } from '../../src/lib/words/plan-sources';
import { rowsOf } from '../../src/lib/core/rows';
import { NodeEngine } from '../../src/lib/engine/node';
import { loadReference } from '../../src/lib/ingest';
import { REGISTER_TABLES } from '../../src/lib/ingest/tables';
import { runAllocation } from '../../src/lib/queries/allocation';
import type { RegisterTables } from '../../src/lib/state/persistence';
import { restoreTables } from '../../src/lib/state/register-tables';
import { prebuiltPath } from '../../src/lib/state/sample';
import { formatRupiahShort } from '../../src/lib/ui/format';

const ROOT = resolve(import.meta.dirname, '../..');
const WORKING_MARK = /\[(inferred|verify|gap|todo|\?)\]|\bDESIGN\b|\bDOMAIN\b|\bTODO\b|\bFIXME\b|\bTBD\b/i;

describe('notes shown to users', () => {
	it('carry no working marks (default sources and every UI message)', async () => {
		for (const key of DEFAULT_SOURCES) {
			for (const locale of ['id', 'en'] as const) expect(defaultSourceWords(key, locale), key).not.toMatch(WORKING_MARK);
		}
		for (const locale of ['id', 'en']) {
			const messages = JSON.parse(await readFile(join(ROOT, 'messages', `${locale}.json`), 'utf8')) as Record<string, string>;
			for (const [key, text] of Object.entries(messages)) expect(text, `${locale}:${key}`).not.toMatch(WORKING_MARK);
		}
	});
});

describe('the default funding-line example on the bundled sample', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		// The bundled sample as the build makes it (a no-op when static/sample/ is current).
		await new Promise<void>((done, fail) =>
			execFile(process.execPath, ['--import', 'tsx', 'scripts/ensure-sample.ts'], { cwd: ROOT }, (error, _out, stderr) =>
				error ? fail(new Error(`ensure-sample: ${stderr}`)) : done()
			)
		);
		engine = await NodeEngine.open();
		await loadReference(engine, await readReference());
		const tables: Partial<RegisterTables> = {};
		for (const table of REGISTER_TABLES) {
			tables[table] = new Uint8Array(await readFile(join(ROOT, 'static', prebuiltPath(table))));
		}
		await restoreTables(engine, tables as RegisterTables);
	}, 600_000);
	afterAll(async () => {
		await engine?.close();
	});

	it('states the houses the default plan funds: Rp 5 M ÷ Rp 50 jt = 100, and the allocation funds 100', async () => {
		const plan = defaultPlan();
		const apbd = plan.fundingLines[0]!;
		const budget = apbd.budgets.rtlh ?? 0;
		const unitCost = plan.programmes.rtlh.unitCost;
		// The only budget of the default plan is APBD's RTLH line.
		expect(apbd.id).toBe('apbd');
		expect(plan.fundingLines.map((l) => Object.keys(l.budgets))).toEqual([['rtlh'], [], []]);
		expect(Object.values(plan.zoneCostMultiplier)).toEqual([1, 1, 1]);
		// By hand: 5.000.000.000 / 50.000.000 = 100 houses.
		expect([budget, unitCost]).toEqual([5_000_000_000, 50_000_000]);
		const text = defaultSourceWords('fundingLines', 'id');
		expect(text).toContain(`RTLH APBD Kukar 2025 ${formatRupiahShort(budget)};`);
		expect(text).toContain(`dengan ${formatRupiahShort(unitCost)} per rumah cukup untuk 100 rumah`);

		await runAllocation(engine, plan);
		const rtlh = rowsOf(
			await engine.query(
				`SELECT count(*)::INTEGER AS candidates, count_if(status = 'funded')::INTEGER AS funded, ` +
					`count_if(status = 'funded' AND funding_line = 'apbd')::INTEGER AS apbd, ` +
					`coalesce(sum(cost) FILTER (WHERE status = 'funded'), 0)::DOUBLE AS rupiah FROM allocation WHERE programme = 'rtlh'`
			),
			{ candidates: 'number', funded: 'number', apbd: 'number', rupiah: 'number' }
		)[0]!;
		// The budget, not the need, is the limit: more candidates than houses funded.
		expect(rtlh.candidates).toBeGreaterThan(100);
		expect(rtlh).toMatchObject({ funded: 100, apbd: 100, rupiah: 5_000_000_000 });
	});
});
