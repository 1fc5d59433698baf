/**
 * Small-count suppression for the partner pack (issue 16): the unmet units per village and programme,
 * with their village, kecamatan and regency totals, published so that no count between 1 and the
 * threshold can be read or worked out from the others.
 *
 * The published numbers form one flat space of cells: every village × programme, every village total,
 * every kecamatan × programme, every kecamatan total, every regency × programme and the grand total.
 * What ties them is a list of lines, each "total = sum of members":
 * - a village's programmes add up to the village total;
 * - a kecamatan's villages add up to its cell of each programme, and their totals to its total;
 * - a kecamatan's programmes add up to its total;
 * - the kecamatan add up to the regency cell of each programme;
 * - the regency's programmes, and also its kecamatan totals, add up to the grand total.
 *
 * Rules (the algorithm applies them, `auditSuppression` checks them):
 * 1. Primary: a cell of any level holding 1 ≤ count < threshold is suppressed; a kecamatan total of 3
 *    singles people out just as a village cell does. 0 is published: an empty cell is nobody.
 * 2. Single: in every line, the suppressed elements among {total, members} must not number exactly one.
 *    With the total published, one suppressed member is the total minus the others; with the total
 *    suppressed and every member published, the total is their sum.
 * 3. Zero-sum: in a line whose total is published, the suppressed members must not all hold 0: their
 *    sum (total − the published members) would be 0, and counts cannot be negative, so each is 0, and
 *    a zero taken as another line's complement would no longer hide anything there.
 * A line breaking rule 2 or 3 takes one more suppressed member: the smallest non-zero published one
 * (a suppressed 0 hides little from someone who knows where the empty cells are), else the first
 * published zero; a line with no published member left suppresses its total (a kecamatan with one
 * village: its cells equal the village's and go together). Totals suppressed this way are members of
 * the line above, so the rules run again until no line breaks them.
 * Lines that each hold two suppressed cells can still give one away together (the grand total less
 * the other kecamatan totals less a published village total, say), so two more rules look across lines:
 * 4. Pinned: no suppressed cell is fixed by a linear combination of the lines (`pinnedCells`).
 * 5. Squeezed: no suppressed cell's range, tightened line by line with non-negative counts, shrinks
 *    to one value (`squeezedCells`).
 * A cell breaking rule 4 or 5 takes a complement from the lines it belongs to, the smallest non-zero
 * published member first, and rules 2–5 run again. Suppression only grows, so this ends, at worst with
 * everything suppressed, where nothing is pinned.
 * Not covered: non-negativity across combined lines. Two zero complements whose sum a combination of
 * lines shows to be 0 are both known to be 0 (a linear program would see it); the tests search tiny
 * tables exhaustively and find only such zeros, never a small count, recoverable.
 *
 * Rupiah per cell is units × a unit cost, so it reveals the count: each cell's decision here is the
 * decision for its Rupiah too. Rupiah totals are another matter, not settled here: a village's Rupiah
 * total weighs its programmes by different unit costs (and the regency's, its kecamatan by zone), so
 * beside the unit total it is a second equation, and two hidden cells of different cost are then
 * solved. Such a total is safe only where all the hidden cells of its line share one unit cost. Which suppressed cell is primary is kept for the audit, not for the
 * reader: a pack that told the two apart would tell an attacker that a primary cell lies in
 * [1, threshold) and a complementary one is 0 or ≥ threshold, and that can pin a cell.
 *
 * Villages are ordered by kode, kecamatan by code and programmes by id, whatever order the table
 * comes in, so ties are broken the same way for the same counts.
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** One village's unmet units per programme id (a programme it lacks counts 0). */
export interface PartnerVillage {
	readonly kode: string;
	readonly kecamatan: string;
	readonly units: Readonly<Record<string, number>>;
}

export interface PartnerTable {
	readonly programmes: readonly string[];
	readonly villages: readonly PartnerVillage[];
}

export type CellLevel = 'village' | 'kecamatan' | 'regency';

/** A cell of the flat space: `area` is the village or kecamatan code ('' for the regency), `programme` null for a total. */
export interface CellRef {
	readonly level: CellLevel;
	readonly area: string;
	readonly programme: string | null;
}

/** A line of the published table: `total` is the sum of `members` (cell ids). */
export interface Constraint {
	readonly total: string;
	readonly members: readonly string[];
}

export type SuppressionReason = 'primary' | 'complementary';

/** What is published for one cell: its count, or null when suppressed (never 0). */
export interface PublishedCell {
	readonly value: number | null;
	readonly suppressed: boolean;
	readonly reason: SuppressionReason | null;
}

export interface SuppressionResult {
	readonly threshold: number;
	/** Every cell of the flat space, by `cellId`. */
	readonly cells: ReadonlyMap<string, PublishedCell>;
	readonly constraints: readonly Constraint[];
	village(kode: string, programme: string): PublishedCell;
	villageTotal(kode: string): PublishedCell;
	kecamatan(kode: string, programme: string): PublishedCell;
	kecamatanTotal(kode: string): PublishedCell;
	regency(programme: string): PublishedCell;
	grandTotal(): PublishedCell;
}

/** The flat space of a table: cells with their true counts, and the lines that tie them. */
export interface TableCells {
	readonly refs: readonly CellRef[];
	readonly counts: ReadonlyMap<string, number>;
	readonly constraints: readonly Constraint[];
}

export function cellId(ref: CellRef): string {
	return `${ref.level}|${ref.area}|${ref.programme ?? '*'}`;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function checkTable(table: PartnerTable): void {
	const programmes = new Set(table.programmes);
	if (programmes.size !== table.programmes.length) throw new Error('partner table: a programme is listed twice');
	const seen = new Set<string>();
	for (const v of table.villages) {
		if (seen.has(v.kode)) throw new Error(`partner table: village ${v.kode} is listed twice`);
		seen.add(v.kode);
		for (const [programme, count] of Object.entries(v.units)) {
			if (!programmes.has(programme)) throw new Error(`partner table: village ${v.kode} has units of unknown programme ${programme}`);
			if (!Number.isInteger(count) || count < 0) throw new Error(`partner table: village ${v.kode}, ${programme}: ${count} is not a count`);
		}
	}
}

/** The cells and lines of a table, in the stable order (kecamatan, village, programme by code). */
export function tableCells(table: PartnerTable): TableCells {
	checkTable(table);
	const programmes = [...table.programmes].sort(byCode);
	const villages = [...table.villages].sort((a, b) => byCode(a.kode, b.kode));
	const kecamatan = [...new Set(villages.map((v) => v.kecamatan))].sort(byCode);
	const villagesOf = (kec: string) => villages.filter((v) => v.kecamatan === kec);

	const refs: CellRef[] = [];
	const counts = new Map<string, number>();
	const add = (ref: CellRef, count: number): string => {
		const id = cellId(ref);
		refs.push(ref);
		counts.set(id, count);
		return id;
	};
	const sum = (ids: readonly string[]) => ids.reduce((s, id) => s + (counts.get(id) ?? 0), 0);
	const constraints: Constraint[] = [];
	const line = (ref: CellRef, members: readonly string[]): string => {
		const total = add(ref, sum(members));
		constraints.push({ total, members });
		return total;
	};

	const villageCell = (kode: string, programme: string | null) => cellId({ level: 'village', area: kode, programme });
	const kecamatanCell = (kode: string, programme: string | null) => cellId({ level: 'kecamatan', area: kode, programme });
	for (const kec of kecamatan) {
		const ofKec = villagesOf(kec);
		for (const v of ofKec) {
			for (const p of programmes) add({ level: 'village', area: v.kode, programme: p }, v.units[p] ?? 0);
			line(
				{ level: 'village', area: v.kode, programme: null },
				programmes.map((p) => villageCell(v.kode, p))
			);
		}
		for (const p of programmes) {
			line(
				{ level: 'kecamatan', area: kec, programme: p },
				ofKec.map((v) => villageCell(v.kode, p))
			);
		}
		const total = line(
			{ level: 'kecamatan', area: kec, programme: null },
			ofKec.map((v) => villageCell(v.kode, null))
		);
		constraints.push({ total, members: programmes.map((p) => kecamatanCell(kec, p)) });
	}
	for (const p of programmes) {
		line(
			{ level: 'regency', area: '', programme: p },
			kecamatan.map((kec) => kecamatanCell(kec, p))
		);
	}
	const grand = line(
		{ level: 'regency', area: '', programme: null },
		programmes.map((p) => cellId({ level: 'regency', area: '', programme: p }))
	);
	constraints.push({ total: grand, members: kecamatan.map((kec) => kecamatanCell(kec, null)) });
	return { refs, counts, constraints };
}

type LineFault = 'single' | 'zero-sum';

/** Which rule (2 or 3) a line breaks under a suppression, if any. */
function lineFault(line: Constraint, suppressed: ReadonlySet<string>, counts: ReadonlyMap<string, number>): LineFault | null {
	const hidden = line.members.filter((m) => suppressed.has(m));
	const totalHidden = suppressed.has(line.total);
	if (hidden.length + (totalHidden ? 1 : 0) === 1) return 'single';
	if (!totalHidden && hidden.length >= 2 && hidden.every((m) => counts.get(m) === 0)) return 'zero-sum';
	return null;
}

/** The cell a faulty line suppresses next: the smallest non-zero published member, else (rule 2) a zero one, else the total. */
function complementOf(line: Constraint, fault: LineFault, suppressed: ReadonlySet<string>, counts: ReadonlyMap<string, number>): string {
	const open = line.members.filter((m) => !suppressed.has(m));
	let best: string | null = null;
	for (const m of open) {
		const count = counts.get(m) ?? 0;
		if (count > 0 && (best === null || count < (counts.get(best) ?? 0))) best = m;
	}
	if (best === null && fault === 'single') best = open.find((m) => counts.get(m) === 0) ?? null;
	return best ?? line.total;
}

const EPSILON = 1e-9;

/**
 * The suppressed cells that some combination of published lines fixes (rule 4), by Gauss–Jordan
 * elimination of the lines over the suppressed cells: a cell is fixed when its pivot row has no other
 * unknown left. Lines alone can be fine and still give one away: the grand total less the published
 * kecamatan totals less a village total, say. Non-negativity is not used here: rules 3 and 5 are
 * where it comes in.
 */
export function pinnedCells(constraints: readonly Constraint[], order: readonly string[], suppressed: ReadonlySet<string>): string[] {
	const unknowns = order.filter((id) => suppressed.has(id));
	const column = new Map(unknowns.map((id, j) => [id, j]));
	const width = unknowns.length;
	const lines = constraints.filter((line) => suppressed.has(line.total) || line.members.some((m) => suppressed.has(m)));
	// The lines over the unknowns, one row each, in one array: entry (i, j) at i · width + j.
	const m = new Float64Array(lines.length * width);
	const at = (i: number, j: number): number => m[i * width + j] ?? 0;
	lines.forEach((line, i) => {
		for (const [id, coef] of [[line.total, 1] as const, ...line.members.map((member) => [member, -1] as const)]) {
			const j = column.get(id);
			if (j !== undefined) m[i * width + j] = at(i, j) + coef;
		}
	});
	const pivots: number[] = [];
	for (let j = 0; j < width && pivots.length < lines.length; j++) {
		const top = pivots.length;
		let best = top;
		for (let i = top + 1; i < lines.length; i++) if (Math.abs(at(i, j)) > Math.abs(at(best, j))) best = i;
		if (Math.abs(at(best, j)) < EPSILON) continue;
		const bestRow = m.slice(best * width, (best + 1) * width);
		m.copyWithin(best * width, top * width, (top + 1) * width);
		const scale = bestRow[j] ?? 1;
		m.set(
			bestRow.map((a) => a / scale),
			top * width
		);
		for (let i = 0; i < lines.length; i++) {
			const factor = at(i, j);
			if (i === top || Math.abs(factor) < EPSILON) continue;
			for (let c = 0; c < width; c++) m[i * width + c] = at(i, c) - factor * at(top, c);
		}
		pivots.push(j);
	}
	const pinned: string[] = [];
	pivots.forEach((j, i) => {
		let alone = true;
		for (let c = 0; c < width; c++) if (c !== j && Math.abs(at(i, c)) >= EPSILON) alone = false;
		const id = unknowns[j];
		if (alone && id !== undefined) pinned.push(id);
	});
	return pinned;
}

/** Sweeps of bound tightening before giving up on a tighter bound (cycles can creep one unit a sweep). */
const MAX_SWEEPS = 200;

/**
 * The suppressed cells that the published lines and non-negative counts squeeze to one value (rule 5),
 * by tightening each cell's range from every line until nothing moves: two zero complements beside two
 * cells whose line total is their sum leave each at its upper bound, though no line alone pins them.
 * Ranges start at [0, twice the grand total + 1], above every count. An outer bound: a cell it leaves
 * open may still be pinned by a cleverer argument (the tests search for one on small tables).
 */
export function squeezedCells(
	constraints: readonly Constraint[],
	order: readonly string[],
	suppressed: ReadonlySet<string>,
	counts: ReadonlyMap<string, number>
): string[] {
	const cap = 2 * Math.max(0, ...counts.values()) + 1;
	const lo = new Map<string, number>();
	const hi = new Map<string, number>();
	for (const id of order) {
		const published = suppressed.has(id) ? null : (counts.get(id) ?? 0);
		lo.set(id, published ?? 0);
		hi.set(id, published ?? cap);
	}
	const terms = constraints.map((line) => [[line.total, 1] as const, ...line.members.map((m) => [m, -1] as const)]);
	for (let sweep = 0, moved = true; moved && sweep < MAX_SWEEPS; sweep++) {
		moved = false;
		for (const line of terms) {
			// Σ coef·x = 0: each term lies between minus the others' largest and minus their smallest.
			let min = 0;
			let max = 0;
			for (const [id, coef] of line) {
				min += coef > 0 ? coef * (lo.get(id) ?? 0) : coef * (hi.get(id) ?? 0);
				max += coef > 0 ? coef * (hi.get(id) ?? 0) : coef * (lo.get(id) ?? 0);
			}
			for (const [id, coef] of line) {
				if (!suppressed.has(id)) continue;
				const ownMin = coef > 0 ? (lo.get(id) ?? 0) : -(hi.get(id) ?? 0);
				const ownMax = coef > 0 ? (hi.get(id) ?? 0) : -(lo.get(id) ?? 0);
				const low = -(max - ownMax);
				const high = -(min - ownMin);
				const newLo = coef > 0 ? low : -high;
				const newHi = coef > 0 ? high : -low;
				if (newLo > (lo.get(id) ?? 0)) {
					lo.set(id, newLo);
					moved = true;
				}
				if (newHi < (hi.get(id) ?? 0)) {
					hi.set(id, newHi);
					moved = true;
				}
			}
		}
	}
	return order.filter((id) => suppressed.has(id) && lo.get(id) === hi.get(id));
}

/**
 * The cell to suppress for a pinned one: in the lines it belongs to, the smallest non-zero published
 * member, else a published zero member, else the smallest published total; else the first published cell.
 */
function complementOfPinned(
	pinned: string,
	constraints: readonly Constraint[],
	order: readonly string[],
	suppressed: ReadonlySet<string>,
	counts: ReadonlyMap<string, number>
): string {
	const lines = constraints.filter((line) => line.total === pinned || line.members.includes(pinned));
	const members = lines.flatMap((line) => line.members).filter((m) => !suppressed.has(m));
	const totals = lines.map((line) => line.total).filter((t) => !suppressed.has(t));
	const smallest = (ids: readonly string[]) =>
		ids.reduce<string | null>((best, id) => (best === null || (counts.get(id) ?? 0) < (counts.get(best) ?? 0) ? id : best), null);
	const rank = new Map(order.map((id, i) => [id, i]));
	const inOrder = (ids: readonly string[]) => [...new Set(ids)].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
	const found =
		smallest(inOrder(members.filter((m) => (counts.get(m) ?? 0) > 0))) ??
		inOrder(members)[0] ??
		smallest(inOrder(totals)) ??
		order.find((id) => !suppressed.has(id));
	if (found === undefined) throw new Error(`cell ${pinned} is pinned with every cell suppressed`);
	return found;
}

function isSmall(count: number, threshold: number): boolean {
	return count >= 1 && count < threshold;
}

function checkThreshold(threshold: number): void {
	if (!Number.isInteger(threshold) || threshold < 2) throw new Error(`suppression threshold ${threshold}: an integer of at least 2`);
}

/** Suppresses a table's small counts and their complements (rules in the module comment). */
export function suppress(table: PartnerTable, threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): SuppressionResult {
	checkThreshold(threshold);
	const { refs, counts, constraints } = tableCells(table);
	const reasons = new Map<string, SuppressionReason>();
	for (const [id, count] of counts) if (isSmall(count, threshold)) reasons.set(id, 'primary');
	const suppressed = new Set(reasons.keys());

	const hide = (id: string) => {
		suppressed.add(id);
		reasons.set(id, 'complementary');
	};
	const settleLines = () => {
		let changed = true;
		while (changed) {
			changed = false;
			for (const line of constraints) {
				const fault = lineFault(line, suppressed, counts);
				if (fault === null) continue;
				hide(complementOf(line, fault, suppressed, counts));
				changed = true;
			}
		}
	};
	const order = refs.map(cellId);
	settleLines();
	// One cell at a time: each complement can free other pinned cells too, so fewer cells go.
	const pinned = () => [...pinnedCells(constraints, order, suppressed), ...squeezedCells(constraints, order, suppressed, counts)];
	for (let found = pinned()[0]; found !== undefined; found = pinned()[0]) {
		hide(complementOfPinned(found, constraints, order, suppressed, counts));
		settleLines();
	}

	const cells = new Map<string, PublishedCell>();
	for (const ref of refs) {
		const id = cellId(ref);
		const reason = reasons.get(id) ?? null;
		cells.set(id, { value: reason === null ? (counts.get(id) ?? 0) : null, suppressed: reason !== null, reason });
	}
	const cell = (ref: CellRef): PublishedCell => {
		const found = cells.get(cellId(ref));
		if (!found) throw new Error(`partner table has no cell ${cellId(ref)}`);
		return found;
	};
	return {
		threshold,
		cells,
		constraints,
		village: (kode, programme) => cell({ level: 'village', area: kode, programme }),
		villageTotal: (kode) => cell({ level: 'village', area: kode, programme: null }),
		kecamatan: (kode, programme) => cell({ level: 'kecamatan', area: kode, programme }),
		kecamatanTotal: (kode) => cell({ level: 'kecamatan', area: kode, programme: null }),
		regency: (programme) => cell({ level: 'regency', area: '', programme }),
		grandTotal: () => cell({ level: 'regency', area: '', programme: null })
	};
}

/**
 * Everything wrong with a result against the table it came from, one sentence each; none when the
 * rules hold: every published value is the true count and not small (rule 1), every suppressed cell
 * is null (never 0) with a reason, no line breaks rule 2 or 3, and no cell is pinned or squeezed
 * (rules 4 and 5).
 */
export function auditSuppression(result: SuppressionResult, table: PartnerTable): string[] {
	const problems: string[] = [];
	const { counts, constraints } = tableCells(table);
	const suppressed = new Set<string>();
	for (const [id, count] of counts) {
		const published = result.cells.get(id);
		if (!published) {
			problems.push(`${id}: missing`);
			continue;
		}
		if (published.suppressed) {
			suppressed.add(id);
			if (published.value !== null) problems.push(`${id}: suppressed but shows ${published.value}`);
			if (published.reason === null) problems.push(`${id}: suppressed without a reason`);
		} else {
			if (published.value !== count) problems.push(`${id}: shows ${published.value}, the count is ${count}`);
			if (isSmall(count, result.threshold)) problems.push(`${id}: publishes ${count}, below the threshold ${result.threshold}`);
			if (published.reason !== null) problems.push(`${id}: published with reason ${published.reason}`);
		}
	}
	for (const line of constraints) {
		const fault = lineFault(line, suppressed, counts);
		if (fault === 'single') problems.push(`${line.total}: exactly one suppressed cell among the total and its members`);
		if (fault === 'zero-sum') problems.push(`${line.total}: published total whose suppressed members are all 0`);
	}
	const order = [...counts.keys()];
	for (const id of pinnedCells(constraints, order, suppressed)) problems.push(`${id}: fixed by a combination of published lines`);
	for (const id of squeezedCells(constraints, order, suppressed, counts))
		problems.push(`${id}: squeezed to one value by the published lines`);
	return problems;
}
