/**
 * Whether the last save of the register finished (issue 18 point 7). Saving a register to IndexedDB
 * takes seconds; a reload or a closed tab in that time aborts the transaction, and the next start-up
 * restores the previous copy (persistence.ts keeps it whole) — without this, without a word.
 *
 * Before the save, a small marker goes to localStorage: the files being saved and the save's id. The
 * same id is written into the stored copy's meta record in the save's one transaction, and the marker
 * is removed once that transaction has committed. At start-up a marker whose id is not the stored
 * copy's means that save never committed: the page says which files were not saved and which
 * register it shows instead. (Matching the id, not only finding a marker, keeps a close in the instant
 * between the commit and the marker's removal from being reported as a lost save.)
 *
 * While a save runs, `warnOnUnload` makes the browser ask before the page is left.
 */

export const SAVE_MARKER_KEY = 'tepat:register-saving';

export interface SaveMarker {
	/** The files of the register being saved, as the user knows them. */
	names: string[];
	/** This save's id, also written as the stored meta's `save`. */
	id: string;
}

export type MarkerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null where there is none (Node, or a browser that refuses it). */
function localStore(): MarkerStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** A new save's id: unique enough for one browser (not a secret; crypto.randomUUID needs a secure context). */
export function newSaveId(now: number = Date.now()): string {
	return `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Writes the marker before a save starts. A storage that refuses it costs only the notice, never the save. */
export function markSaving(marker: SaveMarker, store: MarkerStorage | null = localStore()): void {
	try {
		store?.setItem(SAVE_MARKER_KEY, JSON.stringify({ names: [...marker.names], id: marker.id }));
	} catch {
		// Quota or privacy mode: the save goes on without its marker.
	}
}

/** The marker left in storage, or null (none, or not one this module wrote). */
export function readSaving(store: MarkerStorage | null = localStore()): SaveMarker | null {
	let text: string | null;
	try {
		text = store?.getItem(SAVE_MARKER_KEY) ?? null;
	} catch {
		return null;
	}
	if (text === null) return null;
	try {
		const value: unknown = JSON.parse(text);
		if (typeof value !== 'object' || value === null) return null;
		const { names, id } = value as Record<string, unknown>;
		if (typeof id !== 'string' || !Array.isArray(names) || !names.every((n) => typeof n === 'string')) return null;
		return { names: names as string[], id };
	} catch {
		return null;
	}
}

/** Removes the marker: after save `id` committed (only that save's marker), or, without an id, whatever is there. */
export function clearSaving(id?: string, store: MarkerStorage | null = localStore()): void {
	try {
		if (id !== undefined && readSaving(store)?.id !== id) return;
		store?.removeItem(SAVE_MARKER_KEY);
	} catch {
		// Nothing to do: a marker that cannot be removed is matched by id at the next start-up.
	}
}

/**
 * The save that did not finish, from the marker found at start-up and the `save` id of the copy in
 * IndexedDB (undefined when there is none, or it was stored before saves had ids): null when there
 * was no marker or the stored copy is the one it was for.
 */
export function unfinishedSave(marker: SaveMarker | null, storedSave: string | undefined): SaveMarker | null {
	if (!marker) return null;
	return storedSave === marker.id ? null : marker;
}

type UnloadTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/**
 * Makes the browser ask before the page is reloaded or closed (beforeunload), until the returned
 * function is called. Nothing where there is no window.
 */
export function warnOnUnload(target: UnloadTarget | undefined = typeof window === 'undefined' ? undefined : window): () => void {
	if (!target) return () => undefined;
	const ask = (event: BeforeUnloadEvent): void => {
		event.preventDefault();
		// Older Safari and Firefox ask only when returnValue is set.
		event.returnValue = '';
	};
	target.addEventListener('beforeunload', ask);
	return () => target.removeEventListener('beforeunload', ask);
}
