/**
 * What one funded unit of each programme removes, counted in people ("deprivations removed"), as SQL
 * over the register's household `h` and, for a person programme (PIP, Paket), the person `p` the unit
 * is. The counts are the indicators' own (../shared/DOMAIN.md §3, indicators/definitions.ts), so a
 * funded unit takes off the Map what the Map counted:
 *
 * - RTLH and BSPS: the house's unfit criteria (roof, wall, floor, crowding; 0–4) × its people. A house
 *   unfit on three counts for five people removes 15; a house of unknown size counts one person.
 * - Water: the household's people when its source is unsafe; half of them when it is "conditional"
 *   (bottled or refill water is safe only if the bathing water is, which DTSEN does not record).
 * - PIP: 1 for a child out of school (ATS) brought back; ½ for a child in school kept there (at risk:
 *   not every supported child would have left).
 * - Paket A/B/C: 1, the person without the certificate gets it.
 *
 * Units the priority order puts first (poorest, most vulnerable, largest, most deprived households)
 * remove the most, so deprivations removed per extra Rupiah fall along the coverage curve.
 */
import { MEMBERS, indicator } from '../indicators/definitions';
import type { Plan, ProgrammeId } from '../plan';
import { caseWhen } from '../sql';

/** What keeping an at-risk child in school counts for, against bringing an out-of-school child back. */
export const AT_RISK_WEIGHT = 0.5;
/** What a connection for a household on bottled or refill water counts for, per person. */
export const CONDITIONAL_WEIGHT = 0.5;

/** The housing criteria a renovation removes, in the order the allocation's rule names them. */
const HOUSING_CRITERIA = ['rtlh_roof', 'rtlh_wall', 'rtlh_floor', 'rtlh_crowding'] as const;

/** The people one unit reaches: a household's members (one when unknown), or the one person. */
export function peopleReachedSql(programme: ProgrammeId): string {
	return programme === 'pip' || programme === 'paket' ? '1' : `coalesce(${MEMBERS}, 1)`;
}

/** Deprivations one funded unit of `programme` removes under the plan's indicator settings, as DOUBLE. */
export function removedSql(plan: Plan, programme: ProgrammeId): string {
	const s = plan.indicators;
	const people = peopleReachedSql(programme);
	switch (programme) {
		case 'rtlh':
		case 'bsps': {
			// Unknown materials are not unfit (the indicators' rule), so a NULL test counts 0.
			const criteria = HOUSING_CRITERIA.map((id) => `coalesce((${indicator(id).count(s)})::INTEGER, 0)`);
			return `((${criteria.join(' + ')}) * ${people})::DOUBLE`;
		}
		case 'water':
			return `(${caseWhen(
				[
					[indicator('water_unsafe').count(s), people],
					[indicator('water_conditional').count(s), `${CONDITIONAL_WEIGHT} * ${people}`]
				],
				'0'
			)})::DOUBLE`;
		case 'pip':
			return `(${caseWhen([[indicator('ats').count(s), '1']], String(AT_RISK_WEIGHT))})::DOUBLE`;
		case 'paket':
			return '1::DOUBLE';
	}
}
