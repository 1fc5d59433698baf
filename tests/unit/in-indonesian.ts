/**
 * Test set-up for errors that carry a code (core/messages/): the same error (same class, same fields)
 * with its message in the Indonesian words the CLI and the Indonesian UI show, so assertions on the
 * text stay as they were written.
 */
import { CodedError } from '../../src/lib/core/messages';
import { errorWords } from '../../src/lib/words';

/** `error` with its Indonesian words as message; any other value as it is. */
export function inIndonesianError(error: unknown): unknown {
	if (!(error instanceof CodedError)) return error;
	const copy: CodedError = Object.create(Object.getPrototypeOf(error) as object);
	return Object.assign(copy, error, { message: errorWords(error, 'id'), stack: error.stack });
}

/** `run`, whose coded error is rethrown in Indonesian words (for `expect(...).toThrow(text)`). */
export function inIndonesian(run: () => unknown): () => unknown {
	return () => {
		try {
			return run();
		} catch (error) {
			throw inIndonesianError(error);
		}
	};
}

/** A promise whose coded rejection is rethrown in Indonesian words (for `.rejects.toThrow(text)`). */
export async function inIndonesianAsync<T>(promise: Promise<T>): Promise<T> {
	try {
		return await promise;
	} catch (error) {
		throw inIndonesianError(error);
	}
}

/** A coded error's Indonesian words (any other error's own message). */
export const indonesian = (error: unknown): string => errorWords(error, 'id');
