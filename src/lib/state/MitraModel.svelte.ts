/**
 * The Mitra screen's state (issue 16, Dinsos side): the partner pack made from the register, the plan
 * and the boundaries; pledge files imported into the plan as CSR lines (through PlanModel, so the plan
 * is saved as every edit is); the pledges' standing (queries/pledges.ts) read from the allocation the
 * Plan screen holds; the encrypted by-name list of an accepted pledge with its BAST, kept in a log in
 * the plan (its handover records, saved and exported with it); and an encrypted file opened again with its passphrase.
 *
 * Errors are kept as thrown (CodedError); the screen words them when it renders. A passphrase is never
 * kept here: it is passed in for one call.
 */
import { addBast, type BastRecord } from '$lib/core/partner/bast-record';
import { CodedError, coded } from '$lib/core/messages';
import { decryptEnvelope, readEnvelopeHeader, type EnvelopeHeader } from '$lib/core/partner/envelope';
import { serialisePack } from '$lib/core/partner/pack';
import { importPledges, parsePledgeFile, pledgeProgramme } from '$lib/core/partner/pledge';
import { allocationPart } from '$lib/core/plan-parts';
import type { Plan } from '$lib/core/plan';
import { sha256Hex } from '$lib/core/sha256';
import { bastLogCsv, parseBastLog } from '$lib/export/bast-log';
import { buildHandover } from '$lib/export/handover';
import { partnerPack } from '$lib/queries/partner-pack';
import { handoverRows, pledgeStanding, type PledgeStanding } from '$lib/queries/pledges';
import { allocation } from './AllocationModel.svelte';
import { BOUNDARY_SOURCE, boundaries } from './BoundaryModel.svelte';
import { readPackSent, writePackSent, type PackSent } from './bast-store';
import { download, safeFileStem } from './download';
import { csvRows, handoverFileName, localIso } from './mitra-rows';
import { plan } from './PlanModel.svelte';
import { queries, Resource } from './query';
import { region } from './RegionModel.svelte';
import { verval } from './VervalModel.svelte';

/** What the last pack export made. */
export interface PackMade extends PackSent {
	threshold: number;
	villages: number;
	/** Villages with at least one hidden figure. */
	hidden: number;
}

export type ImportWarning = 'register' | 'pack';

/** One imported pledge file: what it added, or why it was refused (the plan unchanged). */
export type ImportOutcome =
	| { file: string; ok: true; firm: string; added: string[]; replaced: number; warnings: ImportWarning[]; register: string }
	| { file: string; ok: false; error: unknown };

export interface HandoverInput {
	line: string;
	passphrase: string;
	number: string;
	recipientName: string;
	recipientContact: string;
	officerName: string;
	officerPosition: string;
}

export interface OpenedFile {
	name: string;
	header: EnvelopeHeader;
	/** The decrypted bytes' text (a CSV), to save. */
	text: string;
	/** Data rows, header not counted. */
	rows: number;
	/** The header and the first rows, first columns only: read as text. */
	preview: string[][];
}

/** Rows and columns of the opened file's preview. */
const PREVIEW_ROWS = 5;
const PREVIEW_COLUMNS = 7;

/** Now, for a file's name and its BAST (a plain value, not reactive state). */
function moment(): Date {
	return new Date(Date.now());
}

interface StandingInputs {
	allocation: string;
	plan: Plan;
}

export type MitraWork = 'pack' | 'import' | 'handover' | 'open' | null;

export class MitraModel {
	/** What runs now (one thing at a time: the buttons wait). */
	busy = $state<MitraWork>(null);
	packMade = $state.raw<PackMade | null>(null);
	packError = $state.raw<unknown>(null);
	imports = $state.raw<ImportOutcome[]>([]);
	/** Why an imported log file was refused. */
	bastLogError = $state.raw<unknown>(null);
	handoverError = $state.raw<unknown>(null);
	/** Set when the chosen pledge line funds no unit in the allocation. */
	handoverEmpty = $state(false);
	lastHandover = $state.raw<BastRecord | null>(null);
	/** The header of the file chosen to open, read before the passphrase (not yet authenticated). */
	openHeader = $state.raw<EnvelopeHeader | null>(null);
	opened = $state.raw<OpenedFile | null>(null);
	openError = $state.raw<unknown>(null);
	packSent = $state.raw<PackSent | null>(null);

	#restored = false;

	readonly #standing = new Resource(queries, {
		priority: 'interactive',
		inputs: (): StandingInputs | null => (allocation.key === '' ? null : { allocation: allocation.key, plan: plan.current }),
		key: ({ allocation: held }) => held,
		load: async (engine, inputs): Promise<{ plan: Plan; standing: PledgeStanding }> => ({
			plan: inputs.plan,
			standing: await allocation.readOf(engine, inputs.allocation, (e) => pledgeStanding(e, inputs.plan))
		})
	});

	/** The pledges' standing, when it answers the current plan's allocation (null while it is read). */
	get standing(): PledgeStanding | null {
		const value = this.#standing.value;
		if (!value || !this.#standing.current) return null;
		return allocationPart(value.plan) === allocationPart(plan.current) ? value.standing : null;
	}

	/** True while the allocation or the standing is being brought up to date. */
	get standingBusy(): boolean {
		return allocation.loading || this.#standing.loading || (allocation.key !== '' && this.standing === null && allocation.error === null);
	}

	get standingError(): unknown {
		return this.#standing.error ?? allocation.error;
	}

	/** The BAST log: the plan's handover records, so it is saved, exported and opened with the plan. */
	get bastLog(): BastRecord[] {
		return plan.current.handovers ?? [];
	}

	/** False when the plan (and so its log) could not be kept in this browser after the last change. */
	get bastStored(): boolean {
		return plan.stored;
	}

	#keepLog(log: BastRecord[]): void {
		plan.update((draft) => {
			draft.handovers = log;
		});
	}

	/** Keeps the allocation and the standing current while the screen lives; reads the last pack made once. */
	activate(): void {
		allocation.activate();
		this.#standing.activate();
		this.restore();
	}

	/** Reads the last pack made from the browser (idempotent). */
	restore(): void {
		if (this.#restored) return;
		this.#restored = true;
		this.packSent = readPackSent();
	}

	async #run<T>(work: Exclude<MitraWork, null>, task: () => Promise<T>): Promise<T | undefined> {
		if (this.busy !== null) return undefined;
		this.busy = work;
		try {
			return await task();
		} finally {
			this.busy = null;
		}
	}

	/** Builds the partner pack of the current plan's allocation and downloads it as `*.tepat`. */
	async exportPack(): Promise<void> {
		this.packError = null;
		await this.#run('pack', async () => {
			try {
				await boundaries.ensureLoaded();
				const source = boundaries.source.village;
				const attribution = source.kind === 'default' ? BOUNDARY_SOURCE : source.kind === 'imported' ? source.name : null;
				const shapes = boundaries.village;
				const status = verval.status?.source ?? 'register';
				const pack = await allocation.exporting((engine) =>
					partnerPack(engine, { plan: plan.current, regency: region.kabupaten, boundaries: shapes, attribution, source: status })
				);
				const text = serialisePack(pack);
				const checksum = await sha256Hex(new TextEncoder().encode(text));
				const fileName = `paket-mitra-${safeFileStem(pack.plan.title)}.tepat`;
				download(text, fileName, 'application/json');
				const sent: PackSent = { checksum, register: pack.register.checksum, createdAt: pack.createdAt, fileName };
				writePackSent(sent);
				this.packSent = sent;
				this.packMade = {
					...sent,
					threshold: pack.plan.threshold,
					villages: pack.villages.length,
					hidden: pack.villages.filter((v) => Object.values(v.need).some((f) => f.units === null)).length
				};
			} catch (error) {
				this.packError = error;
			}
		});
	}

	/** Imports pledge files one by one into the plan: each is taken whole or refused whole. */
	async importFiles(files: readonly File[]): Promise<void> {
		await this.#run('import', async () => {
			const outcomes: ImportOutcome[] = [];
			for (const file of files) {
				try {
					const parsed = parsePledgeFile(await file.text(), file.name);
					const result = importPledges(plan.current, parsed);
					const warnings: ImportWarning[] = [];
					if (allocation.checksum !== '' && parsed.pack.register !== allocation.checksum) warnings.push('register');
					if (this.packSent && parsed.pack.checksum !== this.packSent.checksum) warnings.push('pack');
					// Through the plan's own edit: checked again, dated and saved like any change.
					plan.update((draft) => {
						draft.fundingLines = structuredClone(result.plan.fundingLines);
					});
					outcomes.push({
						file: file.name,
						ok: true,
						firm: parsed.firm,
						added: result.lines,
						replaced: result.replaced,
						warnings,
						register: parsed.pack.register
					});
				} catch (error) {
					outcomes.push({ file: file.name, ok: false, error });
				}
			}
			this.imports = outcomes;
		});
	}

	/** Takes a pledge line out of the plan (the partner withdrew, or it was imported by mistake). */
	removeLine(id: string): void {
		plan.update((draft) => {
			draft.fundingLines = draft.fundingLines.filter((l) => !(l.id === id && l.pledge !== undefined));
		});
	}

	/**
	 * Exports, encrypted with the passphrase, the by-name list of the units a pledge line funds, and adds
	 * its BAST to the log. A refused field or passphrase is said before any work; nothing is logged when
	 * the file is not written.
	 */
	async handover(input: HandoverInput): Promise<BastRecord | null> {
		this.handoverError = null;
		this.handoverEmpty = false;
		const done = await this.#run('handover', async () => {
			try {
				const line = plan.current.fundingLines.find((l) => l.id === input.line && l.pledge !== undefined);
				const programme = line ? pledgeProgramme(line) : null;
				if (!line?.pledge || programme === null) return null;
				const number = input.number.trim();
				if (this.bastLog.some((r) => r.number === number)) throw new CodedError(coded('partner.bast_number_taken', { number }));
				const now = moment();
				const { rows, stamp } = await allocation.exporting(async (engine, stamp) => ({ rows: await handoverRows(engine, [line]), stamp }));
				if (rows.length === 0) {
					this.handoverEmpty = true;
					return null;
				}
				const fileName = handoverFileName(line.id, now);
				const handover = await buildHandover({
					rows,
					stamp,
					passphrase: input.passphrase,
					fileName,
					now,
					bast: {
						number,
						handedOverAt: localIso(now),
						programme,
						pledgeId: line.pledge.id,
						firm: line.pledge.firm,
						recipientName: input.recipientName,
						recipientContact: input.recipientContact,
						officerName: input.officerName,
						officerPosition: input.officerPosition
					}
				});
				const log = addBast(this.bastLog, handover.record);
				download(handover.bytes, fileName, 'application/octet-stream');
				this.#keepLog(log);
				this.lastHandover = handover.record;
				return handover.record;
			} catch (error) {
				this.handoverError = error;
				return null;
			}
		});
		return done ?? null;
	}

	/** The BAST log as CSV. */
	downloadBastLog(): void {
		download(bastLogCsv(this.bastLog), 'log-bast.csv', 'text/csv;charset=utf-8');
	}

	/** Adds the records of a log file (one written by Tepat) that are not in the log yet; refused whole on any error. */
	async importBastLog(file: File): Promise<number | null> {
		this.bastLogError = null;
		try {
			const records = parseBastLog(await file.text());
			const known = this.bastLog.map((r) => r.number);
			const added = records.filter((r) => !known.includes(r.number));
			if (added.length > 0) this.#keepLog([...this.bastLog, ...added]);
			return added.length;
		} catch (error) {
			this.bastLogError = error;
			return null;
		}
	}

	record(number: string): BastRecord | null {
		return this.bastLog.find((r) => r.number === number) ?? null;
	}

	/** Reads the header of a chosen encrypted file (no passphrase needed), to show what it is. */
	async chooseEncrypted(file: File | null): Promise<void> {
		this.opened = null;
		this.openError = null;
		this.openHeader = null;
		if (!file) return;
		try {
			this.openHeader = readEnvelopeHeader(new Uint8Array(await file.arrayBuffer()));
		} catch (error) {
			this.openError = error;
		}
	}

	/** Decrypts the file: the whole list, or an error and nothing. */
	async openEncrypted(file: File, passphrase: string): Promise<void> {
		this.opened = null;
		this.openError = null;
		await this.#run('open', async () => {
			try {
				const { header, plain } = await decryptEnvelope(new Uint8Array(await file.arrayBuffer()), passphrase);
				const text = new TextDecoder().decode(plain);
				const rows = csvRows(text);
				this.opened = {
					name: header.meta.fileName,
					header,
					text,
					rows: Math.max(0, rows.length - 1),
					preview: rows.slice(0, PREVIEW_ROWS + 1).map((r) => r.slice(0, PREVIEW_COLUMNS))
				};
			} catch (error) {
				this.openError = error;
			}
		});
	}

	downloadOpened(): void {
		if (this.opened) download(this.opened.text, this.opened.name, 'text/csv;charset=utf-8');
	}

	/** Forgets the decrypted list (it holds names). */
	closeOpened(): void {
		this.opened = null;
	}
}

export const mitra = new MitraModel();
