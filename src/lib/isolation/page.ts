/**
 * Making the page cross-origin isolated where the host sends no COOP/COEP (the "coi-serviceworker"
 * technique): the app's service worker (src/service-worker.ts, registered on every visit for offline
 * use) is told to add the headers to the app's own responses, and the page reloads once so it comes
 * through them. A page already isolated (by the host's headers or the worker) goes on at once.
 *
 * The kill switch (threads-setting.ts) undoes it: the worker is told to stop adding them and, if it is
 * what made this page isolated, the page reloads once more to come back plain. It cannot stay as it is:
 * an isolated page refuses worker scripts that come without the headers.
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
	/** Whether the app's service worker controls this page (so its headers may be what isolates it). */
	controlled: boolean;
	/** Whether service workers exist here at all (not on an insecure origin, nor where a browser setting forbids them). */
	canUseWorker: boolean;
	/**
	 * Tells the worker, registering it and waiting until it is active first, whether to add the headers;
	 * false when no worker heard.
	 */
	tellWorker(threads: boolean): Promise<boolean>;
	session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
	reload(): void;
}

/** Reloads once for `why` in this tab session; false (and no reload) when that reload was already made. */
function reloadOnce(env: IsolationEnvironment, why: Reload): boolean {
	// Without sessionStorage there is no way to tell a second reload from the first: better no reload.
	if (!env.session || env.session.getItem(RELOAD_KEY) === why) return false;
	env.session.setItem(RELOAD_KEY, why);
	env.reload();
	return true;
}

function told(env: IsolationEnvironment, threads: boolean): Promise<boolean> {
	return env.tellWorker(threads).catch(() => false);
}

/** The kill switch: the worker adds no headers, and the page is plain unless the host's own headers isolate it. */
async function withoutThreads(env: IsolationEnvironment): Promise<Isolation> {
	if (!env.controlled) {
		// Not through the worker, so not isolated by it; it is told anyway (without waiting for a first
		// install, which can take a while) so that a later visit through it comes plain too.
		if (env.canUseWorker) void told(env, false);
	} else if ((await told(env, false)) && env.isolated && reloadOnce(env, 'plain')) return 'reloading';
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
	// Without a session there is no telling a second reload from the first (reloadOnce): no reload at all.
	if (!env.canUseWorker || !env.session || env.session.getItem(RELOAD_KEY) === 'isolate') return 'not-isolated';
	if (!(await told(env, true))) return 'not-isolated';
	return reloadOnce(env, 'isolate') ? 'reloading' : 'not-isolated';
}
