/**
 * The column headers and sheet words of the plan's exports (BNBA, budget summary) in a given language:
 * Indonesian by default, English when the UI or the CLI's --lang is English. The exports take the
 * language explicitly, since the CLI has no UI language to read.
 */
import type { ProgrammeId } from '../core/plan';
import { m } from '../paraglide/messages.js';
import type { Locale } from './render';

type Words = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const COLUMN = {
	no: m.export_col_no,
	programme: m.export_col_programme,
	kecamatan: m.export_col_kecamatan,
	village_code: m.export_col_village_code,
	village: m.export_col_village,
	household_id: m.export_col_household_id,
	kk: m.export_col_kk,
	nik: m.export_col_nik,
	name: m.export_col_name,
	address: m.export_col_address,
	desil: m.export_col_desil,
	rule: m.export_col_rule,
	rank: m.export_col_rank,
	funding_line: m.export_col_funding_line,
	cost: m.export_col_cost,
	override: m.export_col_override,
	plan: m.export_col_plan,
	plan_date: m.export_col_plan_date,
	checksum: m.export_col_checksum,
	regency_code: m.export_col_regency_code,
	regency: m.export_col_regency,
	notes: m.export_col_notes
} satisfies Record<string, Words>;

export type ExportColumn = keyof typeof COLUMN;

/** A CSV column name ('kode_desa', 'village_code'). */
export const columnWord = (column: ExportColumn, locale: Locale): string => COLUMN[column]({}, { locale });

const SHEET = {
	stamp_plan: m.export_stamp_plan,
	stamp_plan_date: m.export_stamp_plan_date,
	stamp_checksum: m.export_stamp_checksum,
	stamp_notes: m.export_stamp_notes,
	sheet_lines: m.export_budget_sheet_lines,
	sheet_villages: m.export_budget_sheet_villages,
	sheet_split: m.export_budget_sheet_split,
	title_lines: m.export_budget_title_lines,
	title_villages: m.export_budget_title_villages,
	title_split: m.export_budget_title_split,
	programme: m.export_budget_programme,
	funding_line: m.export_budget_funding_line,
	units: m.export_budget_units,
	rupiah: m.export_budget_rupiah,
	kecamatan: m.export_budget_kecamatan,
	village_code: m.export_budget_village_code,
	village: m.export_budget_village,
	need_units: m.export_budget_need_units,
	need_rupiah: m.export_budget_need_rupiah,
	funded_units: m.export_budget_funded_units,
	funded_rupiah: m.export_budget_funded_rupiah,
	unmet_units: m.export_budget_unmet_units,
	unmet_rupiah: m.export_budget_unmet_rupiah
} satisfies Record<string, Words>;

export type SheetWord = keyof typeof SHEET;

/** A word of a spreadsheet's title block, sheet names and headers ('Sumber dana', 'Funding lines'). */
export const sheetWord = (word: SheetWord, locale: Locale): string => SHEET[word]({}, { locale });

const TABLE = {
	col_code: m.export_table_col_code,
	col_value: m.export_table_col_value,
	col_count: m.export_table_col_count,
	col_denominator: m.export_table_col_denominator,
	head_code: m.export_table_head_code,
	head_village: m.export_table_head_village,
	head_kecamatan: m.export_table_head_kecamatan,
	head_value: m.export_table_head_value,
	head_count: m.export_table_head_count,
	head_denominator: m.export_table_head_denominator,
	head_rank: m.export_table_head_rank,
	sheet: m.export_table_sheet,
	plan: m.export_stamp_plan,
	plan_date: m.export_stamp_plan_date,
	plan_unsaved: m.export_table_plan_unsaved,
	population: m.export_table_population,
	downloaded: m.export_table_downloaded,
	regency: m.export_table_regency,
	note: m.export_table_note
} satisfies Record<string, Words>;

export type TableWord = keyof typeof TABLE;

/** A word of the indicator table's download (CSV column names, XLSX headers and title block). */
export const tableWord = (word: TableWord, locale: Locale): string => TABLE[word]({}, { locale });

const PROGRAMME = {
	pip: m.rencana_prog_pip,
	paket: m.rencana_prog_paket,
	bsps: m.rencana_prog_bsps,
	rtlh: m.rencana_prog_rtlh,
	water: m.rencana_prog_water
} satisfies Record<ProgrammeId, Words>;

/** 'Sambungan air bersih', 'Clean-water connection'; a code the plan does not know stays as it is. */
export function programmeTitle(programme: string, locale: Locale): string {
	return programme in PROGRAMME ? PROGRAMME[programme as ProgrammeId]({}, { locale }) : programme;
}

const cellCount = new Intl.NumberFormat('id-ID');

/**
 * What ends a spreadsheet cell cut at Excel's limit: ' … [DIPOTONG: teks asli 1.048.576 karakter; …]'
 * (export/exceljs.ts). Numbers in the Indonesian writing in both languages, as the CLI writes them.
 */
export const truncatedCellWord = (length: number, locale: Locale): string =>
	m.export_cell_truncated({ length: cellCount.format(length) }, { locale });
