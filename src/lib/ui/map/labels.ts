/** UI words of the Map screen that depend on a choice (group, method, unit, measure line). */
import type { ClassMethod } from '$lib/core/geo/classify';
import { indicator, type Denominator, type IndicatorGroup, type IndicatorId, type Measure } from '$lib/core/indicators';
import { m } from '$lib/paraglide/messages.js';
import { denominatorLabel, measureLabel } from '$lib/ui/indicator-label';

const GROUPS: Record<IndicatorGroup, () => string> = {
	ats: m.map_group_ats,
	rtlh: m.map_group_rtlh,
	water: m.map_group_water,
	paket: m.map_group_paket
};

const METHODS: Record<ClassMethod, () => string> = {
	quantile: m.map_method_quantile,
	equal: m.map_method_equal,
	jenks: m.map_method_jenks,
	manual: m.map_method_manual
};

const UNITS: Record<Denominator, () => string> = {
	households: m.unit_households,
	children: m.unit_children,
	people: m.unit_people
};

export const groupLabel = (group: IndicatorGroup): string => GROUPS[group]();
export const methodLabel = (method: ClassMethod): string => METHODS[method]();
/** What a count counts: "keluarga/RT", "anak", "jiwa". */
export const unitLabel = (d: Denominator): string => UNITS[d]();

/** "Rasio per 100 keluarga" or "Jumlah keluarga/RT": the legend's second line. */
export function measureLine(id: IndicatorId, measure: Measure): string {
	const d = indicator(id).denominator;
	return measure === 'rate'
		? m.legend_rate({ measure: measureLabel(measure), denominator: denominatorLabel(d) })
		: m.legend_count({ measure: measureLabel(measure), unit: unitLabel(d) });
}
