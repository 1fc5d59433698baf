/**
 * The Data screen's column-mapping step: shows the mapping the loaded register used, holds the user's
 * unapplied edits, and saves them as the mapping for that source (applied by every later load of that
 * source). When the files are still open in this page, applying re-loads them and the mapping is kept
 * only if that load succeeds, so a bad choice never replaces a working mapping; after a page reload
 * the files are gone and the mapping is saved for the next time they are chosen.
 */
import {
	choicesOf,
	emptyMapping,
	parseSavedMapping,
	type FieldChoices,
	type LoadMapping,
	type MappingSide,
	type SavedMapping
} from '$lib/ingest/mapping';
import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/words/error-text';
import { download } from './download';
import { readSavedMappings, writeSavedMappings, type SavedMappings } from './mapping-store';
import { register } from './RegisterModel.svelte';
import { sourceTitle } from './source-title';

type Drafts = Readonly<Record<MappingSide, FieldChoices>>;
const NO_EDITS: Drafts = { household: {}, person: {} };

export class MappingModel {
	saved = $state<SavedMappings>({});
	/** What the last action did, for a polite live region. */
	message = $state<string | null>(null);
	error = $state<string | null>(null);
	/** Edits belong to the register version they were made on: a new load starts clean. */
	#drafts = $state<{ version: number; sides: Drafts }>({ version: -1, sides: NO_EDITS });

	constructor() {
		this.saved = readSavedMappings();
	}

	/** The mapping of the loaded register, if it came from the user's files. */
	get current(): LoadMapping | null {
		return register.info?.mapping ?? null;
	}

	get draft(): Drafts {
		return this.#drafts.version === register.version ? this.#drafts.sides : NO_EDITS;
	}

	get dirty(): boolean {
		return Object.keys(this.draft.household).length + Object.keys(this.draft.person).length > 0;
	}

	/** The header the screen shows for a field: the edit if any, else what the load used. */
	selected(side: MappingSide, field: string): string | null {
		const draft = this.draft[side];
		if (Object.hasOwn(draft, field)) return draft[field] ?? null;
		return this.current?.[side].fields.find((f) => f.field === field)?.header ?? null;
	}

	isDraft(side: MappingSide, field: string): boolean {
		return Object.hasOwn(this.draft[side], field);
	}

	choose(side: MappingSide, field: string, header: string | null): void {
		const used = this.current?.[side].fields.find((f) => f.field === field);
		if (!used) return;
		const next = { ...this.draft[side] };
		// Choosing again what the load used is no edit.
		if (header === used.header) delete next[field];
		else next[field] = header;
		this.#drafts = { version: register.version, sides: { ...this.draft, [side]: next } };
		this.message = null;
		this.error = null;
	}

	discard(): void {
		this.#drafts = { version: register.version, sides: NO_EDITS };
		this.message = null;
	}

	/** The loaded register's mapping with the unapplied edits, as a saved mapping. */
	#withEdits(current: LoadMapping): SavedMapping {
		return {
			...emptyMapping(current.source),
			household: choicesOf(current.household, this.draft.household),
			person: choicesOf(current.person, this.draft.person)
		};
	}

	/** Saves the edits as this source's mapping, re-loading the files with it when they are open. */
	async apply(): Promise<void> {
		const current = this.current;
		if (!current || register.busy) return;
		await this.#adopt({ ...this.saved, [current.source]: this.#withEdits(current) }, m.mapping_saved_choose_files());
	}

	/** Reads another worksheet of an XLSX file of the loaded register (the file must still be open). */
	async chooseSheet(file: string, sheet: string): Promise<void> {
		if (!register.canReload || register.busy) return;
		this.message = null;
		this.error = null;
		await register.reload(undefined, { ...register.sheets, [file]: sheet });
	}

	/** Forgets this source's saved mapping: loads guess every column again. */
	async reset(): Promise<void> {
		const current = this.current;
		if (!current || register.busy) return;
		const saved = { ...this.saved };
		delete saved[current.source];
		await this.#adopt(saved, m.mapping_reset_done({ source: sourceTitle(current.source) }));
	}

	/** The loaded register's mapping (with unapplied edits) as a JSON file to reuse elsewhere. */
	downloadJson(): void {
		const current = this.current;
		if (!current) return;
		const text = `${JSON.stringify(this.#withEdits(current), null, 2)}\n`;
		download(text, `pemetaan-kolom-${current.source}.json`, 'application/json');
	}

	/** Reads a mapping file and saves it for its source, applying it when that source is loaded here. */
	async open(file: File): Promise<void> {
		this.message = null;
		this.error = null;
		let mapping: SavedMapping;
		try {
			mapping = parseSavedMapping(await file.text(), file.name);
		} catch (error) {
			this.error = errorText(error);
			return;
		}
		const opened = m.mapping_opened({ source: sourceTitle(mapping.source), file: file.name });
		const saved = { ...this.saved, [mapping.source]: mapping };
		if (this.current?.source === mapping.source) await this.#adopt(saved, opened);
		else this.#keep(saved, opened);
	}

	/** Re-loads with `saved` when the files are open (keeping it only if that works), else keeps it. */
	async #adopt(saved: SavedMappings, otherwise: string): Promise<void> {
		this.message = null;
		this.error = null;
		if (!register.canReload) {
			this.#keep(saved, otherwise);
			return;
		}
		const edits = this.draft;
		if (await register.reload(saved)) {
			this.#keep(saved, m.mapping_saved_reloading());
		} else {
			// The register's error panel says why; the edits stay so they can be corrected.
			this.#drafts = { version: register.version, sides: edits };
		}
	}

	#keep(saved: SavedMappings, message: string): void {
		this.saved = saved;
		writeSavedMappings(saved);
		this.#drafts = { version: register.version, sides: NO_EDITS };
		this.message = message;
	}
}

export const mapping = new MappingModel();
