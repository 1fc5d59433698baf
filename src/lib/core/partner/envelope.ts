/**
 * The encrypted by-name handover file (issue 16 point 4): Dinsos gives a CSR partner the list of exactly
 * the units its pledge funds, locked with a passphrase told by another channel. WebCrypto only, so the
 * browser and the Node CLI write and read the same bytes.
 *
 * Layout (version 1):
 *
 *     TEPAT-ENC1\n                      the magic line
 *     {"format":"tepat-envelope",…}\n   one line of UTF-8 JSON: every parameter needed to decrypt, and metadata
 *     ciphertext ‖ 16-byte GCM tag      AES-256-GCM of the plain bytes
 *
 * The key is PBKDF2-HMAC-SHA-256 of the passphrase (NFC), a fresh 16-byte salt and ≥ 600,000 iterations
 * (OWASP 2023); the IV is a fresh 12 bytes. The magic and header lines, byte for byte, are GCM's
 * additional data: any changed byte anywhere makes decryption fail, so the header is never trusted
 * beyond bounding the work before the tag is checked.
 *
 * The metadata is readable without the passphrase (readEnvelopeHeader): it must hold no personal data —
 * the BAST summary names the programme, pledge and firm, never a person.
 */
import { CodedError, coded, type CodedMessage } from '../messages';

export const ENVELOPE_MAGIC = 'TEPAT-ENC1\n';
export const ENVELOPE_FORMAT = 'tepat-envelope';
export const ENVELOPE_VERSION = 1;
/** OWASP 2023 for PBKDF2-HMAC-SHA-256. */
export const DEFAULT_ITERATIONS = 600_000;
/** A header asking for more is refused before any derivation: the work a file can demand is bounded. */
export const MAX_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE_LENGTH = 8;

const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Longer than any header this module writes; a file without a header line by then is not read further. */
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_META_LENGTH = 200;
const NEWLINE = 0x0a;

/** What the handover record says about the file, without personal data (no recipient, no officer). */
export interface EnvelopeBastSummary {
	number: string;
	programme: string;
	pledgeId: string;
	units: number;
	firm: string;
	handedOverAt: string;
}

export interface EnvelopeMeta {
	/** Of the plain bytes, e.g. 'text/csv'. */
	contentType: string;
	/** The plain file's name, for saving it after decryption. */
	fileName: string;
	/** ISO datetime. */
	createdAt: string;
	bast?: EnvelopeBastSummary;
}

export interface EnvelopeHeader {
	format: typeof ENVELOPE_FORMAT;
	version: typeof ENVELOPE_VERSION;
	kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
	cipher: { name: 'AES-GCM'; keyBits: 256; tagBits: 128; iv: string };
	meta: EnvelopeMeta;
}

export interface EncryptOptions {
	/** Default DEFAULT_ITERATIONS; at least `minIterations`, at most MAX_ITERATIONS. */
	iterations?: number;
	/** Default DEFAULT_ITERATIONS. Lower only in tests, where the full work factor would take seconds per case. */
	minIterations?: number;
	/** `length` random bytes; default crypto.getRandomValues. */
	random?: (length: number) => Uint8Array;
}

export interface DecryptOptions {
	/** Default DEFAULT_ITERATIONS (lower only in tests). */
	minIterations?: number;
	/** Default MAX_ITERATIONS. */
	maxIterations?: number;
}

export interface OpenedEnvelope {
	header: EnvelopeHeader;
	plain: Uint8Array;
}

const encoder = new TextEncoder();

function refuse(said: CodedMessage): never {
	throw new CodedError(said);
}

const defaultRandom = (length: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(length));

function randomBytes(random: (length: number) => Uint8Array, length: number): Uint8Array<ArrayBuffer> {
	const bytes = random(length);
	if (bytes.length !== length) throw new Error(`random source gave ${bytes.length} bytes, not ${length}`);
	return bytes.slice();
}

function toBase64(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes));
}

/** Strict base64 of exactly `length` bytes, or null. */
function fromBase64(text: string, length: number): Uint8Array<ArrayBuffer> | null {
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
	const binary = atob(text);
	if (binary.length !== length) return null;
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function checkIterations(iterations: number, min: number, max: number): void {
	if (!Number.isSafeInteger(iterations) || iterations < min || iterations > max) {
		refuse(coded('partner.envelope_iterations', { iterations: String(iterations), min: String(min), max: String(max) }));
	}
}

/** NFC: the same passphrase typed on a Mac (often NFD) and on Windows derives the same key. */
const normalisedPassphrase = (passphrase: string): string => passphrase.normalize('NFC');

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
	const subtle = globalThis.crypto.subtle;
	const material = await subtle.importKey('raw', encoder.encode(normalisedPassphrase(passphrase)), 'PBKDF2', false, ['deriveKey']);
	return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
		usage
	]);
}

const isOneLine = (value: unknown): value is string =>
	typeof value === 'string' && value.trim() !== '' && value.length <= MAX_META_LENGTH && !/[\r\n\u2028\u2029]/.test(value);

/** The name of the first metadata field that is not one short line of text (or a count), or null. */
function badMetaField(meta: unknown): string | null {
	if (typeof meta !== 'object' || meta === null) return 'meta';
	const m = meta as Record<string, unknown>;
	const allowed = new Set(['contentType', 'fileName', 'createdAt', 'bast']);
	const extra = Object.keys(m).find((k) => !allowed.has(k));
	if (extra !== undefined) return extra;
	for (const field of ['contentType', 'fileName', 'createdAt']) if (!isOneLine(m[field])) return field;
	if (m.bast === undefined) return null;
	if (typeof m.bast !== 'object' || m.bast === null) return 'bast';
	const b = m.bast as Record<string, unknown>;
	const bastFields = ['number', 'programme', 'pledgeId', 'firm', 'handedOverAt'];
	const bastExtra = Object.keys(b).find((k) => k !== 'units' && !bastFields.includes(k));
	if (bastExtra !== undefined) return `bast.${bastExtra}`;
	for (const field of bastFields) if (!isOneLine(b[field])) return `bast.${field}`;
	if (!Number.isSafeInteger(b.units) || (b.units as number) < 0) return 'bast.units';
	return null;
}

/** `plain` locked with `passphrase`: the whole file, magic and header included. */
export async function encryptEnvelope(
	plain: Uint8Array,
	passphrase: string,
	meta: EnvelopeMeta,
	options: EncryptOptions = {}
): Promise<Uint8Array> {
	if (passphrase === '') refuse(coded('partner.envelope_passphrase_empty', {}));
	if ([...normalisedPassphrase(passphrase)].length < MIN_PASSPHRASE_LENGTH) {
		refuse(coded('partner.envelope_passphrase_short', { min: String(MIN_PASSPHRASE_LENGTH) }));
	}
	const iterations = options.iterations ?? DEFAULT_ITERATIONS;
	checkIterations(iterations, options.minIterations ?? DEFAULT_ITERATIONS, MAX_ITERATIONS);
	const badField = badMetaField(meta);
	if (badField !== null) refuse(coded('partner.envelope_meta_invalid', { field: badField }));

	const random = options.random ?? defaultRandom;
	const salt = randomBytes(random, SALT_BYTES);
	const iv = randomBytes(random, IV_BYTES);
	const header: EnvelopeHeader = {
		format: ENVELOPE_FORMAT,
		version: ENVELOPE_VERSION,
		kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
		cipher: { name: 'AES-GCM', keyBits: 256, tagBits: 128, iv: toBase64(iv) },
		meta: copyMeta(meta)
	};
	// JSON.stringify escapes line breaks inside strings, so the header stays one line.
	const prefix = encoder.encode(`${ENVELOPE_MAGIC}${JSON.stringify(header)}\n`);
	const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
	const sealed = new Uint8Array(
		await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix, tagLength: 128 }, key, plain.slice())
	);
	const out = new Uint8Array(prefix.length + sealed.length);
	out.set(prefix, 0);
	out.set(sealed, prefix.length);
	return out;
}

/** Only the known fields, in a fixed order: what the header records is exactly what was checked. */
function copyMeta(meta: EnvelopeMeta): EnvelopeMeta {
	const out: EnvelopeMeta = { contentType: meta.contentType, fileName: meta.fileName, createdAt: meta.createdAt };
	if (meta.bast) {
		const b = meta.bast;
		out.bast = {
			number: b.number,
			programme: b.programme,
			pledgeId: b.pledgeId,
			units: b.units,
			firm: b.firm,
			handedOverAt: b.handedOverAt
		};
	}
	return out;
}

interface ParsedEnvelope {
	header: EnvelopeHeader;
	/** Magic and header line: the additional data. */
	prefix: Uint8Array<ArrayBuffer>;
	salt: Uint8Array<ArrayBuffer>;
	iv: Uint8Array<ArrayBuffer>;
	sealed: Uint8Array<ArrayBuffer>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unreadable(): never {
	refuse(coded('partner.envelope_header_unreadable', {}));
}

function unsupported(field: string, value: unknown): never {
	refuse(coded('partner.envelope_unsupported', { field, value: typeof value === 'string' ? value : (JSON.stringify(value) ?? '') }));
}

/** The magic and the header, checked as far as can be before decryption; the parts in place. */
function parseEnvelope(bytes: Uint8Array, minIterations: number, maxIterations: number): ParsedEnvelope {
	const magic = encoder.encode(ENVELOPE_MAGIC);
	if (bytes.length < magic.length || magic.some((b, i) => bytes[i] !== b)) refuse(coded('partner.envelope_not_format', {}));
	const searchEnd = Math.min(bytes.length, magic.length + MAX_HEADER_BYTES);
	const end = bytes.subarray(magic.length, searchEnd).indexOf(NEWLINE);
	if (end < 0) unreadable();
	const headerEnd = magic.length + end;
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(magic.length, headerEnd)));
	} catch {
		unreadable();
	}
	if (!isRecord(json)) unreadable();
	// Format and version first: a later version may lay out the rest differently.
	if (json.format !== ENVELOPE_FORMAT) unsupported('format', json.format);
	if (json.version !== ENVELOPE_VERSION) unsupported('version', json.version);
	const { kdf, cipher, meta } = json;
	if (!isRecord(kdf) || !isRecord(cipher)) unreadable();
	if (kdf.name !== 'PBKDF2') unsupported('kdf', kdf.name);
	if (kdf.hash !== 'SHA-256') unsupported('hash', kdf.hash);
	if (cipher.name !== 'AES-GCM') unsupported('cipher', cipher.name);
	if (cipher.keyBits !== 256) unsupported('keyBits', cipher.keyBits);
	if (cipher.tagBits !== 128) unsupported('tagBits', cipher.tagBits);
	if (typeof kdf.iterations !== 'number') unreadable();
	checkIterations(kdf.iterations, minIterations, maxIterations);
	const salt = typeof kdf.salt === 'string' ? fromBase64(kdf.salt, SALT_BYTES) : null;
	const iv = typeof cipher.iv === 'string' ? fromBase64(cipher.iv, IV_BYTES) : null;
	if (salt === null || iv === null || badMetaField(meta) !== null) unreadable();
	if (Object.keys(json).some((k) => !['format', 'version', 'kdf', 'cipher', 'meta'].includes(k))) unreadable();
	const sealed = bytes.slice(headerEnd + 1);
	if (sealed.length < TAG_BYTES) refuse(coded('partner.envelope_truncated', {}));
	return {
		header: json as unknown as EnvelopeHeader,
		prefix: bytes.slice(0, headerEnd + 1),
		salt,
		iv,
		sealed
	};
}

/**
 * The header of an encrypted file, without the passphrase — to show which file and handover it is
 * before asking for it. Not yet authenticated: decryptEnvelope's header is the one to trust.
 */
export function readEnvelopeHeader(bytes: Uint8Array, options: DecryptOptions = {}): EnvelopeHeader {
	return parseEnvelope(bytes, options.minIterations ?? DEFAULT_ITERATIONS, options.maxIterations ?? MAX_ITERATIONS).header;
}

/** The plain bytes and the (now authenticated) header; a CodedError, never a partial result. */
export async function decryptEnvelope(bytes: Uint8Array, passphrase: string, options: DecryptOptions = {}): Promise<OpenedEnvelope> {
	const parsed = parseEnvelope(bytes, options.minIterations ?? DEFAULT_ITERATIONS, options.maxIterations ?? MAX_ITERATIONS);
	if (passphrase === '') refuse(coded('partner.envelope_passphrase_empty', {}));
	const key = await deriveKey(passphrase, parsed.salt, parsed.header.kdf.iterations, 'decrypt');
	let plain: ArrayBuffer;
	try {
		plain = await globalThis.crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: parsed.iv, additionalData: parsed.prefix, tagLength: 128 },
			key,
			parsed.sealed
		);
	} catch (error) {
		throw new CodedError(coded('partner.envelope_wrong_or_changed', {}), { cause: error });
	}
	return { header: parsed.header, plain: new Uint8Array(plain) };
}
