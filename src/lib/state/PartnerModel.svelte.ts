/**
 * Partner mode (issue 16 points 2 and 3): a CSR partner of the Forum TJSP opens the pack Dinsos gave
 * it, looks at the targets by kecamatan and programme, and writes pledges into a pledge file. No
 * register, no DuckDB: this model reads only the pack file, keeps its text in IndexedDB and the draft
 * pledges in localStorage so a reload keeps both, and builds the pledge file from what the pack showed.
 *
 * What it may import is fenced (eslint.config.js, tests/unit/partner-isolation.test.ts): core, words,
 * and the few state modules that hold no register.
 */
import { CodedError, coded } from '$lib/core/messages';
import type { PartnerPack } from '$lib/core/partner/pack';
import { MAX_PACK_BYTES, parsePack } from '$lib/core/partner/pack-file';
import { MAX_PLEDGES, type PledgeFile } from '$lib/core/partner/pledge';
import { PLEDGE_TEXT, type ProgrammeId } from '$lib/core/plan';
import { sha256Hex } from '$lib/core/sha256';
import { request, withStore } from './idb';
import { kecamatanRows, packRows } from './partner-rows';
import {
	draftOf,
	emptyDraft,
	nextPledgeId,
	pledgeFileNow,
	pledgeProblems,
	uniqueSorted,
	type Draft,
	type FileProblem,
	type PledgeInput,
	type PledgeProblem
} from './partner-draft';

export type { Draft, FileProblem, PledgeDraft, PledgeInput, PledgeProblem } from './partner-draft';

const DATABASE = 'tepat-partner';
const STORE = 'pack';
const PACK_KEY = 'current';
const DRAFT_KEY = 'tepat.partner.draft.v1';

interface StoredPack {
	name: string;
	text: string;
	checksum: string;
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export class PartnerModel {
	/** 'restoring' until the stored pack has been looked for; 'opening' while a file is read. */
	status = $state<'idle' | 'restoring' | 'opening' | 'ready'>('idle');
	pack = $state.raw<PartnerPack | null>(null);
	/** The opened file's name and SHA-256 (hex) of its bytes: what the pledge file names it by. */
	fileName = $state('');
	checksum = $state('');
	/** The last open that failed (the pack before it stays open), or a stored pack that could not be read. */
	error = $state.raw<unknown>(null);
	/** False when the browser refused to keep the pack (quota, privacy mode): it is open, but a reload loses it. */
	stored = $state(true);

	kecamatan = $state<string | null>(null);
	programme = $state<ProgrammeId | null>(null);
	/** The villages the table lists under the filters (need left, hidden figures included), and the kecamatan totals. */
	readonly rows = $derived(this.pack ? packRows(this.pack, { kecamatan: this.kecamatan, programme: this.programme }) : []);
	readonly kecamatanTotals = $derived(this.pack ? kecamatanRows(this.pack, { kecamatan: this.kecamatan, programme: this.programme }) : []);

	draft = $state<Draft>(emptyDraft());
	/** Why the last download was refused: a problem of the draft, or a CodedError of the pledge reader. */
	fileProblems = $state<FileProblem[]>([]);
	fileError = $state.raw<unknown>(null);

	#restored = false;

	/** The stored pack and draft, once per page. */
	async restore(): Promise<void> {
		if (this.#restored) return;
		this.#restored = true;
		this.draft = this.#readDraft();
		this.status = 'restoring';
		try {
			const stored = await withStore(DATABASE, STORE, 'readonly', (s) => request(s.get(PACK_KEY) as IDBRequest<StoredPack | undefined>));
			if (stored && this.pack === null) this.#show(parsePack(stored.text, stored.name), stored.name, stored.checksum);
		} catch (error) {
			if (this.pack === null) this.error = error;
		} finally {
			if (this.status === 'restoring') this.status = this.pack ? 'ready' : 'idle';
		}
	}

	/** Opens a pack file; a file that is not a sound pack leaves the open pack as it was. */
	async open(file: File): Promise<void> {
		this.status = 'opening';
		try {
			if (file.size > MAX_PACK_BYTES) {
				throw new CodedError(coded('partner.pack_too_large', { file: file.name, max: String(MAX_PACK_BYTES / 1024 / 1024) }));
			}
			const bytes = new Uint8Array(await file.arrayBuffer());
			const text = new TextDecoder().decode(bytes);
			const pack = parsePack(text, file.name);
			const checksum = await sha256Hex(bytes);
			this.#show(pack, file.name, checksum);
			this.error = null;
			this.stored = await this.#keep({ name: file.name, text, checksum });
		} catch (error) {
			this.error = error;
		} finally {
			this.status = this.pack ? 'ready' : 'idle';
		}
	}

	#show(pack: PartnerPack, name: string, checksum: string): void {
		this.pack = pack;
		this.fileName = name;
		this.checksum = checksum;
		if (this.kecamatan !== null && !pack.kecamatan.some((k) => k.kode === this.kecamatan)) this.kecamatan = null;
		if (this.programme !== null && !pack.programmes.includes(this.programme)) this.programme = null;
		this.fileProblems = [];
		this.fileError = null;
	}

	async #keep(stored: StoredPack): Promise<boolean> {
		try {
			await withStore(DATABASE, STORE, 'readwrite', (s) => request(s.put(stored, PACK_KEY)));
			return true;
		} catch {
			return false;
		}
	}

	#readDraft(): Draft {
		try {
			const text = storage()?.getItem(DRAFT_KEY);
			return draftOf(text ? JSON.parse(text) : null);
		} catch {
			return emptyDraft();
		}
	}

	#saveDraft(): void {
		try {
			storage()?.setItem(DRAFT_KEY, JSON.stringify(this.draft));
		} catch {
			// A draft the browser will not keep still works until the tab closes.
		}
	}

	setFilter(filter: { kecamatan?: string | null; programme?: ProgrammeId | null }): void {
		if (filter.kecamatan !== undefined) this.kecamatan = filter.kecamatan;
		if (filter.programme !== undefined) this.programme = filter.programme;
	}

	setFirm(firm: string): void {
		this.draft.firm = firm.slice(0, PLEDGE_TEXT * 2);
		this.#saveDraft();
	}

	setContact(contact: string): void {
		this.draft.contact = contact.slice(0, PLEDGE_TEXT * 2);
		this.#saveDraft();
	}

	/** Adds a pledge; answers what is wrong instead when it cannot (nothing is added then). */
	addPledge(input: PledgeInput): PledgeProblem[] {
		const pack = this.pack;
		if (!pack) return ['villages'];
		const problems = pledgeProblems(pack, input);
		if (this.draft.pledges.length >= MAX_PLEDGES) problems.push('full');
		if (problems.length > 0 || input.programme === null || input.amount === null || input.year === null) return problems;
		this.draft.pledges.push({
			id: nextPledgeId(this.draft.pledges),
			programme: input.programme,
			villages: uniqueSorted(input.villages),
			units: input.amountKind === 'units' ? input.amount : null,
			rupiah: input.amountKind === 'rupiah' ? input.amount : null,
			year: input.year
		});
		this.fileProblems = this.fileProblems.filter((p) => p !== 'pledges');
		this.#saveDraft();
		return [];
	}

	removePledge(id: string): void {
		this.draft.pledges = this.draft.pledges.filter((p) => p.id !== id);
		this.#saveDraft();
	}

	/** What keeps the draft from being a pledge file, before the pledge reader is asked. */
	get draftProblems(): FileProblem[] {
		const problems: FileProblem[] = [];
		if (!this.pack) problems.push('pack');
		const firm = this.draft.firm.trim();
		if (firm === '') problems.push('firm');
		else if ([...firm].length > PLEDGE_TEXT) problems.push('firm_long');
		if ([...this.draft.contact.trim()].length > PLEDGE_TEXT) problems.push('contact_long');
		if (this.draft.pledges.length === 0) problems.push('pledges');
		return problems;
	}

	/**
	 * The pledge file of the draft and its name, or null with `fileProblems` / `fileError` saying why.
	 * Each pledge carries what the pack showed for it (seenIn), so Dinsos sees pledges over hidden figures.
	 */
	pledgeFile(): { text: string; name: string; file: PledgeFile } | null {
		this.fileProblems = this.draftProblems;
		this.fileError = null;
		const pack = this.pack;
		if (this.fileProblems.length > 0 || !pack) return null;
		try {
			return pledgeFileNow(pack, this.checksum, this.draft);
		} catch (error) {
			this.fileError = error;
			return null;
		}
	}
}

export const partner = new PartnerModel();
