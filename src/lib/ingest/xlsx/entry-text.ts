/**
 * One ZIP entry as bytes or UTF-8 text, in pieces: compressed bytes are read through ByteSource in
 * slices and inflated as they come (the platform's DecompressionStream, else fflate's streaming
 * Inflate), so a 150 MB worksheet never sits in memory whole, compressed or not.
 */
import { Inflate } from 'fflate';
import type { ByteSource } from '../types';
import { coded } from '../../core/messages';
import { XlsxFormatError, XlsxTooLargeError } from './errors';
import { entryDataOffset, type ZipEntry } from './zip';

export interface EntryTextOptions {
	/** Compressed bytes read from the source at a time. */
	sliceBytes: number;
	/** Uncompressed bytes allowed; past them `tooLarge()` is thrown. */
	maxBytes: number;
	tooLarge: () => XlsxTooLargeError | XlsxFormatError;
}

export interface EntryTextChunk {
	text: string;
	/** Compressed bytes of the entry consumed so far (for progress: it moves as the file is read). */
	compressedRead: number;
}

export interface EntryBytesChunk {
	/** The entry's next inflated bytes, in the pieces the inflater gave (a UTF-8 sequence may be cut at either end). */
	pieces: Uint8Array[];
	compressedRead: number;
}

/** How an entry's deflated bytes are inflated: the platform's zlib where it has one, else fflate. */
export type Inflater = 'native' | 'fflate';

/** Inflated at a time by fflate: a deflate bomb (up to ~1000:1) can make at most ~64 MiB before the size check. */
const INFLATE_STEP = 64 * 1024;
/**
 * Entries from this compressed size are inflated natively: below it fflate is as quick, and it hands
 * on the output of every slice read where the native stream holds a slice or two ahead.
 */
export const NATIVE_FROM_BYTES = 1024 * 1024;
/** The native inflater's output is handed on at least this often (its pieces are 64 KiB). */
const GROUP_BYTES = 1024 * 1024;

/**
 * A worksheet's XML inflates about 7:1 (the bench's 100,000-row workbook: 25.7 MB to 171 MB), a sheet
 * of empty styled cells a few dozen to one; deflate's ceiling is about 1000:1. Past BOMB_FLOOR, an
 * entry that has grown more than BOMB_RATIO times the compressed bytes read is a bomb, refused after
 * seconds rather than after inflating up to the sheet limit (minutes of parsing).
 */
const BOMB_RATIO = 250;
const BOMB_FLOOR = 64 * 1024 * 1024;

/** One ZIP entry as UTF-8 text, a piece per compressed slice read. */
export async function* entryText(source: ByteSource, entry: ZipEntry, options: EntryTextOptions): AsyncGenerator<EntryTextChunk> {
	const decoder = new TextDecoder();
	for await (const chunk of entryBytes(source, entry, options)) {
		let text = '';
		for (const piece of chunk.pieces) text += decoder.decode(piece, { stream: true });
		yield { text, compressedRead: chunk.compressedRead };
	}
	const rest = decoder.decode();
	// A cut UTF-8 sequence at the very end: its replacement character, as a whole decode gives.
	if (rest !== '') yield { text: rest, compressedRead: entry.compressedSize };
}

/**
 * DecompressionStream('deflate-raw') is the browser's own zlib: in Chromium the worksheet of a
 * 100,000-row workbook inflates in 1.4–2.0 s through it, against ~4 s of fflate on the page's thread
 * (bench/RESULTS.md, session 23). Node's is an adapter over its zlib that was slower than fflate there
 * (1.2 against 0.9 s) and reads the whole entry ahead of the inflated bytes asked for, so Node keeps
 * fflate. Browsers before 2023 lack 'deflate-raw' and get fflate too.
 */
export function nativeInflateWorks(): boolean {
	if (typeof DecompressionStream !== 'function') return false;
	try {
		new DecompressionStream('deflate-raw');
		return true;
	} catch {
		return false;
	}
}

const inNode = () => typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** One ZIP entry's inflated bytes, a group of pieces per compressed slice read (the worksheet's scanner reads bytes, not text). */
export async function* entryBytes(
	source: ByteSource,
	entry: ZipEntry,
	options: EntryTextOptions & { inflater?: Inflater }
): AsyncGenerator<EntryBytesChunk> {
	if (entry.method !== 0 && entry.method !== 8) {
		throw new XlsxFormatError(coded('xlsx.compression', { part: entry.name, method: String(entry.method) }));
	}
	if (entry.uncompressedSize > options.maxBytes) throw options.tooLarge();
	const start = await entryDataOffset(source, entry);
	const end = start + entry.compressedSize;
	let pos = start;
	let produced = 0;
	const readSlice = async (): Promise<Uint8Array> => {
		const slice = await source.read(pos, Math.min(end, pos + options.sliceBytes));
		if (slice.length === 0) throw new XlsxFormatError(coded('xlsx.truncated', {}));
		pos += slice.length;
		return slice;
	};
	/** Counts inflated bytes against the limits; throws past them. */
	const count = (data: Uint8Array) => {
		produced += data.length;
		if (produced > options.maxBytes) throw options.tooLarge();
		// The central directory's size is what the limit above was checked against: more is a lie.
		if (produced > entry.uncompressedSize) {
			throw new XlsxFormatError(coded('xlsx.size_mismatch', { part: entry.name, declared: String(entry.uncompressedSize) }));
		}
		if (produced > BOMB_FLOOR && produced > BOMB_RATIO * (pos - start)) {
			throw new XlsxFormatError(coded('xlsx.inflate_ratio', { part: entry.name, ratio: String(BOMB_RATIO) }));
		}
	};
	const damaged = (error: unknown): unknown => {
		if (error instanceof XlsxTooLargeError || error instanceof XlsxFormatError) return error;
		const detail = error instanceof Error ? error.message : String(error);
		return new XlsxFormatError(coded('xlsx.part_damaged', { part: entry.name, detail }));
	};
	if (entry.method === 0) {
		while (pos < end) {
			const slice = await readSlice();
			count(slice);
			yield { pieces: [slice], compressedRead: pos - start };
		}
		return;
	}
	const inflater =
		options.inflater ?? (entry.compressedSize >= NATIVE_FROM_BYTES && !inNode() && nativeInflateWorks() ? 'native' : 'fflate');
	if (inflater === 'native') {
		const compressed = new ReadableStream<BufferSource>(
			{
				async pull(controller) {
					if (pos >= end) controller.close();
					else controller.enqueue(ownBuffer(await readSlice()));
				}
			},
			{ highWaterMark: 0 }
		);
		const reader = compressed.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
		let done = false;
		try {
			let pieces: Uint8Array[] = [];
			let grouped = 0;
			let readAtYield = pos;
			for (;;) {
				let next: ReadableStreamReadResult<Uint8Array>;
				try {
					next = await reader.read();
				} catch (error) {
					throw damaged(error);
				}
				if (next.done) break;
				count(next.value);
				pieces.push(next.value);
				grouped += next.value.length;
				// A group per slice read, as fflate's below (progress, cancelling), or per GROUP_BYTES of a bomb.
				if (pos !== readAtYield || grouped >= GROUP_BYTES) {
					yield { pieces, compressedRead: pos - start };
					pieces = [];
					grouped = 0;
					readAtYield = pos;
				}
			}
			done = true;
			yield { pieces, compressedRead: pos - start };
		} finally {
			// Refused, or the reader stopped early: stop reading the file.
			if (!done) await reader.cancel().catch(() => undefined);
		}
		return;
	}
	let pieces: Uint8Array[] = [];
	const take = (data: Uint8Array) => {
		count(data);
		if (data.length > 0) pieces.push(data);
	};
	const fflate = new Inflate(take);
	while (pos < end) {
		const slice = await readSlice();
		const last = pos >= end;
		for (let i = 0; i < slice.length; i += INFLATE_STEP) {
			try {
				fflate.push(slice.subarray(i, i + INFLATE_STEP), last && i + INFLATE_STEP >= slice.length);
			} catch (error) {
				throw damaged(error);
			}
		}
		yield { pieces, compressedRead: pos - start };
		pieces = [];
	}
}

/** The bytes over an ArrayBuffer of their own, as a stream of BufferSource takes them (a shared buffer is copied). */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	return bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : new Uint8Array(bytes);
}
