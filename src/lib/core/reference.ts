/** The regency's village reference: what every register row is checked and grouped against. */

/** A planning zone: Kukar's 'hulu' | 'tengah' | 'pesisir', or a regency's own (see zones.ts). */
export type Zone = string;
export type VillageKind = 'desa' | 'kelurahan';

export interface Kecamatan {
	/** Kemendagri code, dotted: `64.02.06`. */
	kode: string;
	nama: string;
	zona: Zone;
}

export interface Village {
	/** Kemendagri code, dotted: `64.02.06.1001`. */
	kode: string;
	nama: string;
	/** From the code: first digit of the last segment, 1 = kelurahan, 2 = desa. */
	jenis: VillageKind;
	kecamatan_kode: string;
	kecamatan_nama: string;
	zona: Zone;
}

export interface Reference {
	/** Kemendagri code ('64.02') and name as Kemendagri writes it ('Kabupaten Kutai Kartanegara'). */
	kabupaten: { kode: string; nama: string };
	kecamatan: Kecamatan[];
	villages: Village[];
	/** Licence notice of the codes, names (and bundled boundaries), shown in the app's credits. */
	attribution: string;
	/**
	 * Where the regency's islands lie, from Kemendagri's island list (degrees, and how many): a check on
	 * imported boundaries (geo/regency-extent.ts). Absent for a regency without islands.
	 */
	islands?: IslandExtent;
}

export interface IslandExtent {
	west: number;
	south: number;
	east: number;
	north: number;
	count: number;
}
