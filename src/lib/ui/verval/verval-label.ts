/** Words for the Verval screen's result-file columns. */
import type { ResultField } from '$lib/core/verval/result-fields';
import { m } from '$lib/paraglide/messages.js';

type Label = () => string;

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

export const resultFieldLabel = (field: ResultField): string => FIELD_LABELS[field]();
