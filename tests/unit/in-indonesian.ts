/**
 * Test set-up for errors that carry a code (core/messages/): rethrown with the Indonesian words the
 * CLI and the Indonesian UI show, so assertions on the text stay as they were written.
 */
import { CodedError } from '../../src/lib/core/messages';
import { errorWords } from '../../src/lib/words';

function worded(error: unknown): unknown {
	if (!(error instanceof CodedError)) return error;
	const rethrown = new Error(errorWords(error, 'id'), { cause: error });
	return Object.assign(rethrown, error, { message: rethrown.message, name: error.name });
}

/** `run`, whose coded error is rethrown in Indonesian words (for `expect(...).toThrow(text)`). */
export function inIndonesian(run: () => unknown): () => unknown {
	return () => {
		try {
			return run();
		} catch (error) {
			throw worded(error);
		}
	};
}

/** A promise whose coded rejection is rethrown in Indonesian words (for `.rejects.toThrow(text)`). */
export async function inIndonesianAsync<T>(promise: Promise<T>): Promise<T> {
	try {
		return await promise;
	} catch (error) {
		throw worded(error);
	}
}
