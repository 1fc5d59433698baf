import { describe, expect, it } from 'vitest';
import { defaultPlan, type Plan } from '../../src/lib/core/plan';
import { allocationPart, figuresPart, funnelPart, stableKey } from '../../src/lib/core/plan-parts';

function edited(edit: (plan: Plan) => void): Plan {
	const plan = defaultPlan();
	edit(plan);
	return plan;
}

const parts = { figuresPart, funnelPart, allocationPart };

describe('plan parts', () => {
	it('stableKey does not depend on the order object keys were written in', () => {
		expect(stableKey({ a: 1, b: { c: 2, d: [3, { e: 4, f: 5 }] } })).toBe(stableKey({ b: { d: [3, { f: 5, e: 4 }], c: 2 }, a: 1 }));
		expect(stableKey([1, 2])).not.toBe(stableKey([2, 1]));
	});

	it('renaming or re-dating a plan changes no part', () => {
		const plan = defaultPlan();
		const renamed = edited((p) => {
			p.name = 'Rencana lain';
			p.date = '2031-01-02';
		});
		for (const part of Object.values(parts)) expect(part(renamed)).toBe(part(plan));
	});

	it('a threshold changes every part; a budget only the allocation', () => {
		const plan = defaultPlan();
		const threshold = edited((p) => (p.indicators.housing.minFloorAreaPerPerson = 9));
		for (const part of Object.values(parts)) expect(part(threshold)).not.toBe(part(plan));
		const budget = edited((p) => (p.villageCap = 3));
		expect(figuresPart(budget)).toBe(figuresPart(plan));
		expect(funnelPart(budget)).toBe(funnelPart(plan));
		expect(allocationPart(budget)).not.toBe(allocationPart(plan));
	});

	it('a programme setting changes the funnel and the allocation, not the figures', () => {
		const plan = defaultPlan();
		const programme = edited((p) => (p.programmes.bsps.enabled = !p.programmes.bsps.enabled));
		expect(figuresPart(programme)).toBe(figuresPart(plan));
		expect(funnelPart(programme)).not.toBe(funnelPart(plan));
		expect(allocationPart(programme)).not.toBe(allocationPart(plan));
	});
});
