/**
 * Byte-level CSV helpers: BOM, header line and its line end, delimiter. Records are accounted for by
 * csv-scan.ts and parsed by DuckDB's read_csv.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export function bomLength(bytes: Uint8Array): number {
	return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** True for Parquet files ('PAR1' at the start). */
export function isParquet(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31;
}

/**
 * The first line end outside quotes from `from`: the index after it and its kind (LF, CRLF or a CR
 * alone, as old Mac files end lines). Undefined when there is none yet; a CR as the last byte waits
 * for the next bytes unless these are the `final` ones.
 */
export function firstLineEnd(bytes: Uint8Array, from: number, final: boolean): { end: number; lineEnd: 'lf' | 'crlf' | 'cr' } | undefined {
	let inQuotes = false;
	for (let i = from; i < bytes.length; i++) {
		const b = bytes[i];
		if (b === QUOTE) inQuotes = !inQuotes;
		else if (inQuotes) continue;
		else if (b === LF) return { end: i + 1, lineEnd: 'lf' };
		else if (b === CR) {
			if (i + 1 >= bytes.length) return final ? { end: i + 1, lineEnd: 'cr' } : undefined;
			return bytes[i + 1] === LF ? { end: i + 2, lineEnd: 'crlf' } : { end: i + 1, lineEnd: 'cr' };
		}
	}
	return undefined;
}

/** Strips a trailing CR/LF pair from a line's bytes. */
export function trimLineEnd(bytes: Uint8Array): Uint8Array {
	let end = bytes.length;
	while (end > 0 && (bytes[end - 1] === LF || bytes[end - 1] === CR)) end--;
	return bytes.subarray(0, end);
}

/** The delimiter that occurs most often outside quotes in the header line (comma if none). */
export function detectDelimiter(headerLine: string): Delimiter {
	const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
	let inQuotes = false;
	for (const ch of headerLine) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (!inQuotes && counts.has(ch as Delimiter)) {
			counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
		}
	}
	let best: Delimiter = ',';
	let bestCount = 0;
	for (const [d, n] of counts) {
		if (n > bestCount) {
			best = d;
			bestCount = n;
		}
	}
	return best;
}

/** Splits one CSV line into fields (RFC 4180 quoting, "" inside quotes is a quote). */
export function splitCsvLine(line: string, delimiter: string): string[] {
	const fields: string[] = [];
	let field = '';
	let inQuotes = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (inQuotes) {
			if (ch === '"') {
				if (line[i + 1] === '"') {
					field += '"';
					i++;
				} else inQuotes = false;
			} else field += ch;
		} else if (ch === '"') inQuotes = true;
		else if (ch === delimiter) {
			fields.push(field);
			field = '';
		} else field += ch;
	}
	fields.push(field);
	return fields;
}

/** True if the bytes look like text: no NUL bytes and valid UTF-8. */
export function looksLikeUtf8Text(bytes: Uint8Array): boolean {
	if (bytes.includes(0)) return false;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}
