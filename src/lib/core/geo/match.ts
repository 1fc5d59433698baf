/**
 * Matching a user's boundary features to the regency's reference villages (or kecamatan): issue 5,
 * "Boundaries". Pure TypeScript, no DOM: the same code runs in the browser and in the Node tests, and
 * it matches against the Reference it is given, never against Kukar constants.
 *
 * A feature is matched, in this order:
 * 1. **By code** — any property whose value (string or number) is the unit's Kemendagri code, dotted
 *    (`64.02.06.1001`), undotted (`6402061001`, also as a DBF number) or with other separators
 *    (`64 02 06 1001`, `64-02-06-1001`, unpadded `64.2.6.1001`). When several properties hold codes,
 *    the property that matched the most features in the file is tried first (a BPS code beside the
 *    Kemendagri one cannot win over it).
 * 2. **By name within its kecamatan** — a property whose value equals a reference name once case,
 *    spacing, punctuation, accents and a leading "Desa", "Kelurahan", "Kel." or "Ds." (for kecamatan:
 *    "Kecamatan", "Kec.") are ignored, in the kecamatan named by another property (by name, or by code
 *    in any of the forms above). A feature without a recognisable kecamatan is matched by name only
 *    when that name is unique in the reference; otherwise it is reported as ambiguous.
 *
 * Guards against matching another regency's villages by name (a province-wide file, say): a feature
 * whose code property (code-shaped in at least half of the features that fill it, and holding some
 * reference code or written with separators) carries a code of another kabupaten is reported as
 * outside the regency; one whose kecamatan property (a property whose values are reference kecamatan
 * for more than half of its distinct values, counted up to the number of kecamatan) names a kecamatan
 * the reference does not have is reported as such. Neither is matched by name.
 *
 * Geometry: only Polygon and MultiPolygon with well-formed rings are kept; anything else is reported.
 *
 * Duplicates (several features for one code) are merged into one MultiPolygon, with the first
 * feature's properties: a village drawn as several records (islands, an exclave) stays whole, and
 * each extra feature is listed in the report so a wrong code in the file can still be found.
 *
 * Output features carry the canonical dotted `kode` and the reference `nama` (and `kecamatan_kode` for
 * villages), the same properties as the bundled default files; every original property is kept, and
 * an original value those overwrite is kept beside it as `<name>_asli`.
 */
import type { Reference } from '../reference';
import type { BoundaryCollection, BoundaryFeature, BoundaryGeometry, BoundaryLevel, InputFeature, Position } from './types';

/** Why a feature got no village (or kecamatan). */
export type UnmatchedReason =
	/** Not a Polygon/MultiPolygon, or its rings are malformed (detail: the geometry type). */
	| 'geometry'
	/** Its code property holds a code of another kabupaten (detail: that code, dotted). */
	| 'outside'
	/** Its kecamatan property names a kecamatan the reference does not have (detail: the value). */
	| 'kecamatan-unknown'
	/** Its name fits several units (detail: their codes, comma-separated). */
	| 'ambiguous'
	/** Nothing in its properties is a reference code or name. */
	| 'no-match';

export interface UnmatchedFeature {
	/** 0-based position of the feature in the file (shown to people as index + 1). */
	index: number;
	/** A short readable label from its properties, e.g. `NAMOBJ: Desa Bukit Pariaman · WADMKC: Tenggarong`. */
	label: string;
	reason: UnmatchedReason;
	detail?: string;
}

export interface MissingUnit {
	kode: string;
	nama: string;
	/** Villages only: the kecamatan's name. */
	kecamatan_nama?: string;
}

export interface DuplicateFeature {
	/** 0-based position of the extra feature, merged into the shape of the feature at `firstIndex`. */
	index: number;
	firstIndex: number;
	kode: string;
	nama: string;
}

export interface MatchReport {
	level: BoundaryLevel;
	/** Features in the file. */
	features: number;
	/** Reference units (villages or kecamatan) in the reference. */
	units: number;
	/** Reference units that got a shape. */
	matched: number;
	/** Features matched by code / by name (duplicates included, so byCode + byName ≥ matched). */
	byCode: number;
	byName: number;
	unmatched: UnmatchedFeature[];
	/** Reference units left without a shape, in code order. */
	missing: MissingUnit[];
	duplicates: DuplicateFeature[];
}

export interface BoundaryMatch {
	/** The matched shapes, one feature per unit, in reference (code) order. */
	collection: BoundaryCollection;
	/** Per feature of `collection`: the 0-based position in the file of the (first) feature it came from. */
	indices: number[];
	report: MatchReport;
}

/** Digits per code segment: province, kabupaten, kecamatan[, village]. */
export const CODE_WIDTHS: Record<BoundaryLevel, readonly number[]> = {
	village: [2, 2, 2, 4],
	kecamatan: [2, 2, 2]
};

const VILLAGE_PREFIX = /^(?:desa|kelurahan|kel|ds)\s+/;
const KECAMATAN_PREFIX = /^(?:kecamatan|kec)\s+/;

/**
 * The undotted digits of a code-like value for codes of these segment widths (`6402061001` for
 * `64.02.06.1001`, `64 02 06 1001`, `64.2.6.1001` or the number 6402061001), or null when the value is
 * not a code of that length. Strings holding anything but digits and separators are not codes.
 */
export function codeDigits(value: unknown, widths: readonly number[]): string | null {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value) || value < 0) return null;
		text = String(value);
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		return null;
	}
	if (!/^\d+(?:[\s._\-/:]+\d+)*$/.test(text)) return null;
	const parts = text.split(/\D+/);
	const fits = parts.length === widths.length && parts.every((part, i) => part.length <= (widths[i] ?? 0));
	const digits = fits ? parts.map((part, i) => part.padStart(widths[i] ?? 0, '0')).join('') : parts.join('');
	const length = widths.reduce((sum, width) => sum + width, 0);
	return digits.length === length ? digits : null;
}

/** `6402061001` → `64.02.06.1001` for the given segment widths. */
export function dottedCode(digits: string, widths: readonly number[]): string {
	const parts: string[] = [];
	let at = 0;
	for (const width of widths) {
		parts.push(digits.slice(at, at + width));
		at += width;
	}
	return parts.join('.');
}

/**
 * A name as compared: accents, case, punctuation and all spacing dropped, after removing leading
 * prefixes such as "Desa " or "Kel. " (never the whole name). Null for non-strings, empty or numeric
 * values. Exported for the tests; `villageNameKey` and `kecamatanNameKey` are the two uses.
 */
export function nameKey(value: unknown, prefix: RegExp): string | null {
	if (typeof value !== 'string') return null;
	let text = value
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’`]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
	for (;;) {
		const found = prefix.exec(text);
		if (!found || found[0].length >= text.length) break;
		text = text.slice(found[0].length);
	}
	const key = text.replace(/\s+/g, '');
	return key === '' || /^\d+$/.test(key) ? null : key;
}

export const villageNameKey = (value: unknown) => nameKey(value, VILLAGE_PREFIX);
export const kecamatanNameKey = (value: unknown) => nameKey(value, KECAMATAN_PREFIX);

/** The codes' province part is 11 … 99: a 10-digit phone number or ID starting with 0 is no code. */
function plausibleCode(digits: string): boolean {
	return Number(digits.slice(0, 2)) >= 11;
}

function isPosition(value: unknown): boolean {
	return (
		Array.isArray(value) &&
		value.length >= 2 &&
		typeof value[0] === 'number' &&
		typeof value[1] === 'number' &&
		Number.isFinite(value[0]) &&
		Number.isFinite(value[1])
	);
}

function isPolygonRings(value: unknown): value is Position[][] {
	return (
		Array.isArray(value) && value.length > 0 && value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition))
	);
}

/** The geometry as a BoundaryGeometry when it is a well-formed Polygon or MultiPolygon, else null. */
export function polygonGeometry(geometry: InputFeature['geometry']): BoundaryGeometry | null {
	if (!geometry) return null;
	if (geometry.type === 'Polygon' && isPolygonRings(geometry.coordinates)) {
		return { type: 'Polygon', coordinates: geometry.coordinates };
	}
	if (
		geometry.type === 'MultiPolygon' &&
		Array.isArray(geometry.coordinates) &&
		geometry.coordinates.length > 0 &&
		geometry.coordinates.every(isPolygonRings)
	) {
		return { type: 'MultiPolygon', coordinates: geometry.coordinates as Position[][][] };
	}
	return null;
}

const LABEL_KEY = /nam|desa|kel|kec|wadm|village|district/i;
const LABEL_VALUE_MAX = 40;

/** A short readable label from a feature's properties: name-like properties first, at most three. */
export function featureLabel(properties: Record<string, unknown> | null): string {
	const entries = Object.entries(properties ?? {}).filter(
		([, value]) => (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value))
	);
	const named = entries.filter(([key]) => LABEL_KEY.test(key));
	const chosen = (named.length > 0 ? named : entries).slice(0, 3);
	return chosen
		.map(([key, value]) => {
			const text = String(value).trim().replace(/\s+/g, ' ');
			return `${key}: ${text.length > LABEL_VALUE_MAX ? `${text.slice(0, LABEL_VALUE_MAX - 1)}…` : text}`;
		})
		.join(' · ');
}

interface Unit {
	kode: string;
	digits: string;
	nama: string;
	kecamatan_kode?: string;
	kecamatan_nama?: string;
}

function group<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		if (key === null) continue;
		const list = out.get(key);
		if (list) list.push(item);
		else out.set(key, [item]);
	}
	return out;
}

function nonEmpty(value: unknown): boolean {
	return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

/** What one feature's properties say, before the file-level decisions. */
interface Reading {
	entries: [string, unknown][];
	/** Property → the unit its value is the code of. */
	codeHits: Map<string, Unit>;
	/** Property → code-shaped digits (in the reference or not). */
	shaped: Map<string, string>;
	/** Property → kecamatan codes its value names (villages only). */
	kecamatan: Map<string, Set<string>>;
}

/** Per property over the file: how many features it gave something for. */
class Tally {
	readonly counts = new Map<string, number>();
	readonly order: string[] = [];
	add(key: string, by = 1): void {
		if (!this.counts.has(key)) this.order.push(key);
		this.counts.set(key, (this.counts.get(key) ?? 0) + by);
	}
	get(key: string): number {
		return this.counts.get(key) ?? 0;
	}
}

function distinctUnits(units: readonly Unit[]): Unit[] {
	return [...new Map(units.map((unit) => [unit.kode, unit])).values()];
}

function mergeGeometry(a: BoundaryGeometry, b: BoundaryGeometry): BoundaryGeometry {
	const polygons = (g: BoundaryGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
	return { type: 'MultiPolygon', coordinates: [...polygons(a), ...polygons(b)] };
}

function canonicalProperties(original: Record<string, unknown> | null, unit: Unit, level: BoundaryLevel): BoundaryFeature['properties'] {
	const out: Record<string, unknown> = { ...(original ?? {}) };
	const set = (key: string, value: string) => {
		if (key in out && out[key] !== value && !(`${key}_asli` in out)) out[`${key}_asli`] = out[key];
		out[key] = value;
	};
	set('kode', unit.kode);
	set('nama', unit.nama);
	if (level === 'village' && unit.kecamatan_kode) set('kecamatan_kode', unit.kecamatan_kode);
	return out as BoundaryFeature['properties'];
}

/**
 * Matches `features` to the units of `reference` at `level` (villages or kecamatan). See the module
 * comment for the rules. Never throws on odd features: each one is either matched or reported.
 */
export function matchBoundaries(features: readonly InputFeature[], reference: Reference, level: BoundaryLevel): BoundaryMatch {
	const widths = CODE_WIDTHS[level];
	const units: Unit[] =
		level === 'village'
			? reference.villages.map((v) => ({
					kode: v.kode,
					digits: v.kode.replace(/\D/g, ''),
					nama: v.nama,
					kecamatan_kode: v.kecamatan_kode,
					kecamatan_nama: v.kecamatan_nama
				}))
			: reference.kecamatan.map((k) => ({ kode: k.kode, digits: k.kode.replace(/\D/g, ''), nama: k.nama }));
	units.sort((a, b) => a.digits.localeCompare(b.digits));
	const unitByDigits = new Map(units.map((unit) => [unit.digits, unit]));
	const unitKey = level === 'village' ? villageNameKey : kecamatanNameKey;
	const unitsByName = group(units, (unit) => unitKey(unit.nama));
	const kabupatenDigits = reference.kabupaten.kode.replace(/\D/g, '');

	// Villages: the kecamatan a property names, by name or by code.
	const kecamatanByName = group(reference.kecamatan, (k) => kecamatanNameKey(k.nama));
	const kecamatanCodes = new Set(reference.kecamatan.map((k) => k.kode));

	const geometries = features.map((feature) => polygonGeometry(feature.geometry));

	// Pass 1: what every property of every (polygon) feature says.
	const readings: (Reading | null)[] = features.map((feature, index) => {
		if (!geometries[index]) return null;
		const entries = Object.entries(feature.properties ?? {});
		const reading: Reading = { entries, codeHits: new Map(), shaped: new Map(), kecamatan: new Map() };
		for (const [key, value] of entries) {
			const digits = codeDigits(value, widths);
			if (digits !== null && plausibleCode(digits)) {
				reading.shaped.set(key, digits);
				const unit = unitByDigits.get(digits);
				if (unit) reading.codeHits.set(key, unit);
			}
			if (level === 'village') {
				const found = new Set<string>();
				const kecDigits = codeDigits(value, CODE_WIDTHS.kecamatan);
				if (kecDigits !== null) {
					const kode = dottedCode(kecDigits, CODE_WIDTHS.kecamatan);
					if (kecamatanCodes.has(kode)) found.add(kode);
				}
				for (const k of kecamatanByName.get(kecamatanNameKey(value) ?? '') ?? []) found.add(k.kode);
				if (found.size > 0) reading.kecamatan.set(key, found);
			}
		}
		return reading;
	});

	// File level: which properties hold codes, and which hold kecamatan.
	const codeVotes = new Tally();
	const shapedVotes = new Tally();
	const dottedVotes = new Tally();
	const filledVotes = new Tally();
	const kecamatanValues = new Map<string, { all: Set<unknown>; recognised: Set<unknown>; unitNames: Set<unknown> }>();
	for (const reading of readings) {
		if (!reading) continue;
		for (const [key, value] of reading.entries) {
			if (!nonEmpty(value)) continue;
			filledVotes.add(key);
			if (reading.shaped.has(key)) {
				shapedVotes.add(key);
				if (typeof value === 'string' && /\D/.test(value.trim())) dottedVotes.add(key);
			}
			if (reading.codeHits.has(key)) codeVotes.add(key);
			let values = kecamatanValues.get(key);
			if (!values) kecamatanValues.set(key, (values = { all: new Set(), recognised: new Set(), unitNames: new Set() }));
			const normalised = typeof value === 'string' ? value.trim().toLowerCase() : value;
			values.all.add(normalised);
			if (reading.kecamatan.has(key)) values.recognised.add(normalised);
			if (unitsByName.has(unitKey(value) ?? '')) values.unitNames.add(normalised);
		}
	}
	const codeOrder = [...codeVotes.order].sort((a, b) => codeVotes.get(b) - codeVotes.get(a));
	// A code property: code-shaped in at least half of the features that fill it, and either holding
	// some reference code or written with separators (a 6-digit area in hectares is no kecamatan code).
	const codeKeys = shapedVotes.order.filter((key) => {
		const half = (n: number) => n * 2 >= filledVotes.get(key);
		return half(shapedVotes.get(key)) && (codeVotes.get(key) > 0 || half(dottedVotes.get(key)));
	});
	// A kecamatan property: most of its distinct values (counted up to the number of kecamatan) are
	// reference kecamatan, and fewer of them are village names than kecamatan names: a village-name
	// column is no kecamatan column even where many villages bear their kecamatan's name (Berau).
	const kecamatanKeys = new Set(
		[...kecamatanValues]
			.filter(([, v]) => {
				const possible = Math.min(v.all.size, reference.kecamatan.length);
				const villageNames = level === 'village' ? v.unitNames.size : 0;
				return v.recognised.size * 2 > possible && villageNames <= v.recognised.size;
			})
			.map(([key]) => key)
	);

	// Pass 2: decide per feature.
	const unmatched: UnmatchedFeature[] = [];
	const chosen = new Map<string, { unit: Unit; index: number; geometry: BoundaryGeometry }>();
	const duplicates: DuplicateFeature[] = [];
	let byCode = 0;
	let byName = 0;

	const take = (index: number, unit: Unit, geometry: BoundaryGeometry) => {
		const first = chosen.get(unit.kode);
		if (first) {
			first.geometry = mergeGeometry(first.geometry, geometry);
			duplicates.push({ index, firstIndex: first.index, kode: unit.kode, nama: unit.nama });
		} else {
			chosen.set(unit.kode, { unit, index, geometry });
		}
	};

	features.forEach((feature, index) => {
		const geometry = geometries[index];
		const reading = readings[index];
		const label = () => featureLabel(feature.properties);
		if (!geometry || !reading) {
			const type = feature.geometry?.type;
			unmatched.push({ index, label: label(), reason: 'geometry', detail: typeof type === 'string' ? type : 'null' });
			return;
		}

		// 1. By code, the file's best code property first.
		for (const key of codeOrder) {
			const unit = reading.codeHits.get(key);
			if (unit) {
				byCode++;
				take(index, unit, geometry);
				return;
			}
		}

		// A code of another kabupaten in a code property: not ours, whatever its name says.
		for (const key of codeKeys) {
			const digits = reading.shaped.get(key);
			if (digits !== undefined && !digits.startsWith(kabupatenDigits)) {
				unmatched.push({ index, label: label(), reason: 'outside', detail: dottedCode(digits, widths) });
				return;
			}
		}

		// 2. By name, within the kecamatan the feature names.
		const kecamatan = new Set<string>();
		const recognisedBy = new Set<string>();
		if (level === 'village') {
			const fromKeys = kecamatanKeys.size > 0 ? [...kecamatanKeys] : [...reading.kecamatan.keys()];
			for (const key of fromKeys) {
				for (const kode of reading.kecamatan.get(key) ?? []) {
					kecamatan.add(kode);
					recognisedBy.add(key);
				}
			}
			if (kecamatan.size === 0) {
				const given = reading.entries.find(([key, value]) => kecamatanKeys.has(key) && nonEmpty(value));
				if (given) {
					unmatched.push({ index, label: label(), reason: 'kecamatan-unknown', detail: String(given[1]).trim() });
					return;
				}
			}
		}
		const inKecamatan = (list: Unit[]) => (kecamatan.size === 0 ? list : list.filter((unit) => kecamatan.has(unit.kecamatan_kode ?? '')));
		const candidates = (keys: (key: string) => boolean) =>
			distinctUnits(
				inKecamatan(reading.entries.filter(([key]) => keys(key)).flatMap(([, value]) => unitsByName.get(unitKey(value) ?? '') ?? []))
			);
		// Names never come from the file's kecamatan properties: "Anggana" is a kecamatan and a desa in
		// it, and a feature whose own name is unknown must not become that desa through its kecamatan.
		// Without such properties, a property naming the kecamatan may still be the name ("Anggana").
		let found = candidates((key) => !kecamatanKeys.has(key) && !recognisedBy.has(key));
		if (found.length === 0 && kecamatanKeys.size === 0) found = candidates(() => true);
		const [only] = found;
		if (found.length === 1 && only) {
			byName++;
			take(index, only, geometry);
		} else if (found.length > 1) {
			unmatched.push({ index, label: label(), reason: 'ambiguous', detail: found.map((u) => u.kode).join(', ') });
		} else {
			unmatched.push({ index, label: label(), reason: 'no-match' });
		}
	});

	const hits = units.flatMap((unit) => {
		const hit = chosen.get(unit.kode);
		return hit ? [{ unit, hit }] : [];
	});
	const collection: BoundaryCollection = {
		type: 'FeatureCollection',
		features: hits.map(({ unit, hit }) => {
			const original = features[hit.index]?.properties ?? null;
			return { type: 'Feature' as const, properties: canonicalProperties(original, unit, level), geometry: hit.geometry };
		})
	};
	const missing: MissingUnit[] = units
		.filter((unit) => !chosen.has(unit.kode))
		.map((unit) =>
			level === 'village'
				? { kode: unit.kode, nama: unit.nama, kecamatan_nama: unit.kecamatan_nama ?? '' }
				: { kode: unit.kode, nama: unit.nama }
		);
	return {
		collection,
		indices: hits.map(({ hit }) => hit.index),
		report: {
			level,
			features: features.length,
			units: units.length,
			matched: chosen.size,
			byCode,
			byName,
			unmatched,
			missing,
			duplicates
		}
	};
}
