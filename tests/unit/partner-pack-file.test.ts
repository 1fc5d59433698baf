/** Issue 16 point 2: partner mode opens a pack file only when every field is what a pack holds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodedError } from '../../src/lib/core/messages';
import { serialisePack, type PartnerPack } from '../../src/lib/core/partner/pack';
import { MAX_PACK_BYTES, parsePack } from '../../src/lib/core/partner/pack-file';
import type { NodeEngine } from '../../src/lib/engine/node';
import { runAllocation } from '../../src/lib/queries/allocation';
import { partnerPack } from '../../src/lib/queries/partner-pack';
import { generatedRegisterEngine } from '../fixtures/capabilities';
import { budgetedPlan } from '../fixtures/plans';

/** A parsed file edited the way a hostile or careless hand would: any key, any value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits break the file's types on purpose
type HostileEdit = Record<string, any>;

let engine: NodeEngine;
let pack: PartnerPack;

const SQUARE = [
	[116.9, -0.4],
	[117.0, -0.4],
	[117.0, -0.3],
	[116.9, -0.4]
];

beforeAll(async () => {
	engine = await generatedRegisterEngine(2000, 7);
	const plan = budgetedPlan();
	await runAllocation(engine, plan);
	const [v] = (await partnerPack(engine, { plan, regency: { kode: '64.02', nama: 'K' }, boundaries: null, attribution: null })).villages;
	pack = await partnerPack(engine, {
		plan,
		regency: { kode: '64.02', nama: 'Kabupaten Kutai Kartanegara' },
		boundaries: {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: { kode: v?.kode ?? '', nama: v?.nama ?? '' }, geometry: { type: 'Polygon', coordinates: [SQUARE] } }
			]
		},
		attribution: 'Batas desa: contoh',
		now: new Date('2026-12-05T08:00:00Z')
	});
}, 60_000);

afterAll(async () => {
	await engine?.close();
});

function refusal(change: (o: HostileEdit) => void): { code: string; field?: string } {
	const o = JSON.parse(serialisePack(pack));
	change(o);
	try {
		parsePack(JSON.stringify(o), 'mitra.tepat');
	} catch (e) {
		if (e instanceof CodedError) return { code: e.said.code, field: (e.said.params as Record<string, string>).field };
		throw e;
	}
	throw new Error('accepted');
}

describe('a pack file', () => {
	it('reads back exactly what was written, with or without a BOM', () => {
		const text = serialisePack(pack);
		expect(parsePack(text, 'mitra.tepat')).toEqual(pack);
		expect(parsePack(`\uFEFF${text}`, 'mitra.tepat')).toEqual(pack);
		expect(pack.villages.some((v) => v.need.paket?.units === null)).toBe(true);
	});

	it('is refused with the field that is wrong', () => {
		expect(refusal((o) => (o.villages[0].need.pip.units = -1))).toEqual({
			code: 'partner.pack_field',
			field: 'villages[0].need.pip.units'
		});
		expect(refusal((o) => (o.villages[0].need.pip = { units: null, rupiah: 5 })).field).toBe('villages[0].need.pip.rupiah');
		expect(refusal((o) => (o.villages[0].nik = '6402010101010001')).field).toBe('villages[0].nik');
		expect(refusal((o) => (o.villages[1].kode = o.villages[0].kode)).field).toBe('villages');
		expect(refusal((o) => (o.villages[0].kecamatan = '99.99.99')).field).toBe('villages[0].kecamatan');
		expect(refusal((o) => (o.plan.threshold = 1)).field).toBe('plan.threshold');
		expect(refusal((o) => (o.boundaries.features[0].properties.kode = '64.02.99.9999')).field).toBe(
			'boundaries.features[0].properties.kode'
		);
		expect(refusal((o) => (o.boundaries.features[0].geometry.coordinates[0][1] = ['a', 1])).field).toBe(
			'boundaries.features[0].geometry.coordinates[0][1]'
		);
		expect(refusal((o) => (o.indicators = ['ats'])).field).toBe('indicators');
		expect(refusal((o) => (o.version = 9)).code).toBe('partner.pack_version_newer');
		expect(refusal((o) => (o.format = 'tepat-plan')).code).toBe('partner.pack_not_format');
		expect(() => parsePack('{"format"', 'x.tepat')).toThrow(/partner.pack_not_json/);
		expect(() => parsePack(' '.repeat(MAX_PACK_BYTES + 1), 'x.tepat')).toThrow(/partner.pack_too_large/);
	});
});
