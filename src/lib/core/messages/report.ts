/**
 * The validation report's findings (ingest/report-sql.ts), as codes: where in which file, and the
 * reason's own parameters. A finding is stored as the report row's columns plus its `params` JSON and
 * read back into one of these by ingest/report-params.ts; header names, values and region names
 * travel as the file and the reference wrote them.
 */
import type { IdIssue, IdKind } from '../nik';

/** Where a finding is: the file, the data row (1-based, header not counted), the XLSX sheet, the column. */
export interface FindingPlace {
	file: string;
	row: number | null;
	/** XLSX: the sheet and its header row, so the row is also given as Excel shows it. */
	sheet: { name: string; headerRow: number } | null;
	column: string | null;
}

/** A column's header and the row's value in it (the head's name of a family). */
export interface LabelledValue {
	header: string;
	value: string;
}

/** What the CSV record scan found in a record (ingest/csv-scan.ts). */
export type CsvIssueName =
	| 'open_quote'
	| 'too_many_fields'
	| 'truncated'
	| 'unended_empty_last'
	| 'extra_empty_fields'
	| 'short_row'
	| 'cr_in_value'
	| 'stray_cr'
	| 'stray_quote'
	| 'invalid_utf8';

export interface FindingMessages {
	/** `found`: the fields the record has (field-count issues), `expected` the header's. */
	'finding.csv': { place: FindingPlace; issue: CsvIssueName; found: number | null; expected: number };
	'finding.empty_row': { place: FindingPlace };
	/** Values of one column the load could not read, loaded as unknown: `rows` of them, the first listed; `min`/`max` for out_of_range. */
	'finding.invalid_value': {
		place: FindingPlace;
		value: string;
		rows: number;
		reason: 'not_number' | 'not_whole' | 'out_of_range' | 'not_date';
		min: number | null;
		max: number | null;
		firstRows: string;
	};
	'finding.empty_key': { place: FindingPlace };
	'finding.orphan_member': { place: FindingPlace; key: string; householdFile: string };
	'finding.household_without_members': { place: FindingPlace; householdId: string; personFile: string };
	/** `firstRow` is null for the finding written again after a change of regency. */
	'finding.village_not_in_reference': {
		place: FindingPlace;
		kode: string | null;
		region: string;
		households: number;
		people: number;
		firstRow: number | null;
	};
	/** `file` is null for the finding written after a change of regency (basis 'changed'). */
	'finding.regency': {
		file: string | null;
		name: string;
		kode: string;
		basis: 'detected' | 'chosen' | 'kept' | 'changed';
		households: number;
		voting: number;
	};
	/** `name` is null for a code not in Indonesia's list of regions. */
	'finding.other_regency': {
		place: FindingPlace;
		kode: string;
		name: string | null;
		region: string;
		households: number;
		people: number;
		firstRow: number | null;
	};
	'finding.village_name_ambiguous': { place: FindingPlace; name: string; kecamatan: string; candidates: string; households: number };
	'finding.village_name_not_found': { place: FindingPlace; name: string; kecamatan: string; households: number };
	'finding.village_name_no_kecamatan': { place: FindingPlace; name: string; households: number };
	'finding.unknown_code': { file: string; column: string; value: string; rows: number; firstRow: number; codebook: string };
	/** `value` is null for an empty identifier (issue 'missing'). */
	'finding.identifier': { place: FindingPlace; kind: IdKind; issue: IdIssue; value: string | null };
	'finding.trailing_zeros': { place: FindingPlace; kind: IdKind; zeros: number; values: number; firstRow: number };
	'finding.duplicate_family': { place: FindingPlace; key: string; firstRow: number; columns: string[] };
	/** `personFile` for a pair of files: the later family's members stay with the first. */
	'finding.family_key_shared': {
		place: FindingPlace;
		key: string;
		keyRow: number;
		firstHead: LabelledValue | null;
		rows: string;
		head: LabelledValue | null;
		columns: string;
		householdId: string;
		personFile: string | null;
	};
	'finding.duplicate_person': { place: FindingPlace; nik: string; name: string | null; firstRow: number };
	'finding.person_in_two_families': {
		place: FindingPlace;
		nik: string;
		name: string | null;
		firstRow: number;
		firstHousehold: string;
		householdId: string;
	};
	'finding.duplicate_nik': { place: FindingPlace; nik: string; firstRow: number };
	'finding.nik_in_two_families': { place: FindingPlace; nik: string; firstRow: number; firstHousehold: string };
}
