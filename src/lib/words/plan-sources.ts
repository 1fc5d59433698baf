/** Words for where each plan default comes from (core/plan.ts DEFAULT_SOURCES), shown by the plan forms. */
import type { DefaultSource } from '../core/plan';
import { m } from '../paraglide/messages.js';
import type { Locale } from './render';

type Words = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const SOURCE: Record<DefaultSource, Words> = {
	'population.desil': m.plan_source_population_desil,
	'population.verval': m.plan_source_population_verval,
	'population.missing': m.plan_source_population_missing,
	'programmes.missingOwnership': m.plan_source_programmes_missingOwnership,
	'indicators.school': m.plan_source_indicators_school,
	'indicators.housing.minFloorAreaPerPerson': m.plan_source_indicators_housing_minFloorAreaPerPerson,
	'indicators.housing.durable': m.plan_source_indicators_housing_durable,
	'indicators.water': m.plan_source_indicators_water,
	'indicators.paket': m.plan_source_indicators_paket,
	'programmes.pip.unitCost': m.plan_source_programmes_pip_unitCost,
	'programmes.paket.unitCost': m.plan_source_programmes_paket_unitCost,
	'programmes.bsps.unitCost': m.plan_source_programmes_bsps_unitCost,
	'programmes.rtlh.unitCost': m.plan_source_programmes_rtlh_unitCost,
	'programmes.water.unitCost': m.plan_source_programmes_water_unitCost,
	zoneCostMultiplier: m.plan_source_zoneCostMultiplier,
	fundingLines: m.plan_source_fundingLines,
	priority: m.plan_source_priority
};

/** Where the default of `source` comes from, in `locale`. */
export function defaultSourceWords(source: DefaultSource, locale: Locale): string {
	return SOURCE[source]({}, { locale });
}
