/** Seeded pseudo-random numbers for the sample generator: sfc32, seeded through splitmix32. */

function splitmix32(state: number): () => number {
	let s = state >>> 0;
	return () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/** FNV-1a of a string, for deriving seeds and stable per-key jitter. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A stable number in [0, 1) for a key, independent of any generator state. */
export function unitHash(key: string): number {
	return splitmix32(hashString(key))() / 4294967296;
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number | string) {
		const mix = splitmix32(typeof seed === 'number' ? seed ^ 0x5eed : hashString(seed));
		this.a = mix();
		this.b = mix();
		this.c = mix();
		this.d = mix();
		for (let i = 0; i < 12; i++) this.nextU32();
	}

	/** sfc32 step: an unsigned 32-bit integer. */
	nextU32(): number {
		const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
		this.d = (this.d + 1) >>> 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) >>> 0;
		this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
		this.c = (this.c + t) >>> 0;
		return t;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.nextU32() / 4294967296;
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		const item = items[Math.floor(this.next() * items.length)];
		if (item === undefined) throw new Error('pick from an empty list');
		return item;
	}

	/** Index drawn with the given non-negative weights. */
	weightedIndex(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) total += w;
		let r = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= weights[i] ?? 0;
			if (r < 0) return i;
		}
		return weights.length - 1;
	}

	/** Index drawn from cumulative weights (ascending, last = total) by binary search: for long lists. */
	cumulativeIndex(cumulative: Float64Array): number {
		const n = cumulative.length;
		const r = this.next() * (cumulative[n - 1] ?? 0);
		let lo = 0;
		let hi = n - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if ((cumulative[mid] ?? 0) > r) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	/** Value drawn from [value, weight] pairs. */
	weighted<T>(choices: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const c of choices) total += c[1];
		let r = this.next() * total;
		for (const c of choices) {
			r -= c[1];
			if (r < 0) return c[0];
		}
		const last = choices[choices.length - 1];
		if (!last) throw new Error('weighted pick from an empty list');
		return last[0];
	}

	/** Standard normal (Box–Muller). */
	normal(): number {
		const u = 1 - this.next();
		const v = this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
}
