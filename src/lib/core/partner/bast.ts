/**
 * What an encrypted by-name file's header says of its BAST (the record is bast-record.ts): beside the
 * envelope, on the handover side of the fence partner mode never crosses (tests/unit/partner-isolation.test.ts).
 */
import type { BastRecord } from './bast-record';
import type { EnvelopeBastSummary } from './envelope';

/**
 * What the encrypted file's readable header may say of its BAST: no recipient, no officer, no contact.
 * From the record before it is complete: its checksum is of the file this summary goes into.
 */
export function bastSummary(record: Pick<BastRecord, keyof EnvelopeBastSummary>): EnvelopeBastSummary {
	return {
		number: record.number,
		programme: record.programme,
		pledgeId: record.pledgeId,
		units: record.units,
		firm: record.firm,
		handedOverAt: record.handedOverAt
	};
}
