/**
 * Which cell styles show a number as a date: the cell's s attribute indexes cellXfs, whose numFmtId
 * is either a built-in format or one of the workbook's own numFmts.
 */
import type { ByteSource } from '../types';
import { parseEntry } from './xml';
import { smallPartOptions } from './workbook';
import type { ZipEntry } from './zip';

/** Built-in date and time formats: 14–22 (d/m/yyyy … m/d/yy h:mm) and 45–47 (mm:ss, [h]:mm:ss, mmss.0). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * A custom format code shows a date when a d, m, y or h token is left after taking out what is not a
 * token: "quoted text", [colours, locales, conditions], \escaped and _ * padding characters.
 */
export function isDateFormatCode(code: string): boolean {
	const tokens = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, '');
	return /[dmyh]/i.test(tokens);
}

/** For each cellXfs index: whether its number format is a date. */
export async function readDateStyles(source: ByteSource, entry: ZipEntry | undefined, sliceBytes: number): Promise<boolean[]> {
	if (!entry) return [];
	const customDate = new Map<number, boolean>();
	const xfFormats: number[] = [];
	let inCellXfs = false;
	await parseEntry(
		source,
		entry,
		{
			open(name, attributes) {
				if (name === 'numFmt') {
					const id = Number(attributes.get('numFmtId'));
					if (Number.isInteger(id)) customDate.set(id, isDateFormatCode(attributes.get('formatCode') ?? ''));
				} else if (name === 'cellXfs') inCellXfs = true;
				else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attributes.get('numFmtId') ?? 0));
			},
			close(name) {
				if (name === 'cellXfs') inCellXfs = false;
			},
			text() {}
		},
		smallPartOptions(sliceBytes)(entry)
	);
	return xfFormats.map((id) => customDate.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
}
