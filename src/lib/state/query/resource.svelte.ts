/**
 * A read the screens show, as Svelte 5 state: declared with the inputs it reads and a load function
 * from `queries/`, it holds `value`, `loading` and `error` (the thrown value: components render it
 * with `errorText`). It loads again only when the key of its inputs changes; an answer for inputs no
 * longer current is dropped (and its job cancelled through the coordinator).
 *
 * `refresh()` brings it up to date and resolves when the answer for the current inputs has landed (or
 * was dropped for newer inputs). `activate()`, called where an effect may be created (a component's
 * script, `$effect.root`), makes it follow its inputs on its own for as long as that scope lives.
 */
import { untrack } from 'svelte';
import type { Engine } from '$lib/engine/types';
import { QueryDropped, type QueryCoordinator, type QueryPriority } from './coordinator';

export interface ResourceSpec<I, T> {
	priority: QueryPriority;
	/** Reads what the load depends on; null when there is nothing to load (no register, no village). */
	inputs: () => I | null;
	/** Names the inputs: a new key needs a new answer, the same key never does. */
	key: (inputs: I) => string;
	load: (engine: Engine, inputs: I) => Promise<T>;
}

interface Pending {
	key: string;
	controller: AbortController;
	done: Promise<void>;
}

export class Resource<I, T> {
	value = $state.raw<T | null>(null);
	loading = $state(false);
	error = $state.raw<unknown>(null);
	/** The key of the inputs `value` answers; null before the first answer. */
	key = $state<string | null>(null);

	#pending: Pending | null = null;
	/** Scopes following the inputs now (activate), and the load left behind when the last one ended. */
	#scopes = 0;
	#orphan: Pending | null = null;

	constructor(
		private readonly coordinator: QueryCoordinator,
		private readonly spec: ResourceSpec<I, T>
	) {}

	/** The key of the inputs as they are now; null when there is nothing to load. */
	get wanted(): string | null {
		const inputs = this.spec.inputs();
		return inputs === null ? null : this.spec.key(inputs);
	}

	/** True when `value` answers the inputs as they are now. */
	get current(): boolean {
		const wanted = this.wanted;
		return wanted !== null && wanted === this.key;
	}

	/** Loads the answer for the current inputs unless it is held or on its way. */
	refresh(): Promise<void> {
		this.#orphan = null;
		const inputs = untrack(() => this.spec.inputs());
		if (inputs === null) {
			this.#drop();
			return Promise.resolve();
		}
		const key = this.spec.key(inputs);
		if (this.#pending?.key === key) return this.#pending.done;
		this.#drop();
		if (key === this.key && this.error === null) return Promise.resolve();
		return this.#load(key, inputs);
	}

	/** Forgets the answer held (and drops one on its way), e.g. when another village is shown. */
	clear(): void {
		this.#drop();
		this.value = null;
		this.key = null;
		this.error = null;
	}

	/**
	 * Follows the inputs while the calling scope lives. When the last such scope ends, the load on its
	 * way is dropped a turn later: a screen handing over to the next one (a navigation unmounts the old
	 * page before the new one mounts) leaves it to the next, which takes it over if it wants the same
	 * answer instead of starting it again (the allocation, half done on Ringkasan, finishes on Rencana).
	 */
	activate(): void {
		$effect(() => {
			void this.wanted;
			untrack(() => void this.refresh());
		});
		$effect(() => {
			this.#scopes += 1;
			return () => {
				this.#scopes -= 1;
				if (this.#scopes > 0 || !this.#pending) return;
				this.#orphan = this.#pending;
				setTimeout(() => {
					if (this.#scopes === 0 && this.#orphan !== null && this.#orphan === this.#pending) this.#drop();
					this.#orphan = null;
				}, 0);
			};
		});
	}

	#load(key: string, inputs: I): Promise<void> {
		const controller = new AbortController();
		const mine = () => this.#pending?.controller === controller;
		this.loading = true;
		this.error = null;
		const done = this.coordinator
			.submit({ priority: this.spec.priority, signal: controller.signal, run: (engine) => this.spec.load(engine, inputs) })
			.then(
				(value) => {
					if (!mine()) return;
					this.value = value;
					this.key = key;
				},
				(error: unknown) => {
					if (mine() && !(error instanceof QueryDropped)) this.error = error;
				}
			)
			.finally(() => {
				if (!mine()) return;
				this.#pending = null;
				this.loading = false;
			});
		this.#pending = { key, controller, done };
		return done;
	}

	#drop(): void {
		if (!this.#pending) return;
		this.#pending.controller.abort();
		this.#pending = null;
		this.loading = false;
	}
}
