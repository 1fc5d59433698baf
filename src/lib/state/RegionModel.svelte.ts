/**
 * The regency the app shows (issue 11 point 1): the village reference of the loaded register, which
 * every screen's words, the exports, the boundaries and the plan's zones follow. It is the bundled
 * Kukar reference until a register says otherwise; RegisterModel sets it after every load, restore and
 * change of regency (the reference itself lives in DuckDB as `village` and `kecamatan`, kept with the
 * register). The list of Indonesia's 514 regencies and cities is read on demand, for the choice of
 * regency on the Data screen.
 */
import type { Reference } from '$lib/core/reference';
import { regencies, searchRegencies, type Regency, type WilayahSource } from '$lib/core/wilayah';
import { reference as bundledReference } from './database';
import { browserWilayah } from './wilayah';

export class RegionModel {
	/** The reference of the regency shown (the loaded register's). */
	reference = $state.raw<Reference>(bundledReference);
	/** Every regency and city of Indonesia, once `loadList` has read them. */
	list = $state.raw<Regency[]>([]);
	/** Why the list could not be read. */
	listError = $state<string | null>(null);

	readonly #wilayah: WilayahSource;
	#listing: Promise<void> | null = null;

	constructor(wilayah: WilayahSource = browserWilayah) {
		this.#wilayah = wilayah;
	}

	/** Code and name of the regency shown ('64.03', 'Kabupaten Berau'). */
	get kabupaten(): { kode: string; nama: string } {
		return this.reference.kabupaten;
	}

	get wilayah(): WilayahSource {
		return this.#wilayah;
	}

	set(reference: Reference): void {
		this.reference = reference;
	}

	/** Reads the list of regencies once (a failure is forgotten, so a later call tries again). */
	loadList(): Promise<void> {
		this.#listing ??= this.#wilayah
			.index()
			.then((index) => {
				this.list = regencies(index);
				this.listError = null;
			})
			.catch((error: unknown) => {
				this.#listing = null;
				this.listError = error instanceof Error ? error.message : String(error);
			});
		return this.#listing;
	}

	/** Regencies whose code, name or province holds every word of `query`. */
	search(query: string, limit = 20): Regency[] {
		return searchRegencies(this.list, query, limit);
	}
}

export const region = new RegionModel();
