/**
 * The landing page (Ringkasan): where the need is, how many, how much, and what is funded, from the
 * figures the Map and Plan screens compute (IndicatorModel, AllocationModel) and the verval progress.
 * Nothing of its own is queried: the headline numbers are the sums of what the screens behind show.
 */
import {
	HEADLINE_INDICATORS,
	kecamatanBudgets,
	programmeBudgets,
	regencyFigures,
	totalBudget,
	type BudgetFigures
} from '$lib/core/landing';
import type { Figures, IndicatorId } from '$lib/core/indicators';
import type { ProgrammeId } from '$lib/core/plan';
import { allocation } from './AllocationModel.svelte';
import { DEFAULT_CHOICES, mapView, type MapView } from './map-view';
import { indicators } from './IndicatorModel.svelte';
import { overview } from './OverviewModel.svelte';
import { verval } from './VervalModel.svelte';

/** Households verified in the field so far (once results are imported). */
export interface VerifiedShare {
	checked: number;
	households: number;
}

export class LandingModel {
	/** The chosen indicator of the top-villages list and the small map. */
	indicator = $state<(typeof HEADLINE_INDICATORS)[number]>('rtlh');

	/** The small map's view: the chosen indicator's rate per village, in the Map screen's default classes. */
	readonly view: MapView = $derived(
		mapView(indicators.villages, { ...DEFAULT_CHOICES, indicator: this.indicator }, indicators.key, indicators.uncomputed)
	);

	/** The regency's need figures; null until the indicators are computed. */
	readonly figures: Figures | null = $derived(indicators.villages.length > 0 ? regencyFigures(indicators.villages) : null);

	/** Indicators the register has no column for: shown as not computed. */
	get uncomputed(): ReadonlySet<IndicatorId> {
		return indicators.uncomputed;
	}

	/** Need, funded and unmet per programme; null until an allocation (or the stored one) is there. */
	readonly budgets: Record<ProgrammeId, BudgetFigures> | null = $derived(
		allocation.key || allocation.fromStore ? programmeBudgets(allocation.villages) : null
	);

	readonly total: BudgetFigures | null = $derived(this.budgets ? totalBudget(this.budgets) : null);

	/** All programmes together per kecamatan; empty until an allocation is there. */
	readonly byKecamatan: ReadonlyMap<string, BudgetFigures> = $derived(kecamatanBudgets(allocation.villages));

	/** Null while no field results are imported ("belum diverval") or their progress is counted. */
	readonly verified: VerifiedShare | null = $derived.by(() => {
		const view = verval.hasResults ? verval.view : null;
		if (!view) return null;
		return {
			checked: view.kecamatan.reduce((s, k) => s + k.households_checked, 0),
			households: view.kecamatan.reduce((s, k) => s + k.households, 0)
		};
	});

	get figuresLoading(): boolean {
		return indicators.loading;
	}

	get budgetLoading(): boolean {
		return allocation.loading;
	}

	/** Keeps every figure of the page current while it is open; the overview first, so it shows first. */
	activate(): void {
		overview.activate();
		indicators.activate();
		allocation.activate();
		verval.activateProgress();
	}
}

export const landing = new LandingModel();
