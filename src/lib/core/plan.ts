/**
 * The plan document: every setting that turns the register into figures and, from issue 6, into a
 * programme list. One versioned, JSON-serialisable object; the indicators (and later the allocation)
 * are a pure function of (register, plan). Defaults and their sources come from ../shared/DOMAIN.md §3.
 *
 * A plan file may be partial: what it leaves out takes the default, so `{"indicators": {"rtlh":
 * {"minFloorAreaPerPerson": 9}}}` is a whole plan. What it does say is checked, and a wrong value is
 * refused with a message naming the field, never silently replaced.
 */
import { CodedError, coded, type CodedMessage } from './messages';
import type { PlanFileMessages, PlanReasons } from './messages/plan';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './partner/suppression';
import { BAST_FIELDS, checkBast, repeatedBastNumber, type BastInput, type BastRecord } from './partner/bast-record';
import type { Zone } from './reference';
import { FLOOR, ROOF, VERVAL, WALL, WATER, type Floor, type Roof, type Verval, type Wall, type Water } from './schema';

export const PLAN_FORMAT = 'tepat-plan';
/**
 * 2 added programmes, unit costs, zone multipliers, funding lines, the village cap and overrides;
 * 3 the rules for records lacking a value (population.missing, programmes.*.missingOwnership);
 * 4 the printed BNBA's letterhead, place, signatories and year (`print`, optional).
 */
export const PLAN_VERSION = 7;

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

/**
 * What a filter or requirement does with a record that has no value in a column the register has:
 * count it as passing, or leave it out. A column the register does not have never filters anyone.
 */
export const MISSING_RULES = ['counted', 'excluded'] as const;
export type MissingRule = (typeof MISSING_RULES)[number];

/** Whom the figures (and the programmes) count: valid verval records, desil within range. */
export interface Population {
	/** Households with a desil outside this range are left out (a register without desil: no filter). */
	desil: { min: number; max: number };
	/** Verval statuses that count as valid (a register without a verval column: no filter). */
	verval: Verval[];
	/** Records without a desil or a verval status where the register has the column. */
	missing: { desil: MissingRule; verval: MissingRule };
}

export const PROGRAMME_IDS = ['pip', 'paket', 'bsps', 'rtlh', 'water'] as const;
export type ProgrammeId = (typeof PROGRAMME_IDS)[number];
/** Housing programmes, in the order they draw: a household funded by one is not a candidate of the next. */
export const HOUSING_PROGRAMMES = ['bsps', 'rtlh'] as const satisfies readonly ProgrammeId[];

export interface Programmes {
	/** Scholarships for school-age children (in school, and out of school to bring back), by level. */
	pip: {
		enabled: boolean;
		/** Rupiah per pupil per year. */
		unitCost: { sd: number; smp: number; sma: number };
		/** New pupils (first class, or coming back) and final-year pupils get half. */
		halfForNewAndFinal: boolean;
		/** Children in school are candidates too, not only out-of-school ones. */
		includeInSchool: boolean;
	};
	/** Equivalency diplomas for the Paket candidates of the indicators, by package. */
	paket: { enabled: boolean; unitCost: { a: number; b: number; c: number } };
	/** National house renovation grant (APBN), per house. */
	bsps: HousingProgramme;
	/** Regional renovation (APBD Kukar, CSR), per house. */
	rtlh: HousingProgramme;
	/** Clean-water house connection, per household without a safe source. */
	water: { enabled: boolean; unitCost: number; includeConditional: boolean };
}

export interface HousingProgramme {
	enabled: boolean;
	unitCost: number;
	requireLandOwnership: boolean;
	requireHouseOwnership: boolean;
	/** A household without a land or house ownership value, where the register has the column. */
	missingOwnership: MissingRule;
}

export type FundingKind = 'APBD' | 'APBN' | 'CSR' | 'other';

export interface FundingLine {
	/** Short id written into every allocated row (letters, digits, '-' and '_'). */
	id: string;
	name: string;
	kind: FundingKind;
	/** Rupiah this line gives each programme; a programme it leaves out gets nothing from it. */
	budgets: Partial<Record<ProgrammeId, number>>;
	/** Units this line funds per programme, whatever they cost (a pledge in units); never beside a Rupiah budget for the same programme. */
	units?: Partial<Record<ProgrammeId, number>>;
	/** The only villages (kode desa) this line funds; absent: every village. */
	villages?: string[];
	/** The partner's pledge this line was imported from (issue 16); absent for lines typed into the plan. */
	pledge?: PledgeSource;
}

/**
 * A line with units or villages is targeted: it draws after every untargeted line, from the units
 * those left unfunded (a pledge is drawn after APBD/APBN), in the plan's order among targeted lines.
 */
export function isTargetedLine(line: FundingLine): boolean {
	return line.villages !== undefined || (line.units !== undefined && Object.keys(line.units).length > 0);
}

/** Where a CSR line came from: one pledge of a partner's pledge file. */
export interface PledgeSource {
	/** The pledge's id within its file. */
	id: string;
	firm: string;
	contact: string;
	/** The budget year pledged for. */
	year: number;
	/** Checksum of the partner pack the firm pledged against; null when the file names none. */
	pack: string | null;
	/** What that pack showed of this programme in the pledge's villages; null where a village's figure was hidden. */
	seen: { units: number | null; rupiah: number | null };
	/** The pledge's villages whose figure the pack hid (a pledge made without seeing the count). */
	unseen: string[];
}

/** What the partner pack publishes (issue 16). */
export interface PartnerSettings {
	/** Counts from 1 to threshold − 1 are suppressed in the pack, with their complements. */
	threshold: number;
}

export interface Override {
	programme: ProgrammeId;
	/** household_id for housing and water, person_id for PIP and Paket. */
	unitId: string;
	action: 'include' | 'exclude';
	/** Required: every manual change says why. */
	reason: string;
}

/** Priority keys, in the order the plan gives them; the unit id always breaks the last tie. */
export const PRIORITY_KEYS = ['desil', 'vulnerability', 'members', 'deprivations'] as const;
export type PriorityKeyId = (typeof PRIORITY_KEYS)[number];

export interface Plan {
	format: typeof PLAN_FORMAT;
	version: typeof PLAN_VERSION;
	name: string;
	/** The plan's date (YYYY-MM-DD), printed on every export; null until first saved or edited. */
	date: string | null;
	population: Population;
	indicators: IndicatorSettings;
	programmes: Programmes;
	/** Cost multiplier by planning zone (reaching the coast or upriver costs more); a zone not listed costs 1×. */
	zoneCostMultiplier: Record<Zone, number>;
	/**
	 * Kecamatan placed in another zone than the reference gives them (Kukar: Disperkim's hulu/tengah/pesisir;
	 * any other regency: one zone), by kecamatan code.
	 */
	kecamatanZones: Record<string, Zone>;
	/** Drawn in this order. */
	fundingLines: FundingLine[];
	/**
	 * Queue order: desil (poorest first), vulnerability (children, elderly, disability, female head),
	 * household members, deprivations (unfit house, unsafe water, a child out of school, a Paket
	 * candidate); each key may be left out or moved.
	 */
	priority: PriorityKeyId[];
	/** At most this many units of a programme per village; null: no cap. */
	villageCap: number | null;
	/**
	 * Each village gets at most its share, in proportion to its need (candidates), of the units the
	 * budget would fund without quotas; what a village cannot use goes to the next in line.
	 */
	villageQuota: boolean;
	overrides: Override[];
	partner: PartnerSettings;
	/**
	 * What the printed BNBA carries besides the list (issue 15 point 2): letterhead, place, signatories.
	 * Absent until the user sets it: the print then builds a default from the register's regency. Never
	 * read by SQL, so editing it changes no allocation (plan-parts.ts leaves it out).
	 */
	print?: PrintSettings;
	/**
	 * The handover records (BAST) of the by-name lists sent to partners for their pledges (issue 16
	 * point 4), in the order made; absent until the first. Kept in the plan so the log travels with the
	 * plan file and is read back with it; never read by SQL (plan-parts.ts leaves it out).
	 */
	handovers?: BastRecord[];
}

/** One signature on the printed BNBA, left to right. */
export interface Signatory {
	/** 'Kepala Dinas Sosial Kabupaten …'; required. */
	position: string;
	/** The official's name; '' leaves a line to write it on. */
	name: string;
	/** Nomor Induk Pegawai: 18 digits (spaces kept as typed), or null for none. */
	nip: string | null;
}

export interface PrintSettings {
	/** Letterhead lines, top to bottom ('PEMERINTAH KABUPATEN …', 'DINAS SOSIAL', the address); [] for none (pre-printed paper). */
	letterhead: string[];
	/** Where the list is signed; '' leaves a blank to fill in by hand. */
	place: string;
	signatories: Signatory[];
	/** The budget year in the title; null: the year after the plan's date (a plan is made for next year). */
	year: number | null;
}

/**
 * A value as a refusal quotes it: a scalar as JSON, cut to 60 characters; a list or an object by its
 * kind only (a hostile one may be nested 100,000 deep, past what JSON.stringify can recurse).
 */
function shown(value: Json): string {
	if (Array.isArray(value)) return '[…]';
	if (value !== null && typeof value === 'object') return '{…}';
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Longest name (the plan's, a funding line's, an override's unit id) a plan file may hold. */
export const PLAN_TEXT = 200;
/** Largest plan file read: 50,000 overrides and 10,000 handover records fit several times over. */
export const MAX_PLAN_BYTES = 32 * 1024 * 1024;

/** A real day of the calendar written YYYY-MM-DD (2026-02-31 is not one, though Date.parse takes it). */
export function isCalendarDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (match === null) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Limits of the print settings: a letterhead and a signature block fit the top and bottom of an A4 page. */
export const PRINT_LIMITS = {
	letterheadLines: 6,
	letterheadLine: 120,
	place: 60,
	signatories: 4,
	position: 120,
	name: 80
} as const;

/**
 * The defaults whose source the plan forms show beside the value: a code per source, worded at the edge
 * (messages `plan_source_*`, words/plan-sources.ts).
 */
export const DEFAULT_SOURCES = [
	'population.desil',
	'population.verval',
	'population.missing',
	'programmes.missingOwnership',
	'indicators.school',
	'indicators.housing.minFloorAreaPerPerson',
	'indicators.housing.durable',
	'indicators.water',
	'indicators.paket',
	'programmes.pip.unitCost',
	'programmes.paket.unitCost',
	'programmes.bsps.unitCost',
	'programmes.rtlh.unitCost',
	'programmes.water.unitCost',
	'zoneCostMultiplier',
	'fundingLines',
	'priority'
] as const;
export type DefaultSource = (typeof DEFAULT_SOURCES)[number];

export function defaultPlan(): Plan {
	return {
		format: PLAN_FORMAT,
		version: PLAN_VERSION,
		name: 'Rencana baru',
		date: null,
		population: { desil: { min: 1, max: 4 }, verval: ['found'], missing: { desil: 'excluded', verval: 'counted' } },
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
		},
		programmes: {
			pip: { enabled: true, unitCost: { sd: 450_000, smp: 750_000, sma: 1_800_000 }, halfForNewAndFinal: true, includeInSchool: true },
			paket: { enabled: true, unitCost: { a: 450_000, b: 750_000, c: 1_800_000 } },
			bsps: { enabled: true, unitCost: 20_000_000, requireLandOwnership: true, requireHouseOwnership: true, missingOwnership: 'counted' },
			rtlh: { enabled: true, unitCost: 50_000_000, requireLandOwnership: false, requireHouseOwnership: true, missingOwnership: 'counted' },
			water: { enabled: true, unitCost: 2_500_000, includeConditional: false }
		},
		zoneCostMultiplier: { hulu: 1, tengah: 1, pesisir: 1 },
		kecamatanZones: {},
		fundingLines: [
			{ id: 'apbd', name: 'APBD Kutai Kartanegara', kind: 'APBD', budgets: { rtlh: 5_000_000_000 } },
			{ id: 'apbn', name: 'APBN', kind: 'APBN', budgets: {} },
			{ id: 'csr', name: 'CSR (Forum TJSP)', kind: 'CSR', budgets: {} }
		],
		priority: [...PRIORITY_KEYS],
		villageCap: null,
		villageQuota: false,
		overrides: [],
		partner: { threshold: DEFAULT_SUPPRESSION_THRESHOLD }
	};
}

/** The selectable crowding thresholds (any positive value is accepted from a file). */
export const FLOOR_AREA_CHOICES = [7.2, 8, 9] as const;

/** A plan file (or an edit) refused: which file and field, and why as a code (words/plan.ts words it). */
export class PlanFileError extends CodedError {
	declare readonly said: CodedMessage<keyof PlanFileMessages>;

	constructor(
		said: CodedMessage<keyof PlanFileMessages>,
		readonly file: string,
		readonly field?: string
	) {
		super(said);
		this.name = 'PlanFileError';
	}
}

type Reason = CodedMessage<keyof PlanReasons>;
const noParams = {};

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one plan object field by field against the defaults, naming the first wrong field. */
class PlanReader {
	constructor(readonly file: string) {}

	fail(field: string, reason: Reason): never {
		throw new PlanFileError(coded('plan.field_refused', { file: this.file, field, reason }), this.file, field);
	}

	object(value: Json, field: string): Record<string, Json> {
		if (!isObject(value)) this.fail(field, coded('plan.not_object', noParams));
		return value;
	}

	/** Fails on a key the plan does not have: a typo must not pass as "use the default". */
	known(value: Record<string, Json>, field: string, keys: readonly string[]): void {
		for (const key of Object.keys(value)) {
			if (!keys.includes(key)) this.fail(field ? `${field}.${key}` : key, coded('plan.unknown_key', noParams));
		}
	}

	number(value: Json, field: string, fallback: number, min: number, max: number): number {
		if (value === undefined) return fallback;
		if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, coded('plan.not_number', noParams));
		if (value < min || value > max)
			this.fail(field, coded('plan.out_of_range', { min: String(min), max: String(max), value: String(value) }));
		return value;
	}

	integer(value: Json, field: string, fallback: number, min: number, max: number): number {
		const n = this.number(value, field, fallback, min, max);
		if (!Number.isInteger(n)) this.fail(field, coded('plan.not_integer', { value: String(n) }));
		return n;
	}

	boolean(value: Json, field: string, fallback: boolean): boolean {
		if (value === undefined) return fallback;
		if (typeof value !== 'boolean') this.fail(field, coded('plan.not_boolean', noParams));
		return value;
	}

	/** Non-blank text of at most `max` characters (a name prints on one line of every export). */
	string(value: Json, field: string, fallback: string, max = PLAN_TEXT): string {
		if (value === undefined) return fallback;
		if (typeof value !== 'string' || value.trim() === '') this.fail(field, coded('plan.not_text', noParams));
		const length = [...value].length;
		if (length > max) this.fail(field, coded('plan.text_too_long', { max: String(max), length: String(length) }));
		return value;
	}

	values<T extends string>(value: Json, field: string, fallback: T[], allowed: readonly T[]): T[] {
		if (value === undefined) return [...fallback];
		if (!Array.isArray(value)) this.fail(field, coded('plan.not_list', noParams));
		const out: T[] = [];
		for (const item of value) {
			if (typeof item !== 'string' || !(allowed as readonly string[]).includes(item)) {
				this.fail(field, coded('plan.unknown_value', { value: shown(item), allowed: allowed.join(', ') }));
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
		if (max < min) this.fail(field, coded('plan.min_above_max', { min: String(min), max: String(max) }));
		return { min, max };
	}

	ageRange(value: Json, field: string, fallback: AgeRange): AgeRange {
		if (value === undefined) return { ...fallback };
		const o = this.object(value, field);
		this.known(o, field, ['min', 'max']);
		const min = this.integer(o.min, `${field}.min`, fallback.min, 0, 130);
		const max = o.max === null ? null : this.integer(o.max, `${field}.max`, fallback.max ?? 130, 0, 130);
		if (max !== null && max < min) this.fail(field, coded('plan.min_above_max', { min: String(min), max: String(max) }));
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
		r.fail('indicators.school', coded('plan.school_ranges', noParams));
	}

	const housing = o.housing === undefined ? {} : r.object(o.housing, 'indicators.housing');
	r.known(housing, 'indicators.housing', ['minFloorAreaPerPerson', 'durableRoof', 'durableWall', 'durableFloor', 'poorConditionCounts']);
	const water = o.water === undefined ? {} : r.object(o.water, 'indicators.water');
	r.known(water, 'indicators.water', ['safe', 'conditional']);
	const safe = r.values(water.safe, 'indicators.water.safe', d.water.safe, WATER);
	const conditional = r.values(water.conditional, 'indicators.water.conditional', d.water.conditional, WATER);
	const both = safe.filter((w) => conditional.includes(w));
	if (both.length > 0) r.fail('indicators.water', coded('plan.water_both', { sources: both.join(', ') }));

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
			poorConditionCounts: r.boolean(housing.poorConditionCounts, 'indicators.housing.poorConditionCounts', d.housing.poorConditionCounts)
		},
		water: { safe, conditional },
		paket: {
			a: r.ageRange(paket.a, 'indicators.paket.a', d.paket.a),
			b: r.ageRange(paket.b, 'indicators.paket.b', d.paket.b),
			c: r.ageRange(paket.c, 'indicators.paket.c', d.paket.c)
		}
	};
}

const MAX_RUPIAH = 1e15;

function rupiah(r: PlanReader, value: Json, field: string, fallback: number): number {
	const n = r.number(value, field, fallback, 0, MAX_RUPIAH);
	if (!Number.isInteger(n)) r.fail(field, coded('plan.not_rupiah', { value: String(n) }));
	return n;
}

function missingRule(r: PlanReader, value: Json, field: string, fallback: MissingRule): MissingRule {
	if (value === undefined) return fallback;
	if (typeof value !== 'string' || !(MISSING_RULES as readonly string[]).includes(value)) {
		r.fail(field, coded('plan.not_one_of', { allowed: MISSING_RULES.join(', ') }));
	}
	return value as MissingRule;
}

function readHousing(r: PlanReader, value: Json, field: string, d: HousingProgramme): HousingProgramme {
	const o = value === undefined ? {} : r.object(value, field);
	r.known(o, field, ['enabled', 'unitCost', 'requireLandOwnership', 'requireHouseOwnership', 'missingOwnership']);
	return {
		enabled: r.boolean(o.enabled, `${field}.enabled`, d.enabled),
		unitCost: rupiah(r, o.unitCost, `${field}.unitCost`, d.unitCost),
		requireLandOwnership: r.boolean(o.requireLandOwnership, `${field}.requireLandOwnership`, d.requireLandOwnership),
		requireHouseOwnership: r.boolean(o.requireHouseOwnership, `${field}.requireHouseOwnership`, d.requireHouseOwnership),
		missingOwnership: missingRule(r, o.missingOwnership, `${field}.missingOwnership`, d.missingOwnership)
	};
}

function readProgrammes(r: PlanReader, value: Json, d: Programmes): Programmes {
	const o = value === undefined ? {} : r.object(value, 'programmes');
	r.known(o, 'programmes', PROGRAMME_IDS);
	const pip = o.pip === undefined ? {} : r.object(o.pip, 'programmes.pip');
	r.known(pip, 'programmes.pip', ['enabled', 'unitCost', 'halfForNewAndFinal', 'includeInSchool']);
	const pipCost = pip.unitCost === undefined ? {} : r.object(pip.unitCost, 'programmes.pip.unitCost');
	r.known(pipCost, 'programmes.pip.unitCost', ['sd', 'smp', 'sma']);
	const paket = o.paket === undefined ? {} : r.object(o.paket, 'programmes.paket');
	r.known(paket, 'programmes.paket', ['enabled', 'unitCost']);
	const paketCost = paket.unitCost === undefined ? {} : r.object(paket.unitCost, 'programmes.paket.unitCost');
	r.known(paketCost, 'programmes.paket.unitCost', ['a', 'b', 'c']);
	const water = o.water === undefined ? {} : r.object(o.water, 'programmes.water');
	r.known(water, 'programmes.water', ['enabled', 'unitCost', 'includeConditional']);
	return {
		pip: {
			enabled: r.boolean(pip.enabled, 'programmes.pip.enabled', d.pip.enabled),
			unitCost: {
				sd: rupiah(r, pipCost.sd, 'programmes.pip.unitCost.sd', d.pip.unitCost.sd),
				smp: rupiah(r, pipCost.smp, 'programmes.pip.unitCost.smp', d.pip.unitCost.smp),
				sma: rupiah(r, pipCost.sma, 'programmes.pip.unitCost.sma', d.pip.unitCost.sma)
			},
			halfForNewAndFinal: r.boolean(pip.halfForNewAndFinal, 'programmes.pip.halfForNewAndFinal', d.pip.halfForNewAndFinal),
			includeInSchool: r.boolean(pip.includeInSchool, 'programmes.pip.includeInSchool', d.pip.includeInSchool)
		},
		paket: {
			enabled: r.boolean(paket.enabled, 'programmes.paket.enabled', d.paket.enabled),
			unitCost: {
				a: rupiah(r, paketCost.a, 'programmes.paket.unitCost.a', d.paket.unitCost.a),
				b: rupiah(r, paketCost.b, 'programmes.paket.unitCost.b', d.paket.unitCost.b),
				c: rupiah(r, paketCost.c, 'programmes.paket.unitCost.c', d.paket.unitCost.c)
			}
		},
		bsps: readHousing(r, o.bsps, 'programmes.bsps', d.bsps),
		rtlh: readHousing(r, o.rtlh, 'programmes.rtlh', d.rtlh),
		water: {
			enabled: r.boolean(water.enabled, 'programmes.water.enabled', d.water.enabled),
			unitCost: rupiah(r, water.unitCost, 'programmes.water.unitCost', d.water.unitCost),
			includeConditional: r.boolean(water.includeConditional, 'programmes.water.includeConditional', d.water.includeConditional)
		}
	};
}

const ZONE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u;

function zoneName(r: PlanReader, value: Json, field: string): Zone {
	if (typeof value !== 'string' || !ZONE_NAME.test(value)) r.fail(field, coded('plan.zone_name', noParams));
	return value;
}

function readZoneMultipliers(r: PlanReader, value: Json, d: Record<Zone, number>): Record<Zone, number> {
	if (value === undefined) return { ...d };
	const z = r.object(value, 'zoneCostMultiplier');
	const out: Record<Zone, number> = { ...d };
	for (const [zone, multiplier] of Object.entries(z)) {
		zoneName(r, zone, `zoneCostMultiplier.${zone}`);
		out[zone] = r.number(multiplier, `zoneCostMultiplier.${zone}`, 1, 0.1, 10);
	}
	return out;
}

function readKecamatanZones(r: PlanReader, value: Json): Record<string, Zone> {
	if (value === undefined) return {};
	const z = r.object(value, 'kecamatanZones');
	const out: Record<string, Zone> = {};
	for (const [kode, zone] of Object.entries(z)) {
		if (!/^\d{2}\.\d{2}\.\d{2}$/.test(kode)) r.fail(`kecamatanZones.${kode}`, coded('plan.kecamatan_code', noParams));
		out[kode] = zoneName(r, zone, `kecamatanZones.${kode}`);
	}
	return out;
}

/** The zone of a kecamatan under the plan: its assignment in the plan, else the reference's. */
export function kecamatanZone(plan: Plan, kecamatan: { kode: string; zona: Zone }): Zone {
	return plan.kecamatanZones[kecamatan.kode] ?? kecamatan.zona;
}

/** The cost multiplier of a zone (1 for a zone the plan does not list). */
export function zoneMultiplier(plan: Plan, zone: Zone): number {
	return plan.zoneCostMultiplier[zone] ?? 1;
}
const FUNDING_KINDS: readonly FundingKind[] = ['APBD', 'APBN', 'CSR', 'other'];

/** A village code as the reference writes it (kode desa, Kemendagri): 64.02.06.2001. */
export const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
/** Bounds that keep one line's statement short (issue 18: limits checked before the work). */
const MAX_LINE_VILLAGES = 5_000;
const MAX_UNITS = 10_000_000;

function readVillages(r: PlanReader, value: Json, field: string, mayBeEmpty = false): string[] {
	if (!Array.isArray(value)) r.fail(field, coded('plan.not_list', noParams));
	if (value.length === 0 && !mayBeEmpty) r.fail(field, coded('plan.empty', noParams));
	if (value.length > MAX_LINE_VILLAGES)
		r.fail(field, coded('plan.too_many', { max: String(MAX_LINE_VILLAGES), count: String(value.length) }));
	const out = new Set<string>();
	value.forEach((kode: Json, i: number) => {
		if (typeof kode !== 'string' || !VILLAGE_CODE.test(kode)) r.fail(`${field}[${i}]`, coded('plan.village_code', noParams));
		out.add(kode);
	});
	return [...out].sort();
}

function readPledge(r: PlanReader, value: Json, field: string): PledgeSource {
	const o = r.object(value, field);
	r.known(o, field, ['id', 'firm', 'contact', 'year', 'pack', 'seen', 'unseen']);
	const seen = o.seen === undefined ? {} : r.object(o.seen, `${field}.seen`);
	r.known(seen, `${field}.seen`, ['units', 'rupiah']);
	const seenCount = (value: Json, f: string) => (value === undefined || value === null ? null : r.integer(value, f, 0, 0, MAX_RUPIAH));
	return {
		id: printText(r, o.id, `${field}.id`, 40, true),
		firm: printText(r, o.firm, `${field}.firm`, PLEDGE_TEXT, true),
		contact: printText(r, o.contact, `${field}.contact`, PLEDGE_TEXT, false),
		year: r.integer(o.year, `${field}.year`, 0, 2000, 2100),
		pack: o.pack === undefined || o.pack === null ? null : printText(r, o.pack, `${field}.pack`, 128, true),
		seen: { units: seenCount(seen.units, `${field}.seen.units`), rupiah: seenCount(seen.rupiah, `${field}.seen.rupiah`) },
		unseen: o.unseen === undefined ? [] : readVillages(r, o.unseen, `${field}.unseen`, true)
	};
}

/**
 * Limits checked before any work (issue 18): every funding line is a step of each programme's
 * allocation, so 200 lines (far more than a regency's budget sources and partners' pledges) keep an
 * allocation of the bundled sample within seconds; 10,000 lines ran for minutes.
 */
export const MAX_FUNDING_LINES = 200;
/** Households or people set by hand: more than a planner reviews one by one. */
export const MAX_OVERRIDES = 50_000;

/** Longest firm name or contact a pledge carries (one printed line). */
export const PLEDGE_TEXT = 120;

function readFundingLines(r: PlanReader, value: Json, d: FundingLine[]): FundingLine[] {
	if (value === undefined) return structuredClone(d);
	if (!Array.isArray(value)) r.fail('fundingLines', coded('plan.not_list', noParams));
	if (value.length > MAX_FUNDING_LINES) {
		r.fail('fundingLines', coded('plan.too_many', { max: String(MAX_FUNDING_LINES), count: String(value.length) }));
	}
	const ids = new Set<string>();
	return value.map((item: Json, i: number) => {
		const field = `fundingLines[${i}]`;
		const o = r.object(item, field);
		r.known(o, field, ['id', 'name', 'kind', 'budgets', 'units', 'villages', 'pledge']);
		const id = r.string(o.id, `${field}.id`, '');
		if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) r.fail(`${field}.id`, coded('plan.funding_id', noParams));
		if (ids.has(id)) r.fail(`${field}.id`, coded('plan.funding_id_taken', { id }));
		ids.add(id);
		const kind = o.kind ?? 'other';
		if (typeof kind !== 'string' || !(FUNDING_KINDS as readonly string[]).includes(kind)) {
			r.fail(`${field}.kind`, coded('plan.not_one_of', { allowed: FUNDING_KINDS.join(', ') }));
		}
		const budgetsIn = o.budgets === undefined ? {} : r.object(o.budgets, `${field}.budgets`);
		r.known(budgetsIn, `${field}.budgets`, PROGRAMME_IDS);
		const budgets: Partial<Record<ProgrammeId, number>> = {};
		for (const p of PROGRAMME_IDS) {
			if (budgetsIn[p] !== undefined) budgets[p] = rupiah(r, budgetsIn[p], `${field}.budgets.${p}`, 0);
		}
		const line: FundingLine = { id, name: r.string(o.name, `${field}.name`, id), kind: kind as FundingKind, budgets };
		if (o.units !== undefined) {
			const unitsIn = r.object(o.units, `${field}.units`);
			r.known(unitsIn, `${field}.units`, PROGRAMME_IDS);
			const units: Partial<Record<ProgrammeId, number>> = {};
			for (const p of PROGRAMME_IDS) {
				if (unitsIn[p] === undefined) continue;
				if (budgets[p] !== undefined) r.fail(`${field}.units.${p}`, coded('plan.units_and_budget', { programme: p }));
				units[p] = r.integer(unitsIn[p], `${field}.units.${p}`, 0, 0, MAX_UNITS);
			}
			line.units = units;
		}
		if (o.villages !== undefined) line.villages = readVillages(r, o.villages, `${field}.villages`);
		if (o.pledge !== undefined) line.pledge = readPledge(r, o.pledge, `${field}.pledge`);
		return line;
	});
}

function readPartner(r: PlanReader, value: Json, d: PartnerSettings): PartnerSettings {
	if (value === undefined) return { ...d };
	const o = r.object(value, 'partner');
	r.known(o, 'partner', ['threshold']);
	// Below 2 nothing would be suppressed; above 100 almost every village would be.
	return { threshold: r.integer(o.threshold, 'partner.threshold', d.threshold, 2, 100) };
}

/** At most this many handover records in one plan: years of pledges, far below any file limit. */
const MAX_HANDOVERS = 10_000;

function readHandovers(r: PlanReader, value: Json): BastRecord[] {
	if (!Array.isArray(value)) r.fail('handovers', coded('plan.not_list', noParams));
	if (value.length > MAX_HANDOVERS) {
		r.fail('handovers', coded('plan.too_many', { max: String(MAX_HANDOVERS), count: String(value.length) }));
	}
	const records = value.map((item: Json, i: number): BastRecord => {
		const field = `handovers[${i}]`;
		const o = r.object(item, field);
		r.known(o, field, BAST_FIELDS);
		const checked = checkBast(o as unknown as BastInput);
		if (!checked.ok) r.fail(`${field}.${checked.problem.field}`, coded('plan.bast', { reason: checked.problem.reason }));
		return checked.record;
	});
	const repeated = repeatedBastNumber(records);
	if (repeated !== null) r.fail('handovers', coded('plan.bast_number_taken', { number: repeated }));
	return records;
}

function readOverrides(r: PlanReader, value: Json): Override[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) r.fail('overrides', coded('plan.not_list', noParams));
	if (value.length > MAX_OVERRIDES)
		r.fail('overrides', coded('plan.too_many', { max: String(MAX_OVERRIDES), count: String(value.length) }));
	const seen = new Set<string>();
	return value.map((item: Json, i: number) => {
		const field = `overrides[${i}]`;
		const o = r.object(item, field);
		r.known(o, field, ['programme', 'unitId', 'action', 'reason']);
		const programme = o.programme;
		if (typeof programme !== 'string' || !(PROGRAMME_IDS as readonly string[]).includes(programme)) {
			r.fail(`${field}.programme`, coded('plan.not_one_of', { allowed: PROGRAMME_IDS.join(', ') }));
		}
		const unitId = r.string(o.unitId, `${field}.unitId`, '');
		if (o.action !== 'include' && o.action !== 'exclude') r.fail(`${field}.action`, coded('plan.include_or_exclude', noParams));
		const reason = typeof o.reason === 'string' ? o.reason.trim() : '';
		if (reason === '') r.fail(`${field}.reason`, coded('plan.reason_required', noParams));
		const key = `${programme}\u0000${unitId}`;
		if (seen.has(key)) r.fail(field, coded('plan.override_taken', { programme, unit: unitId }));
		seen.add(key);
		return { programme: programme as ProgrammeId, unitId, action: o.action, reason };
	});
}

/** Digits of a NIP as typed ('19700101 199003 1 002'): 18, spaces allowed between them. */
const NIP = /^\d[\d ]*\d$/;
const NIP_DIGITS = 18;

/** One line of print text, trimmed: a string of at most `max` characters without line breaks or control characters. */
function printText(r: PlanReader, value: Json, field: string, max: number, required: boolean): string {
	if (value === undefined || value === null) {
		if (required) r.fail(field, coded('plan.empty', noParams));
		return '';
	}
	if (typeof value !== 'string') r.fail(field, coded('plan.not_text', noParams));
	const text = value.trim();
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(text)) r.fail(field, coded('plan.one_line', noParams));
	const length = [...text].length;
	if (length > max) r.fail(field, coded('plan.text_too_long', { max: String(max), length: String(length) }));
	if (required && text === '') r.fail(field, coded('plan.empty', noParams));
	return text;
}

function printList(r: PlanReader, value: Json, field: string, max: number): Json[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) r.fail(field, coded('plan.not_list', noParams));
	if (value.length > max) r.fail(field, coded('plan.too_many', { max: String(max), count: String(value.length) }));
	return value;
}

function readSignatory(r: PlanReader, value: Json, field: string): Signatory {
	const o = r.object(value, field);
	r.known(o, field, ['position', 'name', 'nip']);
	const nipText = printText(r, o.nip, `${field}.nip`, 40, false);
	if (nipText !== '' && (!NIP.test(nipText) || nipText.replace(/ /g, '').length !== NIP_DIGITS)) {
		r.fail(`${field}.nip`, coded('plan.nip', { digits: String(NIP_DIGITS) }));
	}
	return {
		position: printText(r, o.position, `${field}.position`, PRINT_LIMITS.position, true),
		name: printText(r, o.name, `${field}.name`, PRINT_LIMITS.name, false),
		nip: nipText === '' ? null : nipText
	};
}

function readPrint(r: PlanReader, value: Json): PrintSettings {
	const o = r.object(value, 'print');
	r.known(o, 'print', ['letterhead', 'place', 'signatories', 'year']);
	return {
		letterhead: printList(r, o.letterhead, 'print.letterhead', PRINT_LIMITS.letterheadLines).map((line, i) =>
			printText(r, line, `print.letterhead[${i}]`, PRINT_LIMITS.letterheadLine, true)
		),
		place: printText(r, o.place, 'print.place', PRINT_LIMITS.place, false),
		signatories: printList(r, o.signatories, 'print.signatories', PRINT_LIMITS.signatories).map((s, i) =>
			readSignatory(r, s, `print.signatories[${i}]`)
		),
		year: o.year === undefined || o.year === null ? null : r.integer(o.year, 'print.year', 0, 2000, 2100)
	};
}

/**
 * Older plan versions brought up to PLAN_VERSION. Version 1 had no programmes: they take the defaults.
 * Version 2 left a household without an ownership value out of BSPS and RTLH, so its ownership rule is
 * 'excluded' (the same list as before); its population already meant to keep records without desil or
 * status, which is the default. Version 3 had no print settings: it prints the defaults, and a `print`
 * key in a version 3 file is not one of its keys. Version 4 had no partner settings (the default threshold) and
 * no targeted funding lines; its lines keep their meaning. Version 5 kept no handover records. Up to
 * version 6 a household with an empty or unreadable desil counted inside the desil range; from 7 it is
 * left out unless the plan says otherwise (issue 18), so an older plan that did not say keeps counting it.
 */
function migrate(o: Record<string, Json>, r: PlanReader): Record<string, Json> {
	const version = o.version ?? PLAN_VERSION;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		r.fail('version', coded('plan.version_invalid', noParams));
	}
	if (version > PLAN_VERSION) {
		r.fail('version', coded('plan.version_newer', { version: String(version), known: String(PLAN_VERSION) }));
	}
	if (version < 4 && o.print !== undefined) r.fail('print', coded('plan.unknown_key', noParams));
	if (version < 5 && o.partner !== undefined) r.fail('partner', coded('plan.unknown_key', noParams));
	if (version < 6 && o.handovers !== undefined) r.fail('handovers', coded('plan.unknown_key', noParams));
	const before = version < 7 ? keepCountingMissingDesil(o) : o;
	if (version !== 2) return before;
	const programmes = before.programmes === undefined ? {} : before.programmes;
	if (!isObject(programmes)) return before;
	const migrated: Record<string, Json> = { ...programmes };
	for (const id of HOUSING_PROGRAMMES) {
		const housing = migrated[id] === undefined ? {} : migrated[id];
		if (isObject(housing) && housing.missingOwnership === undefined) {
			migrated[id] = { ...housing, missingOwnership: 'excluded' };
		}
	}
	return { ...before, programmes: migrated };
}

/** A plan before version 7 that says nothing of records without desil meant to count them. */
function keepCountingMissingDesil(o: Record<string, Json>): Record<string, Json> {
	const population = o.population === undefined ? {} : o.population;
	if (!isObject(population)) return o;
	const missing = population.missing === undefined ? {} : population.missing;
	if (!isObject(missing) || missing.desil !== undefined) return o;
	return { ...o, population: { ...population, missing: { ...missing, desil: 'counted' } } };
}

/** A plan from any JSON value (a file's content or a stored copy); throws PlanFileError naming the field. */
export function planOf(value: Json, file: string): Plan {
	const r = new PlanReader(file);
	const raw = r.object(value, 'rencana');
	if (raw.format !== undefined && raw.format !== PLAN_FORMAT) {
		r.fail('format', coded('plan.not_plan_format', { format: PLAN_FORMAT, written: shown(raw.format) }));
	}
	const o = migrate(raw, r);
	r.known(o, '', [
		'format',
		'version',
		'name',
		'date',
		'population',
		'indicators',
		'programmes',
		'zoneCostMultiplier',
		'kecamatanZones',
		'fundingLines',
		'priority',
		'villageCap',
		'villageQuota',
		'overrides',
		'partner',
		'print',
		'handovers'
	]);
	const d = defaultPlan();
	const population = o.population === undefined ? {} : r.object(o.population, 'population');
	r.known(population, 'population', ['desil', 'verval', 'missing']);
	const verval = r.values(population.verval, 'population.verval', d.population.verval, VERVAL);
	if (verval.length === 0) r.fail('population.verval', coded('plan.empty', noParams));
	const missing = population.missing === undefined ? {} : r.object(population.missing, 'population.missing');
	r.known(missing, 'population.missing', ['desil', 'verval']);
	return {
		format: PLAN_FORMAT,
		version: PLAN_VERSION,
		name: r.string(o.name, 'name', d.name),
		date: ((): string | null => {
			if (o.date === undefined || o.date === null) return null;
			if (typeof o.date !== 'string' || !isCalendarDate(o.date)) {
				return r.fail('date', coded('plan.not_date', noParams));
			}
			return o.date;
		})(),
		population: {
			desil: (() => {
				const range = r.range(population.desil, 'population.desil', d.population.desil);
				if (range.min < 1 || range.max > 10) r.fail('population.desil', coded('plan.desil_range', noParams));
				return range;
			})(),
			verval,
			missing: {
				desil: missingRule(r, missing.desil, 'population.missing.desil', d.population.missing.desil),
				verval: missingRule(r, missing.verval, 'population.missing.verval', d.population.missing.verval)
			}
		},
		indicators: readIndicators(r, o.indicators, d.indicators),
		programmes: readProgrammes(r, o.programmes, d.programmes),
		zoneCostMultiplier: readZoneMultipliers(r, o.zoneCostMultiplier, d.zoneCostMultiplier),
		kecamatanZones: readKecamatanZones(r, o.kecamatanZones),
		fundingLines: readFundingLines(r, o.fundingLines, d.fundingLines),
		priority: r.values(o.priority, 'priority', d.priority, PRIORITY_KEYS),
		villageCap: o.villageCap === undefined || o.villageCap === null ? null : r.integer(o.villageCap, 'villageCap', 0, 1, 1_000_000),
		villageQuota: r.boolean(o.villageQuota, 'villageQuota', d.villageQuota),
		overrides: readOverrides(r, o.overrides),
		partner: readPartner(r, o.partner, d.partner),
		...(o.print === undefined || o.print === null ? {} : { print: readPrint(r, o.print) }),
		...(o.handovers === undefined ? {} : { handovers: readHandovers(r, o.handovers) })
	};
}

/** Refuses a plan file larger than MAX_PLAN_BYTES before it is read (a plan is kilobytes; a huge one is not a plan). */
export function checkPlanSize(bytes: number, file: string): void {
	if (bytes <= MAX_PLAN_BYTES) return;
	const megabytes = (n: number) => String(Math.ceil(n / (1024 * 1024)));
	throw new PlanFileError(
		coded('plan.file_too_large', { file, megabytes: megabytes(bytes), limitMegabytes: megabytes(MAX_PLAN_BYTES) }),
		file
	);
}

/** A plan from a file's text. */
export function parsePlan(text: string, file: string): Plan {
	let value: Json;
	try {
		// A BOM (Notepad's UTF-8) is the file's encoding mark, not JSON: read the same in the CLI and the browser.
		value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
	} catch (error) {
		// The parser's own detail (position, token) is the JavaScript engine's, in its language.
		throw new PlanFileError(coded('plan.not_json', { file, detail: error instanceof Error ? error.message : String(error) }), file);
	}
	return planOf(value, file);
}

/** The file text of a plan (stable key order, so saving twice gives the same bytes). */
export function serialisePlan(plan: Plan): string {
	return `${JSON.stringify(plan, null, 2)}\n`;
}
