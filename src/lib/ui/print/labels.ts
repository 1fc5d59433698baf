/**
 * Words of the verval print pages (issue 13): why a person is on the field form and relations, in the
 * worklist downloads' words (words/worklist.ts), and dates as printed.
 */
import type { WorklistReason } from '$lib/core/verval/worklist';
import { getLocale } from '$lib/paraglide/runtime.js';
import { findingCodeWords, relationWords, worklistReasonWords } from '$lib/words/worklist';

/** Why a member is listed: the reason, then each finding, in one line (the worklist downloads' words). */
export function whyListed(reason: WorklistReason, findings: readonly string[]): string {
	const locale = getLocale();
	const words = findings.map((code) => findingCodeWords(code, locale));
	// A 'finding' reason is said by its findings; the other reasons come first.
	return (reason === 'finding' && words.length > 0 ? words : [worklistReasonWords(reason, locale), ...words]).join('; ');
}

export function relationLabel(relation: string | null): string {
	if (relation === null || relation === '') return '–';
	return relationWords(relation, getLocale());
}

/** An ISO day ('2026-03-05') as printed: "5 Maret 2026" / "5 March 2026"; '–' for none. */
export function formatDay(iso: string | null | undefined, dateLocale: string): string {
	if (!iso) return '–';
	const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
	if (Number.isNaN(date.getTime())) return iso;
	return new Intl.DateTimeFormat(dateLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Today as printed, in the browser's own time zone. */
export function formatToday(dateLocale: string): string {
	return new Intl.DateTimeFormat(dateLocale, { dateStyle: 'long' }).format(new Date(Date.now()));
}
