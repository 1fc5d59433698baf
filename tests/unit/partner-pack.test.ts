/**
 * Issue 16 point 1: the partner pack of a generated register. Every published figure is checked
 * against statements written here; the suppression against the lines read from the pack itself (not
 * through suppression.ts); identifiers against every identifier value of the register.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_INDICATORS, serialisePack, type PackArea, type PackFigure, type PartnerPack } from '../../src/lib/core/partner/pack';
import type { Plan, ProgrammeId } from '../../src/lib/core/plan';
import { rowsOf } from '../../src/lib/core/rows';
import type { NodeEngine } from '../../src/lib/engine/node';
import { runAllocation } from '../../src/lib/queries/allocation';
import { villageIndicators } from '../../src/lib/queries/indicators';
import { partnerPack } from '../../src/lib/queries/partner-pack';
import { generatedRegisterEngine } from '../fixtures/capabilities';
import { budgetedPlan } from '../fixtures/plans';

let engine: NodeEngine;
const REGENCY = { kode: '64.02', nama: 'Kabupaten Kutai Kartanegara' };

async function packFor(plan: Plan): Promise<PartnerPack> {
	await runAllocation(engine, plan);
	return partnerPack(engine, { plan, regency: REGENCY, boundaries: null, attribution: null, now: new Date('2026-12-04T10:00:00Z') });
}

beforeAll(async () => {
	engine = await generatedRegisterEngine(4000, 31);
}, 60_000);

afterAll(async () => {
	await engine?.close();
});

/** Every string value anywhere in a JSON value. */
function strings(value: unknown, out: Set<string> = new Set()): Set<string> {
	if (typeof value === 'string') out.add(value);
	else if (Array.isArray(value)) for (const v of value) strings(v, out);
	else if (value !== null && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			out.add(k);
			strings(v, out);
		}
	}
	return out;
}

/** Every (units) figure and indicator count of an area with its place, for the threshold checks. */
function counts(pack: PartnerPack): { where: string; value: number | null }[] {
	const areas: PackArea[] = [pack.regency, ...pack.kecamatan, ...pack.villages];
	return areas.flatMap((a) => [
		...Object.entries(a.need).map(([p, f]) => ({ where: `${a.kode} ${p}`, value: (f as PackFigure).units })),
		{ where: `${a.kode} total`, value: a.total.units },
		...Object.entries(a.indicators).map(([id, v]) => ({ where: `${a.kode} ${id}`, value: v ?? null }))
	]);
}

describe('the partner pack', () => {
	it('holds no name, NIK, KK, address, household or person id of the register, as a value or a key', async () => {
		const pack = await packFor(budgetedPlan());
		const ids = rowsOf(
			await engine.query(`
				SELECT DISTINCT v FROM (
					SELECT unnest([household_id, kk, alamat, head_name]) AS v FROM household
					UNION ALL SELECT unnest([person_id, household_id, nik, kk, name]) FROM person
				) WHERE v IS NOT NULL AND length(v) > 3`),
			{ v: 'string' }
		).map((r) => r.v);
		expect(ids.length).toBeGreaterThan(5000);
		const published = strings(JSON.parse(serialisePack(pack)));
		expect(ids.filter((id) => published.has(id))).toEqual([]);
		for (const key of ['nik', 'kk', 'name', 'head_name', 'alamat', 'household_id', 'person_id', 'unit_id'])
			expect(published.has(key)).toBe(false);
		// The serialised text holds none as a substring either (a name inside a longer string).
		const text = serialisePack(pack);
		expect(ids.filter((id) => id.length >= 8 && text.includes(id))).toEqual([]);
	});

	it('publishes every unmet count that is 0 or at least the threshold, and hides the rest (null, never 0)', async () => {
		for (const threshold of [5, 10]) {
			const plan = budgetedPlan();
			plan.partner.threshold = threshold;
			const pack = await packFor(plan);
			expect(pack.plan.threshold).toBe(threshold);
			const all = counts(pack);
			expect(all.filter((c) => c.value !== null && c.value > 0 && c.value < threshold)).toEqual([]);
			// The fixture has small villages: the rule is exercised, not vacuous.
			expect(all.filter((c) => c.value === null).length).toBeGreaterThan(20);
		}
	});

	it('each published village figure is the allocation’s unfunded units and Rupiah there', async () => {
		const plan = budgetedPlan();
		const pack = await packFor(plan);
		const truth = rowsOf(
			await engine.query(`
				SELECT programme, village_kode, count(*) FILTER (WHERE status IN ('unfunded', 'over_cap'))::INTEGER AS units,
				       coalesce(sum(cost) FILTER (WHERE status IN ('unfunded', 'over_cap')), 0)::DOUBLE AS rupiah
				FROM allocation GROUP BY ALL`),
			{ programme: 'string', village_kode: 'string', units: 'number', rupiah: 'number' }
		);
		const byCell = new Map(truth.map((t) => [`${t.village_kode} ${t.programme}`, t]));
		let checked = 0;
		for (const v of pack.villages) {
			for (const p of pack.programmes) {
				const f = v.need[p] as PackFigure;
				const t = byCell.get(`${v.kode} ${p}`) ?? { units: 0, rupiah: 0 };
				if (f.units === null) {
					expect(f.rupiah).toBeNull();
					continue;
				}
				expect([v.kode, p, f.units, f.rupiah]).toEqual([v.kode, p, t.units, t.rupiah]);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(200);
		const unmetTotal = truth.reduce((s, t) => s + t.units, 0);
		expect(pack.regency.total.units === null || pack.regency.total.units === unmetTotal).toBe(true);
	});

	it('no line of the pack has exactly one hidden figure (kecamatan totals, village totals, row and column sums)', async () => {
		const pack = await packFor(budgetedPlan());
		const hidden = (f: PackFigure | undefined) => (f?.units ?? null) === null;
		const lines: { name: string; cells: (PackFigure | undefined)[] }[] = [];
		for (const a of [pack.regency, ...pack.kecamatan, ...pack.villages]) {
			lines.push({ name: `${a.kode}: programmes → total`, cells: [a.total, ...pack.programmes.map((p) => a.need[p])] });
		}
		for (const k of pack.kecamatan) {
			const villages = pack.villages.filter((v) => v.kecamatan === k.kode);
			for (const p of pack.programmes)
				lines.push({ name: `${k.kode} ${p}: villages`, cells: [k.need[p], ...villages.map((v) => v.need[p])] });
			lines.push({ name: `${k.kode} total: villages`, cells: [k.total, ...villages.map((v) => v.total)] });
		}
		for (const p of pack.programmes)
			lines.push({ name: `regency ${p}: kecamatan`, cells: [pack.regency.need[p], ...pack.kecamatan.map((k) => k.need[p])] });
		lines.push({ name: 'regency total: kecamatan', cells: [pack.regency.total, ...pack.kecamatan.map((k) => k.total)] });
		const broken = lines.filter((l) => l.cells.filter(hidden).length === 1).map((l) => l.name);
		expect(broken).toEqual([]);
		// And every published line adds up.
		for (const l of lines) {
			if (l.cells.some(hidden)) continue;
			const [total, ...members] = l.cells.map((c) => c?.units ?? 0);
			expect([l.name, members.reduce((s, n) => s + n, 0)]).toEqual([l.name, total]);
		}
		expect(lines.filter((l) => l.cells.filter(hidden).length >= 2).length).toBeGreaterThan(5);
	});

	it('a total shows its Rupiah only when nothing below it is hidden, else the published part as a lower bound', async () => {
		const pack = await packFor(budgetedPlan());
		for (const k of pack.kecamatan) {
			const villages = pack.villages.filter((v) => v.kecamatan === k.kode);
			for (const p of pack.programmes) {
				const cells = villages.map((v) => v.need[p] as PackFigure);
				const f = k.need[p] as PackFigure;
				const published = cells.filter((c) => c.units !== null).reduce((s, c) => s + (c.rupiah ?? 0), 0);
				if (cells.every((c) => c.units !== null)) expect(f.rupiah).toBe(published);
				else {
					expect(f.rupiah).toBeNull();
					expect(f.rupiahAtLeast ?? 0).toBe(published);
				}
			}
		}
	});

	it('the indicator counts are the map’s, suppressed the same way', async () => {
		const plan = budgetedPlan();
		const pack = await packFor(plan);
		const map = new Map((await villageIndicators(engine, plan)).map((v) => [v.kode, v.figures]));
		let published = 0;
		for (const v of pack.villages) {
			for (const id of PACK_INDICATORS) {
				const value = v.indicators[id];
				if (value === null || value === undefined) continue;
				expect(value).toBe(map.get(v.kode)?.[id].count);
				published++;
			}
		}
		expect(published).toBeGreaterThan(100);
	});

	it('names the plan, its date and the register checksum, and only the enabled programmes', async () => {
		const plan = budgetedPlan();
		plan.name = 'RKA 2027';
		plan.date = '2026-12-01';
		plan.programmes.paket.enabled = false;
		const pack = await packFor(plan);
		expect(pack.plan).toEqual({ title: 'RKA 2027', date: '2026-12-01', threshold: 5 });
		expect(pack.register.checksum).toMatch(/^[0-9a-f]{32}$/);
		expect(pack.programmes).toEqual(['pip', 'bsps', 'rtlh', 'water'] satisfies ProgrammeId[]);
		expect(pack.villages.every((v) => v.need.paket === undefined)).toBe(true);
	});
});
