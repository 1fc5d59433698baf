/**
 * The columns of a verval result file and how their headers are recognised. Field teams' files come as
 * a spreadsheet with short headers (`nik`, `status`, `tanggal`) or as a Google Forms export, whose
 * headers are the questions as written ("NIK anggota keluarga yang dikunjungi", "Nama petugas
 * verifikasi", "Status keberadaan") plus a `Timestamp` (English) or `Cap waktu` (Indonesian) column.
 * Each header is read by the first rule that matches it; each field takes the first header it matched.
 */
export const RESULT_FIELDS = ['nik', 'record_id', 'status', 'date', 'timestamp', 'officer', 'notes', 'village', 'name', 'round'] as const;
export type ResultField = (typeof RESULT_FIELDS)[number];

/** A result row must say who (NIK or record id) and what was found. */
export const REQUIRED_RESULT_FIELDS: readonly (readonly ResultField[])[] = [['nik', 'record_id'], ['status']];

/** Lower case, accents and punctuation to spaces, spaces collapsed: "NIK (16 digit)" → "nik 16 digit". */
export function normaliseLabel(header: string): string {
	return header
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/**
 * Ordered: a header is read by the first rule that matches its normalised label. The officer comes
 * before the name ("Nama petugas" is the officer, not the person), the NIK before the KK, notes before
 * status ("Keterangan status" is a note); a birth date is not the visit's date.
 */
const RULES: readonly (readonly [RegExp, ResultField | null])[] = [
	// A birth date or birthplace is the register's business, not the visit's date.
	[/\b(lahir|kelahiran)\b/, null],
	[/^(timestamp|cap waktu|stempel waktu)$/, 'timestamp'],
	[/\b(petugas|verifikator|enumerator|pencacah|pendata|operator|surveyor|officer)\b/, 'officer'],
	[/^(email address|alamat email|email)$/, 'officer'],
	[/\b(putaran|tahap|round)\b/, 'round'],
	[/\b(keterangan|catatan|notes?|komentar|ket)\b/, 'notes'],
	[/\b(idartbdt|id art|id anggota|id individu|idbdt art|record id|id dtks art)\b/, 'record_id'],
	[/\bnik\b|\bnomor induk kependudukan\b/, 'nik'],
	[/\b(status|hasil|keberadaan|kondisi)\b/, 'status'],
	[/\b(tanggal|tgl|date)\b/, 'date'],
	[/\b(desa|kelurahan|kode desa|kode wilayah)\b/, 'village'],
	[/\b(nama|name)\b/, 'name']
];

export function fieldOfHeader(header: string): ResultField | null {
	const label = normaliseLabel(header);
	for (const [pattern, field] of RULES) if (pattern.test(label)) return field;
	return null;
}

export interface ResultColumns {
	/** Field → header as written; a field no header matched is absent. */
	fields: Partial<Record<ResultField, string>>;
	/** Headers that matched a field already taken by an earlier header, with that field. */
	repeated: { header: string; field: ResultField }[];
	/** Headers no rule reads (kept in the file, not used). */
	unread: string[];
	/** Each group of REQUIRED_RESULT_FIELDS with no header (e.g. ['status']). */
	missing: (readonly ResultField[])[];
}

/** Recognises the columns of a result file from its headers; `chosen` (a saved mapping) wins. */
export function resultColumns(headers: readonly string[], chosen: Partial<Record<ResultField, string | null>> = {}): ResultColumns {
	const fields: Partial<Record<ResultField, string>> = {};
	const repeated: ResultColumns['repeated'] = [];
	const unread: string[] = [];
	const present = new Set(headers);
	for (const field of RESULT_FIELDS) {
		const header = chosen[field];
		if (typeof header === 'string' && present.has(header)) fields[field] = header;
	}
	const taken = new Set(Object.values(fields));
	for (const header of headers) {
		if (taken.has(header)) continue;
		const field = fieldOfHeader(header);
		if (field === null || chosen[field] === null) unread.push(header);
		else if (fields[field] !== undefined) repeated.push({ header, field });
		else fields[field] = header;
	}
	const missing = REQUIRED_RESULT_FIELDS.filter((group) => group.every((f) => fields[f] === undefined));
	return { fields, repeated, unread, missing };
}
