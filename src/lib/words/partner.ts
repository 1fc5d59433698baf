/** Words for the partner handover: the encrypted file and the BAST (core/messages/partner.ts). */
import type { CodedMessage } from '../core/messages';
import type { BastMessages, BastReasons, EnvelopeMessages, PackMessages, PledgeMessages } from '../core/messages/partner';
import { m } from '../paraglide/messages.js';
import { message, type Locale, type WordTable } from './render';

export const ENVELOPE_WORDS: WordTable<keyof EnvelopeMessages> = {
	'partner.envelope_not_format': message(m.said_partner_envelope_not_format),
	'partner.envelope_header_unreadable': message(m.said_partner_envelope_header_unreadable),
	'partner.envelope_unsupported': message(m.said_partner_envelope_unsupported),
	'partner.envelope_iterations': message(m.said_partner_envelope_iterations),
	'partner.envelope_passphrase_short': message(m.said_partner_envelope_passphrase_short),
	'partner.envelope_passphrase_empty': message(m.said_partner_envelope_passphrase_empty),
	'partner.envelope_meta_invalid': message(m.said_partner_envelope_meta_invalid),
	'partner.envelope_truncated': message(m.said_partner_envelope_truncated),
	'partner.envelope_wrong_or_changed': message(m.said_partner_envelope_wrong_or_changed)
};

export const BAST_REASON_WORDS: WordTable<keyof BastReasons> = {
	'partner.bast_required': message(m.said_partner_bast_required),
	'partner.bast_one_line': message(m.said_partner_bast_one_line),
	'partner.bast_too_long': message(m.said_partner_bast_too_long),
	'partner.bast_units': message(m.said_partner_bast_units),
	'partner.bast_datetime': message(m.said_partner_bast_datetime),
	'partner.bast_sha256': message(m.said_partner_bast_sha256)
};

const FIELD_WORDS: Readonly<Record<string, (locale: Locale) => string>> = {
	number: (locale) => m.said_partner_bast_field_number({}, { locale }),
	handedOverAt: (locale) => m.said_partner_bast_field_handedOverAt({}, { locale }),
	programme: (locale) => m.said_partner_bast_field_programme({}, { locale }),
	pledgeId: (locale) => m.said_partner_bast_field_pledgeId({}, { locale }),
	units: (locale) => m.said_partner_bast_field_units({}, { locale }),
	fileName: (locale) => m.said_partner_bast_field_fileName({}, { locale }),
	fileSha256: (locale) => m.said_partner_bast_field_fileSha256({}, { locale }),
	firm: (locale) => m.said_partner_bast_field_firm({}, { locale }),
	recipientName: (locale) => m.said_partner_bast_field_recipientName({}, { locale }),
	recipientContact: (locale) => m.said_partner_bast_field_recipientContact({}, { locale }),
	officerName: (locale) => m.said_partner_bast_field_officerName({}, { locale }),
	officerPosition: (locale) => m.said_partner_bast_field_officerPosition({}, { locale })
};

/** A BAST field in words (a form's label); an unknown field as itself. */
export function bastFieldWords(field: string, locale: Locale): string {
	return FIELD_WORDS[field]?.(locale) ?? field;
}

export function bastReasonWords(reason: CodedMessage<keyof BastReasons>, locale: Locale): string {
	const render = BAST_REASON_WORDS[reason.code] as (params: typeof reason.params, locale: Locale) => string;
	return render(reason.params, locale);
}

export const BAST_WORDS: WordTable<keyof BastMessages> = {
	'partner.bast_field_refused': (p, locale) =>
		m.said_partner_bast_field_refused({ field: bastFieldWords(p.field, locale), reason: bastReasonWords(p.reason, locale) }, { locale }),
	'partner.bast_number_taken': message(m.said_partner_bast_number_taken),
	'partner.bast_log_header': message(m.said_partner_bast_log_header),
	'partner.bast_log_row_cells': message(m.said_partner_bast_log_row_cells),
	'partner.bast_log_row_refused': (p, locale) =>
		m.said_partner_bast_log_row_refused(
			{ line: p.line, field: bastFieldWords(p.field, locale), reason: bastReasonWords(p.reason, locale) },
			{ locale }
		),
	'partner.bast_log_quote': message(m.said_partner_bast_log_quote)
};

export const PACK_WORDS: WordTable<keyof PackMessages> = {
	'partner.pack_not_json': message(m.said_partner_pack_not_json),
	'partner.pack_not_format': message(m.said_partner_pack_not_format),
	'partner.pack_version_newer': message(m.said_partner_pack_version_newer),
	'partner.pack_too_large': message(m.said_partner_pack_too_large),
	'partner.pack_field': message(m.said_partner_pack_field)
};

export const PLEDGE_WORDS: WordTable<keyof PledgeMessages> = {
	'partner.pledge_not_json': message(m.said_partner_pledge_not_json),
	'partner.pledge_not_format': message(m.said_partner_pledge_not_format),
	'partner.pledge_field': message(m.said_partner_pledge_field),
	'partner.pledge_units_or_rupiah': message(m.said_partner_pledge_units_or_rupiah)
};
