/**
 * Words of the verval worklist (issue 13 point 5): its column headers, why a person is listed (the
 * reason and the finding codes of checks.ts and of the load's report), relations, and the title
 * block. The headers of the field team's columns are ones the result import recognises
 * (core/verval/result-fields.ts), so a filled-in list reads back as a result file; a test holds that.
 */
import { ID_ISSUES, type IdIssue, type IdKind } from '../core/nik';
import type { Relation } from '../core/schema';
import type { QualityCheck } from '../core/verval/checks';
import type { WorklistReason } from '../core/verval/worklist';
import { m } from '../paraglide/messages.js';
import { idIssueWords, idKindWords } from './report-labels';
import type { Locale } from './render';

type Words = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const HEADER = {
	household_id: m.worklist_header_household_id,
	kk: m.worklist_header_kk,
	alamat: m.worklist_header_alamat,
	head_name: m.worklist_header_head_name,
	person_id: m.worklist_header_person_id,
	nik: m.worklist_header_nik,
	name: m.worklist_header_name,
	relation: m.worklist_header_relation,
	age: m.worklist_header_age,
	why: m.worklist_header_why,
	date: m.worklist_header_date,
	officer: m.worklist_header_officer,
	notes: m.worklist_header_notes,
	village_kode: m.worklist_header_village_kode,
	village_nama: m.worklist_header_village_nama,
	kecamatan_nama: m.worklist_header_kecamatan_nama,
	regency: m.worklist_header_regency,
	printed: m.worklist_header_printed,
	checksum: m.worklist_header_checksum
} satisfies Record<string, Words>;

export type WorklistColumn = keyof typeof HEADER | 'status';

/** A worklist column's header; the status column lists `choices`, the answers the import reads. */
export function worklistHeader(column: WorklistColumn, locale: Locale, choices: readonly string[] = []): string {
	if (column === 'status') return m.worklist_header_status({ choices: choices.join(' / ') }, { locale });
	return HEADER[column]({}, { locale });
}

const REASON: Record<WorklistReason, Words> = {
	conflict: m.worklist_reason_conflict,
	unchecked: m.worklist_reason_unchecked,
	finding: m.worklist_reason_finding
};

const CHECK: Record<QualityCheck, Words> = {
	nik_birth_mismatch: m.worklist_check_nik_birth_mismatch,
	size_mismatch: m.worklist_check_size_mismatch,
	no_head: m.worklist_check_no_head,
	two_heads: m.worklist_check_two_heads,
	head_too_young: m.worklist_check_head_too_young,
	child_older_than_head: m.worklist_check_child_older_than_head,
	parent_younger_than_head: m.worklist_check_parent_younger_than_head,
	out_of_regency_candidate: m.worklist_check_out_of_regency_candidate
};

/** The load report's codes a household or person can carry (ingest/report-sql.ts), besides NIK/KK issues. */
const REPORT: Record<string, Words> = {
	duplicate_family: m.worklist_report_duplicate_family,
	family_key_shared: m.worklist_report_family_key_shared,
	duplicate_person: m.worklist_report_duplicate_person,
	person_in_two_families: m.worklist_report_person_in_two_families,
	duplicate_nik: m.worklist_report_duplicate_nik,
	nik_in_two_families: m.worklist_report_nik_in_two_families,
	village_not_in_reference: m.worklist_report_village_not_in_reference,
	other_regency: m.worklist_report_other_regency,
	village_name_ambiguous: m.worklist_report_village_name_ambiguous,
	village_name_not_found: m.worklist_report_village_name_not_found,
	village_name_no_kecamatan: m.worklist_report_village_name_no_kecamatan,
	household_without_members: m.worklist_report_household_without_members
};

const RELATION: Record<Relation, Words> = {
	head: m.worklist_relation_head,
	spouse: m.worklist_relation_spouse,
	child: m.worklist_relation_child,
	child_in_law: m.worklist_relation_child_in_law,
	grandchild: m.worklist_relation_grandchild,
	parent: m.worklist_relation_parent,
	servant: m.worklist_relation_servant,
	other: m.worklist_relation_other
};

export function worklistReasonWords(reason: WorklistReason, locale: Locale): string {
	return REASON[reason]({}, { locale });
}

/** One finding code in words: a quality check, a NIK/KK issue ('NIK: notasi ilmiah Excel'), a report code; else the code. */
export function findingCodeWords(code: string, locale: Locale): string {
	const check = CHECK[code as QualityCheck] ?? REPORT[code];
	if (check) return check({}, { locale });
	const id = /^(nik|kk)_(.+)$/.exec(code);
	const issue = id?.[2] as IdIssue | undefined;
	if (id && issue && ID_ISSUES.includes(issue)) {
		return m.worklist_report_identifier({ kind: idKindWords(id[1] as IdKind, locale), issue: idIssueWords(issue, locale) }, { locale });
	}
	return code;
}

/** Why a person is on the list: the reason, then each finding ('belum diperiksa; anak tidak lebih muda …'). */
export function worklistWhyWords(reason: WorklistReason, findings: string | null, locale: Locale): string {
	const codes = findings === null ? [] : findings.split(' ').filter((c) => c !== '');
	return [worklistReasonWords(reason, locale), ...codes.map((c) => findingCodeWords(c, locale))].join('; ');
}

/** A canonical relation in words; a value no list holds as written. */
export function relationWords(relation: string, locale: Locale): string {
	return RELATION[relation as Relation]?.({}, { locale }) ?? relation;
}

const LABEL = {
	village: m.worklist_label_village,
	kecamatan: m.worklist_label_kecamatan,
	regency: m.worklist_label_regency,
	date: m.worklist_label_date,
	checksum: m.worklist_label_checksum,
	instructions: m.worklist_label_instructions
} satisfies Record<string, Words>;

/** A label of the worklist's title block. */
export function worklistLabel(label: keyof typeof LABEL, locale: Locale): string {
	return LABEL[label]({}, { locale });
}

export function worklistTitle(village: string, locale: Locale): string {
	return m.worklist_title({ village }, { locale });
}
