/**
 * The user's column choice for verval result files (issue 13 point 1: a mapping like the register's,
 * saved and reused), in localStorage: field → header as written, or null for "use no column". Field
 * teams keep one form for a season, so the choice made for one round's file applies to the next.
 */
import { RESULT_FIELDS, type ResultField } from '$lib/core/verval/result-fields';

const KEY = 'tepat.verval-columns.v1';

export type ResultColumnChoice = Partial<Record<ResultField, string | null>>;

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export function readResultColumnChoice(): ResultColumnChoice {
	const text = storage()?.getItem(KEY);
	if (!text) return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {};
	}
	if (typeof value !== 'object' || value === null) return {};
	const choice: ResultColumnChoice = {};
	for (const field of RESULT_FIELDS) {
		const header: unknown = (value as Record<string, unknown>)[field];
		if (typeof header === 'string' || header === null) choice[field] = header;
	}
	return choice;
}

export function writeResultColumnChoice(choice: ResultColumnChoice): void {
	storage()?.setItem(KEY, JSON.stringify(choice));
}
