/**
 * The ZIP central directory of an XLSX package, read from the end of the file, so each part can be
 * read on its own through ByteSource.read without the rest of the file in memory. Local headers are
 * not trusted for sizes: streaming writers (exceljs' among them) put zeros there and the real sizes
 * in a data descriptor; the central directory always has them.
 */
import type { ByteSource } from '../types';
import { coded } from '../../core/messages';
import { XlsxFormatError } from './errors';

export interface ZipEntry {
	/** Part name as stored (OPC part names; compare them case-insensitively). */
	name: string;
	/** 0 stored, 8 deflate. */
	method: number;
	compressedSize: number;
	uncompressedSize: number;
	localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_LENGTH = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_LENGTH = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_LENGTH = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_LENGTH = 30;
/** A workbook has a few dozen parts; a directory this large is damage, not a workbook. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

const damaged = () => coded('xlsx.damaged', {});

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function uint64(view: DataView, offset: number): number {
	const high = view.getUint32(offset + 4, true);
	if (high >= 0x200000) throw new XlsxFormatError(damaged());
	return high * 0x100000000 + view.getUint32(offset, true);
}

/** Normalised key for a part name: OPC names are case-insensitive and some writers use '\'. */
export const partKey = (name: string) => name.replaceAll('\\', '/').replace(/^\/+/, '').toLowerCase();

/** The package's entries by partKey(name). */
export async function readZipDirectory(source: ByteSource): Promise<Map<string, ZipEntry>> {
	const size = source.size;
	if (size < EOCD_LENGTH) throw new XlsxFormatError(damaged());
	const tailStart = Math.max(0, size - EOCD_LENGTH - MAX_COMMENT - ZIP64_LOCATOR_LENGTH);
	const tail = await source.read(tailStart, size);
	const view = viewOf(tail);
	let eocd = -1;
	for (let i = tail.length - EOCD_LENGTH; i >= 0; i--) {
		// The comment length must reach exactly to the end, so a signature inside a comment is not taken.
		if (view.getUint32(i, true) === EOCD_SIGNATURE && i + EOCD_LENGTH + view.getUint16(i + 20, true) === tail.length) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new XlsxFormatError(coded('xlsx.no_directory', {}));
	let count = view.getUint16(eocd + 10, true);
	let directorySize = view.getUint32(eocd + 12, true);
	let directoryOffset = view.getUint32(eocd + 16, true);
	const locator = eocd - ZIP64_LOCATOR_LENGTH;
	if (
		(count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) &&
		locator >= 0 &&
		view.getUint32(locator, true) === ZIP64_LOCATOR_SIGNATURE
	) {
		const recordOffset = uint64(view, locator + 8);
		const record = viewOf(await source.read(recordOffset, recordOffset + 56));
		if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) throw new XlsxFormatError(damaged());
		count = uint64(record, 32);
		directorySize = uint64(record, 40);
		directoryOffset = uint64(record, 48);
	}
	if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size) throw new XlsxFormatError(damaged());
	const directory = await source.read(directoryOffset, directoryOffset + directorySize);
	return parseDirectory(directory, count, size);
}

function parseDirectory(bytes: Uint8Array, count: number, fileSize: number): Map<string, ZipEntry> {
	const view = viewOf(bytes);
	const names = new TextDecoder();
	const entries = new Map<string, ZipEntry>();
	let at = 0;
	for (let n = 0; n < count; n++) {
		if (at + CENTRAL_LENGTH > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
			throw new XlsxFormatError(damaged());
		}
		const flags = view.getUint16(at + 8, true);
		const method = view.getUint16(at + 10, true);
		let compressedSize = view.getUint32(at + 20, true);
		let uncompressedSize = view.getUint32(at + 24, true);
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		let localHeaderOffset = view.getUint32(at + 42, true);
		const nameStart = at + CENTRAL_LENGTH;
		const extraStart = nameStart + nameLength;
		const next = extraStart + extraLength + commentLength;
		if (next > bytes.length) throw new XlsxFormatError(damaged());
		const name = names.decode(bytes.subarray(nameStart, extraStart));
		// ZIP64 extended information: 8-byte values, present only for the fields that overflowed.
		for (let e = extraStart; e + 4 <= extraStart + extraLength;) {
			const id = view.getUint16(e, true);
			const length = view.getUint16(e + 2, true);
			if (id === 0x0001) {
				let field = e + 4;
				const end = field + length;
				const take = () => {
					if (field + 8 > end) throw new XlsxFormatError(damaged());
					const value = uint64(view, field);
					field += 8;
					return value;
				};
				if (uncompressedSize === 0xffffffff) uncompressedSize = take();
				if (compressedSize === 0xffffffff) compressedSize = take();
				if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
			}
			e += 4 + length;
		}
		if (flags & 0x1) throw new XlsxFormatError(coded('xlsx.part_encrypted', { part: name }));
		if (localHeaderOffset + LOCAL_LENGTH + compressedSize > fileSize) throw new XlsxFormatError(damaged());
		if (!name.endsWith('/')) entries.set(partKey(name), { name, method, compressedSize, uncompressedSize, localHeaderOffset });
		at = next;
	}
	return entries;
}

/** Where the entry's compressed bytes start (after its local header, whose extra field may differ). */
export async function entryDataOffset(source: ByteSource, entry: ZipEntry): Promise<number> {
	const header = await source.read(entry.localHeaderOffset, entry.localHeaderOffset + LOCAL_LENGTH);
	const view = viewOf(header);
	if (header.length < LOCAL_LENGTH || view.getUint32(0, true) !== LOCAL_SIGNATURE) throw new XlsxFormatError(damaged());
	const start = entry.localHeaderOffset + LOCAL_LENGTH + view.getUint16(26, true) + view.getUint16(28, true);
	if (start + entry.compressedSize > source.size) throw new XlsxFormatError(damaged());
	return start;
}
