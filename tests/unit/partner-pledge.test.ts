/**
 * Issue 16 point 3: a partner's pledge file read strictly, imported as CSR lines drawn after
 * APBD/APBN, and the per-village gap and flags that follow. Expected figures come from the pack the
 * partner saw and from counting the allocation table directly, not from the gap builder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackFigure, PartnerPack } from '../../src/lib/core/partner/pack';
import {
	importPledges,
	parsePledgeFile,
	seenIn,
	serialisePledgeFile,
	type Pledge,
	type PledgeFile
} from '../../src/lib/core/partner/pledge';
import type { Plan, ProgrammeId } from '../../src/lib/core/plan';
import { rowsOf } from '../../src/lib/core/rows';
import { CodedError } from '../../src/lib/core/messages';
import type { NodeEngine } from '../../src/lib/engine/node';
import { runAllocation } from '../../src/lib/queries/allocation';
import { partnerPack } from '../../src/lib/queries/partner-pack';
import { pledgeStanding } from '../../src/lib/queries/pledges';
import { generatedRegisterEngine } from '../fixtures/capabilities';
import { budgetedPlan } from '../fixtures/plans';

/** A parsed file edited the way a hostile or careless hand would: any key, any value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits break the file's types on purpose
type HostileEdit = Record<string, any>;

let engine: NodeEngine;
let pack: PartnerPack;
const PROGRAMME: ProgrammeId = 'paket';

async function packFor(plan: Plan): Promise<PartnerPack> {
	await runAllocation(engine, plan);
	return partnerPack(engine, {
		plan,
		regency: { kode: '64.02', nama: 'Kabupaten Kutai Kartanegara' },
		boundaries: null,
		attribution: null,
		now: new Date('2026-12-05T08:00:00Z')
	});
}

/** The list's i-th item; a fixture too small for the test fails here, by name. */
function at<T>(list: readonly T[], i: number): T {
	const item = list[i];
	if (item === undefined) throw new Error(`the fixture has no item ${i}`);
	return item;
}

/** Villages whose unmet units of the programme the pack publishes, largest first. */
function published(p: PartnerPack, min: number): { kode: string; units: number }[] {
	return p.villages
		.map((v) => ({ kode: v.kode, units: (v.need[PROGRAMME] as PackFigure).units }))
		.filter((v): v is { kode: string; units: number } => v.units !== null && v.units >= min)
		.sort((a, b) => b.units - a.units || a.kode.localeCompare(b.kode));
}

function pledgeFile(firm: string, pledges: Omit<Pledge, 'seen' | 'unseen' | 'year'>[]): PledgeFile {
	return {
		format: 'tepat-pledge',
		version: 1,
		createdAt: '2026-12-05T09:00:00.000Z',
		firm,
		contact: 'csr@example.co.id',
		pack: { checksum: 'ab'.repeat(32), title: pack.plan.title, register: pack.register.checksum },
		pledges: pledges.map((p) => ({ ...p, year: 2027, ...seenIn(pack, p.programme, p.villages) }))
	};
}

/** Units of the programme in a village no line funds, counted in the allocation table. */
async function unfunded(village: string): Promise<number> {
	const rows = rowsOf(
		await engine.query(
			`SELECT count(*)::INTEGER AS n FROM allocation WHERE programme = '${PROGRAMME}' AND village_kode = '${village}' AND status <> 'excluded' AND funding_line IS NULL`
		),
		{ n: 'number' }
	);
	return at(rows, 0).n;
}

beforeAll(async () => {
	engine = await generatedRegisterEngine(4000, 31);
	pack = await packFor(budgetedPlan());
}, 60_000);

afterAll(async () => {
	await engine?.close();
});

describe('the pledge file', () => {
	it('round-trips, and names the field a damaged file has wrong', () => {
		const v = at(published(pack, 5), 0);
		const file = pledgeFile('PT Batu Bara Sejahtera', [{ id: 'P1', programme: PROGRAMME, villages: [v.kode], units: 3, rupiah: null }]);
		const text = serialisePledgeFile(file);
		expect(parsePledgeFile(text, 'janji.json')).toEqual(file);
		expect(parsePledgeFile(`\uFEFF${text}`, 'janji.json')).toEqual(file);

		const refusal = (change: (o: HostileEdit) => void): { code: string; params: Record<string, string> } => {
			const o = JSON.parse(text);
			change(o);
			try {
				parsePledgeFile(JSON.stringify(o), 'janji.json');
			} catch (e) {
				if (e instanceof CodedError) return { code: e.said.code, params: e.said.params as Record<string, string> };
				throw e;
			}
			throw new Error('accepted');
		};
		expect(refusal((o) => (o.pledges[0].units = 0)).code).toBe('partner.pledge_units_or_rupiah');
		expect(refusal((o) => (o.pledges[0].rupiah = 1000)).code).toBe('partner.pledge_units_or_rupiah');
		expect(refusal((o) => (o.pledges[0].villages = ['64.02.01'])).params.field).toBe('pledges[0].villages[0]');
		expect(refusal((o) => (o.pledges[0].programme = 'beras')).params.field).toBe('pledges[0].programme');
		expect(refusal((o) => (o.pledges[0].nik = '6402010101010001')).params.field).toBe('pledges[0].nik');
		expect(refusal((o) => (o.firm = '   ')).params.field).toBe('firm');
		expect(refusal((o) => (o.pledges = [])).params.field).toBe('pledges');
		expect(refusal((o) => o.pledges.push({ ...o.pledges[0] })).params.field).toBe('pledges');
		expect(refusal((o) => (o.createdAt = 'kemarin')).params.field).toBe('createdAt');
		expect(() => parsePledgeFile('{"format": "tepat-plan"}', 'x.json')).toThrow(CodedError);
		expect(() => parsePledgeFile('{', 'x.json')).toThrow(CodedError);
	});
});

describe('pledges in the plan', () => {
	it('become CSR lines after APBD/APBN; each takes its units from its village, and the gap falls by exactly that', async () => {
		const a = at(published(pack, 6), 0);
		const b = at(published(pack, 6), 1);
		const gapBefore = { a: await unfunded(a.kode), b: await unfunded(b.kode) };
		// What the pack showed is what the allocation leaves unfunded.
		expect(gapBefore).toEqual({ a: a.units, b: b.units });

		const file = pledgeFile('PT Batu Bara Sejahtera', [
			{ id: 'P1', programme: PROGRAMME, villages: [a.kode], units: 3, rupiah: null },
			{ id: 'P2', programme: PROGRAMME, villages: [b.kode], units: 2, rupiah: null }
		]);
		const imported = importPledges(budgetedPlan(), file);
		expect(imported.lines).toEqual(['csr-pt-batu-bara-sejahte-p1', 'csr-pt-batu-bara-sejahte-p2']);
		expect(imported.replaced).toBe(0);
		const lines = imported.plan.fundingLines;
		expect(lines.map((l) => l.id)).toEqual(['apbd', 'apbn', ...imported.lines]);
		expect(at(lines, 2)).toMatchObject({ kind: 'CSR', units: { [PROGRAMME]: 3 }, villages: [a.kode], budgets: {} });
		expect(at(lines, 2).pledge).toMatchObject({ firm: 'PT Batu Bara Sejahtera', year: 2027, seen: { units: a.units }, unseen: [] });

		await runAllocation(engine, imported.plan);
		expect({ a: await unfunded(a.kode), b: await unfunded(b.kode) }).toEqual({ a: a.units - 3, b: b.units - 2 });
		const standing = await pledgeStanding(engine, imported.plan);
		expect(standing.draws.map((d) => [d.line, d.units])).toEqual([
			[imported.lines[0], 3],
			[imported.lines[1], 2]
		]);
		expect(standing.flags).toEqual([]);
		const rowA = standing.gaps.find((g) => g.programme === PROGRAMME && g.village_kode === a.kode);
		expect(rowA).toMatchObject({ pledges: { [at(imported.lines, 0)]: 3 }, gap: a.units - 3 });
		expect(rowA?.need).toBe((rowA?.public ?? 0) + 3 + (rowA?.gap ?? 0));

		// The same firm's file again replaces its lines; another firm's is added after them.
		const again = importPledges(imported.plan, file);
		expect(again.replaced).toBe(2);
		expect(again.plan.fundingLines.map((l) => l.id)).toEqual(lines.map((l) => l.id));
		const other = importPledges(
			again.plan,
			pledgeFile('CV Sawit Hijau', [{ id: 'P1', programme: PROGRAMME, villages: [a.kode], units: 1, rupiah: null }])
		);
		expect(other.plan.fundingLines.map((l) => l.id)).toEqual([...lines.map((l) => l.id), 'csr-cv-sawit-hijau-p1']);
	});

	it('flags a pledge over the need, a second pledge on the same units, a pledge over a hidden figure, and units funded since', async () => {
		const a = at(published(pack, 6), 0);
		const hidden = pack.villages.find((v) => (v.need[PROGRAMME] as PackFigure).units === null);
		expect(hidden, 'the fixture has a hidden village').toBeDefined();
		const first = importPledges(
			budgetedPlan(),
			pledgeFile('PT Satu', [
				{ id: 'OVER', programme: PROGRAMME, villages: [a.kode], units: a.units + 4, rupiah: null },
				{ id: 'HID', programme: PROGRAMME, villages: [hidden?.kode ?? ''], units: 1, rupiah: null }
			])
		);
		const both = importPledges(
			first.plan,
			pledgeFile('PT Dua', [{ id: 'SAME', programme: PROGRAMME, villages: [a.kode], units: 2, rupiah: null }])
		);
		await runAllocation(engine, both.plan);
		const { flags, draws } = await pledgeStanding(engine, both.plan);
		expect(draws.find((d) => d.line === 'csr-pt-satu-over')?.units).toBe(a.units);
		expect(draws.find((d) => d.line === 'csr-pt-dua-same')?.units).toBe(0);
		expect(flags.map((f) => `${f.line}:${f.kind}`).sort()).toEqual(
			['csr-pt-dua-same:over_pledged', 'csr-pt-satu-hid:hidden_figures', 'csr-pt-satu-over:over_pledged'].sort()
		);
		expect(flags.find((f) => f.kind === 'hidden_figures')?.villages).toEqual([hidden?.kode]);

		// APBD grows after the pack: the units the partner saw are funded by it, and its pledge draws nothing.
		const grown = importPledges(
			budgetedPlan(),
			pledgeFile('PT Tiga', [{ id: 'LATE', programme: PROGRAMME, villages: [a.kode], units: 2, rupiah: null }])
		);
		at(grown.plan.fundingLines, 0).budgets[PROGRAMME] = 1e13;
		await runAllocation(engine, grown.plan);
		const late = await pledgeStanding(engine, grown.plan);
		expect(await unfunded(a.kode)).toBe(0);
		expect(late.flags).toEqual([{ line: 'csr-pt-tiga-late', kind: 'already_funded', pledged: 2, drawn: 0, villages: [] }]);
	});
});
