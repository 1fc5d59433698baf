/**
 * A streaming XLSX reader over a ByteSource (a File in the browser, a file on disk in Node): the ZIP
 * directory first, then only the parts needed, the worksheet inflated and parsed slice by slice.
 * Memory is bounded by the shared strings plus one slice's rows.
 */
import type { ByteSource } from '../types';
import { coded } from '../../core/messages';
import { XlsxFormatError, XlsxTooLargeError } from './errors';
import { entryBytes } from './entry-text';
import { readSharedStrings } from './shared-strings';
import { sheetRowScanner, type SheetRow } from './sheet';
import { readDateStyles } from './styles';
import { readWorkbookInfo, type SheetInfo, type WorkbookInfo } from './workbook';
import { readZipDirectory } from './zip';

export type { SheetInfo } from './workbook';
export type { SheetRow } from './sheet';

/**
 * Compressed bytes read at a time: ~1.5 MB of worksheet XML, ~1,000 rows of a 51-column register. The
 * XML is parsed on the page's thread, so a slice is one uninterrupted task: at 1 MiB the bench saw
 * 1.9 s tasks in Chromium on a busy machine; a quarter of that keeps the tab reacting.
 */
export const XLSX_SLICE_BYTES = 256 * 1024;
/**
 * Uncompressed worksheet XML allowed. Memory does not grow with it, time does: ~1,500 bytes per row of
 * 51 columns, so this is about 1.4 million rows, more than a sheet can hold. Past it the file is
 * damaged or a deflate bomb.
 */
export const MAX_SHEET_XML_BYTES = 2 * 1024 * 1024 * 1024;
/** Uncompressed sharedStrings.xml allowed: all of it is held in memory while the sheet is read. */
export const MAX_SHARED_STRINGS_XML_BYTES = 256 * 1024 * 1024;

export interface XlsxReadOptions {
	sliceBytes?: number;
	maxSheetXmlBytes?: number;
	maxSharedStringsXmlBytes?: number;
}

export interface SheetRowBatch {
	rows: SheetRow[];
	/** Compressed bytes of the worksheet consumed so far, of `compressedTotal`. */
	compressedRead: number;
	compressedTotal: number;
}

export class XlsxReader {
	private constructor(
		private readonly source: ByteSource,
		private readonly info: WorkbookInfo,
		private readonly options: Required<XlsxReadOptions>
	) {}

	static async open(source: ByteSource, options: XlsxReadOptions = {}): Promise<XlsxReader> {
		const settings: Required<XlsxReadOptions> = {
			sliceBytes: Math.max(1, Math.floor(options.sliceBytes ?? XLSX_SLICE_BYTES)),
			maxSheetXmlBytes: options.maxSheetXmlBytes ?? MAX_SHEET_XML_BYTES,
			maxSharedStringsXmlBytes: options.maxSharedStringsXmlBytes ?? MAX_SHARED_STRINGS_XML_BYTES
		};
		const entries = await readZipDirectory(source);
		const info = await readWorkbookInfo(source, entries, settings.sliceBytes);
		return new XlsxReader(source, info, settings);
	}

	/** Every sheet in tab order, hidden ones and chart sheets included. */
	get sheets(): readonly SheetInfo[] {
		return this.info.sheets;
	}

	/** A worksheet's rows in order, one batch per compressed slice read. */
	async *rows(sheet: SheetInfo): AsyncGenerator<SheetRowBatch> {
		const { source, info, options } = this;
		const entry = sheet.entry;
		if (sheet.kind !== 'worksheet' || !entry) throw new XlsxFormatError(coded('xlsx.sheet_missing', { sheet: sheet.name }));
		const dateStyles = await readDateStyles(source, info.styles, options.sliceBytes);
		const sharedStrings = await readSharedStrings(source, info.sharedStrings, options.sliceBytes, options.maxSharedStringsXmlBytes);
		let rows: SheetRow[] = [];
		const scanner = sheetRowScanner(entry.name, { sharedStrings, dateStyles, date1904: info.date1904 }, (row) => rows.push(row));
		const inflated = entryBytes(source, entry, {
			sliceBytes: options.sliceBytes,
			maxBytes: options.maxSheetXmlBytes,
			tooLarge: () => new XlsxTooLargeError('sheet', options.maxSheetXmlBytes)
		});
		let compressedRead = 0;
		for await (const chunk of inflated) {
			for (const piece of chunk.pieces) scanner.write(piece);
			compressedRead = chunk.compressedRead;
			const batch = rows;
			rows = [];
			yield { rows: batch, compressedRead, compressedTotal: entry.compressedSize };
		}
		scanner.close();
		if (rows.length > 0) yield { rows, compressedRead, compressedTotal: entry.compressedSize };
	}
}
