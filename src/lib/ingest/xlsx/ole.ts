/**
 * Excel's "Encrypt with Password" does not give a ZIP: the encrypted .xlsx is stored as the stream
 * 'EncryptedPackage' of an OLE compound file, the container of old .xls files too. The directory tells
 * them apart, so a protected workbook is not mistaken for an old .xls.
 */
import type { ByteSource } from '../types';

const ENCRYPTED_PACKAGE = 'EncryptedPackage';
const DIRECTORY_ENTRY = 128;
/** Sector ids from here up mark the end of a chain or free/special sectors. */
const END_OF_CHAIN = 0xfffffffa;
/** Header DIFAT slots: enough to follow the directory of any file up to ~7 MB (512-byte sectors). */
const HEADER_DIFAT = 109;
/** Directories of encrypted workbooks span a few sectors; stop early on anything odd. */
const MAX_DIRECTORY_SECTORS = 64;

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function entryName(view: DataView, at: number): string {
	const length = view.getUint16(at + 0x40, true);
	if (length < 2 || length > 64) return '';
	let name = '';
	for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
	return name;
}

export async function isEncryptedPackage(source: ByteSource): Promise<boolean> {
	const header = await source.read(0, 512);
	if (header.length < 512) return false;
	const view = viewOf(header);
	const shift = view.getUint16(0x1e, true);
	if (shift !== 9 && shift !== 12) return false;
	const sectorSize = 1 << shift;
	const idsPerSector = sectorSize / 4;
	const offsetOf = (sector: number) => (sector + 1) * sectorSize;
	let sector = view.getUint32(0x30, true);
	for (let n = 0; n < MAX_DIRECTORY_SECTORS && sector < END_OF_CHAIN; n++) {
		const directory = await source.read(offsetOf(sector), offsetOf(sector) + sectorSize);
		const entries = viewOf(directory);
		for (let at = 0; at + DIRECTORY_ENTRY <= directory.length; at += DIRECTORY_ENTRY) {
			if (entryName(entries, at) === ENCRYPTED_PACKAGE) return true;
		}
		const fatIndex = Math.floor(sector / idsPerSector);
		if (fatIndex >= HEADER_DIFAT) return false;
		const fatSector = view.getUint32(0x4c + fatIndex * 4, true);
		if (fatSector >= END_OF_CHAIN) return false;
		const at = offsetOf(fatSector) + (sector % idsPerSector) * 4;
		const next = await source.read(at, at + 4);
		if (next.length < 4) return false;
		sector = viewOf(next).getUint32(0, true);
	}
	return false;
}
