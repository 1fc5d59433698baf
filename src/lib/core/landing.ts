/**
 * The landing page's (Ringkasan) figures, derived from what the Map and Plan screens already hold:
 * the village indicator figures (queries/indicators) and the allocation's budget per village
 * (queries/allocation). Pure, so the headline numbers are the same sums the screens behind them show,
 * and a test can check them against the queries themselves.
 */
import { INDICATOR_IDS, emptyFigures, rateOf, type AreaFigures, type Figure, type Figures, type IndicatorId } from './indicators';
import { PROGRAMME_IDS, type ProgrammeId } from './plan';

/** The need indicators the landing page heads with: the three poverty variables and the Paket candidates. */
export const HEADLINE_INDICATORS = [
	'ats',
	'rtlh',
	'water_unsafe',
	'paket_a',
	'paket_b',
	'paket_c'
] as const satisfies readonly IndicatorId[];
export type HeadlineIndicator = (typeof HEADLINE_INDICATORS)[number];

/** Need, funded and unmet units and Rupiah of one programme (or one kecamatan's share of it). */
export interface BudgetFigures {
	needUnits: number;
	needRupiah: number;
	fundedUnits: number;
	fundedRupiah: number;
	unmetUnits: number;
	unmetRupiah: number;
}

/** A row of the allocation's budget per programme and village (queries/allocation: villageBudget). */
export interface VillageBudgetRow {
	programme: string;
	kecamatan_kode: string;
	village_kode: string;
	need_units: number;
	need_rupiah: number;
	funded_units: number;
	funded_rupiah: number;
	unmet_units: number;
	unmet_rupiah: number;
}

export function emptyBudget(): BudgetFigures {
	return { needUnits: 0, needRupiah: 0, fundedUnits: 0, fundedRupiah: 0, unmetUnits: 0, unmetRupiah: 0 };
}

function plus(into: BudgetFigures, b: BudgetFigures): void {
	into.needUnits += b.needUnits;
	into.needRupiah += b.needRupiah;
	into.fundedUnits += b.fundedUnits;
	into.fundedRupiah += b.fundedRupiah;
	into.unmetUnits += b.unmetUnits;
	into.unmetRupiah += b.unmetRupiah;
}

function addBudget(into: BudgetFigures, row: VillageBudgetRow): void {
	plus(into, {
		needUnits: row.need_units,
		needRupiah: row.need_rupiah,
		fundedUnits: row.funded_units,
		fundedRupiah: row.funded_rupiah,
		unmetUnits: row.unmet_units,
		unmetRupiah: row.unmet_rupiah
	});
}

/** The regency's figures: every village's counts and denominators summed (rates from the sums). */
export function regencyFigures(villages: readonly AreaFigures[]): Figures {
	const total = emptyFigures();
	for (const v of villages) {
		for (const id of INDICATOR_IDS) {
			total[id].count += v.figures[id].count;
			total[id].denominator += v.figures[id].denominator;
		}
	}
	return total;
}

/** Need, funded and unmet per programme, in the plan's programme order (every programme, zero when none). */
export function programmeBudgets(rows: readonly VillageBudgetRow[]): Record<ProgrammeId, BudgetFigures> {
	const out = Object.fromEntries(PROGRAMME_IDS.map((id) => [id, emptyBudget()])) as Record<ProgrammeId, BudgetFigures>;
	for (const row of rows) {
		const budget = out[row.programme as ProgrammeId];
		if (budget) addBudget(budget, row);
	}
	return out;
}

/** All programmes together, per kecamatan or per village code. */
export function budgetsBy(rows: readonly VillageBudgetRow[], key: 'kecamatan_kode' | 'village_kode'): Map<string, BudgetFigures> {
	const out = new Map<string, BudgetFigures>();
	for (const row of rows) {
		let budget = out.get(row[key]);
		if (!budget) {
			budget = emptyBudget();
			out.set(row[key], budget);
		}
		addBudget(budget, row);
	}
	return out;
}

/** All programmes together, per kecamatan code. */
export function kecamatanBudgets(rows: readonly VillageBudgetRow[]): Map<string, BudgetFigures> {
	return budgetsBy(rows, 'kecamatan_kode');
}

/** All programmes together. */
export function totalBudget(budgets: Readonly<Record<ProgrammeId, BudgetFigures>>): BudgetFigures {
	const total = emptyBudget();
	for (const id of PROGRAMME_IDS) plus(total, budgets[id]);
	return total;
}

/**
 * The `n` villages most in need on one indicator: most people or households first (what a programme
 * has to reach), then the higher rate, then the code. Villages with none are left out, so a short
 * list says that fewer villages have any.
 */
export function topVillages(villages: readonly AreaFigures[], indicator: IndicatorId, n = 10): AreaFigures[] {
	const rate = (f: Figure) => rateOf(f) ?? 0;
	return villages
		.filter((v) => v.figures[indicator].count > 0)
		.sort((a, b) => {
			const fa = a.figures[indicator];
			const fb = b.figures[indicator];
			return fb.count - fa.count || rate(fb) - rate(fa) || (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0);
		})
		.slice(0, n);
}

// ---- The per-kecamatan table ---------------------------------------------------------------------

/** One area's row (a kecamatan on the landing page, a village on the kecamatan report): size, need counts, budget. */
export interface AreaBrief {
	kode: string;
	nama: string;
	villages: number;
	households: number;
	people: number;
	/** Need counts; null while computing or when the register has no column for the indicator. */
	ats: number | null;
	rtlh: number | null;
	water_unsafe: number | null;
	/** Paket A, B and C candidates together. */
	paket: number | null;
	/** Rupiah of all programmes; null until an allocation is there. */
	funded: number | null;
	unmet: number | null;
}

export const AREA_BRIEF_COLUMNS = [
	'kode',
	'nama',
	'villages',
	'households',
	'people',
	'ats',
	'rtlh',
	'water_unsafe',
	'paket',
	'funded',
	'unmet'
] as const;
export type AreaBriefColumn = (typeof AREA_BRIEF_COLUMNS)[number];

/** An area's size in the register: a kecamatan (with its villages) or a village (villages 1). */
export interface AreaSize {
	kode: string;
	nama: string;
	villages: number | bigint;
	households: number | bigint;
	people: number | bigint;
}

/**
 * The rows of the per-kecamatan table, in the overview's order: its sizes, the need counts of the
 * kecamatan figures (null for `uncomputed` indicators or before the figures), the allocation's Rupiah.
 * The same rows serve a kecamatan's villages (sizes and figures of villages, budgets by village).
 */
export function areaBriefs(
	sizes: readonly AreaSize[],
	figures: readonly AreaFigures[],
	budgets: ReadonlyMap<string, BudgetFigures> | null,
	uncomputed: ReadonlySet<IndicatorId>
): AreaBrief[] {
	const byKode = new Map(figures.map((f) => [f.kode, f.figures]));
	return sizes.map((s) => {
		const f = byKode.get(s.kode);
		const count = (ids: readonly IndicatorId[]): number | null =>
			f && ids.every((id) => !uncomputed.has(id)) ? ids.reduce((sum, id) => sum + f[id].count, 0) : null;
		const budget = budgets ? (budgets.get(s.kode) ?? emptyBudget()) : null;
		return {
			kode: s.kode,
			nama: s.nama,
			villages: Number(s.villages),
			households: Number(s.households),
			people: Number(s.people),
			ats: count(['ats']),
			rtlh: count(['rtlh']),
			water_unsafe: count(['water_unsafe']),
			paket: count(['paket_a', 'paket_b', 'paket_c']),
			funded: budget?.fundedRupiah ?? null,
			unmet: budget?.unmetRupiah ?? null
		};
	});
}

const briefCollator = new Intl.Collator('id-ID', { sensitivity: 'base', numeric: true });

/** Sorted by one column either way; empty figures last both ways, ties by code. */
export function sortAreaBriefs(rows: readonly AreaBrief[], sort: { column: AreaBriefColumn; direction: 'asc' | 'desc' }): AreaBrief[] {
	const sign = sort.direction === 'asc' ? 1 : -1;
	const byKode = (a: AreaBrief, b: AreaBrief) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0);
	return [...rows].sort((a, b) => {
		if (sort.column === 'nama') return sign * briefCollator.compare(a.nama, b.nama) || byKode(a, b);
		if (sort.column === 'kode') return sign * byKode(a, b);
		const va = a[sort.column];
		const vb = b[sort.column];
		if (va === null || vb === null) return va === vb ? byKode(a, b) : va === null ? 1 : -1;
		return sign * (va - vb) || byKode(a, b);
	});
}
