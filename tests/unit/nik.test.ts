import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { sqlString } from '../../src/lib/core/sql';
import { checkId, checkIdSql, idDigits, idDigitsSql, idFormat, nikParts, type IdIssue, type IdKind } from '../../src/lib/core/nik';

const KAB = '64.02';

/** value, sex, expected issues (NIK). */
const NIK_CASES: [string | null, string | null, IdIssue[]][] = [
	['6402061505800001', 'M', []],
	['6402065505800002', 'F', []], // woman: day 15 + 40
	['6402065505800002', null, []],
	['6402061505800001', 'F', ['sex_mismatch']],
	['6402065505800002', 'M', ['sex_mismatch']],
	[null, null, ['missing']],
	['   ', null, ['missing']],
	['6.40206E+15', null, ['scientific']],
	['6,40206E+15', null, ['scientific']],
	['6.40206123456789E+15', null, ['scientific']],
	["'6.40206E+15", null, ['scientific']],
	['6402061505800000', null, ['lost_digits']],
	['6402061234560000', null, ['lost_digits']],
	["'6402061505800001", 'M', ['apostrophe']],
	['‘6402061505800001', 'M', ['apostrophe']],
	["'6402 0615 0580 0001", 'M', ['apostrophe']],
	['6402 0615 0580 0001', 'M', ['spaces']],
	[' 6402061505800001', 'M', ['spaces']],
	['6402061505800001\u00A0', 'M', ['spaces']],
	['6402\t061505800001', 'M', ['spaces']],
	['6402-0615-0580-0001', null, ['non_digit']],
	['6402061505800001.0', null, ['non_digit']],
	['64O2061505800001', null, ['non_digit']],
	['640206150580001', null, ['wrong_length']],
	['64020615058000011', null, ['wrong_length']],
	["'640206150580001", null, ['wrong_length']],
	['0002061505800001', null, ['bad_region']],
	['6400061505800001', null, ['bad_region']],
	['6402001505800001', null, ['bad_region']],
	['2202061505800001', null, ['bad_region']],
	['6402060013800001', null, ['bad_birth_date']], // day 00
	['6402063201800001', null, ['bad_birth_date']], // day 32
	['6402064001800001', null, ['bad_birth_date']], // day 40
	['6402067201800001', null, ['bad_birth_date']], // day 72 (= 32 + 40)
	['6402061513800001', null, ['bad_birth_date']], // month 13
	['6402061500800001', null, ['bad_birth_date']], // month 00
	['6402063104800001', null, ['bad_birth_date']], // 31 April
	['6402067104800001', null, ['bad_birth_date']], // 31 April, woman
	['6402063002800001', null, ['bad_birth_date']], // 30 February
	['6402062902810001', null, ['bad_birth_date']], // 29 February 1981
	['6402062902800001', 'M', []], // 29 February 1980
	['6402066902000001', 'F', []], // 29 February 2000, woman
	['6402063112990001', 'M', []],
	['3273061505800001', 'M', ['outside_regency']],
	["'3273061505800001", 'M', ['apostrophe', 'outside_regency']],
	['3273061505800001', 'F', ['sex_mismatch']],
	['6402064105800001', 'F', []], // a woman born on the 1st: day 41
	['6402064105800001', 'M', ['sex_mismatch']],
	['6402063905800001', 'F', ['bad_birth_date']], // day 39: neither a man's day nor a woman's
	['6402063105800001', 'F', ['sex_mismatch']] // 31 May, a man's day
];

/** value, expected issues (KK: no birth date, no sex). */
const KK_CASES: [string | null, IdIssue[]][] = [
	['6402060101200003', []],
	['6402063201200003', []], // a KK has no birth date: day 32 is fine
	['6.40206E+15', ['scientific']],
	['6402060101200000', ['lost_digits']],
	["'6402060101200003", ['apostrophe']],
	['3273060101200003', ['outside_regency']],
	['640206010120000', ['wrong_length']],
	['', ['missing']]
];

describe('NIK/KK checks in TypeScript', () => {
	it.each(NIK_CASES)('NIK %j (sex %s) → %j', (value, sex, expected) => {
		expect(checkId('nik', value, { sex, kabupaten: KAB })).toEqual(expected);
	});
	it.each(KK_CASES)('KK %j → %j', (value, expected) => {
		expect(checkId('kk', value, { kabupaten: KAB })).toEqual(expected);
	});

	it('keeps the digits only when the damage is cosmetic', () => {
		expect(idDigits("'6402 0615 0580 0001")).toBe('6402061505800001');
		expect(idDigits('6402061505800001')).toBe('6402061505800001');
		expect(idDigits('6.40206E+15')).toBeNull();
		expect(idDigits('640206150580001')).toBeNull();
		expect(idFormat('6402061505800001')).toBeNull();
	});

	it('reads the parts of a woman’s NIK', () => {
		expect(nikParts('6402065505800002')).toEqual({
			province: '64',
			kabupaten: '02',
			kecamatan: '06',
			day: 55,
			month: 5,
			year2: 80,
			sex: 'F',
			serial: '0002'
		});
	});
});

describe('NIK/KK checks in SQL agree with TypeScript', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
	});
	afterAll(async () => {
		await engine.close();
	});

	async function sqlIssues(kind: IdKind, cases: [string | null, string | null][]): Promise<{ issues: string[]; digits: string | null }[]> {
		const values = cases
			.map(([v, s], i) => `(${i}, ${v === null ? 'NULL' : sqlString(v)}, ${s === null ? 'NULL' : sqlString(s)})`)
			.join(', ');
		const table = await engine.query(
			`SELECT i, array_to_string(${checkIdSql(kind, 'v', kind === 'nik' ? 'sex' : null, KAB)}, ',') AS issues, ${idDigitsSql('v')} AS digits ` +
				`FROM (VALUES ${values}) AS t(i, v, sex) ORDER BY i`
		);
		const out: { issues: string[]; digits: string | null }[] = [];
		for (let i = 0; i < table.numRows; i++) {
			const row = table.get(i)?.toJSON() as { issues: string; digits: string | null };
			out.push({ issues: row.issues ? row.issues.split(',') : [], digits: row.digits });
		}
		return out;
	}

	it('NIK table', async () => {
		const got = await sqlIssues(
			'nik',
			NIK_CASES.map(([v, s]) => [v, s])
		);
		expect(got.map((g) => g.issues)).toEqual(NIK_CASES.map(([, , e]) => e));
		expect(got.map((g) => g.digits)).toEqual(NIK_CASES.map(([v]) => idDigits(v)));
	});

	it('KK table', async () => {
		const got = await sqlIssues(
			'kk',
			KK_CASES.map(([v]) => [v, null])
		);
		expect(got.map((g) => g.issues)).toEqual(KK_CASES.map(([, e]) => e));
		expect(got.map((g) => g.digits)).toEqual(KK_CASES.map(([v]) => idDigits(v)));
	});
});
