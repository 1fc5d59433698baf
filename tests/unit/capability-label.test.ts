/** The words the screens and the indicator-table XLSX use for what a register can feed (Indonesian). */
import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/lib/core/capabilities';
import { defaultPlan } from '../../src/lib/core/plan';
import { HOUSEHOLD_FIELDS, PERSON_FIELDS, type RegisterField } from '../../src/lib/core/register-fields';
import { filterCheckLabel, reasonLabel, requirementCheckLabel } from '../../src/lib/ui/capability-label';
import { fieldLabel } from '../../src/lib/ui/field-label';
import { populationSummary } from '../../src/lib/ui/plan-label';

/** Every column present with no missing value, except those given. */
function fields(changes: Record<string, Partial<RegisterField>>): RegisterField[] {
	const all = [
		...HOUSEHOLD_FIELDS.map((field) => ({ table: 'household' as const, field })),
		...PERSON_FIELDS.map((field) => ({ table: 'person' as const, field }))
	];
	return all.map(({ table, field }) => ({
		table,
		field,
		present: true,
		sourceColumns: field,
		missing: 0,
		...changes[`${table}.${field}`]
	}));
}

const ABSENT = { present: false, sourceColumns: null, missing: null };

describe('capability words', () => {
	it('names every register_field column in words', () => {
		for (const field of [...HOUSEHOLD_FIELDS, ...PERSON_FIELDS]) expect(fieldLabel(field), field).not.toBe(field);
	});

	it('a register without verval and land columns: the filter and requirement say they do not apply', () => {
		const caps = capabilitiesOf(
			fields({
				'household.verval_status': ABSENT,
				'person.verval_status': ABSENT,
				'household.land_own': ABSENT,
				'household.desil': { missing: 1234 }
			}),
			defaultPlan()
		);
		const [desil, verval] = caps.filters;
		expect(filterCheckLabel(verval!)).toBe('Filter verval: tidak berlaku (tidak ada kolom Status verval)');
		expect(filterCheckLabel(desil!)).toBe('Filter desil: berlaku; Desil kesejahteraan kosong di 1.234 keluarga: tidak dihitung');
		const land = caps.requirements.find((r) => r.programme === 'bsps' && r.requirement === 'land');
		expect(requirementCheckLabel(land!)).toBe(
			'Syarat milik lahan BSPS (bedah rumah APBN): tidak berlaku (tidak ada kolom Status/bukti kepemilikan lahan)'
		);
		const bsps = caps.programmes.find((p) => p.id === 'bsps');
		expect(bsps?.reasons.map(reasonLabel)).toEqual([
			'tidak ada kolom Status/bukti kepemilikan lahan: syarat milik lahan BSPS (bedah rumah APBN) tidak bisa diperiksa'
		]);
		expect(populationSummary(defaultPlan().population, 'id', caps.filters)).toBe(
			'Desil 1–4 (1.234 keluarga tanpa nilai: tidak dihitung); verval tidak berlaku (register tanpa kolom status verval)'
		);
		expect(populationSummary(defaultPlan().population, 'id')).toBe('Desil 1–4; verval: Ditemukan');
	});

	it('a register without school participation: ATS and PIP cannot be computed, Paket only partly', () => {
		const caps = capabilitiesOf(fields({ 'person.school_participation': ABSENT }), defaultPlan());
		expect(caps.indicators.find((c) => c.id === 'ats')?.status).toBe('none');
		expect(caps.programmes.find((c) => c.id === 'pip')?.status).toBe('none');
		const paket = caps.indicators.find((c) => c.id === 'paket_a');
		expect(paket?.status).toBe('partial');
		expect(paket?.reasons.map(reasonLabel)).toEqual([
			'tidak ada kolom Partisipasi sekolah: yang masih sekolah tidak bisa dikecualikan dari Paket'
		]);
	});
});
