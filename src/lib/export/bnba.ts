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
import { loadExcelJs } from './exceljs';

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
}

export function stampOf(
	plan: Plan,
	registerChecksum: string,
	regency: { kode: string; nama: string },
	notes: readonly string[] = []
): ExportStamp {
	return {
		planName: plan.name,
		planDate: plan.date ?? '',
		registerChecksum,
		regencyKode: regency.kode,
		regencyNama: regency.nama,
		notes
	};
}

/** The notes as one cell: '-' when every filter and requirement applied to every record. */
const notesCell = (stamp: ExportStamp): string => (stamp.notes.length > 0 ? stamp.notes.join('; ') : '-');

export const PROGRAMME_TITLE: Readonly<Record<ProgrammeId, string>> = {
	pip: 'PIP (beasiswa)',
	paket: 'Kejar Paket A/B/C',
	bsps: 'BSPS (bedah rumah APBN)',
	rtlh: 'RTLH (bedah rumah daerah)',
	water: 'Sambungan air bersih'
};

const BNBA_HEADERS: readonly [keyof BnbaRow, string][] = [
	['kecamatan_nama', 'kecamatan'],
	['village_kode', 'kode_desa'],
	['village_nama', 'desa_kelurahan'],
	['household_id', 'id_keluarga'],
	['kk', 'no_kk'],
	['nik', 'nik'],
	['nama', 'nama'],
	['alamat', 'alamat'],
	['desil', 'desil'],
	['rule', 'alasan_kelayakan'],
	['rank', 'peringkat'],
	['funding_line', 'sumber_dana'],
	['cost', 'biaya_rupiah'],
	['override_reason', 'alasan_perubahan_manual']
];

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
	const header = [
		'no',
		'program',
		...BNBA_HEADERS.map(([, h]) => h),
		'rencana',
		'tanggal_rencana',
		'checksum_register',
		'kode_kabupaten',
		'kabupaten_kota',
		'catatan_data'
	];
	return toCsv(
		header,
		rows.map((row, i): CsvCell[] => [
			i + 1,
			row.programme,
			...BNBA_HEADERS.map(([column]) => row[column]),
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
	for (const [label, value] of [
		['Rencana', stamp.planName],
		['Tanggal rencana', stamp.planDate || '-'],
		['Checksum register', stamp.registerChecksum],
		['Catatan data', notesCell(stamp)]
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
	titleBlock(sheet, `BNBA ${PROGRAMME_TITLE[programme]}`, stamp);
	const headerRow = sheet.addRow(['No', ...BNBA_HEADERS.map(([, h]) => h)]);
	headerRow.font = { bold: true };
	rows.forEach((row, i) => {
		const added = sheet.addRow([i + 1, ...BNBA_HEADERS.map(([column]) => (TEXT.has(column) ? null : row[column]))]);
		BNBA_HEADERS.forEach(([column], c) => {
			const value = row[column];
			if (TEXT.has(column) && value !== null) textCell(sheet, added.number, c + 2, String(value));
		});
	});
	sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
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
	const totals = workbook.addWorksheet('Sumber dana');
	titleBlock(totals, 'Ringkasan anggaran per program dan sumber dana', stamp);
	totals.addRow(['Program', 'Sumber dana', 'Unit', 'Rupiah']).font = { bold: true };
	for (const l of lines) totals.addRow([PROGRAMME_TITLE[l.programme as ProgrammeId] ?? l.programme, l.funding_line, l.units, l.rupiah]);
	totals.getColumn(4).numFmt = '#,##0';

	const perVillage = workbook.addWorksheet('Per desa');
	titleBlock(perVillage, 'Kebutuhan, terdanai dan belum terdanai per desa/kelurahan', stamp);
	perVillage.addRow([
		'Program',
		'Kecamatan',
		'Kode desa',
		'Desa/kelurahan',
		'Kebutuhan (unit)',
		'Kebutuhan (Rp)',
		'Terdanai (unit)',
		'Terdanai (Rp)',
		'Belum terdanai (unit)',
		'Belum terdanai (Rp)'
	]).font = { bold: true };
	for (const v of villages) {
		const added = perVillage.addRow([
			PROGRAMME_TITLE[v.programme as ProgrammeId] ?? v.programme,
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
	const split = workbook.addWorksheet('Per desa × sumber dana');
	titleBlock(split, 'Terdanai per desa/kelurahan dan sumber dana', stamp);
	split.addRow(['Program', 'Kecamatan', 'Kode desa', 'Desa/kelurahan', 'Sumber dana', 'Unit', 'Rupiah']).font = { bold: true };
	for (const v of villageLines) {
		const added = split.addRow([PROGRAMME_TITLE[v.programme as ProgrammeId] ?? v.programme, null, null, null, null, v.units, v.rupiah]);
		textCell(split, added.number, 2, names.get(v.village_kode)?.kecamatan_nama ?? v.kecamatan_kode);
		textCell(split, added.number, 3, v.village_kode);
		textCell(split, added.number, 4, names.get(v.village_kode)?.village_nama ?? '');
		textCell(split, added.number, 5, v.funding_line);
	}
	split.getColumn(7).numFmt = '#,##0';
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
