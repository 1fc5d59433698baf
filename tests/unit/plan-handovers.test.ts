/**
 * Issue 16 point 4: the BAST log travels with the plan. A plan's handover records are written into the
 * plan file and read back the same (formula-like text kept as data); a damaged record is refused with
 * the field that is wrong, a number recorded twice is refused, a version 5 file cannot carry them, and
 * recording a handover changes no part of the plan a query reads.
 */
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../src/lib/core/messages';
import type { BastRecord } from '../../src/lib/core/partner/bast-record';
import { defaultPlan, parsePlan, serialisePlan, type Plan } from '../../src/lib/core/plan';
import { allocationPart, figuresPart, funnelPart } from '../../src/lib/core/plan-parts';

const RECORD: BastRecord = {
	number: '001/BAST/DINSOS/2027',
	handedOverAt: '2027-03-01T10:00:00+08:00',
	programme: 'water',
	pledgeId: 'P1',
	units: 2,
	fileName: 'serah-terima-csr-pt-a-p1-2027-03-01.enc',
	fileSha256: 'a'.repeat(64),
	firm: '=PT A, "Sejahtera"',
	recipientName: 'Rina',
	recipientContact: '0812',
	officerName: 'Budi',
	officerPosition: 'Kepala Bidang'
};

const withHandovers = (records: unknown[]): Plan => ({ ...defaultPlan(), handovers: records as BastRecord[] });

function refusal(text: string): { field: string; code: string } {
	try {
		parsePlan(text, 'rencana.json');
	} catch (error) {
		if (!(error instanceof CodedError)) throw error;
		const params = error.said.params as { field: string; reason: { code: string } };
		return { field: params.field, code: params.reason.code };
	}
	throw new Error('the plan was accepted');
}

describe('handover records in the plan', () => {
	it('are written into the plan file and read back the same', () => {
		const second = { ...RECORD, number: '002/BAST/DINSOS/2027', units: 5, programme: 'pip' };
		const plan = withHandovers([RECORD, second]);
		const read = parsePlan(serialisePlan(plan), 'rencana.json');
		expect(read.handovers).toEqual([RECORD, second]);
		// A plan without any keeps none (no empty list written into every plan file).
		expect(parsePlan(serialisePlan(defaultPlan()), 'rencana.json').handovers).toBeUndefined();
	});

	it('refuses a damaged record with the field that is wrong', () => {
		const text = (records: unknown[]) => serialisePlan(withHandovers(records));
		expect(refusal(text([{ ...RECORD, fileSha256: 'xyz' }]))).toEqual({ field: 'handovers[0].fileSha256', code: 'plan.bast' });
		expect(refusal(text([RECORD, { ...RECORD, number: '002', units: 0 }]))).toEqual({ field: 'handovers[1].units', code: 'plan.bast' });
		expect(refusal(text([{ ...RECORD, nik: '6402010101010001' }]))).toEqual({ field: 'handovers[0].nik', code: 'plan.unknown_key' });
		expect(refusal(text([RECORD, RECORD]))).toEqual({ field: 'handovers', code: 'plan.bast_number_taken' });
	});

	it('cannot come in a version 5 file, which had none', () => {
		const v5 = { ...JSON.parse(serialisePlan(withHandovers([RECORD]))), version: 5 };
		expect(refusal(JSON.stringify(v5))).toEqual({ field: 'handovers', code: 'plan.unknown_key' });
	});

	it('change no part of the plan a query reads', () => {
		const plan = defaultPlan();
		const recorded = withHandovers([RECORD]);
		expect(allocationPart(recorded)).toBe(allocationPart(plan));
		expect(figuresPart(recorded)).toBe(figuresPart(plan));
		expect(funnelPart(recorded)).toBe(funnelPart(plan));
	});
});
