import { describe, expect, it } from 'vitest';
import { errorWords } from '../../src/lib/words';
import { PlanFileError, defaultPlan, parsePlan, serialisePlan, type FundingLine } from '../../src/lib/core/plan';
import { drawsFor } from '../../src/lib/core/programs';

function refusal(value: unknown): { field?: string; message: string } {
	try {
		parsePlan(JSON.stringify(value), 'rencana.json');
	} catch (error) {
		if (error instanceof PlanFileError) return { field: error.field, message: errorWords(error, 'id') };
		throw error;
	}
	throw new Error('plan was accepted');
}

const PLEDGE_LINE: FundingLine = {
	id: 'csr-pt-a-1',
	name: 'PT A: air bersih',
	kind: 'CSR',
	budgets: {},
	units: { water: 20 },
	villages: ['64.02.06.2002', '64.02.06.2001'],
	pledge: {
		id: '1',
		firm: 'PT A',
		contact: 'csr@pt-a.example',
		year: 2027,
		pack: 'abc123',
		seen: { units: 25, rupiah: null },
		unseen: ['64.02.06.2002']
	}
};

describe('plan: pledge lines and the partner threshold (version 5)', () => {
	it('round-trips a targeted line and the threshold; villages come back sorted', () => {
		const plan = defaultPlan();
		plan.fundingLines.push(structuredClone(PLEDGE_LINE));
		plan.partner.threshold = 10;
		const back = parsePlan(serialisePlan(plan), 'p.json');
		expect(back.partner.threshold).toBe(10);
		expect(back.fundingLines.at(-1)).toEqual({ ...PLEDGE_LINE, villages: ['64.02.06.2001', '64.02.06.2002'] });
	});

	it('the default threshold is 5, and a version 4 file opens with it', () => {
		expect(defaultPlan().partner.threshold).toBe(5);
		expect(parsePlan('{"version": 4}', 'v4.json').partner).toEqual({ threshold: 5 });
	});

	it('refuses a threshold outside 2–100 or not whole, and a partner key in a version 4 file', () => {
		expect(refusal({ partner: { threshold: 1 } }).field).toBe('partner.threshold');
		expect(refusal({ partner: { threshold: 101 } }).field).toBe('partner.threshold');
		expect(refusal({ partner: { threshold: 4.5 } }).field).toBe('partner.threshold');
		expect(refusal({ partner: { thresold: 5 } }).field).toBe('partner.thresold');
		expect(refusal({ version: 4, partner: { threshold: 5 } }).field).toBe('partner');
	});

	it('refuses bad village codes, an empty village list, and units beside Rupiah for one programme', () => {
		const line = (change: Record<string, unknown>) => ({ fundingLines: [{ id: 'p', kind: 'CSR', ...change }] });
		const bad = refusal(line({ villages: ['64.02.06'] }));
		expect(bad.field).toBe('fundingLines[0].villages[0]');
		expect(bad.message).toContain('kode desa');
		expect(refusal(line({ villages: [] })).field).toBe('fundingLines[0].villages');
		const both = refusal(line({ budgets: { pip: 1000 }, units: { pip: 3 } }));
		expect(both.field).toBe('fundingLines[0].units.pip');
		expect(both.message).toContain('unit sekaligus dalam Rupiah');
		expect(refusal(line({ units: { pip: -1 } })).field).toBe('fundingLines[0].units.pip');
		expect(refusal(line({ pledge: { id: '1', year: 2027 } })).field).toBe('fundingLines[0].pledge.firm');
	});

	it('drawsFor: untargeted lines keep their budget; a targeted line draws only the programmes it names', () => {
		const plan = defaultPlan();
		plan.fundingLines.push(structuredClone(PLEDGE_LINE));
		expect(drawsFor(plan, 'water')).toEqual([
			{ line: 'apbd', budget: 0 },
			{ line: 'apbn', budget: 0 },
			{ line: 'csr', budget: 0 },
			{ line: 'csr-pt-a-1', budget: 0, units: 20, villages: ['64.02.06.2002', '64.02.06.2001'] }
		]);
		expect(drawsFor(plan, 'pip').map((d) => d.line)).toEqual(['apbd', 'apbn', 'csr']);
	});
});
