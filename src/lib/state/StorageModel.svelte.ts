/**
 * The browser's storage as the user needs to know it: asked on start to keep Tepat's data (once per
 * browser, storage-status.ts), how much is used and free, and what could not be stored because it is
 * full, with the offer to save the register, the results and the plan as files instead.
 */
import { plan } from './PlanModel.svelte';
import { register } from './RegisterModel.svelte';
import { verval } from './VervalModel.svelte';
import {
	askPersistence,
	isQuotaError,
	storageTrouble,
	storageUse,
	type Persistence,
	type StorageTrouble,
	type StorageUse
} from './storage-status';

function localMemory(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

function manager(): StorageManager | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

export class StorageModel {
	persistence = $state<Persistence | null>(null);
	use = $state<StorageUse | null>(null);
	/** True once the first estimate is in (it may be null: the browser does not say). */
	measured = $state(false);
	#started = false;

	/** What needs telling now: what the full storage could not keep, else that it may not be kept. */
	get trouble(): StorageTrouble {
		return storageTrouble(this.persistence, {
			register: register.persist === 'failed' && register.persistFull,
			results: verval.persist === 'failed' && isQuotaError(verval.persistError),
			plan: !plan.stored
		});
	}

	/** Asks for persistence; once per page. */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		void askPersistence(manager(), localMemory()).then((answer) => (this.persistence = answer));
	}

	/** Measures (on start, and again whenever what is stored changes). */
	async measure(): Promise<void> {
		this.use = await storageUse(manager());
		this.measured = true;
	}
}

export const storage = new StorageModel();
