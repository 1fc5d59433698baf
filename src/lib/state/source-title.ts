/** A register source's name for people (DTSEN, DTKS/BDT, P3KE), in the current language. */
import { m } from '$lib/paraglide/messages.js';

const TITLES: Readonly<Record<string, () => string>> = {
	dtsen: m.source_dtsen,
	bdt: m.source_bdt,
	p3ke: m.source_p3ke
};

/** The title of `kind`; a kind Tepat does not know is shown as written. */
export function sourceTitle(kind: string): string {
	return TITLES[kind]?.() ?? kind;
}
