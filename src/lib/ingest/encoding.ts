/**
 * Text encodings of CSV exports: UTF-8 (with or without BOM) or Windows-1252 (Excel's "CSV" on an
 * Indonesian or Western Windows). read_csv only reads UTF-8, so a Windows-1252 slice is decoded and
 * re-encoded as UTF-8 before it is registered. Byte-level work only; rows are parsed by DuckDB.
 *
 * Slices are cut just after a newline byte (0x0A) outside quotes. In UTF-8 every byte of a multi-byte
 * sequence is ≥ 0x80, so a cut after 0x0A can never split one; Windows-1252 is one byte per character.
 */

export type TextEncodingName = 'utf-8' | 'windows-1252';

const utf8 = new TextDecoder('utf-8', { fatal: true });
let cp1252: TextDecoder | undefined;
const encoder = new TextEncoder();

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
	cp1252 ??= new TextDecoder('windows-1252');
	return encoder.encode(cp1252.decode(bytes));
}

/** Decodes a whole short text (a header line) in the given encoding. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
	if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
	cp1252 ??= new TextDecoder('windows-1252');
	return cp1252.decode(bytes);
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
