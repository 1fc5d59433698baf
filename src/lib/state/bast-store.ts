/**
 * The BAST log (issue 16 point 4) and the last partner pack made, kept in localStorage beside the plan
 * (plan-store.ts): small text that must outlive a reload and "Hapus data tersimpan" (that clears the
 * register, not the handovers made). The log is kept as the CSV export/bast-log.ts writes and read back
 * with its reader, so a damaged copy is refused and reported, never half-read.
 */
import type { BastRecord } from '$lib/core/partner/bast';
import { bastLogCsv, parseBastLog } from '$lib/export/bast-log';

const LOG_KEY = 'tepat.bast-log.v1';
const PACK_KEY = 'tepat.partner-pack.v1';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export type StoredBastLog = { records: BastRecord[]; error: null } | { records: BastRecord[]; error: unknown };

export function readBastLog(): StoredBastLog {
	const text = storage()?.getItem(LOG_KEY);
	if (!text) return { records: [], error: null };
	try {
		return { records: parseBastLog(text), error: null };
	} catch (error) {
		return { records: [], error };
	}
}

/** False when the browser refused to keep it (quota, privacy mode). */
export function writeBastLog(records: readonly BastRecord[]): boolean {
	try {
		storage()?.setItem(LOG_KEY, bastLogCsv(records));
		return true;
	} catch {
		return false;
	}
}

/** What Dinsos last sent partners: the pack file's SHA-256 and the register it was made from. */
export interface PackSent {
	checksum: string;
	register: string;
	createdAt: string;
	fileName: string;
}

export function readPackSent(): PackSent | null {
	try {
		const value = JSON.parse(storage()?.getItem(PACK_KEY) ?? 'null') as unknown;
		if (typeof value !== 'object' || value === null) return null;
		const v = value as Record<string, unknown>;
		return typeof v.checksum === 'string' &&
			typeof v.register === 'string' &&
			typeof v.createdAt === 'string' &&
			typeof v.fileName === 'string'
			? { checksum: v.checksum, register: v.register, createdAt: v.createdAt, fileName: v.fileName }
			: null;
	} catch {
		return null;
	}
}

export function writePackSent(sent: PackSent): void {
	try {
		storage()?.setItem(PACK_KEY, JSON.stringify(sent));
	} catch {
		// Only the warning about pledges made against another pack is lost.
	}
}
