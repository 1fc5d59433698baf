import { describe, expect, it } from 'vitest';
import { errorWords } from '../words';
import { PLAN_VERSION, PlanFileError, defaultPlan, parsePlan, planOf, serialisePlan } from './plan';

/** The refusal, its message in the Indonesian words the CLI and the Indonesian UI show. */
function refusal(text: string): { message: string; file: string; field?: string } {
	try {
		parsePlan(text, 'rencana.json');
	} catch (error) {
		if (error instanceof PlanFileError) return { message: errorWords(error, 'id'), file: error.file, field: error.field };
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

	it('a version 1 file (before programmes) opens with the default programmes and budgets', () => {
		const plan = parsePlan(
			'{"format": "tepat-plan", "version": 1, "name": "Lama", "indicators": {"housing": {"minFloorAreaPerPerson": 9}}}',
			'v1.json'
		);
		expect(plan.version).toBe(PLAN_VERSION);
		expect(plan.name).toBe('Lama');
		expect(plan.indicators.housing.minFloorAreaPerPerson).toBe(9);
		expect(plan.programmes).toEqual(defaultPlan().programmes);
		expect(plan.fundingLines).toEqual(defaultPlan().fundingLines);
	});

	it('a family without desil is left out by default, other records without a value counted; the rule is checked and kept', () => {
		const d = defaultPlan();
		expect(d.population.missing).toEqual({ desil: 'excluded', verval: 'counted' });
		expect(d.programmes.bsps.missingOwnership).toBe('counted');
		expect(d.programmes.rtlh.missingOwnership).toBe('counted');
		const strict = parsePlan(
			'{"population": {"missing": {"verval": "excluded"}}, "programmes": {"rtlh": {"missingOwnership": "excluded"}}}',
			'p'
		);
		expect(strict.population.missing).toEqual({ desil: 'excluded', verval: 'excluded' });
		expect(strict.programmes.rtlh.missingOwnership).toBe('excluded');
		expect(strict.programmes.bsps.missingOwnership).toBe('counted');
		expect(refusal('{"population": {"missing": {"verval": "dibuang"}}}')).toMatchObject({
			field: 'population.missing.verval',
			message: "Berkas rencana 'rencana.json': population.missing.verval harus salah satu dari counted, excluded."
		});
		expect(refusal('{"population": {"missing": {"status": "counted"}}}').field).toBe('population.missing.status');
		expect(refusal('{"programmes": {"bsps": {"missingOwnership": true}}}').field).toBe('programmes.bsps.missingOwnership');
	});

	it('a version 2 file keeps its lists: households without an ownership value stay out of BSPS and RTLH', () => {
		// Version 2 wrote no rule; its SQL left out a house without a value and kept a record without a status.
		const v2 = parsePlan(
			'{"format": "tepat-plan", "version": 2, "name": "Tahun lalu", "programmes": {"rtlh": {"requireLandOwnership": true}}}',
			'v2.json'
		);
		expect(v2.version).toBe(PLAN_VERSION);
		expect(v2.programmes.bsps).toEqual({ ...defaultPlan().programmes.bsps, missingOwnership: 'excluded' });
		expect(v2.programmes.rtlh).toEqual({ ...defaultPlan().programmes.rtlh, requireLandOwnership: true, missingOwnership: 'excluded' });
		// Before version 7 a family without desil counted inside the range.
		expect(v2.population).toEqual({ ...defaultPlan().population, missing: { desil: 'counted', verval: 'counted' } });
		// A version 2 file that says nothing about programmes gets the same rule.
		expect(parsePlan('{"version": 2}', 'v2.json').programmes.bsps.missingOwnership).toBe('excluded');
		// Saved again, it is a current plan and opens unchanged.
		expect(parsePlan(serialisePlan(v2), 'v3.json')).toEqual(v2);
	});

	it('a version 6 file keeps counting families without desil unless it said otherwise; version 7 leaves them out', () => {
		const v6 = (missing: string) => parsePlan(`{"version": 6, "population": {"missing": ${missing}}}`, 'v6.json').population.missing;
		expect(v6('{}')).toEqual({ desil: 'counted', verval: 'counted' });
		expect(v6('{"verval": "excluded"}')).toEqual({ desil: 'counted', verval: 'excluded' });
		expect(v6('{"desil": "excluded"}')).toEqual({ desil: 'excluded', verval: 'counted' });
		expect(parsePlan('{"version": 6}', 'v6.json').population.missing.desil).toBe('counted');
		expect(parsePlan('{"version": 7}', 'v7.json').population.missing.desil).toBe('excluded');
		expect(parsePlan('{}', 'tanpa-versi.json').population.missing.desil).toBe('excluded');
	});

	it('funding lines, caps and overrides are checked field by field', () => {
		expect(refusal('{"fundingLines": [{"id": "apbd", "budgets": {"pip": -5}}]}').field).toBe('fundingLines[0].budgets.pip');
		expect(refusal('{"fundingLines": [{"id": "apbd"}, {"id": "apbd"}]}').message).toContain('sudah dipakai');
		expect(refusal('{"fundingLines": [{"id": "a b"}]}').field).toBe('fundingLines[0].id');
		expect(refusal('{"fundingLines": [{"id": "x", "budgets": {"beasiswa": 1}}]}').field).toBe('fundingLines[0].budgets.beasiswa');
		expect(refusal('{"programmes": {"bsps": {"unitCost": 20000000.5}}}').message).toContain('rupiah bulat');
		expect(refusal('{"villageCap": 0}').field).toBe('villageCap');
		expect(refusal('{"overrides": [{"programme": "bsps", "unitId": "KK1", "action": "include", "reason": "  "}]}').message).toContain(
			'wajib diisi'
		);
		expect(refusal('{"overrides": [{"programme": "pip", "unitId": "1", "action": "add", "reason": "x"}]}').field).toBe(
			'overrides[0].action'
		);
		const ok = parsePlan(
			'{"villageCap": 5, "overrides": [{"programme": "water", "unitId": "KK1", "action": "exclude", "reason": "Sudah PDAM"}], "fundingLines": [{"id": "csr-1", "name": "PT Contoh", "kind": "CSR", "budgets": {"water": 100000000}}]}',
			'ok.json'
		);
		expect(ok.villageCap).toBe(5);
		expect(ok.overrides).toEqual([{ programme: 'water', unitId: 'KK1', action: 'exclude', reason: 'Sudah PDAM' }]);
		expect(ok.fundingLines).toEqual([{ id: 'csr-1', name: 'PT Contoh', kind: 'CSR', budgets: { water: 100000000 } }]);
	});

	it('the priority order is the plan’s: known keys, each once, in the order given', () => {
		expect(parsePlan('{"priority": ["members", "desil"]}', 'p').priority).toEqual(['members', 'desil']);
		expect(parsePlan('{"priority": []}', 'p').priority).toEqual([]);
		expect(refusal('{"priority": ["desil", "umur"]}').field).toBe('priority');
		expect(defaultPlan().priority).toEqual(['desil', 'vulnerability', 'members', 'deprivations']);
		expect(parsePlan('{"villageQuota": true}', 'p').villageQuota).toBe(true);
		expect(refusal('{"villageQuota": "ya"}').field).toBe('villageQuota');
	});
});
