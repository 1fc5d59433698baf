/**
 * The app's service worker for the page (registered on every visit: offline use, and threads through
 * isolation/) and the "update available" notice: a new version waits until the user accepts it, and
 * not while the app is in the middle of work (a load, a save), which a shell names with `holdWhile`.
 * It lives here, beside the worker's client, rather than in state/: it holds no data, and partner mode
 * (whose import graph may reach no state module that could) shows the notice too.
 */
import { Holds } from './holds';
import { acceptUpdate, watchUpdates } from './updates';
import { registerWorker, serviceWorkers } from './worker-client';

/** A tab left open for days still learns of a new version (the browser checks on navigations only). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export class UpdateModel {
	/** A new version is installed and waits for the user. */
	available = $state(false);
	/** The user accepted: the page reloads once the new version is in control. */
	accepted = $state(false);
	#registration: ServiceWorkerRegistration | null = null;
	#started = false;
	#busy = $state.raw<() => boolean>(() => false);
	readonly #registrationHolds = new Holds();

	/** Whether the app is in the middle of work now, so updating must wait. */
	get busy(): boolean {
		return this.#busy();
	}

	/** Names what counts as work in progress (the Dinsos shell: a load or a save). */
	holdWhile(busy: () => boolean): void {
		this.#busy = busy;
	}

	/**
	 * Keeps the worker from registering until the returned function is called (the Dinsos shell: until the
	 * register shows and the screen's first reads are done). A first install precaches about 50 MB,
	 * duckdb-wasm and the sample among it, which would otherwise be fetched and stored beside the page's
	 * own fetch and compile of the same files. Threads (isolation/) register the worker themselves,
	 * before the engine opens, regardless.
	 */
	deferRegistration(): () => void {
		return this.#registrationHolds.hold();
	}

	/** Registers the worker (once every deferral is released) and watches for new versions; once per page. */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		void this.#registrationHolds
			.opened()
			.then(() => registerWorker())
			.then((registration) => {
				const container = serviceWorkers();
				if (!registration || !container) return;
				this.#registration = registration;
				watchUpdates(registration, container, () => (this.available = true));
				setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
			});
	}

	accept(): void {
		const container = serviceWorkers();
		if (this.busy || this.accepted || !this.#registration || !container) return;
		this.accepted = acceptUpdate(this.#registration, container, () => location.reload());
	}
}

export const updates = new UpdateModel();
