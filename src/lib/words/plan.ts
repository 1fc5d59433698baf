/** Words for a plan's refusals (core/messages/plan.ts). */
import type { CodedMessage } from '../core/messages';
import type { PlanFileMessages, PlanReasons } from '../core/messages/plan';
import { m } from '../paraglide/messages.js';
import { bastReasonWords } from './partner';
import { message, type Locale, type WordTable } from './render';

export const PLAN_REASON_WORDS: WordTable<keyof PlanReasons> = {
	'plan.not_object': message(m.said_plan_not_object),
	'plan.unknown_key': message(m.said_plan_unknown_key),
	'plan.not_number': message(m.said_plan_not_number),
	'plan.out_of_range': message(m.said_plan_out_of_range),
	'plan.not_integer': message(m.said_plan_not_integer),
	'plan.not_boolean': message(m.said_plan_not_boolean),
	'plan.not_text': message(m.said_plan_not_text),
	'plan.not_list': message(m.said_plan_not_list),
	'plan.unknown_value': message(m.said_plan_unknown_value),
	'plan.min_above_max': message(m.said_plan_min_above_max),
	'plan.school_ranges': message(m.said_plan_school_ranges),
	'plan.water_both': message(m.said_plan_water_both),
	'plan.not_rupiah': message(m.said_plan_not_rupiah),
	'plan.not_one_of': message(m.said_plan_not_one_of),
	'plan.zone_name': message(m.said_plan_zone_name),
	'plan.kecamatan_code': message(m.said_plan_kecamatan_code),
	'plan.funding_id': message(m.said_plan_funding_id),
	'plan.funding_id_taken': message(m.said_plan_funding_id_taken),
	'plan.include_or_exclude': message(m.said_plan_include_or_exclude),
	'plan.reason_required': message(m.said_plan_reason_required),
	'plan.override_taken': message(m.said_plan_override_taken),
	'plan.version_invalid': message(m.said_plan_version_invalid),
	'plan.version_newer': message(m.said_plan_version_newer),
	'plan.not_plan_format': message(m.said_plan_not_plan_format),
	'plan.empty': message(m.said_plan_empty),
	'plan.not_date': message(m.said_plan_not_date),
	'plan.desil_range': message(m.said_plan_desil_range),
	'plan.text_too_long': message(m.said_plan_text_too_long),
	'plan.too_many': message(m.said_plan_too_many),
	'plan.one_line': message(m.said_plan_one_line),
	'plan.nip': message(m.said_plan_nip),
	'plan.village_code': message(m.said_plan_village_code),
	'plan.units_and_budget': message(m.said_plan_units_and_budget),
	'plan.bast': (p, locale) => m.said_plan_bast({ reason: bastReasonWords(p.reason, locale) }, { locale }),
	'plan.bast_number_taken': message(m.said_plan_bast_number_taken)
};

function reasonWords(reason: CodedMessage<keyof PlanReasons>, locale: Locale): string {
	const render = PLAN_REASON_WORDS[reason.code] as (params: typeof reason.params, locale: Locale) => string;
	return render(reason.params, locale);
}

/** The field and why it was refused, without the file: what a form says when an edit is refused. */
export function planReasonWords(said: CodedMessage<'plan.field_refused'>, locale: Locale): string {
	return m.said_plan_field_reason({ field: said.params.field, reason: reasonWords(said.params.reason, locale) }, { locale });
}

export const PLAN_WORDS: WordTable<keyof PlanFileMessages> = {
	'plan.field_refused': (p, locale) =>
		m.said_plan_field_refused({ file: p.file, field: p.field, reason: reasonWords(p.reason, locale) }, { locale }),
	'plan.not_json': message(m.said_plan_not_json),
	'plan.not_found': message(m.said_plan_not_found),
	'plan.file_too_large': message(m.said_plan_file_too_large)
};
