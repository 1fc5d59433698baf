/**
 * What the page does about threads before the engine opens: read the kill switch, isolate the page
 * through the service worker if the host did not, and say whether the threaded build may be tried.
 */
import { controlledByUs, serviceWorkers, tellThreads } from '$lib/offline/worker-client';
import { isolate } from './page';
import { threadsWanted } from './threads-setting';

/** A storage the browser may refuse (blocked site data throws on access): null then. */
function storageOf(name: 'localStorage' | 'sessionStorage'): Storage | null {
	try {
		return globalThis[name] ?? null;
	} catch {
		return null;
	}
}

/** Whether the engine may use threads; never settles when the page reloads to become isolated. */
export async function prepareThreads(): Promise<boolean> {
	const threads = threadsWanted(location.search, storageOf('localStorage'));
	const outcome = await isolate(
		{
			isolated: globalThis.crossOriginIsolated === true,
			controlled: controlledByUs(),
			canUseWorker: serviceWorkers() !== null,
			tellWorker: tellThreads,
			session: storageOf('sessionStorage'),
			reload: () => location.reload()
		},
		threads
	);
	if (outcome === 'reloading') return new Promise<boolean>(() => undefined);
	return threads;
}
