/**
 * Plain TypeScript loops over Arrow columns (apache-arrow, already a dependency): the Parquet files read
 * to Arrow (parquet.ts), then one pass over households and one over people with Maps and counters, and a
 * sort of the PIP candidates. What a developer would write without a query engine.
 */
import type { Table } from 'apache-arrow';
import { parquetToArrow } from './parquet';
import type { Peer } from './types';
import type { VillageTotals, Workload, WorkloadAnswer } from './workload';

function column<T>(table: Table, name: string): (T | null)[] {
	const vector = table.getChild(name);
	if (!vector) throw new Error(`no column ${name}`);
	return Array.from(vector) as (T | null)[];
}

interface Candidate {
	desil: number | null;
	household: string;
	person: string;
}

const byRank = (a: Candidate, b: Candidate): number => {
	if (a.desil !== b.desil) {
		if (a.desil === null) return 1;
		if (b.desil === null) return -1;
		return a.desil - b.desil;
	}
	if (a.household !== b.household) return a.household < b.household ? -1 : 1;
	return a.person < b.person ? -1 : a.person > b.person ? 1 : 0;
};

function compute(household: Table, person: Table, village: Table, w: Workload): WorkloadAnswer {
	const kodes = column<string>(village, 'kode').filter((k): k is string => k !== null);
	kodes.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const villageIndex = new Map(kodes.map((k, i) => [k, i]));
	const totals = kodes.map((kode): VillageTotals => ({ kode, households: 0, people: 0, ats: 0, rtlh_roof: 0 }));

	const valid = new Set(w.validVerval);
	const unfit = new Set(w.unfitRoof);
	const outOfSchool = new Set(w.outOfSchool);
	const sma = new Set(w.smaCertificates);

	const hId = column<string>(household, 'household_id');
	const hVillage = column<string>(household, 'village_kode');
	const hDesil = column<number>(household, 'desil');
	const hVerval = column<string>(household, 'verval_status');
	const hRoof = column<string>(household, 'roof');
	/** Household id → row; the row's village index (-1 outside the reference) and population flag. */
	const rowOf = new Map<string, number>();
	const villageOf = new Int32Array(household.numRows);
	const inPopulation = new Uint8Array(household.numRows);
	for (let i = 0; i < household.numRows; i++) {
		const id = hId[i];
		if (id !== null && id !== undefined) rowOf.set(id, i);
		const v = villageIndex.get(hVillage[i] ?? '');
		villageOf[i] = v ?? -1;
		const desil = hDesil[i] ?? null;
		const verval = hVerval[i] ?? null;
		const pop = (desil === null || (desil >= w.desilMin && desil <= w.desilMax)) && (verval === null || valid.has(verval));
		inPopulation[i] = pop ? 1 : 0;
		if (v === undefined) continue;
		const t = totals[v] as VillageTotals;
		t.households++;
		if (pop && unfit.has(hRoof[i] ?? '')) t.rtlh_roof++;
	}

	const pId = column<string>(person, 'person_id');
	const pHousehold = column<string>(person, 'household_id');
	const pAge = column<number>(person, 'age');
	const pSchool = column<string>(person, 'school_participation');
	const pCertificate = column<string>(person, 'certificate');
	const pVerval = column<string>(person, 'verval_status');
	const candidates: Candidate[] = [];
	for (let i = 0; i < person.numRows; i++) {
		const h = rowOf.get(pHousehold[i] ?? '');
		if (h === undefined) continue;
		const v = villageOf[h] as number;
		if (v >= 0) (totals[v] as VillageTotals).people++;
		if (!inPopulation[h]) continue;
		const verval = pVerval[i] ?? null;
		if (verval !== null && !valid.has(verval)) continue;
		const age = pAge[i] ?? null;
		if (age === null || !w.schoolAges.some((b) => age >= b.min && age <= b.max)) continue;
		const school = pSchool[i] ?? null;
		const certificate = pCertificate[i] ?? null;
		const ats = school !== null && outOfSchool.has(school) && (certificate === null || !sma.has(certificate));
		if (ats && v >= 0) (totals[v] as VillageTotals).ats++;
		if (v >= 0 && (ats || school === w.inSchool)) {
			candidates.push({ desil: hDesil[h] ?? null, household: hId[h] as string, person: pId[i] as string });
		}
	}
	candidates.sort(byRank);
	return { villages: totals, funded: candidates.slice(0, w.budget).map((c) => c.person) };
}

export const arrowLoops: Peer = {
	id: 'loops',
	label: 'TypeScript loops over Arrow (apache-arrow 17)',
	async load(files) {
		const household = await parquetToArrow(files.household);
		const person = await parquetToArrow(files.person);
		const village = await parquetToArrow(files.village);
		return {
			async compute(workload) {
				return compute(household, person, village, workload);
			},
			async release() {}
		};
	}
};
