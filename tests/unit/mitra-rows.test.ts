/**
 * The Mitra screen's arrangement of the pledges' standing (state/mitra-rows.ts), on a hand-made
 * allocation: two unit pledges for water over the same village and one Rupiah pledge for PIP. Every
 * expected figure is added up by hand from the per-line counts below.
 */
import { describe, expect, it } from 'vitest';
import { gapTable, pledgeDraws, type FundedByLine, type Unmet } from '../../src/lib/core/partner/gap';
import { pledgeFlags } from '../../src/lib/core/partner/pledge';
import { defaultPlan, type FundingLine, type Plan } from '../../src/lib/core/plan';
import {
	csvRows,
	gapTableRows,
	handoverFileName,
	localIso,
	pledgeColumns,
	pledgeLineViews,
	withoutPledgeLine
} from '../../src/lib/state/mitra-rows';

const V1 = '64.02.06.2001';
const V2 = '64.02.06.2002';
const V3 = '64.02.06.2003';

const pledge = (firm: string, id: string, seen: number | null, unseen: string[]): FundingLine['pledge'] => ({
	id,
	firm,
	contact: 'csr@example.id',
	year: 2027,
	pack: 'abc',
	seen: { units: seen, rupiah: null },
	unseen
});

/** PT A pledges 3 water connections in V1 and V2 (V2 was hidden in the pack); PT B 5 in V1; PT C Rp 1 jt of PIP in V3. */
function fixture(): Plan {
	const plan = defaultPlan();
	plan.fundingLines = [
		{ id: 'apbd', name: 'APBD', kind: 'APBD', budgets: { water: 10_000_000 } },
		{
			id: 'csr-a-1',
			name: 'PT A #1',
			kind: 'CSR',
			budgets: {},
			units: { water: 3 },
			villages: [V1, V2],
			pledge: pledge('PT A', '1', null, [V2])
		},
		{ id: 'csr-b-1', name: 'PT B #1', kind: 'CSR', budgets: {}, units: { water: 5 }, villages: [V1], pledge: pledge('PT B', '1', 10, []) },
		{ id: 'csr-c-1', name: 'PT C #1', kind: 'CSR', budgets: { pip: 1_000_000 }, villages: [V3], pledge: pledge('PT C', '1', 4, []) }
	];
	return plan;
}

// V1 water: APBD 4, PT A 2, PT B 1 (then nothing left); V2 water: PT A 1, 2 unfunded; V3 PIP: PT C 2 pupils for Rp 900,000.
const FUNDED: FundedByLine[] = [
	{ programme: 'water', village_kode: V1, funding_line: 'apbd', units: 4, rupiah: 10_000_000 },
	{ programme: 'water', village_kode: V1, funding_line: 'csr-a-1', units: 2, rupiah: 5_000_000 },
	{ programme: 'water', village_kode: V2, funding_line: 'csr-a-1', units: 1, rupiah: 2_500_000 },
	{ programme: 'water', village_kode: V1, funding_line: 'csr-b-1', units: 1, rupiah: 2_500_000 },
	{ programme: 'pip', village_kode: V3, funding_line: 'csr-c-1', units: 2, rupiah: 900_000 }
];
const UNMET: Unmet[] = [{ programme: 'water', village_kode: V2, units: 2, rupiah: 5_000_000 }];

function standing(plan: Plan) {
	const draws = pledgeDraws(plan, FUNDED, UNMET);
	return { draws, flags: pledgeFlags(plan, draws), gaps: gapTable(plan, FUNDED, UNMET) };
}

const NAMES = new Map([
	[V1, { nama: 'Satu', kecamatan_nama: 'Tenggarong' }],
	[V2, { nama: 'Dua', kecamatan_nama: 'Tenggarong' }]
]);

describe('the Mitra screen rows', () => {
	it('lists the pledge lines in plan order with what each pledged and drew, and its flags', () => {
		const plan = fixture();
		const views = pledgeLineViews(plan, standing(plan));
		expect(views.map((v) => [v.line, v.firm, v.programme, v.inUnits, v.pledged, v.drawnUnits, v.drawnRupiah, v.flags])).toEqual([
			// All 3 drawn, but V2 was hidden in the pack.
			['csr-a-1', 'PT A', 'water', true, 3, 3, 7_500_000, ['hidden_figures']],
			// 1 of 5: PT A took V1's units first.
			['csr-b-1', 'PT B', 'water', true, 5, 1, 2_500_000, ['over_pledged']],
			// Rp 100,000 of the Rupiah pledge unspent and no unfunded pupil left in V3: short; the pack showed no Rupiah
			// to over-pledge and no other pledge shares V3, so its units were funded otherwise.
			['csr-c-1', 'PT C', 'pip', false, 1_000_000, 2, 900_000, ['already_funded']]
		]);
		// Without a standing yet: the lines, nothing drawn, no flags.
		expect(pledgeLineViews(plan, null).map((v) => [v.drawnUnits, v.flags])).toEqual([
			[0, []],
			[0, []],
			[0, []]
		]);
	});

	it('adds up need = APBD/APBN + pledges + gap per village, with one cell per pledge of the programme', () => {
		const plan = fixture();
		const rows = gapTableRows(plan, standing(plan), NAMES, 'water');
		expect(rows).toEqual([
			{
				key: `water|${V1}`,
				programme: 'water',
				village_kode: V1,
				village_nama: 'Satu',
				kecamatan_nama: 'Tenggarong',
				need: 7,
				public: 4,
				pledges: [
					{ line: 'csr-a-1', units: 2 },
					{ line: 'csr-b-1', units: 1 }
				],
				gap: 0,
				gapRupiah: 0,
				flags: ['over_pledged']
			},
			{
				key: `water|${V2}`,
				programme: 'water',
				village_kode: V2,
				village_nama: 'Dua',
				kecamatan_nama: 'Tenggarong',
				need: 3,
				public: 0,
				pledges: [
					{ line: 'csr-a-1', units: 1 },
					{ line: 'csr-b-1', units: 0 }
				],
				gap: 2,
				gapRupiah: 5_000_000,
				flags: ['hidden_figures']
			}
		]);
		for (const r of rows) expect(r.public + r.pledges.reduce((s, p) => s + p.units, 0) + r.gap).toBe(r.need);
		// Another programme's rows carry its own pledge columns; a village not in the reference shows its code.
		const pip = gapTableRows(plan, standing(plan), NAMES, 'pip');
		expect(pip.map((r) => [r.village_nama, r.need, r.pledges, r.gap])).toEqual([[V3, 2, [{ line: 'csr-c-1', units: 2 }], 0]]);
		expect(pledgeColumns(plan, 'water').map((c) => c.line)).toEqual(['csr-a-1', 'csr-b-1']);
	});

	it('removes only the named pledge line', () => {
		const plan = fixture();
		expect(withoutPledgeLine(plan, 'csr-b-1').fundingLines.map((l) => l.id)).toEqual(['apbd', 'csr-a-1', 'csr-c-1']);
		// A line typed into the plan is not removed this way.
		expect(withoutPledgeLine(plan, 'apbd').fundingLines).toHaveLength(4);
	});

	it('reads back the CSV the app writes: BOM, quotes, commas and CRLF', () => {
		expect(csvRows('\uFEFFno,nama\r\n1,"Siti, ""Ani"""\r\n2,Budi\r\n')).toEqual([
			['no', 'nama'],
			['1', 'Siti, "Ani"'],
			['2', 'Budi']
		]);
		expect(csvRows('')).toEqual([]);
	});

	it('writes a moment with its offset, and names the encrypted file after the line and the day', () => {
		const date = new Date('2026-03-01T02:30:00Z');
		const iso = localIso(date);
		expect(new Date(iso).getTime()).toBe(date.getTime());
		expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
		expect(handoverFileName('csr-pt-a-p1', date)).toBe(`serah-terima-csr-pt-a-p1-${iso.slice(0, 10)}.enc`);
	});
});
