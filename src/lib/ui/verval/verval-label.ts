/** Words for the Verval screen's codes: why a result matched no one, result columns. */
import type { ResultField } from '$lib/core/verval/result-fields';
import { m } from '$lib/paraglide/messages.js';

type Label = () => string;

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

export const unmatchedReasonLabel = (reason: string): string => REASON_LABELS[reason]?.() ?? reason;
export const resultFieldLabel = (field: ResultField): string => FIELD_LABELS[field]();
