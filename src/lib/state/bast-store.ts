/**
 * The last partner pack made, kept in localStorage beside the plan (plan-store.ts), so a pledge file
 * made against another pack can be told apart after a reload. (The BAST log lives in the plan itself.)
 */
const PACK_KEY = 'tepat.partner-pack.v1';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
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
