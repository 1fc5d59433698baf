/**
 * The handover record (Berita Acara Serah Terima, BAST) of an encrypted by-name file (issue 16 point 4):
 * what was handed over, to whom, when, by whom, and the SHA-256 of the encrypted file, so that the file a
 * partner holds can later be matched to its record. The records are kept in the plan (core/plan.ts reads
 * them) and as a CSV log (export/bast-log.ts). Only the record and its checks: what goes into the
 * encrypted file's header is bast.ts, beside the envelope, which partner mode never reaches.
 */
import type { BastReasons } from '../messages/partner';
import { CodedError, coded, type CodedMessage } from '../messages';

export interface BastRecord {
	/** The BAST's own number, e.g. '001/BAST/DINSOS/2025'; unique within a log. */
	number: string;
	/** ISO datetime with its zone, e.g. '2025-03-01T10:00:00+07:00'. */
	handedOverAt: string;
	// What.
	programme: string;
	pledgeId: string;
	units: number;
	fileName: string;
	/** Of the whole encrypted file (core/sha256.ts), lowercase hex. */
	fileSha256: string;
	// To whom.
	firm: string;
	recipientName: string;
	recipientContact: string;
	// By whom (Dinsos).
	officerName: string;
	officerPosition: string;
}

export type BastField = keyof BastRecord;

/** The fields in the log's column order. */
export const BAST_FIELDS: readonly BastField[] = [
	'number',
	'handedOverAt',
	'programme',
	'pledgeId',
	'units',
	'fileName',
	'fileSha256',
	'firm',
	'recipientName',
	'recipientContact',
	'officerName',
	'officerPosition'
];

/** A record as a form or a log row gives it: the count may still be text. */
export type BastInput = Omit<BastRecord, 'units'> & { units: number | string };

export interface BastProblem {
	field: BastField;
	reason: CodedMessage<keyof BastReasons>;
}

export type BastCheck = { ok: true; record: BastRecord } | { ok: false; problem: BastProblem };

const MAX_NUMBER_LENGTH = 100;
const MAX_TEXT_LENGTH = 200;

type TextField = Exclude<BastField, 'units'>;

/** A line break or another control character: a record is one line per field in the log and on paper. */
function hasControl(text: string): boolean {
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 0;
		if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) return true;
	}
	return false;
}

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** A real calendar date and time with an explicit zone: a handover is a moment, not a local wall-clock time. */
function isIsoDatetime(text: string): boolean {
	const m = ISO_DATETIME.exec(text);
	if (!m) return false;
	const [year, month, day, hour, minute, second, , offsetHour, offsetMinute] = m.slice(1).map((part) => Number(part ?? 0));
	const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0));
	return (
		date.getUTCFullYear() === year &&
		date.getUTCMonth() + 1 === month &&
		date.getUTCDate() === day &&
		(hour ?? 0) <= 23 &&
		(minute ?? 0) <= 59 &&
		(second ?? 0) <= 59 &&
		(offsetHour ?? 0) <= 14 &&
		(offsetMinute ?? 0) <= 59
	);
}

function textProblem(field: TextField, raw: string): CodedMessage<keyof BastReasons> | null {
	const text = raw.trim();
	if (text === '') return coded('partner.bast_required', {});
	if (hasControl(text)) return coded('partner.bast_one_line', {});
	const max = field === 'number' ? MAX_NUMBER_LENGTH : MAX_TEXT_LENGTH;
	if (text.length > max) return coded('partner.bast_too_long', { max: String(max), length: String(text.length) });
	if (field === 'handedOverAt' && !isIsoDatetime(text)) return coded('partner.bast_datetime', { value: text });
	if (field === 'fileSha256' && !/^[0-9a-f]{64}$/i.test(text)) return coded('partner.bast_sha256', { value: text });
	return null;
}

function units(raw: number | string): number | null {
	if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 1 ? raw : null;
	const text = raw.trim();
	if (!/^\d+$/.test(text)) return null;
	const value = Number(text);
	return Number.isSafeInteger(value) && value >= 1 ? value : null;
}

/** The record as kept (texts trimmed, the checksum lowercase, the count a number), or its first problem in field order. */
export function checkBast(input: BastInput): BastCheck {
	const record = {} as BastRecord;
	for (const field of BAST_FIELDS) {
		if (field === 'units') {
			const value = units(input.units);
			if (value === null) {
				return { ok: false, problem: { field, reason: coded('partner.bast_units', { value: String(input.units).trim() }) } };
			}
			record.units = value;
			continue;
		}
		const raw: unknown = input[field];
		const reason = typeof raw === 'string' ? textProblem(field, raw) : coded('partner.bast_required', {});
		if (reason !== null) return { ok: false, problem: { field, reason } };
		const text = (raw as string).trim();
		record[field] = field === 'fileSha256' ? text.toLowerCase() : text;
	}
	return { ok: true, record };
}

/** The record as kept; a CodedError naming the first refused field. */
export function validateBast(input: BastInput): BastRecord {
	const checked = checkBast(input);
	if (!checked.ok) throw new CodedError(coded('partner.bast_field_refused', checked.problem));
	return checked.record;
}

/** The log with `input` added at its end; refused when its number is already there. */
export function addBast(log: readonly BastRecord[], input: BastInput): BastRecord[] {
	const record = validateBast(input);
	if (log.some((r) => r.number === record.number)) throw new CodedError(coded('partner.bast_number_taken', { number: record.number }));
	return [...log, record];
}

/** The first number written twice in a log, or null. */
export function repeatedBastNumber(log: readonly BastRecord[]): string | null {
	const seen = new Set<string>();
	for (const { number } of log) {
		if (seen.has(number)) return number;
		seen.add(number);
	}
	return null;
}
