import { describe, expect, it } from 'vitest';
import { defaultPlan, serialisePlan } from '$lib/core/plan';
import { PlanModel } from './PlanModel.svelte';

const file = (text: string, name: string) => new File([text], name, { type: 'application/json' });

describe('PlanModel', () => {
	it('opens a valid plan file and counts the change', async () => {
		const model = new PlanModel();
		const plan = defaultPlan();
		plan.name = 'RKA 2027';
		plan.indicators.housing.minFloorAreaPerPerson = 9;
		const revision = model.revision;
		expect(await model.open(file(serialisePlan(plan), 'rencana-rka-2027.json'))).toBe(true);
		expect(model.current).toEqual(plan);
		expect(model.revision).toBe(revision + 1);
		expect(model.error).toBeNull();
	});

	it('refuses an invalid plan file with its message and keeps the current plan', async () => {
		const model = new PlanModel();
		model.update((draft) => (draft.name = 'Dipakai'));
		const before = model.current;
		const revision = model.revision;
		expect(await model.open(file('{"population": {"desil": {"min": 7, "max": 2}}}', 'salah.json'))).toBe(false);
		expect(model.error).toBe("Berkas rencana 'salah.json': population.desil min (7) lebih besar dari max (2).");
		expect(model.current).toBe(before);
		expect(model.revision).toBe(revision);
		expect(await model.open(file('bukan json', 'teks.json'))).toBe(false);
		expect(model.error).toContain("Berkas rencana 'teks.json' bukan JSON yang sah");
		expect(model.current.name).toBe('Dipakai');
	});

	it('an edit that breaks the plan is refused and changes nothing', () => {
		const model = new PlanModel();
		const before = model.current;
		expect(() => model.update((draft) => (draft.indicators.housing.minFloorAreaPerPerson = -3))).toThrow(/minFloorAreaPerPerson/);
		expect(model.current).toBe(before);
	});
});

describe('PlanModel dates', () => {
	it('an edit dates the plan today; opening a file keeps the file’s date', async () => {
		const model = new PlanModel();
		model.update((draft) => (draft.name = 'Baru'));
		expect(model.current.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const dated = { ...defaultPlan(), date: '2026-01-15' };
		await model.open(file(serialisePlan(dated), 'lama.json'));
		expect(model.current.date).toBe('2026-01-15');
	});
});
