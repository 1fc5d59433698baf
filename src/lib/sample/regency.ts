/**
 * The regency a synthetic register is drawn for: its village reference and its province's name, which
 * the extracts write but a Reference does not hold. Kukar's bundled reference is the default (and the
 * bundled sample's); any other regency comes from Indonesia's list through a WilayahSource, so the
 * generator itself reads no files.
 */
import type { Reference } from '../core/reference';
import { findRegency, regencyReference, type WilayahSource } from '../core/wilayah';
import { REFERENCE } from './region';

export interface SampleRegency {
	reference: Reference;
	/** As Kemendagri writes it: 'Kalimantan Timur'. */
	provinsi: string;
}

export const KUKAR_SAMPLE_REGENCY: SampleRegency = { reference: REFERENCE, provinsi: 'Kalimantan Timur' };

/** The regency's code parts as register columns write them: '64', '03' and '6403'. */
export function regencyDigits(regency: SampleRegency): { prov: string; kab: string; prefix: string } {
	const [prov = '', kab = ''] = regency.reference.kabupaten.kode.split('.');
	return { prov, kab, prefix: `${prov}${kab}` };
}

/**
 * The regency of `kode` (6403, 64.03 …) from Indonesia's list. Refused, in Indonesian, when the code
 * names no regency or the list has no village of it.
 */
export async function loadSampleRegency(source: WilayahSource, kode: string): Promise<SampleRegency> {
	const regency = findRegency(await source.index(), kode);
	if (!regency) {
		throw new Error(
			`Kabupaten/kota '${kode}' tidak ada dalam daftar wilayah Indonesia. Tulis kode Kemendagri empat angka, mis. 64.03 (Berau) atau 6402 (Kutai Kartanegara).`
		);
	}
	const reference = regencyReference(regency, await source.province(regency.kode.slice(0, 2)));
	if (reference.villages.length === 0) {
		throw new Error(`${regency.nama} (${regency.kode}) tidak punya desa/kelurahan dalam daftar wilayah Indonesia.`);
	}
	return { reference, provinsi: regency.provinsi };
}
