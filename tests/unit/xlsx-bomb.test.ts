/**
 * Issue 18, bounded work: an XLSX's parts are measured as they actually inflate. A part that grows past
 * the size its ZIP directory declares, or far past any worksheet's compression ratio, is refused as
 * soon as it does, instead of after inflating up to the 2 GiB sheet limit (minutes).
 */
import { describe, expect, it } from 'vitest';
import { bytesByteSource } from '../../src/lib/ingest/bytes-source';
import { xlsxLoadError } from '../../src/lib/ingest/xlsx';
import { XlsxReader } from '../../src/lib/ingest/xlsx/reader';
import { xlsxPackage } from '../fixtures/xlsx-package';
import { indonesian } from './in-indonesian';

const SHEET = 'xl/worksheets/sheet1.xml';
const CENTRAL_SIGNATURE = 0x02014b50;

/** A one-sheet workbook whose one cell holds `length` letters: the sheet deflates about 1000:1. */
function workbookWithCell(length: number): Uint8Array {
	const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c></row>';
	const cell = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'a'.repeat(length)}</t></is></c></row>`;
	return xlsxPackage({ sheets: [{ name: 'Data', sheetData: header + cell }] });
}

/** The same bytes with the sheet's uncompressed size in the ZIP's central directory set to `size`. */
function declaringSize(bytes: Uint8Array, size: number): Uint8Array {
	const out = bytes.slice();
	const view = new DataView(out.buffer);
	const names = new TextDecoder();
	for (let at = 0; at + 46 <= out.length; at++) {
		if (view.getUint32(at, true) !== CENTRAL_SIGNATURE) continue;
		const nameLength = view.getUint16(at + 28, true);
		if (names.decode(out.subarray(at + 46, at + 46 + nameLength)) !== SHEET) continue;
		view.setUint32(at + 24, size, true);
		return out;
	}
	throw new Error('no central directory entry for the sheet');
}

/** Reads every row of the first sheet; the refusal in the words the Data screen shows, or the row count. */
async function read(name: string, bytes: Uint8Array): Promise<number | string> {
	try {
		const reader = await XlsxReader.open(bytesByteSource(name, bytes));
		const sheet = reader.sheets[0];
		if (!sheet) throw new Error('no sheet');
		let rows = 0;
		for await (const batch of reader.rows(sheet)) rows += batch.rows.length;
		return rows;
	} catch (error) {
		return indonesian(xlsxLoadError(name, bytes.length, error));
	}
}

describe('XLSX parts measured as inflated', () => {
	it('a sheet larger than its ZIP declares is refused, naming the part', async () => {
		const honest = workbookWithCell(1024 * 1024);
		expect(await read('jujur.xlsx', honest)).toBe(2);
		expect(await read('bohong.xlsx', declaringSize(honest, 4096))).toBe(
			`Berkas 'bohong.xlsx' tidak dapat dibaca sebagai buku kerja XLSX (bagian '${SHEET}' di dalam ZIP lebih besar daripada ukuran yang dicatat ZIP-nya (4096 bita): berkas rusak atau sengaja diubah).`
		);
	});

	it('a sheet inflating about 1000:1 past 64 MiB is refused as a ZIP bomb', async () => {
		const bomb = workbookWithCell(100 * 1024 * 1024);
		// Its header is honest (about 100 MiB, under the 2 GiB sheet limit): only the ratio gives it away.
		expect(bomb.length).toBeLessThan(1024 * 1024);
		expect(await read('bom.xlsx', bomb)).toBe(
			`Berkas 'bom.xlsx' tidak dapat dibaca sebagai buku kerja XLSX (bagian '${SHEET}' di dalam ZIP mengembang lebih dari 250 kali ukurannya yang termampatkan, jauh melebihi lembar kerja Excel mana pun: berkas rusak atau sengaja dibuat untuk membebani (bom ZIP)).`
		);
	});
});
