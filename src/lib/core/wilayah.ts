/**
 * Indonesia's administrative areas (Kemendagri codes and names) as Tepat ships them: one small index of
 * every province and regency/city, and one file per province with its kecamatan and villages, loaded
 * only when a register of that province is opened. Built from the idn-area-data package by
 * scripts/build-wilayah.ts; read by the browser (fetched from our own origin) and the CLI (from disk)
 * through a `WilayahSource`, so both hosts build exactly the same reference.
 */
import type { Kecamatan, Reference, Village, VillageKind } from './reference';
import { DEFAULT_ZONE, KNOWN_ZONES } from './zones';

/** `[kode, nama]`, e.g. `['64.02', 'Kabupaten Kutai Kartanegara']`. */
export type CodeName = readonly [string, string];

export interface WilayahIndex {
	/** Where the codes and names come from (package and version), for credits and exports. */
	source: string;
	provinsi: CodeName[];
	kabupaten: CodeName[];
}

export interface ProvinceAreas {
	kode: string;
	nama: string;
	kecamatan: CodeName[];
	desa: CodeName[];
	/** Per regency with islands: [kode, west, south, east, north, count] of its islands (absent in older files). */
	pulau?: IslandBox[];
}

export type IslandBox = readonly [string, number, number, number, number, number];

/** Reads the index and a province's file: `fetch` from our origin in the browser, the disk in Node. */
export interface WilayahSource {
	index(): Promise<WilayahIndex>;
	province(kode: string): Promise<ProvinceAreas>;
}

export interface Regency {
	kode: string;
	/** As Kemendagri writes it, with its kind: 'Kabupaten Berau', 'Kota Samarinda'. */
	nama: string;
	provinsi: string;
}

/** Where the area codes and names come from and their licence; the credits word it in the UI's language. */
export const WILAYAH_SOURCE = 'idn-area-data (MIT; data ODbL)';
export const WILAYAH_ATTRIBUTION = `Kode dan nama wilayah: ${WILAYAH_SOURCE}`;

const REGENCY_CODE = /^\d{2}\.\d{2}$/;

/** 'Kabupaten Berau' → 'Berau', 'Kota Samarinda' → 'Samarinda' (register extracts write the short name). */
export function regencyShortName(nama: string): string {
	return nama.replace(/^(kabupaten|kab\.|kota)\s+/i, '');
}

/** Dotted regency code from any writing of it ('6403', '64.03', '64-03'), or null. */
export function normaliseRegencyCode(text: string): string | null {
	const digits = text.replace(/\D/g, '');
	return digits.length === 4 ? `${digits.slice(0, 2)}.${digits.slice(2)}` : null;
}

export function regencies(index: WilayahIndex): Regency[] {
	const provinces = new Map(index.provinsi);
	return index.kabupaten.map(([kode, nama]) => ({ kode, nama, provinsi: provinces.get(kode.slice(0, 2)) ?? '' }));
}

export function findRegency(index: WilayahIndex, kode: string): Regency | null {
	const dotted = normaliseRegencyCode(kode);
	if (!dotted) return null;
	return regencies(index).find((r) => r.kode === dotted) ?? null;
}

function villageKind(kode: string): VillageKind {
	return (kode.split('.')[3] ?? '').startsWith('1') ? 'kelurahan' : 'desa';
}

/**
 * The village reference of one regency from its province's areas. Zones are Kukar's planning practice
 * (hulu/tengah/pesisir, known for Kukar only); any other regency starts with one zone, which the plan
 * can split per kecamatan.
 */
export function regencyReference(regency: Regency, province: ProvinceAreas, attribution = WILAYAH_ATTRIBUTION): Reference {
	if (!REGENCY_CODE.test(regency.kode)) throw new Error(`bad regency code ${regency.kode}`);
	const zones = KNOWN_ZONES[regency.kode] ?? {};
	const prefix = `${regency.kode}.`;
	const kecamatan: Kecamatan[] = province.kecamatan
		.filter(([kode]) => kode.startsWith(prefix))
		.map(([kode, nama]) => ({ kode, nama, zona: zones[kode] ?? DEFAULT_ZONE }));
	const byKode = new Map(kecamatan.map((k) => [k.kode, k]));
	const villages: Village[] = [];
	for (const [kode, nama] of province.desa) {
		if (!kode.startsWith(prefix)) continue;
		const kec = byKode.get(kode.slice(0, 8));
		if (!kec) continue;
		villages.push({ kode, nama, jenis: villageKind(kode), kecamatan_kode: kec.kode, kecamatan_nama: kec.nama, zona: kec.zona });
	}
	const islands = province.pulau?.find(([kode]) => kode === regency.kode);
	const reference: Reference = { kabupaten: { kode: regency.kode, nama: regency.nama }, kecamatan, villages, attribution };
	if (!islands) return reference;
	const [, west, south, east, north, count] = islands;
	return { ...reference, islands: { west, south, east, north, count } };
}

/** The reference of regency `kode` (any writing of the code), or null when Indonesia has no such regency. */
export async function loadRegencyReference(source: WilayahSource, kode: string): Promise<Reference | null> {
	const index = await source.index();
	const regency = findRegency(index, kode);
	if (!regency) return null;
	return regencyReference(regency, await source.province(regency.kode.slice(0, 2)));
}

export interface RegencyVote {
	/** Dotted regency code as the register writes it (may be unknown to Indonesia's list). */
	kode: string;
	households: number;
}

export type RegencyDetection =
	| { kind: 'found'; regency: Regency; households: number; total: number; others: RegencyVote[] }
	/** No row carries a province+regency code (codes without them, or names only). */
	| { kind: 'no_codes' }
	/** The codes name no regency of Indonesia. */
	| { kind: 'unknown'; votes: RegencyVote[] }
	/** Two or more regencies have the most rows. */
	| { kind: 'tie'; regencies: Regency[]; households: number };

/**
 * The regency most households belong to, by the province+regency part of their village codes. Codes
 * that are not a regency of Indonesia do not vote; the rest of the votes are the rows of other regencies.
 */
export function detectRegency(index: WilayahIndex, votes: readonly RegencyVote[]): RegencyDetection {
	const total = votes.reduce((sum, v) => sum + v.households, 0);
	if (total === 0) return { kind: 'no_codes' };
	const known = new Map(regencies(index).map((r) => [r.kode, r]));
	const valid = votes.filter((v) => known.has(v.kode) && v.households > 0);
	if (valid.length === 0) return { kind: 'unknown', votes: [...votes] };
	const most = Math.max(...valid.map((v) => v.households));
	const leaders = valid.filter((v) => v.households === most).map((v) => known.get(v.kode) as Regency);
	if (leaders.length > 1) return { kind: 'tie', regencies: leaders.sort((a, b) => a.kode.localeCompare(b.kode)), households: most };
	const regency = leaders[0] as Regency;
	const others = votes
		.filter((v) => v.kode !== regency.kode && v.households > 0)
		.sort((a, b) => b.households - a.households || a.kode.localeCompare(b.kode));
	return { kind: 'found', regency, households: most, total, others };
}

/** Regencies whose name or code contains every word of `query` (case and punctuation ignored). */
export function searchRegencies(list: readonly Regency[], query: string, limit = 20): Regency[] {
	const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9. ]/g, ' ');
	const words = key(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return list.slice(0, limit);
	return list.filter((r) => words.every((w) => key(`${r.kode} ${r.nama} ${r.provinsi}`).includes(w))).slice(0, limit);
}
