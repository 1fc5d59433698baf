/**
 * Issue 11 point 3, "what this register can feed": an absent column never filters anyone, a value
 * missing in a column that exists follows the plan's rule, and the capability list names what is
 * missing. The same on DuckDB in Node and on duckdb-wasm (the browser's engine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/lib/core/capabilities';
import { housingEmptyCauses, populationEmptyCauses } from '../../src/lib/core/funnel';
import { householdInPopulation, personInPopulation } from '../../src/lib/core/indicators';
import { defaultPlan, type Plan } from '../../src/lib/core/plan';
import type { Reference } from '../../src/lib/core/reference';
import { rowsOf } from '../../src/lib/core/rows';
import { NodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import { exportNotes, reasonText } from '../../src/lib/words/capability-notes';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { populationFunnel, registerFields } from '../../src/lib/queries/capabilities';
import { villageIndicators } from '../../src/lib/queries/indicators';
import { REFERENCE } from '../../src/lib/sample/region';
import { OWNERSHIP_COLUMNS, csvSource, editCsv, fixtureText, generatedDtsen } from '../fixtures/capabilities';
import { TINY_REFERENCE } from '../fixtures/ingest';
import { WasmTestEngine } from './wasm-engine';

const ENGINES: [string, () => Promise<Engine & { close(): Promise<void> }>][] = [
	['Node', () => NodeEngine.open()],
	['duckdb-wasm', () => WasmTestEngine.open()]
];

async function load(engine: Engine, reference: Reference, name: string, csv: string): Promise<void> {
	await loadReference(engine, reference);
	await ingestRegister(engine, [csvSource(name, csv)], reference);
}

/** Every desil, only 'found': the verval filter is the one under test. */
function foundOnly(rule: 'counted' | 'excluded'): Plan {
	const plan = defaultPlan();
	plan.population.desil = { min: 1, max: 10 };
	plan.population.missing.verval = rule;
	return plan;
}

describe.each(ENGINES)('on %s', (_name, open) => {
	let engine: Engine & { close(): Promise<void> };
	beforeAll(async () => {
		engine = await open();
	});
	afterAll(async () => {
		await engine.close();
	});

	it('a DTSEN register without verval and ownership columns counts as if every status were "found"', async () => {
		const { sample, csv } = generatedDtsen();
		await load(engine, REFERENCE, 'tanpa-verval.csv', editCsv(csv, { drop: ['status_verval', ...OWNERSHIP_COLUMNS] }));
		const without = await villageIndicators(engine, defaultPlan());
		const funnel = await populationFunnel(engine, defaultPlan());
		const fields = await registerFields(engine);

		await load(engine, REFERENCE, 'semua-ditemukan.csv', editCsv(csv, { set: { status_verval: 'Ditemukan' } }));
		const found = await villageIndicators(engine, defaultPlan());

		expect(without).toEqual(found);
		// The default population is desil 1–4, counted from the generator's own families.
		const poor = sample.families.filter((f) => f.desil >= 1 && f.desil <= 4).length;
		expect(funnel).toMatchObject({ households: sample.families.length, verval: sample.families.length, population: poor });
		expect(poor).toBeGreaterThan(0);
		const unfit = without.reduce((sum, v) => sum + v.figures.rtlh.count, 0);
		expect(unfit).toBeGreaterThan(0);
		// No ownership column: BSPS and RTLH take every unfit house of the population.
		expect(funnel.housing.bsps).toEqual({ need: unfit, land: unfit, house: unfit, candidates: unfit });
		expect(populationEmptyCauses(funnel)).toEqual([]);

		const caps = capabilitiesOf(fields, defaultPlan());
		expect(caps.absent).toEqual([
			'household.tenure',
			'household.land_own',
			'household.wall_condition',
			'household.roof_condition',
			'household.verval_status',
			'person.verval_status'
		]);
		expect(caps.filters.find((f) => f.id === 'verval')).toMatchObject({ applies: false });
		expect(caps.filters.find((f) => f.id === 'desil')).toMatchObject({ applies: true, missing: 0 });
		const bsps = caps.programmes.find((p) => p.id === 'bsps');
		expect(bsps?.status).toBe('partial');
		expect(bsps?.reasons.map((r) => reasonText(r))).toEqual([
			// DTSEN never records condition: a note, BSPS stays partial for the requirements alone.
			'tidak ada kolom kondisi atap: atap berkondisi buruk tidak terhitung',
			'tidak ada kolom kondisi dinding: dinding berkondisi buruk tidak terhitung',
			'tidak ada kolom kepemilikan lahan: syarat milik lahan BSPS tidak bisa diperiksa',
			'tidak ada kolom kepemilikan rumah: syarat milik rumah BSPS tidak bisa diperiksa'
		]);
		expect(caps.indicators.find((c) => c.id === 'rtlh')).toMatchObject({ status: 'full' });
		expect(exportNotes(caps)).toEqual([
			'Filter verval: tidak berlaku (tidak ada kolom status verval)',
			'Syarat milik lahan BSPS: tidak berlaku (tidak ada kolom kepemilikan lahan)',
			'Syarat milik rumah BSPS: tidak berlaku (tidak ada kolom kepemilikan rumah)',
			'Syarat milik rumah RTLH: tidak berlaku (tidak ada kolom kepemilikan rumah)'
		]);
	});

	describe('dtsen-flat.csv: Jahab found, Rapak Lambur without a status, Tabang deceased', () => {
		/** Households by village (the RTLH denominator) and people of the population in reference villages. */
		async function counted(plan: Plan): Promise<{ villages: Record<string, number>; people: number }> {
			const rows = await villageIndicators(engine, plan);
			const villages = Object.fromEntries(rows.map((r) => [r.nama, r.figures.rtlh.denominator]));
			const [row] = rowsOf(
				await engine.query(
					`SELECT count(*)::INTEGER AS n FROM person p JOIN household h ON h.household_id = p.household_id ` +
						`JOIN village v ON v.kode = h.village_kode WHERE ${householdInPopulation(plan.population)} AND ${personInPopulation(plan.population)}`
				),
				{ n: 'number' }
			);
			return { villages, people: row?.n ?? -1 };
		}

		it('a status missing where the column exists follows the plan: counted by default, left out on request', async () => {
			await load(engine, TINY_REFERENCE, 'dtsen-flat.csv', await fixtureText('dtsen-flat.csv'));
			// Counted: Jahab (3 people) and Rapak Lambur (2), not Tabang.
			expect(await counted(foundOnly('counted'))).toEqual({
				villages: { 'Contoh Muara Muntai': 0, Jahab: 1, 'Rapak Lambur': 1, 'Contoh Tabang': 0 },
				people: 5
			});
			expect(await counted(foundOnly('excluded'))).toEqual({
				villages: { 'Contoh Muara Muntai': 0, Jahab: 1, 'Rapak Lambur': 0, 'Contoh Tabang': 0 },
				people: 3
			});
			const fields = await registerFields(engine);
			expect(fields.find((f) => f.table === 'household' && f.field === 'verval_status')).toEqual({
				table: 'household',
				field: 'verval_status',
				present: true,
				sourceColumns: 'status_verval',
				missing: 1
			});
			expect(exportNotes(capabilitiesOf(fields, foundOnly('excluded')))).toEqual([
				'Filter verval: berlaku; status verval kosong di 1 keluarga: tidak dihitung'
			]);
		});

		it('without the column the filter does not apply, whatever the rule', async () => {
			const csv = editCsv(await fixtureText('dtsen-flat.csv'), { drop: ['status_verval'] });
			await load(engine, TINY_REFERENCE, 'dtsen-flat-tanpa-verval.csv', csv);
			// Every household of a reference village, Tabang's deceased one too: 3 + 2 + 4 people.
			const all = { villages: { 'Contoh Muara Muntai': 0, Jahab: 1, 'Rapak Lambur': 1, 'Contoh Tabang': 1 }, people: 9 };
			expect(await counted(foundOnly('excluded'))).toEqual(all);
			expect(await counted(foundOnly('counted'))).toEqual(all);
			const rows = rowsOf(await engine.query(`SELECT count(verval_status)::INTEGER AS n FROM household`), { n: 'number' });
			expect(rows).toEqual([{ n: 0 }]);
		});

		it('an empty population or programme names the setting that emptied it', async () => {
			await load(engine, TINY_REFERENCE, 'dtsen-flat.csv', await fixtureText('dtsen-flat.csv'));
			// Desil 6–10: nobody (desils are 2, 5, 1 in the reference villages).
			const rich = defaultPlan();
			rich.population.desil = { min: 6, max: 10 };
			const funnel = await populationFunnel(engine, rich);
			expect(funnel).toMatchObject({ households: 3, desil: 0, verval: 2, population: 0 });
			expect(populationEmptyCauses(funnel)).toEqual([{ kind: 'filter', filter: 'desil', passing: 0 }]);

			// Only 'moved' (the moved family lives outside the reference), statuses required: verval alone.
			const moved = defaultPlan();
			moved.population.verval = ['moved'];
			moved.population.missing.verval = 'excluded';
			const away = await populationFunnel(engine, moved);
			expect(away).toMatchObject({ households: 3, desil: 2, verval: 0, population: 0 });
			expect(populationEmptyCauses(away)).toEqual([{ kind: 'filter', filter: 'verval', passing: 0 }]);

			// Desil 5 (Rapak Lambur, no status) and a status required: each alone passes one, together none.
			const strict = foundOnly('excluded');
			strict.population.desil = { min: 5, max: 5 };
			const both = await populationFunnel(engine, strict);
			expect(both).toMatchObject({ households: 3, desil: 1, verval: 1, population: 0 });
			expect(populationEmptyCauses(both)).toEqual([
				{ kind: 'filter', filter: 'desil', passing: 1 },
				{ kind: 'filter', filter: 'verval', passing: 1 }
			]);

			// Jahab's house (desil 2, found) is unfit and owned: 'own' tenure, land proof code 1.
			const plan = foundOnly('counted');
			const owned = await populationFunnel(engine, plan);
			expect(owned.housing.bsps).toEqual({ need: 1, land: 1, house: 1, candidates: 1 });
			expect(housingEmptyCauses(owned, plan, 'bsps')).toEqual([]);
		});

		it('a land-ownership value missing where the column exists follows the programme rule; no column, no check', async () => {
			const text = await fixtureText('dtsen-flat.csv');
			const plan = foundOnly('counted');
			const strict = foundOnly('counted');
			strict.programmes.bsps.missingOwnership = 'excluded';

			await load(engine, TINY_REFERENCE, 'lahan-kosong.csv', editCsv(text, { set: { bukti_kepemilikan_lahan: '' } }));
			// Jahab's unfit house has no land value: counted by default, left out of BSPS on request.
			expect((await populationFunnel(engine, plan)).housing.bsps).toEqual({ need: 1, land: 1, house: 1, candidates: 1 });
			const left = await populationFunnel(engine, strict);
			expect(left.housing.bsps).toEqual({ need: 1, land: 0, house: 1, candidates: 0 });
			expect(housingEmptyCauses(left, strict, 'bsps')).toEqual([
				{ kind: 'requirement', programme: 'bsps', requirement: 'land', passing: 0 }
			]);
			// RTLH does not ask for land: its candidates stay.
			expect(left.housing.rtlh.candidates).toBe(1);

			await load(engine, TINY_REFERENCE, 'tanpa-lahan.csv', editCsv(text, { drop: ['bukti_kepemilikan_lahan'] }));
			expect((await populationFunnel(engine, strict)).housing.bsps).toEqual({ need: 1, land: 1, house: 1, candidates: 1 });
		});
	});
});
