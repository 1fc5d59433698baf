import { describe, expect, it } from 'vitest';
import { ariaSort, canNext, canPrevious, sortArrow, type Pager } from '../../src/lib/ui/data-table';

describe('the sort shown on a header', () => {
	const sort = { column: 'desil', direction: 'asc' } as const;

	it('announces the column sorted ascending or descending, and no other', () => {
		expect(ariaSort(sort, 'desil')).toBe('ascending');
		expect(ariaSort({ ...sort, direction: 'desc' }, 'desil')).toBe('descending');
		expect(ariaSort(sort, 'nik')).toBe('none');
		expect(ariaSort(null, 'desil')).toBe('none');
	});

	it('draws ▲, ▼, or ↕ on a column that is not the sort', () => {
		expect(sortArrow(sort, 'desil')).toBe('▲');
		expect(sortArrow({ ...sort, direction: 'desc' }, 'desil')).toBe('▼');
		expect(sortArrow(sort, 'nik')).toBe('↕');
		expect(sortArrow(null, 'nik')).toBe('↕');
	});
});

describe('the pager', () => {
	const pager = (index: number, pages: number, known: Partial<Pager> = {}): Pager => ({
		index,
		pages,
		text: '',
		previous: '',
		next: '',
		label: '',
		testid: 't',
		...known
	});

	it('goes back from any page but the first and on from any page but the last', () => {
		expect([canPrevious(pager(0, 3)), canNext(pager(0, 3))]).toEqual([false, true]);
		expect([canPrevious(pager(1, 3)), canNext(pager(1, 3))]).toEqual([true, true]);
		expect([canPrevious(pager(2, 3)), canNext(pager(2, 3))]).toEqual([true, false]);
		expect([canPrevious(pager(0, 1)), canNext(pager(0, 1))]).toEqual([false, false]);
	});

	it('follows the parent when it says (a page still loading)', () => {
		expect(canPrevious(pager(1, 3, { canPrevious: false }))).toBe(false);
		expect(canNext(pager(2, 3, { canNext: true }))).toBe(true);
	});
});
