/**
 * The BoundaryModel's import, restore and reset (issue 5.4) and its following the register's regency
 * (issue 11.2) in Node: the real reader, matcher and dissolve, the bundled Kukar shapes read from data/,
 * Berau's real shapes from ../shared/geo, and a Map in place of IndexedDB (the browser's store is
 * exercised by the end-to-end tests).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diskWilayah } from '../../src/cli/wilayah';
import { loadRegencyReference } from '../../src/lib/core/wilayah';
import type { BoundaryCollection, BoundaryLevel } from '../../src/lib/core/geo/types';
import type { Reference } from '../../src/lib/core/reference';
import { BoundaryModel } from '../../src/lib/state/BoundaryModel.svelte';
import { storedRegency, type BoundaryStore, type StoredBoundaries, type StoredLevels } from '../../src/lib/state/boundary-store';

const data = (path: string) => readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8');
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/boundaries/${name}`, import.meta.url)));
const reference = JSON.parse(data('reference.json')) as Reference;
const DEFAULT_FILES: Record<BoundaryLevel, string> = {
	village: 'boundaries/kukar-desa.geojson',
	kecamatan: 'boundaries/kukar-kecamatan.geojson'
};

/** Kukar's records by level (the tests before issue 11 read them so), every regency's by `kode/level`. */
class MemoryStore implements BoundaryStore {
	readonly all = new Map<string, StoredBoundaries>();
	get entries(): Map<BoundaryLevel, StoredBoundaries> {
		return new Map([...this.all].filter(([key]) => key.startsWith('64.02/')).map(([, entry]) => [entry.level, entry]));
	}
	async read(regency: string): Promise<StoredLevels> {
		return Object.fromEntries([...this.all].filter(([key]) => key.startsWith(`${regency}/`)).map(([, entry]) => [entry.level, entry]));
	}
	async save(entry: StoredBoundaries): Promise<void> {
		// What IndexedDB does: a structured clone, so state proxies would fail here as they do there.
		this.all.set(`${storedRegency(entry)}/${entry.level}`, structuredClone(entry));
	}
	async clear(regency: string, level: BoundaryLevel): Promise<void> {
		this.all.delete(`${regency}/${level}`);
	}
}

function model(store: BoundaryStore, ref = reference) {
	const defaultsLoaded: BoundaryLevel[] = [];
	const instance = new BoundaryModel({
		reference: ref,
		store,
		loadDefault: async (level) => {
			defaultsLoaded.push(level);
			return JSON.parse(data(DEFAULT_FILES[level])) as BoundaryCollection;
		}
	});
	return { instance, defaultsLoaded };
}

describe('BoundaryModel', () => {
	it('starts on the bundled shapes with their match report', async () => {
		const { instance } = model(new MemoryStore());
		await instance.ensureLoaded();
		expect(instance.version).toBe(1);
		expect(instance.village?.features).toHaveLength(237);
		expect(instance.kecamatan?.features).toHaveLength(20);
		expect(instance.source).toEqual({ village: { kind: 'default' }, kecamatan: { kind: 'default' } });
		expect(instance.report.village).toMatchObject({ matched: 237, units: 237, byCode: 237, unmatched: [], missing: [] });
		expect(instance.report.kecamatan).toMatchObject({ matched: 20, units: 20 });
	});

	it('imports a zipped shapefile, keeps it in the store and restores it on the next start', async () => {
		const store = new MemoryStore();
		const first = model(store).instance;
		await first.ensureLoaded();
		const kecamatanBefore = first.kecamatan;
		expect(await first.importFile({ name: 'desa-sebagian.zip', bytes: fixture('desa-sebagian.zip') }, 'village')).toBe(true);
		expect(first.version).toBe(2);
		expect(first.importError).toBeNull();
		expect(first.storeError).toBeNull();
		expect(first.village?.features).toHaveLength(8);
		expect(first.kecamatan).toBe(kecamatanBefore);
		expect(first.source.village).toMatchObject({
			kind: 'imported',
			name: 'desa-sebagian.zip',
			format: 'shapefile',
			layers: ['batas_desa']
		});
		expect(first.source.kecamatan).toEqual({ kind: 'default' });
		expect(first.report.village).toMatchObject({ matched: 8, byCode: 5, byName: 3 });
		expect(store.entries.get('village')?.collection.features).toHaveLength(8);

		// A reload: a new model on the same store reads the import and never fetches the bundled villages.
		const { instance: second, defaultsLoaded } = model(store);
		await second.ensureLoaded();
		expect(defaultsLoaded).toEqual(['kecamatan']);
		expect(second.source.village).toEqual(first.source.village);
		expect(second.report.village).toEqual(first.report.village);
		expect(second.village?.features.map((f) => f.properties.kode)).toEqual(first.village?.features.map((f) => f.properties.kode));

		await second.resetToDefault('village');
		expect(second.source.village).toEqual({ kind: 'default' });
		expect(second.village?.features).toHaveLength(237);
		expect(second.version).toBe(2);
		expect(store.entries.has('village')).toBe(false);
	});

	it('keeps the current shapes when a file is refused or matches nothing, and says why', async () => {
		const store = new MemoryStore();
		const { instance } = model(store);
		await instance.ensureLoaded();
		const before = instance.village;

		expect(await instance.importFile({ name: 'rusak.geojson', bytes: new TextEncoder().encode('{"type":') }, 'village')).toBe(false);
		expect(instance.importError).toMatchObject({ level: 'village', file: 'rusak.geojson' });
		expect(instance.importError?.message).toMatch(/^Berkas 'rusak\.geojson' bukan JSON yang sah/);

		const elsewhere = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { NAMOBJ: 'Desa Entah' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[116, -1],
								[116.1, -1],
								[116.1, -0.9],
								[116, -1]
							]
						]
					}
				}
			]
		});
		expect(await instance.importFile({ name: 'lain.geojson', bytes: new TextEncoder().encode(elsewhere) }, 'village')).toBe(false);
		expect(instance.importError?.message).toBe(
			"Tidak satu pun dari 1 fitur di 'lain.geojson' cocok dengan kode atau nama desa/kelurahan Kabupaten Kutai Kartanegara. Periksa tingkatnya (desa/kelurahan atau kecamatan) dan wilayah berkasnya."
		);
		expect(instance.village).toBe(before);
		expect(instance.version).toBe(1);
		expect(instance.source.village).toEqual({ kind: 'default' });
		expect(store.entries.size).toBe(0);
	});

	it('matches kept shapes again when the reference has changed since the import', async () => {
		const store = new MemoryStore();
		const first = model(store).instance;
		await first.importFile({ name: 'desa-rbi.geojson', bytes: fixture('desa-rbi.geojson') }, 'village');
		expect(first.report.village).toMatchObject({ matched: 5 });

		// A new reference without Maluhu (64.02.06.1011): its kept shape no longer matches.
		const changed: Reference = { ...reference, villages: reference.villages.filter((v) => v.kode !== '64.02.06.1011') };
		const second = model(store, changed).instance;
		await second.ensureLoaded();
		expect(second.source.village).toMatchObject({ kind: 'imported', name: 'desa-rbi.geojson' });
		expect(second.report.village).toMatchObject({ features: 5, matched: 4, units: 236 });
		expect(second.village?.features.map((f) => f.properties.kode)).toEqual([
			'64.02.06.1007',
			'64.02.13.1012',
			'64.02.13.2016',
			'64.02.14.1004'
		]);
		expect(store.entries.get('village')?.report.matched).toBe(4);
	});

	it('works the same for another regency: nothing but the reference and the defaults say Kukar', async () => {
		const uji: Reference = {
			kabupaten: { kode: '63.09', nama: 'Kabupaten Uji' },
			kecamatan: [{ kode: '63.09.01', nama: 'Alpha', zona: 'hulu' }],
			villages: [
				{ kode: '63.09.01.2001', nama: 'Sungai Baru', jenis: 'desa', kecamatan_kode: '63.09.01', kecamatan_nama: 'Alpha', zona: 'hulu' },
				{ kode: '63.09.01.2002', nama: 'Tanjung', jenis: 'desa', kecamatan_kode: '63.09.01', kecamatan_nama: 'Alpha', zona: 'hulu' }
			],
			attribution: ''
		};
		const empty: BoundaryCollection = { type: 'FeatureCollection', features: [] };
		const instance = new BoundaryModel({
			reference: uji,
			bundledRegency: '63.09',
			store: new MemoryStore(),
			loadDefault: async () => empty
		});
		await instance.ensureLoaded();
		expect(instance.report.village).toMatchObject({ matched: 0, units: 2 });
		const file = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { KODE: '6309012002' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[114, -3],
								[114.1, -3],
								[114.1, -2.9],
								[114, -3]
							]
						]
					}
				},
				{
					type: 'Feature',
					properties: { NAMA: 'DESA SUNGAI BARU', KEC: 'Alpha' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[114.2, -3],
								[114.3, -3],
								[114.3, -2.9],
								[114.2, -3]
							]
						]
					}
				}
			]
		});
		expect(await instance.importFile({ name: 'uji.geojson', bytes: new TextEncoder().encode(file) }, 'village')).toBe(true);
		expect(instance.report.village).toMatchObject({ matched: 2, byCode: 1, byName: 1, missing: [] });
		expect(instance.village?.features.map((f) => f.properties.kode)).toEqual(['63.09.01.2001', '63.09.01.2002']);
	});
});

describe('BoundaryModel following the register’s regency (issue 11.2)', () => {
	const berauFile = () => new Uint8Array(readFileSync(new URL('../../../shared/geo/berau-desa.geojson', import.meta.url)));
	let berau: Reference;

	it('draws Kukar’s bundled shapes, none for Berau until imported, and Berau’s import with derived kecamatan', async () => {
		berau = (await loadRegencyReference(diskWilayah, '64.03')) as Reference;
		const store = new MemoryStore();
		const { instance, defaultsLoaded } = model(store);
		await instance.ensureLoaded();
		expect(instance.bundled).toBe(true);
		expect(instance.showsBundled).toBe(true);
		expect(instance.village?.features).toHaveLength(237);

		await instance.follow(berau);
		expect(instance.regency).toEqual({ kode: '64.03', nama: 'Kabupaten Berau' });
		expect(instance.bundled).toBe(false);
		expect(instance.hasShapes).toBe(false);
		expect(instance.showsBundled).toBe(false);
		expect(instance.village).toBeNull();
		expect(instance.kecamatan).toBeNull();
		expect(instance.source).toEqual({ village: { kind: 'none' }, kecamatan: { kind: 'none' } });
		expect(instance.report.village).toMatchObject({ matched: 0, units: 110 });
		expect(instance.report.kecamatan).toMatchObject({ matched: 0, units: 13 });
		expect(instance.version).toBe(2);

		expect(await instance.importFile({ name: 'berau-desa.geojson', bytes: berauFile() }, 'village')).toBe(true);
		expect(instance.report.village).toMatchObject({ features: 110, matched: 110, byCode: 110, units: 110, missing: [], unmatched: [] });
		expect(instance.hasShapes).toBe(true);
		expect(instance.kecamatan?.features).toHaveLength(13);
		expect(instance.source.kecamatan).toEqual({ kind: 'derived', from: 'berau-desa.geojson', grouped: [] });
		expect(instance.report.kecamatan).toMatchObject({ matched: 13, units: 13, byCode: 13 });
		expect([...store.all.keys()]).toEqual(['64.03/village']);

		// Back to Kukar: its bundled shapes; Berau's import stays in the store under Berau.
		await instance.follow(JSON.parse(data('reference.json')) as Reference);
		expect(instance.village?.features).toHaveLength(237);
		expect(instance.source).toEqual({ village: { kind: 'default' }, kecamatan: { kind: 'default' } });
		expect(defaultsLoaded.sort()).toEqual(['kecamatan', 'kecamatan', 'village', 'village']);

		// A new page on a Berau register: the import and the derived kecamatan come back, nothing bundled is read.
		const second = model(store, berau);
		await second.instance.ensureLoaded();
		expect(second.defaultsLoaded).toEqual([]);
		expect(second.instance.source.village).toMatchObject({ kind: 'imported', name: 'berau-desa.geojson' });
		expect(second.instance.kecamatan?.features.map((f) => f.properties.kode)).toEqual(berau.kecamatan.map((k) => k.kode));

		// Forgetting Berau's import leaves Berau without shapes (there are no bundled ones to go back to).
		await second.instance.resetToDefault('village');
		expect(second.instance.source).toEqual({ village: { kind: 'none' }, kecamatan: { kind: 'none' } });
		expect(second.instance.hasShapes).toBe(false);
		expect(store.all.size).toBe(0);
	});

	it('refuses Kukar’s shapes for Berau, naming Berau', async () => {
		const { instance } = model(new MemoryStore(), berau);
		const kukar = new TextEncoder().encode(data(DEFAULT_FILES.village));
		expect(await instance.importFile({ name: 'kukar-desa.geojson', bytes: kukar }, 'village')).toBe(false);
		expect(instance.importError?.message).toBe(
			"Tidak satu pun dari 237 fitur di 'kukar-desa.geojson' cocok dengan kode atau nama desa/kelurahan Kabupaten Berau. Periksa tingkatnya (desa/kelurahan atau kecamatan) dan wilayah berkasnya."
		);
		expect(instance.village).toBeNull();
	});

	it('refuses Berau’s shapes moved one UTM zone west, and keeps what was drawn (issue 18 point 5)', async () => {
		const { instance } = model(new MemoryStore(), berau);
		await instance.ensureLoaded();
		const shift = (value: unknown): unknown =>
			Array.isArray(value) && typeof value[0] === 'number'
				? [(value[0] as number) - 6, value[1]]
				: Array.isArray(value)
					? value.map(shift)
					: value;
		const collection = JSON.parse(new TextDecoder().decode(berauFile())) as BoundaryCollection;
		const movedFile = {
			...collection,
			features: collection.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: shift(f.geometry.coordinates) } }))
		};
		const bytes = new TextEncoder().encode(JSON.stringify(movedFile));
		expect(await instance.importFile({ name: 'berau-zona-49.geojson', bytes }, 'village')).toBe(false);
		expect(instance.importError?.message).toMatch(
			/^Berkas 'berau-zona-49\.geojson' mencakup hampir semua wilayah Kabupaten Berau, tetapi letaknya .* jauh dari 71 pulau/
		);
		expect(instance.village).toBeNull();
		expect(await instance.importFile({ name: 'berau-desa.geojson', bytes: berauFile() }, 'village')).toBe(true);
	});

	it('drops the shapes of a regency left while they were loading', async () => {
		const pending: (() => void)[] = [];
		const slow: BoundaryStore = {
			read: () => new Promise((resolve) => pending.push(() => resolve({}))),
			save: async () => undefined,
			clear: async () => undefined
		};
		const { instance, defaultsLoaded } = model(slow);
		const first = instance.ensureLoaded();
		const moved = instance.follow(berau);
		expect(pending).toHaveLength(2);
		// Berau's (none) land first, then Kukar's bundled ones arrive late: they must not be drawn.
		pending[1]?.();
		await moved;
		pending[0]?.();
		await first;
		expect(defaultsLoaded.sort()).toEqual(['kecamatan', 'village']);
		expect(instance.regency.kode).toBe('64.03');
		expect(instance.village).toBeNull();
		expect(instance.source.village).toEqual({ kind: 'none' });
	});
});
