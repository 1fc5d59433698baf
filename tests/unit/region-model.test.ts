/**
 * The browser's view of Indonesia's areas (state/wilayah.ts) and the app's regency state
 * (RegionModel), in Node: static/wilayah/ served by a fake fetch that counts its requests.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadRegencyReference } from '../../src/lib/core/wilayah';
import { RegionModel } from '../../src/lib/state/RegionModel.svelte';
import { fetchedWilayah } from '../../src/lib/state/wilayah';

/** Serves static/wilayah/ like the built site does, and records every path asked for. */
function site(fail: Set<string> = new Set()) {
	const asked: string[] = [];
	const fetchAsset = async (path: string): Promise<Response> => {
		asked.push(path);
		if (fail.has(path)) return new Response('gone', { status: 404 });
		const body = await readFile(new URL(`../../static${path}`, import.meta.url));
		return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
	};
	return { asked, fetchAsset };
}

describe('the browser WilayahSource', () => {
	it('builds a regency’s reference from our own assets, reading each file once', async () => {
		const { asked, fetchAsset } = site();
		const wilayah = fetchedWilayah(fetchAsset);
		const berau = await loadRegencyReference(wilayah, '64.03');
		expect(berau?.kabupaten).toEqual({ kode: '64.03', nama: 'Kabupaten Berau' });
		expect(berau?.kecamatan).toHaveLength(13);
		expect(berau?.villages).toHaveLength(110);
		const kukar = await loadRegencyReference(wilayah, '6402');
		expect(kukar?.villages).toHaveLength(237);
		expect(asked).toEqual(['/wilayah/index.json', '/wilayah/64.json']);
	});

	it('says which file failed, and tries again on the next call', async () => {
		const fail = new Set(['/wilayah/index.json']);
		const { asked, fetchAsset } = site(fail);
		const wilayah = fetchedWilayah(fetchAsset);
		await expect(wilayah.index()).rejects.toThrow('Daftar wilayah Indonesia (/wilayah/index.json) tidak dapat dimuat: HTTP 404');
		fail.clear();
		expect((await wilayah.index()).kabupaten).toHaveLength(514);
		expect(asked).toEqual(['/wilayah/index.json', '/wilayah/index.json']);
	});
});

describe('RegionModel', () => {
	it('starts on the bundled regency, lists and searches the 514 regencies, and follows set()', async () => {
		const { fetchAsset } = site();
		const wilayah = fetchedWilayah(fetchAsset);
		const region = new RegionModel(wilayah);
		expect(region.kabupaten).toEqual({ kode: '64.02', nama: 'Kabupaten Kutai Kartanegara' });
		await region.loadList();
		expect(region.list).toHaveLength(514);
		expect(region.search('berau').map((r) => [r.kode, r.nama, r.provinsi])).toEqual([['64.03', 'Kabupaten Berau', 'Kalimantan Timur']]);
		const berau = await loadRegencyReference(wilayah, '64.03');
		if (!berau) throw new Error('no Berau');
		region.set(berau);
		expect(region.kabupaten.nama).toBe('Kabupaten Berau');
		expect(region.reference.villages).toHaveLength(110);
	});

	it('keeps the reason when the list cannot be read', async () => {
		const { fetchAsset } = site(new Set(['/wilayah/index.json']));
		const region = new RegionModel(fetchedWilayah(fetchAsset));
		await region.loadList();
		expect(region.list).toEqual([]);
		expect(region.listError).toMatch(/HTTP 404/);
	});
});
