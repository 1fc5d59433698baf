/**
 * One ZIP entry as bytes or UTF-8 text, in pieces: compressed bytes are read through ByteSource in slices and
 * inflated as they come (fflate's streaming Inflate), so a 150 MB worksheet never sits in memory
 * whole, compressed or not.
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
	/** The entry's next inflated bytes (a UTF-8 sequence may be cut at either end). */
	bytes: Uint8Array;
	compressedRead: number;
}

/** Inflated at a time: a deflate bomb (up to ~1000:1) can make at most ~64 MiB before the size check. */
const INFLATE_STEP = 64 * 1024;

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
		yield { text: decoder.decode(chunk.bytes, { stream: true }), compressedRead: chunk.compressedRead };
	}
	const rest = decoder.decode();
	// A cut UTF-8 sequence at the very end: its replacement character, as a whole decode gives.
	if (rest !== '') yield { text: rest, compressedRead: entry.compressedSize };
}

/** One ZIP entry's inflated bytes, a piece per compressed slice read (the worksheet's scanner reads bytes, not text). */
export async function* entryBytes(source: ByteSource, entry: ZipEntry, options: EntryTextOptions): AsyncGenerator<EntryBytesChunk> {
	if (entry.method !== 0 && entry.method !== 8) {
		throw new XlsxFormatError(coded('xlsx.compression', { part: entry.name, method: String(entry.method) }));
	}
	if (entry.uncompressedSize > options.maxBytes) throw options.tooLarge();
	const start = await entryDataOffset(source, entry);
	const end = start + entry.compressedSize;
	let produced = 0;
	let pieces: Uint8Array[] = [];
	let pos = start;
	const take = (data: Uint8Array) => {
		produced += data.length;
		if (produced > options.maxBytes) throw options.tooLarge();
		// The central directory's size is what the limit above was checked against: more is a lie.
		if (produced > entry.uncompressedSize) {
			throw new XlsxFormatError(coded('xlsx.size_mismatch', { part: entry.name, declared: String(entry.uncompressedSize) }));
		}
		if (produced > BOMB_FLOOR && produced > BOMB_RATIO * (pos - start)) {
			throw new XlsxFormatError(coded('xlsx.inflate_ratio', { part: entry.name, ratio: String(BOMB_RATIO) }));
		}
		if (data.length > 0) pieces.push(data);
	};
	const inflater = entry.method === 8 ? new Inflate(take) : undefined;
	while (pos < end) {
		const slice = await source.read(pos, Math.min(end, pos + options.sliceBytes));
		if (slice.length === 0) throw new XlsxFormatError(coded('xlsx.truncated', {}));
		pos += slice.length;
		const last = pos >= end;
		if (inflater) {
			for (let i = 0; i < slice.length; i += INFLATE_STEP) {
				try {
					inflater.push(slice.subarray(i, i + INFLATE_STEP), last && i + INFLATE_STEP >= slice.length);
				} catch (error) {
					if (error instanceof XlsxTooLargeError || error instanceof XlsxFormatError) throw error;
					const detail = error instanceof Error ? error.message : String(error);
					throw new XlsxFormatError(coded('xlsx.part_damaged', { part: entry.name, detail }));
				}
			}
		} else take(slice);
		const bytes = pieces.length === 1 ? (pieces[0] as Uint8Array) : concatenated(pieces);
		pieces = [];
		yield { bytes, compressedRead: pos - start };
	}
}

function concatenated(pieces: readonly Uint8Array[]): Uint8Array {
	let length = 0;
	for (const piece of pieces) length += piece.length;
	const out = new Uint8Array(length);
	let at = 0;
	for (const piece of pieces) {
		out.set(piece, at);
		at += piece.length;
	}
	return out;
}
