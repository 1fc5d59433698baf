/**
 * Issue 13 point 2: one resolved status per person and household from the register, the field results
 * and the user's decisions. A hand-made register of 9 people in 5 households and two rounds of results;
 * every expected status below is worked out by hand from the rules in src/lib/core/verval/resolve.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql } from '../../src/lib/core/catalog';
import { rowsOf } from '../../src/lib/core/rows';
import { sqlString } from '../../src/lib/core/sql';
import { kecamatanProgressSql, roundProgressSql, villageProgressSql } from '../../src/lib/core/verval/progress';
import { conflictsSql, resolveHouseholdStatements, resolvePersonStatements, unmatchedResultsSql } from '../../src/lib/core/verval/resolve';
import { NodeEngine } from '../../src/lib/engine/node';

const nik = (n: number) => `64020101019000${String(n).padStart(2, '0')}`;
// person id, household id
const PEOPLE: [string, string][] = [
	['P1', 'H1'],
	['P2', 'H1'],
	['P3', 'H1'],
	['P4', 'H2'],
	['P5', 'H2'],
	['P6', 'H3'],
	['P7', 'H4'],
	['P8', 'H5'],
	['P9', 'H5']
];

// V4 has no records.
const VILLAGE_OF: Record<string, string> = { H1: 'V1', H2: 'V1', H3: 'V2', H4: 'V2', H5: 'V3' };

type Result = [
	round: number,
	file: string,
	row: number,
	nik: string | null,
	recordId: string | null,
	outcome: string | null,
	answer: string
];
const RESULTS: Result[] = [
	[1, 'r1.csv', 1, nik(1), null, 'found', 'Ditemukan'],
	[1, 'r1.csv', 2, nik(2), null, 'deceased', 'Meninggal'],
	// P3 named once by record id and once by NIK, with two outcomes in one round: a conflict.
	[1, 'r1.csv', 3, null, 'P3', 'found', 'Ditemukan'],
	[1, 'r1.csv', 4, nik(3), null, 'moved', 'Pindah'],
	[1, 'r1.csv', 5, nik(4), null, 'not_found', 'Tidak ditemukan'],
	[1, 'r1.csv', 6, nik(5), null, 'moved', 'Pindah'],
	[1, 'r1.csv', 7, nik(6), null, 'found', 'Ditemukan'],
	[1, 'r1.csv', 8, nik(8), null, 'deceased', 'Meninggal'],
	[1, 'r1.csv', 9, nik(9), null, 'found', 'Ditemukan'],
	[1, 'r1.csv', 10, nik(9), null, 'not_found', 'Tidak ditemukan'],
	// A NIK no one in the register has; a row naming no one; an answer not recognised (P1 stays found).
	[1, 'r1.csv', 11, '6402019999999999', null, 'new_member', 'Anggota baru'],
	[1, 'r1.csv', 12, null, null, 'found', 'Ditemukan'],
	[1, 'r1.csv', 13, nik(1), null, null, 'entah'],
	// Round 2 overrides round 1: P6 is now well-off, P8 was wrongly reported deceased.
	[2, 'r2.xlsx', 1, nik(6), null, 'well_off', 'Mampu'],
	[2, 'r2.xlsx', 2, nik(8), null, 'found', 'Ditemukan']
];

const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : sqlString(v));

describe('resolved verval status', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		for (const t of ['village', 'household', 'person', 'verval_result', 'verval_decision'] as const) await engine.exec(createTableSql(t));
		await engine.exec(`INSERT INTO village (kode, nama, kecamatan_kode, kecamatan_nama) VALUES
			('V1', 'Satu', 'K1', 'Kec Satu'), ('V2', 'Dua', 'K1', 'Kec Satu'), ('V3', 'Tiga', 'K2', 'Kec Dua'), ('V4', 'Empat', 'K2', 'Kec Dua')`);
		await engine.exec(
			`INSERT INTO household (household_id, village_kode) VALUES ${Object.entries(VILLAGE_OF)
				.map(([h, v]) => `(${lit(h)}, ${lit(v)})`)
				.join(', ')}`
		);
		await engine.exec(
			`INSERT INTO person (person_id, household_id, nik) VALUES ${PEOPLE.map(([p, h], i) => `(${lit(p)}, ${lit(h)}, ${lit(nik(i + 1))})`).join(', ')}`
		);
		await engine.exec(
			`INSERT INTO verval_result (round, source_file, source_row, nik, record_id, outcome, answer, visit_date, officer) VALUES ${RESULTS.map(
				([round, file, row, n, id, outcome, answer]) =>
					`(${round}, ${lit(file)}, ${row}, ${lit(n)}, ${lit(id)}, ${lit(outcome)}, ${lit(answer)}, DATE '2026-11-0${round}', 'Petugas ${row}')`
			).join(', ')}`
		);
		// P9's round-1 conflict settled by the user.
		await engine.exec(`INSERT INTO verval_decision VALUES ('P9', 1, 'found', 'ditemui kembali oleh kades', DATE '2026-11-05')`);
		for (const s of [...resolvePersonStatements(), ...resolveHouseholdStatements()]) await engine.exec(s);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('gives each person the outcome of their latest round, a conflict, a decision or nothing', async () => {
		const rows = rowsOf(await engine.query('SELECT person_id, outcome, round, basis FROM verval_person ORDER BY person_id'), {
			person_id: 'string',
			outcome: 'string?',
			round: 'number?',
			basis: 'string'
		});
		expect(rows).toEqual([
			{ person_id: 'P1', outcome: 'found', round: 1, basis: 'result' },
			{ person_id: 'P2', outcome: 'deceased', round: 1, basis: 'result' },
			{ person_id: 'P3', outcome: null, round: 1, basis: 'conflict' },
			{ person_id: 'P4', outcome: 'not_found', round: 1, basis: 'result' },
			{ person_id: 'P5', outcome: 'moved', round: 1, basis: 'result' },
			{ person_id: 'P6', outcome: 'well_off', round: 2, basis: 'result' },
			{ person_id: 'P7', outcome: null, round: null, basis: 'unchecked' },
			{ person_id: 'P8', outcome: 'found', round: 2, basis: 'result' },
			{ person_id: 'P9', outcome: 'found', round: 1, basis: 'decision' }
		]);
	});

	it('derives each household from its members', async () => {
		const rows = rowsOf(await engine.query('SELECT * FROM verval_household ORDER BY household_id'), {
			household_id: 'string',
			status: 'string',
			checked: 'number',
			left: 'number',
			conflicts: 'number'
		});
		expect(rows).toEqual([
			{ household_id: 'H1', status: 'conflict', checked: 2, left: 1, conflicts: 1 },
			{ household_id: 'H2', status: 'left', checked: 2, left: 2, conflicts: 0 },
			{ household_id: 'H3', status: 'remove_proposed', checked: 1, left: 0, conflicts: 0 },
			{ household_id: 'H4', status: 'unchecked', checked: 0, left: 0, conflicts: 0 },
			{ household_id: 'H5', status: 'verified', checked: 2, left: 0, conflicts: 0 }
		]);
	});

	it('lists the results that resolve nobody, with why', async () => {
		const rows = rowsOf(await engine.query(unmatchedResultsSql()), { source_row: 'number', reason: 'string', answer: 'string' });
		expect(rows).toEqual([
			{ source_row: 11, reason: 'unknown_person', answer: 'Anggota baru' },
			{ source_row: 12, reason: 'no_person', answer: 'Ditemukan' },
			{ source_row: 13, reason: 'unread_answer', answer: 'entah' }
		]);
	});

	it('lists each open conflict with the rows and officers behind each outcome', async () => {
		const rows = rowsOf(await engine.query(conflictsSql()), {
			person_id: 'string',
			round: 'number',
			outcome: 'string',
			rows: 'string',
			officers: 'string'
		});
		expect(rows).toEqual([
			{ person_id: 'P3', round: 1, outcome: 'found', rows: 'r1.csv:3', officers: 'Petugas 3' },
			{ person_id: 'P3', round: 1, outcome: 'moved', rows: 'r1.csv:4', officers: 'Petugas 4' }
		]);
	});

	it('counts progress per village and kecamatan, villages without records too', async () => {
		const spec = {
			households: 'number',
			households_checked: 'number',
			people: 'number',
			people_checked: 'number',
			conflicts: 'number',
			found: 'number',
			not_found: 'number',
			deceased: 'number',
			moved: 'number',
			well_off: 'number',
			out_of_regency: 'number',
			new_member: 'number',
			proposals: 'number',
			last_round: 'number?',
			last_visit: 'date?'
		} as const;
		const zero = {
			conflicts: 0,
			found: 0,
			not_found: 0,
			deceased: 0,
			moved: 0,
			well_off: 0,
			out_of_regency: 0,
			new_member: 0,
			proposals: 0
		};
		const villages = rowsOf(await engine.query(villageProgressSql()), { village_kode: 'string', ...spec });
		expect(villages).toEqual([
			{
				village_kode: 'V1',
				households: 2,
				households_checked: 2,
				people: 5,
				people_checked: 4,
				...zero,
				conflicts: 1,
				found: 1,
				not_found: 1,
				deceased: 1,
				moved: 1,
				last_round: 1,
				last_visit: '2026-11-01'
			},
			{
				village_kode: 'V2',
				households: 2,
				households_checked: 1,
				people: 2,
				people_checked: 1,
				...zero,
				well_off: 1,
				last_round: 2,
				last_visit: '2026-11-02'
			},
			{
				village_kode: 'V3',
				households: 1,
				households_checked: 1,
				people: 2,
				people_checked: 2,
				...zero,
				found: 2,
				last_round: 2,
				last_visit: '2026-11-02'
			},
			{
				village_kode: 'V4',
				households: 0,
				households_checked: 0,
				people: 0,
				people_checked: 0,
				...zero,
				last_round: null,
				last_visit: null
			}
		]);
		const kecamatan = rowsOf(await engine.query(kecamatanProgressSql()), { kecamatan_kode: 'string', ...spec });
		expect(kecamatan).toEqual([
			{
				kecamatan_kode: 'K1',
				households: 4,
				households_checked: 3,
				people: 7,
				people_checked: 5,
				...zero,
				conflicts: 1,
				found: 1,
				not_found: 1,
				deceased: 1,
				moved: 1,
				well_off: 1,
				last_round: 2,
				last_visit: '2026-11-02'
			},
			{
				kecamatan_kode: 'K2',
				households: 1,
				households_checked: 1,
				people: 2,
				people_checked: 2,
				...zero,
				found: 2,
				last_round: 2,
				last_visit: '2026-11-02'
			}
		]);
	});

	it('counts the people visited by each round, cumulatively, per kecamatan (one point per round)', async () => {
		// Round 1 reaches P1–P6, P8, P9 (P7 never); round 2 only revisits P6 and P8.
		const rows = rowsOf(await engine.query(roundProgressSql()), {
			round: 'number',
			last_visit: 'date?',
			kecamatan_kode: 'string',
			people_visited: 'number'
		});
		expect(rows).toEqual([
			{ round: 1, last_visit: '2026-11-01', kecamatan_kode: 'K1', people_visited: 6 },
			{ round: 1, last_visit: '2026-11-01', kecamatan_kode: 'K2', people_visited: 2 },
			{ round: 2, last_visit: '2026-11-02', kecamatan_kode: 'K1', people_visited: 6 },
			{ round: 2, last_visit: '2026-11-02', kecamatan_kode: 'K2', people_visited: 2 }
		]);
	});

	it('counts new members the register does not have as proposals of the village the result names', async () => {
		await engine.exec(`INSERT INTO verval_result (round, source_file, source_row, nik, outcome, answer, village) VALUES
			(2, 'r2.xlsx', 3, '6402010101990001', 'new_member', 'Usulan baru', 'tiga'),
			(2, 'r2.xlsx', 4, '6402010101990002', 'new_member', 'Anggota baru', 'V2'),
			(2, 'r2.xlsx', 5, '6402010101990003', 'new_member', 'Anggota baru', 'Tidak Ada Desa Ini'),
			(2, 'r2.xlsx', 6, ${lit(nik(7))}, 'new_member', 'Anggota baru', 'V2')`);
		// Row 6 names P7, a register person: a new member of the register, not a proposal.
		const rows = rowsOf(await engine.query(`SELECT village_kode, proposals FROM (${villageProgressSql()}) ORDER BY 1`), {
			village_kode: 'string',
			proposals: 'number'
		});
		expect(rows).toEqual([
			{ village_kode: 'V1', proposals: 0 },
			{ village_kode: 'V2', proposals: 1 },
			{ village_kode: 'V3', proposals: 1 },
			{ village_kode: 'V4', proposals: 0 }
		]);
		await engine.exec(`DELETE FROM verval_result WHERE source_file = 'r2.xlsx' AND source_row > 2`);
	});

	it('a decision for an earlier round gives way to a later round', async () => {
		await engine.exec(
			`INSERT INTO verval_result (round, source_file, source_row, nik, outcome, answer) VALUES (3, 'r3.csv', 1, ${lit(nik(9))}, 'moved', 'Pindah')`
		);
		for (const s of resolvePersonStatements()) await engine.exec(s);
		const [p9] = rowsOf(await engine.query(`SELECT outcome, round, basis FROM verval_person WHERE person_id = 'P9'`), {
			outcome: 'string',
			round: 'number',
			basis: 'string'
		});
		expect(p9).toEqual({ outcome: 'moved', round: 3, basis: 'result' });
	});
});
