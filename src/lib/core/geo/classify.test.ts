import { describe, expect, it } from 'vitest';
import { inIndonesian } from '../../../../tests/unit/in-indonesian';
import { ClassBreaksError, classBreaks, classIndex, classify } from './classify';

describe('map classes', () => {
	it('natural breaks find the three obvious groups', () => {
		const values = [22, 1, 11, 2, 20, 3, 10, 21, 12];
		expect(classBreaks(values, 'jenks', 3)).toEqual([1, 10, 20, 22]);
		expect(classify(values, 'jenks', 3).counts).toEqual([3, 3, 3]);
	});

	it('equal intervals split the range evenly', () => {
		expect(classBreaks([0, 10, 3, 7], 'equal', 5)).toEqual([0, 2, 4, 6, 8, 10]);
	});

	it('quantiles put about as many villages in each class (linear interpolation)', () => {
		const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
		expect(classBreaks(values, 'quantile', 4)).toEqual([1, 3.25, 5.5, 7.75, 10]);
		expect(classify(values, 'quantile', 4).counts).toEqual([3, 2, 2, 3]);
	});

	it('manual breaks: inner bounds kept inside the range, refused when not ascending', () => {
		expect(classBreaks([0, 5, 50, 100], 'manual', 0, [10, 25, 150])).toEqual([0, 10, 25, 100]);
		expect(() => classBreaks([0, 100], 'manual', 0, [30, 20])).toThrow(ClassBreaksError);
		expect(inIndonesian(() => classBreaks([0, 100], 'manual', 0, [30, 20]))).toThrow('Batas kelas harus naik: 30 lalu 20.');
	});

	it('villages without data are counted apart and never classed', () => {
		const result = classify([null, 4, undefined, Number.NaN, 8], 'equal', 2);
		expect(result).toEqual({ method: 'equal', breaks: [4, 6, 8], counts: [1, 1], missing: 3 });
		expect(classIndex(null, result.breaks)).toBe(-1);
	});

	it('ties merge classes instead of making empty ones', () => {
		expect(classBreaks([0, 0, 0, 0, 1], 'quantile', 4)).toEqual([0, 1]);
		expect(classBreaks([0, 0, 0, 1], 'jenks', 3)).toEqual([0, 1]);
		expect(classify([3, 3, 3], 'jenks', 5)).toEqual({ method: 'jenks', breaks: [3, 3], counts: [3], missing: 0 });
		expect(classify([], 'quantile', 5)).toEqual({ method: 'quantile', breaks: [], counts: [], missing: 0 });
	});

	it('a value on a break belongs to the class above it; the maximum to the last class', () => {
		const breaks = [0, 10, 20, 30];
		expect([0, 9.99, 10, 20, 30, 31, -1].map((v) => classIndex(v, breaks))).toEqual([0, 0, 1, 2, 2, -1, -1]);
	});
});
