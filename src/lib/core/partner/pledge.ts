/**
 * Pledges (issue 16 point 3): what a CSR partner commits to fund, written in partner mode against a
 * pack, and read by Dinsos into the plan as CSR funding lines. One pledge is one programme in one or
 * more villages, in units or in Rupiah, for a budget year; the file carries the firm, its contact and
 * the pack it was made against, and for each pledge what that pack showed (so Dinsos sees pledges made
 * over hidden figures, or for units others have funded since).
 *
 * Each pledge becomes a targeted line (plan.ts `isTargetedLine`): drawn after APBD/APBN, from the units
 * they left in its villages. Importing a firm's file again replaces that firm's lines from it.
 */
import { CodedError, coded } from '../messages';
import { StrictJsonReader } from '../strict-json';
import { PLEDGE_TEXT, PROGRAMME_IDS, VILLAGE_CODE, type FundingLine, type Plan, type ProgrammeId } from '../plan';
import type { PartnerPack } from './pack';

export const PLEDGE_FORMAT = 'tepat-pledge';
export const PLEDGE_VERSION = 1;
/** Bounds checked before anything is built (issue 18): a pledge file is small. */
export const MAX_PLEDGES = 200;
export const MAX_PLEDGE_BYTES = 4 * 1024 * 1024;
const MAX_VILLAGES = 1000;
const MAX_UNITS = 10_000_000;
const MAX_RUPIAH = 1e15;

export interface Pledge {
	/** Unique within the file (letters, digits, '-' and '_'). */
	id: string;
	programme: ProgrammeId;
	villages: string[];
	/** Exactly one of units and rupiah is set. */
	units: number | null;
	rupiah: number | null;
	year: number;
	/** What the pack showed for this programme in these villages: the sums, null when a village was hidden. */
	seen: { units: number | null; rupiah: number | null };
	/** Villages whose figure the pack hid. */
	unseen: string[];
}

export interface PledgeFile {
	format: typeof PLEDGE_FORMAT;
	version: typeof PLEDGE_VERSION;
	createdAt: string;
	firm: string;
	contact: string;
	/** The pack pledged against: its file's SHA-256, its plan title and its register checksum. */
	pack: { checksum: string; title: string; register: string };
	pledges: Pledge[];
}

/** What a pack showed of one programme in some villages: sums, or null where any village is hidden. */
export function seenIn(pack: PartnerPack, programme: ProgrammeId, villages: readonly string[]): Pick<Pledge, 'seen' | 'unseen'> {
	const byKode = new Map(pack.villages.map((v) => [v.kode, v]));
	let units: number | null = 0;
	let rupiah: number | null = 0;
	const unseen: string[] = [];
	for (const kode of villages) {
		const f = byKode.get(kode)?.need[programme];
		if (!f || f.units === null) {
			unseen.push(kode);
			units = null;
			rupiah = null;
			continue;
		}
		if (units !== null) units += f.units;
		if (rupiah !== null) rupiah = f.rupiah === null ? null : rupiah + f.rupiah;
	}
	return { seen: { units, rupiah }, unseen };
}

type Json = unknown;

class PledgeReader extends StrictJsonReader {
	fail(field: string): never {
		throw new CodedError(coded('partner.pledge_field', { file: this.file, field }));
	}

	text(value: Json, field: string, max: number, required = true): string {
		return this.line(value, field, max, { trim: true, required });
	}

	villages(value: Json, field: string, mayBeEmpty: boolean): string[] {
		if (!Array.isArray(value) || value.length > MAX_VILLAGES || (value.length === 0 && !mayBeEmpty)) this.fail(field);
		const out = new Set<string>();
		value.forEach((v: Json, i: number) => {
			if (typeof v !== 'string' || !VILLAGE_CODE.test(v)) this.fail(`${field}[${i}]`);
			out.add(v);
		});
		return [...out].sort();
	}

	pledge(value: Json, field: string): Pledge {
		const o = this.record(value, field, ['id', 'programme', 'villages', 'year'], ['units', 'rupiah', 'seen', 'unseen']);
		const id = this.text(o.id, `${field}.id`, 20);
		if (!/^[A-Za-z0-9_-]+$/.test(id)) this.fail(`${field}.id`);
		if (typeof o.programme !== 'string' || !(PROGRAMME_IDS as readonly string[]).includes(o.programme)) this.fail(`${field}.programme`);
		const units = this.whole(o.units, `${field}.units`, MAX_UNITS, true);
		const rupiah = this.whole(o.rupiah, `${field}.rupiah`, MAX_RUPIAH, true);
		if ((units === null) === (rupiah === null) || units === 0 || rupiah === 0) {
			throw new CodedError(coded('partner.pledge_units_or_rupiah', { file: this.file, field }));
		}
		const year = this.whole(o.year, `${field}.year`, 2100, false) ?? 0;
		if (year < 2000) this.fail(`${field}.year`);
		const seen = o.seen === undefined ? {} : this.record(o.seen, `${field}.seen`, [], ['units', 'rupiah']);
		return {
			id,
			programme: o.programme as ProgrammeId,
			villages: this.villages(o.villages, `${field}.villages`, false),
			units,
			rupiah,
			year,
			seen: {
				units: this.whole(seen.units, `${field}.seen.units`, MAX_RUPIAH, true),
				rupiah: this.whole(seen.rupiah, `${field}.seen.rupiah`, MAX_RUPIAH, true)
			},
			unseen: o.unseen === undefined ? [] : this.villages(o.unseen, `${field}.unseen`, true)
		};
	}
}

/** A pledge file from its text; throws a CodedError naming the file and the first wrong field. */
export function parsePledgeFile(text: string, file: string): PledgeFile {
	if (text.length > MAX_PLEDGE_BYTES) throw new CodedError(coded('partner.pledge_field', { file, field: '' }));
	let value: Json;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		throw new CodedError(coded('partner.pledge_not_json', { file }));
	}
	if (typeof value !== 'object' || value === null || (value as Record<string, Json>).format !== PLEDGE_FORMAT) {
		throw new CodedError(coded('partner.pledge_not_format', { file }));
	}
	const r = new PledgeReader(file);
	const o = r.record(value, '', ['format', 'version', 'createdAt', 'firm', 'contact', 'pack', 'pledges']);
	if (o.version !== PLEDGE_VERSION) r.fail('version');
	const createdAt = r.text(o.createdAt, 'createdAt', 40);
	if (Number.isNaN(Date.parse(createdAt))) r.fail('createdAt');
	const pack = r.record(o.pack, 'pack', ['checksum', 'title', 'register']);
	const list = o.pledges;
	if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PLEDGES) r.fail('pledges');
	const pledges = (list as Json[]).map((p, i) => r.pledge(p, `pledges[${i}]`));
	const ids = new Set(pledges.map((p) => p.id));
	if (ids.size !== pledges.length) r.fail('pledges');
	return {
		format: PLEDGE_FORMAT,
		version: PLEDGE_VERSION,
		createdAt,
		firm: r.text(o.firm, 'firm', PLEDGE_TEXT),
		contact: r.text(o.contact, 'contact', PLEDGE_TEXT, false),
		pack: {
			checksum: r.text(pack.checksum, 'pack.checksum', 128),
			title: r.text(pack.title, 'pack.title', 200),
			register: r.text(pack.register, 'pack.register', 128)
		},
		pledges
	};
}

export function serialisePledgeFile(file: PledgeFile): string {
	return `${JSON.stringify(file, null, 2)}\n`;
}

/** A name as an id or file-name part: lowercase ASCII words joined by '-', at most `max` characters, 'mitra' when nothing is left. */
export function slug(text: string, max: number): string {
	const s = text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, max)
		.replace(/-+$/, '');
	return s === '' ? 'mitra' : s;
}

/** Lines a firm's earlier import of this file left in the plan: same firm, same pack. */
function isFromSameFile(line: FundingLine, file: PledgeFile): boolean {
	return line.kind === 'CSR' && line.pledge !== undefined && line.pledge.firm === file.firm && line.pledge.pack === file.pack.checksum;
}

export interface PledgeImport {
	plan: Plan;
	/** Ids of the lines added, in the file's order. */
	lines: string[];
	/** How many lines of an earlier import of the same firm's pledges were replaced. */
	replaced: number;
}

/** The plan with the file's pledges as CSR lines at the end (replacing the same firm's lines from the same pack). */
export function importPledges(plan: Plan, file: PledgeFile): PledgeImport {
	const kept = plan.fundingLines.filter((l) => !isFromSameFile(l, file));
	const taken = new Set(kept.map((l) => l.id));
	const firm = slug(file.firm, 20);
	const lines = file.pledges.map((p): FundingLine => {
		let id = `csr-${firm}-${slug(p.id, 10)}`;
		for (let n = 2; taken.has(id); n++) id = `csr-${firm}-${slug(p.id, 10)}-${n}`;
		taken.add(id);
		return {
			id,
			name: `${file.firm} #${p.id}`,
			kind: 'CSR',
			budgets: p.rupiah !== null ? { [p.programme]: p.rupiah } : {},
			...(p.units !== null ? { units: { [p.programme]: p.units } } : {}),
			villages: [...p.villages],
			pledge: {
				id: p.id,
				firm: file.firm,
				contact: file.contact,
				year: p.year,
				pack: file.pack.checksum,
				seen: p.seen,
				unseen: [...p.unseen]
			}
		};
	});
	return {
		plan: { ...plan, fundingLines: [...kept, ...lines] },
		lines: lines.map((l) => l.id),
		replaced: plan.fundingLines.length - kept.length
	};
}

export type PledgeFlagKind = 'hidden_figures' | 'over_pledged' | 'already_funded';

export interface PledgeFlag {
	line: string;
	kind: PledgeFlagKind;
	/** Units (or Rupiah, for a Rupiah pledge) pledged and drawn, for the words. */
	pledged: number;
	drawn: number;
	/** For hidden_figures: the villages whose figure the pack hid. */
	villages: string[];
}

/** What one pledge line drew, and what is still unfunded in its villages for its programme, after the allocation. */
export interface PledgeDraw {
	line: string;
	units: number;
	rupiah: number;
	/** Units of its programme in its villages no line funds. */
	leftUnits: number;
}

/**
 * The flags of the plan's pledge lines: pledged over figures the pack hid; drawn less than pledged
 * because it pledged more than the pack showed, or other pledges before it took the same villages'
 * units (over-pledged), or because APBD/APBN now fund units the pack showed as unmet (already
 * funded: the plan changed after the pack). A Rupiah pledge is short only when its villages have no
 * unfunded unit left (a remainder smaller than the next unit is not a flag).
 */
export function pledgeFlags(plan: Plan, draws: readonly PledgeDraw[]): PledgeFlag[] {
	const byLine = new Map(draws.map((d) => [d.line, d]));
	const flags: PledgeFlag[] = [];
	const earlierPledges: { line: string; programme: ProgrammeId; villages: readonly string[] }[] = [];
	for (const line of plan.fundingLines) {
		const pledge = line.pledge;
		if (pledge === undefined) continue;
		const programme = pledgeProgramme(line);
		if (programme === null) continue;
		earlierPledges.push({ line: line.id, programme, villages: line.villages ?? [] });
		const draw = byLine.get(line.id) ?? { line: line.id, units: 0, rupiah: 0, leftUnits: 0 };
		const inUnits = line.units?.[programme] !== undefined;
		const pledged = inUnits ? (line.units?.[programme] ?? 0) : (line.budgets[programme] ?? 0);
		const drawn = inUnits ? draw.units : draw.rupiah;
		if (pledge.unseen.length > 0) flags.push({ line: line.id, kind: 'hidden_figures', pledged, drawn, villages: [...pledge.unseen] });
		const short = inUnits ? drawn < pledged : drawn < pledged && draw.leftUnits === 0;
		if (!short) continue;
		const seen = inUnits ? pledge.seen.units : pledge.seen.rupiah;
		const sharedBefore = earlierPledges.some(
			(e) =>
				e.line !== line.id &&
				e.programme === programme &&
				e.villages.some((v) => line.villages?.includes(v)) &&
				(byLine.get(e.line)?.units ?? 0) > 0
		);
		const kind: PledgeFlagKind = (seen !== null && seen < pledged) || sharedBefore ? 'over_pledged' : 'already_funded';
		flags.push({ line: line.id, kind, pledged, drawn, villages: [] });
	}
	return flags;
}

/**
 * The plan's lines of a pledge file (the firm's, made against the file's pack), or of one of its
 * pledges: what a by-name handover covers. Empty when the file was never imported into the plan.
 */
export function pledgeLinesOf(plan: Plan, file: PledgeFile, pledgeId?: string): FundingLine[] {
	const ids = new Set(file.pledges.map((p) => p.id).filter((id) => pledgeId === undefined || id === pledgeId));
	return plan.fundingLines.filter((l) => isFromSameFile(l, file) && l.pledge !== undefined && ids.has(l.pledge.id));
}

/** The one programme a pledge line funds. */
export function pledgeProgramme(line: FundingLine): ProgrammeId | null {
	return PROGRAMME_IDS.find((p) => line.units?.[p] !== undefined || line.budgets[p] !== undefined) ?? null;
}
