/**
 * The verval fieldwork as app state (issue 13): the imported rounds of field results, the user's
 * decisions on conflicts, pleno dates, villages verified on paper and the deadline, kept in IndexedDB
 * beside the register (state/fieldwork-store.ts) and never touching it.
 *
 * Every figure reads `source`: the register's own statuses until a round is imported, then the
 * verified set. The verified set (`verval_person`, `verval_household`) is derived, rebuilt by
 * `prepare` inside the job that reads it whenever the register or the fieldwork changed since it was
 * last built, so a new round changes the map, the panel and the allocation without reloading the
 * register, and a new register is resolved against the same results.
 */
import { FIELDWORK_TABLES } from '$lib/core/catalog';
import type { Outcome } from '$lib/core/verval/outcomes';
import { decisionStatements } from '$lib/core/verval/decisions';
import type { StatusSource } from '$lib/core/verval/relations';
import type { Engine } from '$lib/engine/types';
import { importResultFile, type ResultImport } from '$lib/ingest/verval-results';
import { importFieldResults } from '$lib/ingest/field-results';
import { looksLikeResults, openResults } from '$lib/core/fieldkit/results';
import { serialiseKit } from '$lib/core/fieldkit/kit';
import { fieldKit } from '$lib/queries/fieldkit';
import {
	kecamatanProgress,
	openConflicts,
	qualityCounts,
	resolveVerifiedSet,
	roundProgress,
	unmatchedResults,
	villageProgress,
	type Conflict,
	type KecamatanProgress,
	type QualityCount,
	type RoundProgress,
	type UnmatchedResult,
	type VillageProgress
} from '$lib/queries/fieldwork';
import {
	clearFieldwork,
	emptyFieldworkMeta,
	newRevision,
	ensureFieldworkTables,
	exportFieldworkTables,
	readFieldwork,
	restoreFieldworkTables,
	saveFieldwork,
	saveFieldworkMeta,
	type FieldworkMeta,
	type FieldworkRound,
	type PlenoKey
} from './fieldwork-store';
import { verifiedRegisterCsv, VERIFIED_REGISTER_FILE } from '$lib/export/verified-register';
import { worklistCsv, worklistFileStem, worklistStampOf, worklistXlsx } from '$lib/export/worklist';
import { registerChecksum } from '$lib/queries/allocation';
import { verifiedRegister } from '$lib/queries/verified-register';
import { villageWorklist } from '$lib/queries/verval';
import { locale } from './LocaleModel.svelte';
import { download } from './download';
import { queries, Resource } from './query';
import { region } from './RegionModel.svelte';
import { register } from './RegisterModel.svelte';
import { readResultColumnChoice, writeResultColumnChoice, type ResultColumnChoice } from './result-columns-store';
import { fileSource } from './sources';

function nowIso(): string {
	return new Date().toISOString();
}

export type FieldworkActivity = 'restoring' | 'importing' | 'deciding' | 'clearing';
export type FieldworkPersist = 'none' | 'saving' | 'saved' | 'failed';

export interface FieldworkView {
	villages: VillageProgress[];
	kecamatan: KecamatanProgress[];
	rounds: RoundProgress[];
	conflicts: Conflict[];
	unmatched: UnmatchedResult[];
}

/** A file import that failed, kept with the files so the user can choose columns and try again. */
export interface FailedImport {
	files: File[];
	round: number;
	error: unknown;
}

function today(): string {
	return new Date(Date.now()).toISOString().slice(0, 10);
}

/** Plain copies for IndexedDB (a structured clone cannot take state proxies). */
function plainMeta(meta: FieldworkMeta): FieldworkMeta {
	return JSON.parse(JSON.stringify(meta)) as FieldworkMeta;
}

export class VervalModel {
	/** True once the stored fieldwork was restored (or found absent): figures wait for it. */
	ready = $state(false);
	/** Bumped whenever the fieldwork tables change. */
	version = $state(0);
	meta = $state<FieldworkMeta>(emptyFieldworkMeta());
	activity = $state<FieldworkActivity | null>(null);
	/** The thrown value of the last failed operation (worded by the screen). */
	error = $state.raw<unknown>(null);
	/** The last import's files, as read (columns used, answers not recognised). */
	imported = $state.raw<ResultImport[]>([]);
	failed = $state.raw<FailedImport | null>(null);
	/** The files of the last import that read, so they can be read again with other columns. */
	lastImport = $state.raw<{ files: File[]; round: number } | null>(null);
	persist = $state<FieldworkPersist>('none');
	persistError = $state.raw<unknown>(null);
	columnChoice = $state<ResultColumnChoice>({});

	#restoring: Promise<void> | null = null;
	/** `register version:fieldwork version` the derived tables were last built for. */
	#resolvedFor: string | null = null;

	readonly #view = new Resource(queries, {
		priority: 'interactive',
		inputs: () => (register.info && this.ready ? { version: register.version, fieldwork: this.version } : null),
		key: ({ version, fieldwork }) => `${version}:${fieldwork}`,
		load: async (engine): Promise<FieldworkView> => {
			await this.prepare(engine);
			return {
				villages: await villageProgress(engine),
				kecamatan: await kecamatanProgress(engine),
				rounds: await roundProgress(engine),
				conflicts: await openConflicts(engine),
				unmatched: await unmatchedResults(engine)
			};
		}
	});

	readonly #checks = new Resource(queries, {
		priority: 'interactive',
		inputs: () => (register.info ? { version: register.version } : null),
		key: ({ version }) => String(version),
		load: (engine) => qualityCounts(engine)
	});

	get busy(): boolean {
		return this.activity !== null;
	}

	get hasResults(): boolean {
		return this.meta.rounds.length > 0;
	}

	/** Where the figures read verval statuses from. */
	get source(): StatusSource {
		return this.hasResults ? 'field' : 'register';
	}

	/** Part of the key of every figure that reads the population: which statuses, and which fieldwork. */
	get statusKey(): string {
		return this.hasResults ? `field:${this.version}` : 'register';
	}

	/** The statuses as a key that holds across reloads (what a figure kept from an earlier visit names). */
	get storedStatusKey(): string {
		return this.hasResults ? `field:${this.meta.revision ?? ''}` : 'register';
	}

	get nextRound(): number {
		return this.meta.rounds.reduce((max, r) => Math.max(max, r.round), 0) + 1;
	}

	get view(): FieldworkView | null {
		return this.#view.value;
	}

	get viewLoading(): boolean {
		return this.#view.loading;
	}

	get viewError(): unknown {
		return this.#view.error;
	}

	get checks(): QualityCount[] {
		return this.#checks.value ?? [];
	}

	get checksError(): unknown {
		return this.#checks.error;
	}

	activate(): void {
		this.#view.activate();
		this.#checks.activate();
	}

	/** Keeps only the progress current (the landing page's verified share), not the quality checks. */
	activateProgress(): void {
		this.#view.activate();
	}

	refresh(): Promise<void> {
		return this.#view.refresh();
	}

	/** Restores the stored fieldwork into DuckDB, once per page. Figures wait for it (`ready`). */
	restore(): Promise<void> {
		this.#restoring ??= this.#restore();
		return this.#restoring;
	}

	async #restore(): Promise<void> {
		this.activity = 'restoring';
		this.columnChoice = readResultColumnChoice();
		try {
			await queries.submit({
				priority: 'interactive',
				run: async (e) => {
					const stored = await readFieldwork().catch((error: unknown) => {
						this.error = error;
						return null;
					});
					if (stored) {
						await restoreFieldworkTables(e, stored.tables);
						this.meta = stored.meta;
						this.persist = 'saved';
					}
					await ensureFieldworkTables(e);
				}
			});
		} catch (error) {
			this.error = error;
		} finally {
			this.activity = null;
			this.version += 1;
			this.ready = true;
		}
	}

	/** What a figure reads statuses from, with its key; null until the stored fieldwork is restored. */
	get status(): { source: StatusSource; key: string } | null {
		return this.ready ? { source: this.source, key: this.statusKey } : null;
	}

	/** Makes the statuses `source` names readable in this job (the verified set built when it is 'field'). */
	async readyFor(engine: Engine, source: StatusSource): Promise<void> {
		if (source === 'field') await this.prepare(engine);
	}

	/**
	 * Builds the verified set for the register and fieldwork as they are now, unless it is already
	 * built for them. Called inside a coordinator job, before any read of the verified set.
	 */
	async prepare(engine: Engine): Promise<void> {
		const wanted = `${register.version}:${this.version}`;
		if (this.#resolvedFor === wanted) return;
		await ensureFieldworkTables(engine);
		await resolveVerifiedSet(engine);
		this.#resolvedFor = wanted;
	}

	/**
	 * Imports result files as one round (`round`, default the next): each file replaces its earlier
	 * rows in that round. A file that cannot be read is reported with the files kept, so the user can
	 * choose its columns and try again; files read before it stay imported. True when every file was read.
	 */
	async importFiles(files: File[], round: number = this.nextRound, choice?: ResultColumnChoice): Promise<boolean> {
		// A register load runs beside the coordinator: results wait until it has swapped its tables in.
		if (this.busy || register.busy || files.length === 0) return false;
		await this.restore();
		this.activity = 'importing';
		this.error = null;
		this.failed = null;
		if (choice) {
			this.columnChoice = choice;
			writeResultColumnChoice(choice);
		}
		const chosen = $state.snapshot(this.columnChoice) as ResultColumnChoice;
		const imported: ResultImport[] = [];
		let ok = true;
		try {
			for (const [index, file] of files.entries()) {
				try {
					const result = await queries.submit({
						priority: 'interactive',
						run: async (engine) => {
							// A field kit's sealed results are checked whole (checksum) before any row is read.
							const head = await file.slice(0, 64).text();
							if (!looksLikeResults(head)) return importResultFile(engine, fileSource(file), { round, chosen });
							return importFieldResults(engine, file.name, await openResults(await file.text(), file.name), round);
						}
					});
					imported.push(result);
				} catch (error) {
					this.failed = { files: files.slice(index), round, error };
					this.error = error;
					ok = false;
					break;
				}
			}
		} finally {
			if (imported.length > 0) {
				this.meta = { ...this.meta, rounds: withFiles(this.meta.rounds, round, imported), revision: newRevision() };
				this.version += 1;
			}
			this.imported = imported;
			if (imported.length > 0) this.lastImport = { files: files.slice(0, imported.length), round };
			this.activity = null;
		}
		if (imported.length > 0) await this.#save();
		return ok;
	}

	/** Settles a same-round conflict with an outcome and a reason (required). True when it took. */
	async decide(personId: string, round: number, outcome: Outcome, reason: string): Promise<boolean> {
		if (this.busy) return false;
		this.activity = 'deciding';
		this.error = null;
		try {
			const statements = decisionStatements({ personId, round, outcome, reason, decidedOn: today() });
			await queries.submit({
				priority: 'interactive',
				run: async (engine) => {
					await ensureFieldworkTables(engine);
					for (const statement of statements) await engine.exec(statement);
				}
			});
			this.meta = { ...this.meta, revision: newRevision() };
			this.version += 1;
		} catch (error) {
			this.error = error;
			return false;
		} finally {
			this.activity = null;
		}
		await this.#save();
		return true;
	}

	/** Records (or, with null, removes) the date a village's or kecamatan's pleno was held. */
	async setPleno(level: 'village' | 'kecamatan', kode: string, date: string | null): Promise<void> {
		const key: PlenoKey = `${level}:${kode}`;
		const plenos = { ...this.meta.plenos };
		if (date) plenos[key] = date;
		else delete plenos[key];
		this.meta = { ...this.meta, plenos };
		await this.#saveMeta();
	}

	plenoOf(level: 'village' | 'kecamatan', kode: string): string | null {
		return this.meta.plenos[`${level}:${kode}`] ?? null;
	}

	async setPaper(villageKode: string, onPaper: boolean): Promise<void> {
		const paper = this.meta.paper.filter((k) => k !== villageKode);
		if (onPaper) paper.push(villageKode);
		this.meta = { ...this.meta, paper: paper.sort() };
		await this.#saveMeta();
	}

	async setDeadline(date: string | null): Promise<void> {
		this.meta = { ...this.meta, deadline: date || null };
		await this.#saveMeta();
	}

	/** Removes every round, decision and entry: the figures return to the register's own statuses. */
	async clear(): Promise<void> {
		if (this.busy) return;
		await this.restore();
		this.activity = 'clearing';
		this.error = null;
		try {
			await queries.submit({
				priority: 'interactive',
				run: async (engine) => {
					for (const table of FIELDWORK_TABLES) await engine.exec(`DROP TABLE IF EXISTS ${table}`);
					await ensureFieldworkTables(engine);
				}
			});
			this.meta = emptyFieldworkMeta();
			this.imported = [];
			this.failed = null;
			this.version += 1;
		} catch (error) {
			this.error = error;
			this.activity = null;
			return;
		}
		try {
			await clearFieldwork();
			this.persist = 'none';
		} catch (error) {
			// The figures are back on the register; a reload would bring the stored rounds back, so say so.
			this.persist = 'failed';
			this.persistError = error;
		} finally {
			this.activity = null;
		}
	}

	/** Downloads one village's worklist (records to check) as CSV or XLSX for the field team. */
	async downloadWorklist(villageKode: string, format: 'csv' | 'xlsx'): Promise<void> {
		this.error = null;
		try {
			const language = locale.current;
			const file = await queries.submit({
				priority: 'background',
				run: async (engine) => {
					await this.prepare(engine);
					const rows = await villageWorklist(engine, villageKode);
					const stamp = worklistStampOf(rows, {
						date: today(),
						regencyNama: region.kabupaten.nama,
						registerChecksum: await registerChecksum(engine)
					});
					const name = `daftar-periksa-${worklistFileStem(stamp.villageKode ? stamp : { villageKode, villageNama: '' })}`;
					return format === 'csv'
						? { bytes: worklistCsv(rows, stamp, language), name: `${name}.csv`, type: 'text/csv' }
						: {
								bytes: await worklistXlsx(rows, stamp, language),
								name: `${name}.xlsx`,
								type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
							};
				}
			});
			download(file.bytes, file.name, file.type);
		} catch (error) {
			this.error = error;
		}
	}

	/**
	 * Downloads one village's field kit for the field screen: its worklist once results came in, its
	 * register people before (issue 17 point 3).
	 */
	async downloadFieldKit(villageKode: string): Promise<void> {
		this.error = null;
		try {
			const kit = await queries.submit({
				priority: 'background',
				run: async (engine) => {
					await this.prepare(engine);
					return fieldKit(engine, {
						village: villageKode,
						basis: this.hasResults ? 'worklist' : 'register',
						officer: '',
						createdAt: nowIso()
					});
				}
			});
			if (kit) download(serialiseKit(kit), `paket-lapangan-${villageKode.replaceAll('.', '')}.json`, 'application/json');
		} catch (error) {
			this.error = error;
		}
	}

	/** Downloads the register with the resolved statuses, in the source's own columns and codes. */
	async downloadVerifiedRegister(): Promise<void> {
		this.error = null;
		try {
			const mapping = register.info?.mapping ? ($state.snapshot(register.info.mapping) as typeof register.info.mapping) : undefined;
			const text = await queries.submit({
				priority: 'background',
				run: async (engine) => {
					await this.prepare(engine);
					return verifiedRegisterCsv(await verifiedRegister(engine, mapping));
				}
			});
			download(text, VERIFIED_REGISTER_FILE, 'text/csv');
		} catch (error) {
			this.error = error;
		}
	}

	dismissError(): void {
		this.error = null;
		this.failed = null;
	}

	/** Saves the tables and the meta (after an import or a decision). */
	async #save(): Promise<void> {
		this.persist = 'saving';
		this.persistError = null;
		try {
			const tables = await queries.submit({ priority: 'background', run: exportFieldworkTables });
			await saveFieldwork(plainMeta(this.meta), tables);
			this.persist = 'saved';
		} catch (error) {
			this.persist = 'failed';
			this.persistError = error;
		}
	}

	/**
	 * Entries change only the meta: once the tables are stored, the meta record alone is written (no
	 * Parquet export of every result for a pleno date); before that, meta and tables go together.
	 */
	async #saveMeta(): Promise<void> {
		if (this.persist !== 'saved') return this.#save();
		this.persist = 'saving';
		try {
			await saveFieldworkMeta(plainMeta(this.meta));
			this.persist = 'saved';
		} catch (error) {
			this.persist = 'failed';
			this.persistError = error;
		}
	}
}

/** The rounds with `imported` recorded in `round` (a file imported again replaces its entry). */
function withFiles(rounds: readonly FieldworkRound[], round: number, imported: readonly ResultImport[]): FieldworkRound[] {
	const at = new Date(Date.now()).toISOString();
	const files = imported.map((i) => ({
		name: i.file,
		rows: i.rows,
		unreadRows: i.unreadAnswers.reduce((sum, a) => sum + a.rows, 0),
		importedAt: at
	}));
	const names = new Set(files.map((f) => f.name));
	const existing = rounds.find((r) => r.round === round);
	const next = existing
		? rounds.map((r) => (r.round === round ? { round, files: [...r.files.filter((f) => !names.has(f.name)), ...files] } : r))
		: [...rounds, { round, files }];
	return next.sort((a, b) => a.round - b.round);
}

export const verval = new VervalModel();
