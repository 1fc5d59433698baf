/** UI words for the indicator catalogue (core stays free of UI text). */
import type { Denominator, IndicatorId, Measure } from '$lib/core/indicators';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';

/** A message without inputs; `locale` picks a language other than the UI's (downloads are Indonesian). */
type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const LABELS: Record<IndicatorId, Label> = {
	ats: m.indicator_ats,
	ats_sd: m.indicator_ats_sd,
	ats_smp: m.indicator_ats_smp,
	ats_sma: m.indicator_ats_sma,
	rtlh: m.indicator_rtlh,
	rtlh_roof: m.indicator_rtlh_roof,
	rtlh_wall: m.indicator_rtlh_wall,
	rtlh_floor: m.indicator_rtlh_floor,
	rtlh_crowding: m.indicator_rtlh_crowding,
	water_unsafe: m.indicator_water_unsafe,
	water_conditional: m.indicator_water_conditional,
	paket_a: m.indicator_paket_a,
	paket_b: m.indicator_paket_b,
	paket_c: m.indicator_paket_c
};

const DENOMINATORS: Record<Denominator, Label> = {
	households: m.denominator_households,
	children: m.denominator_children,
	people: m.denominator_people
};

export const indicatorLabel = (id: IndicatorId, locale?: Locale): string => LABELS[id]({}, { locale });
export const denominatorLabel = (d: Denominator, locale?: Locale): string => DENOMINATORS[d]({}, { locale });
export const measureLabel = (measure: Measure, locale?: Locale): string =>
	measure === 'count' ? m.measure_count({}, { locale }) : m.measure_rate({}, { locale });
