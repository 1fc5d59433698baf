/** Words for the validation report's findings (core/messages/report.ts). */
import type { CsvIssueName, FindingMessages, FindingPlace, LabelledValue } from '../core/messages/report';
import type { IdIssue, IdKind } from '../core/nik';
import { m } from '../paraglide/messages.js';
import type { Locale, WordTable } from './render';

type Words = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const ID_LABEL: Record<IdKind, Words> = { nik: m.said_finding_label_nik, kk: m.said_finding_label_kk };

const ID_ISSUE: Record<IdIssue, Words> = {
	missing: m.said_finding_id_missing,
	scientific: m.said_finding_id_scientific,
	non_digit: m.said_finding_id_non_digit,
	wrong_length: m.said_finding_id_wrong_length,
	apostrophe: m.said_finding_id_apostrophe,
	spaces: m.said_finding_id_spaces,
	lost_digits: m.said_finding_id_lost_digits,
	bad_region: m.said_finding_id_bad_region,
	bad_birth_date: m.said_finding_id_bad_birth_date,
	sex_mismatch: m.said_finding_id_sex_mismatch,
	outside_regency: m.said_finding_id_outside_regency
};

/** "Berkas 'f', baris data N (baris M di lembar S), kolom C": where a finding is, without the colon. */
export function placeWords(place: FindingPlace, locale: Locale): string {
	let out: string = m.said_finding_file({ file: place.file }, { locale });
	if (place.row !== null) {
		out += m.said_finding_row({ row: place.row }, { locale });
		if (place.sheet) out += m.said_finding_sheet_row({ row: place.row + place.sheet.headerRow, sheet: place.sheet.name }, { locale });
	}
	if (place.column !== null) out += m.said_finding_column({ column: place.column }, { locale });
	return out;
}

/** 'a', 'a, b dan c': the signature columns two rows share. */
function columnList(columns: readonly string[], locale: Locale): string {
	const last = columns.at(-1);
	if (last === undefined) return m.said_finding_no_signature({}, { locale });
	if (columns.length === 1) return last;
	return m.said_finding_columns_last({ rest: columns.slice(0, -1).join(', '), last }, { locale });
}

/** ", Nama Kepala 'Siti'": a family's head as its row names them, or nothing. */
const labelled = (v: LabelledValue | null) => (v ? `, ${v.header} '${v.value}'` : '');

const andName = (name: string | null, locale: Locale) => (name === null ? '' : m.said_finding_and_name({ name }, { locale }));

const village = (kode: string | null, region: string, locale: Locale) =>
	kode === null ? m.said_finding_village_code_empty({}, { locale }) : m.said_finding_village_code_unknown({ kode, region }, { locale });

const CSV_ISSUE: Record<CsvIssueName, (inputs: { found: number | string; expected: number }, options: { locale: Locale }) => string> = {
	open_quote: m.said_finding_csv_open_quote,
	too_many_fields: m.said_finding_csv_too_many_fields,
	truncated: m.said_finding_csv_truncated,
	unended_empty_last: m.said_finding_csv_unended_empty_last,
	extra_empty_fields: m.said_finding_csv_extra_empty_fields,
	short_row: m.said_finding_csv_short_row,
	cr_in_value: m.said_finding_csv_cr_in_value,
	stray_cr: m.said_finding_csv_stray_cr,
	stray_quote: m.said_finding_csv_stray_quote,
	invalid_utf8: m.said_finding_csv_invalid_utf8
};

const INVALID_REASON = {
	not_number: m.said_finding_invalid_not_number,
	not_whole: m.said_finding_invalid_not_whole,
	out_of_range: m.said_finding_invalid_out_of_range,
	not_date: m.said_finding_invalid_not_date
} as const;

export const FINDING_WORDS: WordTable<keyof FindingMessages> = {
	'finding.invalid_value': (p, locale) =>
		m.said_finding_invalid_value(
			{
				where: placeWords(p.place, locale),
				rows: p.rows.toLocaleString('id-ID'),
				value: p.value,
				reason: INVALID_REASON[p.reason]({ min: p.min ?? '', max: p.max ?? '' }, { locale }),
				firstRows: p.firstRows
			},
			{ locale }
		),
	'finding.csv': (p, locale) =>
		m.said_finding_csv(
			{
				where: placeWords(p.place, locale),
				reason: CSV_ISSUE[p.issue]({ found: p.found ?? '', expected: p.expected }, { locale })
			},
			{ locale }
		),
	'finding.empty_row': (p, locale) => m.said_finding_empty_row({ where: placeWords(p.place, locale) }, { locale }),
	'finding.empty_key': (p, locale) => m.said_finding_empty_key({ where: placeWords(p.place, locale) }, { locale }),
	'finding.orphan_member': ({ place, ...p }, locale) =>
		m.said_finding_orphan_member({ where: placeWords(place, locale), ...p }, { locale }),
	'finding.household_without_members': ({ place, ...p }, locale) =>
		m.said_finding_household_without_members({ where: placeWords(place, locale), ...p }, { locale }),
	'finding.village_not_in_reference': (p, locale) =>
		m.said_finding_village_not_in_reference(
			{
				where: placeWords(p.place, locale),
				village: village(p.kode, p.region, locale),
				households: p.households,
				people: p.people,
				firstRow: p.firstRow === null ? '' : m.said_finding_first_row({ row: p.firstRow }, { locale })
			},
			{ locale }
		),
	'finding.regency': (p, locale) => {
		if (p.basis === 'changed' || p.file === null) {
			const votes = p.voting > 0 ? m.said_finding_regency_votes({ households: p.households, voting: p.voting }, { locale }) : '';
			return m.said_finding_regency_changed({ name: p.name, kode: p.kode, votes }, { locale });
		}
		const how = {
			detected: () => m.said_finding_regency_detected({ households: p.households, voting: p.voting }, { locale }),
			chosen: () => m.said_finding_regency_chosen({}, { locale }),
			kept: () => m.said_finding_regency_kept({}, { locale })
		}[p.basis]();
		return m.said_finding_regency({ file: p.file, name: p.name, kode: p.kode, how }, { locale });
	},
	'finding.other_regency': (p, locale) =>
		m.said_finding_other_regency(
			{
				where: placeWords(p.place, locale),
				households: p.households,
				people: p.people,
				regency: p.name === null ? m.said_finding_region_unlisted({ kode: p.kode }, { locale }) : `${p.name} (${p.kode})`,
				region: p.region,
				firstRow: p.firstRow === null ? '' : m.said_finding_other_regency_first_row({ row: p.firstRow }, { locale })
			},
			{ locale }
		),
	'finding.village_name_ambiguous': ({ place, ...p }, locale) =>
		m.said_finding_village_name_ambiguous({ where: placeWords(place, locale), firstRow: place.row ?? '', ...p }, { locale }),
	'finding.village_name_not_found': ({ place, ...p }, locale) =>
		m.said_finding_village_name_not_found({ where: placeWords(place, locale), firstRow: place.row ?? '', ...p }, { locale }),
	'finding.village_name_no_kecamatan': ({ place, ...p }, locale) =>
		m.said_finding_village_name_no_kecamatan({ where: placeWords(place, locale), firstRow: place.row ?? '', ...p }, { locale }),
	'finding.unknown_code': (p, locale) => m.said_finding_unknown_code(p, { locale }),
	'finding.identifier': (p, locale) =>
		m.said_finding_identifier(
			{
				where: placeWords(p.place, locale),
				label: ID_LABEL[p.kind]({}, { locale }),
				value: p.issue === 'missing' ? '' : `'${p.value ?? ''}' `,
				reason: ID_ISSUE[p.issue]({}, { locale })
			},
			{ locale }
		),
	'finding.trailing_zeros': (p, locale) =>
		m.said_finding_trailing_zeros(
			{
				where: placeWords(p.place, locale),
				zeros: p.zeros,
				values: p.values,
				label: ID_LABEL[p.kind]({}, { locale }),
				firstRow: p.firstRow
			},
			{ locale }
		),
	'finding.duplicate_family': (p, locale) =>
		m.said_finding_duplicate_family(
			{ where: placeWords(p.place, locale), key: p.key, firstRow: p.firstRow, columns: columnList(p.columns, locale) },
			{ locale }
		),
	'finding.family_key_shared': (p, locale) =>
		m.said_finding_family_key_shared(
			{
				where: placeWords(p.place, locale),
				key: p.key,
				keyRow: p.keyRow,
				firstHead: labelled(p.firstHead),
				rows: p.rows,
				head: labelled(p.head),
				columns: p.columns,
				householdId: p.householdId,
				members: p.personFile === null ? '' : m.said_finding_members_stay({ personFile: p.personFile }, { locale })
			},
			{ locale }
		),
	'finding.duplicate_person': (p, locale) =>
		m.said_finding_duplicate_person(
			{ where: placeWords(p.place, locale), nik: p.nik, name: andName(p.name, locale), firstRow: p.firstRow },
			{ locale }
		),
	'finding.person_in_two_families': (p, locale) =>
		m.said_finding_person_in_two_families(
			{
				where: placeWords(p.place, locale),
				nik: p.nik,
				name: andName(p.name, locale),
				firstRow: p.firstRow,
				firstHousehold: p.firstHousehold,
				householdId: p.householdId
			},
			{ locale }
		),
	'finding.duplicate_nik': ({ place, ...p }, locale) =>
		m.said_finding_duplicate_nik({ where: placeWords(place, locale), ...p }, { locale }),
	'finding.nik_in_two_families': ({ place, ...p }, locale) =>
		m.said_finding_nik_in_two_families({ where: placeWords(place, locale), ...p }, { locale })
};
