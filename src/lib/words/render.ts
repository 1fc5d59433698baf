/** The shape every area's word table has: one renderer per code, given the code's parameters and a language. */
import type { MessageCode, MessageParams } from '../core/messages';
import type { Locale } from '../paraglide/runtime.js';

export type { Locale };

export type Render<C extends MessageCode> = (params: MessageParams<C>, locale: Locale) => string;

export type WordTable<Codes extends MessageCode> = { readonly [K in Codes]: Render<K> };

type Message<P> = (inputs: P, options: { locale: Locale }) => string;

/** A Paraglide message as a renderer: the code's parameters are the message's inputs. */
export const message =
	<P>(fn: Message<P>) =>
	(params: P, locale: Locale): string =>
		fn(params, { locale });
