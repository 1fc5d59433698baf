/**
 * The user's saved column mappings, one per source, in localStorage: small JSON that must outlive both
 * a reload and "Hapus data tersimpan" (which clears the register, not the user's settings). Entries are
 * validated on the way out like a mapping file, so a damaged entry is dropped rather than applied.
 */
import { savedMappingOf, type SavedMapping } from '$lib/ingest/mapping';
import type { RegisterSource } from '$lib/ingest/sources';

const KEY = 'tepat.column-mappings.v1';

export type SavedMappings = Partial<Record<RegisterSource, SavedMapping>>;

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Some privacy settings throw on access: behave as if nothing is saved.
		return null;
	}
}

export function readSavedMappings(): SavedMappings {
	const text = storage()?.getItem(KEY);
	if (!text) return {};
	let entries: unknown;
	try {
		entries = JSON.parse(text);
	} catch {
		return {};
	}
	if (typeof entries !== 'object' || entries === null) return {};
	const out: SavedMappings = {};
	for (const value of Object.values(entries)) {
		try {
			const mapping = savedMappingOf(value, KEY);
			out[mapping.source] = mapping;
		} catch {
			// A damaged entry is skipped: guessing is the safe default.
		}
	}
	return out;
}

export function writeSavedMappings(mappings: SavedMappings): void {
	storage()?.setItem(KEY, JSON.stringify(mappings));
}
