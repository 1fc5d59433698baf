/**
 * The printed BNBA's letterhead, place and signatories (issue 15 point 2): the plan's `print` setting,
 * or until the user sets one, a default built from the regency's name in the UI's language (never a
 * regency written into the code). An edit starts from what is shown, so the first one stores the
 * default with it.
 */
import { PRINT_LIMITS, type Plan, type PrintSettings } from '$lib/core/plan';
import { m } from '$lib/paraglide/messages.js';

/** The default: the regency's government and the social affairs office as letterhead, its head to sign. */
export function defaultPrintSettings(regency: string): PrintSettings {
	return {
		letterhead: [m.bnba_default_government({ regency }).toLocaleUpperCase('id-ID'), m.bnba_default_office().toLocaleUpperCase('id-ID')],
		place: '',
		signatories: [{ position: m.bnba_default_signatory({ regency }), name: '', nip: null }],
		year: null
	};
}

/** What the print shows: the plan's setting, else the default for the regency. */
export function printSettingsOf(plan: Plan, regency: string): PrintSettings {
	return plan.print ?? defaultPrintSettings(regency);
}

/** A textarea's lines as letterhead lines: trimmed, empty ones dropped (the plan refuses an empty line). */
export function letterheadLines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

export { PRINT_LIMITS };
