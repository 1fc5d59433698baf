/**
 * What the partner handover says (issue 16 point 4): the encrypted by-name file (core/partner/envelope.ts)
 * and the handover record, the BAST (core/partner/bast.ts, export/bast-log.ts). Numbers travel as text.
 */
import type { CodedMessage, NoParams } from './coded';

/** Why an encrypted handover file is not written or not opened. */
export interface EnvelopeMessages {
	'partner.envelope_not_format': NoParams;
	'partner.envelope_header_unreadable': NoParams;
	'partner.envelope_unsupported': { field: string; value: string };
	'partner.envelope_iterations': { iterations: string; min: string; max: string };
	'partner.envelope_passphrase_short': { min: string };
	'partner.envelope_passphrase_empty': NoParams;
	'partner.envelope_meta_invalid': { field: string };
	'partner.envelope_truncated': NoParams;
	/** GCM's tag fails alike for a wrong passphrase and for any changed byte: one message for both. */
	'partner.envelope_wrong_or_changed': NoParams;
}

/** Why a BAST field is refused. */
export interface BastReasons {
	'partner.bast_required': NoParams;
	'partner.bast_one_line': NoParams;
	'partner.bast_too_long': { max: string; length: string };
	'partner.bast_units': { value: string };
	'partner.bast_datetime': { value: string };
	'partner.bast_sha256': { value: string };
}

/** A BAST record or the BAST log as a whole. */
export interface BastMessages {
	'partner.bast_field_refused': { field: string; reason: CodedMessage<keyof BastReasons> };
	'partner.bast_number_taken': { number: string };
	'partner.bast_log_header': { expected: string; found: string };
	'partner.bast_log_row_cells': { line: string; count: string; expected: string };
	'partner.bast_log_row_refused': { line: string; field: string; reason: CodedMessage<keyof BastReasons> };
	'partner.bast_log_quote': { line: string };
}

/** Why a partner pack file is not opened (core/partner/pack-file.ts). */
export interface PackMessages {
	'partner.pack_not_json': { file: string };
	'partner.pack_not_format': { file: string };
	'partner.pack_version_newer': { file: string; version: string; known: string };
	'partner.pack_too_large': { file: string; max: string };
	'partner.pack_field': { file: string; field: string };
}

/** Why a pledge file is not read (core/partner/pledge.ts). */
export interface PledgeMessages {
	'partner.pledge_not_json': { file: string };
	'partner.pledge_not_format': { file: string };
	'partner.pledge_field': { file: string; field: string };
	'partner.pledge_units_or_rupiah': { file: string; field: string };
}
