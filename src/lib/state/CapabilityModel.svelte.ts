/**
 * What the loaded register can feed, as app state: its columns (`register_field`, read once per
 * register), the capabilities they give under the active plan (derived, no query), and the households
 * each population filter and housing requirement lets through (one query per register and plan), so
 * the Map and Plan screens can say which setting left nobody.
 */
import { capabilitiesOf, type Capabilities, type FilterCheck, type FilterId } from '$lib/core/capabilities';
import type { Funnel } from '$lib/core/funnel';
import type { RegisterField } from '$lib/core/register-fields';
import { populationFunnel, registerFields } from '$lib/queries/capabilities';
import { plan } from './PlanModel.svelte';
import { register } from './RegisterModel.svelte';

export class CapabilityModel {
	fields = $state.raw<RegisterField[]>([]);
	/** register.version the fields were read for. */
	version = $state(-1);
	loading = $state(false);
	error = $state<string | null>(null);
	funnel = $state.raw<Funnel | null>(null);
	/** `${register.version}:${plan.revision}` of the funnel held. */
	funnelKey = $state('');

	readonly capabilities: Capabilities = $derived(capabilitiesOf(this.fields, plan.current));

	#pendingFunnel: string | null = null;

	/** The fields describe the register on screen (not an earlier one, nor none yet). */
	get known(): boolean {
		return this.version === register.version && this.fields.length > 0;
	}

	/** A population filter's check, once the fields are known. */
	filter(id: FilterId): FilterCheck | null {
		return this.known ? (this.capabilities.filters.find((f) => f.id === id) ?? null) : null;
	}

	/** Re-reads the register's columns if the register changed. */
	async refresh(): Promise<void> {
		const version = register.version;
		if (!register.info || version === this.version) return;
		this.loading = true;
		this.error = null;
		try {
			const fields = await registerFields(await register.engine());
			if (version !== register.version) return;
			this.fields = fields;
			this.version = version;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.loading = false;
		}
	}

	/** Recounts the funnel if the register or the plan changed. */
	async refreshFunnel(): Promise<void> {
		if (!register.info) return;
		const key = `${register.version}:${plan.revision}`;
		if (key === this.funnelKey || key === this.#pendingFunnel) return;
		this.#pendingFunnel = key;
		try {
			const funnel = await populationFunnel(await register.engine(), plan.current);
			if (this.#pendingFunnel !== key) return;
			this.funnel = funnel;
			this.funnelKey = key;
		} catch (error) {
			if (this.#pendingFunnel === key) this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (this.#pendingFunnel === key) this.#pendingFunnel = null;
		}
	}
}

export const capabilities = new CapabilityModel();
