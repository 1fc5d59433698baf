/**
 * Noticing a new version of the app and switching to it only when the user says so. The browser
 * installs a changed service worker beside the running one, where it waits (src/service-worker.ts never
 * skips waiting by itself); `watchUpdates` reports it, and `acceptUpdate` lets it take over and reloads
 * the page once, when it controls the page.
 */

type Registration = Pick<ServiceWorkerRegistration, 'waiting' | 'installing' | 'addEventListener'>;
type Container = Pick<ServiceWorkerContainer, 'controller' | 'addEventListener'>;

/**
 * Calls `onWaiting` whenever a new version is installed and waiting. Only with a controller: the very
 * first install is no update (there is no older version in the page).
 */
export function watchUpdates(registration: Registration, container: Container, onWaiting: () => void): void {
	if (registration.waiting && container.controller) onWaiting();
	registration.addEventListener('updatefound', () => {
		const installing = registration.installing;
		installing?.addEventListener('statechange', () => {
			if (installing.state === 'installed' && container.controller) onWaiting();
		});
	});
}

/** Lets the waiting version take over; the page reloads once, when it is in control. False when none waits. */
export function acceptUpdate(registration: Pick<ServiceWorkerRegistration, 'waiting'>, container: Container, reload: () => void): boolean {
	const waiting = registration.waiting;
	if (!waiting) return false;
	container.addEventListener('controllerchange', () => reload(), { once: true });
	waiting.postMessage({ type: 'skip-waiting' });
	return true;
}
