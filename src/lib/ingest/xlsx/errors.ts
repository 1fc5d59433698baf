/**
 * What the XLSX reader throws. A format error says why as a code; the staging step puts it into the
 * load's error next to the file name, and the edge words it.
 */
import { CodedError, type CodedMessage } from '../../core/messages';
import type { XlsxReasons } from '../../core/messages/ingest';

/** The bytes are not a readable workbook: a damaged ZIP, a part missing, XML that does not parse. */
export class XlsxFormatError extends CodedError {
	declare readonly said: CodedMessage<keyof XlsxReasons>;

	constructor(reason: CodedMessage<keyof XlsxReasons>) {
		super(reason);
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
