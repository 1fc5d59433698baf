/**
 * The plan's allocation as app state for the Plan screen: the `allocation` table is rebuilt in DuckDB
 * (background work in the query layer) when the register or the parts of the plan the allocation reads
 * change, and only then (not for a rename), then the budget tables and the register checksum are read
 * from it, and after them, so the figures show first, the coverage curves and marginal returns. Every other use of the table (a page of the funded list, a unit, an
 * export, two plans compared) is a job of the same coordinator, so nothing reads a half-built
 * allocation, and it checks that the table holds the allocation it was asked about.
 */
import type { Plan, ProgrammeId } from '$lib/core/plan';
import { allocationPart, stableKey } from '$lib/core/plan-parts';
import type { RegisterField } from '$lib/core/register-fields';
import { stampOf, type ExportStamp } from '$lib/export/bnba';
import { planNotes } from '$lib/words/capability-notes';
import { getLocale } from '$lib/paraglide/runtime.js';
import { registerFields } from '$lib/queries/capabilities';
import type { Engine } from '$lib/engine/types';
import {
	allocationUnit,
	bnbaPage,
	comparePlan,
	coverageCurve,
	lineBudget,
	marginalReturn,
	registerChecksum,
	updateAllocation,
	villageBudget,
	villageLineBudget,
	type BnbaRow,
	type CandidateRow,
	type CurvePoint,
	type LineBudget,
	type PlanDifference,
	type ReturnSlice,
	type VillageBudget,
	type VillageLineBudget
} from '$lib/queries/allocation';
import { plan } from './PlanModel.svelte';
import { queries, QueryDropped, Resource, type QueryPriority } from './query';
import { region } from './RegionModel.svelte';
import { register } from './RegisterModel.svelte';
import { verval } from './VervalModel.svelte';
import type { StatusSource } from '$lib/core/verval/relations';
import type { AllocationState } from '$lib/core/programs';
import { untrack } from 'svelte';
import { version as appVersion } from '$app/environment';
import { registerSchemaFingerprint } from '$lib/core/schema';
import { readLastAllocation, saveLastAllocation } from './allocation-store';
import type { RegisterInfo } from './persistence';

/** Points per programme on the coverage curve. */
const CURVE_POINTS = 200;
/** At most this many budget slices per programme for the marginal return. */
const RETURN_SLICES = 20;

interface AllocationInputs {
	version: number;
	plan: Plan;
	/** Where the population's statuses come from (the verified set once a verval round is in). */
	status: { source: StatusSource; key: string };
	/** The same inputs named in terms that hold across reloads: the key of the figures kept in the browser. */
	storedKey: string;
}

/** What Rencana shows first: the budget tables, read as soon as the allocation is built. */
export interface Figures {
	lines: LineBudget[];
	villages: VillageBudget[];
	villageLines: VillageLineBudget[];
	/** Milliseconds the allocation took in DuckDB. */
	ms: number;
	checksum: string;
	/** The register's columns, read with the checksum: the exports note the filters that did not apply. */
	fields: RegisterField[];
}

/** The charts' reads of the same allocation, after the figures (they cost as much as the tables again). */
export interface Curves {
	curve: CurvePoint[];
	/** Deprivations removed per Rp 1 billion in successive budget slices of each queue. */
	returns: ReturnSlice[];
}

/** Everything one allocation shows: what is kept in the browser for the next visit. */
export type Allocated = Figures & Curves;

interface CurveInputs {
	/** The allocation the curves are read from. */
	key: string;
	plan: Plan;
	storedKey: string;
}

const allocationKey = ({ version, plan, status }: AllocationInputs) => `${version}:${status.key}:${allocationPart(plan)}`;

/** The register tables' definitions: figures kept under others are not shown. */
const SCHEMA = registerSchemaFingerprint();

/**
 * Names the app build, register, statuses and plan an allocation was made from without the page's
 * counters (which start again at every reload): a stored register keeps the date it was loaded, the
 * bundled sample is the same for one build.
 */
function storedKeyOf(info: RegisterInfo, status: string, current: Plan): string {
	const { source, loadedAt, names, kind, households, people, regency } = info;
	return stableKey({
		app: appVersion,
		schema: SCHEMA,
		register: { loaded: source === 'sample' ? 'sample' : loadedAt, names, kind, households, people, regency: regency ?? null },
		status,
		plan: allocationPart(current)
	});
}

/** Where the last allocation's figures are kept between visits. */
export interface LastAllocationStore {
	read(key: string): Promise<Allocated | null>;
	save(key: string, figures: Allocated): Promise<void>;
}

const browserStore: LastAllocationStore = { read: readLastAllocation<Allocated>, save: saveLastAllocation<Allocated> };

export class AllocationModel {
	constructor(private readonly store: LastAllocationStore = browserStore) {}

	/** The allocation the `allocation` table holds right now (null while it is being rebuilt). */
	#table: string | null = null;
	/** Where that allocation read its statuses from: plan B is built from the same ones. */
	#tableSource: StatusSource = 'register';
	/** What the `allocation` table holds, programme by programme: the next run re-runs only what changed. */
	#held: AllocationState | null = null;
	#checksum: { version: number; checksum: string; fields: RegisterField[] } | null = null;

	readonly #allocation = new Resource(queries, {
		priority: 'background',
		inputs: (): AllocationInputs | null => {
			const status = verval.status;
			const storedKey = this.#storedKey();
			return status && storedKey !== null ? { version: register.version, plan: plan.current, status, storedKey } : null;
		},
		key: allocationKey,
		load: async (engine, inputs): Promise<Figures> => {
			this.#table = null;
			// Forgotten until the update has run through: a run cut short leaves the table unknown.
			const previous = this.#held;
			this.#held = null;
			await verval.readyFor(engine, inputs.status.source);
			const data = `${inputs.version}:${inputs.status.key}`;
			const { ms, state } = await updateAllocation(engine, inputs.plan, previous, data, undefined, inputs.status.source);
			this.#held = state;
			this.#table = allocationKey(inputs);
			this.#tableSource = inputs.status.source;
			const lines = await lineBudget(engine);
			const villages = await villageBudget(engine);
			const villageLines = await villageLineBudget(engine);
			if (this.#checksum?.version !== inputs.version) {
				this.#checksum = { version: inputs.version, checksum: await registerChecksum(engine), fields: await registerFields(engine) };
			}
			const { checksum, fields } = this.#checksum;
			return { lines, villages, villageLines, ms, checksum, fields };
		}
	});

	/**
	 * The coverage curves and marginal returns of the allocation on screen, read once its figures are
	 * shown; until they land the previous ones (or those kept from an earlier visit) stay.
	 */
	readonly #curves = new Resource(queries, {
		priority: 'background',
		inputs: (): CurveInputs | null => {
			const key = this.#allocation.key;
			const storedKey = this.#storedKey();
			return key !== null && storedKey !== null && this.#allocation.current ? { key, plan: plan.current, storedKey } : null;
		},
		key: ({ key }) => key,
		load: async (engine, inputs): Promise<Curves> => {
			if (this.#table !== inputs.key) throw new QueryDropped();
			const curve = await coverageCurve(engine, inputs.plan, CURVE_POINTS);
			const returns = await marginalReturn(engine, inputs.plan, RETURN_SLICES);
			const figures = this.#allocation.value;
			// Kept for the next visit; a browser that cannot keep it only loses the head start.
			if (figures && this.#allocation.key === inputs.key) {
				this.store.save(inputs.storedKey, { ...figures, curve, returns }).catch(() => undefined);
			}
			return { curve, returns };
		}
	});

	/** The last allocation's figures kept in the browser, read once per key, shown until the new ones land. */
	#stored = $state.raw<{ key: string; figures: Allocated } | null>(null);
	#storedAsked: string | null = null;

	/** The figures kept from an earlier visit for the inputs as they are now, if any. */
	get #storedNow(): Allocated | null {
		const stored = this.#stored;
		return stored && stored.key === this.#storedKey() ? stored.figures : null;
	}

	/** The figures on screen: the allocation's, or while it is first built, the stored ones of the same inputs. */
	get #shown(): Figures | null {
		return this.#allocation.value ?? this.#storedNow;
	}

	/** The curves on screen: those of the allocation on screen, else the stored ones of the same inputs, else the last read. */
	get #curvesShown(): Curves | null {
		const read = this.#curves.value;
		if (read && this.#curves.key === this.#allocation.key) return read;
		return this.#storedNow ?? read;
	}

	/** The key of the allocation the curves were read from ('' before the first). */
	get curvesKey(): string {
		return this.#curves.key ?? '';
	}

	#storedKey(): string | null {
		const info = register.info;
		return info && verval.status ? storedKeyOf(info, verval.storedStatusKey, plan.current) : null;
	}

	/** Reads the stored figures of the current inputs, unless the allocation is there or they were asked for. */
	#readStored(): void {
		const key = this.#storedKey();
		if (key === null || this.#allocation.value || this.#storedAsked === key) return;
		this.#storedAsked = key;
		this.store.read(key).then(
			(figures) => {
				if (figures) this.#stored = { key, figures };
			},
			() => undefined
		);
	}

	/** True while the screen shows the figures kept from an earlier visit (the allocation is being built again). */
	get fromStore(): boolean {
		return !this.#allocation.value && this.#shown !== null;
	}

	get lines(): LineBudget[] {
		return this.#shown?.lines ?? [];
	}

	get villages(): VillageBudget[] {
		return this.#shown?.villages ?? [];
	}

	/** Funded units and Rupiah per programme, village and funding line. */
	get villageLines(): VillageLineBudget[] {
		return this.#shown?.villageLines ?? [];
	}

	get curve(): CurvePoint[] {
		return this.#curvesShown?.curve ?? [];
	}

	/** The marginal return per budget slice of every programme's queue. */
	get returns(): ReturnSlice[] {
		return this.#curvesShown?.returns ?? [];
	}

	/** The register's checksum, printed on every export. */
	get checksum(): string {
		return this.#shown?.checksum ?? '';
	}

	get loading(): boolean {
		return this.#allocation.loading;
	}

	/** What the last allocation threw, if it failed. */
	get error(): unknown {
		return this.#allocation.error;
	}

	/** Milliseconds the last allocation took in DuckDB. */
	get lastAllocationMs(): number | null {
		return this.#shown?.ms ?? null;
	}

	/** Names the register and plan parts of the allocation held ('' before the first). */
	get key(): string {
		return this.#allocation.key ?? '';
	}

	/** Keeps the allocation current while the calling component lives. */
	activate(): void {
		this.#allocation.activate();
		this.#curves.activate();
		$effect(() => {
			void this.#storedKey();
			untrack(() => this.#readStored());
		});
	}

	/** Re-allocates if the register or the allocation's part of the plan changed since the figures were made. */
	refresh(): Promise<void> {
		return this.#allocation.refresh();
	}

	/**
	 * One page of a programme's funded list (optionally one village), and how many there are in all, from
	 * the allocation named `key`. Run inside a query job; another allocation in the table drops it.
	 */
	async pageOf(
		engine: Engine,
		key: string,
		programme: ProgrammeId,
		village: string | null,
		limit: number,
		offset: number
	): Promise<{ rows: BnbaRow[]; total: number }> {
		if (this.#table !== key) throw new QueryDropped();
		return bnbaPage(engine, programme, village ?? undefined, limit, offset);
	}

	/**
	 * Any read of the allocation named `key` (the printed BNBA's, queries/bnba-print.ts). Run inside a
	 * query job; another allocation in the table drops it.
	 */
	async readOf<T>(engine: Engine, key: string, read: (engine: Engine) => Promise<T>): Promise<T> {
		if (this.#table !== key) throw new QueryDropped();
		return read(engine);
	}

	/** Plan B's differences from the allocation named `key` (plan A), built beside it. Run inside a query job. */
	async differenceOf(engine: Engine, key: string, other: Plan): Promise<PlanDifference[]> {
		if (this.#table !== key) throw new QueryDropped();
		return comparePlan(engine, other, this.#tableSource);
	}

	/** A unit of a programme in the current allocation, or null when it is no candidate. */
	unit(programme: ProgrammeId, unitId: string): Promise<CandidateRow | null> {
		return this.#withCurrent('interactive', (engine) => allocationUnit(engine, programme, unitId));
	}

	/** Runs an export on the current allocation, with the stamp (plan name, date, register checksum) its file carries. */
	exporting<T>(work: (engine: Engine, stamp: ExportStamp) => Promise<T>): Promise<T> {
		return this.#withCurrent('background', work);
	}

	/** Runs `work` on the allocation of the current register and plan (brought up to date first). */
	async #withCurrent<T>(priority: QueryPriority, work: (engine: Engine, stamp: ExportStamp) => Promise<T>): Promise<T> {
		for (;;) {
			await this.refresh();
			if (!this.#allocation.current) {
				if (this.error !== null) throw this.error;
				if (this.#allocation.wanted === null) throw new Error('Alokasi belum tersedia.');
				// The plan changed while it was allocated: allocate again.
				continue;
			}
			const current = plan.current;
			const key = this.key;
			try {
				return await queries.submit({
					priority,
					run: async (engine) => {
						const held = this.#allocation.value;
						// Another allocation was built meanwhile: it is brought up to date again.
						if (this.#table !== key || !held) throw new QueryDropped();
						// The files speak the language the user works in (Indonesian column names by default).
						const locale = getLocale();
						const stamp = stampOf(current, held.checksum, region.kabupaten, planNotes(held.fields, current, locale), locale);
						return work(engine, stamp);
					}
				});
			} catch (error) {
				if (!(error instanceof QueryDropped)) throw error;
			}
		}
	}
}

export const allocation = new AllocationModel();
