/**
 * One village's panel: its charts' figures and the pages of records behind a chosen indicator, read
 * from DuckDB for the village shown (three resources of the query layer: breakdown, count, page).
 * Each is re-read when the register, the parts of the plan the figures read, the village or (for the
 * records) the indicator, page or sort change, and only then; an answer that arrives for a village,
 * plan or register no longer shown is dropped, so a slow query never paints the previous village's
 * figures under the next one's name. Headline figures come from the map's own figures (IndicatorModel).
 *
 * One instance per panel (`new VillagePanelModel()`); the panel calls `activate()` once (the model
 * then follows the register and the plan) and `show` when its props change.
 */
import { untrack } from 'svelte';
import {
	indicator as indicatorDefinition,
	recordColumns,
	type Figures,
	type IndicatorId,
	type IndicatorUnit,
	type SortDirection
} from '$lib/core/indicators';
import type { Plan } from '$lib/core/plan';
import { figuresPart } from '$lib/core/plan-parts';
import { villageBreakdown, villageRecordCount, villageRecords, type RecordRow, type VillageBreakdown } from '$lib/queries/village-panel';
import { indicators } from './IndicatorModel.svelte';
import { plan } from './PlanModel.svelte';
import { queries, Resource } from './query';
import { verval } from './VervalModel.svelte';
import type { StatusSource } from '$lib/core/verval/relations';
import { register } from './RegisterModel.svelte';

export const RECORDS_PAGE_SIZE = 25;

export interface RecordSort {
	column: string;
	direction: SortDirection;
}

/** A page of records as shown: the rows always travel with the indicator and columns they belong to. */
export interface RecordsPage {
	kode: string;
	indicator: IndicatorId;
	unit: IndicatorUnit;
	columns: readonly string[];
	rows: RecordRow[];
	/** Rows behind the figure, over all pages. */
	total: number;
	/** 0-based. */
	page: number;
	pages: number;
	sort: RecordSort | null;
}

/** What the village's figures depend on: the register, the figures' part of the plan, the village. */
interface VillageInputs {
	version: number;
	plan: Plan;
	kode: string;
	/** Where the population's statuses come from (the verified set once a verval round is in). */
	status: { source: StatusSource; key: string };
}

interface CountInputs extends VillageInputs {
	indicator: IndicatorId;
}

interface PageInputs extends CountInputs {
	/** Records behind the figure, over all pages. */
	total: number;
	page: number;
	pages: number;
	sort: RecordSort | null;
}

const villageKey = ({ version, plan, kode, status }: VillageInputs) => `${version}:${status.key}:${figuresPart(plan)}:${kode}`;
const countKey = (inputs: CountInputs) => `${villageKey(inputs)}:${inputs.indicator}`;

export class VillagePanelModel {
	/** The village shown (dotted code), or null when the panel is closed. */
	kode = $state<string | null>(null);
	/** The indicator whose records are listed. */
	indicator = $state<IndicatorId>('ats');
	/** Wanted sort; the wanted page is `page`, `records` holds what has arrived. */
	sort = $state.raw<RecordSort | null>(null);

	readonly pageSize: number;

	/** The indicator last passed in by the screen: a new one replaces the user's choice, the same one does not. */
	#figure: IndicatorId | null = null;
	/** The page asked for; `page` clamps it to the pages the current count leaves. */
	#page = $state(0);

	readonly #breakdown = new Resource(queries, {
		priority: 'interactive',
		inputs: () => this.#villageInputs(),
		key: villageKey,
		load: async (engine, { plan, kode, status }) => {
			await verval.readyFor(engine, status.source);
			return villageBreakdown(engine, plan, kode, status.source);
		}
	});

	readonly #count = new Resource(queries, {
		priority: 'interactive',
		inputs: (): CountInputs | null => {
			const village = this.#villageInputs();
			return village && { ...village, indicator: this.indicator };
		},
		key: countKey,
		load: async (engine, { plan, kode, indicator, status }) => {
			await verval.readyFor(engine, status.source);
			return villageRecordCount(engine, indicatorDefinition(indicator), plan, kode, status.source);
		}
	});

	readonly #records = new Resource(queries, {
		priority: 'interactive',
		inputs: (): PageInputs | null => {
			const village = this.#villageInputs();
			if (!village || !this.#count.current || this.#count.value === null) return null;
			const total = this.#count.value;
			const pages = this.#pagesOf(total);
			return { ...village, indicator: this.indicator, total, pages, page: Math.min(this.#page, pages - 1), sort: this.sort };
		},
		key: (inputs) => `${countKey(inputs)}:${inputs.page}:${inputs.sort ? `${inputs.sort.column}:${inputs.sort.direction}` : ''}`,
		load: async (engine, { plan, kode, indicator, total, page, pages, sort, status }): Promise<RecordsPage> => {
			const definition = indicatorDefinition(indicator);
			await verval.readyFor(engine, status.source);
			const rows = await villageRecords(engine, {
				indicator: definition,
				plan,
				villageKode: kode,
				source: status.source,
				orderBy: sort?.column,
				direction: sort?.direction,
				limit: this.pageSize,
				offset: page * this.pageSize
			});
			return { kode, indicator, unit: definition.unit, columns: recordColumns(definition), rows, total, page, pages, sort };
		}
	});

	constructor(options: { pageSize?: number } = {}) {
		this.pageSize = Math.max(1, Math.floor(options.pageSize ?? RECORDS_PAGE_SIZE));
	}

	/** Follows the register, the plan and the panel's choices while the calling component lives. */
	activate(): void {
		// The headline figures are the map's: kept current while a village is shown, not for a closed panel.
		$effect(() => {
			if (this.kode !== null && indicators.wanted !== null) untrack(() => void indicators.refresh());
		});
		this.#breakdown.activate();
		this.#count.activate();
		this.#records.activate();
	}

	/** The page shown or on its way (0-based): the one asked for, or the last one the records have. */
	get page(): number {
		const total = this.#count.current ? this.#count.value : null;
		return total === null ? this.#page : Math.min(this.#page, this.#pagesOf(total) - 1);
	}

	get breakdown(): VillageBreakdown | null {
		return this.#breakdown.value;
	}

	get loading(): boolean {
		return this.#breakdown.loading;
	}

	/** What the breakdown threw, if it failed (the panel words it with errorText). */
	get error(): unknown {
		return this.#breakdown.error;
	}

	get records(): RecordsPage | null {
		return this.#records.value;
	}

	get recordsLoading(): boolean {
		return this.#count.loading || this.#records.loading;
	}

	/** What the record count or page threw, if either failed. */
	get recordsError(): unknown {
		return this.#count.error ?? this.#records.error;
	}

	/** The shown village's headline figures, from the map's figures for the same register and plan. */
	get figures(): Figures | null {
		const kode = this.kode;
		return indicators.villages.find((v) => v.kode === kode)?.figures ?? null;
	}

	/** False for an indicator the register has no column for: its figure is not shown (never as 0). */
	computed(id: IndicatorId): boolean {
		return !indicators.uncomputed.has(id);
	}

	/** True while the headline figures are for an older register or plan. */
	get figuresStale(): boolean {
		return !indicators.current;
	}

	/** Columns of the records of the chosen indicator. */
	get columns(): readonly string[] {
		return recordColumns(indicatorDefinition(this.indicator));
	}

	get pages(): number {
		return this.records?.pages ?? 1;
	}

	get canPrevious(): boolean {
		return this.page > 0;
	}

	get canNext(): boolean {
		return this.records !== null && this.page < this.records.pages - 1;
	}

	/**
	 * Shows `kode` (null closes) listing the records of `figure`. Another village starts afresh; for the
	 * same village only a changed `figure` replaces the indicator the user chose in the panel.
	 */
	show(kode: string | null, figure: IndicatorId): Promise<void> {
		if (kode !== this.kode) {
			this.kode = kode;
			this.#breakdown.clear();
			this.#count.clear();
			this.#records.clear();
			this.#setIndicator(figure);
		} else if (figure !== this.#figure) {
			this.#setIndicator(figure);
		}
		this.#figure = figure;
		return this.refresh();
	}

	/** Lists the records of another indicator, from its first page. */
	choose(id: IndicatorId): Promise<void> {
		if (id !== this.indicator) this.#setIndicator(id);
		return this.refresh();
	}

	/** Sorts by `column` ascending, or flips the direction if it is already the sort column. */
	sortBy(column: string): Promise<void> {
		if (!this.columns.includes(column)) return Promise.resolve();
		const direction: SortDirection = this.sort?.column === column && this.sort.direction === 'asc' ? 'desc' : 'asc';
		this.sort = { column, direction };
		this.#page = 0;
		return this.refresh();
	}

	/** Goes to a 0-based page (clamped to the pages known). */
	goTo(page: number): Promise<void> {
		const last = Math.max(0, this.pages - 1);
		this.#page = Math.min(Math.max(0, Math.floor(page)), last);
		return this.refresh();
	}

	next(): Promise<void> {
		return this.goTo(this.page + 1);
	}

	previous(): Promise<void> {
		return this.goTo(this.page - 1);
	}

	/** Loads whatever is missing or stale for the current register, plan, village and page. */
	async refresh(): Promise<void> {
		if (!register.info || this.kode === null) return;
		void indicators.refresh();
		await Promise.all([this.#breakdown.refresh(), this.#count.refresh().then(() => this.#records.refresh())]);
	}

	#villageInputs(): VillageInputs | null {
		const kode = this.kode;
		const status = verval.status;
		return register.info && status && kode !== null ? { version: register.version, plan: plan.current, kode, status } : null;
	}

	#pagesOf(total: number): number {
		return Math.max(1, Math.ceil(total / this.pageSize));
	}

	#setIndicator(id: IndicatorId): void {
		this.indicator = id;
		this.#page = 0;
		this.sort = null;
	}
}
