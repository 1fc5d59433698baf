/**
 * What the XLSX reader throws. Details are in Bahasa Indonesia because the staging step puts them
 * into the message the user sees, next to the file name.
 */

/** The bytes are not a readable workbook: a damaged ZIP, a part missing, XML that does not parse. */
export class XlsxFormatError extends Error {
	constructor(detail: string) {
		super(detail);
		this.name = 'XlsxFormatError';
	}
}

/** A part is larger than the reader allows (it would take too long or too much memory in a browser tab). */
export class XlsxTooLargeError extends Error {
	constructor(
		readonly part: 'sheet' | 'sharedStrings',
		readonly limitBytes: number
	) {
		super(`${part} exceeds ${limitBytes} bytes`);
		this.name = 'XlsxTooLargeError';
	}
}
