/**
 * Partner mode's pledge draft without Svelte: the draft read back from storage, the checks of a new
 * pledge, and the pledge file built from the draft against the open pack (PartnerModel.svelte.ts
 * wraps these in runes). Each pledge carries what the pack showed for it (seenIn), and the file is
 * read back with the reader Dinsos uses before it is handed out.
 */
import type { PartnerPack } from '$lib/core/partner/pack';
import {
	MAX_PLEDGES,
	PLEDGE_FORMAT,
	PLEDGE_VERSION,
	parsePledgeFile,
	seenIn,
	serialisePledgeFile,
	slug,
	type PledgeFile
} from '$lib/core/partner/pledge';
import { PLEDGE_TEXT, PROGRAMME_IDS, VILLAGE_CODE, type ProgrammeId } from '$lib/core/plan';

const MAX_UNITS = 10_000_000;
const MAX_RUPIAH = 1e15;

export interface PledgeDraft {
	/** P1, P2 …: unique in the draft. */
	id: string;
	programme: ProgrammeId;
	/** Village codes, sorted. */
	villages: string[];
	/** Exactly one of units and rupiah. */
	units: number | null;
	rupiah: number | null;
	year: number;
}

export interface Draft {
	firm: string;
	contact: string;
	pledges: PledgeDraft[];
}

/** A pledge as the form gives it; the model checks it. */
export interface PledgeInput {
	programme: ProgrammeId | null;
	villages: readonly string[];
	amountKind: 'units' | 'rupiah';
	/** Null when what was typed is not a whole number. */
	amount: number | null;
	year: number | null;
}

/** Why a pledge or the file cannot be made yet: the form words each. */
export type PledgeProblem = 'programme' | 'villages' | 'amount' | 'year' | 'full';
export type FileProblem = 'firm' | 'firm_long' | 'contact_long' | 'pledges' | 'pack';

export const emptyDraft = (): Draft => ({ firm: '', contact: '', pledges: [] });

/** The stored draft read back item by item: anything damaged is left out, never half-used. */
export function draftOf(raw: unknown): Draft {
	const draft = emptyDraft();
	if (typeof raw !== 'object' || raw === null) return draft;
	const r = raw as Record<string, unknown>;
	if (typeof r.firm === 'string') draft.firm = r.firm.slice(0, PLEDGE_TEXT);
	if (typeof r.contact === 'string') draft.contact = r.contact.slice(0, PLEDGE_TEXT);
	if (!Array.isArray(r.pledges)) return draft;
	const ids = new Set<string>();
	for (const item of r.pledges.slice(0, MAX_PLEDGES) as unknown[]) {
		if (typeof item !== 'object' || item === null) continue;
		const p = item as Record<string, unknown>;
		const whole = (v: unknown, max: number) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 && v <= max ? v : null);
		const units = whole(p.units, MAX_UNITS);
		const rupiah = whole(p.rupiah, MAX_RUPIAH);
		const year = whole(p.year, 2100);
		if (
			typeof p.id !== 'string' ||
			!/^P\d{1,6}$/.test(p.id) ||
			ids.has(p.id) ||
			typeof p.programme !== 'string' ||
			!(PROGRAMME_IDS as readonly string[]).includes(p.programme) ||
			!Array.isArray(p.villages) ||
			p.villages.length === 0 ||
			!p.villages.every((v): v is string => typeof v === 'string' && VILLAGE_CODE.test(v)) ||
			(units === null) === (rupiah === null) ||
			year === null ||
			year < 2000
		) {
			continue;
		}
		ids.add(p.id);
		draft.pledges.push({ id: p.id, programme: p.programme as ProgrammeId, villages: uniqueSorted(p.villages), units, rupiah, year });
	}
	return draft;
}

/** Village codes once each, sorted (as the pledge reader gives them back). */
export function uniqueSorted(villages: readonly string[]): string[] {
	return [...new Set(villages)].sort();
}

/** The next free id: one above the highest P-number in the draft. */
export function nextPledgeId(pledges: readonly PledgeDraft[]): string {
	const highest = pledges.reduce((max, p) => Math.max(max, Number(p.id.slice(1)) || 0), 0);
	return `P${highest + 1}`;
}

/** What is wrong with a pledge against a pack; empty when it can be added. */
export function pledgeProblems(pack: PartnerPack, input: PledgeInput): PledgeProblem[] {
	const problems: PledgeProblem[] = [];
	if (input.programme === null || !pack.programmes.includes(input.programme)) problems.push('programme');
	const known = new Set(pack.villages.map((v) => v.kode));
	if (input.villages.length === 0 || !input.villages.every((v) => known.has(v))) problems.push('villages');
	const max = input.amountKind === 'units' ? MAX_UNITS : MAX_RUPIAH;
	if (input.amount === null || !Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > max) problems.push('amount');
	if (input.year === null || !Number.isSafeInteger(input.year) || input.year < 2000 || input.year > 2100) problems.push('year');
	return problems;
}

/** The pledge file of a draft against a pack, and its file name; checked as Dinsos will read it. */
export function buildPledgeFile(pack: PartnerPack, checksum: string, draft: Draft, now: Date): { file: PledgeFile; text: string } {
	const file: PledgeFile = {
		format: PLEDGE_FORMAT,
		version: PLEDGE_VERSION,
		createdAt: now.toISOString(),
		firm: draft.firm.trim(),
		contact: draft.contact.trim(),
		pack: { checksum, title: pack.plan.title, register: pack.register.checksum },
		pledges: draft.pledges.map((p) => ({
			id: p.id,
			programme: p.programme,
			villages: [...p.villages],
			units: p.units,
			rupiah: p.rupiah,
			year: p.year,
			...seenIn(pack, p.programme, p.villages)
		}))
	};
	const text = serialisePledgeFile(file);
	// The same reader Dinsos uses: a file it would refuse is never handed out.
	parsePledgeFile(text, 'janji.json');
	return { file, text };
}

/** A file name part from the firm's name: letters, digits and dashes. */
export function firmStem(firm: string): string {
	return slug(firm, 40);
}

/** The pledge file of the draft at this moment, and its file name. */
export function pledgeFileNow(pack: PartnerPack, checksum: string, draft: Draft): { file: PledgeFile; text: string; name: string } {
	const now = new Date();
	const { file, text } = buildPledgeFile(pack, checksum, draft, now);
	return { file, text, name: `janji-${firmStem(file.firm)}-${now.toISOString().slice(0, 10)}.json` };
}
