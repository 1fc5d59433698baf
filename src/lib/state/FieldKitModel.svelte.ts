/**
 * The field screen's state (issue 17 point 3): the kit an officer opened, what they entered for each
 * person and the new members they found, kept in this device's IndexedDB after every change so the
 * work survives closing the browser or the phone switching off; and the sealed results they export.
 * It needs no register and no DuckDB: a phone upriver opens the kit file and nothing else.
 */
import { readKit, type FieldKit, type KitHousehold } from '$lib/core/fieldkit/kit';
import { RESULTS_FORMAT, RESULTS_VERSION, kitChecksum, sealResults, type KitEntry } from '$lib/core/fieldkit/results';
import type { Outcome } from '$lib/core/verval/outcomes';
import { errorText } from '$lib/words/error-text';
import { m } from '$lib/paraglide/messages.js';
import { download } from './download';
import { request, withStore } from './idb';
import { askPersistence, type Persistence } from './storage-status';

const DATABASE = 'tepat-lapangan';
const STORE = 'kit';
const KEY = 'current';

/** The statuses an officer marks for a person of the kit (a new member is added apart). */
export const PERSON_STATUSES = ['found', 'not_found', 'deceased', 'moved', 'well_off'] as const satisfies readonly Outcome[];
export type PersonStatus = (typeof PERSON_STATUSES)[number];

interface Stored {
	kitText: string;
	kitName: string;
	officer: string;
	entries: KitEntry[];
}

function isStored(value: unknown): value is Stored {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return typeof v.kitText === 'string' && typeof v.kitName === 'string' && typeof v.officer === 'string' && Array.isArray(v.entries);
}

function memory(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

const entryKey = (household: string, person: string) => `${household}\u0000${person}`;
const nowIso = () => new Date().toISOString();

/** Lower case without accents or spacing, for matching what an officer types against names. */
const folded = (text: string | null) =>
	(text ?? '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();

export class FieldKitModel {
	kit = $state.raw<FieldKit | null>(null);
	kitName = $state('');
	officer = $state('');
	/** Entries in the order they were first made; a person's later change replaces theirs in place. */
	entries = $state.raw<KitEntry[]>([]);
	query = $state('');
	error = $state<string | null>(null);
	/** Whether the last change reached this device's storage (false: it is only on screen). */
	saved = $state(true);
	restored = $state(false);
	/** Whether the browser promised to keep this device's entries (a phone evicts sites' data when full). */
	persistence = $state<Persistence | null>(null);
	#kitText = '';
	#restoring: Promise<void> | null = null;

	readonly households = $derived.by((): KitHousehold[] => {
		const kit = this.kit;
		if (!kit) return [];
		const q = folded(this.query);
		if (q === '') return kit.households;
		const digits = q.replace(/\D/g, '');
		return kit.households.filter(
			(h) =>
				folded(h.head).includes(q) ||
				folded(h.address).includes(q) ||
				(digits !== '' && (h.rt === digits || Number(h.rt) === Number(digits) || (h.kk ?? '').includes(digits))) ||
				h.people.some((p) => folded(p.name).includes(q) || (digits.length >= 4 && (p.nik ?? '').includes(digits)))
		);
	});

	readonly checked = $derived(this.entries.filter((e) => e.person !== null).length);
	readonly people = $derived(this.kit?.households.reduce((n, h) => n + h.people.length, 0) ?? 0);

	/** Reads back what this device kept; once per page. */
	restore(): Promise<void> {
		this.#restoring ??= (async () => {
			void askPersistence(globalThis.navigator?.storage, memory()).then((answer) => (this.persistence = answer));
			try {
				const stored = await withStore(DATABASE, STORE, 'readonly', (s) => request(s.get(KEY)));
				if (isStored(stored)) {
					this.kit = readKit(stored.kitText, stored.kitName);
					this.#kitText = stored.kitText;
					this.kitName = stored.kitName;
					this.officer = stored.officer;
					this.entries = stored.entries;
				}
			} catch (error) {
				this.error = m.lapangan_restore_failed({ reason: errorText(error) });
			} finally {
				this.restored = true;
			}
		})();
		return this.#restoring;
	}

	/** Opens a kit file; refused while another kit's entries are not exported and cleared. */
	async open(file: File): Promise<boolean> {
		this.error = null;
		await this.restore();
		if (this.kit && this.entries.length > 0) {
			this.error = m.lapangan_open_busy({ village: this.kit.village.nama });
			return false;
		}
		try {
			const text = await file.text();
			const kit = readKit(text, file.name);
			this.kit = kit;
			this.#kitText = text;
			this.kitName = file.name;
			this.officer = kit.officer;
			this.entries = [];
			this.query = '';
			await this.#save();
			return true;
		} catch (error) {
			this.error = errorText(error);
			return false;
		}
	}

	entryOf(household: string, person: string): KitEntry | undefined {
		return this.entries.find((e) => e.person !== null && entryKey(e.household, e.person) === entryKey(household, person));
	}

	newMembersOf(household: string): KitEntry[] {
		return this.entries.filter((e) => e.person === null && e.household === household);
	}

	async mark(household: string, person: string, status: PersonStatus): Promise<void> {
		const current = this.entryOf(household, person);
		const entry: KitEntry = { household, person, status, name: null, nik: null, notes: current?.notes ?? '', at: nowIso() };
		this.#put(current, entry);
		await this.#save();
	}

	async note(household: string, person: string, notes: string): Promise<void> {
		const current = this.entryOf(household, person);
		if (!current) return;
		this.#put(current, { ...current, notes, at: nowIso() });
		await this.#save();
	}

	/** Adds a member found in the household; false (with `error`) when the name or a 16-digit NIK is missing. */
	async addMember(household: string, name: string, nik: string, notes: string): Promise<boolean> {
		const digits = nik.replace(/\s/g, '');
		if (name.trim() === '' || !/^\d{16}$/.test(digits)) {
			this.error = m.lapangan_member_invalid();
			return false;
		}
		this.error = null;
		this.entries = [
			...this.entries,
			{ household, person: null, status: 'new_member', name: name.trim(), nik: digits, notes, at: nowIso() }
		];
		await this.#save();
		return true;
	}

	async removeMember(entry: KitEntry): Promise<void> {
		this.entries = this.entries.filter((e) => e !== entry);
		await this.#save();
	}

	async setOfficer(name: string): Promise<void> {
		this.officer = name;
		await this.#save();
	}

	/** Downloads the sealed results; refused without an officer's name. */
	async exportResults(): Promise<boolean> {
		const kit = this.kit;
		if (!kit) return false;
		if (this.officer.trim() === '') {
			this.error = m.lapangan_officer_required();
			return false;
		}
		this.error = null;
		const sealed = await sealResults({
			format: RESULTS_FORMAT,
			version: RESULTS_VERSION,
			kit: await kitChecksum(this.#kitText),
			register: kit.register,
			village: kit.village.kode,
			officer: this.officer.trim(),
			savedAt: nowIso(),
			entries: this.entries
		});
		download(sealed, `hasil-lapangan-${kit.village.kode.replaceAll('.', '')}-${nowIso().slice(0, 10)}.txt`, 'text/plain');
		return true;
	}

	/** Forgets the kit and its entries on this device (after the results were sent). */
	async clear(): Promise<void> {
		this.kit = null;
		this.#kitText = '';
		this.kitName = '';
		this.entries = [];
		this.query = '';
		this.error = null;
		try {
			await withStore(DATABASE, STORE, 'readwrite', (s) => request(s.delete(KEY)));
			this.saved = true;
		} catch (error) {
			this.saved = false;
			this.error = m.lapangan_save_failed({ reason: errorText(error) });
		}
	}

	#put(current: KitEntry | undefined, entry: KitEntry): void {
		this.entries = current ? this.entries.map((e) => (e === current ? entry : e)) : [...this.entries, entry];
	}

	async #save(): Promise<void> {
		if (!this.kit) return;
		const stored: Stored = { kitText: this.#kitText, kitName: this.kitName, officer: this.officer, entries: $state.snapshot(this.entries) };
		try {
			await withStore(DATABASE, STORE, 'readwrite', (s) => request(s.put(stored, KEY)));
			this.saved = true;
		} catch (error) {
			this.saved = false;
			this.error = m.lapangan_save_failed({ reason: errorText(error) });
		}
	}
}

export const fieldKit = new FieldKitModel();
