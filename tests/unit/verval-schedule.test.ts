/** Issue 13 point 3: which kecamatan is behind the deadline, worked out by hand. */
import { describe, expect, it } from 'vitest';
import { expectedShare, isBehind } from '../../src/lib/core/verval/schedule';

describe('the verval deadline', () => {
	const schedule = { start: '2026-11-01', deadline: '2026-12-01', today: '2026-11-16' };

	it('expects a straight line from the first round to the deadline', () => {
		// 15 of 30 days gone.
		expect(expectedShare(schedule)).toBe(0.5);
		expect(expectedShare({ ...schedule, today: '2026-10-20' })).toBe(0);
		expect(expectedShare({ ...schedule, today: '2026-12-01' })).toBe(1);
		expect(expectedShare({ ...schedule, today: '2027-01-05' })).toBe(1);
	});

	it('flags a kecamatan below the line, not one on it or one with nobody to check', () => {
		expect(isBehind(49, 100, schedule)).toBe(true);
		expect(isBehind(50, 100, schedule)).toBe(false);
		expect(isBehind(0, 0, schedule)).toBe(false);
	});

	it('before any round, nothing is behind until the deadline has passed', () => {
		expect(isBehind(0, 100, { start: null, deadline: '2026-12-01', today: '2026-11-16' })).toBe(false);
		expect(isBehind(99, 100, { start: null, deadline: '2026-12-01', today: '2026-12-02' })).toBe(true);
	});
});
