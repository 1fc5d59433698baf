/**
 * The loaded register as app state: what is loaded, what is loading (with progress), the last error,
 * and the copy kept in IndexedDB. One instance for the whole app (`register`). A failed or cancelled
 * load never touches the loaded data or its info: ingest swaps the canonical tables only on success.
 *
 * The register's regency (issue 11.1) is detected by each load from its village codes (or the one the
 * user chose for the register open, kept for its later loads), kept with the register, and handed to
 * `region` after every load, restore and change, so every screen follows it.
 */
import { asset } from '$app/paths';
import type { Reference } from '$lib/core/reference';
import { loadRegencyReference, WILAYAH_ATTRIBUTION } from '$lib/core/wilayah';
import { reference, startEngine } from './database';
import type { Engine } from '$lib/engine/types';
import {
	bytesByteSource,
	ingestRegister,
	IngestCancelled,
	IngestError,
	type ByteSource,
	type IngestOptions,
	type IngestProgress,
	type IngestTiming
} from '$lib/ingest';
import { referenceFromTables } from '$lib/ingest/reference';
import { changeRegency, registerRegency, type RegisterRegency } from '$lib/ingest/regency-change';
import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/words/error-text';
import {
	clearRegister,
	readRegister,
	saveRegister,
	type RegisterInfo,
	type RegisterTables,
	type StoredMeta,
	type StoredRegister
} from './persistence';
import { clearSaving, markSaving, newSaveId, readSaving, unfinishedSave, warnOnUnload, type SaveMarker } from './save-marker';
import { decodeAhead } from '$lib/engine/parquet-browser';
import { REGISTER_TABLES } from '$lib/ingest/tables';
import { readSavedMappings, type SavedMappings } from './mapping-store';
import { queries } from './query';
import { exportTables, restoreTables } from './register-tables';
import { region } from './RegionModel.svelte';
import { fetchPrebuiltSample, type FetchedSample } from './sample';
import { fileSource, pickSampleFiles, type SampleManifest } from './sources';
import { isQuotaError } from './storage-status';
import { REHEARSAL_REGISTER, rehearseLoad, type RehearsalState } from './rehearsal';

export type RegisterStatus = 'empty' | 'loading' | 'ready' | 'error';
export type RegisterActivity = 'starting' | 'restoring' | 'sample' | 'file' | 'clearing' | 'regency';
export type PersistState = 'none' | 'saving' | 'saved' | 'failed';

export interface LoadProgress {
	phase: IngestProgress['phase'];
	file: string;
	rowsRead: number;
	bytesRead: number;
	bytesTotal: number;
	rowsPerSecond: number;
}

export interface RegisterError {
	/** Indonesian, names the file, row and column where known. */
	message: string;
	file?: string;
	row?: number;
	column?: string;
	/** Set when the load stopped only because it would leave out too many rows: the user may accept them (acceptRejected). */
	rejected?: { rows: number; of: number };
}

export interface RegisterTimings {
	/** Worker start + wasm compile + DuckDB open. */
	instantiateMs?: number;
	/** The duckdb-wasm build and its threads (the benchmark records both). */
	engineBuild?: 'coi' | 'eh';
	threads?: number;
	/** Engine ready including the village reference. */
	engineReadyMs?: number;
	/** The last load (file, sample or restore), from start to tables swapped in. */
	lastLoadMs?: number;
	/** The last load of files, step by step (read, stage, normalise, report, total), as `tepat --timings` prints them. */
	steps?: IngestTiming[];
	/** The last load of files: per file, read by DuckDB from the file itself (`file`) or copied through JavaScript (`copy`). */
	readBy?: ('file' | 'copy')[];
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
	return error instanceof IngestCancelled || signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}

/** A timestamp string (not reactive state, so a plain Date is right here). */
function nowIso(): string {
	return new Date(Date.now()).toISOString();
}

function reasonOf(error: unknown): string {
	return errorText(error);
}

function toRegisterError(error: unknown): RegisterError {
	if (error instanceof IngestError) {
		const said = error.said;
		const rejected = said.code === 'ingest.too_many_rejected' ? { rows: said.params.rejected, of: said.params.rows } : undefined;
		return { message: errorText(error), file: error.file, row: error.row, column: error.column, ...(rejected ? { rejected } : {}) };
	}
	return { message: m.error_generic({ reason: reasonOf(error) }) };
}

export class RegisterModel {
	status = $state<RegisterStatus>('empty');
	activity = $state<RegisterActivity | null>(null);
	progress = $state<LoadProgress | null>(null);
	error = $state<RegisterError | null>(null);
	/** A neutral message about the last operation (cancelled, restore fell back, store cleared). */
	notice = $state<string | null>(null);
	info = $state<RegisterInfo | null>(null);
	persist = $state<PersistState>('none');
	persistError = $state<string | null>(null);
	/** The last save failed because the browser's storage is full (StorageModel offers files instead). */
	persistFull = $state(false);
	/** Bumped whenever the canonical tables change: screens re-query on it. */
	version = $state(0);
	timings = $state<RegisterTimings>({});
	/** The page's rehearsal of a load (rehearsal.ts): started by the Data screen, once. */
	rehearsal = $state<RehearsalState>('idle');

	/** The files of the register loaded in this page, so a corrected mapping can be applied to them. */
	#files = $state.raw<File[] | null>(null);
	/** XLSX worksheets chosen for those files, by file name. */
	#sheets: Readonly<Record<string, string>> = {};
	#controller: AbortController | null = null;
	/** The files of a load that stopped for leaving out too many rows, until the user accepts or dismisses it. */
	#refused: { files: File[]; mappings: SavedMappings; sheets: Readonly<Record<string, string>> } | null = null;
	/** Counts loads, so a slow save does not report on a register that has since been replaced. */
	#generation = 0;
	/** The save in flight, if any: clearing waits for it so a late write cannot resurrect the store. */
	#saving: Promise<unknown> | null = null;
	#started: Promise<void> | null = null;
	#rehearsing: { stop: AbortController; done: Promise<void> } | null = null;
	/** Called once the shell has begun the start-up: a rehearsal waits for it, and never begins it itself. */
	#restoreBegun: () => void = () => undefined;
	#restoreBegins = new Promise<void>((resolve) => (this.#restoreBegun = resolve));

	get busy(): boolean {
		return this.status === 'loading';
	}

	/** Whether the loaded register's files are still open here (they are gone after a page reload). */
	get canReload(): boolean {
		return this.#files !== null;
	}

	/** The XLSX sheets chosen for the open files, by file name. */
	get sheets(): Readonly<Record<string, string>> {
		return this.#sheets;
	}

	/** Loads the current register's files again, e.g. with a corrected column mapping; true when it worked. */
	async reload(mappings?: SavedMappings, sheets?: Readonly<Record<string, string>>): Promise<boolean> {
		const files = this.#files;
		if (!files || !this.canReload) return false;
		return this.load(files, mappings, sheets ?? this.#sheets);
	}

	/** The engine, once started (screens query through the core with it). */
	async engine(): Promise<Engine> {
		return (await startEngine()).engine;
	}

	/**
	 * Start-up, once per page: the stored register if there is one, otherwise the bundled sample.
	 * Idempotent: later calls return the same promise.
	 */
	restore(): Promise<void> {
		this.#started ??= this.#restore();
		this.#restoreBegun();
		return this.#started;
	}

	async #restore(): Promise<void> {
		this.#begin('starting');
		// A save the last page began and never committed (save-marker.ts); read at once, it is a few bytes.
		const marker = readSaving();
		const engineStart = startEngine();
		// While DuckDB's wasm compiles: read the stored copy, or fetch the bundled sample, and decode it.
		const early = readEarly();
		let engine: Engine;
		try {
			const start = await engineStart;
			engine = start.engine;
			this.timings.instantiateMs = start.instantiateMs;
			this.timings.engineBuild = start.build;
			this.timings.threads = start.threads;
			this.timings.engineReadyMs = start.readyMs;
		} catch (error) {
			this.#fail({ message: m.error_engine({ reason: reasonOf(error) }) });
			return;
		}

		let failedRestore: string | null = null;
		try {
			const stored = await early.stored;
			if (stored) {
				this.activity = 'restoring';
				const started = performance.now();
				await restoreTables(engine, stored.tables);
				region.set(await referenceOfTables(engine, stored.meta.info.regency));
				this.timings.lastLoadMs = performance.now() - started;
				this.#loaded({ ...stored.meta.info, source: 'stored' }, 'saved');
				this.#unsavedNotice(
					unfinishedSave(marker, stored.meta.save),
					m.restore_unsaved_stored({ files: stored.meta.info.names.join(', ') })
				);
				return;
			}
		} catch (error) {
			failedRestore = reasonOf(error);
		}
		const sampleLoaded = await this.#loadSample(engine, early.sample());
		const failed = failedRestore ? m.restore_failed({ reason: failedRestore }) : null;
		if (failed) this.notice = failed;
		if (sampleLoaded) this.#unsavedNotice(unfinishedSave(marker, undefined), m.restore_unsaved_sample(), failed);
	}

	/**
	 * Says that the last load's save never committed, which files it held and what is shown instead
	 * (`shown`), after `before` (another notice of this start-up); then forgets the marker, so it is said once.
	 */
	#unsavedNotice(unsaved: SaveMarker | null, shown: string, before: string | null = null): void {
		if (unsaved) {
			const said = m.restore_unsaved({ files: unsaved.names.join(', '), shown });
			this.notice = before ? `${before} ${said}` : said;
		}
		clearSaving();
	}

	/**
	 * Rehearses a load on a tiny bundled register, once per page, after the screens' first reads, so that
	 * the user's first load does not pay for DuckDB's first run (rehearsal.ts). A rehearsal that fails
	 * only costs that speed: it is never shown as an error.
	 */
	rehearse(): void {
		if (this.#rehearsing) return;
		const stop = new AbortController();
		// Whatever the rehearsal waits for, a stop ends the wait: a load never waits behind it.
		const stopped = new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
		const done = (async () => {
			await Promise.race([this.#restoreBegins.then(() => this.#started), stopped]);
			await Promise.race([queries.idle(), stopped]);
			if (stop.signal.aborted || this.busy) {
				this.rehearsal = 'stopped';
				return;
			}
			this.rehearsal = 'running';
			try {
				const response = await fetch(asset(REHEARSAL_REGISTER), { signal: stop.signal });
				if (!response.ok) throw new Error(`${REHEARSAL_REGISTER}: HTTP ${response.status}`);
				const file = new File([await response.blob()], 'latihan-muat.csv', { type: 'text/csv' });
				this.rehearsal = await rehearseLoad({
					engine: await this.engine(),
					coordinator: queries,
					sources: [fileSource(file)],
					reference: region.reference,
					region: { wilayah: region.wilayah },
					signal: stop.signal
				});
			} catch (error) {
				this.rehearsal = stop.signal.aborted ? 'stopped' : 'failed';
				if (!stop.signal.aborted) console.warn('Tepat: the rehearsal of a load failed', error);
			}
		})();
		this.#rehearsing = { stop, done };
	}

	/** Stops a rehearsal still running and waits for its cleanup, before the register's tables change. */
	async #stopRehearsal(): Promise<void> {
		const rehearsing = this.#rehearsing;
		if (!rehearsing) return;
		rehearsing.stop.abort();
		await rehearsing.done;
	}

	/**
	 * Loads the user's files with the saved column mappings (or `mappings`) and any chosen XLSX
	 * sheets (by file name); on success (true) they replace the register and a copy is stored.
	 */
	async load(
		files: File[],
		mappings: SavedMappings = readSavedMappings(),
		sheets: Readonly<Record<string, string>> = {},
		acceptRejected = false
	): Promise<boolean> {
		if (this.busy) return false;
		if (files.length === 0) {
			this.error = { message: m.error_no_files() };
			return false;
		}
		await this.restore();
		await this.#stopRehearsal();
		// Let a save of the previous register finish exporting before its tables can be replaced.
		await this.#saving;
		if (this.busy) return false;
		let engine: Engine;
		try {
			engine = await this.engine();
		} catch (error) {
			this.#fail({ message: m.error_engine({ reason: reasonOf(error) }) });
			return false;
		}
		// A regency the user chose for the register open holds for its files loaded again or replaced.
		const chosen = this.info?.regency?.basis === 'chosen' ? this.info.regency.kode : undefined;
		this.#begin('file');
		const sources = files.map((file) => fileSource(file, sheets[file.name]));
		const result = await this.#ingest(engine, sources, false, undefined, mappings, chosen, acceptRejected);
		if (!result) {
			this.#refused = this.error?.rejected ? { files, mappings, sheets } : null;
			return false;
		}
		this.#refused = null;
		const info: RegisterInfo = {
			names: files.map((file) => file.name),
			loadedAt: nowIso(),
			source: 'file',
			kind: result.source,
			households: result.households,
			people: result.people,
			...(result.mapping ? { mapping: result.mapping } : {}),
			...(result.regency ? { regency: registerRegency(result.regency) } : {})
		};
		if (result.reference) region.set(result.reference);
		this.#loaded(info, 'saving');
		this.#files = files;
		this.#sheets = sheets;
		const saving = this.#save(info);
		this.#saving = saving;
		await saving;
		if (this.#saving === saving) this.#saving = null;
		return true;
	}

	/**
	 * Makes `kode` the regency of the loaded register, without its files (ingest/regency-change.ts):
	 * its reference replaces the village tables, the choice is kept with the register (and used by a
	 * later load of files while this register is open), and every screen re-reads. True when it took.
	 */
	async changeRegency(kode: string): Promise<boolean> {
		if (this.busy) return false;
		await this.restore();
		await this.#stopRehearsal();
		await this.#saving;
		const current = this.info;
		if (this.busy || !current) return false;
		this.#begin('regency');
		let engine: Engine;
		let info: RegisterInfo;
		try {
			engine = await this.engine();
			const chosen = await loadRegencyReference(region.wilayah, kode);
			if (!chosen) throw new Error(m.regency_unknown({ kode }));
			const from: RegisterRegency = current.regency ?? {
				kode: region.kabupaten.kode,
				nama: region.kabupaten.nama,
				basis: 'detected',
				households: current.households,
				voting: current.households,
				others: [],
				filled: false
			};
			const next = await changeRegency(engine, from, chosen);
			// A plain copy: the stored record is a structured clone, which state proxies cannot be.
			info = { ...($state.snapshot(current) as RegisterInfo), regency: next };
			region.set(chosen);
		} catch (error) {
			this.#fail({ message: m.regency_change_failed({ reason: reasonOf(error) }) });
			return false;
		}
		// The files stay open: a corrected mapping still applies to them, now with the chosen regency.
		const files = this.#files;
		this.#loaded(info, 'saving');
		this.#files = files;
		const saving = this.#save(info);
		this.#saving = saving;
		await saving;
		if (this.#saving === saving) this.#saving = null;
		return true;
	}

	cancel(): void {
		this.#controller?.abort();
	}

	/** Removes the stored copy and returns to the bundled sample. */
	async clear(): Promise<void> {
		if (this.busy) return;
		await this.restore();
		await this.#stopRehearsal();
		this.#begin('clearing');
		try {
			await this.#saving;
			await clearRegister();
			// No stored copy now, so no save that could have been lost.
			clearSaving();
		} catch (error) {
			this.#fail({ message: m.persist_failed({ reason: reasonOf(error) }) });
			return;
		}
		this.persist = 'none';
		let engine: Engine;
		try {
			engine = await this.engine();
		} catch (error) {
			this.#fail({ message: m.error_engine({ reason: reasonOf(error) }) });
			return;
		}
		const ok = await this.#loadSample(engine);
		if (ok) this.notice = m.persist_cleared();
	}

	/** Loads again the files whose load stopped for leaving out too many rows, accepting those rows. */
	async acceptRejected(): Promise<boolean> {
		const refused = this.#refused;
		if (!refused) return false;
		this.#refused = null;
		this.dismissError();
		return this.load(refused.files, refused.mappings, refused.sheets, true);
	}

	dismissError(): void {
		this.#refused = null;
		this.error = null;
		if (this.status === 'error') this.status = this.info ? 'ready' : 'empty';
	}

	async #loadSample(engine: Engine, fetching: Promise<FetchedSample | null> = fetchSample()): Promise<boolean> {
		this.#begin('sample');
		try {
			const started = performance.now();
			const fetched = await fetching;
			if (fetched) {
				const { prebuilt } = fetched;
				await restoreTables(engine, fetched.tables);
				const regency = prebuilt.regency ? registerRegency(prebuilt.regency) : undefined;
				region.set(await referenceOfTables(engine, regency));
				this.timings.lastLoadMs = performance.now() - started;
				this.#loaded(
					{
						names: prebuilt.names,
						loadedAt: nowIso(),
						source: 'sample',
						kind: prebuilt.kind,
						households: prebuilt.households,
						people: prebuilt.people,
						...(regency ? { regency } : {})
					},
					'none'
				);
				return true;
			}
			const response = await fetch(asset('/sample/manifest.json'));
			if (!response.ok) throw new Error(`manifest.json: HTTP ${response.status}`);
			const manifest = (await response.json()) as SampleManifest;
			const files = pickSampleFiles(manifest);
			if (files.length === 0) throw new Error('manifest.json: no DTSEN Parquet files');
			const sources = await Promise.all(
				files.map(async (file) => {
					const res = await fetch(asset(`/sample/${file.name}`));
					if (!res.ok) throw new Error(`${file.name}: HTTP ${res.status}`);
					return bytesByteSource(file.name, new Uint8Array(await res.arrayBuffer()));
				})
			);
			const result = await this.#ingest(engine, sources, true, manifest.reference_date);
			if (!result) return false;
			if (result.reference) region.set(result.reference);
			this.#loaded(
				{
					names: files.map((file) => file.name),
					loadedAt: nowIso(),
					source: 'sample',
					kind: result.source,
					households: result.households,
					people: result.people,
					...(result.regency ? { regency: registerRegency(result.regency) } : {})
				},
				'none'
			);
			return true;
		} catch (error) {
			this.#fail({ message: m.error_sample({ reason: reasonOf(error) }) });
			return false;
		}
	}

	/** Runs ingest with progress and cancel; null when it failed or was cancelled (state already set). */
	async #ingest(
		engine: Engine,
		sources: ByteSource[],
		rethrow = false,
		asOf?: string,
		mappings?: IngestOptions['mappings'],
		chosen?: string,
		acceptRejected = false
	) {
		const controller = new AbortController();
		this.#controller = controller;
		const started = performance.now();
		const steps: IngestTiming[] = [];
		try {
			const result = await ingestRegister(engine, sources, region.reference, {
				signal: controller.signal,
				asOf,
				mappings,
				region: { wilayah: region.wilayah, ...(chosen ? { chosen } : {}) },
				acceptRejected,
				onTiming: (timing) => steps.push(timing),
				onProgress: (p) => {
					const seconds = (performance.now() - started) / 1000;
					this.progress = {
						phase: p.phase,
						file: p.file,
						rowsRead: p.rowsRead,
						bytesRead: p.bytesRead,
						bytesTotal: p.bytesTotal,
						rowsPerSecond: seconds > 0 ? p.rowsRead / seconds : 0
					};
				}
			});
			this.timings.lastLoadMs = performance.now() - started;
			this.timings.steps = steps;
			this.timings.readBy = result.readBy;
			return result;
		} catch (error) {
			if (isAbort(error, controller.signal)) {
				this.#settle();
				this.notice = m.cancelled();
				return null;
			}
			if (rethrow) throw error;
			this.#fail(toRegisterError(error));
			return null;
		} finally {
			if (this.#controller === controller) this.#controller = null;
		}
	}

	/**
	 * Stores a copy of the register. While it runs, leaving the page asks first (beforeunload), and a
	 * marker in localStorage names its files until the copy has committed (save-marker.ts), so a page
	 * closed anyway says at its next start that this load was not saved. A failed save keeps its marker
	 * too: the next start shows the previous copy, and says so.
	 */
	async #save(info: RegisterInfo): Promise<StoredMeta | null> {
		this.persist = 'saving';
		this.persistError = null;
		this.persistFull = false;
		const generation = this.#generation;
		const save = newSaveId();
		markSaving({ names: info.names, id: save });
		const stopWarning = warnOnUnload();
		try {
			// Background work: the screens' reads of the new register go first.
			const tables = await queries.submit({ priority: 'background', run: exportTables });
			const meta = await saveRegister(info, tables, save);
			clearSaving(save);
			// A newer load may have replaced the register while we were saving.
			if (this.#generation === generation) this.persist = 'saved';
			return meta;
		} catch (error) {
			if (this.#generation === generation) {
				this.persist = 'failed';
				this.persistError = reasonOf(error);
				this.persistFull = isQuotaError(error);
			}
			return null;
		} finally {
			stopWarning();
		}
	}

	#begin(activity: RegisterActivity): void {
		this.status = 'loading';
		this.activity = activity;
		this.progress = null;
		this.error = null;
		this.notice = null;
	}

	#loaded(info: RegisterInfo, persist: PersistState): void {
		this.#generation += 1;
		this.#files = null;
		this.info = info;
		this.persist = persist;
		this.persistError = null;
		this.persistFull = false;
		this.status = 'ready';
		this.activity = null;
		this.progress = null;
		this.version += 1;
	}

	#settle(): void {
		this.status = this.info ? 'ready' : 'empty';
		this.activity = null;
		this.progress = null;
	}

	#fail(error: RegisterError): void {
		this.error = error;
		this.status = 'error';
		this.activity = null;
		this.progress = null;
	}
}

/**
 * The reference in DuckDB's village tables (restored with a register), named after its regency: the
 * one kept with the register, else the bundled one (a register kept before regencies were).
 */
async function referenceOfTables(engine: Engine, regency: RegisterRegency | undefined): Promise<Reference> {
	return referenceFromTables(engine, regency ?? reference.kabupaten, WILAYAH_ATTRIBUTION);
}

/**
 * Above this much Parquet a stored copy is decoded table by table once DuckDB is up, as before, so a
 * large register is never held decoded whole beside DuckDB's own copy. The bundled sample is 9 MB.
 */
const DECODE_AHEAD_LIMIT = 48 * 1024 * 1024;

function decodeTablesAhead(tables: RegisterTables): void {
	const total = REGISTER_TABLES.reduce((sum, table) => sum + tables[table].byteLength, 0);
	if (total > DECODE_AHEAD_LIMIT) return;
	for (const table of REGISTER_TABLES) decodeAhead(tables[table]);
}

function fetchSample(): Promise<FetchedSample | null> {
	return fetchPrebuiltSample((path) => fetch(asset(path)));
}

interface EarlyRead {
	stored: Promise<StoredRegister | null>;
	/** The sample fetched ahead when nothing could be read from storage, else a fetch started now. */
	sample(): Promise<FetchedSample | null>;
}

/** Start-up's reads, begun before DuckDB is ready; their failures surface where they are awaited. */
function readEarly(): EarlyRead {
	let sampleAhead: Promise<FetchedSample | null> | null = null;
	const fetchAhead = (): void => {
		sampleAhead = fetchSample().then((fetched) => {
			if (fetched) decodeTablesAhead(fetched.tables);
			return fetched;
		});
		sampleAhead.catch(() => undefined);
	};
	const stored = readRegister().then((found) => {
		if (found) decodeTablesAhead(found.tables);
		else fetchAhead();
		return found;
	});
	stored.catch(fetchAhead);
	return { stored, sample: () => sampleAhead ?? fetchSample() };
}

export const register = new RegisterModel();
