/**
 * What the Mitra screen shows of the plan's pledges (issue 16 point 3), without Svelte: the pledge
 * lines with what each drew and its flags, and the gap table's rows (per village and programme: need,
 * APBD/APBN and other public lines, each pledge, the gap) with the flags that concern each row. The
 * standing itself is read by queries/pledges.ts; this only arranges it, so it is tested on plain data.
 */
import type { GapRow } from '$lib/core/partner/gap';
import { pledgeProgramme, type PledgeDraw, type PledgeFlag, type PledgeFlagKind } from '$lib/core/partner/pledge';
import type { FundingLine, Plan, ProgrammeId } from '$lib/core/plan';

/** The order flags are listed in, everywhere. */
export const FLAG_ORDER: readonly PledgeFlagKind[] = ['over_pledged', 'hidden_figures', 'already_funded'];

export interface PledgeLineView {
	line: string;
	name: string;
	firm: string;
	pledgeId: string;
	year: number;
	programme: ProgrammeId | null;
	villages: string[];
	/** Pledged in units (true) or in Rupiah (false). */
	inUnits: boolean;
	/** Units or Rupiah pledged, as the line says. */
	pledged: number;
	/** What the allocation drew from it. */
	drawnUnits: number;
	drawnRupiah: number;
	/** The pack the firm pledged against (its file's SHA-256), when named. */
	pack: string | null;
	flags: PledgeFlagKind[];
}

export interface GapTableRow {
	key: string;
	programme: ProgrammeId;
	village_kode: string;
	village_nama: string;
	kecamatan_nama: string;
	need: number;
	public: number;
	/** One cell per pledge column (the plan's pledge lines of this programme), 0 where the line draws nothing here. */
	pledges: { line: string; units: number }[];
	gap: number;
	gapRupiah: number;
	flags: PledgeFlagKind[];
}

export interface VillageName {
	nama: string;
	kecamatan_nama: string;
}

export interface PledgeStandingLike {
	draws: readonly PledgeDraw[];
	flags: readonly PledgeFlag[];
	gaps: readonly GapRow[];
}

const sortFlags = (flags: Iterable<PledgeFlagKind>): PledgeFlagKind[] => FLAG_ORDER.filter((f) => new Set(flags).has(f));

export function pledgeLines(plan: Plan): FundingLine[] {
	return plan.fundingLines.filter((l) => l.pledge !== undefined);
}

/** The plan's pledge lines in plan order, with what each drew and its flags. */
export function pledgeLineViews(plan: Plan, standing: PledgeStandingLike | null): PledgeLineView[] {
	const draws = new Map((standing?.draws ?? []).map((d) => [d.line, d]));
	return pledgeLines(plan).map((line) => {
		const programme = pledgeProgramme(line);
		const inUnits = programme !== null && line.units?.[programme] !== undefined;
		const pledged = programme === null ? 0 : inUnits ? (line.units?.[programme] ?? 0) : (line.budgets[programme] ?? 0);
		const draw = draws.get(line.id);
		return {
			line: line.id,
			name: line.name,
			firm: line.pledge?.firm ?? '',
			pledgeId: line.pledge?.id ?? '',
			year: line.pledge?.year ?? 0,
			programme,
			villages: [...(line.villages ?? [])],
			inUnits,
			pledged,
			drawnUnits: draw?.units ?? 0,
			drawnRupiah: draw?.rupiah ?? 0,
			pack: line.pledge?.pack ?? null,
			flags: sortFlags((standing?.flags ?? []).filter((f) => f.line === line.id).map((f) => f.kind))
		};
	});
}

/** The pledge lines of a programme, in plan order: the gap table's pledge columns when it shows that programme. */
export function pledgeColumns(plan: Plan, programme: ProgrammeId | null): PledgeLineView[] {
	return pledgeLineViews(plan, null).filter((l) => programme === null || l.programme === programme);
}

/**
 * The gap table's rows: one per village and programme a pledge names, in programme and village order.
 * A flag of a line marks the rows of its programme in its villages; a hidden-figures flag only the
 * villages whose figure the pack hid.
 */
export function gapTableRows(
	plan: Plan,
	standing: PledgeStandingLike,
	names: ReadonlyMap<string, VillageName>,
	programme: ProgrammeId | null = null
): GapTableRow[] {
	const lines = new Map(pledgeLines(plan).map((l) => [l.id, l]));
	const flagged = new Map<string, Set<PledgeFlagKind>>();
	const mark = (p: ProgrammeId, village: string, kind: PledgeFlagKind) => {
		const key = `${p}|${village}`;
		const set = flagged.get(key) ?? new Set<PledgeFlagKind>();
		set.add(kind);
		flagged.set(key, set);
	};
	for (const flag of standing.flags) {
		const line = lines.get(flag.line);
		const p = line ? pledgeProgramme(line) : null;
		if (!line || p === null) continue;
		const villages = flag.kind === 'hidden_figures' ? flag.villages : (line.villages ?? []);
		for (const v of villages) mark(p, v, flag.kind);
	}
	return standing.gaps
		.filter((g) => programme === null || g.programme === programme)
		.map((g) => {
			const key = `${g.programme}|${g.village_kode}`;
			const name = names.get(g.village_kode);
			return {
				key,
				programme: g.programme,
				village_kode: g.village_kode,
				village_nama: name?.nama ?? g.village_kode,
				kecamatan_nama: name?.kecamatan_nama ?? '',
				need: g.need,
				public: g.public,
				pledges: pledgeColumns(plan, g.programme).map((l) => ({ line: l.line, units: g.pledges[l.line] ?? 0 })),
				gap: g.gap,
				gapRupiah: g.gapRupiah,
				flags: sortFlags(flagged.get(key) ?? [])
			};
		});
}

/** The plan without the pledge line `id` (other lines untouched, in order). */
export function withoutPledgeLine(plan: Plan, id: string): Plan {
	return { ...plan, fundingLines: plan.fundingLines.filter((l) => !(l.id === id && l.pledge !== undefined)) };
}

/** A local ISO datetime with its offset (a BAST records a moment where it happened): 2025-03-01T10:00:00+08:00. */
export function localIso(date: Date): string {
	const offset = -date.getTimezoneOffset();
	const sign = offset >= 0 ? '+' : '-';
	const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
	const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
	return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The file name of a pledge line's encrypted list: serah-terima-<line id>-<date>.enc. */
export function handoverFileName(line: string, date: Date): string {
	return `serah-terima-${line.replace(/[^A-Za-z0-9_-]+/g, '-')}-${localIso(date).slice(0, 10)}.enc`;
}

/** The rows of a CSV the app wrote (RFC 4180: quotes doubled, CRLF or LF, a BOM first), header included. */
export function csvRows(text: string): string[][] {
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < body.length; i++) {
		const ch = body[i] ?? '';
		if (quoted) {
			if (ch === '"' && body[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"' && cell === '') quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' && body[i + 1] === '\n') continue;
		else if (ch === '\n' || ch === '\r') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += ch;
	}
	if (cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}
