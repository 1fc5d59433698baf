import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node';
import { rowsOf } from '../../src/lib/core/rows';

describe('NodeEngine', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
	});
	afterAll(async () => {
		await engine.close();
	});

	it('answers a known query with the expected Arrow types', async () => {
		const table = await engine.query(
			`SELECT 42::INTEGER AS i, 9007199254740993::BIGINT AS b, 1.5::DOUBLE AS d, 'Tenggarong' AS s, ` +
				`true AS t, DATE '2010-03-05' AS day, NULL::INTEGER AS n`
		);
		expect(table.numRows).toBe(1);
		const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
		expect(types).toEqual({
			i: 'Int32',
			b: 'Int64',
			d: 'Float64',
			s: 'Utf8',
			t: 'Bool',
			day: 'Date32<DAY>',
			n: 'Int32'
		});
		const [row] = rowsOf(table, {
			i: 'number',
			b: 'number',
			d: 'number',
			s: 'string',
			t: 'boolean',
			day: 'date',
			n: 'number?'
		});
		expect(row).toEqual({ i: 42, b: 9007199254740992, d: 1.5, s: 'Tenggarong', t: true, day: '2010-03-05', n: null });
	});

	it('reads results of many chunks with nulls, long and non-ASCII strings as the values they are', async () => {
		// 5,000 rows: three DuckDB chunks; strings above 12 bytes live outside the inline part.
		const table = await engine.query(
			`SELECT i::INTEGER AS i, CASE WHEN i % 5 = 0 THEN NULL ELSE i::BIGINT * 3 END AS b, ` +
				`CASE WHEN i % 7 = 0 THEN NULL ELSE 'desa ' || repeat('é', i % 20) END AS s, ` +
				`CASE WHEN i % 3 = 0 THEN NULL ELSE DATE '2000-01-01' + i::INTEGER END AS day, ` +
				`CASE WHEN i % 11 = 0 THEN NULL ELSE i % 2 = 0 END AS t, (i % 100)::SMALLINT AS small, ` +
				`(i / 8)::DECIMAL(12, 3) AS dec, i / 4 AS d FROM range(5000) r(i) ORDER BY i`
		);
		expect(table.numRows).toBe(5000);
		const rows = rowsOf(table, {
			i: 'number',
			b: 'number?',
			s: 'string?',
			day: 'date?',
			t: 'boolean?',
			small: 'number',
			dec: 'number',
			d: 'number'
		});
		const dayOf = (i: number) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
		rows.forEach((row, i) => {
			expect(row).toEqual({
				i,
				b: i % 5 === 0 ? null : i * 3,
				s: i % 7 === 0 ? null : `desa ${'é'.repeat(i % 20)}`,
				day: i % 3 === 0 ? null : dayOf(i),
				t: i % 11 === 0 ? null : i % 2 === 0,
				small: i % 100,
				dec: Math.round((i / 8) * 1000) / 1000,
				d: i / 4
			});
		});
		const empty = await engine.query(`SELECT 1::INTEGER AS n, 'x' AS s WHERE false`);
		expect(empty.numRows).toBe(0);
		expect(empty.schema.fields.map((f) => String(f.type))).toEqual(['Int32', 'Utf8']);
	});

	it('sums over a generated range', async () => {
		const table = await engine.query(`SELECT sum(i)::BIGINT AS total, count(*)::INTEGER AS n FROM range(1, 1001) t(i)`);
		expect(rowsOf(table, { total: 'number', n: 'number' })).toEqual([{ total: 500500, n: 1000 }]);
	});

	it('reads a registered file with read_csv by its plain name, and forgets it on dropFile', async () => {
		await engine.registerFile('engine-test.csv', new TextEncoder().encode('kode;nama\n64.02.06;Tenggarong\n64.02.12;Tabang\n'));
		const table = await engine.query(
			`SELECT kode, nama FROM read_csv('engine-test.csv', delim=';', header=true, all_varchar=true) ORDER BY kode`
		);
		expect(rowsOf(table, { kode: 'string', nama: 'string' })).toEqual([
			{ kode: '64.02.06', nama: 'Tenggarong' },
			{ kode: '64.02.12', nama: 'Tabang' }
		]);
		await engine.dropFile('engine-test.csv');
		await expect(engine.query(`SELECT * FROM read_csv('engine-test.csv')`)).rejects.toThrow();
	});

	it('round-trips a table through exportParquet and createTableFromParquet', async () => {
		const bytes = await engine.exportParquet(
			`SELECT i::INTEGER AS i, 'desa ' || i AS nama, DATE '2000-01-01' + i::INTEGER AS day FROM range(0, 250) t(i)`
		);
		expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1');
		const rows = await engine.createTableFromParquet('roundtrip', bytes);
		expect(rows).toBe(250);
		const table = await engine.query(`SELECT count(*)::INTEGER AS n, sum(i)::BIGINT AS s, max(nama) AS m, max(day) AS d FROM roundtrip`);
		expect(rowsOf(table, { n: 'number', s: 'number', m: 'string', d: 'date' })).toEqual([
			{ n: 250, s: 31125, m: 'desa 99', d: '2000-09-06' }
		]);
	});

	it('interrupt stops a running statement, which fails, and the connection answers the next one', async () => {
		// Hours of work if nothing stops it.
		let settled = false;
		const running = engine
			.query('SELECT sum(a.range * b.range)::DOUBLE AS s FROM range(1000000) a, range(1000000) b')
			.finally(() => (settled = true));
		running.catch(() => undefined);
		// The statement may not have started when interrupt is first called: ask until it has stopped.
		while (!settled) {
			await engine.interrupt();
			await new Promise((resolve) => setImmediate(resolve));
		}
		await expect(running).rejects.toThrow(/interrupt/i);
		const table = await engine.query('SELECT 1::INTEGER AS n');
		expect(rowsOf(table, { n: 'number' })).toEqual([{ n: 1 }]);
	});

	it('interrupt with nothing running does nothing', async () => {
		await engine.interrupt();
		const table = await engine.query('SELECT 2::INTEGER AS n');
		expect(rowsOf(table, { n: 'number' })).toEqual([{ n: 2 }]);
	});
});
