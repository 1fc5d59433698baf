/**
 * The one place a thrown value becomes words for people. Models keep what was thrown; components call
 * this when they render, so the words follow the UI language.
 */
import { getLocale } from '$lib/paraglide/runtime.js';
import type { CodedMessage } from '$lib/core/messages';
import { errorWords, wordedFindings, wordsOf } from '$lib/words';
import type { DefaultSource } from '$lib/core/plan';
import { defaultSourceWords } from '$lib/words/plan-sources';

export function errorText(error: unknown): string {
	return errorWords(error, getLocale());
}

/** A finding or note that core or ingest gave as a code, in the UI language. */
export function saidText(said: CodedMessage): string {
	return wordsOf(said, getLocale());
}

/** Report findings as the rows a person downloads, in the UI language. */
export function findingsInWords<F extends { said: CodedMessage }>(findings: readonly F[]): (Omit<F, 'said'> & { message: string })[] {
	return wordedFindings(findings, getLocale());
}

/** Where a plan default comes from, in the UI language. */
export function defaultSourceText(source: DefaultSource): string {
	return defaultSourceWords(source, getLocale());
}
