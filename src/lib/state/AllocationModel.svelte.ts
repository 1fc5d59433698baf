/**
 * The plan's allocation as app state for the Plan screen: the `allocation` table is rebuilt in DuckDB
 * when the register or the plan changed (and only then), then the budget tables, the coverage curve
 * and the register checksum are read from it. Every use of the table (a page of the funded list, an
 * export, two plans compared) goes through one queue, so nothing reads a half-built allocation, and a
 * result made for an older register or plan is dropped.
 */
import type { Plan, ProgrammeId } from '$lib/core/plan';
import type { RegisterField } from '$lib/core/register-fields';
import { stampOf, type ExportStamp } from '$lib/export/bnba';
import { planNotes } from '$lib/export/capability-notes';
import { registerFields } from '$lib/queries/capabilities';
import type { Engine } from '$lib/engine/types';
import {
	allocationUnit,
	bnbaPage,
	comparePlan,
	coverageCurve,
	lineBudget,
	registerChecksum,
	runAllocation,
	villageBudget,
	villageLineBudget,
	type BnbaRow,
	type CandidateRow,
	type CurvePoint,
	type LineBudget,
	type PlanDifference,
	type VillageBudget,
	type VillageLineBudget
} from '$lib/queries/allocation';
import { plan } from './PlanModel.svelte';
import { region } from './RegionModel.svelte';
import { register } from './RegisterModel.svelte';

/** Points per programme on the coverage curve. */
const CURVE_POINTS = 200;

export class AllocationModel {
	lines = $state.raw<LineBudget[]>([]);
	villages = $state.raw<VillageBudget[]>([]);
	/** Funded units and Rupiah per programme, village and funding line. */
	villageLines = $state.raw<VillageLineBudget[]>([]);
	curve = $state.raw<CurvePoint[]>([]);
	/** The register's checksum, printed on every export. */
	checksum = $state('');
	loading = $state(false);
	error = $state<string | null>(null);
	/** Milliseconds the last allocation took in DuckDB. */
	lastAllocationMs = $state<number | null>(null);
	/** `${register.version}:${plan.revision}` of the figures held ('' before the first). */
	key = $state('');

	#pending: string | null = null;
	/** The plan the held allocation was made from (exports are stamped with it). */
	#plan: Plan | null = null;
	#checksumOf = -1;
	/** The register's columns, read with the checksum: the exports note the filters that did not apply. */
	#fields: RegisterField[] = [];
	#chain: Promise<unknown> = Promise.resolve();

	/** Runs `work` after everything queued before it, whatever became of that. */
	#serial<T>(work: () => Promise<T>): Promise<T> {
		const run = this.#chain.then(work, work);
		this.#chain = run.catch(() => undefined);
		return run;
	}

	/** Re-allocates if the register or the plan changed since the figures were made. */
	async refresh(): Promise<void> {
		if (!register.info) return;
		const key = `${register.version}:${plan.revision}`;
		const version = register.version;
		const current = plan.current;
		if (key === this.key || key === this.#pending) return;
		this.#pending = key;
		this.loading = true;
		this.error = null;
		await this.#serial(async () => {
			// A newer register or plan arrived while this one waited: its own refresh will land.
			if (this.#pending !== key) return;
			try {
				const engine = await register.engine();
				const ms = await runAllocation(engine, current);
				const lines = await lineBudget(engine);
				const villages = await villageBudget(engine);
				const villageLines = await villageLineBudget(engine);
				const curve = await coverageCurve(engine, CURVE_POINTS);
				if (this.#checksumOf !== version) {
					this.checksum = await registerChecksum(engine);
					this.#fields = await registerFields(engine);
					this.#checksumOf = version;
				}
				if (this.#pending !== key) return;
				this.lines = lines;
				this.villages = villages;
				this.villageLines = villageLines;
				this.curve = curve;
				this.#plan = current;
				this.lastAllocationMs = ms;
				this.key = key;
			} catch (error) {
				if (this.#pending === key) this.error = error instanceof Error ? error.message : String(error);
			} finally {
				if (this.#pending === key) {
					this.#pending = null;
					this.loading = false;
				}
			}
		});
	}

	/** Runs `work` on the allocation of the current register and plan (brought up to date first). */
	async #withCurrent<T>(work: (engine: Engine, stamp: ExportStamp) => Promise<T>): Promise<T> {
		await this.refresh();
		return this.#serial(async () => {
			if (!this.#plan || this.key === '') throw new Error(this.error ?? 'Alokasi belum tersedia.');
			return work(await register.engine(), stampOf(this.#plan, this.checksum, region.kabupaten, planNotes(this.#fields, this.#plan)));
		});
	}

	/** One page of a programme's funded list (optionally one village), and how many there are in all. */
	page(
		programme: ProgrammeId,
		village: string | null,
		limit: number,
		offset: number
	): Promise<{ rows: BnbaRow[]; total: number; key: string }> {
		return this.#withCurrent(async (engine) => ({
			...(await bnbaPage(engine, programme, village ?? undefined, limit, offset)),
			key: this.key
		}));
	}

	/** A unit of a programme in the current allocation, or null when it is no candidate. */
	unit(programme: ProgrammeId, unitId: string): Promise<CandidateRow | null> {
		return this.#withCurrent((engine) => allocationUnit(engine, programme, unitId));
	}

	/** Runs an export on the current allocation, with the stamp (plan name, date, register checksum) its file carries. */
	exporting<T>(work: (engine: Engine, stamp: ExportStamp) => Promise<T>): Promise<T> {
		return this.#withCurrent(work);
	}

	/**
	 * Compares the current plan (A) with another (B): B's allocation is built beside A's, which the
	 * screen's figures keep reading.
	 */
	compare(other: Plan): Promise<PlanDifference[]> {
		return this.#withCurrent(async (engine) => {
			if (!this.#plan) throw new Error('Alokasi belum tersedia.');
			return comparePlan(engine, other);
		});
	}
}

export const allocation = new AllocationModel();
