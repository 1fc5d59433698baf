/**
 * Built-in synthetic Indonesian names for the sample register: common given names of the Kutai/Banjar,
 * Bugis, Javanese and Dayak communities of Kutai Kartanegara, combined at random. No real person's data.
 */
import type { Rng } from './prng';

export type Ethnicity = 'kutai' | 'bugis' | 'jawa' | 'dayak';

interface NameLists {
	male: readonly string[];
	female: readonly string[];
	/** Second words; combined with any first name of the same sex. */
	maleSecond: readonly string[];
	femaleSecond: readonly string[];
	/** Birth places outside Kukar for people born before about 1995 (migrants). */
	origins: readonly string[];
}

const LISTS: Record<Ethnicity, NameLists> = {
	kutai: {
		male: [
			'Abdul',
			'Ahmad',
			'Muhammad',
			'Rusdi',
			'Syahrani',
			'Hamdani',
			'Jumadi',
			'Aji',
			'Awang',
			'Masrani',
			'Fahruddin',
			'Saiful',
			'Rahmadi',
			'Zainal',
			'Husin',
			'Irwansyah',
			'Akhmad',
			'Hairil',
			'Samsul',
			'Norhadi',
			'Jailani',
			'Hasan',
			'Arbain',
			'Ardiansyah',
			'Bahrun',
			'Darmansyah',
			'Effendi',
			'Gusti',
			'Ismail',
			'Mahyudin'
		],
		female: [
			'Siti',
			'Noor',
			'Hasnah',
			'Aminah',
			'Rusmini',
			'Masitah',
			'Jumiati',
			'Salmah',
			'Fatimah',
			'Rahmah',
			'Norhayati',
			'Hamidah',
			'Jamilah',
			'Kartini',
			'Mariam',
			'Rabiatul',
			'Saniah',
			'Zubaidah',
			'Aisyah',
			'Hayati',
			'Dayang',
			'Halimah',
			'Nurul',
			'Rosita',
			'Syamsiah',
			'Wardah'
		],
		maleSecond: [
			'Rahman',
			'Rasyid',
			'Hakim',
			'Syahrir',
			'Ansyari',
			'Yusuf',
			'Fauzi',
			'Hidayat',
			'Ramli',
			'Gazali',
			'Noor',
			'Arsyad',
			'Hamzah',
			'Idris',
			'Rifai'
		],
		femaleSecond: [
			'Rahmawati',
			'Hasanah',
			'Aulia',
			'Sari',
			'Jannah',
			'Hidayah',
			'Fitriani',
			'Maulida',
			'Rahmah',
			'Khadijah',
			'Anisa',
			'Zahra'
		],
		origins: ['Samarinda', 'Banjarmasin', 'Martapura', 'Amuntai', 'Kandangan', 'Barabai', 'Balikpapan']
	},
	bugis: {
		male: [
			'Andi',
			'Baso',
			'Ambo',
			'Muhammad',
			'Sulaiman',
			'Basri',
			'Hasanuddin',
			'Jamaluddin',
			'Syamsuddin',
			'Kamaruddin',
			'Ramli',
			'Rahman',
			'Haeruddin',
			'Mustari',
			'Nasir',
			'Amiruddin',
			'Lukman',
			'Sudirman',
			'Jufri',
			'Arifin',
			'Mansyur',
			'Safaruddin',
			'Tahir',
			'Umar'
		],
		female: [
			'Hasnawati',
			'Besse',
			'Sitti',
			'Indo',
			'Nurhayati',
			'Hasnah',
			'Rosmini',
			'Haslinda',
			'Megawati',
			'Ratna',
			'Suriani',
			'Hartati',
			'Jumriah',
			'Nurbaya',
			'Rahmatia',
			'Syamsiah',
			'Asmawati',
			'Nurmiati',
			'Kasmawati',
			'Hadijah'
		],
		maleSecond: [
			'Daeng',
			'Pawelloi',
			'Sampe',
			'Tang',
			'Rasyid',
			'Mappiare',
			'Abbas',
			'Latif',
			'Sultan',
			'Mappe',
			'Tenri',
			'Bakri',
			'Pallawa'
		],
		femaleSecond: ['Daeng', 'Tenri', 'Nurul', 'Sari', 'Intan', 'Ayu', 'Wati', 'Ningsih', 'Hamzah', 'Yusuf'],
		origins: ['Bone', 'Wajo', 'Sinjai', 'Soppeng', 'Sidrap', 'Pinrang', 'Pare-Pare', 'Bulukumba', 'Makassar', 'Mamuju']
	},
	jawa: {
		male: [
			'Slamet',
			'Suparman',
			'Sugianto',
			'Joko',
			'Wahyudi',
			'Agus',
			'Budi',
			'Bambang',
			'Sutrisno',
			'Suwarno',
			'Heru',
			'Eko',
			'Dwi',
			'Tri',
			'Puji',
			'Sukardi',
			'Widodo',
			'Purwanto',
			'Sumadi',
			'Paijo',
			'Sarno',
			'Suyitno',
			'Teguh',
			'Imam',
			'Rohmat',
			'Waluyo'
		],
		female: [
			'Sri',
			'Suryani',
			'Wahyuni',
			'Endang',
			'Sumiati',
			'Sulastri',
			'Tumini',
			'Painem',
			'Sutinah',
			'Wartini',
			'Suparmi',
			'Sunarsih',
			'Ngatini',
			'Rukmini',
			'Siti',
			'Dwi',
			'Tri',
			'Yuliani',
			'Winarti',
			'Sumarni',
			'Lestari'
		],
		maleSecond: [
			'Santoso',
			'Prasetyo',
			'Susanto',
			'Wibowo',
			'Setiawan',
			'Hartono',
			'Riyadi',
			'Utomo',
			'Nugroho',
			'Purnomo',
			'Raharjo',
			'Saputro',
			'Kuncoro'
		],
		femaleSecond: [
			'Lestari',
			'Rahayu',
			'Wulandari',
			'Handayani',
			'Astuti',
			'Ningsih',
			'Utami',
			'Kusumawati',
			'Susanti',
			'Purwanti',
			'Setyowati'
		],
		origins: [
			'Ponorogo',
			'Blitar',
			'Banyuwangi',
			'Kediri',
			'Lamongan',
			'Jember',
			'Madiun',
			'Ngawi',
			'Wonogiri',
			'Klaten',
			'Kebumen',
			'Cilacap',
			'Tulungagung'
		]
	},
	dayak: {
		male: [
			'Yohanes',
			'Stefanus',
			'Lukas',
			'Paulus',
			'Petrus',
			'Ding',
			'Lenjau',
			'Ajang',
			'Ngau',
			'Ibau',
			'Bilung',
			'Lahang',
			'Yosef',
			'Markus',
			'Simon',
			'Antonius',
			'Lawing',
			'Juk',
			'Bit',
			'Usat',
			'Ngang',
			'Bang'
		],
		female: [
			'Maria',
			'Lusia',
			'Yuliana',
			'Bungan',
			'Uyang',
			'Ping',
			'Lidia',
			'Martina',
			'Agustina',
			'Lenggang',
			'Ipah',
			'Hedang',
			'Ubung',
			'Ursula',
			'Rosalia',
			'Magdalena',
			'Yasinta',
			'Dina'
		],
		maleSecond: ['Lung', 'Ajang', 'Bilung', 'Ding', 'Ngau', 'Lenjau', 'Ibau', 'Usat', 'Jalung', 'Lawai'],
		femaleSecond: ['Bungan', 'Ping', 'Lahang', 'Uyang', 'Lenggang', 'Ubung', 'Dau', 'Anyeq'],
		origins: ['Long Bagun', 'Long Iram', 'Melak', 'Barong Tongkok', 'Long Apari', 'Malinau', 'Putussibau']
	}
};

/** Names that became common for children born from about 2000 on, across communities. */
const MODERN_MALE = [
	'Muhammad Rizky',
	'Dimas',
	'Rizky',
	'Fajar',
	'Aditya',
	'Ahmad Fauzan',
	'Raffi',
	'Farhan',
	'Alif',
	'Bagas',
	'Reza',
	'Fikri',
	'Arya',
	'Naufal',
	'Zaki',
	'Ilham',
	'Galih',
	'Rafa',
	'Daffa',
	'Hafiz',
	'Aldi',
	'Yoga',
	'Akbar',
	'Gilang',
	'Rendi'
];
const MODERN_FEMALE = [
	'Aisyah',
	'Nabila',
	'Putri',
	'Salsabila',
	'Zahra',
	'Aulia',
	'Nayla',
	'Keisya',
	'Anisa',
	'Dinda',
	'Intan',
	'Fitri',
	'Nadia',
	'Amelia',
	'Citra',
	'Alya',
	'Syifa',
	'Rahma',
	'Khansa',
	'Azzahra',
	'Tiara',
	'Nur Aini',
	'Dewi',
	'Ayu',
	'Safira'
];
const MODERN_MALE_SECOND = [
	'Saputra',
	'Pratama',
	'Ramadhan',
	'Firmansyah',
	'Maulana',
	'Hidayat',
	'Kurniawan',
	'Akbar',
	'Setiawan',
	'Nugraha',
	'Febriansyah',
	'Alfarizi'
];
const MODERN_FEMALE_SECOND = [
	'Putri',
	'Ramadhani',
	'Lestari',
	'Safitri',
	'Anggraini',
	'Maharani',
	'Aprilia',
	'Azzahra',
	'Kirana',
	'Nuraini',
	'Amalia',
	'Oktaviani'
];
const MODERN_DAYAK_MALE = ['Kristian', 'Yonatan', 'Gabriel', 'Mikael', 'Stevanus', 'Rafael', 'Natanael'];
const MODERN_DAYAK_FEMALE = ['Kristina', 'Angelina', 'Grasela', 'Natalia', 'Veronika', 'Feronika', 'Yohana'];

/** A synthetic full name. `birthYear` shifts the choice towards names common for that generation. */
export function personName(rng: Rng, ethnicity: Ethnicity, female: boolean, birthYear: number): string {
	const lists = LISTS[ethnicity];
	const modern = birthYear >= 1998 && rng.chance(Math.min(0.85, (birthYear - 1995) * 0.05));
	let first: string;
	let second: readonly string[];
	if (modern) {
		if (ethnicity === 'dayak') first = rng.pick(female ? MODERN_DAYAK_FEMALE : MODERN_DAYAK_MALE);
		else first = rng.pick(female ? MODERN_FEMALE : MODERN_MALE);
		second = female ? MODERN_FEMALE_SECOND : MODERN_MALE_SECOND;
		if (ethnicity === 'dayak' && rng.chance(0.6)) second = female ? lists.femaleSecond : lists.maleSecond;
	} else {
		first = rng.pick(female ? lists.female : lists.male);
		second = female ? lists.femaleSecond : lists.maleSecond;
	}
	const words = first.split(' ').length;
	const pSecond = ethnicity === 'jawa' && !modern ? 0.35 : words > 1 ? 0.3 : 0.7;
	if (rng.chance(pSecond)) {
		const extra = rng.pick(second);
		if (!first.includes(extra)) first = `${first} ${extra}`;
	}
	return first;
}

/** Where someone was born, for the BDT TmpLahir column: `towns` are the regency's own (regionalBirthPlaces). */
export function birthPlace(
	rng: Rng,
	ethnicity: Ethnicity,
	birthYear: number,
	localPlaces: readonly string[],
	towns: readonly string[]
): string {
	const migrantShare = birthYear < 1975 ? 0.55 : birthYear < 1995 ? 0.3 : 0.05;
	const pMigrant = ethnicity === 'dayak' ? migrantShare * 0.4 : migrantShare;
	if (rng.chance(pMigrant)) return rng.pick(LISTS[ethnicity].origins);
	if (rng.chance(0.15)) return rng.pick(towns);
	return rng.pick(localPlaces);
}

const STREETS = [
	'Jl. Pahlawan',
	'Jl. Mulawarman',
	'Jl. Wolter Monginsidi',
	'Jl. Ahmad Yani',
	'Jl. Diponegoro',
	'Jl. Gunung Belah',
	'Jl. Imam Bonjol',
	'Jl. Danau Aji',
	'Jl. Pesut',
	'Jl. Muso Salim',
	'Jl. Kartini',
	'Jl. Sudirman',
	'Jl. Poros',
	'Jl. Jembatan Besi',
	'Jl. Patin',
	'Jl. Gajah Mada',
	'Jl. Robert Wolter',
	'Jl. Hasanuddin',
	'Jl. Cendana',
	'Jl. Tepian Pandan',
	'Jl. Sultan Sulaiman',
	'Jl. Ki Hajar Dewantara',
	'Jl. Pelabuhan',
	'Jl. Sangkuriang',
	'Jl. Merdeka'
];
const DUSUN = [
	'Sumber Rejo',
	'Harapan Baru',
	'Suka Maju',
	'Karya Bakti',
	'Mekar Sari',
	'Bukit Indah',
	'Tanjung',
	'Muara',
	'Ulu',
	'Ilir',
	'Seberang',
	'Damai',
	'Makmur',
	'Sejahtera',
	'Sido Rejo',
	'Tani Mulya',
	'Lestari',
	'Rapak',
	'Pulau',
	'Sungai Kapih',
	'Loa',
	'Jaya',
	'Telaga',
	'Sentosa'
];

/** Addresses in the style of register extracts: 'RT 007 Dusun …' in a desa, 'Jl. … RT 012' in a kelurahan. */
export function address(rng: Rng, kelurahan: boolean, rt: number): string {
	const rtText = `RT ${String(rt).padStart(3, '0')}`;
	if (kelurahan || rng.chance(0.15)) {
		const gang = rng.chance(0.35) ? ` Gg. ${rng.int(1, 12)}` : '';
		return `${rng.pick(STREETS)}${gang} ${rtText}`;
	}
	return `${rtText} Dusun ${rng.pick(DUSUN)}`;
}
