/**
 * sharedStrings.xml: the text of every <si>, runs of rich text joined, phonetic guides (<rPh>) left
 * out. Read whole before the worksheet (cells refer to it by index, and Excel often stores it after the
 * worksheets in the ZIP), so it is the one part whose size bounds the reader's memory.
 */
import type { ByteSource } from '../types';
import { stringText } from './cells';
import { XlsxTooLargeError } from './errors';
import { parseEntry } from './xml';
import type { ZipEntry } from './zip';

export async function readSharedStrings(
	source: ByteSource,
	entry: ZipEntry | undefined,
	sliceBytes: number,
	maxBytes: number
): Promise<string[]> {
	const strings: string[] = [];
	if (!entry) return strings;
	let inItem = false;
	let inText = false;
	let phonetic = 0;
	let current = '';
	await parseEntry(
		source,
		entry,
		{
			open(name) {
				if (name === 'si') {
					inItem = true;
					current = '';
				} else if (name === 'rPh') phonetic++;
				else if (name === 't' && inItem && phonetic === 0) inText = true;
			},
			close(name) {
				if (name === 't') inText = false;
				else if (name === 'rPh') phonetic--;
				else if (name === 'si') {
					strings.push(stringText(current));
					inItem = false;
				}
			},
			text(text) {
				if (inText) current += text;
			}
		},
		{ sliceBytes, maxBytes, tooLarge: () => new XlsxTooLargeError('sharedStrings', maxBytes) }
	);
	return strings;
}
