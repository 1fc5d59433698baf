/**
 * Column names of the source extracts Tepat reads, as they appear in the files (../shared/DOMAIN.md §2).
 * The sample generator writes exactly these; ingest recognises a source by them (and by aliases of its own).
 */

/** DTSEN family (keluarga) file, keyed by the 16-digit KK number (§2b). */
export const DTSEN_FAMILY_COLUMNS = [
	'nomor_kartu_keluarga',
	'kode_provinsi',
	'nama_provinsi',
	'kode_kabupaten_kota',
	'nama_kabupaten_kota',
	'kode_kecamatan',
	'nama_kecamatan',
	'kode_kelurahan_desa',
	'nama_kelurahan_desa',
	'alamat',
	'jumlah_anggota_keluarga',
	'nama_kepala_keluarga',
	'desil_nasional',
	'desil_provinsi',
	'desil_kabupaten_kota',
	'pbi_nas',
	'pbi_pemda',
	'id_pelanggan_pln',
	'status_kepemilikan_rumah',
	'bukti_kepemilikan_lahan',
	'jenis_lantai_terluas',
	'luas_lantai',
	'jenis_dinding_terluas',
	'jenis_atap_terluas',
	'sumber_air_minum_utama',
	'sumber_penerangan_utama',
	'daya_terpasang',
	'bahan_bakar_utama_memasak',
	'fasilitas_bab',
	'jenis_kloset',
	'pembuangan_akhir_tinja',
	'keluarga_dalam_rumah',
	/** Outcome of this year's field check (§2e), as a label: Ditemukan, Tidak Ditemukan, Meninggal, Pindah, Mampu; empty = not yet checked. */
	'status_verval'
] as const;

/** The nine functional-difficulty domains of Regsosek/DTSEN (§2c), coded 1 cannot at all … 4 none. */
export const DTSEN_DIFFICULTY_COLUMNS = [
	'kesulitan_melihat',
	'kesulitan_mendengar',
	'kesulitan_berjalan',
	'kesulitan_menggunakan_tangan',
	'kesulitan_mengingat',
	'kesulitan_perilaku',
	'kesulitan_berbicara',
	'kesulitan_mengurus_diri',
	'kesulitan_lainnya'
] as const;

/** DTSEN individual file, keyed by NIK, joined to the family by KK (§2c). */
export const DTSEN_PERSON_COLUMNS = [
	'nomor_induk_kependudukan',
	'nomor_kartu_keluarga',
	'nama',
	'tanggal_lahir',
	'usia',
	'jenis_kelamin',
	'status_hubungan_keluarga',
	'status_kawin',
	'partisipasi_sekolah',
	'jenjang_tertinggi_yang_diduduki',
	'kelas_tertinggi_yang_diduduki',
	'ijazah_tertinggi_yang_dimiliki',
	'status_bekerja',
	...DTSEN_DIFFICULTY_COLUMNS,
	'penyakit_kronis'
] as const;

/**
 * BDT/DTKS household (rumah tangga) file, keyed by IDBDT (§2a). Housing columns carry the PBDT-2015
 * codes of questions b3r1a … b3r12; ingest also accepts the question codes themselves as headers.
 */
export const BDT_HOUSEHOLD_COLUMNS = [
	'IDBDT',
	'KDPROP',
	'KDKAB',
	'KDKEC',
	'KDDESA',
	'NMDESA',
	'Alamat',
	'Nama_KRT',
	'Jumlah_ART',
	'Sta_bangunan', // b3r1a tenure
	'Sta_lahan', // b3r1b land
	'Luas_lantai', // b3r2 m²
	'Lantai', // b3r3
	'Dinding', // b3r4a
	'Kondisi_dinding', // b3r4b
	'Atap', // b3r5a
	'Kondisi_atap', // b3r5b
	'Sumber_airminum', // b3r7
	'Cara_peroleh_airminum', // b3r8
	'Sumber_penerangan', // b3r9a
	'Bb_masak', // b3r10
	'Fasbab', // b3r11a
	'Kloset', // b3r11b
	'Buang_tinja', // b3r12
	'Status_verval'
] as const;

/** The PBDT-2015 question code behind each named BDT housing column. */
export const BDT_QUESTION_CODES: Readonly<Record<string, string>> = {
	Sta_bangunan: 'b3r1a',
	Sta_lahan: 'b3r1b',
	Luas_lantai: 'b3r2',
	Lantai: 'b3r3',
	Dinding: 'b3r4a',
	Kondisi_dinding: 'b3r4b',
	Atap: 'b3r5a',
	Kondisi_atap: 'b3r5b',
	Sumber_airminum: 'b3r7',
	Cara_peroleh_airminum: 'b3r8',
	Sumber_penerangan: 'b3r9a',
	Bb_masak: 'b3r10',
	Fasbab: 'b3r11a',
	Kloset: 'b3r11b',
	Buang_tinja: 'b3r12'
};

/** BDT/DTKS member (ART) file, keyed by IDARTBDT, joined to the household by IDBDT (§2d). */
export const BDT_PERSON_COLUMNS = [
	'IDBDT',
	'IDARTBDT',
	'KDPROP',
	'KDKAB',
	'KDKEC',
	'KDDESA',
	'Nama',
	'JnsKel',
	'TmpLahir',
	'TglLahir',
	'NIK',
	'NoKK',
	'Hub_KRT',
	'Umur',
	'Sta_kawin',
	'Jenis_cacat',
	'Partisipasi_sekolah',
	'Pendidikan_tertinggi',
	'Kelas_tertinggi',
	'Ijazah_tertinggi',
	'Sta_Bekerja',
	'Lapangan_usaha',
	'Sta_keberadaan_art',
	'Ada_kks',
	'Ada_pbi',
	'Ada_kip',
	'Ada_pkh',
	'Ada_BPNT'
] as const;

/**
 * P3KE (Kemenko PMK) by-name extract (§2d): one row per person with the family's columns repeated,
 * keyed by `ID Keluarga P3KE`, village as the undotted 10-digit `kode_kemdagri`, housing and
 * education as text labels [verify against a real export], age-band flags 1/0.
 */
export const P3KE_AGE_BAND_COLUMNS = [
	'usia_0_6',
	'usia_7_12',
	'usia_13_15',
	'usia_16_18',
	'usia_19_21',
	'usia_22_59',
	'usia_60_keatas'
] as const;

export const P3KE_COLUMNS = [
	'ID Keluarga P3KE',
	'Provinsi',
	'Kabupaten/Kota',
	'Kecamatan',
	'Desa/Kelurahan',
	'kode_kemdagri',
	'desil_kesejahteraan',
	'alamat',
	'kepala_keluarga',
	'No KK',
	'NIK',
	'padan_dukcapil',
	'nama',
	'jenis_kelamin',
	'hubungan_keluarga',
	'tanggal_lahir',
	'pendidikan',
	'pekerjaan',
	...P3KE_AGE_BAND_COLUMNS,
	'jenis_atap',
	'jenis_dinding',
	'jenis_lantai',
	'sumber_air_minum',
	'sumber_penerangan',
	'bahan_bakar_memasak',
	'fasilitas_bab',
	'penerima_BPNT',
	'penerima_PKH',
	'penerima_Sembako',
	'penerima_BST',
	'resiko_stunting'
] as const;
