/**
 * A worksheet's XML → its rows, as the parser reaches each </row>. Cells are placed by their r
 * reference (missing cells are empty), rows without r follow the previous one.
 */
import { columnOf, numericValueText, stringText } from './cells';
import { coded } from '../../core/messages';
import { XlsxFormatError } from './errors';
import { xmlStream, type XmlStream } from './xml';

export interface SheetRow {
	/** 1-based sheet row number. */
	row: number;
	/** Cell texts from column A on, up to the last cell the row has. */
	cells: string[];
}

export interface CellContext {
	sharedStrings: readonly string[];
	/** By cellXfs index (the s attribute): the number is a date. */
	dateStyles: readonly boolean[];
	date1904: boolean;
}

/** Excel's own limits; a reference past them is damage (and would make huge arrays). */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

export function sheetRowStream(part: string, context: CellContext, emit: (row: SheetRow) => void): XmlStream {
	const { sharedStrings, dateStyles, date1904 } = context;
	let inSheetData = false;
	let inRow = false;
	let rowNumber = 0;
	let cells: string[] = [];
	let column = -1;
	let inCell = false;
	let type = 'n';
	let style = 0;
	let value = '';
	let inValue = false;
	let inline = '';
	let inInline = false;
	/** The cell has an <is> element (an inline string); its text is then in `inline`. */
	let hasInline = false;
	let inInlineText = false;
	let phonetic = 0;

	const cellText = (): string => {
		switch (type) {
			case 's':
				return sharedStrings[Number(value)] ?? '';
			case 'inlineStr':
				return stringText(hasInline ? inline : value);
			case 'str':
				return stringText(value);
			case 'b':
				return value.trim() === '1' ? 'TRUE' : value.trim() === '0' ? 'FALSE' : value;
			case 'e':
				return value;
			case 'd':
				return ISO_DATE_PREFIX.exec(value.trim())?.[0] ?? value;
			default:
				return numericValueText(value, dateStyles[style] ?? false, date1904);
		}
	};
	return xmlStream(part, {
		open(name, attributes) {
			switch (name) {
				case 'sheetData':
					inSheetData = true;
					return;
				case 'row': {
					if (!inSheetData) return;
					const given = attributes.get('r');
					const r = given === undefined ? rowNumber + 1 : Number(given);
					if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS)
						throw new XlsxFormatError(coded('xlsx.bad_row_number', { value: String(given) }));
					rowNumber = r;
					inRow = true;
					cells = [];
					column = -1;
					return;
				}
				case 'c': {
					if (!inRow) return;
					const ref = attributes.get('r');
					const at = ref === undefined ? -1 : columnOf(ref);
					column = at >= 0 ? at : column + 1;
					if (column >= MAX_COLUMNS) throw new XlsxFormatError(coded('xlsx.bad_cell', { ref: ref ?? '' }));
					inCell = true;
					type = attributes.get('t') ?? 'n';
					const s = attributes.get('s');
					style = s === undefined ? 0 : Number(s);
					value = '';
					inline = '';
					hasInline = false;
					return;
				}
				case 'v':
					inValue = inCell;
					return;
				case 'is':
					inInline = inCell;
					hasInline = inCell;
					return;
				case 'rPh':
					phonetic++;
					return;
				case 't':
					inInlineText = inInline && phonetic === 0;
					return;
			}
		},
		close(name) {
			switch (name) {
				case 'v':
					inValue = false;
					return;
				case 't':
					inInlineText = false;
					return;
				case 'rPh':
					phonetic--;
					return;
				case 'is':
					inInline = false;
					return;
				case 'c':
					if (!inCell) return;
					inCell = false;
					cells[column] = cellText();
					return;
				case 'row':
					if (!inRow) return;
					inRow = false;
					for (let i = 0; i < cells.length; i++) cells[i] ??= '';
					emit({ row: rowNumber, cells });
					return;
				case 'sheetData':
					inSheetData = false;
					return;
			}
		},
		text(text) {
			if (inValue) value += text;
			else if (inInlineText) inline += text;
		}
	});
}
