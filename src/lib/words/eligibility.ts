/**
 * Why a unit is on a programme's list, in words. The allocation keeps the reason as a short code the
 * candidates SQL writes ('rtlh: unfit roof+wall', 'water: unsafe unprotected_well', 'pip: smp out of
 * school (half)', 'paket b'); the BNBA a person reads says it in Indonesian or English. A reason this
 * does not recognise is written as it is, never dropped.
 */
import { WATER, type Water } from '../core/schema';
import { m } from '../paraglide/messages.js';
import { waterLabel } from './code-labels';
import type { Locale } from './render';

type Words = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const HOUSE_PART = {
	roof: m.eligibility_part_roof,
	wall: m.eligibility_part_wall,
	floor: m.eligibility_part_floor,
	crowding: m.eligibility_part_crowding
} satisfies Record<string, Words>;

const isPart = (part: string): part is keyof typeof HOUSE_PART => part in HOUSE_PART;
const isWater = (code: string): code is Water => (WATER as readonly string[]).includes(code);

function houseWords(rest: string, locale: Locale): string | null {
	const match = /^unfit (.*)$/.exec(rest);
	const parts = match?.[1]?.split('+').filter(Boolean) ?? [];
	if (!match || !parts.every(isPart)) return null;
	return m.eligibility_unfit({ parts: parts.map((p) => HOUSE_PART[p]({}, { locale })).join(', ') }, { locale });
}

function waterWords(rest: string, locale: Locale): string | null {
	const match = /^(unsafe|conditional) ?(.*)$/.exec(rest);
	if (!match) return null;
	const code = match[2] ?? '';
	const source = isWater(code) ? waterLabel(code, locale) : code || '–';
	return match[1] === 'unsafe'
		? m.eligibility_water_unsafe({ source }, { locale })
		: m.eligibility_water_conditional({ source }, { locale });
}

function pipWords(rest: string, locale: Locale): string | null {
	const match = /^(sd|smp|sma) (in school|out of school)( \(half\))?$/.exec(rest);
	if (!match) return null;
	const stage = (match[1] ?? '').toUpperCase();
	const rule =
		match[2] === 'in school' ? m.eligibility_pip_in_school({ stage }, { locale }) : m.eligibility_pip_out_of_school({ stage }, { locale });
	return match[3] ? m.eligibility_pip_half({ rule }, { locale }) : rule;
}

export function eligibilityWords(rule: string, locale: Locale): string {
	const paket = /^paket ([abc])$/.exec(rule);
	if (paket) return m.eligibility_paket({ stage: (paket[1] ?? '').toUpperCase() }, { locale });
	const colon = rule.indexOf(': ');
	const programme = colon < 0 ? '' : rule.slice(0, colon);
	const rest = rule.slice(colon + 2);
	const words =
		programme === 'rtlh' || programme === 'bsps'
			? houseWords(rest, locale)
			: programme === 'water'
				? waterWords(rest, locale)
				: programme === 'pip'
					? pipWords(rest, locale)
					: null;
	return words ?? rule;
}
