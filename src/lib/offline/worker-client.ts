/**
 * The page's side of the service worker (src/service-worker.ts): registering it (every visit, once per
 * page) and talking to it. Used by the update notice (state/UpdateModel) and by threads (isolation/).
 */
import { dev } from '$app/environment';
import { resolve } from '$app/paths';
import type { PageMessage, WorkerReply } from './protocol';

/** An answer slower than this means the worker is gone: the page goes on without it. */
const REPLY_TIMEOUT_MS = 10_000;

/** Where the built worker is (absolute: SvelteKit builds it beside the root page) and how it loads. */
export function workerScript(): { url: string; type: WorkerType } {
	return { url: new URL(`${resolve('/')}service-worker.js`, location.href).href, type: dev ? 'module' : 'classic' };
}

export function serviceWorkers(): ServiceWorkerContainer | null {
	return typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : null;
}

let registering: Promise<ServiceWorkerRegistration | null> | null = null;

/** Our registration (made once per page); null where there can be no service worker (an insecure origin, a browser setting). */
export function registerWorker(): Promise<ServiceWorkerRegistration | null> {
	registering ??= (async () => {
		const container = serviceWorkers();
		if (!container) return null;
		const { url, type } = workerScript();
		try {
			// `updateViaCache: 'none'`: the check for a new version always asks the server.
			return await container.register(url, { type, updateViaCache: 'none' });
		} catch {
			return null;
		}
	})();
	return registering;
}

/** The registration's active worker once there is one; null if the one installing fails. */
export function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker | null> {
	if (registration.active) return Promise.resolve(registration.active);
	const pending = registration.installing ?? registration.waiting;
	if (!pending) return Promise.resolve(null);
	return new Promise((done) => {
		const onChange = () => {
			if (pending.state !== 'activated' && pending.state !== 'redundant') return;
			pending.removeEventListener('statechange', onChange);
			done(pending.state === 'activated' ? pending : null);
		};
		pending.addEventListener('statechange', onChange);
	});
}

/** Sends `message` to `worker`; its reply, or null when it does not answer. */
export function ask(worker: ServiceWorker, message: PageMessage): Promise<WorkerReply | null> {
	return new Promise((done) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => done(null), REPLY_TIMEOUT_MS);
		channel.port1.onmessage = (event: MessageEvent<WorkerReply>) => {
			clearTimeout(timer);
			done(event.data);
		};
		worker.postMessage(message, [channel.port2]);
	});
}

/** The registration whose scope holds this page, if there is one; null otherwise, without registering. */
async function existingRegistration(): Promise<ServiceWorkerRegistration | null> {
	try {
		return (await serviceWorkers()?.getRegistration()) ?? null;
	} catch {
		return null;
	}
}

/**
 * Tells our worker (waiting until it is active first) whether to isolate the page; false when no worker
 * heard. Threads on registers the worker if need be; off only tells a worker already registered, since a
 * first install starts without headers, and registering now would put its precache beside the first open.
 */
export async function tellThreads(on: boolean): Promise<boolean> {
	const registration = on ? await registerWorker() : await existingRegistration();
	const active = registration ? await activeWorker(registration) : null;
	return active !== null && (await ask(active, { type: 'threads', on })) !== null;
}

/** Whether our worker controls this page. */
export function controlledByUs(): boolean {
	return serviceWorkers()?.controller?.scriptURL === workerScript().url;
}
