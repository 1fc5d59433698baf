/**
 * What the loaded register can feed, as app state: its columns (`register_field`, read once per
 * register), the capabilities they give under the active plan (derived, no query), and the households
 * each population filter and housing requirement lets through (one query per register and funnel part
 * of the plan: population, thresholds, programmes), so the Map and Plan screens can say which setting
 * left nobody.
 */
import { capabilitiesOf, type Capabilities, type FilterCheck, type FilterId } from '$lib/core/capabilities';
import type { Funnel } from '$lib/core/funnel';
import { funnelPart } from '$lib/core/plan-parts';
import type { RegisterField } from '$lib/core/register-fields';
import { populationFunnel, registerFields } from '$lib/queries/capabilities';
import { plan } from './PlanModel.svelte';
import { queries, Resource } from './query';
import { register } from './RegisterModel.svelte';
import { verval } from './VervalModel.svelte';

export class CapabilityModel {
	readonly #fields = new Resource(queries, {
		priority: 'interactive',
		inputs: () => (register.info ? { version: register.version } : null),
		key: ({ version }) => String(version),
		load: (engine) => registerFields(engine)
	});

	readonly #funnel = new Resource(queries, {
		priority: 'interactive',
		inputs: () => {
			const status = verval.status;
			return register.info && status ? { version: register.version, plan: plan.current, status } : null;
		},
		key: ({ version, plan, status }) => `${version}:${status.key}:${funnelPart(plan)}`,
		load: async (engine, { plan, status }) => {
			await verval.readyFor(engine, status.source);
			return populationFunnel(engine, plan, status.source);
		}
	});

	readonly capabilities: Capabilities = $derived(capabilitiesOf(this.fields, plan.current));

	get fields(): RegisterField[] {
		return this.#fields.value ?? [];
	}

	get loading(): boolean {
		return this.#fields.loading;
	}

	/** What reading the columns or counting the funnel threw, if it failed. */
	get error(): unknown {
		return this.#fields.error ?? this.#funnel.error;
	}

	/** The funnel of the register and plan on screen; null while it is counted. */
	get funnel(): Funnel | null {
		return this.#funnel.current ? this.#funnel.value : null;
	}

	/** The fields describe the register on screen (not an earlier one, nor none yet). */
	get known(): boolean {
		return this.#fields.current && this.fields.length > 0;
	}

	/** A population filter's check, once the fields are known. */
	filter(id: FilterId): FilterCheck | null {
		return this.known ? (this.capabilities.filters.find((f) => f.id === id) ?? null) : null;
	}

	/** Keeps the columns current while the calling component lives. */
	activate(): void {
		this.#fields.activate();
	}

	/** Keeps the columns and the funnel current while the calling component lives. */
	activateWithFunnel(): void {
		this.#fields.activate();
		this.#funnel.activate();
	}
}

export const capabilities = new CapabilityModel();
