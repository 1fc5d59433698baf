/**
 * Indicator figures for the Map screen: every indicator for every village, recomputed in DuckDB when
 * the register or the plan changes, and only then. Choosing another indicator, count vs rate, or the
 * kecamatan level is a pick from these 237 rows, not a query.
 */
import { kecamatanFigures, type AreaFigures } from '$lib/core/indicators';
import { villageIndicators } from '$lib/queries/indicators';
import { plan } from './PlanModel.svelte';
import { register } from './RegisterModel.svelte';

export class IndicatorModel {
	villages = $state.raw<AreaFigures[]>([]);
	kecamatan = $state.raw<AreaFigures[]>([]);
	loading = $state(false);
	error = $state<string | null>(null);
	/** Milliseconds of the last recompute (shown to planners and read by the benchmark). */
	lastComputeMs = $state<number | null>(null);
	/** `${register.version}:${plan.revision}` of the figures held. */
	key = $state('');

	#pending: string | null = null;

	/** Recomputes if the register or the plan changed since the figures were made. */
	async refresh(): Promise<void> {
		if (!register.info) return;
		const key = `${register.version}:${plan.revision}`;
		if (key === this.key || key === this.#pending) return;
		this.#pending = key;
		this.loading = true;
		this.error = null;
		const started = performance.now();
		try {
			const engine = await register.engine();
			const villages = await villageIndicators(engine, plan.current);
			// A newer register or plan arrived meanwhile: its own refresh will land.
			if (this.#pending !== key) return;
			this.villages = villages;
			this.kecamatan = kecamatanFigures(villages);
			this.key = key;
			this.lastComputeMs = performance.now() - started;
		} catch (error) {
			if (this.#pending === key) this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (this.#pending === key) {
				this.#pending = null;
				this.loading = false;
			}
		}
	}
}

export const indicators = new IndicatorModel();
