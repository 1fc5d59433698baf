/**
 * Every statement the app builds with core/sql's builders, under plans and mappings that switch on
 * their conditional parts, is one statement, laid out in lines a person can read, and valid: each is
 * EXPLAINed (or, for DDL, run) against the catalog's tables created empty, so a broken builder fails
 * here without any data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityChecksSql } from '../../src/lib/core/verval/checks';
import { kecamatanProgressSql, roundProgressSql, villageProgressSql } from '../../src/lib/core/verval/progress';
import { decisionStatements } from '../../src/lib/core/verval/decisions';
import { conflictsSql, resolveHouseholdStatements, resolvePersonStatements, unmatchedResultsSql } from '../../src/lib/core/verval/resolve';
import { worklistSql } from '../../src/lib/core/verval/worklist';
import { verifiedRegisterSql } from '../../src/lib/core/verval/verified-register';
import { verifiedRegisterColumns } from '../../src/lib/queries/verified-register';
import { CATALOG, createTableSql, nextName, type DefinedTable } from '../../src/lib/core/catalog';
import { CODE_TABLES, codeTableStatements } from '../../src/lib/core/codes';
import { funnelSql } from '../../src/lib/core/funnel';
import {
	INDICATORS,
	INDICATOR_PEOPLE_TABLE,
	indicatorPeopleSql,
	indicatorRecordCountSql,
	indicatorRecordsSql,
	villageHouseholdIndicatorsSql,
	villageIndicatorsSql,
	villagePersonIndicatorsSql
} from '../../src/lib/core/indicators';
import { PROGRAMME_IDS, defaultPlan, type Plan } from '../../src/lib/core/plan';
import { ALLOCATION_ORDER, COMPARED_ALLOCATION_TABLE, allocationStatements } from '../../src/lib/core/programs';
import { select, withCtes } from '../../src/lib/core/sql';
import type { Engine } from '../../src/lib/engine/types';
import { NodeEngine } from '../../src/lib/engine/node';
import { familiesSql, peopleSql } from '../../src/lib/ingest/duplicates';
import { codeValuesStatements } from '../../src/lib/ingest/code-values';
import {
	codeValuesSides,
	householdRowsSql,
	householdStatements,
	personStatements,
	unknownCodesSql,
	villageNameIssuesInsertSql,
	type NormaliseInput
} from '../../src/lib/ingest/normalise';
import { regencyVotes, regionStatements } from '../../src/lib/ingest/regency';
import { referenceStatements } from '../../src/lib/ingest/reference';
import { SOURCES, resolveColumns, type RegisterSource } from '../../src/lib/ingest/sources';
import { stageColumn } from '../../src/lib/ingest/stage-table';
import { shapeColumnsSql, trimmedShape } from '../../src/lib/ingest/trimmed-stage';
import {
	bnbaCountSql,
	bnbaPageSql,
	bnbaSql,
	coverageCurveSql,
	marginalReturnSql,
	lineBudgetSql,
	planDifferenceSql,
	registerChecksumSql,
	villageBudgetSql,
	villageLineBudgetSql
} from '../../src/lib/queries/allocation';
import { bnbaPrintCountSql, bnbaPrintSql } from '../../src/lib/queries/bnba-print';
import { overviewByKecamatanSql, overviewByVillageSql, registerTotalsSql } from '../../src/lib/queries/overview';
import {
	villageAtsByAgeSql,
	villageComponentsSql,
	villageDesilSql,
	villageSummarySql,
	villageWaterSql
} from '../../src/lib/queries/village-panel';
import { TINY_REFERENCE } from '../fixtures/ingest';

const MAX_LINE = 140;
const VILLAGE = '64.02.06.1001';

/** A plan that switches on every conditional part the builders have. */
function busyPlan(): Plan {
	const plan = defaultPlan();
	plan.population.missing = { desil: 'excluded', verval: 'excluded' };
	plan.population.verval = ['found', 'unverified'];
	plan.programmes.bsps.missingOwnership = 'excluded';
	plan.programmes.rtlh.requireLandOwnership = true;
	plan.programmes.water.includeConditional = true;
	plan.zoneCostMultiplier = { hulu: 1.5, tengah: 1.2, pesisir: 1 };
	plan.kecamatanZones = { '64.02.06': 'hulu', '64.02.07': 'pesisir' };
	plan.fundingLines = [
		{ id: 'apbd', name: 'APBD', kind: 'APBD', budgets: { rtlh: 50_000_000, water: 2_500_000, pip: 1_000_000, paket: 3_000_000 } },
		{ id: 'apbn', name: 'APBN', kind: 'APBN', budgets: { bsps: 20_000_000, pip: 500_000 } },
		{ id: "csr'1", name: 'CSR', kind: 'CSR', budgets: { water: 1_000_000 } }
	];
	plan.villageCap = 3;
	plan.villageQuota = true;
	plan.overrides = [
		{ programme: 'pip', unitId: 'P-1', action: 'include', reason: "kepala desa's request" },
		{ programme: 'bsps', unitId: 'H-9', action: 'exclude', reason: 'already rebuilt' }
	];
	return plan;
}

/** The plainest plan: no cap, no quota, no overrides, nothing excluded for missing values. */
function plainPlan(): Plan {
	const plan = defaultPlan();
	plan.programmes.pip.halfForNewAndFinal = false;
	plan.programmes.pip.includeInSchool = false;
	plan.indicators.housing.poorConditionCounts = false;
	return plan;
}

/** Semicolons outside quotes: more than one statement. */
function statementCount(sql: string): number {
	let quote: string | null = null;
	let count = 1;
	for (const c of sql.trim().replace(/;$/, '')) {
		if (quote) {
			if (c === quote) quote = null;
		} else if (c === "'" || c === '"') quote = c;
		else if (c === ';') count++;
	}
	return count;
}

function longLines(sql: string): string[] {
	return sql.split('\n').filter((line) => line.length > MAX_LINE);
}

/** Checks the layout of a statement built by core/sql (CREATE TABLE text is the catalog's, kept as it is). */
function expectReadable(name: string, sql: string): void {
	expect({ name, statements: statementCount(sql) }).toEqual({ name, statements: 1 });
	if (/^CREATE (OR REPLACE )?TABLE/.test(sql)) return;
	expect({ name, long: longLines(sql) }).toEqual({ name, long: [] });
}

/** A mapping from every field of the source to a stage column named after the field's first header. */
function stagedSide(source: RegisterSource, side: 'household' | 'person', headers: readonly string[]) {
	return resolveColumns(SOURCES[source][side], headers, stageColumn);
}

/** Every header the source knows, one stage column each: every field mapped. */
function allHeaders(source: RegisterSource): string[] {
	const spec = SOURCES[source];
	return [...new Set([...spec.household, ...spec.person].map((f) => f.headers[0] ?? f.field))];
}

describe('the SQL builders', () => {
	let engine: NodeEngine;
	const explain = (sql: string) => engine.query(`EXPLAIN ${sql}`);

	beforeAll(async () => {
		engine = await NodeEngine.open();
		for (const statement of referenceStatements(TINY_REFERENCE)) await engine.exec(statement);
		for (const table of Object.keys(CATALOG) as (keyof typeof CATALOG)[]) {
			if (CATALOG[table].columns === null || table === 'village' || table === 'kecamatan') continue;
			await engine.exec(createTableSql(table as DefinedTable, table, 'replace'));
		}
	});
	afterAll(async () => {
		await engine.close();
	});

	it('the reference tables', async () => {
		for (const [i, sql] of referenceStatements(TINY_REFERENCE, 'village_test', 'kecamatan_test').entries()) {
			expectReadable(`reference ${i}`, sql);
			await engine.exec(sql);
		}
	});

	it.each([
		['a busy plan', busyPlan()],
		['a plain plan', plainPlan()],
		['the default plan', defaultPlan()]
	])('allocation under %s: every programme, into either allocation table', async (_, plan) => {
		for (const target of ['allocation', COMPARED_ALLOCATION_TABLE] as const) {
			const statements = allocationStatements(plan, target);
			const inserts = statements.filter((s) => s.startsWith(`INSERT INTO ${target} WITH`));
			expect(inserts).toHaveLength(ALLOCATION_ORDER.length);
			for (const [i, sql] of statements.entries()) {
				expectReadable(`${target} statement ${i}`, sql);
				// Run them: a later housing programme reads the earlier ones' rows from the target.
				await engine.exec(sql);
			}
		}
	});

	it('a plan with one programme and no funding lines still gives valid statements', async () => {
		const plan = busyPlan();
		plan.fundingLines = [];
		for (const id of PROGRAMME_IDS) plan.programmes[id].enabled = id === 'water';
		for (const sql of allocationStatements(plan)) {
			expectReadable('water only', sql);
			await engine.exec(sql);
		}
	});

	it.each([
		['a busy plan', busyPlan()],
		['a plain plan', plainPlan()]
	])('indicators, funnel, panel, budget and overview queries under %s', async (_, plan) => {
		const queries: [string, string][] = [
			['villageIndicators', villageIndicatorsSql(plan)],
			['people counts', indicatorPeopleSql(plan.population)],
			['villageIndicators from the people counts', villageIndicatorsSql(plan, 'register', INDICATOR_PEOPLE_TABLE)],
			['household indicators', villageHouseholdIndicatorsSql(plan)],
			['person indicators from the people counts', villagePersonIndicatorsSql(plan, INDICATOR_PEOPLE_TABLE)],
			['funnel', funnelSql(plan)],
			['villageSummary', villageSummarySql(plan, VILLAGE)],
			['villageComponents', villageComponentsSql(plan, VILLAGE)],
			['villageAtsByAge', villageAtsByAgeSql(plan, VILLAGE)],
			['villageWater', villageWaterSql(plan, VILLAGE)],
			['villageDesil', villageDesilSql(plan, VILLAGE)],
			['registerChecksum', registerChecksumSql()],
			['villageBudget', villageBudgetSql()],
			['villageLineBudget', villageLineBudgetSql()],
			['lineBudget', lineBudgetSql()],
			['bnba', bnbaSql('pip')],
			['bnba of a village', bnbaSql('bsps', VILLAGE)],
			['bnba page', bnbaPageSql('water', VILLAGE, 50, 100)],
			['bnba count', bnbaCountSql('paket')],
			['coverage', coverageCurveSql(plan, 50)],
			['marginal return', marginalReturnSql(plan, 12)],
			['printed bnba of the regency', bnbaPrintSql('pip', { level: 'regency' })],
			['printed bnba of a kecamatan', bnbaPrintSql('rtlh', { level: 'kecamatan', kode: '64.02.06' })],
			['printed bnba of a village', bnbaPrintSql('paket', { level: 'village', kode: VILLAGE })],
			['printed bnba count', bnbaPrintCountSql('water', { level: 'kecamatan', kode: '64.02.06' })],
			['plan difference', planDifferenceSql('allocation', COMPARED_ALLOCATION_TABLE)],
			['overview by kecamatan', overviewByKecamatanSql()],
			['overview by village', overviewByVillageSql()],
			['overview of a kecamatan', overviewByVillageSql('64.02.06')],
			['register totals', registerTotalsSql()],
			...INDICATORS.flatMap((def): [string, string][] => [
				[
					`records of ${def.id}`,
					indicatorRecordsSql({ indicator: def, plan, villageKode: VILLAGE, orderBy: 'desil', direction: 'desc', limit: 25, offset: 0 })
				],
				[`record count of ${def.id}`, indicatorRecordCountSql(def, plan, VILLAGE)]
			])
		];
		for (const [name, sql] of queries) {
			expectReadable(name, sql);
			await expect(explain(sql), name).resolves.toBeDefined();
		}
	});

	it('the verified set: verval resolution, progress, checks, worklists, and the population read through it', async () => {
		const plan = busyPlan();
		const statements: [string, string][] = [
			...resolvePersonStatements().map((sql, i): [string, string] => [`resolve people ${i}`, sql]),
			...resolveHouseholdStatements().map((sql, i): [string, string] => [`resolve households ${i}`, sql]),
			...decisionStatements({ personId: 'P1', round: 1, outcome: 'found', reason: 'pleno desa', decidedOn: '2026-12-01' }).map(
				(sql, i): [string, string] => [`decision ${i}`, sql]
			),
			...allocationStatements(plan, 'allocation', 'field').map((sql, i): [string, string] => [`field allocation ${i}`, sql])
		];
		for (const [name, sql] of statements) {
			expectReadable(name, sql);
			await engine.exec(sql);
		}
		const queries: [string, string][] = [
			['village progress', villageProgressSql()],
			['kecamatan progress', kecamatanProgressSql()],
			['progress per round', roundProgressSql()],
			['conflicts', conflictsSql()],
			['unmatched results', unmatchedResultsSql()],
			['quality checks', qualityChecksSql()],
			['worklist', worklistSql()],
			['worklist of a village', worklistSql(VILLAGE)],
			...(['dtsen', 'bdt', 'p3ke'] as const).map((source): [string, string] => [
				`verified register (${source})`,
				verifiedRegisterSql(verifiedRegisterColumns(source))
			]),
			['field indicators', villageIndicatorsSql(plan, 'field')],
			['field funnel', funnelSql(plan, 'field')],
			['field summary', villageSummarySql(plan, VILLAGE, 'field')],
			['field components', villageComponentsSql(plan, VILLAGE, 'field')],
			['field ages', villageAtsByAgeSql(plan, VILLAGE, 'field')],
			['field water', villageWaterSql(plan, VILLAGE, 'field')],
			['field desil', villageDesilSql(plan, VILLAGE, 'field')],
			...INDICATORS.map((def): [string, string] => [
				`field records of ${def.id}`,
				indicatorRecordsSql({ indicator: def, plan, villageKode: VILLAGE, limit: 25, offset: 0, source: 'field' })
			])
		];
		for (const [name, sql] of queries) {
			expectReadable(name, sql);
			await expect(explain(sql), name).resolves.toBeDefined();
		}
	});

	it.each([
		['dtsen', true],
		['bdt', false]
	] as const)('normalising a %s register (flat: %s) with every field mapped', async (source, flat) => {
		const headers = allHeaders(source);
		const stage = `stage_${source}`;
		const household = stagedSide(source, 'household', headers);
		const person = stagedSide(source, 'person', headers);
		// The statements read the trimmed stage (trimmed-stage.ts): the mapped columns, and the identifiers as written.
		await engine.exec(`CREATE OR REPLACE TABLE ${stage} (${shapeColumnsSql(trimmedShape([household, person]))})`);
		const codes = `codes_${source}`;
		for (const statement of codeTableStatements(codes, CODE_TABLES[SOURCES[source].codeTable])) await engine.exec(statement);
		const input: NormaliseInput = {
			spec: SOURCES[source],
			household: { file: "keluarga'.csv", table: stage, mapping: household },
			person: { file: 'anggota.csv', table: stage, mapping: person },
			flat,
			codes,
			kabupatenKode: '64.02',
			villages: 'village',
			asOf: '2026-07-01',
			families: `families_${source}`,
			people: `people_${source}`,
			households: `households_${source}`,
			codeValues: `code_values_${source}`
		};
		await engine.exec(familiesSql(input, input.families));
		await engine.exec(peopleSql(input, input.people));
		await engine.exec(householdRowsSql(input, input.households));
		await engine.exec(`DROP TABLE IF EXISTS ${input.codeValues}`);
		const codeValues = codeValuesStatements(codeValuesSides(input), codes, input.codeValues);
		for (const sql of codeValues) {
			expectReadable('code values', sql);
			await engine.exec(sql);
		}

		expect((await regencyVotes(engine, input)).length).toBe(0);
		const households = nextName('household');
		const people = nextName('person');
		for (const sql of [`DROP TABLE IF EXISTS ${households}`, `DROP TABLE IF EXISTS ${people}`]) await engine.exec(sql);
		const statements: [string, string | null][] = [
			...householdStatements(input, households).map((sql, i): [string, string] => [`household ${i}`, sql]),
			...personStatements(input, people, households).map((sql, i): [string, string] => [`person ${i}`, sql]),
			['unknown household codes', unknownCodesSql(input, 'household', 'ingest_unknown_code')],
			['unknown person codes', unknownCodesSql(input, 'person', 'ingest_unknown_code')],
			['village names', villageNameIssuesInsertSql(input, 'ingest_village_name')],
			...regionStatements(
				{ kode: '64.02', nama: "Kutai Kartanegara 'test'", basis: 'detected', households: 0, voting: 0, others: [] },
				'register_region_test'
			).map((sql, i): [string, string] => [`region ${i}`, sql])
		];
		for (const [name, sql] of statements) {
			expect(sql, name).not.toBeNull();
			if (sql === null) continue;
			expectReadable(name, sql);
			await engine.exec(sql);
		}
		await engine.exec('DROP TABLE register_region_test');
	});
});

describe('core/sql layout', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
	});
	afterAll(async () => {
		await engine.close();
	});

	it('puts one CTE on a line and one clause on a line, and breaks a long line only outside quotes', async () => {
		const long = Array.from({ length: 40 }, (_, i) => `'a, b AND c OR ${i}'`);
		const sql = withCtes(
			[
				['a', 'SELECT 1 AS x'],
				['b', select({ select: ['x', `concat_ws(' ', ${long.join(', ')}) AS words`], from: 'a', where: ['x = 1', 'x > 0'] })]
			],
			'SELECT words FROM b'
		);
		const lines = sql.split('\n');
		expect(lines[0]).toBe('WITH');
		expect(lines[1]).toBe('  a AS (SELECT 1 AS x),');
		expect(lines[2]).toBe('  b AS (');
		expect(lines.at(-1)).toBe('SELECT words FROM b');
		expect(lines.filter((l) => l.trim().startsWith('FROM a'))).toHaveLength(1);
		expect(lines.filter((l) => l.trim().startsWith('WHERE x = 1 AND x > 0'))).toHaveLength(1);
		expect(longLines(sql)).toEqual([]);
		// The quoted texts are whole, and the query gives them back as written.
		const rows = (await engine.query(sql)).toArray().map((r) => (r.toJSON() as { words: string }).words);
		expect(rows).toEqual([long.map((w) => w.slice(1, -1)).join(' ')]);
	});
});
