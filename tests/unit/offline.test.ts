/**
 * Issue 17 point 1, the parts that need no browser: what the service worker precaches (the default,
 * single-threaded path whole; duckdb-wasm's threaded build and the sample's source files left to the
 * first use), its cache names across versions, the messages it accepts, and the page noticing a new
 * version and switching to it only when accepted. The real worker offline is tests/e2e/offline.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { EMITTED_FILE } from '../../scripts/emitted-files.js';
import { EMITTED_LIST, SETTINGS_CACHE, cacheName, isOldCache, pageKey, precacheMode, precachePaths } from '../../src/lib/offline/precache';
import { isPageMessage } from '../../src/lib/offline/protocol';
import { Holds } from '../../src/lib/offline/holds';
import { acceptUpdate, watchUpdates } from '../../src/lib/offline/updates';

describe('the precache', () => {
	const base = '/tepat';
	const lists = {
		prerendered: [`${base}/`, `${base}/data/`, `${base}/peta/`],
		build: [
			`${base}/_app/immutable/entry/start.js`,
			`${base}/_app/immutable/assets/duckdb-eh.9ubY.wasm`,
			`${base}/_app/immutable/assets/duckdb-browser-eh.worker.hQa.js`,
			`${base}/_app/immutable/assets/duckdb-coi.DrUF.wasm`,
			`${base}/_app/immutable/assets/duckdb-browser-coi.pthread.worker.BSv.js`,
			`${base}/_app/immutable/workers/duckdb-coi.worker-BIEW.js`,
			`${base}/_app/immutable/assets/maplibre-gl-worker.CZt.mjs`,
			`${base}/_app/immutable/assets/kukar-desa.4vb.geojson`
		],
		emitted: [
			`${base}/_app/immutable/entry/start.js`,
			`${base}/_app/immutable/workers/parquet.worker-Dau.js`,
			`${base}/_app/immutable/workers/assets/parquet_wasm_bg-BHq.wasm`,
			`${base}/_app/immutable/workers/assets/duckdb-browser-coi.worker-D2.js`
		],
		files: [
			`${base}/manifest.webmanifest`,
			`${base}/icon-192.png`,
			`${base}/sample/manifest.json`,
			`${base}/sample/dtsen.parquet`,
			`${base}/sample/dtsen-anggota.parquet`,
			`${base}/sample/register/person.parquet`,
			`${base}/sample/register/register.json`,
			`${base}/wilayah/64.json`
		]
	};

	it('holds every route, the single-threaded engine, the workers, the boundaries, the prebuilt sample and the regional lists, once each', () => {
		const paths = precachePaths(lists);
		expect(paths).toEqual([
			`${base}/`,
			`${base}/data/`,
			`${base}/peta/`,
			`${base}/_app/immutable/entry/start.js`,
			`${base}/_app/immutable/assets/duckdb-eh.9ubY.wasm`,
			`${base}/_app/immutable/assets/duckdb-browser-eh.worker.hQa.js`,
			`${base}/_app/immutable/assets/maplibre-gl-worker.CZt.mjs`,
			`${base}/_app/immutable/assets/kukar-desa.4vb.geojson`,
			`${base}/_app/immutable/workers/parquet.worker-Dau.js`,
			`${base}/_app/immutable/workers/assets/parquet_wasm_bg-BHq.wasm`,
			`${base}/manifest.webmanifest`,
			`${base}/icon-192.png`,
			`${base}/sample/manifest.json`,
			`${base}/sample/register/person.parquet`,
			`${base}/sample/register/register.json`,
			`${base}/wilayah/64.json`
		]);
	});

	it("leaves duckdb-wasm's threaded build and the sample's source files to runtime", () => {
		const paths = precachePaths(lists);
		expect(paths.filter((path) => path.includes('coi'))).toEqual([]);
		expect(paths.filter((path) => /\/sample\/dtsen/.test(path))).toEqual([]);
	});

	it('the build plugin writes the list where the worker reads it', () => {
		expect(`/${EMITTED_FILE}`).toBe(EMITTED_LIST);
	});

	it('is named after its version; only other versions of it are old, never the settings', () => {
		expect(cacheName('1796')).toBe('tepat-offline-1796');
		expect(isOldCache('tepat-offline-1700', '1796')).toBe(true);
		expect(isOldCache('tepat-offline-1796', '1796')).toBe(false);
		expect(isOldCache(SETTINGS_CACHE, '1796')).toBe(false);
		expect(isOldCache('someone-else', '1796')).toBe(false);
	});

	it('takes content-hashed files from the HTTP cache where the page just put them, everything else from the server', () => {
		expect(precacheMode('/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm')).toBe('default');
		expect(precacheMode('/tepat/_app/immutable/chunks/BUwiJpK_.js')).toBe('default');
		expect(precacheMode('/_app/version.json')).toBe('reload');
		expect(precacheMode(EMITTED_LIST)).toBe('reload');
		expect(precacheMode('/sample/register/person.parquet')).toBe('reload');
		expect(precacheMode('/data/')).toBe('reload');
	});

	it("answers a navigation with the route's prerendered page", () => {
		expect(pageKey('/data/')).toBe('/data/');
		expect(pageKey('/data')).toBe('/data/');
		expect(pageKey('/tepat/verval/cetak')).toBe('/tepat/verval/cetak/');
		expect(pageKey('/200.html')).toBe('/200.html');
		expect(pageKey('/')).toBe('/');
	});
});

describe('messages to the worker', () => {
	it('are only the three it knows, well formed', () => {
		expect(isPageMessage({ type: 'threads', on: true })).toBe(true);
		expect(isPageMessage({ type: 'skip-waiting' })).toBe(true);
		expect(isPageMessage({ type: 'version' })).toBe(true);
		expect(isPageMessage({ type: 'threads', on: 'yes' })).toBe(false);
		expect(isPageMessage({ type: 'threads' })).toBe(false);
		expect(isPageMessage({ type: 'clear-caches' })).toBe(false);
		expect(isPageMessage('skip-waiting')).toBe(false);
		expect(isPageMessage(null)).toBe(false);
	});
});

/** A service worker whose state the test moves on, recording what the page posts to it. */
class FakeWorker extends EventTarget {
	readonly posted: unknown[] = [];
	constructor(public state: ServiceWorkerState) {
		super();
	}
	become(state: ServiceWorkerState): void {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
	postMessage(message: unknown): void {
		this.posted.push(message);
	}
}

class FakeRegistration extends EventTarget {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	/** A new version found: it installs, then waits. */
	found(): FakeWorker {
		const worker = new FakeWorker('installing');
		this.installing = worker;
		this.dispatchEvent(new Event('updatefound'));
		return worker;
	}
}

class FakeContainer extends EventTarget {
	constructor(public controller: FakeWorker | null) {
		super();
	}
}

function asRegistration(registration: FakeRegistration): ServiceWorkerRegistration {
	return registration as unknown as ServiceWorkerRegistration;
}

function asContainer(container: FakeContainer): ServiceWorkerContainer {
	return container as unknown as ServiceWorkerContainer;
}

describe('a new version', () => {
	it('is reported once installed, when an older version controls the page', () => {
		const registration = new FakeRegistration();
		let reported = 0;
		watchUpdates(asRegistration(registration), asContainer(new FakeContainer(new FakeWorker('activated'))), () => reported++);
		const next = registration.found();
		expect(reported).toBe(0);
		next.become('installed');
		expect(reported).toBe(1);
	});

	it('is not reported on the very first install (nothing older controls the page)', () => {
		const registration = new FakeRegistration();
		let reported = 0;
		watchUpdates(asRegistration(registration), asContainer(new FakeContainer(null)), () => reported++);
		registration.found().become('installed');
		expect(reported).toBe(0);
	});

	it('already waiting when the page opens is reported at once', () => {
		const registration = new FakeRegistration();
		registration.waiting = new FakeWorker('installed');
		let reported = 0;
		watchUpdates(asRegistration(registration), asContainer(new FakeContainer(new FakeWorker('activated'))), () => reported++);
		expect(reported).toBe(1);
	});

	it('takes over only when accepted, and the page reloads once, when it is in control', () => {
		const registration = new FakeRegistration();
		const container = new FakeContainer(new FakeWorker('activated'));
		let reloads = 0;
		expect(acceptUpdate(asRegistration(registration), asContainer(container), () => reloads++)).toBe(false);

		const waiting = new FakeWorker('installed');
		registration.waiting = waiting;
		expect(acceptUpdate(asRegistration(registration), asContainer(container), () => reloads++)).toBe(true);
		expect(waiting.posted).toEqual([{ type: 'skip-waiting' }]);
		expect(reloads).toBe(0);
		container.dispatchEvent(new Event('controllerchange'));
		container.dispatchEvent(new Event('controllerchange'));
		expect(reloads).toBe(1);
	});
});

describe('holds before the worker registers', () => {
	/** Whether `promise` has settled once the tasks queued before this check have run. */
	async function settled(promise: Promise<unknown>): Promise<boolean> {
		let done = false;
		void promise.then(() => (done = true));
		await new Promise((resolve) => setTimeout(resolve, 0));
		return done;
	}

	it('open at once when nothing holds them', async () => {
		expect(await settled(new Holds().opened())).toBe(true);
	});

	it('open only when every hold is released, whatever the order; a second release changes nothing', async () => {
		const holds = new Holds();
		const first = holds.hold();
		const second = holds.hold();
		const opened = holds.opened();
		second();
		second();
		expect(await settled(opened)).toBe(false);
		first();
		expect(await settled(opened)).toBe(true);
	});
});
