/**
 * The field form's grouping and words (issue 13 point 5): worklist rows become households in the
 * rows' order with their members' finding codes split, and why a member is listed is worded from the
 * reason and the findings, in the worklist downloads' words (a report's NIK issue too).
 */
import { describe, expect, it } from 'vitest';
import { worklistHouseholds, type WorklistRow } from '../../src/lib/queries/worklist-page';
import { relationLabel, whyListed } from '../../src/lib/ui/print/labels';

const row = (over: Partial<WorklistRow>): WorklistRow => ({
	village_kode: '64.02.01.2001',
	village_nama: 'Perian',
	kecamatan_nama: 'Muara Muntai',
	household_id: 'H1',
	kk: '6402010104220001',
	alamat: 'RT 007',
	head_name: 'Hayati',
	person_id: 'P1',
	nik: '6402016703720001',
	name: 'Hayati',
	relation: 'head',
	age: 53,
	reason: 'unchecked',
	findings: null,
	...over
});

describe('the field form', () => {
	it('groups worklist rows by household in their order, with finding codes split', () => {
		const households = worklistHouseholds([
			row({}),
			row({ person_id: 'P2', name: 'Fatimah', relation: 'parent', reason: 'finding', findings: 'nik_birth_mismatch size_mismatch' }),
			row({ household_id: 'H2', head_name: 'Aldi', person_id: 'P3', name: 'Aldi', reason: 'conflict' })
		]);
		expect(households.map((h) => [h.household_id, h.head_name, h.members.map((m) => m.person_id)])).toEqual([
			['H1', 'Hayati', ['P1', 'P2']],
			['H2', 'Aldi', ['P3']]
		]);
		expect(households[0]?.members[1]?.findings).toEqual(['nik_birth_mismatch', 'size_mismatch']);
		expect(households[0]?.members[0]?.findings).toEqual([]);
	});

	it('words why a member is listed, in Indonesian', () => {
		expect(whyListed('unchecked', [])).toBe('belum diperiksa');
		expect(whyListed('finding', ['two_heads'])).toBe('keluarga dengan lebih dari satu kepala keluarga');
		expect(whyListed('conflict', ['nik_scientific'])).toBe('hasil bertentangan dalam satu putaran; NIK: notasi ilmiah Excel');
		expect(whyListed('finding', ['no_head', 'kode_baru'])).toBe('keluarga tanpa kepala keluarga; kode_baru');
		expect(relationLabel('child_in_law')).toBe('menantu');
		expect(relationLabel('someone')).toBe('someone');
		expect(relationLabel(null)).toBe('–');
	});
});
