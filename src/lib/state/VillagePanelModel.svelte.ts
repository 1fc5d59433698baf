/**
 * One village's panel: its charts' figures and the pages of records behind a chosen indicator, read
 * from DuckDB for the village shown. Everything is re-read when the register (`register.version`), the
 * plan (`plan.revision`) or the village changes, and only then; an answer that arrives for a village,
 * plan or register no longer shown is dropped, so a slow query never paints the previous village's
 * figures under the next one's name. Headline figures come from the map's own figures (IndicatorModel).
 *
 * One instance per panel (`new VillagePanelModel()`); the panel calls `show` when its props change and
 * `refresh` when the register or plan changes.
 */
import {
	indicator as indicatorDefinition,
	recordColumns,
	type Figures,
	type IndicatorId,
	type IndicatorUnit,
	type SortDirection
} from '$lib/core/indicators';
import { villageBreakdown, villageRecordCount, villageRecords, type RecordRow, type VillageBreakdown } from '$lib/queries/village-panel';
import { indicators } from './IndicatorModel.svelte';
import { plan } from './PlanModel.svelte';
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

function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class VillagePanelModel {
	/** The village shown (dotted code), or null when the panel is closed. */
	kode = $state<string | null>(null);
	/** The indicator whose records are listed. */
	indicator = $state<IndicatorId>('ats');
	/** Wanted page (0-based) and sort; `records` holds what has arrived. */
	page = $state(0);
	sort = $state.raw<RecordSort | null>(null);

	breakdown = $state.raw<VillageBreakdown | null>(null);
	loading = $state(false);
	error = $state<string | null>(null);

	records = $state.raw<RecordsPage | null>(null);
	recordsLoading = $state(false);
	recordsError = $state<string | null>(null);

	readonly pageSize: number;

	/** The indicator last passed in by the screen: a new one replaces the user's choice, the same one does not. */
	#figure: IndicatorId | null = null;
	#heldBreakdown: string | null = null;
	#pendingBreakdown: string | null = null;
	#heldCount: { key: string; total: number } | null = null;
	#heldRecords: string | null = null;
	#pendingRecords: string | null = null;

	constructor(options: { pageSize?: number } = {}) {
		this.pageSize = Math.max(1, Math.floor(options.pageSize ?? RECORDS_PAGE_SIZE));
	}

	/** The shown village's headline figures, from the map's figures for the same register and plan. */
	get figures(): Figures | null {
		const kode = this.kode;
		return indicators.villages.find((v) => v.kode === kode)?.figures ?? null;
	}

	/** True while the headline figures are for an older register or plan. */
	get figuresStale(): boolean {
		return indicators.key !== `${register.version}:${plan.revision}`;
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
			this.breakdown = null;
			this.records = null;
			this.error = null;
			this.recordsError = null;
			this.#heldBreakdown = null;
			this.#heldRecords = null;
			this.#heldCount = null;
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
		this.page = 0;
		return this.refresh();
	}

	/** Goes to a 0-based page (clamped to the pages known). */
	goTo(page: number): Promise<void> {
		const last = Math.max(0, this.pages - 1);
		this.page = Math.min(Math.max(0, Math.floor(page)), last);
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
		await Promise.all([this.#loadBreakdown(), this.#loadRecords()]);
	}

	#setIndicator(id: IndicatorId): void {
		this.indicator = id;
		this.page = 0;
		this.sort = null;
	}

	/** What the breakdown shown must match; null when nothing is to be shown. */
	#breakdownKey(): string | null {
		return this.kode === null ? null : `${register.version}:${plan.revision}:${this.kode}`;
	}

	#countKey(): string | null {
		const base = this.#breakdownKey();
		return base === null ? null : `${base}:${this.indicator}`;
	}

	#recordsKey(): string | null {
		const count = this.#countKey();
		if (count === null) return null;
		const sort = this.sort ? `${this.sort.column}:${this.sort.direction}` : '';
		return `${count}:${this.page}:${sort}`;
	}

	async #loadBreakdown(): Promise<void> {
		const key = this.#breakdownKey();
		const kode = this.kode;
		if (key === null || kode === null || key === this.#heldBreakdown || key === this.#pendingBreakdown) return;
		this.#pendingBreakdown = key;
		this.loading = true;
		this.error = null;
		const current = plan.current;
		try {
			const engine = await register.engine();
			const breakdown = await villageBreakdown(engine, current, kode);
			// Another village, plan or register meanwhile: this answer is for something no longer shown.
			if (key !== this.#breakdownKey()) return;
			this.breakdown = breakdown;
			this.#heldBreakdown = key;
		} catch (error) {
			if (key === this.#breakdownKey()) this.error = reasonOf(error);
		} finally {
			if (this.#pendingBreakdown === key) {
				this.#pendingBreakdown = null;
				this.loading = false;
			}
		}
	}

	async #loadRecords(): Promise<void> {
		const key = this.#recordsKey();
		const countKey = this.#countKey();
		const kode = this.kode;
		if (key === null || countKey === null || kode === null) return;
		if (key === this.#heldRecords || key === this.#pendingRecords) return;
		this.#pendingRecords = key;
		this.recordsLoading = true;
		this.recordsError = null;
		const id = this.indicator;
		const definition = indicatorDefinition(id);
		const sort = this.sort;
		const current = plan.current;
		try {
			const engine = await register.engine();
			let total: number;
			if (this.#heldCount?.key === countKey) total = this.#heldCount.total;
			else {
				total = await villageRecordCount(engine, definition, current, kode);
				if (countKey !== this.#countKey()) return;
				this.#heldCount = { key: countKey, total };
			}
			const pages = Math.max(1, Math.ceil(total / this.pageSize));
			// A new plan or register can leave fewer pages than the one asked for: show the last.
			const page = Math.min(this.page, pages - 1);
			const rows = await villageRecords(engine, {
				indicator: definition,
				plan: current,
				villageKode: kode,
				orderBy: sort?.column,
				direction: sort?.direction,
				limit: this.pageSize,
				offset: page * this.pageSize
			});
			if (key !== this.#recordsKey()) return;
			if (page !== this.page) this.page = page;
			this.records = { kode, indicator: id, unit: definition.unit, columns: recordColumns(definition), rows, total, page, pages, sort };
			this.#heldRecords = this.#recordsKey();
		} catch (error) {
			if (key === this.#recordsKey()) this.recordsError = reasonOf(error);
		} finally {
			if (this.#pendingRecords === key) {
				this.#pendingRecords = null;
				this.recordsLoading = false;
			}
		}
	}
}
