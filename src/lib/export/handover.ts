/**
 * The by-name handover of a pledge (issue 16 point 4), the same for the app and `tepat handover`: the
 * units the pledge's lines fund, as the BNBA CSV, locked in an envelope (envelope.ts) whose header says
 * what the BAST says about it, and the BAST record with the locked file's SHA-256.
 */
import { bastSummary } from '../core/partner/bast';
import { validateBast, type BastRecord } from '../core/partner/bast-record';
import { encryptEnvelope, type EncryptOptions } from '../core/partner/envelope';
import { sha256Hex } from '../core/sha256';
import type { BnbaRow } from '../queries/allocation';
import { bnbaCsv, type ExportStamp } from './bnba';

export interface HandoverInput {
	rows: readonly BnbaRow[];
	stamp: ExportStamp;
	passphrase: string;
	/** The encrypted file's name, e.g. 'serah-terima-pt-contoh-p1.enc'. */
	fileName: string;
	/** The BAST without what the file decides (units, file name, checksum). */
	bast: Omit<BastRecord, 'units' | 'fileName' | 'fileSha256'>;
	now?: Date;
	options?: EncryptOptions;
}

export interface Handover {
	bytes: Uint8Array;
	record: BastRecord;
	/** The plain CSV's name inside the envelope. */
	plainName: string;
}

/** The CSV name inside: the encrypted file's name with '.csv' for its last extension. */
export function plainNameOf(fileName: string): string {
	const base = fileName.replace(/\.[^./\\]*$/, '');
	return `${base === '' ? 'daftar' : base}.csv`;
}

/** The locked list and its BAST; a CodedError for a refused BAST field or passphrase, before anything is written. */
export async function buildHandover(input: HandoverInput): Promise<Handover> {
	const units = input.rows.length;
	// Checked before the work: a wrong field refuses in milliseconds, not after 600,000 PBKDF2 rounds.
	validateBast({ ...input.bast, units, fileName: input.fileName, fileSha256: '0'.repeat(64) });
	const plainName = plainNameOf(input.fileName);
	const plain = new TextEncoder().encode(bnbaCsv(input.rows, input.stamp));
	const bytes = await encryptEnvelope(
		plain,
		input.passphrase,
		{
			contentType: 'text/csv',
			fileName: plainName,
			createdAt: (input.now ?? new Date()).toISOString(),
			bast: bastSummary({ ...input.bast, units })
		},
		input.options
	);
	const record = validateBast({ ...input.bast, units, fileName: input.fileName, fileSha256: await sha256Hex(bytes) });
	return { bytes, record, plainName };
}
