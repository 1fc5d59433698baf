/**
 * Where the synthetic register lives: Kukar's kecamatan and villages (data/reference.json) with rough
 * population weights and poverty levels, plus the NIK and KK number issuers.
 * Population figures are rounded estimates for spreading people realistically, not official counts.
 */
import referenceJson from '../../../data/reference.json';
import type { Reference, Village } from '../core/reference';
import type { Ethnicity } from './names';
import { unitHash, type Rng } from './prng';

export const REFERENCE: Reference = referenceJson as Reference;

export interface KecamatanProfile {
	/** Two-digit kecamatan part of the code, e.g. '06'. */
	kec: string;
	/** Approximate residents (thousands). */
	population: number;
	/** 0 (well off) … 1 (poorest, remote). */
	deprivation: number;
	/** Ethnic mix of the names: kutai/banjar, bugis, jawa, dayak. */
	ethnic: readonly [number, number, number, number];
	/** Share of families whose field check (verval) is not done yet. */
	vervalPending: number;
}

export const KECAMATAN_PROFILES: readonly KecamatanProfile[] = [
	{ kec: '01', population: 19, deprivation: 0.85, ethnic: [0.8, 0.1, 0.05, 0.05], vervalPending: 0.12 }, // Muara Muntai
	{ kec: '02', population: 55, deprivation: 0.5, ethnic: [0.35, 0.15, 0.45, 0.05], vervalPending: 0.06 }, // Loa Kulu
	{ kec: '03', population: 68, deprivation: 0.4, ethnic: [0.35, 0.3, 0.3, 0.05], vervalPending: 0.06 }, // Loa Janan
	{ kec: '04', population: 45, deprivation: 0.65, ethnic: [0.3, 0.55, 0.12, 0.03], vervalPending: 0.14 }, // Anggana
	{ kec: '05', population: 50, deprivation: 0.5, ethnic: [0.25, 0.55, 0.17, 0.03], vervalPending: 0.08 }, // Muara Badak
	{ kec: '06', population: 110, deprivation: 0.2, ethnic: [0.55, 0.2, 0.2, 0.05], vervalPending: 0.04 }, // Tenggarong
	{ kec: '07', population: 45, deprivation: 0.55, ethnic: [0.45, 0.15, 0.35, 0.05], vervalPending: 0.07 }, // Sebulu
	{ kec: '08', population: 30, deprivation: 0.7, ethnic: [0.8, 0.08, 0.1, 0.02], vervalPending: 0.12 }, // Kota Bangun
	{ kec: '09', population: 12, deprivation: 0.9, ethnic: [0.85, 0.05, 0.05, 0.05], vervalPending: 0.25 }, // Kenohan
	{ kec: '10', population: 26, deprivation: 0.85, ethnic: [0.55, 0.05, 0.25, 0.15], vervalPending: 0.3 }, // Kembang Janggut
	{ kec: '11', population: 42, deprivation: 0.8, ethnic: [0.5, 0.1, 0.3, 0.1], vervalPending: 0.15 }, // Muara Kaman
	{ kec: '12', population: 10, deprivation: 1, ethnic: [0.35, 0.05, 0.05, 0.55], vervalPending: 0.35 }, // Tabang
	{ kec: '13', population: 55, deprivation: 0.45, ethnic: [0.25, 0.4, 0.3, 0.05], vervalPending: 0.05 }, // Samboja
	{ kec: '14', population: 42, deprivation: 0.5, ethnic: [0.3, 0.5, 0.17, 0.03], vervalPending: 0.06 }, // Muara Jawa
	{ kec: '15', population: 20, deprivation: 0.4, ethnic: [0.35, 0.27, 0.35, 0.03], vervalPending: 0.05 }, // Sanga Sanga
	{ kec: '16', population: 75, deprivation: 0.45, ethnic: [0.25, 0.15, 0.55, 0.05], vervalPending: 0.06 }, // Tenggarong Seberang
	{ kec: '17', population: 30, deprivation: 0.55, ethnic: [0.17, 0.5, 0.3, 0.03], vervalPending: 0.08 }, // Marang Kayu
	{ kec: '18', population: 9, deprivation: 0.95, ethnic: [0.9, 0.05, 0.03, 0.02], vervalPending: 0.3 }, // Muara Wis
	{ kec: '19', population: 16, deprivation: 0.65, ethnic: [0.4, 0.07, 0.5, 0.03], vervalPending: 0.1 }, // Kota Bangun Darat
	{ kec: '20', population: 30, deprivation: 0.5, ethnic: [0.2, 0.3, 0.45, 0.05], vervalPending: 0.06 } // Samboja Barat
];

export const ETHNICITIES: readonly Ethnicity[] = ['kutai', 'bugis', 'jawa', 'dayak'];

export interface SampleVillage {
	village: Village;
	profile: KecamatanProfile;
	/** Code parts: '06', '1001'. */
	kec: string;
	desa: string;
	/** 10 digits, undotted: '6402061001'. */
	kode10: string;
	/** Relative number of register families here. */
	weight: number;
	/** 0 … 1, the kecamatan's level adjusted for kelurahan and a stable per-village jitter. */
	deprivation: number;
	kelurahan: boolean;
	/** Places people here say they were born (village and kecamatan names). */
	localPlaces: readonly string[];
}

/** All 237 villages with their sampling weight (population × share of the poor) and poverty level. */
export function sampleVillages(reference: Reference = REFERENCE): SampleVillage[] {
	const profiles = new Map(KECAMATAN_PROFILES.map((p) => [p.kec, p]));
	return reference.villages.map((village) => {
		const [, , kec = '', desa = ''] = village.kode.split('.');
		const profile = profiles.get(kec);
		if (!profile) throw new Error(`No sample profile for kecamatan ${village.kecamatan_kode}`);
		const siblings = reference.villages.filter((v) => v.kecamatan_kode === village.kecamatan_kode);
		const kelurahan = village.jenis === 'kelurahan';
		const size = (v: Village) => (0.4 + 1.2 * unitHash(`${v.kode}:size`)) * (v.jenis === 'kelurahan' ? 2.2 : 1);
		const share = size(village) / siblings.reduce((sum, v) => sum + size(v), 0);
		const deprivation = Math.min(
			1,
			Math.max(0.02, profile.deprivation - (kelurahan ? 0.12 : 0) + (unitHash(`${village.kode}:dep`) - 0.5) * 0.2)
		);
		const registerShare = 0.18 + 0.2 * deprivation;
		return {
			village,
			profile,
			kec,
			desa,
			kode10: village.kode.replaceAll('.', ''),
			weight: profile.population * share * registerShare,
			deprivation,
			kelurahan,
			localPlaces: [village.nama, village.kecamatan_nama, village.nama]
		};
	});
}

/** Regions outside Kukar where some residents' NIK or KK was issued (province+kabupaten, number of kecamatan). */
const OTHER_REGIONS: readonly (readonly [string, number, number])[] = [
	['6472', 10, 30], // Samarinda
	['6471', 6, 20], // Balikpapan
	['6408', 18, 6], // Kutai Timur
	['6407', 16, 5], // Kutai Barat
	['6401', 10, 4], // Paser
	['7308', 27, 8], // Bone
	['7313', 14, 6], // Wajo
	['7371', 15, 4], // Makassar
	['6371', 5, 5], // Banjarmasin
	['3502', 21, 3], // Ponorogo
	['3578', 31, 3] // Surabaya
];

function otherRegion(rng: Rng): string {
	const [prefix, kecCount] = rng.weighted(OTHER_REGIONS.map((r) => [r, r[2]] as const));
	return `${prefix}${String(rng.int(1, kecCount)).padStart(2, '0')}`;
}

/**
 * The six-digit region where a NIK was issued: usually the person's own kecamatan, sometimes the parent
 * kecamatan before a split (Kota Bangun Darat from Kota Bangun, Samboja Barat from Samboja), and a few
 * per cent elsewhere (the NIK prefix is where it was issued, not the domicile).
 */
export function nikRegion(rng: Rng, kec: string, birthYear: number, outsideShare: number): string {
	if (rng.chance(outsideShare)) return otherRegion(rng);
	if (birthYear < 2019 && rng.chance(0.6)) {
		if (kec === '19') return '640208';
		if (kec === '20') return '640213';
	}
	return `6402${kec}`;
}

export function kkRegion(rng: Rng, kec: string): string {
	return rng.chance(0.02) ? otherRegion(rng) : `6402${kec}`;
}

/** Hands out unique 16-digit numbers: 6-digit region + DDMMYY + 4-digit serial per (region, date). */
export class NumberIssuer {
	private readonly serials = new Map<string, number>();

	issue(region: string, ddmmyy: string): string {
		const prefix = region + ddmmyy;
		const next = (this.serials.get(prefix) ?? 0) + 1;
		if (next > 9999) throw new Error(`Serial overflow for ${prefix}`);
		this.serials.set(prefix, next);
		return prefix + String(next).padStart(4, '0');
	}
}

/** DDMMYY of an ISO date; women's day + 40 (NIK rule). */
export function ddmmyy(isoDate: string, female: boolean): string {
	const day = Number(isoDate.slice(8, 10)) + (female ? 40 : 0);
	return `${String(day).padStart(2, '0')}${isoDate.slice(5, 7)}${isoDate.slice(2, 4)}`;
}
