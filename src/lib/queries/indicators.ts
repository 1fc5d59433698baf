/** Runs the indicator SQL on an engine and hands back typed figures per village. */
import type { StatusSource } from '../core/verval/relations';
import type { Engine } from '../engine/types';
import { INDICATOR_IDS, countColumn, denominatorColumn, emptyFigures, villageIndicatorsSql, type AreaFigures } from '../core/indicators';
import type { Plan } from '../core/plan';
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

/** Every indicator for every reference village, in code order. */
export async function villageIndicators(engine: Engine, plan: Plan, source: StatusSource = 'register'): Promise<AreaFigures[]> {
	const rows = rowsOf(await engine.query(villageIndicatorsSql(plan, source)), VILLAGE_INDICATOR_ROW);
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
