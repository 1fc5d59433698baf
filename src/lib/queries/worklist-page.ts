/**
 * The worklist of one village as the printed field form reads it (issue 13 point 5): the rows of
 * `villageWorklist` (queries/verval.ts, the CLI's and the downloads' too) grouped by household in the order the
 * SQL gives (village, household, member), so the form reads house by house. Reads `verval_person`:
 * the caller builds the verified set first (VervalModel.prepare) in the same job.
 */
import type { WorklistReason } from '../core/verval/worklist';
import type { WorklistRow } from './verval';

export { villageWorklist, type WorklistRow } from './verval';

/** One member on the form: who, and why they are listed (a reason and the finding codes, unworded). */
export interface WorklistMember {
	person_id: string;
	name: string | null;
	nik: string | null;
	relation: string | null;
	age: number | null;
	reason: WorklistReason;
	findings: string[];
}

/** One household on the form, with its members on the worklist. */
export interface WorklistHousehold {
	household_id: string;
	kk: string | null;
	alamat: string | null;
	head_name: string | null;
	members: WorklistMember[];
}

/** Rows grouped by household, keeping the rows' order. */
export function worklistHouseholds(rows: readonly WorklistRow[]): WorklistHousehold[] {
	const byHousehold = new Map<string, WorklistHousehold>();
	for (const row of rows) {
		let household = byHousehold.get(row.household_id);
		if (!household) {
			household = { household_id: row.household_id, kk: row.kk, alamat: row.alamat, head_name: row.head_name, members: [] };
			byHousehold.set(row.household_id, household);
		}
		household.members.push({
			person_id: row.person_id,
			name: row.name,
			nik: row.nik,
			relation: row.relation,
			age: row.age,
			reason: row.reason,
			findings: row.findings ? row.findings.split(' ').filter((code) => code !== '') : []
		});
	}
	return [...byHousehold.values()];
}
