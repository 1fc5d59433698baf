/** The overview screen's data: per-kecamatan rows, totals and the chosen kecamatan's villages, read from DuckDB. */
import { overviewByKecamatan, overviewByVillage, registerTotals } from '$lib/queries/overview';
import { register } from './RegisterModel.svelte';

type KecamatanRows = Awaited<ReturnType<typeof overviewByKecamatan>>;
type VillageRows = Awaited<ReturnType<typeof overviewByVillage>>;
type Totals = Awaited<ReturnType<typeof registerTotals>>;

export class OverviewModel {
	kecamatan = $state<KecamatanRows>([]);
	totals = $state<Totals | null>(null);
	selected = $state<string | null>(null);
	villages = $state<VillageRows>([]);
	loading = $state(false);
	villagesLoading = $state(false);
	error = $state<string | null>(null);
	/** The register version these figures were computed from. */
	version = $state(-1);

	get selectedName(): string | null {
		return this.kecamatan.find((row) => row.kecamatan_kode === this.selected)?.kecamatan_nama ?? null;
	}

	/** Re-reads the figures if the register changed since the last read. */
	async refresh(): Promise<void> {
		const version = register.version;
		if (version === this.version || !register.info) return;
		this.loading = true;
		this.error = null;
		try {
			const engine = await register.engine();
			const [kecamatan, totals] = await Promise.all([overviewByKecamatan(engine), registerTotals(engine)]);
			if (version !== register.version) return;
			this.kecamatan = kecamatan;
			this.totals = totals;
			this.version = version;
			if (this.selected) await this.#readVillages(this.selected);
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.loading = false;
		}
	}

	async select(kode: string | null): Promise<void> {
		this.selected = kode;
		this.villages = [];
		if (kode) await this.#readVillages(kode);
	}

	/**
	 * Every village of the register, read once per register version: choosing another kecamatan is then
	 * a filter over 237 rows, not another pass over a million people.
	 */
	#allVillages: { version: number; rows: Promise<VillageRows> } | null = null;

	async #readVillages(kode: string): Promise<void> {
		this.villagesLoading = true;
		try {
			const version = register.version;
			if (this.#allVillages?.version !== version) {
				const rows = register.engine().then((engine) => overviewByVillage(engine));
				this.#allVillages = { version, rows };
				rows.catch(() => {
					if (this.#allVillages?.rows === rows) this.#allVillages = null;
				});
			}
			const rows = (await this.#allVillages.rows).filter((row) => row.kecamatan_kode === kode);
			if (this.selected === kode && version === register.version) this.villages = rows;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.villagesLoading = false;
		}
	}
}

export const overview = new OverviewModel();
