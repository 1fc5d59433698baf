/**
 * A ZIP entry inflated by the platform's DecompressionStream (what a large worksheet gets) and by fflate
 * (small parts, and platforms without 'deflate-raw'): the same bytes, and the same refusals for a
 * damaged, lying or bomb entry (src/lib/ingest/xlsx/entry-text.ts).
 */
import { describe, expect, it } from 'vitest';
import { joinBytes } from '../../src/lib/ingest/byte-pieces';
import { bytesByteSource } from '../../src/lib/ingest/bytes-source';
import { entryBytes, nativeInflateWorks, type Inflater } from '../../src/lib/ingest/xlsx/entry-text';
import { XlsxFormatError, XlsxTooLargeError } from '../../src/lib/ingest/xlsx/errors';
import { entryDataOffset, partKey, readZipDirectory } from '../../src/lib/ingest/xlsx/zip';
import { xlsxPackage } from '../fixtures/xlsx-package';

const SHEET = 'xl/worksheets/sheet1.xml';
const INFLATERS: Inflater[] = ['native', 'fflate'];

/** A workbook whose sheet holds `rows` rows of varied text (it deflates about 4:1, not 1000:1). */
function workbook(rows: number): Uint8Array {
	let sheetData = '';
	for (let r = 1; r <= rows; r++) {
		sheetData += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Nama ${(r * 7919) % 100_003} é ラ</t></is></c><c r="B${r}"><v>${6402060000000000 + r * 31}</v></c></row>`;
	}
	return xlsxPackage({ sheets: [{ name: 'Data', sheetData }] });
}

async function inflated(bytes: Uint8Array, inflater: Inflater, sliceBytes = 4096, maxBytes = 2 ** 31): Promise<Uint8Array> {
	const source = bytesByteSource('t.xlsx', bytes);
	const entry = (await readZipDirectory(source)).get(partKey(SHEET));
	if (!entry) throw new Error('no sheet entry');
	const pieces: Uint8Array[] = [];
	const options = { sliceBytes, maxBytes, tooLarge: () => new XlsxTooLargeError('sheet', maxBytes), inflater };
	for await (const chunk of entryBytes(source, entry, options)) pieces.push(...chunk.pieces);
	return joinBytes(pieces);
}

/** The sheet entry's compressed data, overwritten with `byte` over [from, from + length) of it. */
async function damaged(bytes: Uint8Array, from: number, length: number, byte: number): Promise<Uint8Array> {
	const source = bytesByteSource('t.xlsx', bytes);
	const entry = (await readZipDirectory(source)).get(partKey(SHEET));
	if (!entry) throw new Error('no sheet entry');
	const start = await entryDataOffset(source, entry);
	const out = bytes.slice();
	out.fill(byte, start + from, start + from + length);
	return out;
}

const refusal = (run: Promise<unknown>) =>
	run.then(
		() => 'read',
		(error: unknown) =>
			error instanceof XlsxTooLargeError ? 'too large' : error instanceof XlsxFormatError ? error.message.split(' ')[0] : String(error)
	);

describe('XLSX entry inflaters', () => {
	it('this platform inflates deflate-raw natively', () => {
		expect(nativeInflateWorks()).toBe(true);
	});

	it('give the same bytes as the sheet written, in slices of any size', async () => {
		const bytes = workbook(3000);
		// Compared as text: equal bytes give equal text, and strings compare at once where arrays go element by element.
		const text = (inflatedBytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(inflatedBytes);
		const expected = text(await inflated(bytes, 'fflate', bytes.length));
		expect(expected).toContain('<c r="B3000"><v>6402060000093000</v></c>');
		for (const inflater of INFLATERS) {
			for (const slice of [1000, 4096, 65_536]) expect(text(await inflated(bytes, inflater, slice))).toBe(expected);
		}
	});

	it('refuse a damaged deflate stream, as damage', async () => {
		const bytes = await damaged(workbook(3000), 2000, 64, 0xff);
		for (const inflater of INFLATERS) expect(await refusal(inflated(bytes, inflater))).toBe('xlsx.part_damaged');
	});

	it('refuse an entry that inflates past its limit, as too large', async () => {
		for (const inflater of INFLATERS) expect(await refusal(inflated(workbook(3000), inflater, 4096, 50_000))).toBe('too large');
	});

	it('stop reading the file when the reader stops early', async () => {
		const source = bytesByteSource('t.xlsx', workbook(20_000));
		const entry = (await readZipDirectory(source)).get(partKey(SHEET));
		if (!entry) throw new Error('no sheet entry');
		let reads = 0;
		// A file read takes a while, as from a disk: without the stop, the pipe would go on reading it.
		const slow = {
			...source,
			read: async (start: number, end: number) => {
				reads++;
				await new Promise((resolve) => setTimeout(resolve, 2));
				return source.read(start, end);
			}
		};
		const options = { sliceBytes: 1024, maxBytes: 2 ** 31, tooLarge: () => new XlsxTooLargeError('sheet', 0), inflater: 'native' as const };
		for await (const chunk of entryBytes(slow, entry, options)) if (chunk.pieces.length > 0) break;
		const readsWhenStopped = reads;
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(reads).toBeLessThanOrEqual(readsWhenStopped + 1);
		expect(reads).toBeLessThan(Math.ceil(entry.compressedSize / 1024) / 2);
	});
});
