/** Cell values as the text the staging table holds (see the module comment of ../xlsx.ts). */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A number as text: integers as all their digits, others to Excel's 15 significant digits. */
export function numberText(value: number): string {
	if (!Number.isFinite(value)) return '';
	if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
	// Excel keeps 15 significant digits; drop binary noise such as 0.30000000000000004.
	return String(Number(value.toPrecision(15)));
}

/** A JS date as YYYY-MM-DD (its UTC calendar day). */
export function isoDate(date: Date): string {
	if (Number.isNaN(date.getTime())) return '';
	return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

const MS_PER_DAY = 86_400_000;
/** Serial day of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
/** Days from 1899-12-30 to 1904-01-01. */
const DATE_1904_OFFSET = 1462;

/** An Excel serial day number (time of day ignored) as YYYY-MM-DD. */
export function serialDate(serial: number, date1904: boolean): string {
	if (!Number.isFinite(serial)) return '';
	let days = serial + (date1904 ? DATE_1904_OFFSET : 0);
	// The 1900 system counts a 29 February 1900 that never was (Lotus' bug): days before it are one off.
	if (!date1904 && serial < 60) days += 1;
	return isoDate(new Date(Math.round((days - UNIX_EPOCH_SERIAL) * MS_PER_DAY)));
}

const PLAIN_WHOLE_NUMBER = /^(?:0|[1-9]\d{0,14})$/;

/** The number text of a <v> value ('6.402061234560001E+15' → '6402061234560001'); not a number → as written. */
export function numericValueText(raw: string, isDate: boolean, date1904: boolean): string {
	// Most cells: a whole number of up to 15 digits is exact as a double, so its text is its digits.
	if (!isDate && PLAIN_WHOLE_NUMBER.test(raw)) return raw;
	const text = raw.trim();
	if (text === '') return '';
	const value = Number(text);
	if (Number.isNaN(value)) return raw;
	return isDate ? serialDate(value, date1904) : numberText(value);
}

/**
 * OOXML strings escape characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return;
 * _x005F_ escapes the underscore itself). Line breaks become \n as in the CSV path.
 */
export function stringText(raw: string): string {
	const text = raw.includes('_x') ? raw.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw;
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Zero-based column of an A1 reference ('C7' → 2); -1 when it has no column letters. */
export function columnOf(ref: string): number {
	let column = 0;
	let i = 0;
	for (; i < ref.length; i++) {
		const code = ref.charCodeAt(i);
		if (code >= 65 && code <= 90) column = column * 26 + code - 64;
		else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
		else break;
	}
	return i === 0 ? -1 : column - 1;
}

export interface CellContext {
	sharedStrings: readonly string[];
	/** By cellXfs index (the s attribute): the number is a date. */
	dateStyles: readonly boolean[];
	date1904: boolean;
}

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/**
 * A cell's text by its type (the t attribute): `value` is its <v> text, `inline` its <is> text when
 * it has an <is>, `style` its s attribute.
 */
export function typedCellText(type: string, value: string, inline: string | undefined, style: number, context: CellContext): string {
	switch (type) {
		case 's':
			return context.sharedStrings[Number(value)] ?? '';
		case 'inlineStr':
			return stringText(inline ?? value);
		case 'str':
			return stringText(value);
		case 'b':
			return value.trim() === '1' ? 'TRUE' : value.trim() === '0' ? 'FALSE' : value;
		case 'e':
			return value;
		case 'd':
			return ISO_DATE_PREFIX.exec(value.trim())?.[0] ?? value;
		default:
			return numericValueText(value, context.dateStyles[style] ?? false, context.date1904);
	}
}
