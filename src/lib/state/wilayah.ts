/**
 * Indonesia's areas in the browser: static/wilayah/ (index.json and one NN.json per province, built at
 * install by scripts/build-wilayah.ts) fetched from our own origin (CSP connect-src 'self') and kept in
 * memory, so a province is read once per page whatever asks for it.
 */
import { asset } from '$app/paths';
import type { ProvinceAreas, WilayahIndex, WilayahSource } from '$lib/core/wilayah';

type FetchAsset = (path: string) => Promise<Response>;

/** A cached WilayahSource over `fetchAsset` (a path under the site root → its response). */
export function fetchedWilayah(fetchAsset: FetchAsset): WilayahSource {
	let index: Promise<WilayahIndex> | null = null;
	const provinces = new Map<string, Promise<ProvinceAreas>>();
	async function json<T>(path: string): Promise<T> {
		let response: Response;
		try {
			response = await fetchAsset(path);
		} catch (error) {
			throw new Error(`Daftar wilayah Indonesia (${path}) tidak dapat dimuat: ${error instanceof Error ? error.message : String(error)}`, {
				cause: error
			});
		}
		if (!response.ok) throw new Error(`Daftar wilayah Indonesia (${path}) tidak dapat dimuat: HTTP ${response.status}`);
		return (await response.json()) as T;
	}
	return {
		index() {
			if (!index) {
				const reading = json<WilayahIndex>('/wilayah/index.json');
				// A failure is not cached: the next call tries again.
				reading.catch(() => {
					if (index === reading) index = null;
				});
				index = reading;
			}
			return index;
		},
		province(kode) {
			const key = kode.replace(/\D/g, '');
			let reading = provinces.get(key);
			if (!reading) {
				const started = json<ProvinceAreas>(`/wilayah/${key}.json`);
				started.catch(() => {
					if (provinces.get(key) === started) provinces.delete(key);
				});
				provinces.set(key, started);
				reading = started;
			}
			return reading;
		}
	};
}

/** The app's source: the build's own assets. */
export const browserWilayah: WilayahSource = fetchedWilayah((path) => fetch(asset(path)));
