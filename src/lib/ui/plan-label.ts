/**
 * UI words for the plan's canonical code values (roof 'thatch', water 'unprotected_well', verval
 * 'found' …) and for the population a plan counts. Core keeps English codes; people read these.
 */
import type { FilterCheck } from '$lib/core/capabilities';
import type { MissingRule, Population } from '$lib/core/plan';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { vervalLabel } from '$lib/words/code-labels';

export { floorLabel, roofLabel, vervalLabel, wallLabel, waterLabel } from '$lib/words/code-labels';

/** The verval statuses a population counts, in words: "Ditemukan, Pindah". */
export function vervalList(population: Population, locale?: Locale): string {
	return population.verval.map((v) => vervalLabel(v, locale)).join(', ');
}

export const ruleLabel = (rule: MissingRule, locale?: Locale): string =>
	rule === 'counted' ? m.cap_rule_counted({}, { locale }) : m.cap_rule_excluded({}, { locale });

/**
 * The population in one line (exports, titles): "Desil 1–4; verval: Ditemukan". With the register's
 * filter checks, a filter it cannot apply says so, and records without a value are counted or not.
 */
export function populationSummary(population: Population, locale?: Locale, filters: readonly FilterCheck[] = []): string {
	const part = (check: FilterCheck | undefined, on: string, off: string): string => {
		if (!check || (check.applies && check.missing === 0)) return on;
		if (!check.applies) return off;
		const count = check.missing.toLocaleString('id-ID');
		return `${on} (${m.population_missing({ count, rule: ruleLabel(check.rule, locale) }, { locale })})`;
	};
	const { min, max } = population.desil;
	const desil = part(
		filters.find((f) => f.id === 'desil'),
		m.population_desil_on({ min, max }, { locale }),
		m.population_desil_off({}, { locale })
	);
	const verval = part(
		filters.find((f) => f.id === 'verval'),
		m.population_verval_on({ statuses: vervalList(population, locale) }, { locale }),
		m.population_verval_off({}, { locale })
	);
	return m.population_summary_parts({ desil, verval }, { locale });
}
