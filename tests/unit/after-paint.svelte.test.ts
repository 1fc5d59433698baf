// @vitest-environment runes
/**
 * AfterPaint (src/lib/ui/after-paint.svelte.ts): the Map screen's table twin follows the figures one
 * frame after the map. The browser's frames are played by hand here: a change is held (pending) until
 * a frame and the task after it have run, a second change before then cancels the first, and an
 * unchanged value is never held.
 */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AfterPaint } from '../../src/lib/ui/after-paint.svelte';

let frames: Map<number, FrameRequestCallback>;
let nextFrame: number;

/** Runs the frame callbacks waiting now, then the timers they set (the task after the frame). */
function paint(): void {
	const waiting = [...frames.values()];
	frames.clear();
	for (const callback of waiting) callback(0);
	vi.runOnlyPendingTimers();
}

beforeEach(() => {
	vi.useFakeTimers();
	frames = new Map();
	nextFrame = 1;
	vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
		frames.set(nextFrame, callback);
		return nextFrame++;
	});
	vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

/** An AfterPaint of a $state number, inside an effect root. */
function follow(initial: number) {
	const source = $state({ value: initial });
	let follower!: AfterPaint<number>;
	const stop = $effect.root(() => {
		follower = new AfterPaint(() => source.value);
	});
	flushSync();
	return { source, follower, stop };
}

describe('AfterPaint', () => {
	it('shows the first value at once, and holds nothing when it is unchanged', () => {
		const { follower, stop } = follow(7);
		expect(follower.current).toBe(7);
		expect(follower.pending).toBe(false);
		expect(frames.size).toBe(0);
		stop();
	});

	it('holds a change until the frame after it has been drawn', () => {
		const { source, follower, stop } = follow(1);
		source.value = 2;
		flushSync();
		expect(follower.current).toBe(1);
		expect(follower.pending).toBe(true);
		// The frame alone is not enough: the update runs in the task after it.
		const waiting = [...frames.values()];
		frames.clear();
		for (const callback of waiting) callback(0);
		expect(follower.current).toBe(1);
		vi.runOnlyPendingTimers();
		flushSync();
		expect(follower.current).toBe(2);
		expect(follower.pending).toBe(false);
		stop();
	});

	it('draws only the latest of two quick changes', () => {
		const { source, follower, stop } = follow(1);
		const seen: number[] = [];
		const watch = $effect.root(() => {
			$effect(() => {
				seen.push(follower.current);
			});
		});
		flushSync();
		source.value = 2;
		flushSync();
		source.value = 3;
		flushSync();
		expect(frames.size).toBe(1);
		paint();
		flushSync();
		expect(follower.current).toBe(3);
		expect(seen).toEqual([1, 3]);
		watch();
		stop();
	});

	it('stops waiting when the value goes back before the frame', () => {
		const { source, follower, stop } = follow(1);
		source.value = 2;
		flushSync();
		source.value = 1;
		flushSync();
		expect(follower.pending).toBe(false);
		expect(frames.size).toBe(0);
		paint();
		flushSync();
		expect(follower.current).toBe(1);
		stop();
	});

	it('cancels a waiting update when its owner is destroyed', () => {
		const { source, follower, stop } = follow(1);
		source.value = 2;
		flushSync();
		stop();
		expect(frames.size).toBe(0);
		paint();
		expect(follower.current).toBe(1);
	});
});
