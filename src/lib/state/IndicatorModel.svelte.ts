/**
 * Indicator figures for the Map screen: every indicator for every village, recomputed in DuckDB when
 * the register or the parts of the plan the figures read (population, thresholds) change, and only
 * then: renaming the plan or changing a budget recomputes nothing. Choosing another indicator, count
 * vs rate, or the kecamatan level is a pick from these 237 rows, not a query.
 */
import { uncomputedIndicators } from '$lib/core/capabilities';
import { kecamatanFigures, type AreaFigures, type IndicatorId } from '$lib/core/indicators';
import { figuresPart } from '$lib/core/plan-parts';
import { IndicatorParts, preparePeopleCounts, villageIndicatorsByPart } from '$lib/queries/indicators';
import { capabilities } from './CapabilityModel.svelte';
import { plan } from './PlanModel.svelte';
import { queries, Resource } from './query';
import { register } from './RegisterModel.svelte';
import { verval } from './VervalModel.svelte';

interface Figures {
	villages: AreaFigures[];
	kecamatan: AreaFigures[];
	/** Milliseconds the query took. */
	ms: number;
}

const NONE: ReadonlySet<IndicatorId> = new Set();

export class IndicatorModel {
	/** What the people counts table holds (null: unknown): a threshold change reads it as it is. */
	#peopleHeld: string | null = null;
	/** The households' and the people's figures last computed: a threshold recomputes only its part. */
	readonly #parts = new IndicatorParts();

	readonly #figures = new Resource(queries, {
		priority: 'interactive',
		inputs: () => {
			const status = verval.status;
			return register.info && status ? { version: register.version, plan: plan.current, status } : null;
		},
		key: ({ version, plan, status }) => `${version}:${status.key}:${figuresPart(plan)}`,
		load: async (engine, { version, plan, status }): Promise<Figures> => {
			const started = performance.now();
			await verval.readyFor(engine, status.source);
			// Forgotten until rebuilt through: a build cut short leaves the table unknown.
			const held = this.#peopleHeld;
			this.#peopleHeld = null;
			const data = `${version}:${status.key}`;
			const people = await preparePeopleCounts(engine, plan.population, status.source, data, held);
			this.#peopleHeld = people;
			const villages = await villageIndicatorsByPart(engine, plan, status.source, { data, people }, this.#parts);
			return { villages, kecamatan: kecamatanFigures(villages), ms: performance.now() - started };
		}
	});

	get villages(): AreaFigures[] {
		return this.#figures.value?.villages ?? [];
	}

	get kecamatan(): AreaFigures[] {
		return this.#figures.value?.kecamatan ?? [];
	}

	/**
	 * Indicators the register cannot feed (no column for them): not computed, shown as such, never as 0.
	 * From the register's columns (CapabilityModel), which a screen showing figures keeps current.
	 */
	readonly uncomputed: ReadonlySet<IndicatorId> = $derived(capabilities.known ? uncomputedIndicators(capabilities.capabilities) : NONE);

	get loading(): boolean {
		return this.#figures.loading;
	}

	/** What the last recompute threw, if it failed. */
	get error(): unknown {
		return this.#figures.error;
	}

	/** Milliseconds of the last recompute (shown to planners and read by the benchmark). */
	get lastComputeMs(): number | null {
		return this.#figures.value?.ms ?? null;
	}

	/** Names the register and plan parts of the figures held ('' before the first). */
	get key(): string {
		return this.#figures.key ?? '';
	}

	/** Names the figures the register and plan as they are now call for (null: no register). */
	get wanted(): string | null {
		return this.#figures.wanted;
	}

	/** The figures held are for the register and plan as they are now. */
	get current(): boolean {
		return this.#figures.current;
	}

	/** Recomputes if the register or the figures' part of the plan changed since the figures were made. */
	refresh(): Promise<void> {
		return this.#figures.refresh();
	}

	/** Keeps the figures current while the calling component lives. */
	activate(): void {
		this.#figures.activate();
		// Which indicators are not computed comes from the register's columns: kept current alongside.
		capabilities.activate();
	}
}

export const indicators = new IndicatorModel();
