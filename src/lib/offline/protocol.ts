/** Messages from the page to the service worker (src/service-worker.ts), each answered on the port it brings. */
export type PageMessage =
	/** Add the cross-origin isolation headers (threads) or stop adding them; answered once remembered. */
	| { type: 'threads'; on: boolean }
	/** The user accepted the new version: the waiting worker takes over (the page then reloads once). */
	| { type: 'skip-waiting' }
	/** Which version of the app this worker serves. */
	| { type: 'version' };

export interface WorkerReply {
	version: string;
}

export function isPageMessage(data: unknown): data is PageMessage {
	if (typeof data !== 'object' || data === null || !('type' in data)) return false;
	switch (data.type) {
		case 'threads':
			return 'on' in data && typeof data.on === 'boolean';
		case 'skip-waiting':
		case 'version':
			return true;
		default:
			return false;
	}
}
