/** Runs the indicator SQL on an engine and hands back typed figures per village. */
import type { StatusSource } from '../core/verval/relations';
import type { Engine } from '../engine/types';
import {
	INDICATOR_IDS,
	INDICATOR_PEOPLE_TABLE,
	countColumn,
	denominatorColumn,
	emptyFigures,
	indicatorPeopleSql,
	villageIndicatorsSql,
	type AreaFigures
} from '../core/indicators';
import { createTableSql } from '../core/catalog';
import type { Plan, Population } from '../core/plan';
import { rowsOf, type RowSpec } from '../core/rows';

const VILLAGE_INDICATOR_ROW: RowSpec = {
	kode: 'string',
	nama: 'string',
	kecamatan_kode: 'string',
	kecamatan: 'string',
	...Object.fromEntries(
		INDICATOR_IDS.flatMap((id) => [
			[countColumn(id), 'number'],
			[denominatorColumn(id), 'number']
		])
	)
};

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
	return rows.map((row) => {
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
