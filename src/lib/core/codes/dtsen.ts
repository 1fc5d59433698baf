import type { CodeRows, CodeTable } from './types';

/**
 * Regsosek 2022 / DTSEN code lists (../shared/DOMAIN.md §2b, §2c, §2e). Codes are the questionnaire
 * numbers; labels are the Indonesian option texts (and a few common short forms) for exports that
 * write labels instead of numbers.
 */
/** Regsosek level of education (§2c); the certificate list is the same plus "none". */
const LEVELS: CodeRows<'level'> = [
	['1', 'paket_a', 'paket a'],
	['2', 'sdlb', 'sdlb'],
	['3', 'sd', 'sd'],
	['4', 'mi', 'mi'],
	['5', 'spm_ula', 'spm/pdf ula'],
	['6', 'paket_b', 'paket b'],
	['7', 'smplb', 'smplb'],
	['8', 'smp', 'smp'],
	['9', 'mts', 'mts'],
	['10', 'spm_wustha', 'spm/pdf wustha'],
	['11', 'paket_c', 'paket c'],
	['12', 'smlb', 'smlb'],
	['13', 'sma', 'sma'],
	['14', 'ma', 'ma'],
	['15', 'smk', 'smk'],
	['16', 'mak', 'mak'],
	['17', 'spm_ulya', 'spm/pdf ulya'],
	['18', 'd1_d3', 'd1/d2/d3', 'd1-d3'],
	['19', 'd4_s1', 'd4/s1'],
	['20', 'profesi', 'profesi'],
	['21', 's2', 's2'],
	['22', 's3', 's3']
];

export const DTSEN_CODES: CodeTable = {
	id: 'dtsen',
	title: 'Regsosek 2022 / DTSEN',
	fields: {
		tenure: [
			['1', 'own', 'milik sendiri'],
			['2', 'rent', 'kontrak/sewa', 'kontrak', 'sewa'],
			['3', 'rent_free', 'bebas sewa'],
			['4', 'official', 'dinas'],
			['5', 'other', 'lainnya']
		],
		// [verify] S11 gives only the ends (1 SHM in a member's name … 6 none); 2–5 are other proofs.
		land_own: [
			['1', 'own', 'shm atas nama anggota keluarga'],
			[['2', '3', '4', '5'], 'other_proof'],
			['6', 'none', 'tidak punya', 'tidak ada']
		],
		floor: [
			['1', 'marble_granite', 'marmer/granit', 'marmer', 'granit'],
			['2', 'ceramic', 'keramik'],
			['3', 'parquet_vinyl', 'parket/vinil/karpet', 'parket/vinil', 'parket', 'vinil'],
			['4', 'tile_terrazzo', 'ubin/tegel/teraso', 'ubin/tegel', 'ubin', 'tegel', 'teraso'],
			['5', 'wood', 'kayu/papan', 'kayu', 'papan'],
			['6', 'cement_brick', 'semen/bata merah', 'semen', 'plesteran'],
			['7', 'bamboo', 'bambu'],
			['8', 'earth', 'tanah'],
			['9', 'other', 'lainnya']
		],
		wall: [
			['1', 'masonry', 'tembok'],
			['2', 'plastered_bamboo', 'plesteran anyaman bambu/kawat', 'plesteran anyaman bambu'],
			['3', 'wood', 'kayu/papan/gypsum/grc/calciboard', 'kayu/papan', 'kayu'],
			['4', 'woven_bamboo', 'anyaman bambu'],
			['5', 'log', 'batang kayu'],
			['6', 'bamboo', 'bambu'],
			['7', 'other', 'lainnya']
		],
		roof: [
			['1', 'concrete', 'beton'],
			['2', 'tile', 'genteng'],
			['3', 'zinc', 'seng'],
			['4', 'asbestos', 'asbes'],
			['5', 'bamboo', 'bambu'],
			['6', 'shingle', 'kayu/sirap', 'sirap'],
			['7', 'thatch', 'jerami/ijuk/daun-daunan/rumbia', 'jerami/ijuk/daun', 'jerami', 'ijuk', 'rumbia'],
			['8', 'other', 'lainnya']
		],
		water: [
			['1', 'bottled', 'air kemasan bermerk', 'air kemasan'],
			['2', 'refill', 'air isi ulang', 'isi ulang'],
			['3', 'tap', 'leding', 'ledeng'],
			['4', 'bore_well', 'sumur bor/pompa', 'sumur bor'],
			['5', 'protected_well', 'sumur terlindung'],
			['6', 'unprotected_well', 'sumur tak terlindung', 'sumur tidak terlindung'],
			['7', 'protected_spring', 'mata air terlindung'],
			['8', 'unprotected_spring', 'mata air tak terlindung', 'mata air tidak terlindung'],
			['9', 'surface', 'air permukaan (sungai/danau/waduk/kolam/irigasi)', 'air permukaan', 'sungai'],
			['10', 'rain', 'air hujan'],
			['11', 'other', 'lainnya']
		],
		lighting: [
			['1', 'pln_metered', 'listrik pln dengan meteran', 'pln dengan meteran'],
			['2', 'pln_unmetered', 'listrik pln tanpa meteran', 'pln tanpa meteran'],
			['3', 'non_pln', 'listrik non-pln', 'listrik non pln', 'non-pln'],
			['4', 'none', 'bukan listrik', 'tidak ada']
		],
		fuel: [
			['0', 'none', 'tidak memasak di rumah', 'tidak memasak'],
			['1', 'electricity', 'listrik'],
			['2', 'lpg_5_5kg', 'lpg 5,5 kg', 'elpiji 5,5 kg'],
			['3', 'lpg_12kg', 'lpg 12 kg', 'elpiji 12 kg'],
			['4', 'lpg_3kg', 'lpg 3 kg', 'elpiji 3 kg'],
			['5', 'town_gas', 'gas kota'],
			['6', 'biogas', 'biogas'],
			['7', 'kerosene', 'minyak tanah'],
			['8', 'briquette', 'briket'],
			['9', 'charcoal', 'arang'],
			['10', 'firewood', 'kayu bakar'],
			['11', 'other', 'lainnya']
		],
		toilet: [
			['1', 'own', 'ada, digunakan hanya anggota keluarga sendiri', 'milik sendiri', 'sendiri'],
			['2', 'shared', 'ada, digunakan bersama anggota keluarga dari keluarga tertentu', 'bersama'],
			['3', 'communal', 'ada, di mck komunal', 'mck komunal'],
			['4', 'public', 'ada, di mck umum/siapapun menggunakan', 'mck umum', 'umum'],
			['5', 'unused', 'ada, anggota keluarga tidak menggunakan'],
			['6', 'none', 'tidak ada fasilitas', 'tidak ada']
		],
		closet: [
			['1', 'goose_neck', 'leher angsa'],
			['2', 'plengsengan_lid', 'plengsengan dengan tutup'],
			['3', 'plengsengan_no_lid', 'plengsengan tanpa tutup'],
			['4', 'pit', 'cemplung/cubluk', 'cemplung', 'cubluk']
		],
		disposal: [
			['1', 'septic_tank', 'tangki septik', 'septic tank'],
			['2', 'ipal', 'ipal'],
			['3', 'water_body', 'kolam/sawah/sungai/danau/laut', 'sungai'],
			['4', 'hole', 'lubang tanah'],
			['5', 'open_ground', 'pantai/tanah lapang/kebun', 'tanah lapang'],
			['6', 'other', 'lainnya']
		],
		// §2e: the DTSEN assessment app codes 1 found, 2 moved, 3 deceased, 4 not found; labels as exported.
		verval_status: [
			['1', 'found', 'ditemukan', 'ditemukan/aktif', 'aktif'],
			['2', 'moved', 'pindah'],
			['3', 'deceased', 'meninggal', 'meninggal dunia'],
			['4', 'not_found', 'tidak ditemukan'],
			['', 'well_off', 'mampu'],
			['', 'out_of_regency', 'di luar kabupaten', 'luar kabupaten'],
			['', 'unverified', 'belum diverifikasi', 'belum verval']
		],
		sex: [
			['1', 'M', 'laki-laki', 'laki laki', 'l', 'lk'],
			['2', 'F', 'perempuan', 'p', 'pr']
		],
		relation: [
			['1', 'head', 'kepala keluarga'],
			['2', 'spouse', 'istri/suami', 'istri', 'suami'],
			['3', 'child', 'anak'],
			['4', 'child_in_law', 'menantu'],
			['5', 'grandchild', 'cucu'],
			['6', 'parent', 'orang tua/mertua', 'orang tua', 'mertua'],
			['7', 'servant', 'pembantu/sopir', 'pembantu', 'sopir'],
			['8', 'other', 'lainnya']
		],
		school_participation: [
			['1', 'never', 'tidak/belum pernah sekolah', 'tidak/belum sekolah', 'belum pernah sekolah'],
			['2', 'in_school', 'masih sekolah'],
			['3', 'no_longer', 'tidak bersekolah lagi', 'tidak sekolah lagi']
		],
		level: LEVELS,
		// Same list as the level plus "none" (23 per S11) [?].
		certificate: [...LEVELS, ['23', 'none', 'tidak punya ijazah', 'tidak punya']],
		difficulty: [
			['1', 'cannot', 'tidak bisa sama sekali'],
			['2', 'a_lot', 'ya, banyak kesulitan', 'banyak kesulitan'],
			['3', 'a_little', 'ya, sedikit kesulitan', 'sedikit kesulitan'],
			['4', 'none', 'tidak mengalami kesulitan', 'tidak']
		]
	}
};
