/**
 * The printed BNBA's read (issue 15 point 2): the funded units of the chosen programme and scope in
 * the allocation the Plan screen holds (AllocationModel, kept current while the print page lives).
 * Interactive, like a page of the funded list. Its key names the allocation, programme and scope, so a
 * print setting (letterhead, signatories), which is no part of the allocation, reads nothing again.
 * A scope with more than `BNBA_PRINT_LIMIT` units is counted, not read (the page asks for a smaller one).
 */
import type { ProgrammeId } from '$lib/core/plan';
import { BNBA_PRINT_LIMIT, bnbaPrint, type BnbaPrintRead, type BnbaScope } from '$lib/queries/bnba-print';
import { allocation } from './AllocationModel.svelte';
import { queries, Resource } from './query';

export interface BnbaPrintChoice {
	programme: ProgrammeId;
	scope: BnbaScope;
}

interface PrintInputs extends BnbaPrintChoice {
	allocation: string;
}

const scopeKey = (scope: BnbaScope): string => (scope.level === 'regency' ? 'regency' : `${scope.level}:${scope.kode}`);

export class BnbaPrintModel {
	/** What the page prints; null while the address names no programme or an unknown place. */
	choice = $state.raw<BnbaPrintChoice | null>(null);

	constructor(readonly limit: number = BNBA_PRINT_LIMIT) {}

	readonly #read = new Resource(queries, {
		priority: 'interactive',
		inputs: (): PrintInputs | null =>
			allocation.key === '' || this.choice === null ? null : { allocation: allocation.key, ...this.choice },
		key: ({ allocation: held, programme, scope }) => `${held}|${programme}|${scopeKey(scope)}`,
		load: (engine, inputs) => allocation.readOf(engine, inputs.allocation, (e) => bnbaPrint(e, inputs.programme, inputs.scope, this.limit))
	});

	/** The count and rows of the current choice; null until they are read. */
	get read(): BnbaPrintRead | null {
		return this.#read.current ? this.#read.value : null;
	}

	get loading(): boolean {
		return this.#read.loading || allocation.loading;
	}

	/** What the read (or the allocation it waits for) threw. */
	get error(): unknown {
		return this.#read.error ?? allocation.error;
	}

	/** Keeps the allocation and the print's read current while the calling component lives. */
	activate(): void {
		allocation.activate();
		this.#read.activate();
	}
}

export const bnbaPrintModel = new BnbaPrintModel();
