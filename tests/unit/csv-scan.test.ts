/** The byte scan that accounts for every CSV record before DuckDB reads it (ingest/csv-scan.ts). */
import { describe, expect, it } from 'vitest';
import { CsvScanner, repairUtf8, type CsvScanOptions, type LineEnd } from '../../src/lib/ingest/csv-scan';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** Scans `body` in chunks of `chunk` bytes; the issues, rows and (rewritten) text. */
function scan(body: string | Uint8Array, columns = 3, lineEnd: LineEnd = 'lf', chunk = 1_000_000, extra: Partial<CsvScanOptions> = {}) {
	const bytes = typeof body === 'string' ? enc(body) : body;
	const parts: Uint8Array[] = [];
	const scanner = new CsvScanner({ delimiter: 0x2c, columns, lineEnd, emit: (b) => parts.push(b.slice()), ...extra });
	for (let at = 0; at < bytes.length || at === 0; at += chunk) {
		scanner.push(bytes.subarray(at, at + chunk), at + chunk >= bytes.length);
		if (bytes.length === 0) break;
	}
	return { scanner, text: parts.map(dec).join('') };
}

describe('CSV record scan', () => {
	it('leaves a clean file alone, in any chunk size', () => {
		const body = 'a,b,c\n"d,1","e ""x""",f\n"g\nh",i,j\n';
		for (const chunk of [1, 2, 3, 7, 1000]) {
			const { scanner, text } = scan(body, 3, 'lf', chunk);
			expect(scanner.issues).toEqual([]);
			expect(scanner.rows).toBe(3);
			expect(scanner.needsRewrite).toBe(false);
			expect(text).toBe(body);
		}
	});

	it('rejects only the line of an unclosed quote and reads on from the next line', () => {
		const body = 'a,b,c\nd,"e open,f\ng,h,i\nj,k,l\n';
		for (const chunk of [1, 5, 1000]) {
			const { scanner, text } = scan(body, 3, 'lf', chunk);
			expect(scanner.issues).toEqual([{ code: 'open_quote', row: 2, field: 1 }]);
			expect(scanner.rows).toBe(4);
			expect(text).toBe('a,b,c\n,,\ng,h,i\nj,k,l\n');
		}
	});

	it('rejects the line when a later quote closes it and text follows', () => {
		const { scanner, text } = scan('a,"b,c\nd,"e",f\n', 3);
		expect(scanner.issues).toEqual([{ code: 'open_quote', row: 1, field: 1 }]);
		expect(text).toBe(',,\nd,"e",f\n');
	});

	it('turns a lone CR inside quotes into a line break, one record', () => {
		const { scanner, text } = scan('a,"b\rc",d\ne,f,g\n', 3);
		expect(scanner.issues).toEqual([{ code: 'cr_in_value', row: 1, field: 1 }]);
		expect(scanner.rows).toBe(2);
		expect(text).toBe('"a","b\nc","d"\ne,f,g\n');
	});

	it('pads a short row, rejects a long one, drops empty extra fields', () => {
		const { scanner, text } = scan('a,b\nc,d,e,f\ng,h,i,,\nj,k,l\n', 3);
		expect(scanner.issues).toEqual([
			{ code: 'short_row', row: 1, field: null, found: 2 },
			{ code: 'too_many_fields', row: 2, field: null, found: 4 },
			{ code: 'extra_empty_fields', row: 3, field: null, found: 5 }
		]);
		expect(text).toBe('"a","b",\n,,\n"g","h","i"\nj,k,l\n');
	});

	it('rejects a last row cut short (no line end), not a complete one', () => {
		expect(scan('a,b,c\nd,e', 3).scanner.issues).toEqual([{ code: 'truncated', row: 2, field: 1, found: 2 }]);
		expect(scan('a,b,c\nd,"e', 3).scanner.issues).toEqual([{ code: 'truncated', row: 2, field: 1 }]);
		const whole = scan('a,b,c\nd,e,f', 3);
		expect(whole.scanner.issues).toEqual([]);
		expect(whole.text).toBe('a,b,c\nd,e,f\n');
	});

	it('keeps blank lines between records as empty rows, drops them at the end', () => {
		const { scanner, text } = scan('a,b,c\n\nd,e,f\n\n\n', 3);
		expect(scanner.rows).toBe(3);
		expect(scanner.issues).toEqual([]);
		expect(scanner.needsRewrite).toBe(true);
		expect(text).toBe('a,b,c\n,,\nd,e,f\n');
	});

	it('reads a CR-only file record by record', () => {
		const { scanner, text } = scan('a,b,c\rd,"e\rx",f\r', 3, 'cr');
		expect(scanner.rows).toBe(2);
		expect(scanner.issues).toEqual([]);
		expect(text).toBe('a,b,c\nd,"e\rx",f\n');
	});

	it('keeps CRLF records as they are and reads a stray quote as a character', () => {
		const crlf = scan('a,b,c\r\nd,e,f\r\n', 3, 'crlf');
		expect(crlf.scanner.needsRewrite).toBe(false);
		const stray = scan('a,5" pipa,c\n', 3);
		expect(stray.scanner.issues).toEqual([{ code: 'stray_quote', row: 1, field: 1 }]);
		expect(stray.text).toBe('"a","5"" pipa","c"\n');
	});

	it('counts UTF-8 sequences and bytes that are not UTF-8, per row', () => {
		const bytes = Uint8Array.from([...enc('José,b,c\nJos'), 0xe9, ...enc(',b,c\n')]);
		const { scanner, text } = scan(bytes, 3);
		expect(scanner.multibyte).toBe(1);
		expect(scanner.invalidBytes).toBe(1);
		expect(scanner.issues).toEqual([{ code: 'invalid_utf8', row: 2, field: 0 }]);
		expect(text).toBe('José,b,c\nJosé,b,c\n');
		const cp1252 = scan(Uint8Array.from([...enc('Jos'), 0xe9, ...enc(',b,c\n')]), 3, 'lf', 1000, { encoding: 'windows-1252' });
		expect(cp1252.scanner.issues).toEqual([]);
		expect(cp1252.text).toBe('José,b,c\n');
	});

	it('repairs stray bytes of a UTF-8 text as Windows-1252', () => {
		expect(dec(repairUtf8(Uint8Array.from([0x4a, 0xc3, 0xa9, 0x80, 0xff])))).toBe('Jé€ÿ');
	});
});
