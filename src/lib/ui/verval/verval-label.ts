/** Words for the Verval screen's codes: quality checks, why a result matched no one, result columns. */
import type { QualityCheck } from '$lib/core/verval/checks';
import type { ResultField } from '$lib/core/verval/result-fields';
import { m } from '$lib/paraglide/messages.js';

type Label = () => string;

const CHECK_LABELS: Record<QualityCheck, Label> = {
	nik_birth_mismatch: m.verval_check_nik_birth_mismatch,
	size_mismatch: m.verval_check_size_mismatch,
	no_head: m.verval_check_no_head,
	two_heads: m.verval_check_two_heads,
	head_too_young: m.verval_check_head_too_young,
	child_older_than_head: m.verval_check_child_older_than_head,
	parent_younger_than_head: m.verval_check_parent_younger_than_head,
	out_of_regency_candidate: m.verval_check_out_of_regency_candidate
};

const REASON_LABELS: Record<string, Label> = {
	unknown_person: m.verval_reason_unknown_person,
	no_person: m.verval_reason_no_person,
	unread_answer: m.verval_reason_unread_answer
};

const FIELD_LABELS: Record<ResultField, Label> = {
	nik: m.verval_field_nik,
	record_id: m.verval_field_record_id,
	status: m.verval_field_status,
	date: m.verval_field_date,
	timestamp: m.verval_field_timestamp,
	officer: m.verval_field_officer,
	notes: m.verval_field_notes,
	village: m.verval_field_village,
	name: m.verval_field_name,
	round: m.verval_field_round
};

export const checkLabel = (check: QualityCheck): string => CHECK_LABELS[check]();
export const unmatchedReasonLabel = (reason: string): string => REASON_LABELS[reason]?.() ?? reason;
export const resultFieldLabel = (field: ResultField): string => FIELD_LABELS[field]();
