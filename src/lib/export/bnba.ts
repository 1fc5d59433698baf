/**
 * By-name-by-address lists (BNBA) and the budget summary as files. Both hosts write them from the same
 * rows with the same code, so the CLI's CSV and the browser's are byte for byte the same for the same
 * register and plan. Every file carries the regency, the plan's name and date and the register's
 * checksum: in CSV as columns on every row (a CSV has no other place a reader would keep), in XLSX in
 * the title (the regency) and a title block.
 * NIK and KK are text cells; text that a spreadsheet would run as a formula is neutralised (csv.ts).
 */
import type { Worksheet } from 'exceljs';
import type { Plan, ProgrammeId } from '../core/plan';
import type { BnbaRow, LineBudget, VillageBudget, VillageLineBudget } from '../queries/allocation';
import { toCsv, type CsvCell } from './csv';
import { columnWord, programmeTitle, sheetWord, type ExportColumn, type SheetWord } from '../words/export-labels';
import { eligibilityWords } from '../words/eligibility';
import type { Locale } from '../words/render';
import { loadExcelJs, workbookBytes } from './exceljs';

export interface ExportStamp {
	planName: string;
	/** The plan's date, or '' when the plan has none. */
	planDate: string;
	registerChecksum: string;
	/** The register's regency: Kemendagri code ('64.03') and name ('Kabupaten Berau'). */
	regencyKode: string;
	regencyNama: string;
	/** Filters and requirements that did not apply, or met records without a value (capability-notes.ts). */
	notes: readonly string[];
	/** The plan's funding lines by id, so a list names the line ("APBD Kutai Kartanegara"), not its code. */
	lineNames: Readonly<Record<string, string>>;
	/** The language of the headers and titles: Indonesian unless the user works in English. */
	locale: Locale;
}

export function stampOf(
	plan: Plan,
	registerChecksum: string,
	regency: { kode: string; nama: string },
	notes: readonly string[] = [],
	locale: Locale = 'id'
): ExportStamp {
	return {
		planName: plan.name,
		planDate: plan.date ?? '',
		registerChecksum,
		regencyKode: regency.kode,
		regencyNama: regency.nama,
		notes,
		lineNames: Object.fromEntries(plan.fundingLines.map((line) => [line.id, line.name])),
		locale
	};
}

/** The notes as one cell: '-' when every filter and requirement applied to every record. */
const notesCell = (stamp: ExportStamp): string => (stamp.notes.length > 0 ? stamp.notes.join('; ') : '-');

/** A funding line by its name in the plan; a line the plan no longer has keeps its id. */
const lineName = (stamp: ExportStamp, id: string): string => stamp.lineNames[id] ?? id;

const BNBA_HEADERS: readonly [keyof BnbaRow, ExportColumn][] = [
	['kecamatan_nama', 'kecamatan'],
	['village_kode', 'village_code'],
	['village_nama', 'village'],
	['household_id', 'household_id'],
	['kk', 'kk'],
	['nik', 'nik'],
	['nama', 'name'],
	['alamat', 'address'],
	['desil', 'desil'],
	['rule', 'rule'],
	['rank', 'rank'],
	['funding_line', 'funding_line'],
	['cost', 'cost'],
	['override_reason', 'override']
];

/** A BNBA row's cell, with the funding line by name and the reason for eligibility in words. */
function bnbaCell(row: BnbaRow, column: keyof BnbaRow, stamp: ExportStamp): CsvCell {
	if (column === 'funding_line') return lineName(stamp, row.funding_line);
	if (column === 'rule') return eligibilityWords(row.rule, stamp.locale);
	return row[column];
}

const TEXT: ReadonlySet<keyof BnbaRow> = new Set([
	'village_kode',
	'household_id',
	'kk',
	'nik',
	'nama',
	'alamat',
	'rule',
	'funding_line',
	'override_reason',
	'kecamatan_nama',
	'village_nama'
]);

export const bnbaFileStem = (programme: ProgrammeId): string => `bnba-${programme}`;

export function bnbaCsv(rows: readonly BnbaRow[], stamp: ExportStamp): string {
	const word = (column: ExportColumn) => columnWord(column, stamp.locale);
	const header = [
		word('no'),
		word('programme'),
		...BNBA_HEADERS.map(([, h]) => word(h)),
		...(['plan', 'plan_date', 'checksum', 'regency_code', 'regency', 'notes'] as const).map(word)
	];
	return toCsv(
		header,
		rows.map((row, i): CsvCell[] => [
			i + 1,
			row.programme,
			...BNBA_HEADERS.map(([column]) => bnbaCell(row, column, stamp)),
			stamp.planName,
			stamp.planDate,
			stamp.registerChecksum,
			stamp.regencyKode,
			stamp.regencyNama,
			notesCell(stamp)
		])
	);
}

function titleBlock(sheet: Worksheet, title: string, stamp: ExportStamp): void {
	sheet.addRow([`${title} — ${stamp.regencyNama} (${stamp.regencyKode})`]).font = { bold: true, size: 13 };
	const word = (w: SheetWord) => sheetWord(w, stamp.locale);
	for (const [label, value] of [
		[word('stamp_plan'), stamp.planName],
		[word('stamp_plan_date'), stamp.planDate || '-'],
		[word('stamp_checksum'), stamp.registerChecksum],
		[word('stamp_notes'), notesCell(stamp)]
	]) {
		const row = sheet.addRow([label, '']);
		row.getCell(2).value = value; // a string cell, whatever it holds
	}
	sheet.addRow([]);
}

/** Sets a string cell explicitly, so text that looks like a formula or a number stays text. */
function textCell(sheet: Worksheet, row: number, column: number, value: string): void {
	const cell = sheet.getRow(row).getCell(column);
	cell.value = value;
	cell.numFmt = '@';
}

export async function bnbaXlsx(programme: ProgrammeId, rows: readonly BnbaRow[], stamp: ExportStamp): Promise<Uint8Array> {
	const ExcelJS = await loadExcelJs();
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Tepat';
	const sheet = workbook.addWorksheet('BNBA');
	titleBlock(sheet, `BNBA ${programmeTitle(programme, stamp.locale)}`, stamp);
	const headerRow = sheet.addRow(['No', ...BNBA_HEADERS.map(([, h]) => columnWord(h, stamp.locale))]);
	headerRow.font = { bold: true };
	rows.forEach((row, i) => {
		const added = sheet.addRow([i + 1, ...BNBA_HEADERS.map(([column]) => (TEXT.has(column) ? null : row[column]))]);
		BNBA_HEADERS.forEach(([column], c) => {
			const value = bnbaCell(row, column, stamp);
			if (TEXT.has(column) && value !== null) textCell(sheet, added.number, c + 2, String(value));
		});
	});
	sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
	return workbookBytes(workbook, stamp.locale);
}

/** The budget summary for the RKA: per programme and funding line, per programme and village, and per village and line. */
export async function budgetXlsx(
	lines: readonly LineBudget[],
	villages: readonly VillageBudget[],
	villageLines: readonly VillageLineBudget[],
	stamp: ExportStamp
): Promise<Uint8Array> {
	const ExcelJS = await loadExcelJs();
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Tepat';
	const word = (w: SheetWord) => sheetWord(w, stamp.locale);
	const title = (programme: string) => programmeTitle(programme, stamp.locale);
	const totals = workbook.addWorksheet(word('sheet_lines'));
	titleBlock(totals, word('title_lines'), stamp);
	totals.addRow([word('programme'), word('funding_line'), word('units'), word('rupiah')]).font = { bold: true };
	for (const l of lines) {
		const added = totals.addRow([title(l.programme), null, l.units, l.rupiah]);
		textCell(totals, added.number, 2, lineName(stamp, l.funding_line));
	}
	totals.getColumn(4).numFmt = '#,##0';

	const perVillage = workbook.addWorksheet(word('sheet_villages'));
	titleBlock(perVillage, word('title_villages'), stamp);
	const villageColumns = [
		'programme',
		'kecamatan',
		'village_code',
		'village',
		'need_units',
		'need_rupiah',
		'funded_units',
		'funded_rupiah',
		'unmet_units',
		'unmet_rupiah'
	] as const;
	perVillage.addRow(villageColumns.map(word)).font = { bold: true };
	for (const v of villages) {
		const added = perVillage.addRow([
			title(v.programme),
			null,
			null,
			null,
			v.need_units,
			v.need_rupiah,
			v.funded_units,
			v.funded_rupiah,
			v.unmet_units,
			v.unmet_rupiah
		]);
		textCell(perVillage, added.number, 2, v.kecamatan_nama);
		textCell(perVillage, added.number, 3, v.village_kode);
		textCell(perVillage, added.number, 4, v.village_nama);
	}
	for (const c of [6, 8, 10]) perVillage.getColumn(c).numFmt = '#,##0';

	const names = new Map(villages.map((v) => [v.village_kode, v]));
	const split = workbook.addWorksheet(word('sheet_split'));
	titleBlock(split, word('title_split'), stamp);
	const splitColumns = ['programme', 'kecamatan', 'village_code', 'village', 'funding_line', 'units', 'rupiah'] as const;
	split.addRow(splitColumns.map(word)).font = { bold: true };
	for (const v of villageLines) {
		const added = split.addRow([title(v.programme), null, null, null, null, v.units, v.rupiah]);
		textCell(split, added.number, 2, names.get(v.village_kode)?.kecamatan_nama ?? v.kecamatan_kode);
		textCell(split, added.number, 3, v.village_kode);
		textCell(split, added.number, 4, names.get(v.village_kode)?.village_nama ?? '');
		textCell(split, added.number, 5, lineName(stamp, v.funding_line));
	}
	split.getColumn(7).numFmt = '#,##0';
	return workbookBytes(workbook, stamp.locale);
}
