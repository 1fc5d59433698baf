/**
 * Per village and programme, who funds what (issue 16 point 3): the need, what APBD/APBN and the
 * other untargeted lines fund, what each partner's pledge line funds, and the gap left after all of
 * them. Built from the allocation's per-line counts, so the four parts always add up to the need.
 */
import type { Plan, ProgrammeId } from '../plan';
import type { PledgeDraw } from './pledge';

export interface FundedByLine {
	programme: string;
	village_kode: string;
	funding_line: string;
	units: number;
	rupiah: number;
}

export interface Unmet {
	programme: ProgrammeId;
	village_kode: string;
	units: number;
	rupiah: number;
}

export interface GapRow {
	programme: ProgrammeId;
	village_kode: string;
	/** Units not excluded: public + pledged + gap. */
	need: number;
	/** Units funded by lines that are not pledges (APBD, APBN, other CSR, Dana Desa). */
	public: number;
	/** Units funded by each pledge line, by line id. */
	pledges: Record<string, number>;
	gap: number;
	gapRupiah: number;
}

function pledgeLineIds(plan: Plan): Set<string> {
	return new Set(plan.fundingLines.filter((l) => l.pledge !== undefined).map((l) => l.id));
}

/**
 * The gap table of the villages a pledge names, or of every village with need when `all`: rows in
 * programme and village order.
 */
export function gapTable(plan: Plan, funded: readonly FundedByLine[], unmet: readonly Unmet[], all = false): GapRow[] {
	const pledged = pledgeLineIds(plan);
	const named = new Set(plan.fundingLines.filter((l) => l.pledge !== undefined).flatMap((l) => l.villages ?? []));
	const rows = new Map<string, GapRow>();
	const row = (programme: string, village: string): GapRow => {
		const key = `${programme}\u0000${village}`;
		let r = rows.get(key);
		if (!r) {
			r = { programme: programme as ProgrammeId, village_kode: village, need: 0, public: 0, pledges: {}, gap: 0, gapRupiah: 0 };
			rows.set(key, r);
		}
		return r;
	};
	for (const f of funded) {
		const r = row(f.programme, f.village_kode);
		r.need += f.units;
		if (pledged.has(f.funding_line)) r.pledges[f.funding_line] = (r.pledges[f.funding_line] ?? 0) + f.units;
		else r.public += f.units;
	}
	for (const u of unmet) {
		const r = row(u.programme, u.village_kode);
		r.need += u.units;
		r.gap += u.units;
		r.gapRupiah += u.rupiah;
	}
	return [...rows.values()]
		.filter((r) => all || named.has(r.village_kode))
		.sort((a, b) => a.programme.localeCompare(b.programme) || a.village_kode.localeCompare(b.village_kode));
}

/** What each pledge line drew, and the unfunded units left of its programme in its villages. */
export function pledgeDraws(plan: Plan, funded: readonly FundedByLine[], unmet: readonly Unmet[]): PledgeDraw[] {
	return plan.fundingLines
		.filter((l) => l.pledge !== undefined)
		.map((line) => {
			const villages = new Set(line.villages ?? []);
			const programmes = new Set([...Object.keys(line.units ?? {}), ...Object.keys(line.budgets)]);
			const mine = funded.filter((f) => f.funding_line === line.id);
			return {
				line: line.id,
				units: mine.reduce((s, f) => s + f.units, 0),
				rupiah: mine.reduce((s, f) => s + f.rupiah, 0),
				leftUnits: unmet.filter((u) => programmes.has(u.programme) && villages.has(u.village_kode)).reduce((s, u) => s + u.units, 0)
			};
		});
}
