/**
 * Reading a partner pack file (partner mode opens one with no register): every field checked, so a
 * damaged or hand-edited pack is refused with the field that is wrong instead of drawing half a map.
 * Boundaries are checked for shape only (polygons of number pairs); their codes must be the pack's villages.
 */
import { CodedError, coded } from '../messages';
import { StrictJsonReader } from '../strict-json';
import type { BoundaryCollection, BoundaryFeature, BoundaryGeometry } from '../geo/types';
import { PROGRAMME_IDS, VILLAGE_CODE, type ProgrammeId } from '../plan';
import {
	PACK_FORMAT,
	PACK_INDICATORS,
	PACK_VERSION,
	type PackArea,
	type PackFigure,
	type PackIndicator,
	type PackVillage,
	type PartnerPack
} from './pack';

/** Larger than any regency's pack with its boundaries (Kukar's is about 3 MB); refused before parsing. */
export const MAX_PACK_BYTES = 64 * 1024 * 1024;
const MAX_TEXT = 200;

type Json = unknown;

class PackReader extends StrictJsonReader {
	fail(field: string): never {
		throw new CodedError(coded('partner.pack_field', { file: this.file, field }));
	}

	text(value: Json, field: string, pattern?: RegExp): string {
		return this.line(value, field, MAX_TEXT, pattern ? { pattern } : {});
	}

	count(value: Json, field: string, nullable: boolean): number | null {
		return this.whole(value, field, Number.MAX_SAFE_INTEGER, nullable);
	}

	figure(value: Json, field: string): PackFigure {
		const o = this.record(value, field, ['units', 'rupiah'], ['rupiahAtLeast']);
		const f: PackFigure = { units: this.count(o.units, `${field}.units`, true), rupiah: this.count(o.rupiah, `${field}.rupiah`, true) };
		if (f.units === null && f.rupiah !== null) this.fail(`${field}.rupiah`);
		if (o.rupiahAtLeast !== undefined) f.rupiahAtLeast = this.count(o.rupiahAtLeast, `${field}.rupiahAtLeast`, false) ?? 0;
		return f;
	}

	area(
		value: Json,
		field: string,
		programmes: readonly ProgrammeId[],
		code: RegExp,
		extra: readonly string[] = []
	): PackArea & Record<string, Json> {
		const o = this.record(value, field, ['kode', 'nama', 'need', 'total', 'indicators', ...extra]);
		const need = this.record(o.need, `${field}.need`, programmes);
		const indicators = this.record(o.indicators, `${field}.indicators`, PACK_INDICATORS);
		return {
			...o,
			kode: this.text(o.kode, `${field}.kode`, code),
			nama: this.text(o.nama, `${field}.nama`),
			need: Object.fromEntries(programmes.map((p) => [p, this.figure(need[p], `${field}.need.${p}`)])),
			total: this.figure(o.total, `${field}.total`),
			indicators: Object.fromEntries(PACK_INDICATORS.map((id) => [id, this.count(indicators[id], `${field}.indicators.${id}`, true)]))
		};
	}

	ring(value: Json, field: string): number[][] {
		const ring = this.list(value, field);
		if (ring.length < 4) this.fail(field);
		return ring.map((p, i) => {
			const point = this.list(p, `${field}[${i}]`);
			if (point.length < 2 || point.some((n) => typeof n !== 'number' || !Number.isFinite(n))) this.fail(`${field}[${i}]`);
			return point as number[];
		});
	}

	geometry(value: Json, field: string): BoundaryGeometry {
		const o = this.record(value, field, ['type', 'coordinates']);
		const polygon = (v: Json, f: string) => this.list(v, f).map((r, i) => this.ring(r, `${f}[${i}]`));
		if (o.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(o.coordinates, `${field}.coordinates`) };
		if (o.type === 'MultiPolygon') {
			return {
				type: 'MultiPolygon',
				coordinates: this.list(o.coordinates, `${field}.coordinates`).map((p, i) => polygon(p, `${field}.coordinates[${i}]`))
			};
		}
		return this.fail(`${field}.type`);
	}

	boundaries(value: Json, villages: ReadonlySet<string>): BoundaryCollection | null {
		if (value === null) return null;
		const o = this.record(value, 'boundaries', ['type', 'features']);
		if (o.type !== 'FeatureCollection') this.fail('boundaries.type');
		const features = this.list(o.features, 'boundaries.features').map((f, i): BoundaryFeature => {
			const field = `boundaries.features[${i}]`;
			const feature = this.record(f, field, ['type', 'properties', 'geometry']);
			if (feature.type !== 'Feature') this.fail(`${field}.type`);
			const properties = this.record(feature.properties, `${field}.properties`, ['kode', 'nama']);
			const kode = this.text(properties.kode, `${field}.properties.kode`, VILLAGE_CODE);
			if (!villages.has(kode)) this.fail(`${field}.properties.kode`);
			return {
				type: 'Feature',
				properties: { kode, nama: this.text(properties.nama, `${field}.properties.nama`) },
				geometry: this.geometry(feature.geometry, `${field}.geometry`)
			};
		});
		return { type: 'FeatureCollection', features };
	}
}

const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;
const REGENCY_CODE = /^\d{2}\.\d{2}$/;

/** A pack from its file's text; throws a CodedError naming the file and the first wrong field. */
export function parsePack(text: string, file: string): PartnerPack {
	if (text.length > MAX_PACK_BYTES)
		throw new CodedError(coded('partner.pack_too_large', { file, max: String(MAX_PACK_BYTES / 1024 / 1024) }));
	let value: Json;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		throw new CodedError(coded('partner.pack_not_json', { file }));
	}
	const r = new PackReader(file);
	if (typeof value !== 'object' || value === null || (value as Record<string, Json>).format !== PACK_FORMAT) {
		throw new CodedError(coded('partner.pack_not_format', { file }));
	}
	const version = (value as Record<string, Json>).version;
	if (typeof version === 'number' && version > PACK_VERSION) {
		throw new CodedError(coded('partner.pack_version_newer', { file, version: String(version), known: String(PACK_VERSION) }));
	}
	const o = r.record(value, '', [
		'format',
		'version',
		'createdAt',
		'plan',
		'register',
		'regency',
		'programmes',
		'indicators',
		'kecamatan',
		'villages',
		'boundaries',
		'attribution'
	]);
	if (o.version !== PACK_VERSION) r.fail('version');
	const createdAt = r.text(o.createdAt, 'createdAt');
	if (Number.isNaN(Date.parse(createdAt))) r.fail('createdAt');
	const plan = r.record(o.plan, 'plan', ['title', 'date', 'threshold']);
	const threshold = r.count(plan.threshold, 'plan.threshold', false) ?? 0;
	if (threshold < 2 || threshold > 100) r.fail('plan.threshold');
	const register = r.record(o.register, 'register', ['checksum']);
	const programmes = r.list(o.programmes, 'programmes').map((p, i) => {
		if (typeof p !== 'string' || !(PROGRAMME_IDS as readonly string[]).includes(p)) r.fail(`programmes[${i}]`);
		return p as ProgrammeId;
	});
	if (new Set(programmes).size !== programmes.length) r.fail('programmes');
	const indicators = r.list(o.indicators, 'indicators');
	if (JSON.stringify(indicators) !== JSON.stringify(PACK_INDICATORS)) r.fail('indicators');
	const kecamatan = r.list(o.kecamatan, 'kecamatan').map((k, i) => r.area(k, `kecamatan[${i}]`, programmes, KECAMATAN_CODE));
	const kecamatanCodes = new Set(kecamatan.map((k) => k.kode));
	const villages = r.list(o.villages, 'villages').map((v, i): PackVillage => {
		const area = r.area(v, `villages[${i}]`, programmes, VILLAGE_CODE, ['kecamatan']);
		const k = r.text(area.kecamatan, `villages[${i}].kecamatan`, KECAMATAN_CODE);
		if (!kecamatanCodes.has(k)) r.fail(`villages[${i}].kecamatan`);
		return { kode: area.kode, nama: area.nama, need: area.need, total: area.total, indicators: area.indicators, kecamatan: k };
	});
	const villageCodes = new Set(villages.map((v) => v.kode));
	if (villageCodes.size !== villages.length) r.fail('villages');
	const regency = r.area(o.regency, 'regency', programmes, REGENCY_CODE);
	return {
		format: PACK_FORMAT,
		version: PACK_VERSION,
		createdAt,
		plan: {
			title: r.text(plan.title, 'plan.title'),
			date: plan.date === null ? null : r.text(plan.date, 'plan.date', /^\d{4}-\d{2}-\d{2}$/),
			threshold
		},
		register: { checksum: r.text(register.checksum, 'register.checksum', /^[0-9a-f]{8,128}$/) },
		regency: { kode: regency.kode, nama: regency.nama, need: regency.need, total: regency.total, indicators: regency.indicators },
		programmes,
		indicators: [...PACK_INDICATORS] as PackIndicator[],
		kecamatan: kecamatan.map((k) => ({ kode: k.kode, nama: k.nama, need: k.need, total: k.total, indicators: k.indicators })),
		villages,
		boundaries: r.boundaries(o.boundaries, villageCodes),
		attribution: o.attribution === null ? null : r.text(o.attribution, 'attribution')
	};
}
