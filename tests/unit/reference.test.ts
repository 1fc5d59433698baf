import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Reference } from '../../src/lib/core/reference';

interface Feature {
	properties: Record<string, string>;
	geometry: { type: string };
}
const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8')) as T;

const reference = read<Reference>('reference.json');
const desaFeatures = read<{ features: Feature[] }>('boundaries/kukar-desa.geojson').features;
const kecamatanFeatures = read<{ features: Feature[] }>('boundaries/kukar-kecamatan.geojson').features;

/** DOMAIN.md §5 kecamatan table: code → [desa, kelurahan]. */
const DOMAIN_COUNTS: Record<string, [number, number]> = {
	'64.02.01': [13, 0],
	'64.02.02': [15, 0],
	'64.02.03': [8, 0],
	'64.02.04': [8, 0],
	'64.02.05': [13, 0],
	'64.02.06': [2, 12],
	'64.02.07': [14, 0],
	'64.02.08': [11, 0],
	'64.02.09': [9, 0],
	'64.02.10': [11, 0],
	'64.02.11': [20, 0],
	'64.02.12': [19, 0],
	'64.02.13': [3, 10],
	'64.02.14': [0, 8],
	'64.02.15': [0, 5],
	'64.02.16': [18, 0],
	'64.02.17': [11, 0],
	'64.02.18': [7, 0],
	'64.02.19': [10, 0],
	'64.02.20': [1, 9]
};

describe('village reference (data/reference.json)', () => {
	it('has the regency, 20 kecamatan and 237 villages', () => {
		expect(reference.kabupaten).toEqual({ kode: '64.02', nama: 'Kabupaten Kutai Kartanegara' });
		expect(reference.kecamatan).toHaveLength(20);
		expect(reference.villages).toHaveLength(237);
		expect(reference.attribution).toBe(
			'Batas wilayah: cahyadsn/wilayah_boundaries (MIT). Kode dan nama wilayah: idn-area-data (MIT; data ODbL)'
		);
	});

	it('counts 193 desa and 44 kelurahan, with kelurahan where DOMAIN.md says', () => {
		const kelurahan = reference.villages.filter((v) => v.jenis === 'kelurahan');
		expect(reference.villages.filter((v) => v.jenis === 'desa')).toHaveLength(193);
		expect(kelurahan).toHaveLength(44);
		const perKecamatan = new Map<string, number>();
		for (const v of kelurahan) perKecamatan.set(v.kecamatan_nama, (perKecamatan.get(v.kecamatan_nama) ?? 0) + 1);
		expect(Object.fromEntries(perKecamatan)).toEqual({
			Tenggarong: 12,
			Samboja: 10,
			'Samboja Barat': 9,
			'Muara Jawa': 8,
			'Sanga Sanga': 5
		});
	});

	it('matches the desa/kelurahan counts of the DOMAIN.md §5 table for every kecamatan', () => {
		for (const k of reference.kecamatan) {
			const villages = reference.villages.filter((v) => v.kecamatan_kode === k.kode);
			const desa = villages.filter((v) => v.jenis === 'desa').length;
			expect([desa, villages.length - desa], k.kode).toEqual(DOMAIN_COUNTS[k.kode]);
		}
	});

	it('has well-formed, unique, sorted codes and consistent kinds and zones', () => {
		const kecamatanKodes = reference.kecamatan.map((k) => k.kode);
		const villageKodes = reference.villages.map((v) => v.kode);
		expect(new Set(kecamatanKodes).size).toBe(20);
		expect(new Set(villageKodes).size).toBe(237);
		expect([...kecamatanKodes].sort()).toEqual(kecamatanKodes);
		expect([...villageKodes].sort()).toEqual(villageKodes);
		for (const k of reference.kecamatan) {
			expect(k.kode).toMatch(/^64\.02\.\d{2}$/);
			expect(['hulu', 'tengah', 'pesisir']).toContain(k.zona);
		}
		const kecamatanByKode = new Map(reference.kecamatan.map((k) => [k.kode, k]));
		for (const v of reference.villages) {
			expect(v.kode).toMatch(/^64\.02\.\d{2}\.[12]\d{3}$/);
			expect(v.kode.startsWith(`${v.kecamatan_kode}.`)).toBe(true);
			expect(v.jenis).toBe(v.kode.charAt(9) === '1' ? 'kelurahan' : 'desa');
			const kec = kecamatanByKode.get(v.kecamatan_kode);
			expect(kec, v.kode).toBeDefined();
			expect(v.kecamatan_nama).toBe(kec?.nama);
			expect(v.zona).toBe(kec?.zona);
			expect(v.nama).toMatch(/^[A-Z][A-Za-z]*([ -][A-Za-z0-9]+)*$/);
		}
	});

	it('puts the kecamatan in the planning zones', () => {
		const zone = (nama: string) => reference.kecamatan.find((k) => k.nama === nama)?.zona;
		expect(zone('Tenggarong')).toBe('tengah');
		expect(zone('Tabang')).toBe('hulu');
		expect(zone('Anggana')).toBe('pesisir');
		const counts: Record<string, number> = { hulu: 0, tengah: 0, pesisir: 0 };
		for (const k of reference.kecamatan) counts[k.zona] = (counts[k.zona] ?? 0) + 1;
		expect(counts).toEqual({ hulu: 8, tengah: 5, pesisir: 7 });
	});
});

describe('boundaries (data/boundaries)', () => {
	it('has exactly one village feature per reference village, with jenis and zona', () => {
		const kodes = desaFeatures.map((f) => f.properties.kode);
		expect(new Set(kodes).size).toBe(kodes.length);
		expect([...kodes].sort()).toEqual(reference.villages.map((v) => v.kode));
		const byKode = new Map(reference.villages.map((v) => [v.kode, v]));
		for (const f of desaFeatures) {
			const v = byKode.get(f.properties.kode ?? '');
			expect(f.properties).toEqual({
				kode: v?.kode,
				nama: v?.nama,
				kecamatan_kode: v?.kecamatan_kode,
				jenis: v?.jenis,
				zona: v?.zona
			});
			expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
		}
	});

	it('has exactly one kecamatan feature per reference kecamatan', () => {
		expect(kecamatanFeatures.map((f) => f.properties)).toEqual(reference.kecamatan);
	});
});
