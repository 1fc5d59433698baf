/** The BNBA's reason for eligibility: the allocation's short codes, in Indonesian or English words. */
import { describe, expect, it } from 'vitest';
import { eligibilityWords } from '../../src/lib/words/eligibility';

describe('eligibilityWords', () => {
	it('names the unfit parts of a house for RTLH and BSPS', () => {
		expect(eligibilityWords('rtlh: unfit roof+wall', 'id')).toBe('rumah tidak layak: atap, dinding');
		expect(eligibilityWords('bsps: unfit floor+crowding', 'en')).toBe('unfit house: floor, floor area per person');
	});

	it('names the drinking-water source, or a dash when the register has none', () => {
		expect(eligibilityWords('water: unsafe unprotected_well', 'id')).toBe('air minum tidak layak (Sumur tak terlindung)');
		expect(eligibilityWords('water: conditional bottled', 'en')).toBe('conditional drinking water (Branded bottled water)');
		expect(eligibilityWords('water: unsafe ', 'id')).toBe('air minum tidak layak (–)');
	});

	it('says the PIP level, whether the child is at school, and the half cost', () => {
		expect(eligibilityWords('pip: smp out of school', 'id')).toBe('PIP SMP: tidak sekolah');
		expect(eligibilityWords('pip: sd in school (half)', 'en')).toBe('PIP SD: in school (half cost: new or final-year pupil)');
	});

	it('names the Paket level', () => {
		expect(eligibilityWords('paket b', 'id')).toBe('calon Paket B');
		expect(eligibilityWords('paket c', 'en')).toBe('Paket C candidate');
	});

	it('keeps a reason it does not know as it is', () => {
		expect(eligibilityWords('rtlh: unfit chimney', 'id')).toBe('rtlh: unfit chimney');
		expect(eligibilityWords('manual', 'en')).toBe('manual');
	});
});
