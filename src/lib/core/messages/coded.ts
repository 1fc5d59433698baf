/**
 * What core, ingest and engine say to people, without the words: a code and its parameters. The
 * words live at the edge (src/lib/words/ through the Paraglide messages, in the UI language or the
 * CLI's --lang), so an English screen never shows an Indonesian sentence written below it.
 */
import type { AllMessages } from './index';

export type NoParams = Record<string, never>;
export type MessageCode = keyof AllMessages;
export type MessageParams<C extends MessageCode> = AllMessages[C];

/** One thing to say: the code picks the sentence, the parameters fill it. */
export type CodedMessage<C extends MessageCode = MessageCode> = { [K in C]: { code: K; params: AllMessages[K] } }[C];

export function coded<C extends MessageCode>(code: C, params: AllMessages[C]): CodedMessage<C> {
	return { code, params } as CodedMessage<C>;
}

/**
 * An error whose words are rendered at the edge. `message` is for developers only (logs, stack
 * traces): the code and the parameters as JSON.
 */
export class CodedError extends Error {
	constructor(
		readonly said: CodedMessage,
		options?: ErrorOptions
	) {
		super(`${said.code} ${JSON.stringify(said.params)}`, options);
		this.name = 'CodedError';
	}
}
