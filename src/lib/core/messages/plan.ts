/**
 * Why a plan refuses a field: a code and its parameters, worded at the edge (messages/*.json,
 * key `said_` and the code with `_` for `.`). Numbers and lists travel as text exactly as the file wrote them.
 */
import type { CodedMessage, NoParams } from './coded';
import type { BastReasons } from './partner';

export interface PlanReasons {
	'plan.not_object': NoParams;
	'plan.unknown_key': NoParams;
	'plan.not_number': NoParams;
	'plan.out_of_range': { min: string; max: string; value: string };
	'plan.not_integer': { value: string };
	'plan.not_boolean': NoParams;
	'plan.not_text': NoParams;
	'plan.not_list': NoParams;
	'plan.unknown_value': { value: string; allowed: string };
	'plan.min_above_max': { min: string; max: string };
	'plan.school_ranges': NoParams;
	'plan.water_both': { sources: string };
	'plan.not_rupiah': { value: string };
	'plan.not_one_of': { allowed: string };
	'plan.zone_name': NoParams;
	'plan.kecamatan_code': NoParams;
	'plan.funding_id': NoParams;
	'plan.funding_id_taken': { id: string };
	'plan.include_or_exclude': NoParams;
	'plan.reason_required': NoParams;
	'plan.override_taken': { programme: string; unit: string };
	'plan.version_invalid': NoParams;
	'plan.version_newer': { version: string; known: string };
	'plan.not_plan_format': { format: string; written: string };
	'plan.empty': NoParams;
	'plan.not_date': NoParams;
	'plan.desil_range': NoParams;
	'plan.text_too_long': { max: string; length: string };
	'plan.too_many': { max: string; count: string };
	'plan.one_line': NoParams;
	'plan.nip': { digits: string };
	'plan.village_code': NoParams;
	'plan.units_and_budget': { programme: string };
	/** A handover record's field, refused for a BAST's own reason. */
	'plan.bast': { reason: CodedMessage<keyof BastReasons> };
	'plan.bast_number_taken': { number: string };
}

/** A plan file as a whole: a wrong field (with one of the reasons above), not JSON, or not there. */
export interface PlanFileMessages {
	'plan.field_refused': { file: string; field: string; reason: CodedMessage<keyof PlanReasons> };
	'plan.not_json': { file: string; detail: string };
	'plan.not_found': { file: string };
	/** Refused before reading: sizes in whole megabytes. */
	'plan.file_too_large': { file: string; megabytes: string; limitMegabytes: string };
}
