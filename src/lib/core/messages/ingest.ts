/**
 * Why a load of register files stops, as codes (ingest/): which file, and what to do. Sizes travel in
 * bytes, so each language formats its own numbers; a file's role ('household', 'person', 'flat') and
 * a source's title (DTSEN, DTKS, P3KE: names, not words) travel as they are.
 */
import type { CodedMessage, NoParams } from './coded';
import type { FindingMessages } from './report';

export type FileRoleCode = 'flat' | 'household' | 'person';

/** Why DuckDB could not read a CSV, from its error text (ingest/stage-table.ts). */
export interface CsvReasons {
	'csv.unreadable': NoParams;
	'csv.not_utf8': NoParams;
	'csv.open_quote': NoParams;
	'csv.column_count': NoParams;
	'csv.nonstandard': NoParams;
}

/** Why the bytes are not a readable workbook (ingest/xlsx/). */
export interface XlsxReasons {
	'xlsx.damaged': NoParams;
	'xlsx.no_directory': NoParams;
	'xlsx.part_encrypted': { part: string };
	'xlsx.bad_row_number': { value: string };
	'xlsx.bad_cell': { ref: string };
	'xlsx.part_too_large': { part: string };
	'xlsx.not_workbook': NoParams;
	'xlsx.compression': { part: string; method: string };
	'xlsx.truncated': NoParams;
	'xlsx.part_damaged': { part: string; detail: string };
	/** The part inflates past the size the ZIP's directory declares for it. */
	'xlsx.size_mismatch': { part: string; declared: string };
	/** The part grows more than `ratio` times its compressed size: a decompression bomb. */
	'xlsx.inflate_ratio': { part: string; ratio: string };
	'xlsx.sheet_missing': { sheet: string };
	'xlsx.xml_damaged': { part: string; detail: string };
}

export interface IngestMessages {
	'ingest.not_recognised': { file: string };
	'ingest.no_files': NoParams;
	'ingest.too_many_files': NoParams;
	'ingest.household_file_alone': { file: string; marker: string };
	'ingest.person_file_alone': { file: string; source: string };
	'ingest.different_sources': { first: string; firstSource: string; second: string; secondSource: string };
	'ingest.not_a_pair': { first: string; firstRole: FileRoleCode; second: string; secondRole: FileRoleCode };
	'ingest.missing_column': { file: string; source: string; role: FileRoleCode; header: string };
	'ingest.unmapped_column': { file: string; source: string; role: FileRoleCode; header: string };
	'ingest.header_only': { file: string };
	'ingest.no_households': { file: string; header: string };
	/** DuckDB's own first line of error text, in its language. */
	'ingest.failed': { label: string; detail: string };
	'ingest.cancelled': { file: string };
	'ingest.empty_file': { file: string };
	'ingest.encrypted_workbook': { file: string };
	'ingest.old_xls': { file: string };
	'ingest.parquet_unreadable': { file: string; detail: string };
	'ingest.no_columns': { file: string };
	'ingest.binary': { file: string };
	'ingest.no_header': { file: string };
	'ingest.record_too_long': { file: string; megabytes: number };
	/** `row` is 0 when DuckDB did not say where. */
	'ingest.csv_unreadable': { file: string; row: number; reason: CodedMessage<keyof CsvReasons> };
	'ingest.too_large': { files: string[]; bytes: number; limitBytes: number };
	'ingest.xlsx_part_too_large': { file: string; bytes: number; part: 'sheet' | 'sharedStrings'; limitBytes: number };
	'ingest.xlsx_too_large': { file: string; bytes: number };
	/** `reason` when the reader said why; otherwise `detail`, a foreign error's own text. */
	'ingest.xlsx_unreadable': { file: string; reason: CodedMessage<keyof XlsxReasons> | null; detail: string };
	'ingest.sheet_not_found': { file: string; sheet: string; sheets: string[] };
	'ingest.not_data_sheet': { file: string; sheet: string };
	'ingest.no_worksheet': { file: string };
	'ingest.empty_sheet': { file: string; sheet: string };
	'ingest.sheet_without_header': { file: string; sheet: string };
	'ingest.regency_unknown': { regency: string };
	'ingest.regency_unmatched': { file: string; votes: { kode: string; nama: string | null; households: number }[] };
	'ingest.regency_tie': { file: string; households: number; regencies: { kode: string; nama: string }[] };
	/** More rows left out than `limit` % of `rows`: the count and the first of them, as its finding. */
	'ingest.too_many_rejected': {
		label: string;
		rejected: number;
		rows: number;
		limit: number;
		first: CodedMessage<keyof FindingMessages> | null;
	};
}

/** A column-mapping file (pemetaan-kolom-*.json) refused. */
export interface MappingMessages {
	'mapping.side_not_object': { file: string; side: string };
	'mapping.unknown_field': { file: string; field: string; side: string; source: string };
	'mapping.not_header': { file: string; side: string; field: string };
	'mapping.not_json': { file: string };
	'mapping.not_found': { file: string };
	'mapping.not_mapping': { file: string; format: string };
	'mapping.version': { file: string; version: string; supported: string };
	'mapping.unknown_source': { file: string; source: string };
}
