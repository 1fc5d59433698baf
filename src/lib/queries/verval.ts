/**
 * Typed reads of the verval tables (issue 13): the worklist rows a village's field team checks. The
 * CLI and the screen read them through here, so both hand the export the same rows.
 */
import { rowsOf, type RowOf } from '../core/rows';
import { worklistSql, type WorklistReason } from '../core/verval/worklist';
import type { Engine } from '../engine/types';

export const WORKLIST_ROW = {
	village_kode: 'string?',
	village_nama: 'string?',
	kecamatan_nama: 'string?',
	household_id: 'string',
	kk: 'string?',
	alamat: 'string?',
	head_name: 'string?',
	person_id: 'string',
	nik: 'string?',
	name: 'string?',
	relation: 'string?',
	age: 'number?',
	reason: 'string',
	findings: 'string?'
} as const;

/** One person a field team still has to check; `findings` is the space-separated finding codes. */
export type WorklistRow = Omit<RowOf<typeof WORKLIST_ROW>, 'reason'> & { reason: WorklistReason };

/** The worklist of one village (dotted code) or, without one, of every village, in visiting order. */
export async function villageWorklist(engine: Engine, village?: string): Promise<WorklistRow[]> {
	// The statement writes only WORKLIST_REASONS into `reason`.
	return rowsOf(await engine.query(worklistSql(village)), WORKLIST_ROW) as WorklistRow[];
}

/** Rows grouped by village code ('' for a household without one), in the order they came. */
export function worklistsByVillage(rows: readonly WorklistRow[]): Map<string, WorklistRow[]> {
	const byVillage = new Map<string, WorklistRow[]>();
	for (const row of rows) {
		const village = row.village_kode ?? '';
		const list = byVillage.get(village);
		if (list) list.push(row);
		else byVillage.set(village, [row]);
	}
	return byVillage;
}
