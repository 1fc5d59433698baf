/**
 * What each source's columns mean: for every canonical (or helper) field, the headers that may carry
 * it and how its text becomes a value. Header matching ignores case and punctuation
 * ('Nomor Kartu Keluarga' = 'nomor_kartu_keluarga'). The resolved `ColumnMapping` is plain data so a
 * later mapping step (issue 4) can show it, let the user correct it and save it.
 */
import type { AnyCodedField } from '../core/schema';
import type { CodeTableId } from '../core/codes';
import { BDT_QUESTION_CODES, DTSEN_DIFFICULTY_COLUMNS } from '../core/sources/columns';

/** How a field's text is read. */
export type FieldKind = 'text' | 'int' | 'double' | 'date' | 'code';

export interface FieldSpec {
	/** Canonical column, or a helper such as `key`, `village_desa`, `difficulty_1`. */
	field: string;
	headers: readonly string[];
	kind: FieldKind;
	/** For kind 'code': which code list of the source's table. */
	code?: AnyCodedField;
}

export type FileRole = 'flat' | 'household' | 'person';
export type RegisterSource = 'dtsen' | 'bdt' | 'p3ke';

export interface SourceSpec {
	id: RegisterSource;
	title: string;
	codeTable: CodeTableId;
	/** Household fields; `key` is the family/household key. */
	household: readonly FieldSpec[];
	/** Person fields; `key` links to the household, `person_key` identifies the member. */
	person: readonly FieldSpec[];
	/** Headers (normalised) whose presence marks a file as carrying household data. */
	householdMarkers: readonly string[];
	/** Headers (normalised) whose presence marks a file as carrying member data. */
	personMarkers: readonly string[];
	/** Fields a household file must have / a person file must have. */
	requiredHousehold: readonly string[];
	requiredPerson: readonly string[];
}

/** Header text → comparison form: lower case, runs of non-alphanumerics as one underscore. */
export function normaliseHeader(header: string): string {
	return header
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

const f = (field: string, headers: readonly string[], kind: FieldKind, code?: AnyCodedField): FieldSpec =>
	code ? { field, headers, kind, code } : { field, headers, kind };
const c = (field: AnyCodedField & string, ...headers: string[]): FieldSpec => f(field, headers, 'code', field);

export const DTSEN_SOURCE: SourceSpec = {
	id: 'dtsen',
	title: 'DTSEN',
	codeTable: 'dtsen',
	household: [
		f('key', ['nomor_kartu_keluarga', 'no_kartu_keluarga', 'nomor_kk'], 'text'),
		f('village_prov', ['kode_provinsi'], 'text'),
		f('village_kab', ['kode_kabupaten_kota', 'kode_kabupaten'], 'text'),
		f('village_kec', ['kode_kecamatan'], 'text'),
		f('village_desa', ['kode_kelurahan_desa', 'kode_desa_kelurahan', 'kode_desa', 'kode_kelurahan'], 'text'),
		f('village_kec_name', ['nama_kecamatan'], 'text'),
		f('village_name', ['nama_kelurahan_desa', 'nama_desa_kelurahan', 'nama_desa', 'nama_kelurahan'], 'text'),
		f('alamat', ['alamat'], 'text'),
		f('head_name', ['nama_kepala_keluarga'], 'text'),
		f('desil', ['desil_nasional', 'desil'], 'int'),
		f('members_declared', ['jumlah_anggota_keluarga'], 'int'),
		c('tenure', 'status_kepemilikan_rumah'),
		c('land_own', 'bukti_kepemilikan_lahan'),
		c('floor', 'jenis_lantai_terluas'),
		f('floor_area', ['luas_lantai'], 'double'),
		c('wall', 'jenis_dinding_terluas'),
		c('roof', 'jenis_atap_terluas'),
		c('water', 'sumber_air_minum_utama'),
		c('lighting', 'sumber_penerangan_utama'),
		c('fuel', 'bahan_bakar_utama_memasak'),
		c('toilet', 'fasilitas_bab'),
		c('closet', 'jenis_kloset'),
		c('disposal', 'pembuangan_akhir_tinja'),
		c('verval_status', 'status_verval')
	],
	person: [
		f('key', ['nomor_kartu_keluarga', 'no_kartu_keluarga', 'nomor_kk'], 'text'),
		f('person_key', ['nomor_induk_kependudukan', 'nik'], 'text'),
		f('nik', ['nomor_induk_kependudukan', 'nik'], 'text'),
		f('name', ['nama'], 'text'),
		f('birth_date', ['tanggal_lahir'], 'date'),
		f('age', ['usia', 'umur'], 'int'),
		c('sex', 'jenis_kelamin'),
		c('relation', 'status_hubungan_keluarga', 'hubungan_keluarga'),
		c('school_participation', 'partisipasi_sekolah'),
		c('level', 'jenjang_tertinggi_yang_diduduki', 'jenjang_pendidikan_tertinggi'),
		f('class', ['kelas_tertinggi_yang_diduduki', 'kelas_tertinggi'], 'int'),
		c('certificate', 'ijazah_tertinggi_yang_dimiliki', 'ijazah_tertinggi'),
		...DTSEN_DIFFICULTY_COLUMNS.map((header, i) => f(`difficulty_${i + 1}`, [header], 'code', 'difficulty')),
		c('verval_status', 'status_verval')
	],
	householdMarkers: ['kode_kelurahan_desa', 'jenis_lantai_terluas', 'nama_kepala_keluarga', 'desil_nasional'],
	personMarkers: ['nomor_induk_kependudukan', 'nik'],
	requiredHousehold: ['key', 'village_desa'],
	requiredPerson: ['key', 'person_key']
};

/** A BDT housing column under its name or its PBDT-2015 question code (b3r3 …). */
const b = (field: AnyCodedField & string, name: string): FieldSpec => {
	const question = BDT_QUESTION_CODES[name];
	return c(field, name, ...(question ? [question] : []));
};

export const BDT_SOURCE: SourceSpec = {
	id: 'bdt',
	title: 'DTKS/BDT',
	codeTable: 'bdt2015',
	household: [
		f('key', ['IDBDT'], 'text'),
		f('village_prov', ['KDPROP'], 'text'),
		f('village_kab', ['KDKAB'], 'text'),
		f('village_kec', ['KDKEC'], 'text'),
		f('village_desa', ['KDDESA'], 'text'),
		f('village_kec_name', ['NMKEC'], 'text'),
		f('village_name', ['NMDESA'], 'text'),
		f('alamat', ['Alamat'], 'text'),
		f('head_name', ['Nama_KRT'], 'text'),
		f('members_declared', ['Jumlah_ART'], 'int'),
		b('tenure', 'Sta_bangunan'),
		b('land_own', 'Sta_lahan'),
		f('floor_area', ['Luas_lantai', 'b3r2'], 'double'),
		b('floor', 'Lantai'),
		b('wall', 'Dinding'),
		b('wall_condition', 'Kondisi_dinding'),
		b('roof', 'Atap'),
		b('roof_condition', 'Kondisi_atap'),
		b('water', 'Sumber_airminum'),
		b('lighting', 'Sumber_penerangan'),
		b('fuel', 'Bb_masak'),
		b('toilet', 'Fasbab'),
		b('closet', 'Kloset'),
		b('disposal', 'Buang_tinja'),
		c('verval_status', 'Status_verval')
	],
	person: [
		f('key', ['IDBDT'], 'text'),
		f('person_key', ['IDARTBDT'], 'text'),
		f('nik', ['NIK'], 'text'),
		f('kk', ['NoKK'], 'text'),
		f('name', ['Nama'], 'text'),
		f('birth_date', ['TglLahir'], 'date'),
		f('age', ['Umur'], 'int'),
		c('sex', 'JnsKel'),
		c('relation', 'Hub_KRT'),
		f('disability_type', ['Jenis_cacat', 'b4k12'], 'code', 'disability_type'),
		c('school_participation', 'Partisipasi_sekolah', 'b4k15'),
		c('level', 'Pendidikan_tertinggi', 'b4k16'),
		f('class', ['Kelas_tertinggi', 'b4k17'], 'int'),
		c('certificate', 'Ijazah_tertinggi', 'b4k18'),
		c('verval_status', 'Status_verval')
	],
	householdMarkers: ['nama_krt', 'lantai', 'b3r3', 'dinding', 'atap', 'sta_bangunan', 'b3r1a'],
	personMarkers: ['idartbdt'],
	requiredHousehold: ['key', 'village_kec', 'village_desa'],
	requiredPerson: ['key', 'person_key']
};

/**
 * P3KE by-name extract (§2d): a flat file of people with the family's columns repeated, keyed by
 * `ID Keluarga P3KE`; village as the undotted 10-digit `kode_kemdagri` or by kecamatan and village
 * name; housing, sex, relation and education as text labels (code table 'p3ke'). The age-band flags
 * (usia 7–12 …) are not read: age comes from the birth date (or an age column), never from a band.
 */
export const P3KE_SOURCE: SourceSpec = {
	id: 'p3ke',
	title: 'P3KE',
	codeTable: 'p3ke',
	household: [
		f('key', ['ID Keluarga P3KE', 'id_keluarga', 'idkeluarga_p3ke'], 'text'),
		f('village_prov', ['kode_provinsi'], 'text'),
		f('village_kab', ['kode_kabupaten', 'kode_kabupaten_kota'], 'text'),
		f('village_kec', ['kode_kecamatan'], 'text'),
		f('village_desa', ['kode_kemdagri', 'kode_wilayah', 'kode_desa', 'kode_kelurahan_desa'], 'text'),
		f('village_kec_name', ['Kecamatan', 'nama_kecamatan'], 'text'),
		f('village_name', ['Desa/Kelurahan', 'Kelurahan/Desa', 'desa_kelurahan', 'nama_desa', 'desa', 'kelurahan'], 'text'),
		f('alamat', ['alamat'], 'text'),
		f('head_name', ['kepala_keluarga', 'nama_kepala_keluarga'], 'text'),
		f('desil', ['desil_kesejahteraan', 'desil'], 'int'),
		c('floor', 'jenis_lantai', 'lantai'),
		c('wall', 'jenis_dinding', 'dinding'),
		c('roof', 'jenis_atap', 'atap'),
		c('water', 'sumber_air_minum', 'air_minum'),
		c('lighting', 'sumber_penerangan', 'penerangan'),
		c('fuel', 'bahan_bakar_memasak', 'bahan_bakar'),
		c('toilet', 'fasilitas_bab', 'fasilitas_buang_air_besar'),
		c('verval_status', 'status_verval', 'hasil_verval')
	],
	person: [
		f('key', ['ID Keluarga P3KE', 'id_keluarga', 'idkeluarga_p3ke'], 'text'),
		f('person_key', ['NIK', 'nomor_induk_kependudukan'], 'text'),
		f('nik', ['NIK', 'nomor_induk_kependudukan'], 'text'),
		f('kk', ['No KK', 'nomor_kk', 'no_kartu_keluarga', 'nomor_kartu_keluarga'], 'text'),
		f('name', ['nama'], 'text'),
		f('birth_date', ['tanggal_lahir', 'tgl_lahir'], 'date'),
		f('age', ['usia', 'umur'], 'int'),
		c('sex', 'jenis_kelamin'),
		c('relation', 'hubungan_keluarga', 'hubungan_dengan_kepala_keluarga', 'status_hubungan_keluarga'),
		c('certificate', 'pendidikan', 'pendidikan_terakhir', 'ijazah_tertinggi')
	],
	householdMarkers: ['id_keluarga_p3ke', 'desil_kesejahteraan', 'kode_kemdagri', 'kepala_keluarga', 'jenis_lantai'],
	personMarkers: ['nik', 'padan_dukcapil'],
	requiredHousehold: ['key'],
	requiredPerson: ['key', 'person_key']
};

export const SOURCES: Readonly<Record<RegisterSource, SourceSpec>> = {
	dtsen: DTSEN_SOURCE,
	bdt: BDT_SOURCE,
	p3ke: P3KE_SOURCE
};

let known: ReadonlySet<string> | undefined;
/** Every header (normalised) any source knows: used to find the header row under title rows. */
export function knownHeaderNames(): ReadonlySet<string> {
	if (!known) {
		const names = new Set<string>();
		for (const spec of Object.values(SOURCES)) {
			for (const field of [...spec.household, ...spec.person]) {
				for (const h of field.headers) names.add(normaliseHeader(h));
			}
			for (const m of [...spec.householdMarkers, ...spec.personMarkers]) names.add(normaliseHeader(m));
		}
		names.delete('');
		known = names;
	}
	return known;
}

/** Canonical field → the column that feeds it: the header as written and its stage column. */
export interface MappedColumn {
	header: string;
	column: string;
}
export type ColumnMapping = Record<string, MappedColumn>;

/** Normalised header → the position of the first header with that name. */
export function headerIndex(headers: readonly string[]): Map<string, number> {
	const byName = new Map<string, number>();
	headers.forEach((h, i) => {
		const key = normaliseHeader(h);
		if (key !== '' && !byName.has(key)) byName.set(key, i);
	});
	return byName;
}

/** Resolves fields to the first matching header (by normalised name). */
export function resolveColumns(
	fields: readonly FieldSpec[],
	headers: readonly string[],
	stageColumn: (index: number) => string,
	byName: ReadonlyMap<string, number> = headerIndex(headers)
): ColumnMapping {
	const mapping: ColumnMapping = {};
	for (const spec of fields) {
		for (const candidate of spec.headers) {
			const index = byName.get(normaliseHeader(candidate));
			if (index !== undefined) {
				mapping[spec.field] = { header: headers[index] ?? candidate, column: stageColumn(index) };
				break;
			}
		}
	}
	return mapping;
}

export interface Recognised {
	source: RegisterSource;
	role: FileRole;
}

/** Which source and role a file's headers say it is, or a reason it is none. */
export function recognise(headers: readonly string[]): Recognised | { reason: 'p3ke' | 'unknown' } {
	const names = new Set(headers.map(normaliseHeader));
	const has = (list: readonly string[]) => list.some((n) => names.has(normaliseHeader(n)));
	let source: RegisterSource | undefined;
	if (names.has('idbdt')) source = 'bdt';
	// P3KE before DTSEN: a P3KE extract may carry a KK column under a DTSEN name.
	else if (has(P3KE_SOURCE.household[0]?.headers ?? [])) source = 'p3ke';
	else if (has(DTSEN_SOURCE.household[0]?.headers ?? [])) source = 'dtsen';
	if (!source) return { reason: 'unknown' };
	const spec = SOURCES[source];
	const household = has(spec.householdMarkers);
	const person = has(spec.personMarkers);
	if (household && person) return { source, role: 'flat' };
	if (person) return { source, role: 'person' };
	return { source, role: 'household' };
}
