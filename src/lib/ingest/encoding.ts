/**
 * Text encodings of CSV exports: UTF-8 (with or without BOM) or Windows-1252 (Excel's "CSV" on an
 * Indonesian or Western Windows). read_csv only reads UTF-8, so a Windows-1252 slice is decoded and
 * re-encoded as UTF-8 before it is registered. Byte-level work only; rows are parsed by DuckDB.
 *
 * Slices are cut just after a newline byte (0x0A) outside quotes. In UTF-8 every byte of a multi-byte
 * sequence is ≥ 0x80, so a cut after 0x0A can never split one; Windows-1252 is one byte per character.
 */

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Windows-1252 0x80–0x9F (WHATWG encoding standard; the five unassigned bytes map to C1 controls).
 * Decoded by hand: Node's TextDecoder('windows-1252') decodes these bytes as Latin-1 (0x80 → U+0080,
 * not €), so the browser and Node would disagree.
 */
const CP1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
	0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
] as const;

function cp1252CodePoint(b: number): number {
	return b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? b) : b;
}

/** True if the bytes are valid UTF-8 (ASCII included). */
export function isValidUtf8(bytes: Uint8Array): boolean {
	// Pure ASCII is the common case and needs no decoder.
	let ascii = true;
	for (let i = 0; i < bytes.length; i++) {
		if ((bytes[i] ?? 0) >= 0x80) {
			ascii = false;
			break;
		}
	}
	if (ascii) return true;
	try {
		utf8.decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** Windows-1252 bytes → UTF-8 bytes. */
export function windows1252ToUtf8(bytes: Uint8Array): Uint8Array {
	let length = 0;
	for (let i = 0; i < bytes.length; i++) {
		const cp = cp1252CodePoint(bytes[i] ?? 0);
		length += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
	}
	const out = new Uint8Array(length);
	let o = 0;
	for (let i = 0; i < bytes.length; i++) {
		const cp = cp1252CodePoint(bytes[i] ?? 0);
		if (cp < 0x80) out[o++] = cp;
		else if (cp < 0x800) {
			out[o++] = 0xc0 | (cp >> 6);
			out[o++] = 0x80 | (cp & 0x3f);
		} else {
			out[o++] = 0xe0 | (cp >> 12);
			out[o++] = 0x80 | ((cp >> 6) & 0x3f);
			out[o++] = 0x80 | (cp & 0x3f);
		}
	}
	return out;
}

/** Decodes a whole short text (a header line) in the given encoding. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
	const utf8Bytes = encoding === 'windows-1252' ? windows1252ToUtf8(bytes) : bytes;
	return new TextDecoder('utf-8').decode(utf8Bytes);
}

/**
 * Tracks a file's encoding slice by slice. A file counts as UTF-8 until a slice is not valid UTF-8;
 * from then on it is Windows-1252 (a later slice that happens to be valid UTF-8, e.g. pure ASCII, reads
 * the same either way). Returns the slice as UTF-8 bytes for read_csv.
 */
export class SliceDecoder {
	constructor(public encoding: TextEncodingName = 'utf-8') {}

	toUtf8(slice: Uint8Array): Uint8Array {
		if (this.encoding === 'utf-8') {
			if (isValidUtf8(slice)) return slice;
			this.encoding = 'windows-1252';
		}
		return windows1252ToUtf8(slice);
	}
}

/**
 * True if the bytes look like binary data rather than text: a NUL byte, or C0 control characters
 * other than tab, CR, LF (and form feed / escape, which some exports leave in) in more than a trace.
 */
export function looksBinary(bytes: Uint8Array): boolean {
	let controls = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i] ?? 0;
		if (b === 0) return true;
		if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
	}
	return controls > 0 && controls * 100 > bytes.length;
}
