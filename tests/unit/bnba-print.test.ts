/**
 * The printed BNBA (issue 15 point 2) below the screen: the grouping and subtotals by kecamatan and
 * village (worked out by hand), the print's scope read from the address, the plan's print setting
 * (version 4: migrated from version 3, validated field by field with Indonesian words, kept by a save
 * and an open, and no part of what the figures or the allocation read), and the print's query against
 * DuckDB in Node (the BNBA export's units, ordered by kecamatan, village and name; counted before read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReference } from '../../src/cli/reference';
import { PLAN_VERSION, PlanFileError, defaultPlan, parsePlan, serialisePlan, type Plan } from '../../src/lib/core/plan';
import { allocationPart, figuresPart, funnelPart } from '../../src/lib/core/plan-parts';
import type { Reference } from '../../src/lib/core/reference';
import { NodeEngine } from '../../src/lib/engine/node';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { bnba, runAllocation } from '../../src/lib/queries/allocation';
import { bnbaPrint, bnbaPrintCount, bnbaPrintRows, type BnbaPrintRow } from '../../src/lib/queries/bnba-print';
import { bnbaPrintPath, budgetYear, groupBnba, scopeChoices, scopeOfAddress } from '../../src/lib/ui/print/bnba';
import { defaultPrintSettings, letterheadLines, printSettingsOf } from '../../src/lib/ui/print/bnba-settings';
import { pageNumberCss } from '../../src/lib/ui/print/page-header';
import { errorWords } from '../../src/lib/words';
import { fixture } from '../fixtures/ingest';

/** A print row with what the grouping reads; the rest filled in. */
function row(kecamatan: string, village: string, unit: string, people: number, cost: number, line = 'apbd'): BnbaPrintRow {
	return {
		kecamatan_kode: kecamatan,
		kecamatan_nama: `Kec ${kecamatan}`,
		village_kode: village,
		village_nama: `Desa ${village}`,
		unit_id: unit,
		household_id: unit,
		kk: null,
		nik: null,
		nama: `Nama ${unit}`,
		alamat: null,
		people,
		funding_line: line,
		cost
	};
}

describe('grouping the printed BNBA', () => {
	// Kecamatan A: village A1 (3 units), A2 (1 unit); kecamatan B: village B1 (2 units).
	const rows = [
		row('A', 'A1', 'u1', 4, 50_000_000),
		row('A', 'A1', 'u2', 2, 50_000_000),
		row('A', 'A1', 'u3', 5, 40_000_000, 'csr'),
		row('A', 'A2', 'u4', 1, 50_000_000),
		row('B', 'B1', 'u5', 3, 60_000_000),
		row('B', 'B1', 'u6', 6, 60_000_000, 'csr')
	];

	it('adds up each village, each kecamatan and the whole list, numbering the rows in print order', () => {
		const grouped = groupBnba(rows, 2);
		expect(grouped.kecamatan.map((k) => [k.kode, k.villages.map((v) => v.kode)])).toEqual([
			['A', ['A1', 'A2']],
			['B', ['B1']]
		]);
		const [a, b] = grouped.kecamatan;
		// A1: 3 units, 4 + 2 + 5 = 11 people, 50 + 50 + 40 = 140 million.
		expect(a?.villages[0]?.total).toEqual({ units: 3, people: 11, rupiah: 140_000_000 });
		expect(a?.villages[1]?.total).toEqual({ units: 1, people: 1, rupiah: 50_000_000 });
		// Kecamatan A: 4 units, 12 people, 190 million.
		expect(a?.total).toEqual({ units: 4, people: 12, rupiah: 190_000_000 });
		// B1 = kecamatan B: 2 units, 9 people, 120 million.
		expect(b?.villages[0]?.total).toEqual({ units: 2, people: 9, rupiah: 120_000_000 });
		expect(b?.total).toEqual({ units: 2, people: 9, rupiah: 120_000_000 });
		// The whole list: 6 units, 21 people, 310 million.
		expect(grouped.total).toEqual({ units: 6, people: 21, rupiah: 310_000_000 });
		expect(grouped.kecamatan.flatMap((k) => k.villages.flatMap((v) => v.rows.map((r) => [r.no, r.unit_id])))).toEqual([
			[1, 'u1'],
			[2, 'u2'],
			[3, 'u3'],
			[4, 'u4'],
			[5, 'u5'],
			[6, 'u6']
		]);
		// APBD: u1, u2, u4, u5 = 4 units, 210 million; CSR: u3, u6 = 2 units, 100 million.
		expect(grouped.fundingLines).toEqual([
			{ id: 'apbd', units: 4, rupiah: 210_000_000 },
			{ id: 'csr', units: 2, rupiah: 100_000_000 }
		]);
		// With at most 2 rows kept together, A1 (3 rows) may break over a page; A2 and B1 may not.
		expect(grouped.kecamatan.flatMap((k) => k.villages.map((v) => [v.kode, v.keepTogether]))).toEqual([
			['A1', false],
			['A2', true],
			['B1', true]
		]);
	});

	it('a village met again later joins its group; nothing gives empty totals', () => {
		const grouped = groupBnba([rows[0]!, rows[3]!, rows[1]!]);
		expect(grouped.kecamatan[0]?.villages.map((v) => [v.kode, v.rows.map((r) => [r.no, r.unit_id])])).toEqual([
			[
				'A1',
				[
					[1, 'u1'],
					[2, 'u2']
				]
			],
			['A2', [[3, 'u4']]]
		]);
		expect(groupBnba([])).toEqual({ kecamatan: [], total: { units: 0, people: 0, rupiah: 0 }, fundingLines: [] });
	});

	it('lists the kecamatan, or the villages of a kecamatan, with funded units to narrow a print to', () => {
		const budget = (kecamatan: string, village: string, programme: string, funded: number) => ({
			programme,
			kecamatan_kode: kecamatan,
			kecamatan_nama: `Kec ${kecamatan}`,
			village_kode: village,
			village_nama: `Desa ${village}`,
			funded_units: funded
		});
		const villages = [
			budget('B', 'B1', 'rtlh', 7),
			budget('A', 'A1', 'rtlh', 3),
			budget('A', 'A2', 'rtlh', 4),
			budget('A', 'A3', 'rtlh', 0),
			budget('A', 'A1', 'pip', 100)
		];
		expect(scopeChoices(villages, 'rtlh', null)).toEqual([
			{ kode: 'A', nama: 'Kec A', units: 7 },
			{ kode: 'B', nama: 'Kec B', units: 7 }
		]);
		expect(scopeChoices(villages, 'rtlh', 'A')).toEqual([
			{ kode: 'A1', nama: 'Desa A1', units: 3 },
			{ kode: 'A2', nama: 'Desa A2', units: 4 }
		]);
	});
});

describe("the print's address, year and page numbers", () => {
	const reference: Pick<Reference, 'kecamatan' | 'villages'> = {
		kecamatan: [{ kode: '64.03.01', nama: 'Satu', zona: 'x' }],
		villages: [{ kode: '64.03.01.2001', nama: 'Desa Satu', jenis: 'desa', kecamatan_kode: '64.03.01', kecamatan_nama: 'Satu', zona: 'x' }]
	};
	const scope = (query: string) => scopeOfAddress(new URLSearchParams(query), reference);

	it('reads a village (before a kecamatan), a kecamatan, or the whole regency, and names an unknown code', () => {
		expect(scope('program=rtlh')).toMatchObject({ kind: 'scope', scope: { level: 'regency' } });
		expect(scope('program=rtlh&kecamatan=64.03.01')).toMatchObject({ kind: 'scope', scope: { level: 'kecamatan', kode: '64.03.01' } });
		expect(scope('kecamatan=64.03.01&desa=64.03.01.2001')).toMatchObject({
			kind: 'scope',
			scope: { level: 'village', kode: '64.03.01.2001' },
			kecamatan: { nama: 'Satu' }
		});
		expect(scope('kecamatan=64.02.06')).toEqual({ kind: 'unknown_kecamatan', kode: '64.02.06' });
		expect(scope('desa=64.03.01.9999')).toEqual({ kind: 'unknown_village', kode: '64.03.01.9999' });
		expect(bnbaPrintPath('rtlh', { level: 'kecamatan', kode: '64.03.01' })).toBe('/cetak/bnba/?program=rtlh&kecamatan=64.03.01');
		expect(bnbaPrintPath('pip', { level: 'regency' })).toBe('/cetak/bnba/?program=pip');
	});

	it("prints the plan's budget year, else the year after the plan's date, else after today's", () => {
		const today = new Date(2026, 5, 1);
		expect(budgetYear(2030, '2026-03-01', today)).toBe(2030);
		expect(budgetYear(null, '2026-03-01', today)).toBe(2027);
		expect(budgetYear(null, null, today)).toBe(2027);
	});

	it('numbers pages in words with CSS page counters, the words as CSS strings', () => {
		expect(pageNumberCss('Halaman {page} dari {pages}')).toBe(
			'@page { @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font-size: 8pt; color: #56646e; } }'
		);
		expect(pageNumberCss('{page}/{pages} "x"')).toContain('content: counter(page) "/" counter(pages) " \\"x\\""');
	});
});

/** The refusal of a plan text, in the Indonesian words the CLI and the Indonesian UI show. */
function refusal(text: string): { message: string; field?: string } {
	try {
		parsePlan(text, 'rencana.json');
	} catch (error) {
		if (error instanceof PlanFileError) return { message: errorWords(error, 'id'), field: error.field };
		throw error;
	}
	throw new Error('plan was accepted');
}

const PRINT = {
	letterhead: ['PEMERINTAH KABUPATEN BERAU', 'DINAS SOSIAL', 'Jl. Contoh No. 1, Tanjung Redeb'],
	place: 'Tanjung Redeb',
	signatories: [
		{ position: 'Kepala Dinas Sosial', name: 'Dra. Siti Aminah', nip: '19700101 199003 2 002' },
		{ position: 'Camat', name: '', nip: null }
	],
	year: 2027
};

describe("the plan's print setting", () => {
	it('arrived in version 4; a version 3 plan opens without one (the print builds the default) and saves as the current version', () => {
		expect(PLAN_VERSION).toBeGreaterThanOrEqual(4);
		const v3 = parsePlan('{"format": "tepat-plan", "version": 3, "name": "RKA 2027", "villageCap": 4}', 'v3.json');
		expect(v3.version).toBe(PLAN_VERSION);
		expect(v3.print).toBeUndefined();
		expect(v3.villageCap).toBe(4);
		expect(serialisePlan(v3)).not.toContain('"print"');
		// A print setting is no key of a version 3 file.
		expect(refusal('{"version": 3, "print": {"place": "Tenggarong"}}')).toMatchObject({
			field: 'print',
			message: "Berkas rencana 'rencana.json': print tidak dikenal."
		});
	});

	it('is kept by a save and an open, trimmed; an empty name leaves a line to write it on', () => {
		const text = JSON.stringify({ version: 4, print: { ...PRINT, place: '  Tanjung Redeb ' } });
		const plan = parsePlan(text, 'p.json');
		expect(plan.print).toEqual(PRINT);
		expect(parsePlan(serialisePlan(plan), 'again.json')).toEqual(plan);
		// Left out parts take their empty value.
		expect(parsePlan('{"print": {}}', 'p').print).toEqual({ letterhead: [], place: '', signatories: [], year: null });
		expect(parsePlan('{"print": {"signatories": [{"position": "Sekretaris"}]}}', 'p').print?.signatories).toEqual([
			{ position: 'Sekretaris', name: '', nip: null }
		]);
	});

	it('refuses a wrong value naming the field, in Indonesian', () => {
		const print = (value: unknown) => refusal(JSON.stringify({ print: value }));
		expect(print('kop')).toMatchObject({ field: 'print', message: "Berkas rencana 'rencana.json': print harus berupa objek." });
		expect(print({ kop: [] })).toMatchObject({ field: 'print.kop' });
		expect(print({ letterhead: 'DINAS SOSIAL' })).toMatchObject({
			field: 'print.letterhead',
			message: expect.stringContaining('harus berupa daftar')
		});
		expect(print({ letterhead: ['1', '2', '3', '4', '5', '6', '7'] })).toMatchObject({
			field: 'print.letterhead',
			message: "Berkas rencana 'rencana.json': print.letterhead paling banyak 6 (tertulis 7)."
		});
		expect(print({ letterhead: ['A', 'x'.repeat(121)] })).toMatchObject({
			field: 'print.letterhead[1]',
			message: "Berkas rencana 'rencana.json': print.letterhead[1] paling panjang 120 karakter (tertulis 121)."
		});
		expect(print({ letterhead: ['DINAS\nSOSIAL'] }).message).toContain('harus satu baris teks');
		expect(print({ letterhead: ['  '] })).toMatchObject({
			field: 'print.letterhead[0]',
			message: expect.stringContaining('tidak boleh kosong')
		});
		expect(print({ letterhead: [5] }).message).toContain('harus berupa teks');
		expect(print({ place: 'x'.repeat(61) }).field).toBe('print.place');
		expect(print({ signatories: [{ name: 'Tanpa Jabatan' }] })).toMatchObject({
			field: 'print.signatories[0].position',
			message: "Berkas rencana 'rencana.json': print.signatories[0].position tidak boleh kosong."
		});
		expect(print({ signatories: [{ position: 'Kepala', nip: '1970' }] })).toMatchObject({
			field: 'print.signatories[0].nip',
			message: "Berkas rencana 'rencana.json': print.signatories[0].nip harus NIP 18 angka (spasi boleh) atau kosong."
		});
		expect(print({ signatories: [{ position: 'Kepala', nip: '19700101-199003-1-002' }] }).field).toBe('print.signatories[0].nip');
		expect(print({ signatories: [{ position: 'Kepala', jabatan: 'x' }] }).field).toBe('print.signatories[0].jabatan');
		expect(print({ signatories: Array.from({ length: 5 }, () => ({ position: 'Kepala' })) }).field).toBe('print.signatories');
		expect(print({ year: 1999 }).message).toContain('harus antara 2000 dan 2100');
		expect(print({ year: 2027.5 }).field).toBe('print.year');
	});

	it('changes none of the parts the figures, the funnel and the allocation read', () => {
		const plan = defaultPlan();
		const printed: Plan = { ...defaultPlan(), print: PRINT };
		const other: Plan = { ...defaultPlan(), print: { ...PRINT, letterhead: [], signatories: [] } };
		for (const part of [figuresPart, funnelPart, allocationPart]) {
			expect(part(printed)).toBe(part(plan));
			expect(part(other)).toBe(part(plan));
		}
		// While a decision still does.
		expect(allocationPart({ ...printed, villageCap: 3 })).not.toBe(allocationPart(plan));
	});

	it('defaults to a letterhead and a signatory built from the regency it is given', () => {
		const settings = defaultPrintSettings('Kabupaten Berau');
		expect(settings.letterhead).toEqual(['PEMERINTAH KABUPATEN BERAU', 'DINAS SOSIAL']);
		expect(settings.signatories).toEqual([{ position: 'Kepala Dinas Sosial Kabupaten Berau', name: '', nip: null }]);
		expect(settings.place).toBe('');
		// The default passes the plan's own checks, so the first edit can store it.
		expect(parsePlan(JSON.stringify({ print: settings }), 'p').print).toEqual(settings);
		expect(printSettingsOf(defaultPlan(), 'Kota Samarinda').letterhead[0]).toBe('PEMERINTAH KOTA SAMARINDA');
		expect(printSettingsOf({ ...defaultPlan(), print: PRINT }, 'Kota Samarinda')).toEqual(PRINT);
		expect(letterheadLines(' A \r\n\n B\n')).toEqual(['A', 'B']);
	});
});

describe("the print's query on DuckDB in Node", () => {
	const PLAN = {
		population: { desil: { min: 1, max: 10 }, verval: ['found', 'unverified'] },
		fundingLines: [{ id: 'apbd', name: 'APBD', kind: 'APBD', budgets: { pip: 100_000_000, water: 100_000_000, rtlh: 1_000_000_000 } }]
	};
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		const reference = await readReference(undefined);
		await loadReference(engine, reference);
		const files = [fixture('dtsen-keluarga.csv'), fixture('dtsen-anggota.csv')];
		await ingestRegister(engine, await Promise.all(files.map((f) => fileByteSource(f))), reference);
		await runAllocation(engine, parsePlan(JSON.stringify(PLAN), 'rencana.json'));
	});
	afterAll(async () => {
		await engine?.close();
	});

	const members = async () =>
		new Map(
			((await engine.query('SELECT household_id, members FROM household')).toArray() as { household_id: string; members: number }[]).map(
				(h) => [h.household_id, Number(h.members)]
			)
		);

	it("prints the export's units with its names and NIK, by kecamatan, village and name, with the people they reach", async () => {
		const sizes = await members();
		for (const programme of ['pip', 'water', 'rtlh'] as const) {
			const exported = await bnba(engine, programme);
			const printed = await bnbaPrintRows(engine, programme, { level: 'regency' });
			expect(printed.length, programme).toBe(exported.length);
			expect(printed.length, programme).toBeGreaterThan(0);
			const byUnit = new Map(exported.map((r) => [r.unit_id, r]));
			for (const p of printed) {
				const e = byUnit.get(p.unit_id);
				expect([p.village_kode, p.nama, p.nik, p.kk, p.alamat, p.cost, p.funding_line]).toEqual([
					e?.village_kode,
					e?.nama,
					e?.nik,
					e?.kk,
					e?.alamat,
					e?.cost,
					e?.funding_line
				]);
				expect(p.people).toBe(programme === 'pip' ? 1 : sizes.get(p.household_id));
			}
			const order = printed.map((p) => [p.kecamatan_kode, p.village_kode, (p.nama ?? '').toLowerCase(), p.unit_id].join('\u0000'));
			expect(order).toEqual([...order].sort());
			expect(await bnbaPrintCount(engine, programme, { level: 'regency' })).toBe(printed.length);
		}
	});

	it('narrows to a kecamatan or a village, and counts without reading above the limit', async () => {
		const all = await bnbaPrintRows(engine, 'pip', { level: 'regency' });
		const first = all[0];
		if (!first) throw new Error('no PIP row');
		const inKecamatan = await bnbaPrintRows(engine, 'pip', { level: 'kecamatan', kode: first.kecamatan_kode });
		expect(inKecamatan).toEqual(all.filter((r) => r.kecamatan_kode === first.kecamatan_kode));
		const inVillage = await bnbaPrintRows(engine, 'pip', { level: 'village', kode: first.village_kode });
		expect(inVillage).toEqual(all.filter((r) => r.village_kode === first.village_kode));
		expect(await bnbaPrintRows(engine, 'pip', { level: 'village', kode: "x' OR '1'='1" })).toEqual([]);

		expect(await bnbaPrint(engine, 'pip', { level: 'regency' }, all.length)).toEqual({ total: all.length, rows: all });
		expect(await bnbaPrint(engine, 'pip', { level: 'regency' }, all.length - 1)).toEqual({ total: all.length, rows: null });
	});
});
