/**
 * Opens the browser's DuckDB once per page, the same promise to every caller: the app's start-up
 * (hooks.client.ts, as soon as the app starts on a Dinsos screen) and database.ts (which loads the
 * village reference into it). Kept apart from database.ts so that the early start loads only the
 * engine's code, not the ingest's. A failed open is forgotten, so the next call tries again.
 */
import { BrowserEngine } from '$lib/engine/browser';
import { prepareThreads } from '$lib/isolation/start';

let opening: Promise<BrowserEngine> | null = null;

export function openBrowserEngine(): Promise<BrowserEngine> {
	if (!opening) {
		const started = (async () => BrowserEngine.open({ threads: await prepareThreads() }))();
		opening = started;
		started.catch(() => {
			if (opening === started) opening = null;
		});
	}
	return opening;
}

/** Closes the engine opened here and forgets it, so the next call opens a new one. */
export async function closeBrowserEngine(engine: BrowserEngine): Promise<void> {
	opening = null;
	await engine.close();
}
