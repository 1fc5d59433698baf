/**
 * UTF-16 CSV files (Excel's "Unicode Text", some database exports): recognised by their byte-order
 * mark, or without one by every other byte being NUL in ASCII text, and turned into UTF-8 before
 * anything else reads them. Without this they looked binary (NUL bytes) and were refused as such.
 */
import { joinBytes } from './byte-pieces';
import { bytesByteSource } from './bytes-source';
import type { ByteSource } from './types';

export type Utf16Order = 'utf-16le' | 'utf-16be';

/** The byte order of a UTF-16 text from its first bytes, or undefined for any other text. */
export function utf16Order(head: Uint8Array): Utf16Order | undefined {
	const [a, b, c, d] = [head[0], head[1], head[2], head[3]];
	if (a === 0xff && b === 0xfe) return 'utf-16le';
	if (a === 0xfe && b === 0xff) return 'utf-16be';
	if (head.length < 4) return undefined;
	if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le';
	if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be';
	return undefined;
}

/** Swaps each byte pair in place (big-endian to little-endian). */
function swapPairs(bytes: Uint8Array): Uint8Array {
	for (let i = 0; i + 1 < bytes.length; i += 2) {
		const x = bytes[i] ?? 0;
		bytes[i] = bytes[i + 1] ?? 0;
		bytes[i + 1] = x;
	}
	return bytes;
}

/**
 * The file as UTF-8 bytes in memory (without the byte-order mark), read slice by slice. Big-endian is
 * swapped and decoded as little-endian: not every runtime's TextDecoder knows 'utf-16be'.
 */
export async function utf16AsUtf8(source: ByteSource, order: Utf16Order, sliceBytes: number): Promise<ByteSource> {
	const decoder = new TextDecoder('utf-16le');
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	// Even slices keep code units whole; the decoder carries a surrogate pair cut between slices.
	const step = Math.max(2, sliceBytes - (sliceBytes % 2));
	for (let pos = 0; pos < source.size; pos += step) {
		const slice = (await source.read(pos, Math.min(source.size, pos + step))).slice();
		const text = decoder.decode(order === 'utf-16be' ? swapPairs(slice) : slice, { stream: pos + step < source.size });
		parts.push(encoder.encode(pos === 0 && text.startsWith('\ufeff') ? text.slice(1) : text));
	}
	return bytesByteSource(source.name, joinBytes(parts));
}
