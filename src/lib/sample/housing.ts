/** Housing, water, sanitation, energy and ranking draws for one synthetic house/family. */
import type { Zone } from '../core/reference';
import type { Closet, Disposal, Floor, Fuel, Light, Roof, Toilet, VervalStatus, Wall, Water } from './codes';
import type { Rng } from './prng';

export interface Housing {
	/** b3r1a / Regsosek tenure: 1 own, 2 rent, 3 rent-free, 4 dinas, 5 other. */
	tenure: string;
	/** b3r1b: 1 own, 2 other's, 3 state, 4 other. */
	land: string;
	/** Regsosek land proof, own houses only: 1 SHM in a member's name, 4 other certificate, 5 other proof, 6 none. */
	landProof: string;
	floor: Floor;
	wall: Wall;
	wallGood: boolean;
	roof: Roof;
	roofGood: boolean;
	/** m² per person before multiplying by the members of the house. */
	areaPerPerson: number;
	water: Water;
	light: Light;
	/** Regsosek installed power, metered PLN only: 1 450 W … 5 > 2200 W. */
	power: string;
	fuel: Fuel;
	toilet: Toilet;
	closet: Closet;
	disposal: Disposal;
}

/**
 * Draws from weights mixed linearly between two rows: s = 0 uses `rich`, s = 1 uses `poor`.
 * Built once per zone, so a draw allocates nothing.
 */
class Mixer<T extends string> {
	private readonly values: T[];
	private readonly rich: Float64Array;
	private readonly slope: Float64Array;

	constructor(rows: readonly (readonly [T, number, number])[]) {
		this.values = rows.map((r) => r[0]);
		this.rich = Float64Array.from(rows, (r) => r[1]);
		this.slope = Float64Array.from(rows, (r) => r[2] - r[1]);
	}

	draw(rng: Rng, s: number): T {
		const n = this.values.length;
		let total = 0;
		for (let i = 0; i < n; i++) total += Math.max(0, (this.rich[i] ?? 0) + (this.slope[i] ?? 0) * s);
		let r = rng.next() * total;
		for (let i = 0; i < n; i++) {
			r -= Math.max(0, (this.rich[i] ?? 0) + (this.slope[i] ?? 0) * s);
			if (r < 0) return this.values[i] as T;
		}
		return this.values[n - 1] as T;
	}
}

function mixer<const T extends string>(rows: readonly (readonly [T, number, number])[]): Mixer<T> {
	return new Mixer<T>(rows);
}

/** [value, weight when well off, weight when poorest] per housing question, for one zone. */
function buildTables(zone: Zone) {
	const hulu = zone === 'hulu' ? 1 : 0;
	const pesisir = zone === 'pesisir' ? 1 : 0;
	return {
		tenure: mixer([
			['1', 80, 84],
			['2', 10, 3],
			['3', 7, 10],
			['4', 2, 0.5],
			['5', 1, 2.5]
		]),
		floor: mixer([
			['marmer', 1, 0],
			['keramik', 42, 4],
			['parket', 1.5, 0.2],
			['ubin', 4, 1],
			['kayu_baik', 14 + 10 * hulu, 12 + 14 * hulu],
			['semen', 28, 18],
			['bambu', 1, 9 + 4 * hulu],
			['kayu_rendah', 6, 26 + 8 * hulu],
			['tanah', 1.5, 12 + 3 * hulu],
			['lainnya', 0.5, 2]
		]),
		wall: mixer([
			['tembok', 55 - 25 * hulu, 12 - 8 * hulu],
			['anyaman_plester', 3, 3],
			['kayu', 38 + 25 * hulu, 58 + 10 * hulu],
			['anyaman_bambu', 1, 9 + 4 * hulu],
			['batang_kayu', 0.5, 3],
			['bambu', 0.5, 7 + 3 * hulu],
			['lainnya', 0.5, 2]
		]),
		roof: mixer([
			['beton', 1.5, 0],
			['genteng_keramik', 5, 0.5],
			['genteng_metal', 14, 2],
			['genteng_tanah', 2, 1],
			['asbes', 6, 6],
			['seng', 68, 62],
			['sirap', 2 + 2 * hulu, 6 + 4 * hulu],
			['bambu', 0.3, 3],
			['jerami', 0.5 + pesisir, 11 + 6 * hulu + 4 * pesisir],
			['lainnya', 0.5, 2]
		]),
		water: mixer([
			['kemasan', 4, 0.5],
			['isi_ulang', 32 - 10 * hulu, 9 - 5 * hulu],
			['ledeng_meteran', 30 - 12 * hulu, 7 - 4 * hulu],
			['ledeng_eceran', 4, 5],
			['sumur_bor', 10, 8],
			['sumur_terlindung', 9, 14],
			['sumur_tak_terlindung', 3, 12 + 2 * hulu],
			['mata_air_terlindung', 1, 2],
			['mata_air_tak_terlindung', 0.5, 4 + 2 * hulu],
			['sungai', 2 + 8 * hulu + 2 * pesisir, 14 + 26 * hulu + 6 * pesisir],
			['hujan', 2 + 8 * pesisir, 6 + 14 * pesisir],
			['lainnya', 0.5, 1]
		]),
		light: mixer([
			['pln_meteran', 93 - 8 * hulu, 62 - 20 * hulu],
			['pln_tanpa_meteran', 5, 14],
			['non_pln', 1.5 + 3 * hulu, 16 + 22 * hulu],
			['tidak_ada', 0.5, 4 + 3 * hulu]
		]),
		fuel: mixer([
			['listrik', 2, 0.2],
			['lpg_besar', 6, 0.3],
			['lpg_3kg', 86 - 10 * hulu, 48 - 18 * hulu],
			['gas_kota', 0.5, 0],
			['minyak_tanah', 1, 5],
			['briket', 0, 0.3],
			['arang', 0.5, 1.5],
			['kayu_bakar', 4 + 8 * hulu, 42 + 22 * hulu],
			['tidak_memasak', 0.5, 1.5]
		]),
		toilet: mixer([
			['sendiri', 90, 50 - 12 * hulu],
			['bersama', 6, 14],
			['umum', 2, 8 + 6 * hulu],
			['tidak_ada', 2, 20 + 14 * hulu]
		]),
		closet: mixer([
			['leher_angsa', 92, 50],
			['plengsengan', 3, 12],
			['plengsengan_terbuka', 1, 10],
			['cemplung', 4, 28]
		]),
		disposal: mixer([
			['tangki', 78 - 10 * hulu, 30 - 12 * hulu],
			['spal', 3, 1],
			['lubang', 10, 22],
			['sungai', 6 + 10 * hulu + 4 * pesisir, 30 + 22 * hulu + 6 * pesisir],
			['tanah_lapang', 2, 10],
			['lainnya', 1, 2]
		]),
		land: mixer([
			['1', 92, 75],
			['3', 5, 18],
			['4', 3, 7]
		]),
		landProof: mixer([
			['1', 45, 12],
			['4', 12, 5],
			['5', 33, 48],
			['6', 10, 35]
		]),
		power: mixer([
			['1', 38, 78],
			['2', 42, 19],
			['3', 14, 2.5],
			['4', 4, 0.4],
			['5', 2, 0.1]
		])
	};
}

const TABLES = new Map<Zone, ReturnType<typeof buildTables>>();
function housingTables(zone: Zone): ReturnType<typeof buildTables> {
	let tables = TABLES.get(zone);
	if (!tables) {
		tables = buildTables(zone);
		TABLES.set(zone, tables);
	}
	return tables;
}

/**
 * Draws a house given its poverty score s (0 well off … 1 poorest) and zone. Hulu houses are wooden
 * stilt houses by the river more often; pesisir houses collect rain water more often. Any other zone
 * (Kukar's tengah, the single 'umum' zone of another regency) draws the neutral tables.
 */
export function drawHousing(rng: Rng, s: number, zone: Zone): Housing {
	const tables = housingTables(zone);
	const tenure = tables.tenure.draw(rng, s);
	const land =
		tenure === '1'
			? tables.land.draw(rng, s)
			: tenure === '2'
				? '2'
				: rng.weighted([
						['2', 70],
						['3', 20],
						['4', 10]
					]);
	const landProof = tenure === '1' ? tables.landProof.draw(rng, s) : '';
	const floor = tables.floor.draw(rng, s);
	const wall = tables.wall.draw(rng, s);
	const roof = tables.roof.draw(rng, s);
	const water = tables.water.draw(rng, s);
	const light = tables.light.draw(rng, s);
	const power = light === 'pln_meteran' ? tables.power.draw(rng, s) : '';
	const fuel = tables.fuel.draw(rng, s);
	const toilet = tables.toilet.draw(rng, s);
	const closet = tables.closet.draw(rng, s);
	const disposal = tables.disposal.draw(rng, s);
	const median = 15 - 8.5 * s;
	const areaPerPerson = median * Math.exp(0.45 * rng.normal());
	return {
		tenure,
		land,
		landProof,
		floor,
		wall,
		wallGood: rng.chance(0.88 - 0.4 * s),
		roof,
		roofGood: rng.chance(0.88 - 0.38 * s),
		areaPerPerson,
		water,
		light,
		power,
		fuel,
		toilet,
		closet,
		disposal
	};
}

const DESIL_RICH = [9, 12, 14, 14, 12, 11, 10, 8, 6, 4];
const DESIL_POOR = [31, 25, 18, 12, 6, 3.5, 2, 1.3, 0.8, 0.4];

/** National desil 1 … 10, skewed to 1–4 (a register of the poor) and more so for poorer households. */
export function drawDesil(rng: Rng, s: number): number {
	return 1 + rng.weightedIndex(DESIL_RICH.map((rich, i) => rich + ((DESIL_POOR[i] ?? 0) - rich) * s));
}

/**
 * Outcome of this year's field check. About three in four found, a tenth not yet checked (more in the
 * remote kecamatan that report late), the rest not found, deceased, moved or better off.
 */
export function drawVerval(rng: Rng, s: number, pending: number, singleElderly: boolean): VervalStatus {
	if (rng.chance(pending)) return '';
	return rng.weighted<VervalStatus>([
		['Ditemukan', 84],
		['Tidak Ditemukan', 5],
		['Meninggal', singleElderly ? 14 : 1.5],
		['Pindah', 4],
		['Mampu', 2 + 7 * (1 - s)]
	]);
}
