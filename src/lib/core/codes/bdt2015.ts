import type { CodeTable } from './types';

/**
 * PBDT-2015 / BDT-era DTKS code lists (../shared/DOMAIN.md §2a, §2c; questions b3r* and b4k*).
 * Codes are zero-padded in the questionnaire ('09'); '9' matches too.
 */
export const BDT2015_CODES: CodeTable = {
	id: 'bdt2015',
	title: 'PBDT 2015 / DTKS',
	fields: {
		tenure: [
			['1', 'own', 'milik sendiri'],
			['2', 'rent', 'kontrak/sewa', 'kontrak', 'sewa'],
			['3', 'rent_free', 'bebas sewa'],
			['4', 'official', 'dinas'],
			['5', 'other', 'lainnya']
		],
		land_own: [
			['1', 'own', 'milik sendiri'],
			['2', 'others', 'milik orang lain'],
			['3', 'state', 'tanah negara'],
			['4', 'other', 'lainnya']
		],
		floor: [
			['01', 'marble_granite', 'marmer/granit'],
			['02', 'ceramic', 'keramik'],
			['03', 'parquet_vinyl', 'parket/vinil/permadani', 'parket/vinil'],
			['04', 'tile_terrazzo', 'ubin/tegel/teraso', 'ubin/tegel'],
			['05', 'wood_good', 'kayu/papan kualitas tinggi'],
			['06', 'cement_brick', 'sementara/bata merah', 'semen/bata merah'],
			['07', 'bamboo', 'bambu'],
			['08', 'wood_poor', 'kayu/papan kualitas rendah'],
			['09', 'earth', 'tanah'],
			['10', 'other', 'lainnya']
		],
		wall: [
			['1', 'masonry', 'tembok'],
			['2', 'plastered_bamboo', 'plesteran anyaman bambu/kawat'],
			['3', 'wood', 'kayu'],
			['4', 'woven_bamboo', 'anyaman bambu'],
			['5', 'log', 'batang kayu'],
			['6', 'bamboo', 'bambu'],
			['7', 'other', 'lainnya']
		],
		wall_condition: [
			['1', 'good', 'bagus/kualitas tinggi', 'bagus'],
			['2', 'poor', 'jelek/kualitas rendah', 'jelek']
		],
		roof: [
			['01', 'concrete', 'beton/genteng beton', 'beton'],
			['02', 'ceramic_tile', 'genteng keramik'],
			['03', 'metal_tile', 'genteng metal'],
			['04', 'clay_tile', 'genteng tanah liat'],
			['05', 'asbestos', 'asbes'],
			['06', 'zinc', 'seng'],
			['07', 'shingle', 'sirap'],
			['08', 'bamboo', 'bambu'],
			['09', 'thatch', 'jerami/ijuk/daun-daunan/rumbia', 'jerami/ijuk/daun'],
			['10', 'other', 'lainnya']
		],
		roof_condition: [
			['1', 'good', 'bagus/kualitas tinggi', 'bagus'],
			['2', 'poor', 'jelek/kualitas rendah', 'jelek']
		],
		water: [
			['01', 'bottled', 'air kemasan bermerk', 'air kemasan'],
			['02', 'refill', 'air isi ulang'],
			['03', 'tap_metered', 'leding meteran'],
			['04', 'tap_retail', 'leding eceran'],
			['05', 'bore_well', 'sumur bor/pompa'],
			['06', 'protected_well', 'sumur terlindung'],
			['07', 'unprotected_well', 'sumur tak terlindung'],
			['08', 'protected_spring', 'mata air terlindung'],
			['09', 'unprotected_spring', 'mata air tak terlindung'],
			['10', 'surface', 'air sungai/danau/waduk', 'sungai/danau/waduk'],
			['11', 'rain', 'air hujan'],
			['12', 'other', 'lainnya']
		],
		lighting: [
			['1', 'pln', 'listrik pln'],
			['2', 'non_pln', 'listrik non pln', 'listrik non-pln'],
			['3', 'none', 'bukan listrik']
		],
		fuel: [
			['1', 'electricity', 'listrik'],
			['2', 'lpg_large', 'gas > 3 kg', 'gas lebih dari 3 kg'],
			['3', 'lpg_3kg', 'gas 3 kg'],
			['4', 'town_gas_biogas', 'gas kota/biogas'],
			['5', 'kerosene', 'minyak tanah'],
			['6', 'briquette', 'briket'],
			['7', 'charcoal', 'arang'],
			['8', 'firewood', 'kayu bakar'],
			['9', 'none', 'tidak memasak di rumah', 'tidak memasak']
		],
		toilet: [
			['1', 'own', 'sendiri'],
			['2', 'shared', 'bersama'],
			['3', 'public', 'umum'],
			['4', 'none', 'tidak ada']
		],
		closet: [
			['1', 'goose_neck', 'leher angsa'],
			['2', 'plengsengan', 'plengsengan'],
			['3', 'pit', 'cemplung/cubluk', 'cemplung'],
			['4', 'none', 'tidak pakai', 'tidak ada']
		],
		disposal: [
			['1', 'septic_tank', 'tangki', 'tangki septik'],
			['2', 'spal', 'spal'],
			['3', 'hole', 'lubang tanah'],
			['4', 'water_body', 'kolam/sawah/sungai/danau/laut'],
			['5', 'open_ground', 'pantai/tanah lapang/kebun'],
			['6', 'other', 'lainnya']
		],
		// Verval outcome labels as the field teams write them (§2e); no numeric codes are known.
		verval_status: [
			['', 'found', 'ditemukan'],
			['', 'not_found', 'tidak ditemukan'],
			['', 'deceased', 'meninggal', 'meninggal dunia'],
			['', 'moved', 'pindah'],
			['', 'well_off', 'mampu'],
			['', 'out_of_regency', 'di luar kabupaten', 'luar kabupaten'],
			['', 'unverified', 'belum diverifikasi', 'belum verval']
		],
		sex: [
			['1', 'M', 'laki-laki', 'laki laki', 'l', 'lk'],
			['2', 'F', 'perempuan', 'p', 'pr']
		],
		relation: [
			['1', 'head', 'kepala rumah tangga'],
			['2', 'spouse', 'istri/suami', 'istri', 'suami'],
			['3', 'child', 'anak'],
			['4', 'child_in_law', 'menantu'],
			['5', 'grandchild', 'cucu'],
			['6', 'parent', 'orang tua/mertua', 'orang tua', 'mertua'],
			['7', 'servant', 'pembantu ruta', 'pembantu'],
			['8', 'other', 'lainnya']
		],
		school_participation: [
			['0', 'never', 'tidak/belum pernah sekolah', 'belum pernah sekolah'],
			['1', 'in_school', 'masih sekolah'],
			['2', 'no_longer', 'tidak bersekolah lagi', 'tidak sekolah lagi']
		],
		level: [
			['01', 'sd', 'sd/sdlb', 'sd'],
			['02', 'paket_a', 'paket a'],
			['03', 'mi', 'm. ibtidaiyah', 'mi'],
			['04', 'smp', 'smp/smplb', 'smp'],
			['05', 'paket_b', 'paket b'],
			['06', 'mts', 'm. tsanawiyah', 'mts'],
			['07', 'sma_smk', 'sma/smk/smalb', 'sma/smk'],
			['08', 'paket_c', 'paket c'],
			['09', 'ma', 'm. aliyah', 'ma'],
			['10', 'higher', 'perguruan tinggi']
		],
		certificate: [
			['0', 'none', 'tidak punya ijazah', 'tidak punya'],
			['1', 'sd', 'sd/sederajat', 'sd'],
			['2', 'smp', 'smp/sederajat', 'smp'],
			['3', 'sma_smk', 'sma/sederajat', 'sma'],
			['4', 'd1_d3', 'd1/d2/d3'],
			['5', 'd4_s1', 'd4/s1'],
			['6', 's2_s3', 's2/s3']
		],
		disability_type: [
			['00', 'none', 'tidak cacat', 'tidak ada'],
			[['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'], 'disabled']
		]
	}
};
