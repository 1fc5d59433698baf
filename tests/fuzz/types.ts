/** What the fuzz suite feeds in and what it makes of the answer. */
import type { Random } from './random';

export type Target = 'register' | 'plan' | 'boundary' | 'mapping';

/**
 * What a damaged input must get. `refused`: a clear message. `noticed`: a clear message, or a load
 * whose report names rejected rows or findings (silently wrong otherwise). `either`: a clear message or
 * a load whose accounting adds up (the damage may be harmless, e.g. a flipped letter in a name).
 */
export type Expectation = 'refused' | 'noticed' | 'either';

export interface FuzzInput {
	target: Target;
	/** The damage applied, e.g. `unclosed-quote`. */
	damage: string;
	name: string;
	bytes: Uint8Array;
	expect: Expectation;
	/** Register only: the people a correct load of this input holds, when the damage leaves them known. */
	people?: number;
}

type Made = Omit<FuzzInput, 'target' | 'damage' | 'expect'>;

export interface Damage {
	name: string;
	expect: Expectation;
	make(random: Random): Made | Promise<Made>;
}

export type Verdict = 'loaded' | 'refused' | 'silently-wrong' | 'unclear' | 'crashed' | 'hung' | 'changed-previous';

export interface Outcome {
	input: FuzzInput;
	verdict: Verdict;
	/** The Indonesian message of a refusal, or what was wrong. */
	detail: string;
	ms: number;
}
