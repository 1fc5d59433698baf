/**
 * Words at the edge: what core, ingest and engine say as codes (core/messages/), in Indonesian or
 * English through the Paraglide messages. The UI passes its current language (ui/error-text.ts), the
 * CLI its --lang; both use these same words.
 */
import { CodedError, type AllMessages, type CodedMessage, type MessageCode } from '../core/messages';
import { BOUNDARY_WORDS, CLASS_BREAK_WORDS, ENGINE_WORDS } from './geo';
import { CSV_WORDS, INGEST_WORDS, MAPPING_WORDS, XLSX_WORDS } from './ingest';
import { BAST_REASON_WORDS, BAST_WORDS, ENVELOPE_WORDS, PACK_WORDS, PLEDGE_WORDS } from './partner';
import { PLAN_REASON_WORDS, PLAN_WORDS } from './plan';
import { VERVAL_WORDS } from './verval';
import { FINDING_WORDS } from './report';
import type { Locale, Render, WordTable } from './render';

export type { Locale };

const WORDS: WordTable<keyof AllMessages> = {
	...PLAN_REASON_WORDS,
	...PLAN_WORDS,
	...CSV_WORDS,
	...XLSX_WORDS,
	...INGEST_WORDS,
	...MAPPING_WORDS,
	...BOUNDARY_WORDS,
	...CLASS_BREAK_WORDS,
	...ENGINE_WORDS,
	...FINDING_WORDS,
	...VERVAL_WORDS,
	...ENVELOPE_WORDS,
	...BAST_REASON_WORDS,
	...BAST_WORDS,
	...PACK_WORDS,
	...PLEDGE_WORDS
};

/** Every code the edge can word (the test checks each has its message in both languages). */
export const WORDED_CODES = Object.keys(WORDS) as MessageCode[];

/** One coded message in words. */
export function wordsOf(said: CodedMessage, locale: Locale): string {
	const render = WORDS[said.code] as Render<MessageCode>;
	return render(said.params as never, locale);
}

/** A thrown value in words: a coded error in `locale`, any other error by its own message. */
export function errorWords(error: unknown, locale: Locale): string {
	if (error instanceof CodedError) return wordsOf(error.said, locale);
	return error instanceof Error ? error.message : String(error);
}

/** Findings with their words in place of their code: the rows a person reads or downloads. */
export function wordedFindings<F extends { said: CodedMessage }>(
	findings: readonly F[],
	locale: Locale
): (Omit<F, 'said'> & { message: string })[] {
	return findings.map(({ said, ...row }) => ({ ...row, message: wordsOf(said, locale) }));
}
