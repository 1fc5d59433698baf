/** Words for a refused verval result file (core/messages/verval.ts). */
import type { VervalMessages } from '../core/messages/verval';
import { m } from '../paraglide/messages.js';
import { message, type WordTable } from './render';
import type { Locale } from './render';

const FIELD_WORDS: Readonly<Record<string, (locale: Locale) => string>> = {
	nik: (locale) => m.said_verval_field_nik({}, { locale }),
	record_id: (locale) => m.said_verval_field_record_id({}, { locale }),
	status: (locale) => m.said_verval_field_status({}, { locale })
};

function fieldWord(field: string, locale: Locale): string {
	return FIELD_WORDS[field]?.(locale) ?? field;
}

const UNMATCHED_REASON_WORDS: Readonly<Record<string, (locale: Locale) => string>> = {
	unknown_person: (locale) => m.verval_reason_unknown_person({}, { locale }),
	no_person: (locale) => m.verval_reason_no_person({}, { locale }),
	unread_answer: (locale) => m.verval_reason_unread_answer({}, { locale })
};

/** Why a result resolves nobody (core/verval/resolve.ts `unmatchedResultsSql`), in words; an unknown code as itself. */
export function unmatchedReasonWords(reason: string, locale: Locale): string {
	return UNMATCHED_REASON_WORDS[reason]?.(locale) ?? reason;
}

export const VERVAL_WORDS: WordTable<keyof VervalMessages> = {
	'verval.columns_missing': (p, locale) => {
		const or = m.said_verval_missing_or({}, { locale });
		const and = m.said_verval_missing_and({}, { locale });
		const missing = p.missing.map((group) => group.map((f) => fieldWord(f, locale)).join(or)).join(and);
		return m.said_verval_columns_missing({ file: p.file, missing, headers: p.headers.join(', ') }, { locale });
	},
	'verval.dates_ambiguous': message(m.said_verval_dates_ambiguous),
	'verval.round_invalid': message(m.said_verval_round_invalid),
	'verval.decision_reason_missing': message(m.said_verval_decision_reason_missing),
	'verval.decision_outcome_invalid': message(m.said_verval_decision_outcome_invalid),
	'fieldkit.kit_not_json': message(m.said_fieldkit_kit_not_json),
	'fieldkit.kit_not_format': message(m.said_fieldkit_kit_not_format),
	'fieldkit.kit_field': message(m.said_fieldkit_kit_field),
	'fieldkit.results_not_sealed': message(m.said_fieldkit_results_not_sealed),
	'fieldkit.results_changed': message(m.said_fieldkit_results_changed),
	'fieldkit.results_field': message(m.said_fieldkit_results_field),
	'fieldkit.results_other_kit': message(m.said_fieldkit_results_other_kit)
};
