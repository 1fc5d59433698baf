/**
 * Words of the verval print pages (issue 13): why a person is on the field form (the worklist's reason
 * and finding codes), relations, and dates as printed. A finding code of the load's validation report
 * that no quality check names is printed as its code inside a worded note (it is a code, never extract text).
 */
import { QUALITY_CHECKS, type QualityCheck } from '$lib/core/verval/checks';
import type { WorklistReason } from '$lib/core/verval/worklist';
import { RELATION } from '$lib/core/schema';
import { m } from '$lib/paraglide/messages.js';

type Labels<T extends string> = Readonly<Record<T, () => string>>;

const REASON_LABELS: Labels<WorklistReason> = {
	conflict: m.print_reason_conflict,
	unchecked: m.print_reason_unchecked,
	finding: m.print_reason_finding
};

const CHECK_LABELS: Labels<QualityCheck> = {
	nik_birth_mismatch: m.print_check_nik_birth_mismatch,
	size_mismatch: m.print_check_size_mismatch,
	no_head: m.print_check_no_head,
	two_heads: m.print_check_two_heads,
	head_too_young: m.print_check_head_too_young,
	child_older_than_head: m.print_check_child_older_than_head,
	parent_younger_than_head: m.print_check_parent_younger_than_head,
	out_of_regency_candidate: m.print_check_out_of_regency_candidate
};

const RELATION_LABELS: Labels<(typeof RELATION)[number]> = {
	head: m.print_relation_head,
	spouse: m.print_relation_spouse,
	child: m.print_relation_child,
	child_in_law: m.print_relation_child_in_law,
	grandchild: m.print_relation_grandchild,
	parent: m.print_relation_parent,
	servant: m.print_relation_servant,
	other: m.print_relation_other
};

const isCheck = (code: string): code is QualityCheck => (QUALITY_CHECKS as readonly string[]).includes(code);
const isRelation = (code: string): code is (typeof RELATION)[number] => (RELATION as readonly string[]).includes(code);

export const reasonLabel = (reason: WorklistReason): string => REASON_LABELS[reason]?.() ?? reason;

/** A finding code in words: a quality check's words, else the validation report's code in a note. */
export function findingLabel(code: string): string {
	return isCheck(code) ? CHECK_LABELS[code]() : m.print_finding_report({ code });
}

/** Why a member is listed: the reason, then each finding, in one line. */
export function whyListed(reason: WorklistReason, findings: readonly string[]): string {
	const words = findings.map(findingLabel);
	// A 'finding' reason is said by its findings; the other reasons come first.
	return (reason === 'finding' && words.length > 0 ? words : [reasonLabel(reason), ...words]).join('; ');
}

export function relationLabel(relation: string | null): string {
	if (relation === null || relation === '') return '–';
	return isRelation(relation) ? RELATION_LABELS[relation]() : relation;
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
