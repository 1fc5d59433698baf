/** The overview screen's data: per-kecamatan rows, totals and the chosen kecamatan's villages, read from DuckDB. */
import { overviewByKecamatan, overviewByVillage, registerTotals } from '$lib/queries/overview';
import { queries, Resource } from './query';
import { register } from './RegisterModel.svelte';

type KecamatanRows = Awaited<ReturnType<typeof overviewByKecamatan>>;
type VillageRows = Awaited<ReturnType<typeof overviewByVillage>>;
type Totals = Awaited<ReturnType<typeof registerTotals>>;

interface RegisterInputs {
	version: number;
}

const versionKey = ({ version }: RegisterInputs) => String(version);

export class OverviewModel {
	selected = $state<string | null>(null);

	readonly #figures = new Resource(queries, {
		priority: 'interactive',
		inputs: (): RegisterInputs | null => (register.info ? { version: register.version } : null),
		key: versionKey,
		load: async (engine, { version }) => ({
			version,
			kecamatan: await overviewByKecamatan(engine),
			totals: await registerTotals(engine)
		})
	});

	/**
	 * Every village of the register, read once per register version when a kecamatan is first chosen:
	 * choosing another kecamatan is then a filter over 237 rows, not another pass over a million people.
	 */
	readonly #villages = new Resource(queries, {
		priority: 'interactive',
		inputs: (): RegisterInputs | null => (register.info && this.selected ? { version: register.version } : null),
		key: versionKey,
		load: (engine) => overviewByVillage(engine)
	});

	get kecamatan(): KecamatanRows {
		return this.#figures.value?.kecamatan ?? [];
	}

	get totals(): Totals | null {
		return this.#figures.value?.totals ?? null;
	}

	/** The register version these figures were computed from (-1 before the first). */
	get version(): number {
		return this.#figures.value?.version ?? -1;
	}

	get loading(): boolean {
		return this.#figures.loading;
	}

	get villagesLoading(): boolean {
		return this.#villages.loading;
	}

	/** What the last read threw, if it failed. */
	get error(): unknown {
		return this.#figures.error ?? this.#villages.error;
	}

	/** The chosen kecamatan's villages. */
	get villages(): VillageRows {
		const kode = this.selected;
		return kode ? (this.#villages.value ?? []).filter((row) => row.kecamatan_kode === kode) : [];
	}

	get selectedName(): string | null {
		return this.kecamatan.find((row) => row.kecamatan_kode === this.selected)?.kecamatan_nama ?? null;
	}

	/** Keeps the figures current while the calling component lives. */
	activate(): void {
		this.#figures.activate();
		this.#villages.activate();
	}

	/** Re-reads the figures if the register changed since the last read. */
	refresh(): Promise<void> {
		return Promise.all([this.#figures.refresh(), this.#villages.refresh()]).then(() => undefined);
	}

	select(kode: string | null): Promise<void> {
		this.selected = kode;
		return this.#villages.refresh();
	}
}

export const overview = new OverviewModel();
