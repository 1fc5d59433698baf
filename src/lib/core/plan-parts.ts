/**
 * The parts of a plan each kind of query reads, as stable keys: a query re-runs when the key of the
 * parts it depends on changes, and only then. Renaming or re-dating a plan, editing its print
 * setting or recording a handover changes none of them (the name, date and print setting are printed, never read by SQL).
 */
import type { Plan } from './plan';

/** JSON with object keys sorted, so two equal values always give the same text. */
export function stableKey(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v !== null && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}

/** Indicator figures and the village panel: who is counted (population) and the indicators' thresholds. */
export function figuresPart(plan: Plan): string {
	return stableKey({ population: plan.population, indicators: plan.indicators });
}

/** The population funnel: the figures' parts and the programmes' housing requirements. */
export function funnelPart(plan: Plan): string {
	return stableKey({ population: plan.population, indicators: plan.indicators, programmes: plan.programmes });
}

/**
 * The allocation reads everything a plan decides: all of it but the name, the date, what the printed
 * BNBA carries besides its list (letterhead, place, signatories, year) and the handover records.
 */
export function allocationPart(plan: Plan): string {
	const { name: _name, date: _date, print: _print, handovers: _handovers, ...decisions } = plan;
	return stableKey(decisions);
}
