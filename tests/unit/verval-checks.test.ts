/**
 * Issue 13 point 4: the consistency and out-of-regency checks on a hand-made register with one planted
 * defect of each kind (and clean households beside them). Every expected finding is worked out by hand;
 * the clean records (H1, H8, H9 and the members not named) must not be flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql } from '../../src/lib/core/catalog';
import { rowsOf } from '../../src/lib/core/rows';
import { sqlString } from '../../src/lib/core/sql';
import { qualityChecksSql, qualityCountsSql } from '../../src/lib/core/verval/checks';
import { NodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import { WasmTestEngine } from './wasm-engine';

const V1 = '64.02.01.2001';
const V2 = '64.02.01.2002';
const OUTSIDE = '64.02.99.9999';

// household id, village, address, member rows, declared members
const HOUSEHOLDS: [string, string, string | null, number, number | null][] = [
	['H1', V1, 'Jl A', 3, 3],
	['H2', V1, 'Jl A', 2, 4],
	['H3', V2, 'Jl A', 2, 2],
	['H4', V2, 'Jl A', 2, null],
	['H5', V2, 'Jl A', 1, 1],
	['H6', V1, 'Jl A', 2, 2],
	['H7', OUTSIDE, 'Jl B', 1, 1],
	['H8', V1, 'Jl C', 1, 1],
	['H9', V1, null, 1, 1]
];

// person id, household, NIK, KK, sex, relation, age, birth date
const PEOPLE: [string, string, string, string, 'M' | 'F', string, number, string][] = [
	['P1', 'H1', '6402010101860001', '6402010101150001', 'M', 'head', 40, '1986-01-01'],
	// A woman: day 41 in the NIK is the 1st.
	['P2', 'H1', '6402014103880002', '6402010101150001', 'F', 'spouse', 38, '1988-03-01'],
	['P3', 'H1', '6402011506160003', '6402010101150001', 'M', 'child', 10, '2016-06-15'],
	['P4', 'H2', '6402010202910004', '6402010202150004', 'M', 'head', 35, '1991-02-02'],
	// NIK says 03-03-90, the birth date 04-03-90; and a child older than the head.
	['P5', 'H2', '6402010303900005', '6402010202150004', 'M', 'child', 36, '1990-03-04'],
	['P6', 'H3', '6402014505960006', '6402010505150006', 'F', 'spouse', 30, '1996-05-05'],
	['P7', 'H3', '6402010606210007', '6402010505150006', 'M', 'child', 5, '2021-06-06'],
	['P8', 'H4', '6402010707760008', '6402010707150008', 'M', 'head', 50, '1976-07-07'],
	['P9', 'H4', '6402014808780009', '6402010707150008', 'F', 'head', 48, '1978-08-08'],
	['P10', 'H5', '6402010909210010', '6402010909150010', 'M', 'head', 5, '2021-09-09'],
	['P11', 'H6', '6402011010960011', '6402011010150011', 'M', 'head', 30, '1996-10-10'],
	['P12', 'H6', '6402011111980012', '6402011010150011', 'M', 'parent', 28, '1998-11-11'],
	// Issued in 64.71 and living in no village of this regency: a candidate.
	['P13', 'H7', '6471010101860013', '6471010101150013', 'M', 'head', 40, '1986-01-01'],
	// Issued in 64.71 but with an address in the regency: not a candidate.
	['P14', 'H8', '6471010101860014', '6471010101150014', 'M', 'head', 40, '1986-01-01'],
	// Local NIK, KK from elsewhere, no address: not a candidate (one of the two is local).
	['P15', 'H9', '6402010101860015', '6471010101150015', 'M', 'head', 40, '1986-01-01']
];

const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : sqlString(v));

const ENGINES: [string, () => Promise<Engine>][] = [
	['Node DuckDB', () => NodeEngine.open()],
	['duckdb-wasm', () => WasmTestEngine.open()]
];

describe.each(ENGINES)('register quality checks (%s)', (_, open) => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await open();
		for (const t of ['register_region', 'village', 'household', 'person', 'ingest_report'] as const) await engine.exec(createTableSql(t));
		// The load's own findings on a household or person (errors and warnings) are counted beside the checks;
		// an info finding, or one on no household, is not a field team's business.
		await engine.exec(`INSERT INTO ingest_report (severity, code, household_id, person_id) VALUES
			('warning', 'nik_scientific', 'H8', 'P14'), ('error', 'nik_in_two_families', 'H9', NULL),
			('info', 'unknown_code', 'H1', NULL), ('warning', 'village_not_in_reference', NULL, NULL)`);
		await engine.exec(`INSERT INTO register_region (kode, nama) VALUES ('64.02', 'Kabupaten Kutai Kartanegara')`);
		await engine.exec(`INSERT INTO village (kode, nama) VALUES (${lit(V1)}, 'Satu'), (${lit(V2)}, 'Dua')`);
		await engine.exec(
			`INSERT INTO household (household_id, village_kode, alamat, members, members_declared) VALUES ${HOUSEHOLDS.map(
				(h) => `(${h.map(lit).join(', ')})`
			).join(', ')}`
		);
		await engine.exec(
			`INSERT INTO person (person_id, household_id, nik, kk, sex, relation, age, birth_date) VALUES ${PEOPLE.map(
				([id, h, nik, kk, sex, relation, age, birth]) => `(${[id, h, nik, kk, sex, relation, age].map(lit).join(', ')}, DATE ${lit(birth)})`
			).join(', ')}`
		);
	});
	afterAll(async () => {
		await engine.close();
	});

	it('finds every planted defect and flags no clean record', async () => {
		const rows = rowsOf(await engine.query(qualityChecksSql()), {
			check: 'string',
			household_id: 'string',
			person_id: 'string?',
			village_kode: 'string',
			value: 'string'
		});
		expect(rows).toEqual([
			{ check: 'child_older_than_head', household_id: 'H2', person_id: 'P5', village_kode: V1, value: '36 / 35' },
			{ check: 'nik_birth_mismatch', household_id: 'H2', person_id: 'P5', village_kode: V1, value: '6402010303900005 / 1990-03-04' },
			{ check: 'size_mismatch', household_id: 'H2', person_id: null, village_kode: V1, value: '4 / 2' },
			{ check: 'parent_younger_than_head', household_id: 'H6', person_id: 'P12', village_kode: V1, value: '28 / 30' },
			{ check: 'no_head', household_id: 'H3', person_id: null, village_kode: V2, value: '2' },
			{ check: 'two_heads', household_id: 'H4', person_id: null, village_kode: V2, value: '2' },
			{ check: 'head_too_young', household_id: 'H5', person_id: 'P10', village_kode: V2, value: '5' },
			{ check: 'out_of_regency_candidate', household_id: 'H7', person_id: 'P13', village_kode: OUTSIDE, value: '6471 / 6471' }
		]);
	});

	it("counts findings per village and code, the load report's errors and warnings on a household included", async () => {
		const rows = rowsOf(await engine.query(qualityCountsSql()), { village_kode: 'string', check: 'string', findings: 'number' });
		expect(rows).toEqual([
			{ village_kode: V1, check: 'child_older_than_head', findings: 1 },
			{ village_kode: V1, check: 'nik_birth_mismatch', findings: 1 },
			{ village_kode: V1, check: 'nik_in_two_families', findings: 1 },
			{ village_kode: V1, check: 'nik_scientific', findings: 1 },
			{ village_kode: V1, check: 'parent_younger_than_head', findings: 1 },
			{ village_kode: V1, check: 'size_mismatch', findings: 1 },
			{ village_kode: V2, check: 'head_too_young', findings: 1 },
			{ village_kode: V2, check: 'no_head', findings: 1 },
			{ village_kode: V2, check: 'two_heads', findings: 1 },
			{ village_kode: OUTSIDE, check: 'out_of_regency_candidate', findings: 1 }
		]);
	});
});
