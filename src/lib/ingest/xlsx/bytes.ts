/** Reading UTF-8 XML straight from its bytes: the small pieces the worksheet scanner (sheet.ts) is made of. */
import { CHAR, isNotXmlChar } from './xml';

const utf8 = new TextDecoder();

/** Reused argument lists for String.fromCharCode, by length: a short value costs no subarray. */
const CODE_LISTS: number[][] = Array.from({ length: 33 }, (_, length) => new Array<number>(length).fill(0));

/** bytes[from, to) as a string: ASCII without a decoder call (cell values are mostly a few digits). */
export function textOf(bytes: Uint8Array, from: number, to: number, ascii: boolean): string {
	if (!ascii) return utf8.decode(bytes.subarray(from, to));
	const length = to - from;
	if (length === 0) return '';
	if (length < CODE_LISTS.length) {
		const codes = CODE_LISTS[length] as number[];
		for (let k = 0; k < length; k++) codes[k] = bytes[from + k] as number;
		return String.fromCharCode.apply(null, codes);
	}
	let out = '';
	for (let at = from; at < to; at += 4096) {
		out += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(to, at + 4096)) as unknown as number[]);
	}
	return out;
}

/**
 * The first `byte` from `from`, or -1: a loop, as the one sought is mostly a few bytes on and a call
 * of Uint8Array.indexOf costs more than that (it was half of the scan's time).
 */
export function byteIndex(bytes: Uint8Array, byte: number, from: number): number {
	for (let k = from, length = bytes.length; k < length; k++) if (bytes[k] === byte) return k;
	return -1;
}

/** columnOf (cells.ts) of the reference written at bytes[from, to). */
export function columnAt(bytes: Uint8Array, from: number, to: number): number {
	let column = 0;
	let k = from;
	for (; k < to; k++) {
		const code = bytes[k] as number;
		if (code >= 65 && code <= 90) column = column * 26 + code - 64;
		else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
		else break;
	}
	return k === from ? -1 : column - 1;
}

/** The whole number bytes[from, to) spells: 1 to 15 digits, no leading zero (so its digits are its text); else -1. */
export function indexAt(bytes: Uint8Array, from: number, to: number): number {
	const length = to - from;
	if (length < 1 || length > 15 || (bytes[from] === 48 && length > 1)) return -1;
	let n = 0;
	for (let k = from; k < to; k++) {
		const digit = (bytes[k] as number) - 48;
		if (digit < 0 || digit > 9) return -1;
		n = n * 10 + digit;
	}
	return n;
}

export const isAscii = (bytes: Uint8Array, from: number, to: number) => {
	for (let k = from; k < to; k++) if ((bytes[k] as number) >= 0x80) return false;
	return true;
};

/** The byte pairs EF BF BE / EF BF BF: U+FFFE and U+FFFF, which XML cannot hold. */
export const isNotXmlCharAt = (bytes: Uint8Array, k: number) =>
	bytes[k] === 0xef && bytes[k + 1] === 0xbf && ((bytes[k + 2] as number) & 0xfe) === 0xbe;

/** What character data holds, as flags: SPECIAL (a line end, tab, control or &: it needs reading) and NOT_ASCII. */
export const SPECIAL = 1;
export const NOT_ASCII = 2;
/** It stopped at a <, which text cannot hold: the caller refuses it in its own words. */
export const LESS_THAN = 4;

/**
 * The flags of bytes[from, to), refusing through `fail` a character XML cannot hold (even escaped):
 * C0 controls but tab and line ends, U+FFFE and U+FFFF.
 */
export function charFlags(bytes: Uint8Array, from: number, to: number, fail: (detail: string) => never): number {
	let flags = 0;
	for (let k = from; k < to; k++) {
		const code = bytes[k] as number;
		if (code < 32 || code === CHAR.AMPERSAND) {
			if (isNotXmlChar(code)) fail('a character XML cannot hold');
			flags |= SPECIAL;
		} else if (code === CHAR.LT) return flags | LESS_THAN;
		else if (code >= 0x80) {
			flags |= NOT_ASCII;
			if (isNotXmlCharAt(bytes, k)) fail('a character XML cannot hold');
		}
	}
	return flags;
}
