/**
 * Where the synthetic register lives: the villages of its regency (Kukar's bundled data/reference.json
 * by default) with a sampling weight and poverty level each, from their kecamatan's profile.
 */
import referenceJson from '../../../data/reference.json';
import type { Reference, Village } from '../core/reference';
import type { Ethnicity } from './names';
import { kecamatanProfiles, derivedProfile, type KecamatanProfile } from './profiles';
import { unitHash } from './prng';

export const REFERENCE: Reference = referenceJson as Reference;

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

/** Every village of the reference with its sampling weight (population × share of the poor) and poverty level. */
export function sampleVillages(reference: Reference = REFERENCE): SampleVillage[] {
	const profiles = kecamatanProfiles(reference);
	return reference.villages.map((village) => {
		const [, , kec = '', desa = ''] = village.kode.split('.');
		const profile = profiles.get(village.kecamatan_kode) ?? derivedProfile(village.kecamatan_kode);
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

/** Towns people of the regency were born in besides their own village: Kukar's are known, elsewhere its kecamatan. */
export function regionalBirthPlaces(reference: Reference): readonly string[] {
	return reference.kabupaten.kode === '64.02' ? ['Tenggarong', 'Samarinda', 'Balikpapan'] : reference.kecamatan.map((k) => k.nama);
}
