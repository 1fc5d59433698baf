/**
 * Issue 13 point 5: a village's worklist as CSV and XLSX, and the round trip a field team makes: the
 * printed list filled in and imported back as a result file. A hand-made village of two households:
 * H1 (Ahmad found in round 1; his wife and child unchecked) and H2 (one member, unchecked, whose NIK
 * came through Excel's scientific notation and whose family declares 3 members for 1 row).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql } from '../../src/lib/core/catalog';
import { rowsOf } from '../../src/lib/core/rows';
import { resultColumns } from '../../src/lib/core/verval/result-fields';
import { resolveHouseholdStatements, resolvePersonStatements } from '../../src/lib/core/verval/resolve';
import { NodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import { worklistCsv, worklistFileStem, worklistStampOf, worklistXlsx, type WorklistStamp } from '../../src/lib/export/worklist';
import { bytesByteSource } from '../../src/lib/ingest/bytes-source';
import { importResultFile } from '../../src/lib/ingest/verval-results';
import { villageWorklist, type WorklistRow } from '../../src/lib/queries/verval';

const V1 = '64.02.01.2001';
const text = (s: string) => new TextEncoder().encode(s);

/** A CSV written here, as rows of cells (BOM dropped; the fixture puts no comma or quote in a cell). */
const cellsOf = (csv: string) =>
	csv
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n')
		.map((line) => line.split(','));

async function resolve(engine: Engine): Promise<void> {
	for (const s of [...resolvePersonStatements(), ...resolveHouseholdStatements()]) await engine.exec(s);
}

describe('verval worklist exports', () => {
	let engine: Engine;
	let rows: WorklistRow[];
	let stamp: WorklistStamp;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		for (const t of ['register_region', 'village', 'household', 'person', 'ingest_report', 'verval_decision'] as const) {
			await engine.exec(createTableSql(t));
		}
		await engine.exec(`INSERT INTO register_region (kode, nama) VALUES ('64.02', 'Kabupaten Kutai Kartanegara')`);
		await engine.exec(
			`INSERT INTO village (kode, nama, kecamatan_kode, kecamatan_nama) VALUES ('${V1}', 'Satu', '64.02.01', 'Muara Muntai')`
		);
		await engine.exec(`INSERT INTO household (household_id, kk, village_kode, alamat, head_name, members, members_declared, source_row) VALUES
			('H1', '6402010101150001', '${V1}', 'Jl A', 'Ahmad', 3, 3, 1),
			('H2', '6402010202150004', '${V1}', 'Jl B', 'Budi', 1, 3, 4)`);
		await engine.exec(`INSERT INTO person (person_id, household_id, nik, kk, name, relation, age, source_row) VALUES
			('6402010101860001', 'H1', '6402010101860001', '6402010101150001', 'Ahmad', 'head', 40, 1),
			('6402014103880002', 'H1', '6402014103880002', '6402010101150001', 'Sari', 'spouse', 38, 2),
			('6402011506160003', 'H1', '6402011506160003', '6402010101150001', '+62 Rizky', 'child', 10, 3),
			('6402010202910004', 'H2', '6402010202910004', '6402010202150004', 'Budi', 'head', 35, 4)`);
		await engine.exec(`INSERT INTO ingest_report (severity, code, source_file, source_row, rows, household_id, person_id)
			VALUES ('warning', 'nik_scientific', 'dtsen.csv', 4, 1, 'H2', '6402010202910004')`);
		await importResultFile(engine, bytesByteSource('r1.csv', text('NIK,Status\n6402010101860001,Ditemukan\n')), { round: 1 });
		await resolve(engine);
		rows = await villageWorklist(engine, V1);
		stamp = worklistStampOf(rows, { date: '2026-12-01', regencyNama: 'Kabupaten Kutai Kartanegara', registerChecksum: 'abc123' });
	});
	afterAll(async () => {
		await engine.close();
	});

	it('lists the unchecked and flagged people, with why in words, and the stamp on every CSV row', () => {
		expect(stamp).toEqual({
			villageKode: V1,
			villageNama: 'Satu',
			kecamatanNama: 'Muara Muntai',
			regencyNama: 'Kabupaten Kutai Kartanegara',
			date: '2026-12-01',
			registerChecksum: 'abc123'
		});
		expect(worklistFileStem(stamp)).toBe('64.02.01.2001-Satu');
		const csv = cellsOf(worklistCsv(rows, stamp));
		expect(csv[0]).toEqual([
			'id_keluarga',
			'no_kk',
			'alamat',
			'kepala_keluarga',
			'id_anggota',
			'nik',
			'nama',
			'hubungan',
			'umur',
			'alasan_diperiksa',
			'status (isi salah satu: ditemukan / tidak ditemukan / meninggal / pindah / mampu / di luar kabupaten / anggota baru)',
			'tanggal_kunjungan',
			'petugas',
			'catatan',
			'kode_desa',
			'desa_kelurahan',
			'kecamatan',
			'kabupaten_kota',
			'dicetak',
			'checksum_register'
		]);
		expect(csv.slice(1)).toEqual([
			// prettier-ignore
			['H1', '6402010101150001', 'Jl A', 'Ahmad', '6402014103880002', '6402014103880002', 'Sari', 'istri/suami', '38', 'belum diperiksa', '', '', '', '', V1, 'Satu', 'Muara Muntai', 'Kabupaten Kutai Kartanegara', '2026-12-01', 'abc123'],
			// A name a spreadsheet would read as a formula is neutralised.
			// prettier-ignore
			['H1', '6402010101150001', 'Jl A', 'Ahmad', '6402011506160003', '6402011506160003', "'+62 Rizky", 'anak', '10', 'belum diperiksa', '', '', '', '', V1, 'Satu', 'Muara Muntai', 'Kabupaten Kutai Kartanegara', '2026-12-01', 'abc123'],
			// prettier-ignore
			['H2', '6402010202150004', 'Jl B', 'Budi', '6402010202910004', '6402010202910004', 'Budi', 'kepala keluarga', '35', 'belum diperiksa; NIK: notasi ilmiah Excel; jumlah anggota tertulis berbeda dengan baris anggota', '', '', '', '', V1, 'Satu', 'Muara Muntai', 'Kabupaten Kutai Kartanegara', '2026-12-01', 'abc123']
		]);
		const english = cellsOf(worklistCsv(rows, stamp, 'en'));
		expect(english[3]?.[9]).toBe('not yet checked; NIK: Excel scientific notation; declared member count differs from the member rows');
	});

	it('names its field-team columns so the result import reads them, in both languages', () => {
		for (const locale of ['id', 'en'] as const) {
			const header = cellsOf(worklistCsv(rows, stamp, locale))[0] ?? [];
			const { fields, missing } = resultColumns(header);
			expect(missing).toEqual([]);
			expect(fields).toEqual({
				record_id: header[4],
				nik: header[5],
				name: header[6],
				status: header[10],
				date: header[11],
				officer: header[12],
				notes: header[13],
				// 'kode_desa' is read as the village (a note on the result); the English 'village_code' is not.
				...(locale === 'id' ? { village: header[14] } : {})
			});
		}
	});

	it('a filled-in worklist imports back as a round and resolves the statuses written on it', async () => {
		const [header, ...body] = cellsOf(worklistCsv(rows, stamp));
		const filled: Record<string, [string, string, string]> = {
			'6402014103880002': ['meninggal', '28/11/2026', 'Kades Satu'],
			'6402011506160003': ['Pindah ke Samarinda', '28/11/2026', 'Kades Satu'],
			'6402010202910004': ['ditemukan', '29/11/2026', 'RT 02']
		};
		const lines = [header ?? [], ...body.map((r) => [...r.slice(0, 10), ...(filled[r[4] ?? ''] ?? ['', '', '']), ...r.slice(13)])];
		const imported = await importResultFile(
			engine,
			bytesByteSource('daftar-periksa-satu.csv', text(lines.map((l) => l.join(',')).join('\r\n'))),
			{
				round: 2
			}
		);
		expect(imported).toMatchObject({ rows: 3, unreadAnswers: [], unreadDates: [] });
		await resolve(engine);
		const resolved = rowsOf(
			await engine.query('SELECT person_id, outcome, basis, round, visit_date FROM verval_person ORDER BY person_id'),
			{
				person_id: 'string',
				outcome: 'string?',
				basis: 'string',
				round: 'number?',
				visit_date: 'date?'
			}
		);
		expect(resolved).toEqual([
			{ person_id: '6402010101860001', outcome: 'found', basis: 'result', round: 1, visit_date: null },
			{ person_id: '6402010202910004', outcome: 'found', basis: 'result', round: 2, visit_date: '2026-11-29' },
			{ person_id: '6402011506160003', outcome: 'moved', basis: 'result', round: 2, visit_date: '2026-11-28' },
			{ person_id: '6402014103880002', outcome: 'deceased', basis: 'result', round: 2, visit_date: '2026-11-28' }
		]);
		const officers = rowsOf(await engine.query(`SELECT DISTINCT officer FROM verval_result WHERE round = 2 ORDER BY 1`), {
			officer: 'string'
		});
		expect(officers.map((o) => o.officer)).toEqual(['Kades Satu', 'RT 02']);
	});

	it('writes an XLSX with a title block, text NIK/KK cells of 16 digits, and a status list', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await worklistXlsx(rows, stamp)).buffer as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		if (!sheet) throw new Error('no sheet');
		expect(sheet.getCell('A1').value).toBe('Daftar periksa verval — Satu (64.02.01.2001)');
		const labels = [2, 3, 4, 5, 6].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 2).value]);
		expect(labels).toEqual([
			['Desa/kelurahan', 'Satu (64.02.01.2001)'],
			['Kecamatan', 'Muara Muntai'],
			['Kabupaten/kota', 'Kabupaten Kutai Kartanegara'],
			['Dicetak', '2026-12-01'],
			['Checksum register', 'abc123']
		]);
		const headerRow = 9;
		expect(sheet.getCell(headerRow, 1).value).toBe('id_keluarga');
		expect(sheet.getCell(headerRow, 11).value).toMatch(/^status \(isi salah satu: ditemukan/);
		const budi = sheet.getRow(headerRow + 3);
		expect(budi.getCell(6).value).toBe('6402010202910004');
		expect(budi.getCell(6).numFmt).toBe('@');
		expect(budi.getCell(2).value).toBe('6402010202150004');
		expect(budi.getCell(9).value).toBe(35);
		expect(budi.getCell(11).dataValidation).toMatchObject({
			type: 'list',
			formulae: ['"ditemukan,tidak ditemukan,meninggal,pindah,mampu,di luar kabupaten,anggota baru"']
		});
		expect(sheet.rowCount).toBe(headerRow + 3);
	});
});
