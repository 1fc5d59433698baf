/**
 * The report's labels in a given language: the downloaded report's column headers, the severities,
 * the short names of the NIK/KK issues and the duplicate figures of the summaries (CLI, XLSX). The
 * exports take them from here with an explicit language, since they may not read the UI's.
 */
import type { IdIssue, IdKind } from '../core/nik';
import { m } from '../paraglide/messages.js';
import type { Locale } from './render';

type Words = (inputs: Record<string, never>, options: { locale: Locale }) => string;

/** A table of parameterless messages as a lookup: the label of `key` in `locale`. */
function labelsOf<K extends string>(table: Readonly<Record<K, Words>>): (key: K, locale: Locale) => string {
	return (key, locale) => table[key]({}, { locale });
}

const HEADER = {
	severity: m.report_header_severity,
	code: m.report_header_code,
	source_file: m.report_header_source_file,
	source_row: m.report_header_source_row,
	source_column: m.report_header_source_column,
	value: m.report_header_value,
	rows: m.report_header_rows,
	household_id: m.report_header_household_id,
	person_id: m.report_header_person_id,
	message: m.report_header_message
} satisfies Record<string, Words>;

export type ReportColumnName = keyof typeof HEADER;

/** Column headers of the downloaded report ('berkas', 'kolom' … in Indonesian). */
export function reportHeaders(locale: Locale): Readonly<Record<ReportColumnName, string>> {
	const headers = {} as Record<ReportColumnName, string>;
	for (const column of Object.keys(HEADER) as ReportColumnName[]) headers[column] = HEADER[column]({}, { locale });
	return headers;
}

const SEVERITY = {
	rejected: m.report_severity_rejected,
	error: m.report_severity_error,
	warning: m.report_severity_warning,
	info: m.report_severity_info
} satisfies Record<string, Words>;

export const severityWords = labelsOf(SEVERITY);

const ID_KIND: Record<IdKind, Words> = { nik: m.said_finding_label_nik, kk: m.said_finding_label_kk };

/** 'NIK', 'Nomor KK'. */
export const idKindWords = labelsOf(ID_KIND);

const ID_ISSUE: Record<IdIssue, Words> = {
	missing: m.report_id_issue_missing,
	scientific: m.report_id_issue_scientific,
	non_digit: m.report_id_issue_non_digit,
	wrong_length: m.report_id_issue_wrong_length,
	apostrophe: m.report_id_issue_apostrophe,
	spaces: m.report_id_issue_spaces,
	lost_digits: m.report_id_issue_lost_digits,
	bad_region: m.report_id_issue_bad_region,
	bad_birth_date: m.report_id_issue_bad_birth_date,
	sex_mismatch: m.report_id_issue_sex_mismatch,
	outside_regency: m.report_id_issue_outside_regency
};

/** The short name of a NIK/KK issue ('notasi ilmiah Excel'). */
export const idIssueWords = labelsOf(ID_ISSUE);

const DUPLICATE_FIGURE = {
	familyRows: m.report_figure_family_rows,
	sharedKeyFamilies: m.report_figure_shared_key_families,
	personRows: m.report_figure_person_rows,
	personInTwoFamiliesRows: m.report_figure_person_in_two_families_rows,
	duplicateNik: m.report_figure_duplicate_nik,
	nikInTwoFamilies: m.report_figure_nik_in_two_families
} satisfies Record<string, Words>;

export type DuplicateFigureName = keyof typeof DUPLICATE_FIGURE;

/** The label of a duplicate figure of the summary, counted in rows. */
export const duplicateFigureWords = labelsOf(DUPLICATE_FIGURE);

/** The rejected-row reason 'repeated row' in the summaries ('baris ganda'). */
export function repeatedRowsWords(locale: Locale): string {
	return m.report_rejected_repeated({}, { locale });
}

const SUMMARY = {
	source: m.report_summary_source,
	regency: m.report_summary_regency,
	other_regency_households: m.report_summary_other_regency_households,
	rows_read_total: m.report_summary_rows_read_total,
	households_loaded: m.report_summary_households_loaded,
	people_loaded: m.report_summary_people_loaded,
	rows_rejected: m.report_summary_rows_rejected,
	empty_key: m.report_summary_empty_key,
	orphans: m.report_summary_orphans,
	empty_rows: m.report_summary_empty_rows,
	households_without_members: m.report_summary_households_without_members,
	villages_outside: m.report_summary_villages_outside,
	unknown_codes: m.report_summary_unknown_codes
} satisfies Record<string, Words>;

export type SummaryLabel = keyof typeof SUMMARY;

/** A label of the report's summary sheet ('Keluarga dimuat' …). */
export const summaryLabelWords = labelsOf(SUMMARY);

/** The summary sheet's "rows read" label of one file. */
export function rowsReadWords(file: string, locale: Locale): string {
	return m.report_summary_rows_read_file({ file }, { locale });
}
