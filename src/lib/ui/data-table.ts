/** What DataTable.svelte shows about sorting and paging, without Svelte: the parent owns both states. */

export type SortDirection = 'asc' | 'desc';

export interface ColumnSort<Column extends string> {
	column: Column;
	direction: SortDirection;
}

export interface DataColumn<Column extends string> {
	id: Column;
	label: string;
	/** Right-aligned figures. */
	num?: boolean;
	/** A second, smaller line under the label (the denominator of a rate). */
	sub?: string;
	/** Sortable when the table takes `onsort`, unless false (an actions column). */
	sortable?: boolean;
	/** The label is for screen readers only (a column of buttons). */
	hiddenLabel?: boolean;
}

/** One page of rows among `pages`, and the words and test ids of the pager. */
export interface Pager {
	/** The page shown, from 0. */
	index: number;
	pages: number;
	/** "Halaman 1 dari 3". */
	text: string;
	previous: string;
	next: string;
	/** The pager's accessible name. */
	label: string;
	/** `${testid}-prev`, `${testid}-next` and `${testid}-page`. */
	testid: string;
	/** When the parent knows better (a page still loading); by default from index and pages. */
	canPrevious?: boolean;
	canNext?: boolean;
}

/** The aria-sort of a column header. */
export function ariaSort<Column extends string>(sort: ColumnSort<Column> | null, column: Column): 'ascending' | 'descending' | 'none' {
	if (sort === null || sort.column !== column) return 'none';
	return sort.direction === 'asc' ? 'ascending' : 'descending';
}

/** The arrow beside a header: ▲ ascending, ▼ descending, ↕ sortable but not the sort in force. */
export function sortArrow<Column extends string>(sort: ColumnSort<Column> | null, column: Column): string {
	const state = ariaSort(sort, column);
	return state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕';
}

export function canPrevious(pager: Pager): boolean {
	return pager.canPrevious ?? pager.index > 0;
}

export function canNext(pager: Pager): boolean {
	return pager.canNext ?? pager.index < pager.pages - 1;
}
