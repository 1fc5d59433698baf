/**
 * One pass over a CSV file's data bytes (after the header line) that accounts for every record before
 * DuckDB reads any: quotes, field counts, line ends and UTF-8 validity, record by record. DuckDB's
 * read_csv pads short rows with NULLs, skips blank lines, lets one unclosed quote swallow the rest of
 * the file and splits on a lone CR inside quotes, all without a word; this scanner finds each of those
 * and, when asked to, writes the records again so that read_csv reads exactly one row per record:
 *
 * - a record whose quote never closes properly is rejected (its first physical line only) and the
 *   scan goes on at the next line: one bad quote costs one row, not the rest of the file;
 * - more fields than the header: rejected (`too_many_fields`), unless the extra fields are all empty
 *   (`extra_empty_fields`, dropped);
 * - fewer fields: padded with empty fields (`short_row`), or rejected as `truncated` when it is the last
 *   record and the file stops inside it (no line end);
 * - a CR alone inside quotes becomes a line break LF (`cr_in_value`); outside quotes it ends the record
 *   when the record is complete there, else it is dropped (`stray_cr`);
 * - a quote inside an unquoted value is kept as a character (`stray_quote`);
 * - a byte sequence that is not UTF-8 in a file that is otherwise UTF-8 is read as Windows-1252
 *   (`invalid_utf8`); a file with no UTF-8 sequence at all is Windows-1252 throughout (no finding);
 * - a blank line between records is written as a record of empty fields, which the report rejects as
 *   an empty row; blank lines at the end of the file are no records.
 *
 * A rejected record is written as a record of empty fields, so the staging table keeps one row per
 * record and its rowid + 1 stays the record's data row number.
 */
import type { CsvIssueName } from '../core/messages/report';
import { joinBytes } from './byte-pieces';
import { windows1252ToUtf8 } from './encoding';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export type LineEnd = 'lf' | 'crlf' | 'cr';

/** What the scan found in one record; `rejected` codes leave the row out of the load. */
export const CSV_ISSUE_SEVERITY = {
	open_quote: 'rejected',
	too_many_fields: 'rejected',
	truncated: 'rejected',
	unended_empty_last: 'warning',
	extra_empty_fields: 'warning',
	short_row: 'warning',
	cr_in_value: 'warning',
	stray_cr: 'warning',
	stray_quote: 'warning',
	invalid_utf8: 'warning'
} as const satisfies Record<CsvIssueName, 'rejected' | 'warning'>;
export type CsvIssueCode = CsvIssueName;

export interface CsvIssue {
	code: CsvIssueCode;
	/** Data row, 1-based (the header not counted). */
	row: number;
	/** 0-based field of the header where it happened; null for the whole record. */
	field: number | null;
	/** Fields found in the record (field-count issues). */
	found?: number;
}

export interface CsvScanOptions {
	delimiter: number;
	/** Fields of the header. */
	columns: number;
	lineEnd: LineEnd;
	/** How to read bytes that are not UTF-8 (pass 2, once the whole file is known). */
	encoding?: 'utf-8' | 'windows-1252';
	/** Receives the records as UTF-8, LF-ended, one per data row (only when set). */
	emit?: (bytes: Uint8Array) => void;
}

/** Beyond this many line breaks inside one quoted value, the quote is taken as never closed. */
const MAX_QUOTED_LINES = 50;

/** The length of the valid UTF-8 sequence at `i`, 0 when it is not one, -1 when the bytes stop inside it. */
function utf8Length(buf: Uint8Array, i: number, end: number): number {
	const b = buf[i] ?? 0;
	let n: number;
	let lo = 0x80;
	let hi = 0xbf;
	if (b >= 0xc2 && b <= 0xdf) n = 2;
	else if (b >= 0xe0 && b <= 0xef) {
		n = 3;
		if (b === 0xe0) lo = 0xa0;
		else if (b === 0xed) hi = 0x9f;
	} else if (b >= 0xf0 && b <= 0xf4) {
		n = 4;
		if (b === 0xf0) lo = 0x90;
		else if (b === 0xf4) hi = 0x8f;
	} else return 0;
	for (let k = 1; k < n; k++) {
		if (i + k >= end) return -1;
		const c = buf[i + k] ?? 0;
		if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return 0;
	}
	return n;
}

/** One record as parsed: where its fields are and what was wrong with it. */
interface Parsed {
	/** Index just after the record and its line end. */
	next: number;
	fields: number;
	/** The record stopped at the end of the data, without a line end. */
	unended: boolean;
	/** Quote never closed properly: reject the first line, which ends at `firstLineEnd` (after its line end). */
	openQuote: number;
	firstLineEnd: number;
	strayQuote: number;
	crInValue: number;
	strayCr: number;
	invalidUtf8: number;
	invalidBytes: number;
	multibyte: number;
	blank: boolean;
	/** How the record ended: its line end differs from the file's when read_csv would misread it. */
	eol: LineEnd | 'none';
}

const NONE = -1;

export class CsvScanner {
	/** Data rows so far (records, blank lines between records included). */
	rows = 0;
	readonly issues: CsvIssue[] = [];
	/** Valid multi-byte UTF-8 sequences and bytes that are not UTF-8, over the whole file. */
	multibyte = 0;
	invalidBytes = 0;
	/** True when the bytes must be written again for read_csv to read one row per record. */
	needsRewrite = false;

	private carry: Uint8Array = new Uint8Array(0);
	private pendingBlank = 0;
	private starts: Int32Array = new Int32Array(64);
	private ends: Int32Array = new Int32Array(64);
	/** 0 plain, 1 quoted (the range is inside the quotes), 2 literal (quotes in it are characters). */
	private kinds: Uint8Array = new Uint8Array(64);
	private readonly out: Uint8Array[] = [];
	private outBytes = 0;

	constructor(private readonly opts: CsvScanOptions) {
		if (opts.lineEnd === 'cr') this.needsRewrite = true;
	}

	/** Scans the next bytes; `final` for the last ones. Whole records are scanned (and emitted), the rest kept. */
	push(chunk: Uint8Array, final: boolean): void {
		const buf = this.carry.length === 0 ? chunk : joinBytes([this.carry, chunk]);
		let at = 0;
		for (;;) {
			if (at >= buf.length) break;
			const plain = this.plainRecord(buf, at);
			if (plain > 0) {
				this.acceptPlain(buf, at, plain);
				at = plain;
				continue;
			}
			const parsed = this.parse(buf, at, final);
			if (parsed === null) break;
			this.record(buf, at, parsed);
			at = parsed.next;
		}
		this.carry = at >= buf.length ? new Uint8Array(0) : buf.slice(at);
		if (final) this.pendingBlank = 0;
		this.flush();
	}

	/** Bytes waiting for the rest of their record. */
	get pending(): number {
		return this.carry.length;
	}

	private setField(f: number, start: number, end: number, kind: number): void {
		if (f >= this.starts.length) {
			const grow = (a: Int32Array) => {
				const b = new Int32Array(a.length * 2);
				b.set(a);
				return b;
			};
			this.starts = grow(this.starts);
			this.ends = grow(this.ends);
			const k = new Uint8Array(this.kinds.length * 2);
			k.set(this.kinds);
			this.kinds = k;
		}
		this.starts[f] = start;
		this.ends[f] = end;
		this.kinds[f] = kind;
	}

	/**
	 * The common record, found without the full parse: ASCII without quotes or a CR alone, the header's
	 * number of fields, the file's line end. Returns the index after it, or -1 for anything else.
	 */
	private plainRecord(buf: Uint8Array, start: number): number {
		const { delimiter, columns, lineEnd } = this.opts;
		if (lineEnd === 'cr') return -1;
		const end = buf.length;
		// Every byte that matters here is at most the delimiter or a quote: most bytes leave at the first test.
		const highest = Math.max(delimiter, QUOTE);
		let delimiters = 0;
		for (let i = start; i < end; i++) {
			const b = buf[i] ?? 0;
			if (b > highest && b < 0x80) continue;
			if (b === delimiter) delimiters++;
			else if (b === LF) {
				if (i === start || delimiters !== columns - 1) return -1;
				const crlf = buf[i - 1] === CR;
				return crlf === (lineEnd === 'crlf') ? i + 1 : -1;
			} else if (b === QUOTE || b >= 0x80 || (b === CR && buf[i + 1] !== LF)) return -1;
		}
		return -1;
	}

	/** Accounts for a plain record (plainRecord) and emits it as it is. */
	private acceptPlain(buf: Uint8Array, start: number, next: number): void {
		for (; this.pendingBlank > 0; this.pendingBlank--) {
			this.rows++;
			this.needsRewrite = true;
			this.emitEmpty();
		}
		this.rows++;
		if (!this.opts.emit) return;
		const lineEnd = this.opts.lineEnd === 'crlf' ? 2 : 1;
		this.write(buf.subarray(start, next - lineEnd));
		this.write(LF_BYTES);
	}

	/** Parses the record at `start`; null when the bytes stop inside it and more will come. */
	private parse(buf: Uint8Array, start: number, final: boolean): Parsed | null {
		const { delimiter, lineEnd } = this.opts;
		const end = buf.length;
		const p: Parsed = {
			next: end,
			fields: 0,
			unended: false,
			openQuote: NONE,
			firstLineEnd: NONE,
			strayQuote: NONE,
			crInValue: NONE,
			strayCr: NONE,
			invalidUtf8: NONE,
			invalidBytes: 0,
			multibyte: 0,
			blank: false,
			eol: 'none'
		};
		let f = 0;
		let fieldStart = start;
		let kind = 0;
		let inQuotes = false;
		let quotedLines = 0;
		let i = start;
		const endField = (fieldEnd: number) => {
			if (kind === 1) this.setField(f, fieldStart + 1, fieldEnd - 1, 1);
			else this.setField(f, fieldStart, fieldEnd, kind);
			f++;
		};
		const openQuote = () => {
			p.openQuote = p.openQuote === NONE ? f : p.openQuote;
			return p;
		};
		for (;;) {
			if (i >= end) {
				if (!final) return null;
				if (inQuotes) {
					// The file ends inside a quote: the quote opened on an earlier line, or the file stops here.
					if (p.firstLineEnd !== NONE) return openQuote();
					p.openQuote = f;
				}
				endField(i);
				p.fields = f;
				p.next = end;
				p.unended = true;
				return p;
			}
			const b = buf[i] ?? 0;
			if (b >= 0x80) {
				const n = utf8Length(buf, i, end);
				if (n < 0 && !final) return null;
				if (n > 0) {
					p.multibyte++;
					i += n;
				} else {
					if (p.invalidUtf8 === NONE) p.invalidUtf8 = f;
					p.invalidBytes++;
					i++;
				}
				continue;
			}
			if (inQuotes) {
				if (b === QUOTE) {
					if (i + 1 >= end && !final) return null;
					if (buf[i + 1] === QUOTE) {
						i += 2;
						continue;
					}
					inQuotes = false;
					i++;
					const c = i < end ? buf[i] : undefined;
					if (c !== undefined && c !== delimiter && c !== LF && c !== CR) {
						// Text after the closing quote: a quote opened on an earlier line never closed, or a stray quote here.
						if (p.firstLineEnd !== NONE) return openQuote();
						if (p.strayQuote === NONE) p.strayQuote = f;
						kind = 2;
					}
					continue;
				}
				if (b === LF || b === CR) {
					if (b === CR && lineEnd !== 'cr') {
						if (i + 1 >= end && !final) return null;
						if (buf[i + 1] !== LF && p.crInValue === NONE) p.crInValue = f;
					}
					if (p.firstLineEnd === NONE) p.firstLineEnd = b === CR && buf[i + 1] === LF ? i + 2 : i + 1;
					if (++quotedLines > MAX_QUOTED_LINES) return openQuote();
				}
				i++;
				continue;
			}
			if (b === delimiter) {
				endField(i);
				i++;
				fieldStart = i;
				kind = 0;
				if (i < end && buf[i] === QUOTE) {
					kind = 1;
					inQuotes = true;
					i++;
				}
				continue;
			}
			if (b === LF || b === CR) {
				let next = i + 1;
				if (b === CR) {
					if (next >= end && !final) return null;
					const crlf = buf[next] === LF;
					if (crlf) next++;
					else if (lineEnd !== 'cr' && f + 1 < this.opts.columns) {
						// A CR alone where the record is not complete: dropped, the record goes on.
						if (p.strayCr === NONE) p.strayCr = f;
						kind = kind === 0 ? 2 : kind;
						i++;
						continue;
					} else if (lineEnd !== 'cr' && p.strayCr === NONE) p.strayCr = f;
				}
				endField(i);
				p.fields = f;
				p.next = next;
				p.blank = i === start;
				p.eol = b === LF ? 'lf' : next - i === 2 ? 'crlf' : 'cr';
				return p;
			}
			if (b === QUOTE) {
				if (i === fieldStart) {
					kind = 1;
					inQuotes = true;
				} else {
					if (p.strayQuote === NONE) p.strayQuote = f;
					if (kind === 0) kind = 2;
				}
			}
			i++;
		}
	}

	private issue(code: CsvIssueCode, field: number | null, found?: number): void {
		this.issues.push(found === undefined ? { code, row: this.rows, field } : { code, row: this.rows, field, found });
	}

	/** Accounts for one parsed record (and emits it). */
	private record(buf: Uint8Array, start: number, p: Parsed): void {
		const { columns } = this.opts;
		if (p.blank && p.openQuote === NONE) {
			this.pendingBlank++;
			return;
		}
		for (; this.pendingBlank > 0; this.pendingBlank--) {
			this.rows++;
			this.needsRewrite = true;
			this.emitEmpty();
		}
		this.rows++;
		this.multibyte += p.multibyte;
		this.invalidBytes += p.invalidBytes;
		if (p.openQuote !== NONE) {
			this.issue(p.unended && p.firstLineEnd === NONE ? 'truncated' : 'open_quote', p.openQuote);
			this.needsRewrite = true;
			this.emitEmpty();
			// Read again from the next line: its records are whole, only this line is lost.
			if (p.firstLineEnd !== NONE) p.next = p.firstLineEnd;
			return;
		}
		let fields = p.fields;
		if (fields > columns) {
			let extraEmpty = true;
			for (let f = columns; f < fields; f++) if ((this.ends[f] ?? 0) > (this.starts[f] ?? 0)) extraEmpty = false;
			this.needsRewrite = true;
			if (!extraEmpty) {
				this.issue('too_many_fields', null, fields);
				this.emitEmpty();
				return;
			}
			this.issue('extra_empty_fields', null, fields);
			fields = columns;
		} else if (fields < columns) {
			this.needsRewrite = true;
			if (p.unended) {
				this.issue('truncated', fields - 1, fields);
				this.emitEmpty();
				return;
			}
			this.issue('short_row', null, fields);
		} else if (p.unended && (this.ends[columns - 1] ?? 0) <= (this.starts[columns - 1] ?? 0)) {
			// The file stops right after a delimiter: the row has every field, but its last value may be
			// the part cut off. Loaded, and named, so someone looks at it.
			this.issue('unended_empty_last', columns - 1, fields);
		}
		if (p.crInValue !== NONE) this.issue('cr_in_value', p.crInValue);
		if (p.strayCr !== NONE) this.issue('stray_cr', p.strayCr);
		if (p.strayQuote !== NONE) this.issue('stray_quote', p.strayQuote);
		if (p.invalidUtf8 !== NONE && this.opts.encoding !== 'windows-1252') this.issue('invalid_utf8', p.invalidUtf8);
		const changed = p.crInValue !== NONE || p.strayCr !== NONE || p.strayQuote !== NONE || p.fields !== columns;
		if (changed || p.invalidUtf8 !== NONE || (p.eol !== 'none' && p.eol !== this.opts.lineEnd)) this.needsRewrite = true;
		if (!this.opts.emit) return;
		if (!changed) {
			const body = buf.subarray(start, p.next - (p.eol === 'none' ? 0 : p.eol === 'crlf' ? 2 : 1));
			this.write(p.invalidUtf8 !== NONE || this.opts.encoding === 'windows-1252' ? this.text(body) : body);
			this.write(LF_BYTES);
			return;
		}
		for (let f = 0; f < columns; f++) {
			if (f > 0) this.write(this.delimiterBytes);
			if (f >= fields) continue;
			this.write(QUOTE_BYTES);
			this.write(this.text(quoted(buf.subarray(this.starts[f] ?? 0, this.ends[f] ?? 0), this.kinds[f] ?? 0)));
			this.write(QUOTE_BYTES);
		}
		this.write(LF_BYTES);
	}

	private get delimiterBytes(): Uint8Array {
		return Uint8Array.of(this.opts.delimiter);
	}

	/** Bytes as UTF-8: Windows-1252 throughout, or only the bytes that are not UTF-8. */
	private text(bytes: Uint8Array): Uint8Array {
		if (this.opts.encoding === 'windows-1252') return windows1252ToUtf8(bytes);
		return repairUtf8(bytes);
	}

	private emitEmpty(): void {
		if (!this.opts.emit) return;
		for (let f = 1; f < this.opts.columns; f++) this.write(this.delimiterBytes);
		this.write(LF_BYTES);
	}

	private write(bytes: Uint8Array): void {
		this.out.push(bytes);
		this.outBytes += bytes.length;
	}

	private flush(): void {
		if (!this.opts.emit || this.outBytes === 0) return;
		const all = new Uint8Array(this.outBytes);
		let at = 0;
		for (const part of this.out) {
			all.set(part, at);
			at += part.length;
		}
		this.out.length = 0;
		this.outBytes = 0;
		this.opts.emit(all);
	}
}

const LF_BYTES = Uint8Array.of(LF);
const QUOTE_BYTES = Uint8Array.of(QUOTE);

/** A field's bytes as the inside of a quoted value: CR alone → LF, and in a literal, quotes doubled. */
function quoted(bytes: Uint8Array, kind: number): Uint8Array {
	const out: number[] = [];
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i] ?? 0;
		if (b === CR) {
			if (bytes[i + 1] === LF) continue;
			if (kind === 2) continue;
			out.push(LF);
			continue;
		}
		out.push(b);
		if (b === QUOTE && kind !== 1) out.push(QUOTE);
	}
	return Uint8Array.from(out);
}

/** UTF-8 bytes with every byte that is not part of a UTF-8 sequence read as Windows-1252. */
export function repairUtf8(bytes: Uint8Array): Uint8Array {
	const parts: Uint8Array[] = [];
	let from = 0;
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i] ?? 0;
		if (b < 0x80) {
			i++;
			continue;
		}
		const n = utf8Length(bytes, i, bytes.length);
		if (n > 0) {
			i += n;
			continue;
		}
		parts.push(bytes.subarray(from, i), windows1252ToUtf8(bytes.subarray(i, i + 1)));
		from = ++i;
	}
	if (parts.length === 0) return bytes;
	parts.push(bytes.subarray(from));
	return joinBytes(parts);
}
