/**
 * One page of a programme's funded list on the Plan screen, read from the allocation held (interactive:
 * it goes before a re-allocation waiting in the queue). Its key names the allocation, programme,
 * village and page (`<allocation key>|<programme>|<village>|<page>`); another allocation, programme,
 * village or page reads again, and an answer for one no longer wanted is dropped.
 */
import type { ProgrammeId } from '$lib/core/plan';
import type { BnbaRow } from '$lib/queries/allocation';
import { allocation } from './AllocationModel.svelte';
import { queries, Resource } from './query';

export interface FundedListChoice {
	programme: ProgrammeId;
	village: string | null;
	/** 0-based. */
	page: number;
}

interface ListInputs extends FundedListChoice {
	allocation: string;
}

export function fundedListKey(allocationKey: string, { programme, village, page }: FundedListChoice): string {
	return `${allocationKey}|${programme}|${village ?? ''}|${page}`;
}

export class FundedListModel {
	readonly #page: Resource<ListInputs, { rows: BnbaRow[]; total: number }>;

	constructor(
		readonly pageSize: number,
		choice: () => FundedListChoice
	) {
		this.#page = new Resource(queries, {
			priority: 'interactive',
			inputs: () => (allocation.key === '' ? null : { allocation: allocation.key, ...choice() }),
			key: (inputs) => fundedListKey(inputs.allocation, inputs),
			load: (engine, inputs) =>
				allocation.pageOf(engine, inputs.allocation, inputs.programme, inputs.village, this.pageSize, inputs.page * this.pageSize)
		});
	}

	get rows(): BnbaRow[] {
		return this.#page.value?.rows ?? [];
	}

	get total(): number {
		return this.#page.value?.total ?? 0;
	}

	/** The key of the page shown ('' before the first). */
	get key(): string {
		return this.#page.key ?? '';
	}

	get error(): unknown {
		return this.#page.error;
	}

	/** Follows the allocation and the choice while the calling component lives. */
	activate(): void {
		this.#page.activate();
	}
}
