/**
 * How many people each kecamatan holds and how poor it is, for spreading the synthetic register.
 * Kukar's are rough estimates of its 20 kecamatan; any other kecamatan gets a profile derived from a
 * hash of its code, so a regency's sample is the same on every run without anyone writing its profiles.
 */
import type { Reference } from '../core/reference';
import { unitHash } from './prng';

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

const KUKAR = '64.02';

/** Population figures are rounded estimates for spreading people realistically, not official counts. */
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

/** Names of every community equally: no regency but Kukar has a known mix. */
const NEUTRAL_ETHNIC = [0.25, 0.25, 0.25, 0.25] as const;

/**
 * A kecamatan's profile from its dotted code alone: 5–65 thousand residents, deprivation 0.2–0.85, and
 * more families still awaiting verval where it is poorer (remote kecamatan report late), as in Kukar.
 */
export function derivedProfile(kode: string): KecamatanProfile {
	const deprivation = 0.2 + 0.65 * unitHash(`${kode}:profile:deprivation`);
	return {
		kec: kode.slice(-2),
		population: 5 + 60 * unitHash(`${kode}:profile:population`),
		deprivation,
		ethnic: NEUTRAL_ETHNIC,
		vervalPending: 0.02 + 0.2 * deprivation + 0.08 * unitHash(`${kode}:profile:verval`)
	};
}

/** Every kecamatan of the reference by dotted code: Kukar's own profile where there is one, else derived. */
export function kecamatanProfiles(reference: Reference): Map<string, KecamatanProfile> {
	const known = new Map<string, KecamatanProfile>(
		reference.kabupaten.kode === KUKAR ? KECAMATAN_PROFILES.map((p) => [`${KUKAR}.${p.kec}`, p]) : []
	);
	return new Map(reference.kecamatan.map((k) => [k.kode, known.get(k.kode) ?? derivedProfile(k.kode)]));
}
