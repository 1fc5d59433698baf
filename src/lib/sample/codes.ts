/**
 * Canonical values the generator draws, and their codes in each source schema (../shared/DOMAIN.md §2):
 * PBDT-2015 codes for the BDT/DTKS files, Regsosek 2022/DTSEN codes for the DTSEN files.
 * Two-digit PBDT lists are written zero-padded as in the questionnaire ('09').
 */

const pad2 = (n: number) => String(n).padStart(2, '0');

export const FLOORS = ['marmer', 'keramik', 'parket', 'ubin', 'kayu_baik', 'semen', 'bambu', 'kayu_rendah', 'tanah', 'lainnya'] as const;
export type Floor = (typeof FLOORS)[number];
/** b3r3: 01 … 10 in list order. */
export const BDT_FLOOR: Record<Floor, string> = Object.fromEntries(FLOORS.map((f, i) => [f, pad2(i + 1)])) as Record<Floor, string>;
/** Regsosek: 1 marble … 5 wood/board, 6 cement, 7 bamboo, 8 earth, 9 other (one wood code). */
export const DTSEN_FLOOR: Record<Floor, string> = {
	marmer: '1',
	keramik: '2',
	parket: '3',
	ubin: '4',
	kayu_baik: '5',
	semen: '6',
	bambu: '7',
	kayu_rendah: '5',
	tanah: '8',
	lainnya: '9'
};

export const WALLS = ['tembok', 'anyaman_plester', 'kayu', 'anyaman_bambu', 'batang_kayu', 'bambu', 'lainnya'] as const;
export type Wall = (typeof WALLS)[number];
/** b3r4a and Regsosek share 1 … 7. */
export const WALL_CODE: Record<Wall, string> = Object.fromEntries(WALLS.map((w, i) => [w, String(i + 1)])) as Record<Wall, string>;

export const ROOFS = [
	'beton',
	'genteng_keramik',
	'genteng_metal',
	'genteng_tanah',
	'asbes',
	'seng',
	'sirap',
	'bambu',
	'jerami',
	'lainnya'
] as const;
export type Roof = (typeof ROOFS)[number];
export const BDT_ROOF: Record<Roof, string> = Object.fromEntries(ROOFS.map((r, i) => [r, pad2(i + 1)])) as Record<Roof, string>;
/** Regsosek: 1 concrete, 2 tile, 3 zinc, 4 asbestos, 5 bamboo, 6 wood/shingle, 7 straw/leaves, 8 other. */
export const DTSEN_ROOF: Record<Roof, string> = {
	beton: '1',
	genteng_keramik: '2',
	genteng_metal: '2',
	genteng_tanah: '2',
	asbes: '4',
	seng: '3',
	sirap: '6',
	bambu: '5',
	jerami: '7',
	lainnya: '8'
};

export const WATERS = [
	'kemasan',
	'isi_ulang',
	'ledeng_meteran',
	'ledeng_eceran',
	'sumur_bor',
	'sumur_terlindung',
	'sumur_tak_terlindung',
	'mata_air_terlindung',
	'mata_air_tak_terlindung',
	'sungai',
	'hujan',
	'lainnya'
] as const;
export type Water = (typeof WATERS)[number];
export const BDT_WATER: Record<Water, string> = Object.fromEntries(WATERS.map((w, i) => [w, pad2(i + 1)])) as Record<Water, string>;
/** Regsosek: 1 bottled, 2 refill, 3 tap, 4 bore well, 5/6 protected/unprotected well, 7/8 spring, 9 surface, 10 rain, 11 other. */
export const DTSEN_WATER: Record<Water, string> = {
	kemasan: '1',
	isi_ulang: '2',
	ledeng_meteran: '3',
	ledeng_eceran: '3',
	sumur_bor: '4',
	sumur_terlindung: '5',
	sumur_tak_terlindung: '6',
	mata_air_terlindung: '7',
	mata_air_tak_terlindung: '8',
	sungai: '9',
	hujan: '10',
	lainnya: '11'
};
export const UNSAFE_WATERS: readonly Water[] = ['sumur_tak_terlindung', 'mata_air_tak_terlindung', 'sungai'];

export const LIGHTS = ['pln_meteran', 'pln_tanpa_meteran', 'non_pln', 'tidak_ada'] as const;
export type Light = (typeof LIGHTS)[number];
/** b3r9a: 1 PLN, 2 non-PLN, 3 none. */
export const BDT_LIGHT: Record<Light, string> = { pln_meteran: '1', pln_tanpa_meteran: '1', non_pln: '2', tidak_ada: '3' };
export const DTSEN_LIGHT: Record<Light, string> = { pln_meteran: '1', pln_tanpa_meteran: '2', non_pln: '3', tidak_ada: '4' };

export const FUELS = [
	'listrik',
	'lpg_besar',
	'lpg_3kg',
	'gas_kota',
	'minyak_tanah',
	'briket',
	'arang',
	'kayu_bakar',
	'tidak_memasak'
] as const;
export type Fuel = (typeof FUELS)[number];
/** b3r10: 1 … 9 in list order. */
export const BDT_FUEL: Record<Fuel, string> = Object.fromEntries(FUELS.map((f, i) => [f, String(i + 1)])) as Record<Fuel, string>;
/** Regsosek: 0 none, 1 electricity, 2 LPG 5.5 kg, 4 LPG 3 kg, 5 town gas, 7 kerosene, 8 briquette, 9 charcoal, 10 firewood. */
export const DTSEN_FUEL: Record<Fuel, string> = {
	listrik: '1',
	lpg_besar: '2',
	lpg_3kg: '4',
	gas_kota: '5',
	minyak_tanah: '7',
	briket: '8',
	arang: '9',
	kayu_bakar: '10',
	tidak_memasak: '0'
};

export const TOILETS = ['sendiri', 'bersama', 'umum', 'tidak_ada'] as const;
export type Toilet = (typeof TOILETS)[number];
export const BDT_TOILET: Record<Toilet, string> = { sendiri: '1', bersama: '2', umum: '3', tidak_ada: '4' };
export const DTSEN_TOILET: Record<Toilet, string> = { sendiri: '1', bersama: '2', umum: '4', tidak_ada: '6' };

export const CLOSETS = ['leher_angsa', 'plengsengan', 'plengsengan_terbuka', 'cemplung'] as const;
export type Closet = (typeof CLOSETS)[number];
/** b3r11b: 1 goose-neck, 2 plengsengan, 3 pit (4 = none, written when there is no toilet). */
export const BDT_CLOSET: Record<Closet, string> = { leher_angsa: '1', plengsengan: '2', plengsengan_terbuka: '2', cemplung: '3' };
export const DTSEN_CLOSET: Record<Closet, string> = { leher_angsa: '1', plengsengan: '2', plengsengan_terbuka: '3', cemplung: '4' };

export const DISPOSALS = ['tangki', 'spal', 'lubang', 'sungai', 'tanah_lapang', 'lainnya'] as const;
export type Disposal = (typeof DISPOSALS)[number];
export const BDT_DISPOSAL: Record<Disposal, string> = { tangki: '1', spal: '2', lubang: '3', sungai: '4', tanah_lapang: '5', lainnya: '6' };
export const DTSEN_DISPOSAL: Record<Disposal, string> = {
	tangki: '1',
	spal: '2',
	sungai: '3',
	lubang: '4',
	tanah_lapang: '5',
	lainnya: '6'
};

/** Education levels (jenjang) and certificates (ijazah). */
export const LEVELS = ['paket_a', 'sdlb', 'sd', 'mi', 'paket_b', 'smp', 'mts', 'paket_c', 'sma', 'ma', 'smk', 'd3', 's1', 's2'] as const;
export type Level = (typeof LEVELS)[number];
/** Regsosek level and certificate numbers (certificate 23 = none). */
export const DTSEN_LEVEL: Record<Level, string> = {
	paket_a: '1',
	sdlb: '2',
	sd: '3',
	mi: '4',
	paket_b: '6',
	smp: '8',
	mts: '9',
	paket_c: '11',
	sma: '13',
	ma: '14',
	smk: '15',
	d3: '18',
	s1: '19',
	s2: '21'
};
export const DTSEN_NO_CERTIFICATE = '23';
/** b4k16: 01 SD … 10 higher education. */
export const BDT_LEVEL: Record<Level, string> = {
	paket_a: '02',
	sdlb: '01',
	sd: '01',
	mi: '03',
	paket_b: '05',
	smp: '04',
	mts: '06',
	paket_c: '08',
	sma: '07',
	ma: '09',
	smk: '07',
	d3: '10',
	s1: '10',
	s2: '10'
};
/** b4k18: 0 none, 1 SD, 2 SMP, 3 SMA, 4 D1–D3, 5 D4/S1, 6 S2/S3. */
export const BDT_CERTIFICATE: Record<Level, string> = {
	paket_a: '1',
	sdlb: '1',
	sd: '1',
	mi: '1',
	paket_b: '2',
	smp: '2',
	mts: '2',
	paket_c: '3',
	sma: '3',
	ma: '3',
	smk: '3',
	d3: '4',
	s1: '5',
	s2: '6'
};
export const BDT_NO_CERTIFICATE = '0';

export type Participation = 'never' | 'still' | 'no_longer';
/** Regsosek 1 never, 2 still, 3 no longer; PBDT-2015 0 never, 1 still, 2 no longer. */
export const DTSEN_PARTICIPATION: Record<Participation, string> = { never: '1', still: '2', no_longer: '3' };
export const BDT_PARTICIPATION: Record<Participation, string> = { never: '0', still: '1', no_longer: '2' };

/** Kinds of disability the generator draws, with their PBDT-2015 b4k12 code and Regsosek difficulty domains (0-based, see DTSEN_DIFFICULTY_COLUMNS). */
export const DISABILITIES = {
	fisik: { bdt: '01', domains: [2, 3] },
	netra: { bdt: '02', domains: [0] },
	rungu: { bdt: '03', domains: [1] },
	wicara: { bdt: '04', domains: [6] },
	rungu_wicara: { bdt: '05', domains: [1, 6] },
	mental: { bdt: '10', domains: [4, 5] },
	fisik_mental: { bdt: '12', domains: [2, 4, 7] }
} as const;
export type Disability = keyof typeof DISABILITIES;

export const VERVAL_STATUSES = ['Ditemukan', 'Tidak Ditemukan', 'Meninggal', 'Pindah', 'Mampu', ''] as const;
export type VervalStatus = (typeof VERVAL_STATUSES)[number];

/** Yes/no flags in both schemas: 1 = ya, 2 = tidak (BPS questionnaire convention). */
export const yesNo = (value: boolean) => (value ? '1' : '2');

// ---- P3KE: text labels (src/lib/core/codes/p3ke.ts reads them; Regsosek option texts) -------------

export const P3KE_FLOOR: Record<Floor, string> = {
	marmer: 'Marmer/Granit',
	keramik: 'Keramik',
	parket: 'Parket/Vinil/Karpet',
	ubin: 'Ubin/Tegel/Teraso',
	kayu_baik: 'Kayu/Papan',
	semen: 'Semen/Bata Merah',
	bambu: 'Bambu',
	kayu_rendah: 'Kayu/Papan',
	tanah: 'Tanah',
	lainnya: 'Lainnya'
};
export const P3KE_WALL: Record<Wall, string> = {
	tembok: 'Tembok',
	anyaman_plester: 'Plesteran Anyaman Bambu/Kawat',
	kayu: 'Kayu/Papan/Gypsum/GRC/Calciboard',
	anyaman_bambu: 'Anyaman Bambu',
	batang_kayu: 'Batang Kayu',
	bambu: 'Bambu',
	lainnya: 'Lainnya'
};
export const P3KE_ROOF: Record<Roof, string> = {
	beton: 'Beton',
	genteng_keramik: 'Genteng',
	genteng_metal: 'Genteng',
	genteng_tanah: 'Genteng',
	asbes: 'Asbes',
	seng: 'Seng',
	sirap: 'Kayu/Sirap',
	bambu: 'Bambu',
	jerami: 'Jerami/Ijuk/Daun-daunan/Rumbia',
	lainnya: 'Lainnya'
};
export const P3KE_WATER: Record<Water, string> = {
	kemasan: 'Air Kemasan Bermerk',
	isi_ulang: 'Air Isi Ulang',
	ledeng_meteran: 'Leding',
	ledeng_eceran: 'Leding',
	sumur_bor: 'Sumur Bor/Pompa',
	sumur_terlindung: 'Sumur Terlindung',
	sumur_tak_terlindung: 'Sumur Tak Terlindung',
	mata_air_terlindung: 'Mata Air Terlindung',
	mata_air_tak_terlindung: 'Mata Air Tak Terlindung',
	sungai: 'Air Permukaan (Sungai/Danau/Waduk/Kolam/Irigasi)',
	hujan: 'Air Hujan',
	lainnya: 'Lainnya'
};
export const P3KE_LIGHT: Record<Light, string> = {
	pln_meteran: 'Listrik PLN dengan meteran',
	pln_tanpa_meteran: 'Listrik PLN tanpa meteran',
	non_pln: 'Listrik non-PLN',
	tidak_ada: 'Bukan listrik'
};
export const P3KE_FUEL: Record<Fuel, string> = {
	listrik: 'Listrik',
	lpg_besar: 'LPG 5,5 kg',
	lpg_3kg: 'LPG 3 kg',
	gas_kota: 'Gas kota',
	minyak_tanah: 'Minyak tanah',
	briket: 'Briket',
	arang: 'Arang',
	kayu_bakar: 'Kayu bakar',
	tidak_memasak: 'Tidak memasak di rumah'
};
export const P3KE_TOILET: Record<Toilet, string> = {
	sendiri: 'Ada, digunakan hanya anggota keluarga sendiri',
	bersama: 'Ada, digunakan bersama anggota keluarga dari keluarga tertentu',
	umum: 'Ada, di MCK umum/siapapun menggunakan',
	tidak_ada: 'Tidak ada fasilitas'
};
export const P3KE_SEX: Record<1 | 2, string> = { 1: 'Laki-laki', 2: 'Perempuan' };
/** Relation to the family (KK) head, DTSEN numbering 1 … 8. */
export const P3KE_RELATION: readonly string[] = [
	'',
	'Kepala Keluarga',
	'Istri/Suami',
	'Anak',
	'Menantu',
	'Cucu',
	'Orang Tua/Mertua',
	'Pembantu/Sopir',
	'Lainnya'
];
/** Dukcapil "pendidikan" (highest completed) from the certificate. */
export const P3KE_EDUCATION: Record<Level, string> = {
	paket_a: 'Tamat SD/Sederajat',
	sdlb: 'Tamat SD/Sederajat',
	sd: 'Tamat SD/Sederajat',
	mi: 'Tamat SD/Sederajat',
	paket_b: 'SLTP/Sederajat',
	smp: 'SLTP/Sederajat',
	mts: 'SLTP/Sederajat',
	paket_c: 'SLTA/Sederajat',
	sma: 'SLTA/Sederajat',
	ma: 'SLTA/Sederajat',
	smk: 'SLTA/Sederajat',
	d3: 'Akademi/Diploma III/Sarjana Muda',
	s1: 'Diploma IV/Strata I',
	s2: 'Strata II'
};
export const P3KE_NEVER_SCHOOLED = 'Tidak/Belum Sekolah';
export const P3KE_NO_CERTIFICATE = 'Belum Tamat SD/Sederajat';
