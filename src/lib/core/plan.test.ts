import { describe, expect, it } from 'vitest';
import { PLAN_VERSION, PlanFileError, defaultPlan, parsePlan, planOf, serialisePlan } from './plan';

function refusal(text: string): PlanFileError {
	try {
		parsePlan(text, 'rencana.json');
	} catch (error) {
		if (error instanceof PlanFileError) return error;
		throw error;
	}
	throw new Error('plan was accepted');
}

describe('plan document', () => {
	it('round-trips: serialise → parse gives the same plan and the same bytes', () => {
		const plan = defaultPlan();
		plan.name = 'RKA 2027';
		plan.indicators.housing.minFloorAreaPerPerson = 9;
		const text = serialisePlan(plan);
		expect(parsePlan(text, 'a.json')).toEqual(plan);
		expect(serialisePlan(parsePlan(text, 'a.json'))).toBe(text);
	});

	it('a partial plan takes the defaults for what it leaves out', () => {
		const plan = parsePlan('{"indicators": {"housing": {"minFloorAreaPerPerson": 9}}}', 'p.json');
		const expected = defaultPlan();
		expected.indicators.housing.minFloorAreaPerPerson = 9;
		expect(plan).toEqual(expected);
		expect(planOf({}, 'empty')).toEqual(defaultPlan());
	});

	it('names the field of a wrong value, in Indonesian', () => {
		expect(refusal('{"indicators": {"housing": {"minFloorAreaPerPerson": "sembilan"}}}')).toMatchObject({
			field: 'indicators.housing.minFloorAreaPerPerson',
			message: "Berkas rencana 'rencana.json': indicators.housing.minFloorAreaPerPerson harus berupa angka."
		});
		expect(refusal('{"population": {"desil": {"min": 0, "max": 4}}}').field).toBe('population.desil');
		expect(refusal('{"population": {"desil": {"min": 5, "max": 4}}}').message).toContain('lebih besar dari max');
		expect(refusal('{"population": {"verval": ["found", "hilang"]}}').message).toContain('"hilang"');
		expect(refusal('{"population": {"verval": []}}').field).toBe('population.verval');
		expect(refusal('{"indicators": {"water": {"safe": ["tap"], "conditional": ["tap"]}}}').field).toBe('indicators.water');
		expect(refusal('{"indicators": {"school": {"sd": {"min": 7, "max": 13}}}}').field).toBe('indicators.school');
		expect(refusal('{"indicators": {"paket": {"a": {"min": 19, "max": 10}}}}').field).toBe('indicators.paket.a');
	});

	it('refuses typos, other files, broken JSON and newer versions', () => {
		expect(refusal('{"indicators": {"housing": {"minFloorArea": 9}}}').field).toBe('indicators.housing.minFloorArea');
		expect(refusal('{"format": "tepat-column-mapping"}').message).toContain('bukan berkas rencana Tepat');
		expect(refusal('{"name": ').message).toContain('bukan JSON yang sah');
		expect(refusal('[1, 2]').field).toBe('rencana');
		expect(refusal(`{"version": ${PLAN_VERSION + 1}}`).message).toContain('perbarui Tepat');
	});

	it('a null Paket maximum means no upper limit', () => {
		const plan = parsePlan('{"indicators": {"paket": {"c": {"min": 19, "max": null}, "a": {"min": 15, "max": 44}}}}', 'p');
		expect(plan.indicators.paket.c).toEqual({ min: 19, max: null });
		expect(plan.indicators.paket.a).toEqual({ min: 15, max: 44 });
	});
});
