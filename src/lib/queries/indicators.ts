/** Runs the indicator SQL on an engine and hands back typed figures per village. */
import type { StatusSource } from '../core/verval/relations';
import type { Engine } from '../engine/types';
import {
	INDICATOR_IDS,
	INDICATOR_PEOPLE_TABLE,
	countColumn,
	denominatorColumn,
	emptyFigures,
	INDICATORS,
	indicatorPeopleSql,
	villageHouseholdIndicatorsSql,
	villageIndicatorsSql,
	villagePersonIndicatorsSql,
	type AreaFigures,
	type IndicatorDefinition,
	type IndicatorId
} from '../core/indicators';
import { createTableSql } from '../core/catalog';
import type { Plan, Population } from '../core/plan';
import { rowsOf, type RowSpec } from '../core/rows';

const figureColumns = (ids: readonly IndicatorId[]): RowSpec =>
	Object.fromEntries(
		ids.flatMap((id) => [
			[countColumn(id), 'number'],
			[denominatorColumn(id), 'number']
		])
	);
const VILLAGE_NAME_ROW: RowSpec = { kode: 'string', nama: 'string', kecamatan_kode: 'string', kecamatan: 'string' };
const VILLAGE_INDICATOR_ROW: RowSpec = { ...VILLAGE_NAME_ROW, ...figureColumns(INDICATOR_IDS) };
const idsOf = (unit: IndicatorDefinition['unit']) => INDICATORS.filter((d) => d.unit === unit).map((d) => d.id);
const HOUSEHOLD_PART_ROW: RowSpec = { ...VILLAGE_NAME_ROW, ...figureColumns(idsOf('household')) };
const PERSON_PART_ROW: RowSpec = { kode: 'string', ...figureColumns(idsOf('person')) };

type Row = Record<string, unknown>;

/** A village's figures from its row: the names and every indicator's count and denominator. */
function areaFigures(row: Row): AreaFigures {
	const figures = emptyFigures();
	for (const id of INDICATOR_IDS) {
		figures[id] = { count: Number(row[countColumn(id)]), denominator: Number(row[denominatorColumn(id)]) };
	}
	return {
		kode: String(row.kode),
		nama: String(row.nama),
		kecamatan_kode: String(row.kecamatan_kode),
		kecamatan: String(row.kecamatan),
		figures
	};
}

/**
 * Every indicator for every reference village, in code order. `peopleTable`: a table holding
 * indicatorPeopleSql's rows for this plan's population and source (`preparePeopleCounts`), else the
 * people are counted in the same statement.
 */
export async function villageIndicators(
	engine: Engine,
	plan: Plan,
	source: StatusSource = 'register',
	peopleTable: string | null = null
): Promise<AreaFigures[]> {
	const rows = rowsOf(await engine.query(villageIndicatorsSql(plan, source, peopleTable)), VILLAGE_INDICATOR_ROW);
	return rows.map(areaFigures);
}

/**
 * The last answer of each part of the village indicators (households', people's), with what it was
 * computed from: the data it read and its SQL text, which holds every threshold the part uses.
 */
export class IndicatorParts {
	#held = new Map<'household' | 'person', { key: string; rows: Row[] }>();

	/** The part's rows for `key`, computed by `run` unless they are held. */
	async rows(part: 'household' | 'person', key: string, run: () => Promise<Row[]>): Promise<Row[]> {
		const held = this.#held.get(part);
		if (held?.key === key) return held.rows;
		// Forgotten first: a run cut short leaves nothing that could pass for its answer.
		this.#held.delete(part);
		const rows = await run();
		this.#held.set(part, { key, rows });
		return rows;
	}
}

/**
 * villageIndicators from the people counts, in two statements (household and person indicators) of
 * which `parts` runs only the one whose SQL or data changed: a floor-area threshold recomputes the
 * households alone. `data` names the register and statuses, `people` what PEOPLE_TABLE holds
 * (preparePeopleCounts' key). The same figures as villageIndicators.
 */
export async function villageIndicatorsByPart(
	engine: Engine,
	plan: Plan,
	source: StatusSource,
	held: { data: string; people: string },
	parts: IndicatorParts
): Promise<AreaFigures[]> {
	const householdSql = villageHouseholdIndicatorsSql(plan, source);
	const personSql = villagePersonIndicatorsSql(plan, INDICATOR_PEOPLE_TABLE);
	const households = await parts.rows('household', `${held.data}\n${householdSql}`, async () =>
		rowsOf(await engine.query(householdSql), HOUSEHOLD_PART_ROW)
	);
	const people = await parts.rows('person', `${held.people}\n${personSql}`, async () =>
		rowsOf(await engine.query(personSql), PERSON_PART_ROW)
	);
	const personByKode = new Map(people.map((row) => [String(row.kode), row]));
	return households.map((row) => {
		// Both parts list every reference village: one missing means the villages changed between them.
		const person = personByKode.get(String(row.kode));
		if (!person) throw new Error(`village ${String(row.kode)}: no person indicators`);
		return areaFigures({ ...row, ...person });
	});
}

/**
 * Builds INDICATOR_PEOPLE_TABLE for this population and source unless it holds them already: `held` is
 * the key this returned when the table was last built (null when unknown), `data` the caller's name
 * for the register and statuses. Returns the key the table holds now.
 */
export async function preparePeopleCounts(
	engine: Engine,
	population: Population,
	source: StatusSource,
	data: string,
	held: string | null
): Promise<string> {
	const sql = indicatorPeopleSql(population, source);
	const key = `${data}\n${sql}`;
	if (key === held) return key;
	await engine.exec(createTableSql(INDICATOR_PEOPLE_TABLE, INDICATOR_PEOPLE_TABLE, 'replace'));
	await engine.exec(`INSERT INTO ${INDICATOR_PEOPLE_TABLE} ${sql}`);
	return key;
}
