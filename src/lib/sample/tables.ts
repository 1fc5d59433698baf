/**
 * Renders a generated sample as the source files Tepat ingests: DTSEN keluarga/anggota/flat and BDT
 * rumahtangga/art/flat, as CSV text with exactly the column names of src/lib/core/sources/columns.ts.
 */
import {
	BDT_HOUSEHOLD_COLUMNS,
	BDT_PERSON_COLUMNS,
	DTSEN_FAMILY_COLUMNS,
	DTSEN_PERSON_COLUMNS,
	P3KE_COLUMNS
} from '../core/sources/columns';
import {
	BDT_CERTIFICATE,
	BDT_CLOSET,
	BDT_DISPOSAL,
	BDT_FLOOR,
	BDT_FUEL,
	BDT_LEVEL,
	BDT_LIGHT,
	BDT_NO_CERTIFICATE,
	BDT_PARTICIPATION,
	BDT_ROOF,
	BDT_TOILET,
	BDT_WATER,
	DISABILITIES,
	DTSEN_CLOSET,
	DTSEN_DISPOSAL,
	DTSEN_FLOOR,
	DTSEN_FUEL,
	DTSEN_LEVEL,
	DTSEN_LIGHT,
	DTSEN_NO_CERTIFICATE,
	DTSEN_PARTICIPATION,
	DTSEN_ROOF,
	DTSEN_TOILET,
	DTSEN_WATER,
	P3KE_EDUCATION,
	P3KE_FLOOR,
	P3KE_FUEL,
	P3KE_LIGHT,
	P3KE_NEVER_SCHOOLED,
	P3KE_NO_CERTIFICATE,
	P3KE_RELATION,
	P3KE_ROOF,
	P3KE_SEX,
	P3KE_TOILET,
	P3KE_WALL,
	P3KE_WATER,
	WALL_CODE,
	yesNo
} from './codes';
import type { Sample, SampleFamily, SampleHouse, SamplePerson } from './generate';
import { regencyDigits, type SampleRegency } from './regency';
import { regencyShortName } from '../core/wilayah';

export type SampleSchema = 'dtsen' | 'bdt' | 'p3ke';
export type SampleTableName = 'keluarga' | 'anggota' | 'flat' | 'rumahtangga' | 'art';

export interface SampleTable {
	schema: SampleSchema;
	table: SampleTableName;
	/** File name without extension, e.g. 'dtsen-keluarga'. */
	base: string;
	columns: readonly string[];
	rows: number;
	/**
	 * RFC 4180 CSV: header line, comma-separated, fields quoted only when needed, '\n' line ends. Joined
	 * when read: past about 2.5M flat rows it is longer than a JavaScript string may be, so files are
	 * written from `csvChunks`.
	 */
	readonly csv: string;
	/** The same CSV in pieces of a few thousand lines, header first. */
	csvChunks: readonly string[];
}

/** Schemas written by default (the bundled sample and `npm run sample`). */
export const SAMPLE_SCHEMAS: readonly SampleSchema[] = ['dtsen', 'bdt'];
/** Every schema the generator can write; P3KE on request. */
export const ALL_SAMPLE_SCHEMAS: readonly SampleSchema[] = ['dtsen', 'bdt', 'p3ke'];

/** The regency's codes and names as the register columns write them. */
interface RegencyColumns {
	prov: string;
	provNama: string;
	/** Two-digit regency part (BDT KDKAB) and province+regency (DTSEN kode_kabupaten_kota). */
	kab: string;
	prefix: string;
	/** Without 'Kabupaten'/'Kota', as the extracts write it. */
	kabNama: string;
}

function regencyColumns(regency: SampleRegency): RegencyColumns {
	return { ...regencyDigits(regency), provNama: regency.provinsi, kabNama: regencyShortName(regency.reference.kabupaten.nama) };
}

type DtsenFamilyRow = Record<(typeof DTSEN_FAMILY_COLUMNS)[number], string>;
type DtsenPersonRow = Record<(typeof DTSEN_PERSON_COLUMNS)[number], string>;
type BdtHouseholdRow = Record<(typeof BDT_HOUSEHOLD_COLUMNS)[number], string>;
type BdtPersonRow = Record<(typeof BDT_PERSON_COLUMNS)[number], string>;
type P3keRow = Record<(typeof P3KE_COLUMNS)[number], string>;

const NEEDS_QUOTES = /[",\n\r]/;
export function csvField(value: string): string {
	return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line. Built with join so the result is a flat string, not a rope (keeps memory low at 200k rows). */
function csvLine(values: readonly string[]): string {
	const fields = new Array<string>(values.length);
	for (let i = 0; i < values.length; i++) fields[i] = csvField(values[i] ?? '');
	return fields.join(',');
}

/**
 * Collects CSV lines and joins them into flat chunks every few thousand lines, so the per-line strings
 * die young instead of piling up in the old generation (much less GC at 200k rows).
 */
class CsvText {
	private readonly chunks: string[] = [];
	private lines: string[] = [];
	rows = 0;

	push(line: string): void {
		this.lines.push(line);
		this.rows++;
		if (this.lines.length === 4096) this.flush();
	}

	private flush(): void {
		if (this.lines.length) this.chunks.push(`${this.lines.join('\n')}\n`);
		this.lines = [];
	}

	/** The header line, then the rows in chunks. */
	pieces(header: readonly string[]): string[] {
		this.flush();
		return [`${csvLine(header)}\n`, ...this.chunks];
	}
}

/** Columns holding free text (names, addresses, places); every other column is codes, digits or dates. */
const TEXT_COLUMNS: ReadonlySet<string> = new Set([
	'nama_provinsi',
	'nama_kabupaten_kota',
	'nama_kecamatan',
	'nama_kelurahan_desa',
	'alamat',
	'nama_kepala_keluarga',
	'nama',
	'NMDESA',
	'Alamat',
	'Nama_KRT',
	'Nama',
	'TmpLahir',
	'Provinsi',
	'Kabupaten/Kota',
	'Kecamatan',
	'Desa/Kelurahan',
	'kepala_keluarga',
	'pendidikan',
	'jenis_atap',
	'jenis_dinding',
	'jenis_lantai',
	'sumber_air_minum',
	'sumber_penerangan',
	'bahan_bakar_memasak',
	'fasilitas_bab'
]);

/** Encodes one row as a CSV line; only free-text columns are checked for characters that need quoting. */
function encode<C extends string>(row: Record<C, string>, columns: readonly C[]): string {
	const fields = new Array<string>(columns.length);
	for (let i = 0; i < columns.length; i++) {
		const column = columns[i] as C;
		const value = row[column];
		fields[i] = TEXT_COLUMNS.has(column) ? csvField(value) : value;
	}
	return fields.join(',');
}

const str = (n: number | null) => (n === null ? '' : String(n));

function dtsenFamilyRow(family: SampleFamily, r: RegencyColumns): DtsenFamilyRow {
	const house = family.house;
	const v = house.village;
	const head = family.members[0];
	return {
		nomor_kartu_keluarga: family.kk,
		kode_provinsi: r.prov,
		nama_provinsi: r.provNama,
		kode_kabupaten_kota: r.prefix,
		nama_kabupaten_kota: r.kabNama,
		kode_kecamatan: `${r.prefix}${v.kec}`,
		nama_kecamatan: v.village.kecamatan_nama,
		kode_kelurahan_desa: v.kode10,
		nama_kelurahan_desa: v.village.nama,
		alamat: house.alamat,
		jumlah_anggota_keluarga: String(family.members.length),
		nama_kepala_keluarga: head?.name ?? '',
		desil_nasional: String(family.desil),
		desil_provinsi: String(family.desilProvinsi),
		desil_kabupaten_kota: String(family.desilKabupaten),
		pbi_nas: yesNo(family.pbiNas),
		pbi_pemda: yesNo(family.pbiPemda),
		id_pelanggan_pln: house.idPln,
		status_kepemilikan_rumah: house.housing.tenure,
		bukti_kepemilikan_lahan: house.housing.landProof,
		jenis_lantai_terluas: DTSEN_FLOOR[house.housing.floor],
		luas_lantai: String(house.area),
		jenis_dinding_terluas: WALL_CODE[house.housing.wall],
		jenis_atap_terluas: DTSEN_ROOF[house.housing.roof],
		sumber_air_minum_utama: DTSEN_WATER[house.housing.water],
		sumber_penerangan_utama: DTSEN_LIGHT[house.housing.light],
		daya_terpasang: house.housing.power,
		bahan_bakar_utama_memasak: DTSEN_FUEL[house.housing.fuel],
		fasilitas_bab: DTSEN_TOILET[house.housing.toilet],
		jenis_kloset: house.housing.toilet === 'tidak_ada' ? '' : DTSEN_CLOSET[house.housing.closet],
		pembuangan_akhir_tinja: DTSEN_DISPOSAL[house.housing.disposal],
		keluarga_dalam_rumah: String(house.families.length),
		status_verval: house.verval
	};
}

function dtsenPersonRow(p: SamplePerson): DtsenPersonRow {
	const [melihat, mendengar, berjalan, tangan, mengingat, perilaku, berbicara, mengurus, lainnya] = p.difficulty;
	return {
		nomor_induk_kependudukan: p.nik,
		nomor_kartu_keluarga: p.family.kk,
		nama: p.name,
		tanggal_lahir: p.birthDate,
		usia: String(p.age),
		jenis_kelamin: String(p.sex),
		status_hubungan_keluarga: String(p.relation),
		status_kawin: String(p.marital),
		partisipasi_sekolah: p.participation ? DTSEN_PARTICIPATION[p.participation] : '',
		jenjang_tertinggi_yang_diduduki: p.level ? DTSEN_LEVEL[p.level] : '',
		kelas_tertinggi_yang_diduduki: str(p.kelas),
		ijazah_tertinggi_yang_dimiliki: p.participation === null ? '' : p.certificate ? DTSEN_LEVEL[p.certificate] : DTSEN_NO_CERTIFICATE,
		status_bekerja: p.working === null ? '' : yesNo(p.working),
		kesulitan_melihat: melihat ?? '4',
		kesulitan_mendengar: mendengar ?? '4',
		kesulitan_berjalan: berjalan ?? '4',
		kesulitan_menggunakan_tangan: tangan ?? '4',
		kesulitan_mengingat: mengingat ?? '4',
		kesulitan_perilaku: perilaku ?? '4',
		kesulitan_berbicara: berbicara ?? '4',
		kesulitan_mengurus_diri: mengurus ?? '4',
		kesulitan_lainnya: lainnya ?? '4',
		penyakit_kronis: p.chronic
	};
}

function bdtHouseholdRow(house: SampleHouse, r: RegencyColumns): BdtHouseholdRow {
	const v = house.village;
	const head = house.families[0]?.members[0];
	const members = house.families.reduce((n, f) => n + f.members.length, 0);
	const wallAsked = house.housing.wall === 'tembok' || house.housing.wall === 'anyaman_plester' || house.housing.wall === 'kayu';
	const roofAsked = Number(BDT_ROOF[house.housing.roof]) <= 7;
	const how =
		house.housing.water === 'kemasan' || house.housing.water === 'isi_ulang' || house.housing.water === 'ledeng_eceran'
			? '1'
			: house.housing.water === 'ledeng_meteran'
				? '2'
				: '3';
	return {
		IDBDT: house.idbdt,
		KDPROP: r.prov,
		KDKAB: r.kab,
		KDKEC: v.kec,
		KDDESA: v.desa,
		NMDESA: v.village.nama,
		Alamat: house.alamat,
		Nama_KRT: head?.name ?? '',
		Jumlah_ART: String(members),
		Sta_bangunan: house.housing.tenure,
		Sta_lahan: house.housing.land,
		Luas_lantai: String(house.area),
		Lantai: BDT_FLOOR[house.housing.floor],
		Dinding: WALL_CODE[house.housing.wall],
		Kondisi_dinding: wallAsked ? (house.housing.wallGood ? '1' : '2') : '',
		Atap: BDT_ROOF[house.housing.roof],
		Kondisi_atap: roofAsked ? (house.housing.roofGood ? '1' : '2') : '',
		Sumber_airminum: BDT_WATER[house.housing.water],
		Cara_peroleh_airminum: how,
		Sumber_penerangan: BDT_LIGHT[house.housing.light],
		Bb_masak: BDT_FUEL[house.housing.fuel],
		Fasbab: BDT_TOILET[house.housing.toilet],
		Kloset: house.housing.toilet === 'tidak_ada' ? '4' : BDT_CLOSET[house.housing.closet],
		Buang_tinja: BDT_DISPOSAL[house.housing.disposal],
		Status_verval: house.verval
	};
}

function bdtPersonRow(p: SamplePerson, r: RegencyColumns): BdtPersonRow {
	const house = p.family.house;
	const v = house.village;
	return {
		IDBDT: house.idbdt,
		IDARTBDT: p.idart,
		KDPROP: r.prov,
		KDKAB: r.kab,
		KDKEC: v.kec,
		KDDESA: v.desa,
		Nama: p.name,
		JnsKel: String(p.sex),
		TmpLahir: p.birthPlace,
		TglLahir: p.birthDate,
		NIK: p.nik,
		NoKK: p.family.kk,
		Hub_KRT: String(p.relationToHouseHead),
		Umur: String(p.age),
		Sta_kawin: String(p.marital),
		Jenis_cacat: p.disability ? DISABILITIES[p.disability].bdt : '00',
		Partisipasi_sekolah: p.participation ? BDT_PARTICIPATION[p.participation] : '',
		Pendidikan_tertinggi: p.level ? BDT_LEVEL[p.level] : '',
		Kelas_tertinggi: str(p.kelas),
		Ijazah_tertinggi: p.participation === null ? '' : p.certificate ? BDT_CERTIFICATE[p.certificate] : BDT_NO_CERTIFICATE,
		Sta_Bekerja: p.working === null ? '' : yesNo(p.working),
		Lapangan_usaha: p.sector,
		Sta_keberadaan_art: p.presence,
		Ada_kks: yesNo(house.kks),
		Ada_pbi: yesNo(p.family.pbiNas || p.family.pbiPemda),
		Ada_kip: yesNo(p.kip),
		Ada_pkh: yesNo(house.pkh),
		Ada_BPNT: yesNo(house.bpnt)
	};
}

const AGE_BANDS: readonly (readonly [number, number])[] = [
	[0, 6],
	[7, 12],
	[13, 15],
	[16, 18],
	[19, 21],
	[22, 59],
	[60, 200]
];
const flag = (value: boolean) => (value ? '1' : '0');
const ya = (value: boolean) => (value ? 'Ya' : 'Tidak');

/**
 * One P3KE row (a person with the family's columns). P3KE is keyed by family like DTSEN, so families
 * and people are the same as in the DTSEN files; housing is written as Regsosek label text.
 * Real P3KE extracts hold only desil 1–4 families; the sample writes every family so that a round
 * trip can compare all people.
 */
function p3keRow(p: SamplePerson, familyId: string, r: RegencyColumns): P3keRow {
	const family = p.family;
	const house = family.house;
	const v = house.village;
	const h = house.housing;
	const age = p.age;
	const band = (i: number) => {
		const [lo, hi] = AGE_BANDS[i] ?? [0, -1];
		return flag(age >= lo && age <= hi);
	};
	const education =
		p.participation === null
			? ''
			: p.certificate
				? P3KE_EDUCATION[p.certificate]
				: p.participation === 'never'
					? P3KE_NEVER_SCHOOLED
					: P3KE_NO_CERTIFICATE;
	return {
		'ID Keluarga P3KE': familyId,
		Provinsi: r.provNama.toUpperCase(),
		'Kabupaten/Kota': r.kabNama.toUpperCase(),
		Kecamatan: v.village.kecamatan_nama.toUpperCase(),
		'Desa/Kelurahan': v.village.nama.toUpperCase(),
		kode_kemdagri: v.kode10,
		desil_kesejahteraan: String(family.desil),
		alamat: house.alamat,
		kepala_keluarga: family.members[0]?.name ?? '',
		'No KK': family.kk,
		NIK: p.nik,
		padan_dukcapil: 'Ya',
		nama: p.name,
		jenis_kelamin: P3KE_SEX[p.sex],
		hubungan_keluarga: P3KE_RELATION[p.relation] ?? 'Lainnya',
		tanggal_lahir: p.birthDate,
		pendidikan: education,
		pekerjaan: p.working === null ? '' : p.working ? 'Bekerja' : 'Tidak Bekerja',
		usia_0_6: band(0),
		usia_7_12: band(1),
		usia_13_15: band(2),
		usia_16_18: band(3),
		usia_19_21: band(4),
		usia_22_59: band(5),
		usia_60_keatas: band(6),
		jenis_atap: P3KE_ROOF[h.roof],
		jenis_dinding: P3KE_WALL[h.wall],
		jenis_lantai: P3KE_FLOOR[h.floor],
		sumber_air_minum: P3KE_WATER[h.water],
		sumber_penerangan: P3KE_LIGHT[h.light],
		bahan_bakar_memasak: P3KE_FUEL[h.fuel],
		fasilitas_bab: P3KE_TOILET[h.toilet],
		penerima_BPNT: ya(house.bpnt),
		penerima_PKH: ya(house.pkh),
		penerima_Sembako: ya(house.bpnt),
		penerima_BST: 'Tidak',
		resiko_stunting: ya(family.members.some((m) => m.age < 5) && family.desil <= 2)
	};
}

const DTSEN_FAMILY_IN_FLAT = DTSEN_FAMILY_COLUMNS.filter((c) => c !== 'nomor_kartu_keluarga');
const BDT_HOUSEHOLD_KEYS: ReadonlySet<string> = new Set(['IDBDT', 'KDPROP', 'KDKAB', 'KDKEC', 'KDDESA']);
const BDT_HOUSEHOLD_IN_FLAT = BDT_HOUSEHOLD_COLUMNS.filter((c) => !BDT_HOUSEHOLD_KEYS.has(c));

/** Columns of each file: the flat files are the person columns followed by the household/family ones. */
export const SAMPLE_COLUMNS: Record<SampleSchema, Partial<Record<SampleTableName, readonly string[]>>> = {
	dtsen: {
		keluarga: DTSEN_FAMILY_COLUMNS,
		anggota: DTSEN_PERSON_COLUMNS,
		flat: [...DTSEN_PERSON_COLUMNS, ...DTSEN_FAMILY_IN_FLAT]
	},
	bdt: {
		rumahtangga: BDT_HOUSEHOLD_COLUMNS,
		art: BDT_PERSON_COLUMNS,
		flat: [...BDT_PERSON_COLUMNS, ...BDT_HOUSEHOLD_IN_FLAT]
	},
	p3ke: {
		flat: P3KE_COLUMNS
	}
};

function table(schema: SampleSchema, name: SampleTableName, columns: readonly string[], lines: CsvText): SampleTable {
	const base = `${schema}${name === 'flat' ? '' : `-${name}`}`;
	const csvChunks = lines.pieces(columns);
	return {
		schema,
		table: name,
		base,
		columns,
		rows: lines.rows,
		csvChunks,
		get csv() {
			return csvChunks.join('');
		}
	};
}

/** The three DTSEN files (keluarga, anggota, flat) of a sample. */
export function dtsenTables(sample: Sample): SampleTable[] {
	const familyLines = new CsvText();
	const personLines = new CsvText();
	const flatLines = new CsvText();
	const regency = regencyColumns(sample.regency);
	for (const family of sample.families) {
		const row = dtsenFamilyRow(family, regency);
		familyLines.push(encode(row, DTSEN_FAMILY_COLUMNS));
		const familyPart = encode(row, DTSEN_FAMILY_IN_FLAT);
		for (const person of family.members) {
			const personLine = encode(dtsenPersonRow(person), DTSEN_PERSON_COLUMNS);
			personLines.push(personLine);
			flatLines.push(`${personLine},${familyPart}`);
		}
	}
	return [
		table('dtsen', 'keluarga', DTSEN_FAMILY_COLUMNS, familyLines),
		table('dtsen', 'anggota', DTSEN_PERSON_COLUMNS, personLines),
		table('dtsen', 'flat', SAMPLE_COLUMNS.dtsen.flat ?? [], flatLines)
	];
}

/** The three BDT files (rumahtangga, art, flat) of a sample. */
export function bdtTables(sample: Sample): SampleTable[] {
	const householdLines = new CsvText();
	const personLines = new CsvText();
	const flatLines = new CsvText();
	const regency = regencyColumns(sample.regency);
	for (const house of sample.houses) {
		const row = bdtHouseholdRow(house, regency);
		householdLines.push(encode(row, BDT_HOUSEHOLD_COLUMNS));
		const housePart = encode(row, BDT_HOUSEHOLD_IN_FLAT);
		for (const family of house.families) {
			for (const person of family.members) {
				const personLine = encode(bdtPersonRow(person, regency), BDT_PERSON_COLUMNS);
				personLines.push(personLine);
				flatLines.push(`${personLine},${housePart}`);
			}
		}
	}
	return [
		table('bdt', 'rumahtangga', BDT_HOUSEHOLD_COLUMNS, householdLines),
		table('bdt', 'art', BDT_PERSON_COLUMNS, personLines),
		table('bdt', 'flat', SAMPLE_COLUMNS.bdt.flat ?? [], flatLines)
	];
}

/** The P3KE file (one flat file: people with their family's columns) of a sample. */
export function p3keTables(sample: Sample): SampleTable[] {
	const lines = new CsvText();
	const regency = regencyColumns(sample.regency);
	for (const [i, family] of sample.families.entries()) {
		const familyId = `P3KE${String(i + 1).padStart(8, '0')}`;
		for (const person of family.members) lines.push(encode(p3keRow(person, familyId, regency), P3KE_COLUMNS));
	}
	return [table('p3ke', 'flat', P3KE_COLUMNS, lines)];
}

/** The files of one schema. */
export function schemaTables(sample: Sample, schema: SampleSchema): SampleTable[] {
	return schema === 'dtsen' ? dtsenTables(sample) : schema === 'bdt' ? bdtTables(sample) : p3keTables(sample);
}

export function sampleTables(sample: Sample, schemas: readonly SampleSchema[] = SAMPLE_SCHEMAS): SampleTable[] {
	const out: SampleTable[] = [];
	for (const schema of ALL_SAMPLE_SCHEMAS) {
		if (!schemas.includes(schema)) continue;
		out.push(...schemaTables(sample, schema));
	}
	return out;
}
