/**
 * The Plan screen's comparison of the plan in force (A) with a plan file (B): B's allocation is built
 * beside A's, which the screen's figures keep reading (background work: reads go first). Compared
 * again when A's allocation or B changes; an answer for an earlier A or B is dropped.
 */
import type { Plan } from '$lib/core/plan';
import { stableKey } from '$lib/core/plan-parts';
import type { PlanDifference } from '$lib/queries/allocation';
import { allocation } from './AllocationModel.svelte';
import { queries, Resource } from './query';

export class PlanComparisonModel {
	/** Plan B, once a file has been read. */
	other = $state.raw<Plan | null>(null);

	readonly #difference = new Resource(queries, {
		priority: 'background',
		inputs: () => (this.other && allocation.key !== '' ? { allocation: allocation.key, other: this.other } : null),
		key: ({ allocation, other }) => `${allocation}|${stableKey(other)}`,
		load: (engine, { allocation: key, other }) => allocation.differenceOf(engine, key, other)
	});

	/** The last differences for plan B (kept, marked busy, while a new plan A is compared). */
	get rows(): PlanDifference[] | null {
		return this.#difference.value;
	}

	/** Names the A and B of the rows. */
	get stamp(): string {
		return this.#difference.key ?? '';
	}

	get busy(): boolean {
		return this.#difference.loading;
	}

	/** What the last comparison threw, if it failed for the A and B on screen. */
	get error(): unknown {
		return this.#difference.error;
	}

	/** Compares with `other` from now on (null: no plan B). */
	compareWith(other: Plan | null): void {
		this.other = other;
		this.#difference.clear();
	}

	/** Follows plan A's allocation and plan B while the calling component lives. */
	activate(): void {
		this.#difference.activate();
	}
}
