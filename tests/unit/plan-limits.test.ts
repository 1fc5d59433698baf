/**
 * Issue 18, bounded work: a plan's size is checked before any of it is used, so a hostile plan is
 * refused in milliseconds with the field named, in the CLI and in the browser alike.
 */
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	MAX_FUNDING_LINES,
	MAX_OVERRIDES,
	MAX_PLAN_BYTES,
	PLAN_TEXT,
	PlanFileError,
	checkPlanSize,
	defaultPlan,
	isCalendarDate,
	parsePlan,
	serialisePlan
} from '../../src/lib/core/plan';
import { errorWords } from '../../src/lib/words';
import { readPlan } from '../../src/cli/plan-file';

function refused(text: string): { field: string | undefined; message: string } {
	try {
		parsePlan(text, 'r.json');
	} catch (error) {
		if (error instanceof PlanFileError) return { field: error.field, message: errorWords(error, 'id') };
		throw error;
	}
	throw new Error('the plan was accepted');
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `l${i}`, name: `Baris ${i}`, kind: 'CSR', budgets: {} }));
const overrides = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ programme: 'pip', unitId: `P${i}`, action: 'exclude', reason: 'sudah menerima' }));

describe('plan limits', () => {
	it(`at most ${MAX_FUNDING_LINES} funding lines`, () => {
		expect(parsePlan(JSON.stringify({ fundingLines: lines(MAX_FUNDING_LINES) }), 'r.json').fundingLines).toHaveLength(MAX_FUNDING_LINES);
		const refusal = refused(JSON.stringify({ fundingLines: lines(10_000) }));
		expect(refusal).toEqual({
			field: 'fundingLines',
			message: `Berkas rencana 'r.json': fundingLines paling banyak ${MAX_FUNDING_LINES} (tertulis 10000).`
		});
	});

	it(`at most ${MAX_OVERRIDES} overrides`, () => {
		expect(parsePlan(JSON.stringify({ overrides: overrides(3) }), 'r.json').overrides).toHaveLength(3);
		expect(refused(JSON.stringify({ overrides: overrides(MAX_OVERRIDES + 1) })).field).toBe('overrides');
	});

	it(`a name of at most ${PLAN_TEXT} characters, a 1 MiB name refused`, () => {
		const name = 'ä'.repeat(PLAN_TEXT);
		expect(parsePlan(JSON.stringify({ name }), 'r.json').name).toBe(name);
		expect(refused(JSON.stringify({ name: `${name}x` }))).toEqual({
			field: 'name',
			message: `Berkas rencana 'r.json': name paling panjang ${PLAN_TEXT} karakter (tertulis ${PLAN_TEXT + 1}).`
		});
		expect(refused(JSON.stringify({ name: 'x'.repeat(1024 * 1024) })).field).toBe('name');
		const line = { ...lines(1)[0], name: 'y'.repeat(PLAN_TEXT + 1) };
		expect(refused(JSON.stringify({ fundingLines: [line] })).field).toBe('fundingLines[0].name');
	});

	it('a date must be a day of the calendar', () => {
		expect(isCalendarDate('2024-02-29')).toBe(true);
		expect(isCalendarDate('2026-12-31')).toBe(true);
		for (const date of ['2026-02-31', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01']) {
			expect(isCalendarDate(date), date).toBe(false);
			expect(refused(JSON.stringify({ date })).field).toBe('date');
		}
	});

	it('a plan file with a BOM reads the same as without, in the CLI too', async () => {
		const plan = defaultPlan();
		plan.name = 'RKA 2027';
		const text = serialisePlan(plan);
		expect(parsePlan(`\uFEFF${text}`, 'r.json')).toEqual(parsePlan(text, 'r.json'));
		const dir = await mkdtemp(join(tmpdir(), 'tepat-plan-'));
		await writeFile(join(dir, 'bom.json'), `\uFEFF${text}`, 'utf8');
		expect(await readPlan(join(dir, 'bom.json'))).toEqual(plan);
	});

	it('a file larger than a plan can be is refused before it is read', async () => {
		expect(() => checkPlanSize(MAX_PLAN_BYTES, 'r.json')).not.toThrow();
		const dir = await mkdtemp(join(tmpdir(), 'tepat-plan-'));
		const path = join(dir, 'besar.json');
		await writeFile(path, '{');
		// Sparse: the size is there, the bytes are not, so reading it would show as a parse error instead.
		await truncate(path, MAX_PLAN_BYTES + 1);
		const error = await readPlan(path).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PlanFileError);
		expect(errorWords(error, 'id')).toBe(
			`Berkas rencana '${path}' (33 MB) terlalu besar: berkas rencana paling besar 32 MB. Pastikan yang dipilih memang berkas rencana Tepat (.json).`
		);
	});
});
