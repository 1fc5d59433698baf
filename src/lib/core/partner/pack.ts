/**
 * The partner pack (issue 16 point 1): what a CSR partner of the Forum TJSP may see of a plan. Per
 * village and programme the units still unfunded after every line of the plan and their Rupiah, the
 * indicator counts, the villages' boundaries, the plan's name and date and the register's checksum.
 * Built only from counts and sums per village, so no name, NIK, KK, address or household id can reach
 * it; small counts are suppressed with their complements (suppression.ts), and a suppressed cell is
 * null, never 0.
 *
 * Rupiah: a cell's Rupiah is published with its units and hidden with them. A total's Rupiah is
 * published only when no cell below it is hidden: beside the unit total it would be a second equation
 * (unit costs differ by programme, level and zone) that can solve two hidden cells. Such a total gives
 * instead the Rupiah of its published cells, a lower bound anyone could add up.
 */
import type { BoundaryCollection, BoundaryFeature } from '../geo/types';
import { PROGRAMME_IDS, type Plan, type ProgrammeId } from '../plan';
import { suppress, type PartnerTable, type PublishedCell, type SuppressionResult } from './suppression';

export const PACK_FORMAT = 'tepat-partner-pack';
export const PACK_VERSION = 1;

/** The indicator counts a pack carries: the three poverty variables of the map, counts only (a rate beside its base would give the count). */
export const PACK_INDICATORS = ['ats', 'rtlh', 'water_unsafe'] as const;
export type PackIndicator = (typeof PACK_INDICATORS)[number];

/** One published figure: null is suppressed (shown as the suppression mark, never 0). */
export interface PackFigure {
	units: number | null;
	rupiah: number | null;
	/** For a total whose Rupiah is hidden: the Rupiah of the published cells below it. */
	rupiahAtLeast?: number;
}

export interface PackArea {
	kode: string;
	nama: string;
	/** Unmet need per programme of the pack. */
	need: Partial<Record<ProgrammeId, PackFigure>>;
	/** All programmes together. */
	total: PackFigure;
	/** Counts per indicator (null: suppressed). */
	indicators: Partial<Record<PackIndicator, number | null>>;
}

export interface PackVillage extends PackArea {
	kecamatan: string;
}

export interface PartnerPack {
	format: typeof PACK_FORMAT;
	version: typeof PACK_VERSION;
	/** ISO date-time the pack was made. */
	createdAt: string;
	/** The plan's title (its name), date and suppression threshold; `title`, so no key of the pack is a register column's name. */
	plan: { title: string; date: string | null; threshold: number };
	register: { checksum: string };
	regency: PackArea;
	/** The programmes the plan allocates, in the pack's order. */
	programmes: ProgrammeId[];
	indicators: PackIndicator[];
	kecamatan: PackArea[];
	villages: PackVillage[];
	/** Village boundaries with only `kode` and `nama`; null when the plan's regency has none loaded. */
	boundaries: BoundaryCollection | null;
	/** The boundaries' source and licence, shown under the map. */
	attribution: string | null;
}

export interface PackVillageRef {
	kode: string;
	nama: string;
	kecamatan_kode: string;
	kecamatan_nama: string;
}

export interface PackNeedRow {
	programme: ProgrammeId;
	village_kode: string;
	units: number;
	rupiah: number;
}

export interface PackIndicatorRow {
	village_kode: string;
	indicator: PackIndicator;
	count: number;
}

export interface PackInput {
	createdAt: string;
	plan: Plan;
	checksum: string;
	regency: { kode: string; nama: string };
	/** Every village of the regency (a village without need is published as 0). */
	villages: readonly PackVillageRef[];
	need: readonly PackNeedRow[];
	indicators: readonly PackIndicatorRow[];
	boundaries: BoundaryCollection | null;
	attribution: string | null;
}

type Cells = Map<string, number>;
const key = (village: string, column: string) => `${village}\u0000${column}`;

function table(villages: readonly PackVillageRef[], columns: readonly string[], counts: Cells): PartnerTable {
	return {
		programmes: columns,
		villages: villages.map((v) => ({
			kode: v.kode,
			kecamatan: v.kecamatan_kode,
			units: Object.fromEntries(columns.map((c) => [c, counts.get(key(v.kode, c)) ?? 0]))
		}))
	};
}

/** The Rupiah of the village cells under a total, and whether any of them is hidden. */
function rupiahBelow(cells: readonly { units: PublishedCell; rupiah: number }[]): number | { atLeast: number } {
	let sum = 0;
	let hidden = false;
	for (const c of cells) {
		if (c.units.suppressed) hidden = true;
		else sum += c.rupiah;
	}
	return hidden ? { atLeast: sum } : sum;
}

function figure(units: PublishedCell, rupiah: number | { atLeast: number }): PackFigure {
	const atLeast = typeof rupiah === 'object' && rupiah.atLeast > 0 ? { rupiahAtLeast: rupiah.atLeast } : {};
	if (units.suppressed) return { units: null, rupiah: null, ...atLeast };
	if (typeof rupiah === 'object') return { units: units.value, rupiah: null, ...atLeast };
	return { units: units.value, rupiah };
}

function indicatorsOf(result: SuppressionResult, level: 'village' | 'kecamatan' | 'regency', kode: string): PackArea['indicators'] {
	return Object.fromEntries(
		PACK_INDICATORS.map((id) => {
			const cell = level === 'village' ? result.village(kode, id) : level === 'kecamatan' ? result.kecamatan(kode, id) : result.regency(id);
			return [id, cell.value];
		})
	);
}

function slimBoundaries(boundaries: BoundaryCollection | null, names: ReadonlyMap<string, string>): BoundaryCollection | null {
	if (boundaries === null) return null;
	const features: BoundaryFeature[] = boundaries.features
		.filter((f) => names.has(f.properties.kode))
		.map((f) => ({
			type: 'Feature',
			properties: { kode: f.properties.kode, nama: names.get(f.properties.kode) ?? '' },
			geometry: f.geometry
		}));
	return { type: 'FeatureCollection', features };
}

/** The enabled programmes, in allocation id order. */
export function packProgrammes(plan: Plan): ProgrammeId[] {
	return PROGRAMME_IDS.filter((p) => plan.programmes[p].enabled);
}

export function buildPartnerPack(input: PackInput): PartnerPack {
	const threshold = input.plan.partner.threshold;
	const programmes = packProgrammes(input.plan);
	const villages = [...input.villages].sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0));
	const units: Cells = new Map();
	const rupiah: Cells = new Map();
	for (const row of input.need) {
		if (!programmes.includes(row.programme)) continue;
		units.set(key(row.village_kode, row.programme), (units.get(key(row.village_kode, row.programme)) ?? 0) + row.units);
		rupiah.set(key(row.village_kode, row.programme), (rupiah.get(key(row.village_kode, row.programme)) ?? 0) + row.rupiah);
	}
	const counts: Cells = new Map();
	for (const row of input.indicators) counts.set(key(row.village_kode, row.indicator), row.count);
	const need = suppress(table(villages, programmes, units), threshold);
	const indicators = suppress(table(villages, PACK_INDICATORS, counts), threshold);

	const cellsOf = (vs: readonly PackVillageRef[], ps: readonly ProgrammeId[]) =>
		vs.flatMap((v) => ps.map((p) => ({ units: need.village(v.kode, p), rupiah: rupiah.get(key(v.kode, p)) ?? 0 })));
	const area = (
		kode: string,
		nama: string,
		members: readonly PackVillageRef[],
		cell: (p: ProgrammeId) => PublishedCell,
		total: PublishedCell,
		level: 'village' | 'kecamatan' | 'regency'
	): PackArea => ({
		kode,
		nama,
		need: Object.fromEntries(programmes.map((p) => [p, figure(cell(p), rupiahBelow(cellsOf(members, [p])))])),
		total: figure(total, rupiahBelow(cellsOf(members, programmes))),
		indicators: indicatorsOf(indicators, level, kode)
	});

	const kecamatan = new Map<string, { nama: string; villages: PackVillageRef[] }>();
	for (const v of villages) {
		const k = kecamatan.get(v.kecamatan_kode) ?? { nama: v.kecamatan_nama, villages: [] };
		k.villages.push(v);
		kecamatan.set(v.kecamatan_kode, k);
	}
	return {
		format: PACK_FORMAT,
		version: PACK_VERSION,
		createdAt: input.createdAt,
		plan: { title: input.plan.name, date: input.plan.date, threshold },
		register: { checksum: input.checksum },
		regency: area(input.regency.kode, input.regency.nama, villages, (p) => need.regency(p), need.grandTotal(), 'regency'),
		programmes,
		indicators: [...PACK_INDICATORS],
		kecamatan: [...kecamatan.entries()]
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([kode, k]) => area(kode, k.nama, k.villages, (p) => need.kecamatan(kode, p), need.kecamatanTotal(kode), 'kecamatan')),
		villages: villages.map((v) => ({
			...area(v.kode, v.nama, [v], (p) => need.village(v.kode, p), need.villageTotal(v.kode), 'village'),
			kecamatan: v.kecamatan_kode
		})),
		boundaries: slimBoundaries(input.boundaries, new Map(villages.map((v) => [v.kode, v.nama]))),
		attribution: input.attribution
	};
}

/** The pack file's text (stable key order: the same pack gives the same bytes, so its checksum names it). */
export function serialisePack(pack: PartnerPack): string {
	return `${JSON.stringify(pack)}\n`;
}
