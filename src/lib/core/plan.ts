/**
 * The plan document: every setting that turns the register into figures and, from issue 6, into a
 * programme list. One versioned, JSON-serialisable object; the indicators (and later the allocation)
 * are a pure function of (register, plan). Defaults and their sources come from ../shared/DOMAIN.md §3.
 *
 * A plan file may be partial: what it leaves out takes the default, so `{"indicators": {"rtlh":
 * {"minFloorAreaPerPerson": 9}}}` is a whole plan. What it does say is checked, and a wrong value is
 * refused with a message naming the field, never silently replaced.
 */
import { FLOOR, ROOF, VERVAL, WALL, WATER, type Floor, type Roof, type Verval, type Wall, type Water } from './schema';

export const PLAN_FORMAT = 'tepat-plan';
export const PLAN_VERSION = 1;

export interface AgeRange {
	min: number;
	/** Null: no upper limit. */
	max: number | null;
}

export interface SchoolBands {
	/** Ages that should be at SD, SMP and SMA level (DOMAIN §3: 7–12, 13–15, 16–18). */
	sd: { min: number; max: number };
	smp: { min: number; max: number };
	sma: { min: number; max: number };
}

export interface HousingSettings {
	/** m² of floor per person below which a house is crowded (7.2 BPS/Permensos; 9 PUPR SPM/BSPS). */
	minFloorAreaPerPerson: number;
	/** Canonical values counted as durable (BPS layak); every other known value counts as not durable. */
	durableRoof: Roof[];
	durableWall: Wall[];
	durableFloor: Floor[];
	/** Count a roof or wall in 'poor' condition (BDT records it) as not durable. */
	poorConditionCounts: boolean;
}

export interface WaterSettings {
	/** Safe (layak) drinking-water sources. */
	safe: Water[];
	/** Bottled/refill: safe only if the bathing/washing source is improved, which no register records. */
	conditional: Water[];
}

export interface PaketSettings {
	/** Ages of Paket A/B/C candidates: past school age, no statutory cap (DOMAIN §3). */
	a: AgeRange;
	b: AgeRange;
	c: AgeRange;
}

export interface IndicatorSettings {
	school: SchoolBands;
	housing: HousingSettings;
	water: WaterSettings;
	paket: PaketSettings;
}

/** Whom the figures (and the programmes) count: valid verval records, desil within range. */
export interface Population {
	/** Households with a desil outside this range are left out; a household without desil (BDT) is kept. */
	desil: { min: number; max: number };
	/** Verval statuses that count as valid; a record without a status (source has none) is kept. */
	verval: Verval[];
}

export interface Plan {
	format: typeof PLAN_FORMAT;
	version: typeof PLAN_VERSION;
	name: string;
	population: Population;
	indicators: IndicatorSettings;
}

/** Where each default comes from, shown beside the value in the UI. */
export const DEFAULT_SOURCES = {
	'population.desil': 'DTSEN desil 1–4: sasaran program perlindungan sosial (Kemensos)',
	'population.verval': 'Hanya rekaman verval "ditemukan"',
	'indicators.school': 'Kelompok umur SD 7–12, SMP 13–15, SMA 16–18 (P3KE; Disdik)',
	'indicators.housing.minFloorAreaPerPerson':
		'7,2 m²/jiwa: BPS/RPJMN rumah layak huni, Permensos 20/2017; 9 m²/jiwa: Permen PUPR 29/2018 (SPM), BSPS',
	'indicators.housing.durable': 'Bahan atap, dinding dan lantai layak menurut BPS',
	'indicators.water': 'Sumber air minum layak (BPS/SDG); air kemasan/isi ulang bersyarat (Bappenas)',
	'indicators.paket': 'Lewat usia sekolah (19+); tanpa batas usia menurut PP 47/2008'
} as const;

export function defaultPlan(): Plan {
	return {
		format: PLAN_FORMAT,
		version: PLAN_VERSION,
		name: 'Rencana baru',
		population: { desil: { min: 1, max: 4 }, verval: ['found'] },
		indicators: {
			school: { sd: { min: 7, max: 12 }, smp: { min: 13, max: 15 }, sma: { min: 16, max: 18 } },
			housing: {
				minFloorAreaPerPerson: 7.2,
				durableRoof: ['concrete', 'tile', 'ceramic_tile', 'metal_tile', 'clay_tile', 'zinc', 'shingle'],
				durableWall: ['masonry', 'plastered_bamboo', 'wood'],
				durableFloor: FLOOR.filter((f) => f !== 'earth' && f !== 'bamboo' && f !== 'other'),
				poorConditionCounts: true
			},
			water: {
				safe: ['tap', 'tap_metered', 'tap_retail', 'bore_well', 'protected_well', 'protected_spring', 'rain'],
				conditional: ['bottled', 'refill']
			},
			paket: { a: { min: 19, max: null }, b: { min: 19, max: null }, c: { min: 19, max: null } }
		}
	};
}

/** The selectable crowding thresholds (any positive value is accepted from a file). */
export const FLOOR_AREA_CHOICES = [7.2, 8, 9] as const;

export class PlanFileError extends Error {
	constructor(
		message: string,
		readonly file: string,
		readonly field?: string
	) {
		super(message);
		this.name = 'PlanFileError';
	}
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one plan object field by field against the defaults, naming the first wrong field. */
class PlanReader {
	constructor(readonly file: string) {}

	fail(field: string, what: string): never {
		throw new PlanFileError(`Berkas rencana '${this.file}': ${field} ${what}.`, this.file, field);
	}

	object(value: Json, field: string): Record<string, Json> {
		if (!isObject(value)) this.fail(field, 'harus berupa objek');
		return value;
	}

	/** Fails on a key the plan does not have: a typo must not pass as "use the default". */
	known(value: Record<string, Json>, field: string, keys: readonly string[]): void {
		for (const key of Object.keys(value)) {
			if (!keys.includes(key)) this.fail(field ? `${field}.${key}` : key, 'tidak dikenal');
		}
	}

	number(value: Json, field: string, fallback: number, min: number, max: number): number {
		if (value === undefined) return fallback;
		if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, 'harus berupa angka');
		if (value < min || value > max) this.fail(field, `harus antara ${min} dan ${max} (tertulis ${value})`);
		return value;
	}

	integer(value: Json, field: string, fallback: number, min: number, max: number): number {
		const n = this.number(value, field, fallback, min, max);
		if (!Number.isInteger(n)) this.fail(field, `harus bilangan bulat (tertulis ${n})`);
		return n;
	}

	boolean(value: Json, field: string, fallback: boolean): boolean {
		if (value === undefined) return fallback;
		if (typeof value !== 'boolean') this.fail(field, 'harus true atau false');
		return value;
	}

	string(value: Json, field: string, fallback: string): string {
		if (value === undefined) return fallback;
		if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'harus berupa teks');
		return value;
	}

	values<T extends string>(value: Json, field: string, fallback: T[], allowed: readonly T[]): T[] {
		if (value === undefined) return [...fallback];
		if (!Array.isArray(value)) this.fail(field, 'harus berupa daftar');
		const out: T[] = [];
		for (const item of value) {
			if (typeof item !== 'string' || !(allowed as readonly string[]).includes(item)) {
				this.fail(field, `berisi nilai tidak dikenal ${JSON.stringify(item)} (boleh: ${allowed.join(', ')})`);
			}
			if (!out.includes(item as T)) out.push(item as T);
		}
		return out;
	}

	range(value: Json, field: string, fallback: { min: number; max: number }): { min: number; max: number } {
		if (value === undefined) return { ...fallback };
		const o = this.object(value, field);
		this.known(o, field, ['min', 'max']);
		const min = this.integer(o.min, `${field}.min`, fallback.min, 0, 130);
		const max = this.integer(o.max, `${field}.max`, fallback.max, 0, 130);
		if (max < min) this.fail(field, `min (${min}) lebih besar dari max (${max})`);
		return { min, max };
	}

	ageRange(value: Json, field: string, fallback: AgeRange): AgeRange {
		if (value === undefined) return { ...fallback };
		const o = this.object(value, field);
		this.known(o, field, ['min', 'max']);
		const min = this.integer(o.min, `${field}.min`, fallback.min, 0, 130);
		const max = o.max === null ? null : this.integer(o.max, `${field}.max`, fallback.max ?? 130, 0, 130);
		if (max !== null && max < min) this.fail(field, `min (${min}) lebih besar dari max (${max})`);
		return { min, max };
	}
}

function readIndicators(r: PlanReader, value: Json, d: IndicatorSettings): IndicatorSettings {
	if (value === undefined) return structuredClone(d);
	const o = r.object(value, 'indicators');
	r.known(o, 'indicators', ['school', 'housing', 'water', 'paket']);

	const school = o.school === undefined ? {} : r.object(o.school, 'indicators.school');
	r.known(school, 'indicators.school', ['sd', 'smp', 'sma']);
	const bands: SchoolBands = {
		sd: r.range(school.sd, 'indicators.school.sd', d.school.sd),
		smp: r.range(school.smp, 'indicators.school.smp', d.school.smp),
		sma: r.range(school.sma, 'indicators.school.sma', d.school.sma)
	};
	if (bands.sd.max >= bands.smp.min || bands.smp.max >= bands.sma.min) {
		r.fail('indicators.school', 'kelompok umur SD, SMP dan SMA harus berurutan dan tidak tumpang-tindih');
	}

	const housing = o.housing === undefined ? {} : r.object(o.housing, 'indicators.housing');
	r.known(housing, 'indicators.housing', [
		'minFloorAreaPerPerson',
		'durableRoof',
		'durableWall',
		'durableFloor',
		'poorConditionCounts'
	]);
	const water = o.water === undefined ? {} : r.object(o.water, 'indicators.water');
	r.known(water, 'indicators.water', ['safe', 'conditional']);
	const safe = r.values(water.safe, 'indicators.water.safe', d.water.safe, WATER);
	const conditional = r.values(water.conditional, 'indicators.water.conditional', d.water.conditional, WATER);
	const both = safe.filter((w) => conditional.includes(w));
	if (both.length > 0) r.fail('indicators.water', `sumber ${both.join(', ')} tidak boleh layak dan bersyarat sekaligus`);

	const paket = o.paket === undefined ? {} : r.object(o.paket, 'indicators.paket');
	r.known(paket, 'indicators.paket', ['a', 'b', 'c']);

	return {
		school: bands,
		housing: {
			minFloorAreaPerPerson: r.number(
				housing.minFloorAreaPerPerson,
				'indicators.housing.minFloorAreaPerPerson',
				d.housing.minFloorAreaPerPerson,
				0.5,
				100
			),
			durableRoof: r.values(housing.durableRoof, 'indicators.housing.durableRoof', d.housing.durableRoof, ROOF),
			durableWall: r.values(housing.durableWall, 'indicators.housing.durableWall', d.housing.durableWall, WALL),
			durableFloor: r.values(housing.durableFloor, 'indicators.housing.durableFloor', d.housing.durableFloor, FLOOR),
			poorConditionCounts: r.boolean(
				housing.poorConditionCounts,
				'indicators.housing.poorConditionCounts',
				d.housing.poorConditionCounts
			)
		},
		water: { safe, conditional },
		paket: {
			a: r.ageRange(paket.a, 'indicators.paket.a', d.paket.a),
			b: r.ageRange(paket.b, 'indicators.paket.b', d.paket.b),
			c: r.ageRange(paket.c, 'indicators.paket.c', d.paket.c)
		}
	};
}

/** Older plan versions brought up to PLAN_VERSION, one step at a time (none yet: version 1 is the first). */
function migrate(o: Record<string, Json>, r: PlanReader): Record<string, Json> {
	const version = o.version ?? PLAN_VERSION;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		r.fail('version', 'harus bilangan bulat ≥ 1');
	}
	if (version > PLAN_VERSION) {
		r.fail('version', `${version} lebih baru dari yang dikenal aplikasi ini (${PLAN_VERSION}); perbarui Tepat`);
	}
	return o;
}

/** A plan from any JSON value (a file's content or a stored copy); throws PlanFileError naming the field. */
export function planOf(value: Json, file: string): Plan {
	const r = new PlanReader(file);
	const raw = r.object(value, 'rencana');
	if (raw.format !== undefined && raw.format !== PLAN_FORMAT) {
		r.fail('format', `harus "${PLAN_FORMAT}" (tertulis ${JSON.stringify(raw.format)}); ini bukan berkas rencana Tepat`);
	}
	const o = migrate(raw, r);
	r.known(o, '', ['format', 'version', 'name', 'population', 'indicators']);
	const d = defaultPlan();
	const population = o.population === undefined ? {} : r.object(o.population, 'population');
	r.known(population, 'population', ['desil', 'verval']);
	const verval = r.values(population.verval, 'population.verval', d.population.verval, VERVAL);
	if (verval.length === 0) r.fail('population.verval', 'tidak boleh kosong');
	return {
		format: PLAN_FORMAT,
		version: PLAN_VERSION,
		name: r.string(o.name, 'name', d.name),
		population: {
			desil: (() => {
				const range = r.range(population.desil, 'population.desil', d.population.desil);
				if (range.min < 1 || range.max > 10) r.fail('population.desil', 'harus di dalam 1–10');
				return range;
			})(),
			verval
		},
		indicators: readIndicators(r, o.indicators, d.indicators)
	};
}

/** A plan from a file's text. */
export function parsePlan(text: string, file: string): Plan {
	let value: Json;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new PlanFileError(
			`Berkas rencana '${file}' bukan JSON yang sah: ${error instanceof Error ? error.message : String(error)}.`,
			file
		);
	}
	return planOf(value, file);
}

/** The file text of a plan (stable key order, so saving twice gives the same bytes). */
export function serialisePlan(plan: Plan): string {
	return `${JSON.stringify(plan, null, 2)}\n`;
}
