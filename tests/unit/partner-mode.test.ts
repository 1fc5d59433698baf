/**
 * Partner mode's logic without a browser (issue 16 points 2 and 3): the suppression mark in every
 * form it is written, the rows and map classes of a filter, the target CSV, and the pledge draft:
 * read back from storage, checked, and turned into a pledge file Dinsos's reader accepts.
 */
import { describe, expect, it } from 'vitest';
import type { PackArea, PackFigure, PackVillage, PartnerPack } from '../../src/lib/core/partner/pack';
import { parsePledgeFile } from '../../src/lib/core/partner/pledge';
import { NO_DATA_COLOUR, OUTSIDE_COLOUR } from '../../src/lib/state/map-view';
import { buildPledgeFile, draftOf, firmStem, nextPledgeId, pledgeProblems, type Draft } from '../../src/lib/state/partner-draft';
import { countCell, countText, rupiahCell, rupiahText, suppressedMark } from '../../src/lib/ui/partner/mark';
import { SUPPRESSED_COLOUR, ZERO_COLOUR, packCsv, packMapView, packRows } from '../../src/lib/ui/partner/pack-view';

const fig = (units: number | null, rupiah: number | null = units === null ? null : units * 1000, atLeast?: number): PackFigure =>
	atLeast === undefined ? { units, rupiah } : { units, rupiah, rupiahAtLeast: atLeast };

function village(kode: string, kecamatan: string, nama: string, rtlh: PackFigure, water: PackFigure, total: PackFigure): PackVillage {
	return { kode, nama, kecamatan, need: { rtlh, water }, total, indicators: { ats: 0, rtlh: 0, water_unsafe: 0 } };
}

const area = (kode: string, nama: string, total: PackFigure): PackArea => ({
	kode,
	nama,
	need: { rtlh: total, water: total },
	total,
	indicators: { ats: null, rtlh: null, water_unsafe: null }
});

const square = (x: number) => ({
	type: 'Polygon' as const,
	coordinates: [
		[
			[x, 0],
			[x + 1, 0],
			[x + 1, 1],
			[x, 0]
		]
	]
});

/** Two kecamatan; A1 hides its RTLH figure, A2 has no need left, B1 a formula-like name. */
const PACK: PartnerPack = {
	format: 'tepat-partner-pack',
	version: 1,
	createdAt: '2026-12-05T08:00:00.000Z',
	plan: { title: 'Rencana 2027', date: '2026-12-01', threshold: 5 },
	register: { checksum: 'abcdef0123456789' },
	regency: area('64.02', 'Kab. Uji', fig(40, null, 30_000)),
	programmes: ['rtlh', 'water'],
	indicators: ['ats', 'rtlh', 'water_unsafe'],
	kecamatan: [area('64.02.01', 'Satu', fig(12, null, 9000)), area('64.02.02', 'Dua', fig(28))],
	villages: [
		village('64.02.01.2001', '64.02.01', 'Alpha', fig(null), fig(9), fig(12, null, 9000)),
		village('64.02.01.2002', '64.02.01', 'Beta', fig(0), fig(0), fig(0)),
		village('64.02.02.2001', '64.02.02', '=Gamma', fig(20), fig(8), fig(28)),
		village('64.02.02.2002', '64.02.02', 'Delta', fig(6), fig(null), fig(null))
	],
	boundaries: {
		type: 'FeatureCollection',
		features: ['64.02.01.2001', '64.02.01.2002', '64.02.02.2001', '64.02.02.2002'].map((kode, i) => ({
			type: 'Feature' as const,
			properties: { kode, nama: kode },
			geometry: square(i)
		}))
	},
	attribution: 'contoh'
};

describe('the suppression mark', () => {
	it('is "< threshold" for a hidden figure, never 0 or a dash, and figures stay figures', () => {
		expect(suppressedMark(5)).toBe('< 5');
		expect(suppressedMark(10)).toBe('< 10');
		expect(countText(null, 5)).toBe('< 5');
		expect(countText(0, 5)).toBe('0');
		expect(countText(1234, 5)).toBe('1.234');
		expect(countCell(null, 5)).toBe('< 5');
		expect(countCell(0, 5)).toBe(0);
	});

	it("writes a hidden cell's Rupiah as the mark, and a total's lower bound as ≥", () => {
		expect(rupiahText(fig(null), 5)).toBe('< 5');
		expect(rupiahText(fig(3, 4_500_000), 5)).toBe('Rp 4.500.000');
		expect(rupiahText(fig(12, null, 9000), 5)).toBe('≥ Rp 9.000');
		expect(rupiahCell(fig(null), 5)).toBe('< 5');
		expect(rupiahCell(fig(12, null, 9000), 5)).toBe('≥ 9000');
		expect(rupiahCell(fig(3, 4500), 5)).toBe(4500);
	});
});

describe('what a filter shows of a pack', () => {
	it('lists villages with need left, a hidden figure counting as need', () => {
		const kodes = (kecamatan: string | null, programme: 'rtlh' | 'water' | null) =>
			packRows(PACK, { kecamatan, programme }).map((v) => v.kode);
		expect(kodes(null, null)).toEqual(['64.02.01.2001', '64.02.02.2001', '64.02.02.2002']);
		expect(kodes(null, 'rtlh')).toEqual(['64.02.01.2001', '64.02.02.2001', '64.02.02.2002']);
		expect(kodes('64.02.02', 'water')).toEqual(['64.02.02.2001', '64.02.02.2002']);
		expect(kodes('64.02.01', 'water')).toEqual(['64.02.01.2001']);
	});

	it('colours hidden figures apart from no need, from need and from "no data", and counts them in the legend', () => {
		const view = packMapView(PACK, { kecamatan: null, programme: 'rtlh' }, 'k');
		expect(view.paint.colours[0]).toBe(SUPPRESSED_COLOUR);
		expect(view.paint.colours[1]).toBe(ZERO_COLOUR);
		expect(new Set([SUPPRESSED_COLOUR, ZERO_COLOUR, NO_DATA_COLOUR, OUTSIDE_COLOUR]).size).toBe(4);
		expect(view.paint.colours.slice(2)).not.toContain(SUPPRESSED_COLOUR);
		expect(view.paint.classOf.get('64.02.01.2001')).toBe(0);
		expect(view.paint.classOf.get('64.02.01.2002')).toBe(1);
		expect(view.paint.classOf.get('64.02.02.2001')).toBeGreaterThanOrEqual(2);
		expect(view.paint.classOf.get('64.02.02.2002')).toBeGreaterThanOrEqual(2);
		const legend = Object.fromEntries(view.legend.filter((r) => r.kind !== 'class').map((r) => [r.kind, r.count]));
		expect(legend).toEqual({ zero: 1, suppressed: 1 });
		expect(view.legend.filter((r) => r.kind === 'class').reduce((s, r) => s + r.count, 0)).toBe(2);
	});

	it('draws villages outside the kecamatan filter pale, and changes its key with the filter', () => {
		const all = packMapView(PACK, { kecamatan: null, programme: 'water' }, 'k');
		const view = packMapView(PACK, { kecamatan: '64.02.02', programme: 'water' }, 'k');
		expect([...view.paint.outside].sort()).toEqual(['64.02.01.2001', '64.02.01.2002']);
		expect(view.paint.classOf.get('64.02.02.2002')).toBe(0);
		expect(view.legend.find((r) => r.kind === 'outside')?.count).toBe(2);
		expect(view.paint.key).not.toBe(all.paint.key);
	});

	it('writes the target table as CSV with the mark in hidden cells, never 0 or empty, formulas neutralised', () => {
		const words = {
			kecamatanKode: 'kode_kecamatan',
			kecamatan: 'kecamatan',
			villageKode: 'kode_desa',
			village: 'desa',
			units: (p: string) => `${p} - unit`,
			rupiah: (p: string) => `${p} - rupiah`,
			programme: (p: string) => p.toUpperCase(),
			total: 'Semua'
		};
		const csv = packCsv(PACK, packRows(PACK, { kecamatan: null, programme: null }), null, words);
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(lines[0]).toBe(
			'kode_kecamatan,kecamatan,kode_desa,desa,RTLH - unit,RTLH - rupiah,WATER - unit,WATER - rupiah,Semua - unit,Semua - rupiah'
		);
		expect(lines[1]).toBe('64.02.01,Satu,64.02.01.2001,Alpha,< 5,< 5,9,9000,12,≥ 9000');
		expect(lines[2]).toBe("64.02.02,Dua,64.02.02.2001,'=Gamma,20,20000,8,8000,28,28000");
		expect(lines[3]).toBe('64.02.02,Dua,64.02.02.2002,Delta,6,6000,< 5,< 5,< 5,< 5');
		expect(csv).not.toMatch(/,,|,\r\n/);
	});
});

describe('the pledge draft', () => {
	it('reads a stored draft back, leaving out what is damaged', () => {
		const draft = draftOf({
			firm: 'PT A',
			contact: 'B',
			pledges: [
				{ id: 'P1', programme: 'rtlh', villages: ['64.02.02.2001', '64.02.01.2001', '64.02.02.2001'], units: 3, rupiah: null, year: 2027 },
				{ id: 'P1', programme: 'rtlh', villages: ['64.02.02.2001'], units: 1, rupiah: null, year: 2027 },
				{ id: 'P2', programme: 'rtlh', villages: ['64.02.02.2001'], units: 1, rupiah: 5, year: 2027 },
				{ id: 'P3', programme: 'roads', villages: ['64.02.02.2001'], units: 1, rupiah: null, year: 2027 },
				{ id: 'P4', programme: 'water', villages: [], units: 1, rupiah: null, year: 2027 },
				{ id: 'P5', programme: 'water', villages: ['64.02.02.2001'], units: null, rupiah: 5_000_000, year: 1999 },
				{ id: 'P6', programme: 'water', villages: ['64.02.02.2001'], units: null, rupiah: 5_000_000, year: 2028 },
				'P7'
			]
		});
		expect(draft.firm).toBe('PT A');
		expect(draft.pledges.map((p) => p.id)).toEqual(['P1', 'P6']);
		expect(draft.pledges[0]?.villages).toEqual(['64.02.01.2001', '64.02.02.2001']);
		expect(draftOf('not a draft')).toEqual({ firm: '', contact: '', pledges: [] });
	});

	it('numbers pledges after the highest id, so a removed one is never reused for another', () => {
		expect(nextPledgeId([])).toBe('P1');
		const base = { programme: 'rtlh' as const, villages: ['64.02.02.2001'], units: 1, rupiah: null, year: 2027 };
		expect(
			nextPledgeId([
				{ ...base, id: 'P1' },
				{ ...base, id: 'P3' }
			])
		).toBe('P4');
	});

	it('says what is wrong with a pledge', () => {
		const ok = { programme: 'rtlh' as const, villages: ['64.02.02.2001'], amountKind: 'units' as const, amount: 2, year: 2027 };
		expect(pledgeProblems(PACK, ok)).toEqual([]);
		expect(pledgeProblems(PACK, { ...ok, programme: null })).toEqual(['programme']);
		expect(pledgeProblems(PACK, { ...ok, programme: 'pip' })).toEqual(['programme']);
		expect(pledgeProblems(PACK, { ...ok, villages: [] })).toEqual(['villages']);
		expect(pledgeProblems(PACK, { ...ok, villages: ['64.02.09.2001'] })).toEqual(['villages']);
		expect(pledgeProblems(PACK, { ...ok, amount: 0 })).toEqual(['amount']);
		expect(pledgeProblems(PACK, { ...ok, amount: null })).toEqual(['amount']);
		expect(pledgeProblems(PACK, { ...ok, amount: 20_000_000 })).toEqual(['amount']);
		expect(pledgeProblems(PACK, { ...ok, amountKind: 'rupiah', amount: 20_000_000 })).toEqual([]);
		expect(pledgeProblems(PACK, { ...ok, year: 1999 })).toEqual(['year']);
		expect(pledgeProblems(PACK, { ...ok, year: null })).toEqual(['year']);
	});

	it('becomes a pledge file carrying what the pack showed, read back as written by the pledge reader', () => {
		const draft: Draft = {
			firm: '  PT Contoh Abadi ',
			contact: 'contoh@example.id',
			pledges: [
				{ id: 'P1', programme: 'rtlh', villages: ['64.02.02.2001', '64.02.02.2002'], units: 10, rupiah: null, year: 2027 },
				{ id: 'P2', programme: 'rtlh', villages: ['64.02.01.2001', '64.02.02.2001'], units: null, rupiah: 50_000_000, year: 2027 }
			]
		};
		const { file, text } = buildPledgeFile(PACK, 'f'.repeat(64), draft, new Date('2026-12-05T09:00:00Z'));
		expect(parsePledgeFile(text, 'janji.json')).toEqual(file);
		expect(file.firm).toBe('PT Contoh Abadi');
		expect(file.pack).toEqual({ checksum: 'f'.repeat(64), title: 'Rencana 2027', register: 'abcdef0123456789' });
		expect(file.pledges[0]).toMatchObject({ seen: { units: 26, rupiah: 26_000 }, unseen: [] });
		expect(file.pledges[1]).toMatchObject({ seen: { units: null, rupiah: null }, unseen: ['64.02.01.2001'] });
	});

	it('refuses a draft the pledge reader would refuse, instead of handing it out', () => {
		const draft: Draft = { firm: 'PT A', contact: '', pledges: [] };
		expect(() => buildPledgeFile(PACK, 'f'.repeat(64), draft, new Date())).toThrow();
	});

	it('names the file after the firm, in letters, digits and dashes', () => {
		expect(firmStem('PT. Bumi Kaltim (Persero) Tbk')).toBe('pt-bumi-kaltim-persero-tbk');
		expect(firmStem('///')).toBe('mitra');
	});
});
