/**
 * A worksheet's XML → its rows, as the scanner reaches each </row>. Cells are placed by their r
 * reference (missing cells are empty), rows without r follow the previous one.
 *
 * The worksheet is most of a workbook's XML (171 MB for 100,000 rows of 55 columns) and almost all of
 * it is <c r="B7" s="3" t="s"><v>12</v></c>. So it is scanned from the inflated bytes, not through
 * the text tokenizer of the other parts (xml.ts): no UTF-8 decode of the whole part, element names
 * matched against the few it knows instead of cut out as strings, the attributes a cell needs read
 * straight from the bytes, and only the values kept become strings (issue 14 point 1: the tokenizer's
 * way took 4.5 s per 100,000 rows in Node, a quarter of it the decode). It refuses what xml.ts refuses
 * (see there), with the same words, and gives the same rows: tests/unit/xlsx-sheet.test.ts compares
 * both on generated sheets, whole and cut into slices of every size.
 */
import { columnOf, typedCellText, type CellContext } from './cells';
import { coded } from '../../core/messages';
import { XlsxFormatError } from './errors';
import { byteIndex, charFlags, columnAt, indexAt, isAscii, LESS_THAN, NOT_ASCII, SPECIAL, textOf } from './bytes';
import { CHAR, decodeEntities, holdsNotXmlChar, isNameChar, isNameStart, isSpace } from './xml';

export interface SheetRow {
	/** 1-based sheet row number. */
	row: number;
	/** Cell texts from column A on, up to the last cell the row has. */
	cells: string[];
}

export interface SheetScanner {
	/** The worksheet's next inflated bytes (a tag or a UTF-8 sequence may be cut at either end). */
	write(bytes: Uint8Array): void;
	close(): void;
}

/** Excel's own limits; a reference past them is damage (and would make huge arrays). */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Text without a tag in sight is held back whole up to this, then handed on in pieces. */
const MAX_HELD_TEXT = 4 * 1024 * 1024;

const { LT, GT, SLASH, QUESTION, BANG, EQUALS, QUOTE, APOSTROPHE, AMPERSAND, CR } = CHAR;

/** The elements the rows are read from, by local name; any other is only checked for well-formedness. */
const enum Kind {
	Other,
	SheetData,
	Row,
	Cell,
	Value,
	InlineString,
	Phonetic,
	Text
}
const KINDS: Readonly<Record<string, Kind>> = {
	sheetData: Kind.SheetData,
	row: Kind.Row,
	c: Kind.Cell,
	v: Kind.Value,
	is: Kind.InlineString,
	rPh: Kind.Phonetic,
	t: Kind.Text
};
/** Distinct element names remembered as strings; a sheet has a dozen, a damaged one may have millions. */
const MAX_NAMES = 64;

export function sheetRowScanner(part: string, context: CellContext, emit: (row: SheetRow) => void): SheetScanner {
	const { sharedStrings } = context;
	let buffer: Uint8Array = new Uint8Array(0);
	/** Where a write joins the unread end of the last piece to the next one (buffer is then a view of it). */
	let work = new Uint8Array(0);
	let pos = 0;
	const names: string[] = [];
	const kinds: Kind[] = [];
	let rootSeen = false;
	const known: { name: string; kind: Kind }[] = [];
	/** Attributes of the tag being read: where each name and value is (values as written). */
	let attributeCount = 0;
	const nameStarts: number[] = [];
	const nameEnds: number[] = [];
	const valueStarts: number[] = [];
	const valueEnds: number[] = [];
	/** A value that needed reading (references, whitespace), by attribute; undefined when as written. */
	const readValues: (string | undefined)[] = [];

	let inSheetData = false;
	let inRow = false;
	let rowNumber = 0;
	let cells: string[] = [];
	let column = -1;
	let inCell = false;
	let type = 'n';
	let style = 0;
	let value = '';
	/** A shared string's index read straight from the bytes (-1: none, the value is in `value`). */
	let sharedIndex = -1;
	let inValue = false;
	let inline = '';
	let inInline = false;
	let hasInline = false;
	let inInlineText = false;
	let phonetic = 0;

	const fail = (detail: string): never => {
		throw new XlsxFormatError(coded('xlsx.xml_damaged', { part, detail }));
	};

	/** Character data [from, to): checked, and kept when it is a cell's value or inline text. */
	const text = (from: number, to: number) => {
		const bytes = buffer;
		if (names.length === 0) {
			let blank = true;
			for (let k = from; k < to && blank; k++) blank = isSpace(bytes[k] as number);
			// As xml.ts judges it: whitespace by String.trim (a no-break space and a byte order mark too).
			if (!blank && textOf(bytes, from, to, isAscii(bytes, from, to)).trim() !== '') {
				fail(rootSeen ? 'text after the root element' : 'text before the root element');
			}
			return;
		}
		const flags = charFlags(bytes, from, to, fail);
		const special = (flags & SPECIAL) !== 0;
		const kept = inValue || inInlineText;
		if (!kept && !special) return;
		if (!special && inValue && type === 's' && value === '' && sharedIndex < 0) {
			sharedIndex = indexAt(bytes, from, to);
			if (sharedIndex >= 0) return;
		}
		const raw = textOf(bytes, from, to, (flags & NOT_ASCII) === 0);
		const decoded = special && raw.includes('&') ? decodeEntities(raw, fail) : raw;
		if (!kept) return;
		keep(special && decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded);
	};

	const cdata = (raw: string) => {
		if (names.length === 0) fail('CDATA outside the root element');
		if (holdsNotXmlChar(raw)) fail('a character XML cannot hold');
		if (inValue || inInlineText) keep(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
	};

	/** Adds a piece of character data to the cell's value or inline text. */
	const keep = (piece: string) => {
		if (!inValue) {
			inline += piece;
			return;
		}
		// The index read from the bytes had no leading zero, so its digits are the text it came from.
		if (sharedIndex >= 0) value = String(sharedIndex);
		sharedIndex = -1;
		value += piece;
	};

	/** The string of the name at bytes[from, to), and what it is: remembered, as a sheet repeats a dozen names millions of times. */
	const nameAt = (from: number, to: number): { name: string; kind: Kind } => {
		const bytes = buffer;
		const length = to - from;
		search: for (const entry of known) {
			const name = entry.name;
			if (name.length !== length) continue;
			for (let k = 0; k < length; k++) if (name.charCodeAt(k) !== bytes[from + k]) continue search;
			return entry;
		}
		const name = textOf(bytes, from, to, isAscii(bytes, from, to));
		const colon = name.indexOf(':');
		const entry = { name, kind: KINDS[colon < 0 ? name : name.slice(colon + 1)] ?? Kind.Other };
		if (known.length < MAX_NAMES && name.length === length) known.push(entry);
		return entry;
	};

	/** Attribute `name` (a one-letter name: r, s or t) of the tag just read, as written: its index, or -1. */
	const attributeIndex = (letter: number): number => {
		for (let i = 0; i < attributeCount; i++) {
			if (nameEnds[i]! - nameStarts[i]! === 1 && buffer[nameStarts[i]!] === letter) return i;
		}
		return -1;
	};
	const attributeValue = (i: number): string =>
		readValues[i] ?? textOf(buffer, valueStarts[i]!, valueEnds[i]!, isAscii(buffer, valueStarts[i]!, valueEnds[i]!));

	const openRow = () => {
		const at = attributeIndex(114 /* r */);
		const given = at < 0 ? undefined : attributeValue(at);
		const r = given === undefined ? rowNumber + 1 : Number(given);
		if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) throw new XlsxFormatError(coded('xlsx.bad_row_number', { value: String(given) }));
		rowNumber = r;
		inRow = true;
		cells = [];
		column = -1;
	};

	const openCell = () => {
		const r = attributeIndex(114 /* r */);
		const at = r < 0 ? -1 : readValues[r] === undefined ? columnAt(buffer, valueStarts[r]!, valueEnds[r]!) : columnOf(readValues[r]);
		column = at >= 0 ? at : column + 1;
		if (column >= MAX_COLUMNS) throw new XlsxFormatError(coded('xlsx.bad_cell', { ref: r < 0 ? '' : attributeValue(r) }));
		inCell = true;
		const t = attributeIndex(116 /* t */);
		type = t < 0 ? 'n' : attributeValue(t);
		const s = attributeIndex(115 /* s */);
		const plainStyle =
			s < 0 || readValues[s] !== undefined ? -1 : valueEnds[s] === valueStarts[s] ? 0 : indexAt(buffer, valueStarts[s]!, valueEnds[s]!);
		style = s < 0 ? 0 : plainStyle >= 0 ? plainStyle : Number(attributeValue(s));
		value = '';
		sharedIndex = -1;
		inline = '';
		hasInline = false;
	};

	const open = (kind: Kind) => {
		switch (kind) {
			case Kind.SheetData:
				inSheetData = true;
				return;
			case Kind.Row:
				if (inSheetData) openRow();
				return;
			case Kind.Cell:
				if (inRow) openCell();
				return;
			case Kind.Value:
				inValue = inCell;
				return;
			case Kind.InlineString:
				inInline = inCell;
				hasInline = inCell;
				return;
			case Kind.Phonetic:
				phonetic++;
				return;
			case Kind.Text:
				inInlineText = inInline && phonetic === 0;
				return;
		}
	};

	const close = (kind: Kind) => {
		switch (kind) {
			case Kind.Value:
				inValue = false;
				return;
			case Kind.Text:
				inInlineText = false;
				return;
			case Kind.Phonetic:
				phonetic--;
				return;
			case Kind.InlineString:
				inInline = false;
				return;
			case Kind.Cell:
				if (!inCell) return;
				inCell = false;
				// A shared string's index read from the bytes skips its text.
				cells[column] =
					type === 's' && sharedIndex >= 0
						? (sharedStrings[sharedIndex] ?? '')
						: typedCellText(type, value, hasInline ? inline : undefined, style, context);
				return;
			case Kind.Row:
				if (!inRow) return;
				inRow = false;
				for (let i = 0; i < cells.length; i++) cells[i] ??= '';
				emit({ row: rowNumber, cells });
				return;
			case Kind.SheetData:
				inSheetData = false;
				return;
		}
	};

	/** The index just past `sequence` from `from`, or -1 when the buffer ends first. */
	const after = (sequence: string, from: number): number => {
		const first = sequence.charCodeAt(0);
		for (let at = buffer.indexOf(first, from); at >= 0; at = buffer.indexOf(first, at + 1)) {
			let k = 1;
			while (k < sequence.length && buffer[at + k] === sequence.charCodeAt(k)) k++;
			if (k === sequence.length) return at + k;
			if (at + k >= buffer.length) return -1;
		}
		return -1;
	};

	const startsWith = (sequence: string, at: number): boolean => {
		for (let k = 0; k < sequence.length; k++) if (buffer[at + k] !== sequence.charCodeAt(k)) return false;
		return true;
	};
	/** The buffer from `at` is a beginning of `sequence` (the rest not read yet). */
	const mayBe = (sequence: string, at: number): boolean => {
		const length = buffer.length - at;
		if (length >= sequence.length) return false;
		for (let k = 0; k < length; k++) if (buffer[at + k] !== sequence.charCodeAt(k)) return false;
		return true;
	};

	const markup = (lt: number): number => {
		if (startsWith('<!--', lt)) return after('-->', lt + 4);
		if (startsWith('<![CDATA[', lt)) {
			const end = after(']]>', lt + 9);
			if (end < 0) return -1;
			cdata(textOf(buffer, lt + 9, end - 3, isAscii(buffer, lt + 9, end - 3)));
			return end;
		}
		if (mayBe('<![CDATA[', lt) || mayBe('<!--', lt) || mayBe('<!DOCTYPE', lt)) return -1;
		return fail(startsWith('<!DOCTYPE', lt) ? 'a DOCTYPE, which SpreadsheetML never has' : 'unexpected <!');
	};

	const closeTag = (lt: number): number => {
		const gt = byteIndex(buffer, GT, lt + 2);
		if (gt < 0) return -1;
		let end = gt;
		while (end > lt + 2 && isSpace(buffer[end - 1] as number)) end--;
		const opened = names.pop();
		const kind = kinds.pop() ?? Kind.Other;
		let same = opened !== undefined && opened.length === end - lt - 2;
		for (let k = 0; same && k < end - lt - 2; k++) same = opened!.charCodeAt(k) === buffer[lt + 2 + k];
		if (!same) {
			const name = textOf(buffer, lt + 2, end, isAscii(buffer, lt + 2, end));
			if (opened !== name)
				fail(opened === undefined ? `close tag </${name}> with nothing open` : `close tag </${name}> where </${opened}> was due`);
		}
		close(kind);
		return gt + 1;
	};

	/** Checks the attribute value at [from, to) as xml.ts does; keeps its reading when it differs from the bytes. */
	const checkValue = (i: number, from: number, to: number, elementFrom: number, elementTo: number) => {
		const flags = charFlags(buffer, from, to, fail);
		if (flags & LESS_THAN) fail(`a < inside attribute ${attributeNameOf(i)} of <${nameAt(elementFrom, elementTo).name}>`);
		if ((flags & SPECIAL) === 0) {
			readValues[i] = undefined;
			return;
		}
		const spaced = textOf(buffer, from, to, (flags & NOT_ASCII) === 0).replace(/\r\n|[\t\n\r]/g, ' ');
		readValues[i] = spaced.includes('&') ? decodeEntities(spaced, fail) : spaced;
	};
	const attributeNameOf = (i: number) => textOf(buffer, nameStarts[i]!, nameEnds[i]!, isAscii(buffer, nameStarts[i]!, nameEnds[i]!));

	const sameAttributeName = (a: number, b: number): boolean => {
		const length = nameEnds[a]! - nameStarts[a]!;
		if (length !== nameEnds[b]! - nameStarts[b]!) return false;
		for (let k = 0; k < length; k++) if (buffer[nameStarts[a]! + k] !== buffer[nameStarts[b]! + k]) return false;
		return true;
	};

	const openTag = (lt: number): number => {
		const bytes = buffer;
		const length = bytes.length;
		let i = lt + 1;
		if (!isNameStart(bytes[i] as number)) fail('a tag without a name');
		while (i < length && isNameChar(bytes[i] as number)) i++;
		if (i >= length) return -1;
		const nameEnd = i;
		let count = 0;
		let selfClosing = false;
		for (;;) {
			const before = i;
			while (i < length && isSpace(bytes[i] as number)) i++;
			if (i >= length) return -1;
			const code = bytes[i] as number;
			if (code === GT) {
				i++;
				break;
			}
			if (code === SLASH) {
				if (i + 1 >= length) return -1;
				if (bytes[i + 1] !== GT) fail(`a / inside <${nameAt(lt + 1, nameEnd).name}>`);
				selfClosing = true;
				i += 2;
				break;
			}
			if (i === before || !isNameStart(code)) fail(`a malformed attribute in <${nameAt(lt + 1, nameEnd).name}>`);
			nameStarts[count] = i;
			while (i < length && isNameChar(bytes[i] as number)) i++;
			nameEnds[count] = i;
			while (i < length && isSpace(bytes[i] as number)) i++;
			if (i >= length) return -1;
			if (bytes[i] !== EQUALS) fail(`attribute ${attributeNameOf(count)} of <${nameAt(lt + 1, nameEnd).name}> without a value`);
			i++;
			while (i < length && isSpace(bytes[i] as number)) i++;
			if (i >= length) return -1;
			const quote = bytes[i] as number;
			if (quote !== QUOTE && quote !== APOSTROPHE)
				fail(`attribute ${attributeNameOf(count)} of <${nameAt(lt + 1, nameEnd).name}> not in quotes`);
			const closing = byteIndex(bytes, quote, i + 1);
			if (closing < 0) return -1;
			for (let k = 0; k < count; k++) {
				if (sameAttributeName(k, count)) fail(`attribute ${attributeNameOf(count)} twice in <${nameAt(lt + 1, nameEnd).name}>`);
			}
			valueStarts[count] = i + 1;
			valueEnds[count] = closing;
			checkValue(count, i + 1, closing, lt + 1, nameEnd);
			count++;
			i = closing + 1;
		}
		const { name, kind } = nameAt(lt + 1, nameEnd);
		if (names.length === 0 && rootSeen) fail(`a second root element <${name}>`);
		rootSeen = true;
		attributeCount = count;
		if (!selfClosing) {
			names.push(name);
			kinds.push(kind);
		}
		open(kind);
		attributeCount = 0;
		if (selfClosing) close(kind);
		return i;
	};

	const tag = (lt: number): number => {
		const next = buffer[lt + 1];
		if (next === undefined) return -1;
		if (next === QUESTION) return after('?>', lt + 2);
		if (next === BANG) return markup(lt);
		if (next === SLASH) return closeTag(lt);
		return openTag(lt);
	};

	/** Where held text may be handed on: not inside an entity, a UTF-8 sequence or a CR LF the next bytes finish. */
	const safeTextEnd = (): number => {
		let end = buffer.length;
		const amp = buffer.lastIndexOf(AMPERSAND);
		if (amp >= pos && buffer.indexOf(59 /* ; */, amp) < 0) end = amp;
		while (end > pos && (buffer[end - 1] as number) >= 0x80) end--;
		if (end > pos && buffer[end - 1] === CR) end--;
		return end;
	};

	const scan = (atEnd: boolean) => {
		for (;;) {
			const lt = byteIndex(buffer, LT, pos);
			if (lt < 0) {
				if (atEnd) {
					text(pos, buffer.length);
					pos = buffer.length;
				} else if (buffer.length - pos > MAX_HELD_TEXT) {
					const end = safeTextEnd();
					text(pos, end);
					pos = end;
				}
				return;
			}
			if (lt > pos) text(pos, lt);
			pos = lt;
			const end = tag(lt);
			if (end < 0) {
				if (atEnd) fail('unexpected end inside a tag');
				return;
			}
			pos = end;
		}
	};

	return {
		write(bytes: Uint8Array) {
			const held = buffer.length - pos;
			if (held === 0) buffer = bytes;
			else {
				// The unread end (a tag the piece cut) and the new piece, in one buffer kept from write to write.
				const needed = held + bytes.length;
				const rest = buffer.subarray(pos);
				if (work.length < needed) {
					const larger = new Uint8Array(Math.max(needed, 2 * work.length));
					larger.set(rest);
					work = larger;
				} else if (buffer.buffer === work.buffer) work.copyWithin(0, pos, pos + held);
				else work.set(rest);
				work.set(bytes, held);
				buffer = work.subarray(0, needed);
			}
			pos = 0;
			scan(false);
		},
		close() {
			scan(true);
			if (names.length > 0) fail(`unclosed element <${names.at(-1)}>`);
			if (!rootSeen) fail('no root element');
			buffer = new Uint8Array(0);
			pos = 0;
		}
	};
}
