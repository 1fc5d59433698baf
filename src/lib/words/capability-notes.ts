/**
 * What a register can feed (core/capabilities.ts), in words for files and the CLI: the exports record
 * which filters and requirements did not apply, and `tepat report` prints the whole list. Indonesian
 * by default, English with the English UI or --lang en; the screens say the same through their own
 * labels (ui/capability-label.ts).
 */
import {
	capabilitiesOf,
	type Capabilities,
	type CapabilityReason,
	type CapabilityStatus,
	type Effect,
	type FilterCheck,
	type RefinementId,
	type RequirementCheck
} from '../core/capabilities';
import type { IndicatorId } from '../core/indicators/definitions';
import type { MissingRule, Plan, ProgrammeId } from '../core/plan';
import type { FieldKey, RegisterField } from '../core/register-fields';
import { m } from '../paraglide/messages.js';
import { programmeTitle } from './export-labels';
import type { Locale } from './render';

type Words = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const FIELD_NAME: Record<string, Words> = {
	village_kode: m.note_field_village_kode,
	alamat: m.note_field_alamat,
	head_name: m.note_field_head_name,
	desil: m.note_field_desil,
	members_declared: m.note_field_members_declared,
	tenure: m.note_field_tenure,
	land_own: m.note_field_land_own,
	floor: m.note_field_floor,
	wall: m.note_field_wall,
	wall_condition: m.note_field_wall_condition,
	roof: m.note_field_roof,
	roof_condition: m.note_field_roof_condition,
	floor_area: m.note_field_floor_area,
	water: m.note_field_water,
	lighting: m.note_field_lighting,
	fuel: m.note_field_fuel,
	toilet: m.note_field_toilet,
	closet: m.note_field_closet,
	disposal: m.note_field_disposal,
	verval_status: m.note_field_verval_status,
	nik: m.note_field_nik,
	kk: m.note_field_kk,
	name: m.note_field_name,
	sex: m.note_field_sex,
	birth_date: m.note_field_birth_date,
	age: m.note_field_age,
	relation: m.note_field_relation,
	school_participation: m.note_field_school_participation,
	level: m.note_field_level,
	class: m.note_field_class,
	certificate: m.note_field_certificate,
	disability: m.note_field_disability
};

const INDICATOR_NAME: Record<IndicatorId, Words> = {
	ats: m.note_indicator_ats,
	ats_sd: m.note_indicator_ats_sd,
	ats_smp: m.note_indicator_ats_smp,
	ats_sma: m.note_indicator_ats_sma,
	rtlh: m.note_indicator_rtlh,
	rtlh_roof: m.note_indicator_rtlh_roof,
	rtlh_wall: m.note_indicator_rtlh_wall,
	rtlh_floor: m.note_indicator_rtlh_floor,
	rtlh_crowding: m.note_indicator_rtlh_crowding,
	water_unsafe: m.note_indicator_water_unsafe,
	water_conditional: m.note_indicator_water_conditional,
	paket_a: m.note_indicator_paket_a,
	paket_b: m.note_indicator_paket_b,
	paket_c: m.note_indicator_paket_c
};

const REFINEMENT_TEXT: Record<RefinementId, Words> = {
	ats_certificate: m.cap_refinement_ats_certificate,
	paket_in_school: m.cap_refinement_paket_in_school,
	roof_condition: m.cap_refinement_roof_condition,
	wall_condition: m.cap_refinement_wall_condition,
	pip_level: m.cap_refinement_pip_level,
	pip_class: m.cap_refinement_pip_class
};

const STATUS_TEXT: Record<CapabilityStatus, Words> = { full: m.note_status_full, partial: m.note_status_partial, none: m.note_status_none };
const FILTER_NAME: Record<'desil' | 'verval', Words> = { desil: m.note_filter_name_desil, verval: m.note_filter_name_verval };
const REQUIREMENT_NAME: Record<'land' | 'house', Words> = { land: m.cap_requirement_land, house: m.cap_requirement_house };
const RULE_TEXT: Record<MissingRule, Words> = { counted: m.cap_rule_counted, excluded: m.cap_rule_excluded };

export function fieldName(key: FieldKey | string, locale: Locale = 'id'): string {
	const field = key.slice(key.indexOf('.') + 1);
	return FIELD_NAME[field]?.({}, { locale }) ?? field;
}

/** "status verval" / "umur dan partisipasi sekolah": the absent columns, each once. */
function columnsText(keys: readonly string[], locale: Locale): string {
	const names = [...new Set(keys.map((k) => fieldName(k, locale)))];
	if (names.length <= 1) return names[0] ?? '';
	return m.note_and({ first: names.slice(0, -1).join(', '), last: names[names.length - 1] ?? '' }, { locale });
}

function programmeShort(programme: ProgrammeId): string {
	return programme.toUpperCase();
}

function effectText(effect: Effect, locale: Locale): string {
	switch (effect.kind) {
		case 'indicator':
			return m.cap_effect_indicator({ indicator: INDICATOR_NAME[effect.indicator]({}, { locale }) }, { locale });
		case 'refinement':
			return REFINEMENT_TEXT[effect.refinement]({}, { locale });
		case 'filter':
			return m.note_effect_filter({ name: FILTER_NAME[effect.filter]({}, { locale }) }, { locale });
		case 'requirement':
			return m.cap_effect_requirement(
				{ requirement: REQUIREMENT_NAME[effect.requirement]({}, { locale }), programme: programmeShort(effect.programme) },
				{ locale }
			);
	}
}

/** "tidak ada kolom status verval: filter verval tidak berlaku". */
export function reasonText(reason: CapabilityReason, locale: Locale = 'id'): string {
	return m.cap_reason({ columns: columnsText(reason.absent, locale), effect: effectText(reason.effect, locale) }, { locale });
}

function unitOf(key: string, locale: Locale): string {
	return key.startsWith('person.') ? m.note_unit_person({}, { locale }) : m.note_unit_household({}, { locale });
}

function checkText(name: string, check: FilterCheck | RequirementCheck, locale: Locale): string {
	if (!check.applies) return m.cap_check_off({ name, columns: columnsText(check.fields, locale) }, { locale });
	if (check.missing === 0) return m.cap_check_on({ name }, { locale });
	const field = check.fields[0] ?? '';
	return m.note_check_missing(
		{
			name,
			field: fieldName(field, locale),
			// Numbers stay id-ID in both languages, as on the screens.
			count: check.missing.toLocaleString('id-ID'),
			unit: unitOf(field, locale),
			rule: RULE_TEXT[check.rule]({}, { locale })
		},
		{ locale }
	);
}

export function filterText(check: FilterCheck, locale: Locale = 'id'): string {
	return checkText(m.note_filter({ name: FILTER_NAME[check.id]({}, { locale }) }, { locale }), check, locale);
}

export function requirementText(check: RequirementCheck, locale: Locale = 'id'): string {
	const name = m.cap_requirement(
		{ requirement: REQUIREMENT_NAME[check.requirement]({}, { locale }), programme: programmeShort(check.programme) },
		{ locale }
	);
	return checkText(name, check, locale);
}

/**
 * The notes an export carries: each population filter, and each ownership requirement the plan asks
 * for, that did not apply or met records without a value.
 */
export function exportNotes(caps: Capabilities, locale: Locale = 'id'): string[] {
	const checks = [
		...caps.filters.map((f) => ({ check: f, text: filterText(f, locale) })),
		...caps.requirements.filter((r) => r.enabled).map((r) => ({ check: r, text: requirementText(r, locale) }))
	];
	return checks.filter(({ check }) => !check.applies || check.missing > 0).map(({ text }) => text);
}

/** Each indicator the register cannot feed in full: its name, how far it is computed, and why. */
export function indicatorNotes(caps: Capabilities, locale: Locale = 'id'): string[] {
	return caps.indicators
		.filter((c) => c.status !== 'full')
		.map(
			(c) =>
				`${INDICATOR_NAME[c.id]({}, { locale })}: ${STATUS_TEXT[c.status]({}, { locale })} (${c.reasons.map((r) => reasonText(r, locale)).join('; ')})`
		);
}

/** The notes of an export made under `plan` from a register with these columns. */
export function planNotes(fields: readonly RegisterField[], plan: Plan, locale: Locale = 'id'): string[] {
	return exportNotes(capabilitiesOf(fields, plan), locale);
}

/**
 * The validation report's section (`tepat report`, its XLSX): the register's columns and what they can
 * feed; `planName` names the plan the filters and requirements are those of (null: the default plan).
 */
export function capabilityLines(
	fields: readonly RegisterField[],
	caps: Capabilities,
	planName: string | null,
	locale: Locale = 'id'
): string[] {
	const present = fields.filter((f) => f.present).length;
	const lines: string[] = [m.note_fields({ present, total: fields.length }, { locale })];
	if (caps.absent.length > 0) {
		lines.push(`  ${m.note_absent({ fields: [...new Set(caps.absent.map((f) => fieldName(f, locale)))].join(', ') }, { locale })}`);
	}
	const item = (name: string, status: CapabilityStatus, reasons: readonly CapabilityReason[]) => {
		lines.push(`  ${name}: ${STATUS_TEXT[status]({}, { locale })}`);
		for (const r of reasons) lines.push(`    ${reasonText(r, locale)}`);
	};
	lines.push(m.note_indicators({}, { locale }));
	for (const c of caps.indicators) item(INDICATOR_NAME[c.id]({}, { locale }), c.status, c.reasons);
	lines.push(m.note_programmes({}, { locale }));
	for (const c of caps.programmes) item(programmeTitle(c.id, locale), c.status, c.reasons);
	const plan = planName === null ? m.note_plan_default({}, { locale }) : m.note_plan_named({ name: planName }, { locale });
	lines.push(m.note_checks({ plan }, { locale }));
	for (const f of caps.filters) lines.push(`  ${filterText(f, locale)}`);
	for (const r of caps.requirements.filter((x) => x.enabled)) lines.push(`  ${requirementText(r, locale)}`);
	return lines;
}
