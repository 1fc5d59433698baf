import { untrack } from 'svelte';

/** Runs `run` in the task after the browser's next frame; returns a function that cancels it. */
export function afterNextPaint(run: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => {
		timer = setTimeout(run, 0);
	});
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

/**
 * A value that follows `source` one frame late, for a large block of the page the user does not look at
 * first. On the Map screen a threshold change gives new figures to the map and to its table twin at
 * once; the table's 237 rows re-sorted then took 55–85 ms of script and layout before MapLibre could
 * draw the new colours (measured, bench/RESULTS.md, session 21). Following one frame late, the table
 * is drawn right after the map.
 *
 * Create it while a component initialises (it owns an effect). `pending` is true from a change of
 * `source` until `current` has caught up: a rapid second change cancels the first's update, so only
 * the latest value is drawn.
 */
export class AfterPaint<T> {
	#current = $state.raw<T>() as T;
	#pending = $state(false);

	constructor(source: () => T) {
		this.#current = untrack(source);
		$effect(() => {
			const next = source();
			if (untrack(() => Object.is(next, this.#current))) {
				this.#pending = false;
				return;
			}
			this.#pending = true;
			return afterNextPaint(() => {
				this.#current = next;
				this.#pending = false;
			});
		});
	}

	get current(): T {
		return this.#current;
	}

	get pending(): boolean {
		return this.#pending;
	}
}
