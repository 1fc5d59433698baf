/**
 * The worksheet's byte scanner (src/lib/ingest/xlsx/sheet.ts) against the way the other parts are read:
 * the text tokenizer of xml.ts (itself checked against saxes in xlsx-xml.test.ts), with the rows and
 * cells placed as written out here and each cell's text by typedCellText (cells.ts; its answers are
 * checked by hand in xlsx-stream.test.ts). Both must give the same rows for generated sheets, whole and
 * cut into slices of every size (cuts inside tags, entities and UTF-8 sequences), and refuse the same
 * damage with the same words.
 */
import { describe, expect, it } from 'vitest';
import { columnOf, typedCellText, type CellContext } from '../../src/lib/ingest/xlsx/cells';
import { XlsxFormatError } from '../../src/lib/ingest/xlsx/errors';
import { sheetRowScanner, type SheetRow } from '../../src/lib/ingest/xlsx/sheet';
import { xmlStream } from '../../src/lib/ingest/xlsx/xml';

const CONTEXT: CellContext = {
	sharedStrings: ['zero', 'Gg. Kenari', 'a & b', 'é ラ 😀', ...Array.from({ length: 20 }, (_, i) => `s${i + 4}`)],
	dateStyles: [false, true, false, true],
	date1904: false
};

/** The reference: the text tokenizer and the placing of cells as the reader did it before the scanner. */
function referenceRows(xml: string): SheetRow[] {
	const rows: SheetRow[] = [];
	let inSheetData = false;
	let inRow = false;
	let rowNumber = 0;
	let cells: string[] = [];
	let column = -1;
	let inCell = false;
	let type = 'n';
	let style = 0;
	let value = '';
	let inValue = false;
	let inline = '';
	let inInline = false;
	let hasInline = false;
	let inInlineText = false;
	let phonetic = 0;
	const stream = xmlStream('xl/worksheets/sheet1.xml', {
		open(name, attributes) {
			if (name === 'sheetData') inSheetData = true;
			else if (name === 'row' && inSheetData) {
				const given = attributes.get('r');
				const r = given === undefined ? rowNumber + 1 : Number(given);
				if (!Number.isInteger(r) || r < 1 || r > 1_048_576) throw new Error(`bad row ${given}`);
				rowNumber = r;
				inRow = true;
				cells = [];
				column = -1;
			} else if (name === 'c' && inRow) {
				const ref = attributes.get('r');
				const at = ref === undefined ? -1 : columnOf(ref);
				column = at >= 0 ? at : column + 1;
				inCell = true;
				type = attributes.get('t') ?? 'n';
				const s = attributes.get('s');
				style = s === undefined ? 0 : Number(s);
				value = '';
				inline = '';
				hasInline = false;
			} else if (name === 'v') inValue = inCell;
			else if (name === 'is') {
				inInline = inCell;
				hasInline = inCell;
			} else if (name === 'rPh') phonetic++;
			else if (name === 't') inInlineText = inInline && phonetic === 0;
		},
		close(name) {
			if (name === 'v') inValue = false;
			else if (name === 't') inInlineText = false;
			else if (name === 'rPh') phonetic--;
			else if (name === 'is') inInline = false;
			else if (name === 'c' && inCell) {
				inCell = false;
				cells[column] = typedCellText(type, value, hasInline ? inline : undefined, style, CONTEXT);
			} else if (name === 'row' && inRow) {
				inRow = false;
				for (let i = 0; i < cells.length; i++) cells[i] ??= '';
				rows.push({ row: rowNumber, cells });
			} else if (name === 'sheetData') inSheetData = false;
		},
		text(text) {
			if (inValue) value += text;
			else if (inInlineText) inline += text;
		}
	});
	stream.write(xml);
	stream.close();
	return rows;
}

function scannedRows(bytes: Uint8Array, sliceLength = bytes.length): SheetRow[] {
	const rows: SheetRow[] = [];
	const scanner = sheetRowScanner('xl/worksheets/sheet1.xml', CONTEXT, (row) => rows.push(row));
	for (let i = 0; i < bytes.length; i += Math.max(1, sliceLength)) scanner.write(bytes.slice(i, i + sliceLength));
	scanner.close();
	return rows;
}

/** A small deterministic generator (same sheets on every run). */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const NUMBERS = [
	'0',
	'7',
	'12',
	'007',
	'6402061234560001',
	'6.402061234560001E+15',
	'45291',
	'0.30000000000000004',
	'-3',
	' 12 ',
	'',
	'1e3',
	'x'
];
const TEXTS = [
	'Gg. Kenari',
	'a &amp; b',
	'&lt;c&gt;',
	'&#10;',
	'&#x41;&#xE9;',
	'é ラ 😀',
	' ',
	'x\r\ny',
	'p\rq',
	'it\'s "q"',
	'_x000D_',
	''
];
const INDEXES = ['0', '1', '2', '3', '01', '23', '99', '', 'a', ' 2'];

function sheet(next: () => number, prefix: string): string {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
	const el = (name: string) => `${prefix}${name}`;
	const value = (text: string) => {
		const r = next();
		if (r < 0.08) return `<${el('v')}><![CDATA[${text.replaceAll('&amp;', '&')}]]></${el('v')}>`;
		if (r < 0.14 && !text.includes('&')) return `<${el('v')}>${text.slice(0, 1)}<!-- cut -->${text.slice(1)}</${el('v')}>`;
		return `<${el('v')}>${text}</${el('v')}>`;
	};
	const cell = (columnIndex: number, rowIndex: number): string => {
		const ref = next() < 0.85 ? ` r="${String.fromCharCode(65 + columnIndex)}${rowIndex}"` : '';
		const style = next() < 0.4 ? ` s="${pick(['0', '1', '2', '3', '03', ''])}"` : '';
		const kind = pick(['s', 's', 's', 'n', 'n', 'str', 'inlineStr', 'b', 'e', 'd', 'x']);
		const type = kind === 'n' && next() < 0.5 ? '' : ` t="${kind}"`;
		if (next() < 0.07) return `<${el('c')}${ref}${style}${type}/>`;
		let body: string;
		if (kind === 's') body = value(pick(INDEXES));
		else if (kind === 'n' || kind === 'x') body = value(pick(NUMBERS));
		else if (kind === 'b') body = value(pick(['1', '0', ' 1', 'x']));
		else if (kind === 'd') body = value(pick(['2024-02-29T00:00:00', '2024-13', 'x']));
		else if (kind === 'inlineStr' && next() < 0.8) {
			const phonetic = next() < 0.3 ? `<${el('rPh')}><${el('t')}>フリ</${el('t')}></${el('rPh')}>` : '';
			body = `<${el('is')}><${el('t')}>${pick(TEXTS)}</${el('t')}>${phonetic}<${el('r')}><${el('t')} xml:space="preserve">${pick(TEXTS)}</${el('t')}></${el('r')}></${el('is')}>`;
		} else body = value(pick(TEXTS));
		const formula = next() < 0.1 ? `<${el('f')}>SUM(A1:B2)&amp;""</${el('f')}>` : '';
		return `<${el('c')}${ref}${style}${type}>${formula}${body}</${el('c')}>`;
	};
	const rows: string[] = [];
	let rowIndex = 0;
	for (let n = 0; n < 6; n++) {
		rowIndex += next() < 0.2 ? 2 : 1;
		const r = next() < 0.8 ? ` r="${rowIndex}"` : '';
		const width = Math.floor(next() * 6);
		const cells = Array.from({ length: width }, (_, i) => cell(i, rowIndex)).join(next() < 0.2 ? '\r\n  ' : '');
		rows.push(
			width === 0 && next() < 0.5 ? `<${el('row')}${r} spans="1:3"/>` : `<${el('row')}${r} spans="1:${width}">${cells}</${el('row')}>`
		);
	}
	const ns = prefix ? ` xmlns:${prefix.slice(0, -1)}="urn:s"` : ' xmlns="urn:s"';
	return (
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
		`<${el('worksheet')}${ns}><${el('dimension')} ref="A1:F9"/><${el('sheetData')}>${rows.join('')}</${el('sheetData')}>` +
		`<${el('pageMargins')} left="0.7"/><extLst><données é="1">ラ</données></extLst></${el('worksheet')}>`
	);
}

const encode = (xml: string) => new TextEncoder().encode(xml);

describe('XLSX worksheet scanner', () => {
	it('gives the rows of the text tokenizer for 400 generated sheets, in slices of every size', () => {
		const next = random(7);
		let compared = 0;
		for (let n = 0; n < 400; n++) {
			const xml = sheet(next, n % 3 === 0 ? 'x:' : '');
			const expected = referenceRows(xml);
			const bytes = encode(xml);
			expect(scannedRows(bytes)).toEqual(expected);
			for (const slice of [1, 2, 3, 5, 17, 256]) expect(scannedRows(bytes, slice)).toEqual(expected);
			compared += expected.length;
		}
		expect(compared).toBeGreaterThan(2000);
	});

	it('reads a sheet that starts with a byte order mark', () => {
		const xml = '<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>1</v></c></row></sheetData></worksheet>';
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(xml)]);
		expect(scannedRows(bytes, 2)).toEqual([{ row: 2, cells: ['', 'Gg. Kenari'] }]);
	});

	it('reads a value longer than the text it holds back', () => {
		const long = 'é'.repeat(3_000_000);
		const xml = `<worksheet><sheetData><row><c t="str"><v>${long}&amp;</v></c></row></sheetData></worksheet>`;
		const rows = scannedRows(encode(xml), 1 << 20);
		expect(rows[0]?.cells[0]).toBe(`${long}&`);
	});

	it.each([
		['a crossed close tag', '<worksheet><sheetData><row></sheetData></row></worksheet>'],
		['a crossed close tag of other names', '<worksheet><données><é></données></é></worksheet>'],
		['an unclosed element', '<worksheet><sheetData><row><c><v>1</v></c></row></sheetData>'],
		['a close tag with nothing open', '<worksheet></worksheet></c>'],
		['a second root', '<worksheet/><worksheet/>'],
		['text before the root', 'x<worksheet/>'],
		['text after the root', '<worksheet/>x'],
		['no root at all', '<?xml version="1.0"?>'],
		['an unquoted attribute', '<worksheet><sheetData><row r=1/></sheetData></worksheet>'],
		['an attribute without a value', '<worksheet><sheetData><row><c r/></row></sheetData></worksheet>'],
		['attributes run together', '<worksheet><sheetData><row><c r="A1"s="2"/></row></sheetData></worksheet>'],
		['an attribute twice', '<worksheet><sheetData><row><c r="A1" r="B1"/></row></sheetData></worksheet>'],
		['a < in an attribute', '<worksheet><sheetData><row><c r="<"/></row></sheetData></worksheet>'],
		['an unknown entity', '<worksheet><sheetData><row><c t="str"><v>&nbsp;</v></c></row></sheetData></worksheet>'],
		['an unknown entity in a skipped element', '<worksheet><x>&nbsp;</x></worksheet>'],
		['a bare &', '<worksheet><sheetData><row><c t="str"><v>fish & chips</v></c></row></sheetData></worksheet>'],
		['a character reference XML cannot hold', '<worksheet><sheetData><row><c t="str"><v>&#0;</v></c></row></sheetData></worksheet>'],
		['a control character', '<worksheet><sheetData><row><c t="str"><v>\u0001</v></c></row></sheetData></worksheet>'],
		['U+FFFF', '<worksheet><sheetData><row><c t="str"><v>a\uFFFF</v></c></row></sheetData></worksheet>'],
		['U+FFFE in an attribute', '<worksheet><sheetData><row><c r="A\uFFFE"/></row></sheetData></worksheet>'],
		['a control character in CDATA', '<worksheet><sheetData><row><c t="str"><v><![CDATA[\u0002]]></v></c></row></sheetData></worksheet>'],
		['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><worksheet>&x;</worksheet>'],
		['unexpected markup', '<worksheet><!ELEMENT x></worksheet>'],
		['a tag without a name', '<worksheet>< sheetData/></worksheet>'],
		['a file cut inside a tag', '<worksheet><sheetData><row><c r="A'],
		['a stray / in a tag', '<worksheet / b/>'],
		['CDATA outside the root', '<![CDATA[x]]><worksheet/>']
	])('refuses %s with the words of the text tokenizer', (_, xml) => {
		let expected: unknown;
		try {
			referenceRows(xml);
		} catch (error) {
			expected = error;
		}
		expect(expected).toBeInstanceOf(XlsxFormatError);
		for (const slice of [xml.length, 1, 3]) {
			expect(() => scannedRows(encode(xml), slice)).toThrow((expected as Error).message);
		}
	});

	it('refuses a row number or a column past Excel’s limits', () => {
		const rows = (xml: string) => () => scannedRows(encode(`<worksheet><sheetData>${xml}</sheetData></worksheet>`));
		expect(rows('<row r="0"/>')).toThrow(XlsxFormatError);
		expect(rows('<row r="1048577"/>')).toThrow(XlsxFormatError);
		expect(rows('<row r="2.5"/>')).toThrow(XlsxFormatError);
		expect(rows('<row><c r="XFE1"/></row>')).toThrow(XlsxFormatError);
		expect(scannedRows(encode('<worksheet><sheetData><row r="1e1"><c r="XFD1"/></row></sheetData></worksheet>'))[0]?.row).toBe(10);
	});
});
