/**
 * Issue 16 point 4: the encrypted by-name handover file (core/partner/envelope.ts). Real WebCrypto, no
 * mocks. Most cases use 1,000 PBKDF2 rounds (`FAST`) so that flipping every byte of a file stays quick;
 * one case uses the default work factor and checks the header records it.
 */
import { describe, expect, it } from 'vitest';
import { CodedError, type MessageCode } from '../../src/lib/core/messages';
import {
	DEFAULT_ITERATIONS,
	ENVELOPE_MAGIC,
	decryptEnvelope,
	encryptEnvelope,
	readEnvelopeHeader,
	type EnvelopeHeader,
	type EnvelopeMeta
} from '../../src/lib/core/partner/envelope';
import { sha256Hex } from '../../src/lib/core/sha256';
import { errorWords } from '../../src/lib/words';

const FAST = { iterations: 1000, minIterations: 1000 };
const OPEN_FAST = { minIterations: 1000 };
const PASSPHRASE = 'kuda-laut-biru-7';

const META: EnvelopeMeta = {
	contentType: 'text/csv',
	fileName: 'bnba-pledge-p1.csv',
	createdAt: '2025-03-01T10:00:00+07:00',
	bast: {
		number: '001/BAST/DINSOS/2025',
		programme: 'rtlh',
		pledgeId: 'p1',
		units: 12,
		firm: 'PT Maju Bersama',
		handedOverAt: '2025-03-01T10:00:00+07:00'
	}
};

const PLAIN = new TextEncoder().encode('nik,nama\r\n3201010101010001,Siti Aminah\r\n3201010101010002,Budi Santoso\r\n');

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The code of the CodedError `run` rejects with; fails the test on success or on any other error. */
async function refusal(run: () => Promise<unknown>): Promise<MessageCode> {
	let result: unknown;
	try {
		result = await run();
	} catch (error) {
		expect(error).toBeInstanceOf(CodedError);
		return (error as CodedError).said.code;
	}
	throw new Error(`expected a refusal, got ${String(result)}`);
}

/** The file's three regions: magic, header line (with its newline), ciphertext and tag. */
function regions(file: Uint8Array): { magicEnd: number; headerEnd: number } {
	const magicEnd = ENVELOPE_MAGIC.length;
	return { magicEnd, headerEnd: file.indexOf(0x0a, magicEnd) + 1 };
}

/** The file with its header JSON rewritten by `edit` (still valid JSON, still one line). */
function withHeader(file: Uint8Array, edit: (header: Record<string, unknown> & EnvelopeHeader) => void): Uint8Array {
	const { magicEnd, headerEnd } = regions(file);
	const header = JSON.parse(decoder.decode(file.subarray(magicEnd, headerEnd - 1))) as Record<string, unknown> & EnvelopeHeader;
	edit(header);
	const prefix = encoder.encode(`${ENVELOPE_MAGIC}${JSON.stringify(header)}\n`);
	const out = new Uint8Array(prefix.length + file.length - headerEnd);
	out.set(prefix);
	out.set(file.subarray(headerEnd), prefix.length);
	return out;
}

function flipped(file: Uint8Array, at: number): Uint8Array {
	const copy = file.slice();
	copy[at] = (copy[at] ?? 0) ^ 0x01;
	return copy;
}

describe('encrypted handover file', () => {
	it('round trip: the same bytes back, and a header with every parameter', async () => {
		const file = await encryptEnvelope(PLAIN, PASSPHRASE, META, FAST);
		expect(decoder.decode(file.subarray(0, ENVELOPE_MAGIC.length))).toBe('TEPAT-ENC1\n');
		const { header, plain } = await decryptEnvelope(file, PASSPHRASE, OPEN_FAST);
		expect(plain).toEqual(PLAIN);
		expect(header).toMatchObject({
			format: 'tepat-envelope',
			version: 1,
			kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000 },
			cipher: { name: 'AES-GCM', keyBits: 256, tagBits: 128 },
			meta: META
		});
		expect(atob(header.kdf.salt)).toHaveLength(16);
		expect(atob(header.cipher.iv)).toHaveLength(12);
		// The header can be shown before the passphrase is asked for; it is the same header.
		expect(readEnvelopeHeader(file, OPEN_FAST)).toEqual(header);
		// Magic, header line, then ciphertext of the plain length plus the 16-byte tag.
		expect(file.length - regions(file).headerEnd).toBe(PLAIN.length + 16);
	});

	it('an empty file and a file without metadata beyond the required', async () => {
		const meta: EnvelopeMeta = { contentType: 'application/octet-stream', fileName: 'kosong.bin', createdAt: '2025-03-01T10:00:00Z' };
		const file = await encryptEnvelope(new Uint8Array(0), PASSPHRASE, meta, FAST);
		const opened = await decryptEnvelope(file, PASSPHRASE, OPEN_FAST);
		expect(opened.plain).toEqual(new Uint8Array(0));
		expect(opened.header.meta).toEqual(meta);
	});

	it('the default work factor: 600,000 rounds, recorded in the header', async () => {
		const file = await encryptEnvelope(PLAIN, PASSPHRASE, META);
		const { header, plain } = await decryptEnvelope(file, PASSPHRASE);
		expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
		expect(header.kdf.iterations).toBe(DEFAULT_ITERATIONS);
		expect(plain).toEqual(PLAIN);
		// A file written with fewer rounds than the default is refused by default.
		const weak = await encryptEnvelope(PLAIN, PASSPHRASE, META, FAST);
		expect(await refusal(() => decryptEnvelope(weak, PASSPHRASE))).toBe('partner.envelope_iterations');
	});

	it('a wrong passphrase: one coded error, worded as wrong passphrase or changed file', async () => {
		const file = await encryptEnvelope(PLAIN, PASSPHRASE, META, FAST);
		let error: unknown;
		try {
			await decryptEnvelope(file, 'kuda-laut-biru-8', OPEN_FAST);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(CodedError);
		expect((error as CodedError).said.code).toBe('partner.envelope_wrong_or_changed');
		expect(errorWords(error, 'en')).toBe('Wrong passphrase, or the file was changed.');
		expect(errorWords(error, 'id')).toBe('Frasa sandi salah, atau berkas telah diubah.');
		expect(await refusal(() => decryptEnvelope(file, '', OPEN_FAST))).toBe('partner.envelope_passphrase_empty');
	});

	it('one changed byte in each region is refused with a coded error', async () => {
		const file = await encryptEnvelope(PLAIN, PASSPHRASE, META, FAST);
		const { magicEnd, headerEnd } = regions(file);
		// Magic.
		expect(await refusal(() => decryptEnvelope(flipped(file, 0), PASSPHRASE, OPEN_FAST))).toBe('partner.envelope_not_format');
		expect(await refusal(() => decryptEnvelope(flipped(file, magicEnd - 2), PASSPHRASE, OPEN_FAST))).toBe('partner.envelope_not_format');
		// Header JSON, still valid and still a supported header: only the additional data catches it.
		const renamed = withHeader(file, (h) => {
			h.meta.fileName = 'bnba-pledge-p2.csv';
		});
		expect(await refusal(() => decryptEnvelope(renamed, PASSPHRASE, OPEN_FAST))).toBe('partner.envelope_wrong_or_changed');
		const moreUnits = withHeader(file, (h) => {
			if (h.meta.bast) h.meta.bast.units = 13;
		});
		expect(await refusal(() => decryptEnvelope(moreUnits, PASSPHRASE, OPEN_FAST))).toBe('partner.envelope_wrong_or_changed');
		const index = decoder.decode(file).indexOf('bnba-pledge-p1');
		expect(await refusal(() => decryptEnvelope(flipped(file, index), PASSPHRASE, OPEN_FAST))).toBe('partner.envelope_wrong_or_changed');
		// Ciphertext, first byte, and the tag's last byte (the file's last).
		expect(await refusal(() => decryptEnvelope(flipped(file, headerEnd), PASSPHRASE, OPEN_FAST))).toBe('partner.envelope_wrong_or_changed');
		expect(await refusal(() => decryptEnvelope(flipped(file, file.length - 1), PASSPHRASE, OPEN_FAST))).toBe(
			'partner.envelope_wrong_or_changed'
		);
	});

	it('every single changed byte of a file is refused, and no data comes back', async () => {
		const file = await encryptEnvelope(encoder.encode('nik\r\n3201010101010001\r\n'), PASSPHRASE, META, FAST);
		const codes = new Set<MessageCode>();
		for (let at = 0; at < file.length; at++) codes.add(await refusal(() => decryptEnvelope(flipped(file, at), PASSPHRASE, OPEN_FAST)));
		// Whatever a change breaks, the refusal is one of the envelope's own codes.
		for (const code of codes) expect(code).toMatch(/^partner\.envelope_/);
		expect(codes).toContain('partner.envelope_not_format');
		expect(codes).toContain('partner.envelope_wrong_or_changed');
	});

	it('a truncated file is refused at every length', async () => {
		const file = await encryptEnvelope(PLAIN, PASSPHRASE, META, FAST);
		const { magicEnd, headerEnd } = regions(file);
		const lengths = [
			0,
			5,
			magicEnd,
			magicEnd + 10,
			headerEnd - 1,
			headerEnd,
			headerEnd + 8,
			headerEnd + 15,
			headerEnd + 16,
			file.length - 16,
			file.length - 1
		];
		const codes: Record<number, MessageCode> = {};
		for (const length of lengths) codes[length] = await refusal(() => decryptEnvelope(file.subarray(0, length), PASSPHRASE, OPEN_FAST));
		expect(codes).toEqual({
			0: 'partner.envelope_not_format',
			5: 'partner.envelope_not_format',
			[magicEnd]: 'partner.envelope_header_unreadable',
			[magicEnd + 10]: 'partner.envelope_header_unreadable',
			[headerEnd - 1]: 'partner.envelope_header_unreadable',
			[headerEnd]: 'partner.envelope_truncated',
			[headerEnd + 8]: 'partner.envelope_truncated',
			[headerEnd + 15]: 'partner.envelope_truncated',
			[headerEnd + 16]: 'partner.envelope_wrong_or_changed',
			[file.length - 16]: 'partner.envelope_wrong_or_changed',
			[file.length - 1]: 'partner.envelope_wrong_or_changed'
		});
	});

	it('a header asking for 10^9 rounds is refused at once, without deriving a key', async () => {
		const file = await encryptEnvelope(PLAIN, PASSPHRASE, META, FAST);
		const greedy = withHeader(file, (h) => {
			h.kdf.iterations = 1_000_000_000;
		});
		const started = performance.now();
		expect(await refusal(() => decryptEnvelope(greedy, PASSPHRASE, OPEN_FAST))).toBe('partner.envelope_iterations');
		// 10^9 rounds would take minutes; 10,000,000 (the bound) alone takes seconds.
		expect(performance.now() - started).toBeLessThan(500);
		expect(() => readEnvelopeHeader(greedy)).toThrow(CodedError);
		// A caller may bound the work lower still.
		expect(await refusal(() => decryptEnvelope(file, PASSPHRASE, { minIterations: 1000, maxIterations: 999 }))).toBe(
			'partner.envelope_iterations'
		);
		const fractional = withHeader(file, (h) => {
			h.kdf.iterations = 1000.5;
		});
		expect(await refusal(() => decryptEnvelope(fractional, PASSPHRASE, OPEN_FAST))).toBe('partner.envelope_iterations');
	});

	it('refuses an unsupported version, kdf, hash or cipher, and an unreadable header', async () => {
		const file = await encryptEnvelope(PLAIN, PASSPHRASE, META, FAST);
		const cases: [(h: Record<string, unknown> & EnvelopeHeader) => void, MessageCode][] = [
			[(h) => void (h.version = 2 as 1), 'partner.envelope_unsupported'],
			[(h) => void (h.format = 'other' as 'tepat-envelope'), 'partner.envelope_unsupported'],
			[(h) => void (h.kdf.name = 'scrypt' as 'PBKDF2'), 'partner.envelope_unsupported'],
			[(h) => void (h.kdf.hash = 'SHA-1' as 'SHA-256'), 'partner.envelope_unsupported'],
			[(h) => void (h.cipher.name = 'AES-CBC' as 'AES-GCM'), 'partner.envelope_unsupported'],
			[(h) => void (h.cipher.keyBits = 128 as 256), 'partner.envelope_unsupported'],
			[(h) => void (h.kdf.salt = 'AAAA'), 'partner.envelope_header_unreadable'],
			[(h) => void (h.cipher.iv = 'not base64!'), 'partner.envelope_header_unreadable'],
			[(h) => void (h.extra = true), 'partner.envelope_header_unreadable'],
			[(h) => void delete (h as Partial<EnvelopeHeader>).meta, 'partner.envelope_header_unreadable']
		];
		for (const [edit, code] of cases)
			expect(await refusal(() => decryptEnvelope(withHeader(file, edit), PASSPHRASE, OPEN_FAST))).toBe(code);
		const notJson = encoder.encode(`${ENVELOPE_MAGIC}{not json\n0123456789abcdef0123`);
		expect(await refusal(() => decryptEnvelope(notJson, PASSPHRASE, OPEN_FAST))).toBe('partner.envelope_header_unreadable');
		const badUtf8 = new Uint8Array([...encoder.encode(ENVELOPE_MAGIC), 0xff, 0xfe, 0x0a, ...new Uint8Array(20)]);
		expect(await refusal(() => decryptEnvelope(badUtf8, PASSPHRASE, OPEN_FAST))).toBe('partner.envelope_header_unreadable');
	});

	it('two encryptions of the same input differ (fresh salt and IV)', async () => {
		const a = await encryptEnvelope(PLAIN, PASSPHRASE, META, FAST);
		const b = await encryptEnvelope(PLAIN, PASSPHRASE, META, FAST);
		const ha = readEnvelopeHeader(a, OPEN_FAST);
		const hb = readEnvelopeHeader(b, OPEN_FAST);
		expect(ha.kdf.salt).not.toBe(hb.kdf.salt);
		expect(ha.cipher.iv).not.toBe(hb.cipher.iv);
		expect(a.subarray(regions(a).headerEnd)).not.toEqual(b.subarray(regions(b).headerEnd));
		expect((await decryptEnvelope(b, PASSPHRASE, OPEN_FAST)).plain).toEqual(PLAIN);
	});

	it('a given random source gives the same file twice', async () => {
		const random = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => i + 1);
		const a = await encryptEnvelope(PLAIN, PASSPHRASE, META, { ...FAST, random });
		const b = await encryptEnvelope(PLAIN, PASSPHRASE, META, { ...FAST, random });
		expect(a).toEqual(b);
		expect(readEnvelopeHeader(a, OPEN_FAST).kdf.salt).toBe(btoa(String.fromCharCode(...Array.from({ length: 16 }, (_, i) => i + 1))));
	});

	it('refuses to write with a short or empty passphrase, too few rounds, or metadata that is not one line', async () => {
		expect(await refusal(() => encryptEnvelope(PLAIN, '', META, FAST))).toBe('partner.envelope_passphrase_empty');
		expect(await refusal(() => encryptEnvelope(PLAIN, '1234567', META, FAST))).toBe('partner.envelope_passphrase_short');
		expect(await refusal(() => encryptEnvelope(PLAIN, PASSPHRASE, META, { iterations: 1000 }))).toBe('partner.envelope_iterations');
		expect(await refusal(() => encryptEnvelope(PLAIN, PASSPHRASE, META, { iterations: 20_000_000 }))).toBe('partner.envelope_iterations');
		expect(await refusal(() => encryptEnvelope(PLAIN, PASSPHRASE, { ...META, fileName: 'a\nb.csv' }, FAST))).toBe(
			'partner.envelope_meta_invalid'
		);
		expect(await refusal(() => encryptEnvelope(PLAIN, PASSPHRASE, { ...META, contentType: '' }, FAST))).toBe(
			'partner.envelope_meta_invalid'
		);
		const bast = { ...META.bast!, units: -1 };
		expect(await refusal(() => encryptEnvelope(PLAIN, PASSPHRASE, { ...META, bast }, FAST))).toBe('partner.envelope_meta_invalid');
		// A recipient's name does not belong in the readable header: an unknown field is refused.
		const withPerson = { ...META, bast: { ...META.bast!, recipientName: 'Siti' } } as EnvelopeMeta;
		expect(await refusal(() => encryptEnvelope(PLAIN, PASSPHRASE, withPerson, FAST))).toBe('partner.envelope_meta_invalid');
	});

	it('the same passphrase typed in NFC or NFD opens the file', async () => {
		const nfc = 'kata-sandi-Désa'.normalize('NFC');
		const file = await encryptEnvelope(PLAIN, nfc, META, FAST);
		expect((await decryptEnvelope(file, nfc.normalize('NFD'), OPEN_FAST)).plain).toEqual(PLAIN);
	});

	it('SHA-256 of the whole file, as hex', async () => {
		expect(await sha256Hex(encoder.encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		const file = await encryptEnvelope(PLAIN, PASSPHRASE, META, FAST);
		expect(await sha256Hex(file)).toMatch(/^[0-9a-f]{64}$/);
		expect(await sha256Hex(flipped(file, file.length - 1))).not.toBe(await sha256Hex(file));
	});
});
