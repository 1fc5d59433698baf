/**
 * The printed BNBA's groupings (issue 15 point 2), plain functions called inside `$derived`: the rows
 * of queries/bnba-print.ts (ordered by kecamatan, village and name) grouped by kecamatan and village,
 * each village with its subtotal (units, people, Rupiah), each kecamatan with its own, and the grand
 * total; a running number per row; which village groups are small enough to keep on one page; the
 * print's scope read from the address; and the budget year of the title.
 */
import type { Kecamatan, Reference, Village } from '$lib/core/reference';
import type { BnbaPrintRow, BnbaScope } from '$lib/queries/bnba-print';

export interface BnbaTotals {
	units: number;
	people: number;
	rupiah: number;
}

/** A row as printed: its running number over the whole list (1 to the grand total's units). */
export interface BnbaLine extends BnbaPrintRow {
	no: number;
}

export interface BnbaVillageGroup {
	kode: string;
	nama: string;
	rows: BnbaLine[];
	total: BnbaTotals;
	/** Few enough rows to keep on one page (CSS break-inside: avoid); a longer list breaks between rows. */
	keepTogether: boolean;
}

export interface BnbaKecamatanGroup {
	kode: string;
	nama: string;
	villages: BnbaVillageGroup[];
	total: BnbaTotals;
}

export interface BnbaGrouped {
	kecamatan: BnbaKecamatanGroup[];
	total: BnbaTotals;
	/** The funding lines the units were drawn from, in the order they first appear, with their units and Rupiah. */
	fundingLines: { id: string; units: number; rupiah: number }[];
}

/**
 * Rows a village group may have and still be kept on one page: an A4 page holds about 40 rows of the
 * print's table at 8 pt under the running header, and a group's heading and subtotal take two, so a
 * group of 25 never pushes more than about half a page onto the next.
 */
export const KEEP_TOGETHER_ROWS = 25;

const zero = (): BnbaTotals => ({ units: 0, people: 0, rupiah: 0 });

function add(total: BnbaTotals, row: BnbaPrintRow): void {
	total.units += 1;
	total.people += row.people;
	total.rupiah += row.cost;
}

/**
 * Groups rows by kecamatan and village, in the order the rows give them (a village met again later
 * joins its group), numbering the rows in the order they are printed.
 */
export function groupBnba(rows: readonly BnbaPrintRow[], keepRows: number = KEEP_TOGETHER_ROWS): BnbaGrouped {
	const kecamatan = new Map<string, BnbaKecamatanGroup & { byVillage: Map<string, BnbaVillageGroup> }>();
	const lines = new Map<string, { id: string; units: number; rupiah: number }>();
	for (const row of rows) {
		let kec = kecamatan.get(row.kecamatan_kode);
		if (!kec) {
			kec = { kode: row.kecamatan_kode, nama: row.kecamatan_nama, villages: [], total: zero(), byVillage: new Map() };
			kecamatan.set(row.kecamatan_kode, kec);
		}
		let village = kec.byVillage.get(row.village_kode);
		if (!village) {
			village = { kode: row.village_kode, nama: row.village_nama, rows: [], total: zero(), keepTogether: true };
			kec.byVillage.set(row.village_kode, village);
			kec.villages.push(village);
		}
		village.rows.push({ ...row, no: 0 });
		add(village.total, row);
		add(kec.total, row);
		const line = lines.get(row.funding_line) ?? { id: row.funding_line, units: 0, rupiah: 0 };
		line.units += 1;
		line.rupiah += row.cost;
		lines.set(row.funding_line, line);
	}
	const total = zero();
	let no = 0;
	const groups = [...kecamatan.values()].map(({ byVillage: _, ...kec }) => {
		for (const village of kec.villages) {
			for (const line of village.rows) line.no = ++no;
			village.keepTogether = village.rows.length <= keepRows;
		}
		total.units += kec.total.units;
		total.people += kec.total.people;
		total.rupiah += kec.total.rupiah;
		return kec;
	});
	return { kecamatan: groups, total, fundingLines: [...lines.values()] };
}

/** What the address asks to print, checked against the regency's reference. */
export type ScopeOfAddress =
	| { kind: 'scope'; scope: BnbaScope; kecamatan: Kecamatan | null; village: Village | null }
	| { kind: 'unknown_kecamatan'; kode: string }
	| { kind: 'unknown_village'; kode: string };

/**
 * `?desa=<village code>` (it wins over a kecamatan), `?kecamatan=<kecamatan code>`, or neither for the
 * whole regency; a code the reference does not have is said, not printed as an empty list.
 */
export function scopeOfAddress(params: URLSearchParams, reference: Pick<Reference, 'kecamatan' | 'villages'>): ScopeOfAddress {
	const desa = params.get('desa')?.trim();
	if (desa) {
		const village = reference.villages.find((v) => v.kode === desa);
		if (!village) return { kind: 'unknown_village', kode: desa };
		const kecamatan = reference.kecamatan.find((k) => k.kode === village.kecamatan_kode) ?? null;
		return { kind: 'scope', scope: { level: 'village', kode: village.kode }, kecamatan, village };
	}
	const kode = params.get('kecamatan')?.trim();
	if (kode) {
		const kecamatan = reference.kecamatan.find((k) => k.kode === kode);
		if (!kecamatan) return { kind: 'unknown_kecamatan', kode };
		return { kind: 'scope', scope: { level: 'kecamatan', kode: kecamatan.kode }, kecamatan, village: null };
	}
	return { kind: 'scope', scope: { level: 'regency' }, kecamatan: null, village: null };
}

/** The print address of a programme and scope (relative to the app's root: pass it to `resolve`). */
export function bnbaPrintPath(programme: string, scope: BnbaScope): `/cetak/bnba/?${string}` {
	const params = new URLSearchParams({ program: programme });
	if (scope.level === 'kecamatan') params.set('kecamatan', scope.kode);
	if (scope.level === 'village') params.set('desa', scope.kode);
	return `/cetak/bnba/?${params.toString()}`;
}

/** The budget year of the title: the plan's print setting, else the year after the plan's date (or today's). */
export function budgetYear(year: number | null | undefined, planDate: string | null, today: Date): number {
	if (year !== null && year !== undefined) return year;
	const dated = planDate ? Number(planDate.slice(0, 4)) : Number.NaN;
	return (Number.isInteger(dated) ? dated : today.getFullYear()) + 1;
}

/** A kecamatan or village with funded units, to choose a smaller print from. */
export interface ScopeChoice {
	kode: string;
	nama: string;
	units: number;
}

/**
 * Per kecamatan (or per village of one kecamatan) the funded units of a programme, from the Plan
 * screen's village budget rows, in code order; kecamatan or villages without funded units are left out.
 */
export function scopeChoices(
	villages: readonly {
		programme: string;
		kecamatan_kode: string;
		kecamatan_nama: string;
		village_kode: string;
		village_nama: string;
		funded_units: number;
	}[],
	programme: string,
	within: string | null
): ScopeChoice[] {
	const out = new Map<string, ScopeChoice>();
	for (const v of villages) {
		if (v.programme !== programme || v.funded_units <= 0) continue;
		if (within !== null && v.kecamatan_kode !== within) continue;
		const [kode, nama] = within === null ? [v.kecamatan_kode, v.kecamatan_nama] : [v.village_kode, v.village_nama];
		const choice = out.get(kode) ?? { kode, nama, units: 0 };
		choice.units += v.funded_units;
		out.set(kode, choice);
	}
	return [...out.values()].sort((a, b) => a.kode.localeCompare(b.kode));
}
