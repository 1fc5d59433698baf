/** Words for why a load stops and why a mapping file is refused (core/messages/ingest.ts). */
import type { CodedMessage } from '../core/messages';
import type { CsvReasons, FileRoleCode, IngestMessages, MappingMessages, XlsxReasons } from '../core/messages/ingest';
import { m } from '../paraglide/messages.js';
import { message, type Locale, type WordTable } from './render';
import { FINDING_WORDS } from './report';
import type { FindingMessages } from '../core/messages/report';

const ROLE: Record<FileRoleCode, (inputs: Record<string, never>, options: { locale: Locale }) => string> = {
	flat: m.said_role_flat,
	household: m.said_role_household,
	person: m.said_role_person
};
const role = (code: FileRoleCode, locale: Locale) => ROLE[code]({}, { locale });

/** 'a', 'a dan b', 'a dan b dan c': how the messages have always joined two or more names. */
export function andList(items: readonly string[], locale: Locale): string {
	return items.reduce((joined, item) => m.said_and({ first: joined, second: item }, { locale }));
}

/** Megabytes with the language's decimal mark (one decimal at most). */
const megabytes = (bytes: number, locale: Locale) =>
	`${(bytes / 1048576).toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 })} MB`;

export const CSV_WORDS: WordTable<keyof CsvReasons> = {
	'csv.unreadable': message(m.said_csv_unreadable),
	'csv.not_utf8': message(m.said_csv_not_utf8),
	'csv.open_quote': message(m.said_csv_open_quote),
	'csv.column_count': message(m.said_csv_column_count),
	'csv.nonstandard': message(m.said_csv_nonstandard)
};

export const XLSX_WORDS: WordTable<keyof XlsxReasons> = {
	'xlsx.damaged': message(m.said_xlsx_damaged),
	'xlsx.no_directory': message(m.said_xlsx_no_directory),
	'xlsx.part_encrypted': message(m.said_xlsx_part_encrypted),
	'xlsx.bad_row_number': message(m.said_xlsx_bad_row_number),
	'xlsx.bad_cell': message(m.said_xlsx_bad_cell),
	'xlsx.part_too_large': message(m.said_xlsx_part_too_large),
	'xlsx.not_workbook': message(m.said_xlsx_not_workbook),
	'xlsx.compression': message(m.said_xlsx_compression),
	'xlsx.truncated': message(m.said_xlsx_truncated),
	'xlsx.part_damaged': message(m.said_xlsx_part_damaged),
	'xlsx.size_mismatch': message(m.said_xlsx_size_mismatch),
	'xlsx.inflate_ratio': message(m.said_xlsx_inflate_ratio),
	'xlsx.sheet_missing': message(m.said_xlsx_sheet_missing),
	'xlsx.xml_damaged': message(m.said_xlsx_xml_damaged)
};

function findingWords(said: CodedMessage<keyof FindingMessages>, locale: Locale): string {
	const render = FINDING_WORDS[said.code] as (params: typeof said.params, locale: Locale) => string;
	return render(said.params, locale);
}

function csvReason(reason: CodedMessage<keyof CsvReasons>, locale: Locale): string {
	return CSV_WORDS[reason.code]({}, locale);
}

function xlsxReason(reason: CodedMessage<keyof XlsxReasons>, locale: Locale): string {
	const render = XLSX_WORDS[reason.code] as (params: typeof reason.params, locale: Locale) => string;
	return render(reason.params, locale);
}

export const INGEST_WORDS: WordTable<keyof IngestMessages> = {
	'ingest.not_recognised': message(m.said_ingest_not_recognised),
	'ingest.no_files': message(m.said_ingest_no_files),
	'ingest.too_many_files': message(m.said_ingest_too_many_files),
	'ingest.household_file_alone': message(m.said_ingest_household_file_alone),
	'ingest.person_file_alone': message(m.said_ingest_person_file_alone),
	'ingest.different_sources': message(m.said_ingest_different_sources),
	'ingest.not_a_pair': (p, locale) =>
		m.said_ingest_not_a_pair(
			{ first: p.first, firstRole: role(p.firstRole, locale), second: p.second, secondRole: role(p.secondRole, locale) },
			{ locale }
		),
	'ingest.missing_column': (p, locale) => m.said_ingest_missing_column({ ...p, role: role(p.role, locale) }, { locale }),
	'ingest.unmapped_column': (p, locale) => m.said_ingest_unmapped_column({ ...p, role: role(p.role, locale) }, { locale }),
	'ingest.header_only': message(m.said_ingest_header_only),
	'ingest.no_households': message(m.said_ingest_no_households),
	'ingest.failed': message(m.said_ingest_failed),
	'ingest.cancelled': message(m.said_ingest_cancelled),
	'ingest.empty_file': message(m.said_ingest_empty_file),
	'ingest.encrypted_workbook': message(m.said_ingest_encrypted_workbook),
	'ingest.old_xls': message(m.said_ingest_old_xls),
	'ingest.parquet_unreadable': message(m.said_ingest_parquet_unreadable),
	'ingest.no_columns': message(m.said_ingest_no_columns),
	'ingest.binary': message(m.said_ingest_binary),
	'ingest.no_header': message(m.said_ingest_no_header),
	'ingest.record_too_long': message(m.said_ingest_record_too_long),
	'ingest.csv_unreadable': (p, locale) =>
		m.said_ingest_csv_unreadable(
			{
				file: p.file,
				where: p.row > 0 ? m.said_ingest_csv_near_row({ row: p.row }, { locale }) : '',
				reason: csvReason(p.reason, locale)
			},
			{ locale }
		),
	'ingest.too_large': (p, locale) =>
		m.said_ingest_too_large(
			{
				files: andList(
					p.files.map((f) => `'${f}'`),
					locale
				),
				size: megabytes(p.bytes, locale),
				limit: p.limitBytes > 0 ? m.said_ingest_memory_limit({ size: megabytes(p.limitBytes, locale) }, { locale }) : ''
			},
			{ locale }
		),
	// Sizes as the reader has always written them: one decimal with a point, limits in whole megabytes.
	'ingest.xlsx_part_too_large': (p, locale) =>
		m.said_ingest_xlsx_part_too_large(
			{
				file: p.file,
				size: (p.bytes / 1048576).toFixed(1),
				part: p.part === 'sheet' ? m.said_xlsx_part_sheet({}, { locale }) : m.said_xlsx_part_shared_strings({}, { locale }),
				limit: Math.round(p.limitBytes / 1048576)
			},
			{ locale }
		),
	'ingest.xlsx_too_large': (p, locale) => m.said_ingest_xlsx_too_large({ file: p.file, size: (p.bytes / 1048576).toFixed(1) }, { locale }),
	'ingest.xlsx_unreadable': (p, locale) =>
		m.said_ingest_xlsx_unreadable({ file: p.file, detail: p.reason ? xlsxReason(p.reason, locale) : p.detail }, { locale }),
	'ingest.sheet_not_found': (p, locale) =>
		m.said_ingest_sheet_not_found({ file: p.file, sheet: p.sheet, sheets: p.sheets.map((s) => `'${s}'`).join(', ') }, { locale }),
	'ingest.not_data_sheet': message(m.said_ingest_not_data_sheet),
	'ingest.no_worksheet': message(m.said_ingest_no_worksheet),
	'ingest.empty_sheet': message(m.said_ingest_empty_sheet),
	'ingest.sheet_without_header': message(m.said_ingest_sheet_without_header),
	'ingest.regency_unknown': message(m.said_ingest_regency_unknown),
	'ingest.regency_unmatched': (p, locale) =>
		m.said_ingest_regency_unmatched(
			{
				file: p.file,
				votes: p.votes
					.map((v) =>
						v.nama === null
							? m.said_ingest_regency_vote_unnamed({ kode: v.kode, households: v.households }, { locale })
							: m.said_ingest_regency_vote({ name: v.nama, kode: v.kode, households: v.households }, { locale })
					)
					.join('; ')
			},
			{ locale }
		),
	'ingest.regency_tie': (p, locale) =>
		m.said_ingest_regency_tie(
			{
				file: p.file,
				households: p.households,
				regencies: andList(
					p.regencies.map((r) => `${r.nama} (${r.kode})`),
					locale
				)
			},
			{ locale }
		),
	'ingest.too_many_rejected': (p, locale) =>
		m.said_ingest_too_many_rejected(
			{
				label: p.label,
				rejected: p.rejected.toLocaleString('id-ID'),
				rows: p.rows.toLocaleString('id-ID'),
				share: (Math.round((p.rejected / Math.max(1, p.rows)) * 1000) / 10).toLocaleString('id-ID'),
				limit: p.limit.toLocaleString('id-ID'),
				first: p.first ? findingWords(p.first, locale) : m.said_ingest_too_many_rejected_none({}, { locale })
			},
			{ locale }
		)
};

export const MAPPING_WORDS: WordTable<keyof MappingMessages> = {
	'mapping.side_not_object': message(m.said_mapping_side_not_object),
	'mapping.unknown_field': message(m.said_mapping_unknown_field),
	'mapping.not_header': message(m.said_mapping_not_header),
	'mapping.not_json': message(m.said_mapping_not_json),
	'mapping.not_found': message(m.said_mapping_not_found),
	'mapping.not_mapping': message(m.said_mapping_not_mapping),
	'mapping.version': message(m.said_mapping_version),
	'mapping.unknown_source': message(m.said_mapping_unknown_source)
};
