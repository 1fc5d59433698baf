/**
 * Issue 11.1, zones for any regency: Kukar plans by Disperkim's hulu/tengah/pesisir, any other regency
 * starts with one zone at 1×, and the plan can put a kecamatan in another zone (an existing one or a
 * new name) with its own multiplier. Validation of the plan file, the zones the Plan screen lists, and
 * the allocation's cost on the hand-computed register (tests/fixtures/indicators.ts: H2 in kecamatan
 * 64.02.01 "Satu", zone hulu; a water connection costs Rp 2.500.000 before any multiplier).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskWilayah } from '../../src/cli/wilayah';
import { defaultPlan, kecamatanZone, parsePlan, serialisePlan, zoneMultiplier, type Plan } from '../../src/lib/core/plan';
import { allocationStatements } from '../../src/lib/core/programs';
import { rowsOf } from '../../src/lib/core/rows';
import { loadRegencyReference } from '../../src/lib/core/wilayah';
import { zonesInUse } from '../../src/lib/core/zones';
import { NodeEngine } from '../../src/lib/engine/node';
import { loadIndicatorFixture } from '../fixtures/indicators';
import { inIndonesian } from './in-indonesian';

const plan = (change: (p: Plan) => void): Plan => {
	const p = defaultPlan();
	change(p);
	return parsePlan(serialisePlan(p), 'rencana.json');
};

describe('zones in the plan', () => {
	it('accepts any zone name and kecamatan assignment, refusing bad ones by field', () => {
		const p = plan((d) => {
			d.kecamatanZones = { '64.03.11': 'pulau terluar', '64.03.01': 'hulu' };
			d.zoneCostMultiplier['pulau terluar'] = 2.5;
		});
		expect(p.kecamatanZones).toEqual({ '64.03.11': 'pulau terluar', '64.03.01': 'hulu' });
		expect(p.zoneCostMultiplier).toEqual({ hulu: 1, tengah: 1, pesisir: 1, 'pulau terluar': 2.5 });
		expect(kecamatanZone(p, { kode: '64.03.11', zona: 'umum' })).toBe('pulau terluar');
		expect(kecamatanZone(p, { kode: '64.03.05', zona: 'umum' })).toBe('umum');
		expect(zoneMultiplier(p, 'pulau terluar')).toBe(2.5);
		expect(zoneMultiplier(p, 'umum')).toBe(1);

		expect(inIndonesian(() => parsePlan(JSON.stringify({ kecamatanZones: { '6403': 'hulu' } }), 'r.json'))).toThrow(
			"Berkas rencana 'r.json': kecamatanZones.6403 harus kode kecamatan bertitik, mis. 64.02.06"
		);
		expect(inIndonesian(() => parsePlan(JSON.stringify({ kecamatanZones: { '64.03.11': '<b>' } }), 'r.json'))).toThrow(
			/kecamatanZones\.64\.03\.11 harus nama zona/
		);
		expect(() => parsePlan(JSON.stringify({ zoneCostMultiplier: { pulau: 20 } }), 'r.json')).toThrow(/zoneCostMultiplier\.pulau/);
	});

	it('lists the zones in use: the reference’s, then the plan’s', async () => {
		const berau = await loadRegencyReference(diskWilayah, '64.03');
		const kukar = await loadRegencyReference(diskWilayah, '64.02');
		if (!berau || !kukar) throw new Error('no reference');
		const none = { kecamatanZones: {}, zoneCostMultiplier: {} };
		expect(zonesInUse(none, berau.kecamatan)).toEqual(['umum']);
		// Kukar's reference order: 64.02.01 Muara Muntai is hulu, 64.02.02 Loa Kulu tengah, 64.02.04 Anggana pesisir.
		expect(zonesInUse(none, kukar.kecamatan)).toEqual(['hulu', 'tengah', 'pesisir']);
		const p = plan((d) => {
			d.kecamatanZones = { '64.03.11': 'pulau', '64.03.07': 'pesisir' };
			d.zoneCostMultiplier.laut = 3;
		});
		expect(zonesInUse(p, berau.kecamatan)).toEqual(['umum', 'laut', 'pesisir', 'pulau']);
		// The default plan prices Kukar's zones at 1×: nothing of them shows for Berau.
		expect(
			zonesInUse(
				plan(() => undefined),
				berau.kecamatan
			)
		).toEqual(['umum']);
	});
});

describe('zone costs in the allocation', () => {
	let engine: NodeEngine;
	const waterCost = async (p: Plan) => {
		p.fundingLines = [{ id: 'apbd', name: 'APBD', kind: 'APBD', budgets: { water: 100_000_000, pip: 10_000_000 } }];
		for (const statement of allocationStatements(p)) await engine.exec(statement);
		const rows = rowsOf(
			await engine.query(
				`SELECT programme, unit_id, cost FROM allocation WHERE unit_id IN ('H2', 'P3') AND programme IN ('water', 'pip') ORDER BY programme`
			),
			{ programme: 'string', unit_id: 'string', cost: 'number' }
		);
		return Object.fromEntries(rows.map((r) => [`${r.programme}:${r.unit_id}`, r.cost]));
	};

	beforeAll(async () => {
		engine = await NodeEngine.open();
		await loadIndicatorFixture(engine);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('prices a moved kecamatan at its new zone’s multiplier, a zone without one at 1×', async () => {
		// In hulu at 1,5: 2.500.000 × 1,5.
		expect(await waterCost(plan((d) => (d.zoneCostMultiplier.hulu = 1.5)))).toEqual({ 'water:H2': 3_750_000, 'pip:P3': 450_000 });
		// Kecamatan Satu moved to a new zone "pulau" at 2: 2.500.000 × 2; hulu's 1,5 no longer applies.
		const moved = plan((d) => {
			d.zoneCostMultiplier.hulu = 1.5;
			d.zoneCostMultiplier.pulau = 2;
			d.kecamatanZones = { '64.02.01': 'pulau' };
		});
		expect(await waterCost(moved)).toEqual({ 'water:H2': 5_000_000, 'pip:P3': 450_000 });
		// Moved to a zone the plan gives no multiplier: 1×.
		const unpriced = plan((d) => {
			d.zoneCostMultiplier.hulu = 1.5;
			d.kecamatanZones = { '64.02.01': 'baru' };
		});
		expect(await waterCost(unpriced)).toEqual({ 'water:H2': 2_500_000, 'pip:P3': 450_000 });
		// Another kecamatan moved: Satu's households keep hulu's price.
		const other = plan((d) => {
			d.zoneCostMultiplier.hulu = 1.5;
			d.zoneCostMultiplier.pulau = 2;
			d.kecamatanZones = { '64.02.02': 'pulau' };
		});
		expect(await waterCost(other)).toEqual({ 'water:H2': 3_750_000, 'pip:P3': 450_000 });
	});
});
