/**
 * A village's verval worklist as a file for its field team (issue 13 point 5): CSV and XLSX from the
 * same rows (queries/verval.ts), worded in the language asked for. Each person's household, KK,
 * address, head, record id, NIK, name, relation, age and why they are listed; then empty columns the
 * team fills in (status, visit date, officer, notes) under headers the result import recognises, so
 * the filled-in file goes back in as a round. The CSV carries the village, regency, print date and
 * register checksum as columns on every row (bnba.ts does the same); the XLSX in a title block.
 * NIK, KK and ids are text cells, and text a spreadsheet would run as a formula is neutralised.
 */
import type { Worksheet } from 'exceljs';
import { FIELD_ANSWERS, OUTCOMES } from '../core/verval/outcomes';
import type { WorklistRow } from '../queries/verval';
import type { Locale } from '../words/render';
import { relationWords, worklistHeader, worklistLabel, worklistTitle, worklistWhyWords, type WorklistColumn } from '../words/worklist';
import { neutraliseFormula, toCsv, type CsvCell } from './csv';
import { loadExcelJs, workbookBytes } from './exceljs';

export interface WorklistStamp {
	villageKode: string;
	villageNama: string;
	kecamatanNama: string;
	/** 'Kabupaten Kutai Kartanegara'; '' when not known. */
	regencyNama: string;
	/** The print date, 'YYYY-MM-DD'. */
	date: string;
	/** registerChecksum (queries/allocation.ts); '' when not given. */
	registerChecksum: string;
}

/** The stamp of one village's list, its names read off the rows. */
export function worklistStampOf(
	rows: readonly WorklistRow[],
	given: { date: string; regencyNama?: string; registerChecksum?: string }
): WorklistStamp {
	const first = rows[0];
	return {
		villageKode: first?.village_kode ?? '',
		villageNama: first?.village_nama ?? '',
		kecamatanNama: first?.kecamatan_nama ?? '',
		regencyNama: given.regencyNama ?? '',
		date: given.date,
		registerChecksum: given.registerChecksum ?? ''
	};
}

/** 'daftar-periksa' file name without extension: '64.02.06.1001-Jahab'. */
export function worklistFileStem(stamp: Pick<WorklistStamp, 'villageKode' | 'villageNama'>): string {
	const name = `${stamp.villageKode || 'tanpa-kode'}-${stamp.villageNama || 'di-luar-referensi'}`;
	return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The answers the status column offers, in the order of the outcomes. */
export const STATUS_CHOICES: readonly string[] = OUTCOMES.map((o) => FIELD_ANSWERS[o]);

const PERSON_COLUMNS = ['household_id', 'kk', 'alamat', 'head_name', 'person_id', 'nik', 'name', 'relation', 'age', 'why'] as const;
const FIELD_COLUMNS = ['status', 'date', 'officer', 'notes'] as const;
const STAMP_COLUMNS = ['village_kode', 'village_nama', 'kecamatan_nama', 'regency', 'printed', 'checksum'] as const;

/** Columns held as text whatever they look like (ids, names, addresses). */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(['household_id', 'kk', 'alamat', 'head_name', 'person_id', 'nik', 'name']);

const headers = (columns: readonly WorklistColumn[], locale: Locale) => columns.map((c) => worklistHeader(c, locale, STATUS_CHOICES));

function personCells(row: WorklistRow, locale: Locale): CsvCell[] {
	return [
		row.household_id,
		row.kk,
		row.alamat,
		row.head_name,
		row.person_id,
		row.nik,
		row.name,
		row.relation === null ? null : relationWords(row.relation, locale),
		row.age,
		worklistWhyWords(row.reason, row.findings, locale)
	];
}

export function worklistCsv(rows: readonly WorklistRow[], stamp: WorklistStamp, locale: Locale = 'id'): string {
	const stampCells = [stamp.villageKode, stamp.villageNama, stamp.kecamatanNama, stamp.regencyNama, stamp.date, stamp.registerChecksum];
	return toCsv(
		headers([...PERSON_COLUMNS, ...FIELD_COLUMNS, ...STAMP_COLUMNS], locale),
		rows.map((row) => [...personCells(row, locale), ...FIELD_COLUMNS.map(() => ''), ...stampCells])
	);
}

function titleBlock(sheet: Worksheet, stamp: WorklistStamp, locale: Locale): void {
	const village = stamp.villageKode ? `${stamp.villageNama} (${stamp.villageKode})` : stamp.villageNama;
	sheet.addRow([worklistTitle(village, locale)]).font = { bold: true, size: 13 };
	for (const [label, value] of [
		[worklistLabel('village', locale), village],
		[worklistLabel('kecamatan', locale), stamp.kecamatanNama],
		[worklistLabel('regency', locale), stamp.regencyNama || '-'],
		[worklistLabel('date', locale), stamp.date],
		[worklistLabel('checksum', locale), stamp.registerChecksum || '-']
	] as const) {
		const row = sheet.addRow([label, null]);
		row.getCell(2).value = neutraliseFormula(value);
	}
	sheet.addRow([worklistLabel('instructions', locale)]).font = { italic: true };
	sheet.addRow([]);
}

export async function worklistXlsx(rows: readonly WorklistRow[], stamp: WorklistStamp, locale: Locale = 'id'): Promise<Uint8Array> {
	const ExcelJS = await loadExcelJs();
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Tepat';
	const sheet = workbook.addWorksheet('Daftar periksa');
	titleBlock(sheet, stamp, locale);
	const columns = [...PERSON_COLUMNS, ...FIELD_COLUMNS];
	const headerRow = sheet.addRow(headers(columns, locale));
	headerRow.font = { bold: true };
	const status = columns.indexOf('status') + 1;
	const list = `"${STATUS_CHOICES.join(',')}"`;
	for (const row of rows) {
		const cells = personCells(row, locale);
		const added = sheet.addRow(columns.map(() => null));
		cells.forEach((value, i) => {
			if (value === null || value === undefined) return;
			const cell = added.getCell(i + 1);
			if (typeof value === 'number') cell.value = value;
			else {
				cell.value = String(value);
				if (TEXT_COLUMNS.has(columns[i] ?? '')) cell.numFmt = '@';
			}
		});
		// The status cell offers the answers the import reads (a typed answer is still read as free text).
		added.getCell(status).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [list] };
		added.getCell(status + 1).numFmt = '@';
	}
	columns.forEach((c, i) => {
		sheet.getColumn(i + 1).width = c === 'why' || c === 'status' ? 40 : c === 'alamat' ? 28 : 18;
	});
	sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
	return workbookBytes(workbook, locale);
}
