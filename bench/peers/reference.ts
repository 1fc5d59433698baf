/**
 * Tepat's own answer to the peers' workload, from the real SQL of src/lib/core run through the
 * NodeEngine on the tables a register load built: overviewByVillageSql (households, people),
 * villageIndicatorsSql (ATS, RTLH roof) and allocationSql over candidatesSql for PIP. Also writes the
 * narrow canonical Parquet files the peers load.
 */
import { join } from 'node:path';
import type { Engine } from '../../src/lib/engine/types';
import { overviewByVillageSql } from '../../src/lib/queries/overview';
import { villageIndicatorsSql } from '../../src/lib/core/indicators/sql';
import { allocationSql, candidatesSql } from '../../src/lib/core/programs';
import { rowsOf } from '../../src/lib/core/rows';
import { sqlString } from '../../src/lib/core/sql';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS, workloadPlan, type RegisterFiles, type VillageTotals, type WorkloadAnswer } from './workload';

/** The PIP allocation statement: desil, then household id (then the unit id, allocationSql's tie-break). */
export function fundedListSql(budget: number): string {
	const plan = workloadPlan();
	return allocationSql({
		programme: 'pip',
		candidates: candidatesSql(plan, 'pip'),
		priority: [
			{ column: 'desil', direction: 'asc' },
			{ column: 'household_id', direction: 'asc' }
		],
		lines: [{ line: 'bench', budget }],
		villageCap: null,
		overrides: null
	});
}

export async function tepatAnswer(engine: Engine, budget: number): Promise<WorkloadAnswer> {
	const overview = rowsOf(await engine.query(overviewByVillageSql()), { kode: 'string', households: 'number', people: 'number' });
	const indicators = rowsOf(await engine.query(villageIndicatorsSql(workloadPlan())), {
		kode: 'string',
		ats_count: 'number',
		rtlh_roof_count: 'number'
	});
	const byKode = new Map(indicators.map((r) => [r.kode, r]));
	const villages = overview.map((o): VillageTotals => {
		const i = byKode.get(o.kode);
		return { kode: o.kode, households: o.households, people: o.people, ats: i?.ats_count ?? 0, rtlh_roof: i?.rtlh_roof_count ?? 0 };
	});
	const ordered = `SELECT unit_id, status FROM (${fundedListSql(budget)}) ORDER BY rank NULLS LAST, unit_id`;
	const allocation = rowsOf(await engine.query(ordered), { unit_id: 'string', status: 'string' });
	return { villages, funded: allocation.filter((r) => r.status === 'funded').map((r) => r.unit_id) };
}

/** Writes the columns the workload reads from the canonical tables to `dir`, one Parquet file per table. */
export async function writeRegisterFiles(engine: Engine, dir: string): Promise<RegisterFiles> {
	const files: RegisterFiles = {
		household: join(dir, 'household.parquet'),
		person: join(dir, 'person.parquet'),
		village: join(dir, 'village.parquet')
	};
	const copy = (columns: readonly string[], table: string, path: string) =>
		engine.exec(`COPY (SELECT ${columns.join(', ')} FROM ${table}) TO ${sqlString(path)} (FORMAT parquet)`);
	await copy(HOUSEHOLD_COLUMNS, 'household', files.household);
	await copy(PERSON_COLUMNS, 'person', files.person);
	await copy(['kode'], 'village', files.village);
	return files;
}
