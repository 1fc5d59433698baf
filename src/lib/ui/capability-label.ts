/** UI words for what a register can feed (core/capabilities.ts keeps codes; people read these). */
import type {
	CapabilityReason,
	CapabilityStatus,
	Effect,
	FilterCheck,
	RefinementId,
	RequirementCheck,
	RequirementId
} from '$lib/core/capabilities';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { fieldLabel } from './field-label';
import { indicatorLabel } from './indicator-label';
import { programmeLabel } from './plan/labels';
import { ruleLabel } from './plan-label';

type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const STATUS: Record<CapabilityStatus, Label> = {
	full: m.cap_status_full,
	partial: m.cap_status_partial,
	none: m.cap_status_none
};

const REFINEMENT: Record<RefinementId, Label> = {
	ats_certificate: m.cap_refinement_ats_certificate,
	paket_in_school: m.cap_refinement_paket_in_school,
	roof_condition: m.cap_refinement_roof_condition,
	wall_condition: m.cap_refinement_wall_condition,
	pip_level: m.cap_refinement_pip_level,
	pip_class: m.cap_refinement_pip_class
};

const REQUIREMENT: Record<RequirementId, Label> = { land: m.cap_requirement_land, house: m.cap_requirement_house };

export const statusLabel = (status: CapabilityStatus): string => STATUS[status]();
export const requirementLabel = (id: RequirementId): string => REQUIREMENT[id]();

/** A canonical column ('household.verval_status') in words, lower case inside a sentence. */
export function columnLabel(key: string): string {
	return fieldLabel(key.slice(key.indexOf('.') + 1));
}

/** The absent columns, each once: "Umur, Partisipasi sekolah". */
export function columnsLabel(keys: readonly string[]): string {
	return [...new Set(keys.map(columnLabel))].join(', ');
}

function effectLabel(effect: Effect): string {
	switch (effect.kind) {
		case 'indicator':
			return m.cap_effect_indicator({ indicator: indicatorLabel(effect.indicator) });
		case 'refinement':
			return REFINEMENT[effect.refinement]();
		case 'filter':
			return effect.filter === 'desil' ? m.cap_effect_filter_desil() : m.cap_effect_filter_verval();
		case 'requirement':
			return m.cap_effect_requirement({
				requirement: requirementLabel(effect.requirement),
				programme: programmeLabel(effect.programme)
			});
	}
}

/** "tidak ada kolom Status verval: filter verval tidak berlaku". */
export function reasonLabel(reason: CapabilityReason): string {
	return m.cap_reason({ columns: columnsLabel(reason.absent), effect: effectLabel(reason.effect) });
}

export function reasonsLabel(reasons: readonly CapabilityReason[]): string {
	return reasons.map(reasonLabel).join('; ');
}

function checkLabel(name: string, check: FilterCheck | RequirementCheck): string {
	if (!check.applies) return m.cap_check_off({ name, columns: columnsLabel(check.fields) });
	if (check.missing > 0) {
		return m.cap_check_missing({
			name,
			field: columnLabel(check.fields[0] ?? ''),
			count: check.missing.toLocaleString('id-ID'),
			rule: ruleLabel(check.rule)
		});
	}
	return m.cap_check_on({ name });
}

export function filterCheckLabel(check: FilterCheck): string {
	return checkLabel(check.id === 'desil' ? m.cap_filter_desil() : m.cap_filter_verval(), check);
}

export function requirementCheckLabel(check: RequirementCheck): string {
	const name = m.cap_requirement({ requirement: requirementLabel(check.requirement), programme: programmeLabel(check.programme) });
	return check.enabled ? checkLabel(name, check) : m.cap_check_asked_off({ name });
}
