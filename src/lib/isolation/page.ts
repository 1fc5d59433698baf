/**
 * Making the page cross-origin isolated where the host sends no COOP/COEP (the "coi-serviceworker"
 * technique): the first visit registers the service worker (src/service-worker.ts), which adds the
 * headers to the app's own responses, and reloads once so the page itself comes through it. A page
 * already isolated (by the host's headers or the worker) goes on at once.
 *
 * The kill switch (threads-setting.ts) undoes it: the worker is unregistered and, if it is what made
 * this page isolated, the page reloads once more to come back plain. It cannot stay as it is: once
 * unregistered, the worker no longer answers the page's next worker scripts, which an isolated page
 * then refuses for want of the headers (the engine would not start).
 *
 * Never more than one reload each way per tab session: if the browser still does not isolate the page
 * (or un-isolate it), the app goes on as it is, single-threaded.
 */
export type Isolation = 'isolated' | 'reloading' | 'not-isolated';

/** Which reload this tab session has already made: to isolate the page, or to make it plain again. */
const RELOAD_KEY = 'tepat-isolation-reload';
type Reload = 'isolate' | 'plain';

export interface IsolationEnvironment {
	isolated: boolean;
	serviceWorkers: ServiceWorkerContainer | null;
	/** Where the built worker is (absolute) and how to load it (a module in `vite dev`, a classic script when built). */
	workerUrl: string;
	workerType: WorkerType;
	session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
	reload(): void;
}

/** True once `worker` is active, false if it failed to install (a worker that never activates would hold the start up forever). */
function activated(worker: ServiceWorker | null): Promise<boolean> {
	if (!worker) return Promise.resolve(false);
	if (worker.state === 'activated' || worker.state === 'redundant') return Promise.resolve(worker.state === 'activated');
	return new Promise((resolve) => {
		const onChange = () => {
			if (worker.state === 'activated' || worker.state === 'redundant') {
				worker.removeEventListener('statechange', onChange);
				resolve(worker.state === 'activated');
			}
		};
		worker.addEventListener('statechange', onChange);
	});
}

/** Reloads once for `why` in this tab session; false (and no reload) when that reload was already made. */
function reloadOnce(env: IsolationEnvironment, why: Reload): boolean {
	// Without sessionStorage there is no way to tell a second reload from the first: better no reload.
	if (!env.session || env.session.getItem(RELOAD_KEY) === why) return false;
	env.session.setItem(RELOAD_KEY, why);
	env.reload();
	return true;
}

/** Unregisters our worker if a previous visit registered it; whether it did. */
async function unregisterOurWorker(env: IsolationEnvironment): Promise<boolean> {
	let removed = false;
	for (const registration of (await env.serviceWorkers?.getRegistrations()) ?? []) {
		const script = (registration.active ?? registration.waiting ?? registration.installing)?.scriptURL;
		if (script === env.workerUrl) removed = (await registration.unregister()) || removed;
	}
	return removed;
}

async function registerOurWorker(env: IsolationEnvironment): Promise<boolean> {
	try {
		const registration = await env.serviceWorkers?.register(env.workerUrl, { type: env.workerType });
		return await activated(registration ? (registration.installing ?? registration.waiting ?? registration.active) : null);
	} catch {
		// No service worker here (an insecure origin, a browser setting): single-threaded, as before.
		return false;
	}
}

/** The kill switch: no worker, and a plain page unless the host's own headers isolate it. */
async function withoutThreads(env: IsolationEnvironment): Promise<Isolation> {
	const isolatedByUs = env.isolated && env.serviceWorkers?.controller?.scriptURL === env.workerUrl;
	const removed = await unregisterOurWorker(env).catch(() => false);
	if (isolatedByUs && removed && reloadOnce(env, 'plain')) return 'reloading';
	if (!env.isolated) env.session?.removeItem(RELOAD_KEY);
	return env.isolated ? 'isolated' : 'not-isolated';
}

/** Isolates the page if it can; `threads` false is the kill switch. */
export async function isolate(env: IsolationEnvironment, threads: boolean): Promise<Isolation> {
	if (!threads) return withoutThreads(env);
	if (env.isolated) {
		env.session?.removeItem(RELOAD_KEY);
		return 'isolated';
	}
	if (!env.serviceWorkers || env.session?.getItem(RELOAD_KEY) === 'isolate') return 'not-isolated';
	if (!(await registerOurWorker(env))) return 'not-isolated';
	return reloadOnce(env, 'isolate') ? 'reloading' : 'not-isolated';
}
