/**
 * Whether the browser will keep what Tepat stores (the register, the plan, the verval results), and what
 * to tell the user when it may not. Pure: the browser's StorageManager and a memory are handed in.
 *
 * Persistence is asked for once and the answer remembered: Firefox asks the user each time it is
 * requested, and Chromium decides by itself (how much the site is used, whether it is installed), so a
 * site that asked once learns nothing by asking again. `persisted()` is still read on every start,
 * because the browser may grant it later on its own.
 */

export type Persistence = 'granted' | 'denied' | 'unsupported';

type Manager = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;
type Memory = Pick<Storage, 'getItem' | 'setItem'>;

export const PERSIST_ASKED_KEY = 'tepat.storage.persist';

/** The browser's answer on keeping the site's data, asking it at most once per browser. */
export async function askPersistence(manager: Manager | undefined, memory: Memory | null): Promise<Persistence> {
	if (!manager?.persist || !manager.persisted) return 'unsupported';
	try {
		if (await manager.persisted()) return 'granted';
		const asked = readMemory(memory);
		if (asked === 'denied') return 'denied';
		const granted = await manager.persist();
		writeMemory(memory, granted ? 'granted' : 'denied');
		return granted ? 'granted' : 'denied';
	} catch {
		return 'unsupported';
	}
}

function readMemory(memory: Memory | null): string | null {
	try {
		return memory?.getItem(PERSIST_ASKED_KEY) ?? null;
	} catch {
		return null;
	}
}

function writeMemory(memory: Memory | null, answer: Persistence): void {
	try {
		memory?.setItem(PERSIST_ASKED_KEY, answer);
	} catch {
		// Refused (private mode, a full store): the question may be asked again on the next start.
	}
}

export interface StorageUse {
	used: number;
	quota: number;
	free: number;
}

/** How much of the site's storage is used and free; null where the browser does not say. */
export async function storageUse(manager: Manager | undefined): Promise<StorageUse | null> {
	try {
		const estimate = await manager?.estimate?.();
		if (!estimate || estimate.quota === undefined || estimate.usage === undefined) return null;
		return { used: estimate.usage, quota: estimate.quota, free: Math.max(0, estimate.quota - estimate.usage) };
	} catch {
		return null;
	}
}

/** A write refused because the browser's storage for the site is full (IndexedDB's and localStorage's way of saying so). */
export function isQuotaError(error: unknown): boolean {
	if (typeof error !== 'object' || error === null || !('name' in error)) return false;
	// Firefox's older name; code 22 is the legacy QUOTA_EXCEEDED_ERR.
	return (
		error.name === 'QuotaExceededError' ||
		error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
		('code' in error && error.code === 22 && error.name !== 'Error')
	);
}

/** What could not be stored because the storage is full. */
export interface Unsaved {
	register: boolean;
	results: boolean;
	plan: boolean;
}

export type StorageTrouble = { kind: 'full'; unsaved: (keyof Unsaved)[] } | { kind: 'denied' } | null;

/** The message the user needs now: full storage (something was lost) before persistence refused (something may be). */
export function storageTrouble(persistence: Persistence | null, unsaved: Unsaved): StorageTrouble {
	const lost = (['register', 'results', 'plan'] as const).filter((what) => unsaved[what]);
	if (lost.length > 0) return { kind: 'full', unsaved: lost };
	return persistence === 'denied' ? { kind: 'denied' } : null;
}
