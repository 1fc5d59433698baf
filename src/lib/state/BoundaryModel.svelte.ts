/**
 * The shapes the map draws: the bundled Kukar boundaries from data/boundaries, served from our own
 * origin as build assets (CSP connect-src 'self'). Issue 5's boundary import replaces them per level
 * and keeps the imported ones across reloads.
 */
import type { BoundaryCollection, BoundaryLevel } from '$lib/core/geo/types';
import villageUrl from '../../../data/boundaries/kukar-desa.geojson?url';
import kecamatanUrl from '../../../data/boundaries/kukar-kecamatan.geojson?url';

const DEFAULT_URLS: Record<BoundaryLevel, string> = { village: villageUrl, kecamatan: kecamatanUrl };

async function fetchCollection(url: string): Promise<BoundaryCollection> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.json()) as BoundaryCollection;
}

export class BoundaryModel {
	village = $state.raw<BoundaryCollection | null>(null);
	kecamatan = $state.raw<BoundaryCollection | null>(null);
	error = $state<string | null>(null);
	/** Bumped whenever a level's shapes are replaced, so the map re-reads geometry only then. */
	version = $state(0);

	#loading: Promise<void> | null = null;

	/** Loads the shapes once; later calls return the same promise. A failure is forgotten for a retry. */
	ensureLoaded(): Promise<void> {
		this.#loading ??= this.#load().catch((error: unknown) => {
			this.#loading = null;
			this.error = error instanceof Error ? error.message : String(error);
		});
		return this.#loading;
	}

	async #load(): Promise<void> {
		const [village, kecamatan] = await Promise.all([
			fetchCollection(DEFAULT_URLS.village),
			fetchCollection(DEFAULT_URLS.kecamatan)
		]);
		this.village = village;
		this.kecamatan = kecamatan;
		this.error = null;
		this.version++;
	}
}

export const boundaries = new BoundaryModel();
