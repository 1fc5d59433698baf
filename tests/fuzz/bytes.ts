/** Byte-level damage shared by every target. */
import type { Random } from './random';

export const utf8 = (text: string) => new TextEncoder().encode(text);

export function truncateAt(bytes: Uint8Array, random: Random): Uint8Array {
	return bytes.slice(0, random.int(1, Math.max(1, bytes.length - 1)));
}

/** One to five bytes replaced by random values. */
export function flipBytes(bytes: Uint8Array, random: Random): Uint8Array {
	const out = bytes.slice();
	for (let n = random.int(1, 5); n > 0; n--) out[random.int(0, out.length - 1)] = random.int(0, 255);
	return out;
}

export function randomBytes(random: Random, length: number): Uint8Array {
	return Uint8Array.from({ length }, () => random.int(0, 255));
}

/** UTF-16 with its BOM, little- or big-endian. */
export function utf16(text: string, littleEndian: boolean): Uint8Array {
	const out = new Uint8Array(2 + text.length * 2);
	const view = new DataView(out.buffer);
	view.setUint16(0, 0xfeff, littleEndian);
	for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
	return out;
}

/** Windows-1252 for text whose characters are all Latin-1 (what the fuzz names use). */
export function latin1(text: string): Uint8Array {
	return Uint8Array.from(text, (c) => {
		const code = c.charCodeAt(0);
		if (code > 0xff) throw new RangeError(`not Latin-1: ${c}`);
		return code;
	});
}
