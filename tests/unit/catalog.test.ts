import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	CATALOG,
	PERSISTED_TABLES,
	SWAPPED_TABLES,
	columnsOf,
	createTableSql,
	registerSchemaFingerprint,
	type DefinedTable
} from '../../src/lib/core/catalog';
import { CODE_TABLES, codeTableStatements } from '../../src/lib/core/codes';
import { PROGRAMME_IDS, defaultPlan, type Plan } from '../../src/lib/core/plan';
import { ALLOCATION_TABLE, COMPARED_ALLOCATION_TABLE, allocationStatements } from '../../src/lib/core/programs';
import { rowsOf } from '../../src/lib/core/rows';
import { NodeEngine } from '../../src/lib/engine/node';
import { ingestRegister, loadReference } from '../../src/lib/ingest';
import { fileByteSource } from '../../src/lib/ingest/node-source';
import { REGISTER_TABLES } from '../../src/lib/ingest/tables';
import { comparePlan, runAllocation } from '../../src/lib/queries/allocation';
import { TINY_REFERENCE, fixture } from '../fixtures/ingest';

async function describeTable(engine: NodeEngine, table: string) {
	const rows = rowsOf(await engine.query(`DESCRIBE ${table}`), { column_name: 'string', column_type: 'string' });
	return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

const catalogColumns = (table: DefinedTable) => columnsOf(table).map((c) => ({ name: c.name, type: c.type }));

async function tableNames(engine: NodeEngine): Promise<string[]> {
	const rows = rowsOf(await engine.query('SELECT table_name FROM information_schema.tables ORDER BY 1'), {
		table_name: 'string'
	});
	return rows.map((r) => r.table_name);
}

describe('the table catalog', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
	});
	afterAll(async () => {
		await engine.close();
	});

	it.each([['dtsen-flat.csv'], ['dtsen-keluarga.csv', 'dtsen-anggota.csv'], ['bdt-flat-semicolon.csv']])(
		'a load of %s builds exactly the swapped tables, each as the catalog describes it',
		async (...files) => {
			for (const table of await tableNames(engine)) await engine.exec(`DROP TABLE ${table}`);
			await loadReference(engine, TINY_REFERENCE);
			const sources = await Promise.all(files.map((f) => fileByteSource(fixture(f))));
			await ingestRegister(engine, sources, TINY_REFERENCE);
			expect(await tableNames(engine)).toEqual([...SWAPPED_TABLES].sort());
			for (const table of SWAPPED_TABLES) {
				expect({ table, columns: await describeTable(engine, table) }).toEqual({ table, columns: catalogColumns(table) });
			}
		}
	);

	it('the allocation, a compared one and the overrides are built as the catalog describes them', async () => {
		const plan = defaultPlan();
		await runAllocation(engine, plan);
		expect(await describeTable(engine, ALLOCATION_TABLE)).toEqual(catalogColumns('allocation'));
		expect(await describeTable(engine, 'plan_override')).toEqual(catalogColumns('plan_override'));
		await runAllocation(engine, plan, COMPARED_ALLOCATION_TABLE);
		expect(await describeTable(engine, COMPARED_ALLOCATION_TABLE)).toEqual(catalogColumns('allocation_compared'));

		// Each programme's rows are inserted by position: their SELECT must give the catalog's columns in order.
		const inserts = allocationStatements(plan).filter((s) => s.startsWith(`INSERT INTO ${ALLOCATION_TABLE} `));
		expect(inserts.length).toBeGreaterThan(1);
		for (const insert of inserts) {
			const select = insert.slice(`INSERT INTO ${ALLOCATION_TABLE} `.length);
			expect(await describeTable(engine, `(${select})`)).toEqual(catalogColumns('allocation'));
		}

		// No programme enabled: the table is there, empty, with the same columns.
		const none: Plan = structuredClone(plan);
		for (const id of PROGRAMME_IDS) none.programmes[id].enabled = false;
		await runAllocation(engine, none, COMPARED_ALLOCATION_TABLE);
		expect(await describeTable(engine, COMPARED_ALLOCATION_TABLE)).toEqual(catalogColumns('allocation'));
	});

	it("comparing plans builds B's allocation into its own table and leaves A's as it was", async () => {
		await runAllocation(engine, defaultPlan());
		const snapshot = async () =>
			rowsOf(await engine.query('SELECT count(*)::INTEGER AS n, bit_xor(hash(a))::VARCHAR AS h FROM allocation a'), {
				n: 'number',
				h: 'string'
			});
		const before = await snapshot();
		expect(before[0]?.n).toBeGreaterThan(0);
		const other: Plan = structuredClone(defaultPlan());
		for (const id of PROGRAMME_IDS) other.programmes[id].enabled = false;
		const diff = await comparePlan(engine, other);
		expect(diff.every((d) => d.funded_b === 0)).toBe(true);
		expect(await snapshot()).toEqual(before);
		expect(await tableNames(engine)).not.toContain(COMPARED_ALLOCATION_TABLE);
	});

	it('the code lookup table of a load is built as the catalog describes it', async () => {
		for (const statement of codeTableStatements('tepat_codes_test', CODE_TABLES.dtsen)) await engine.exec(statement);
		expect(await describeTable(engine, 'tepat_codes_test')).toEqual(catalogColumns('tepat_codes'));
		await engine.exec('DROP TABLE tepat_codes_test');
	});

	it('the swap list, the persisted list and the restore fingerprint come from the catalog', () => {
		const byLifecycle = (...l: string[]) =>
			Object.entries(CATALOG)
				.filter(([, d]) => l.includes(d.lifecycle))
				.map(([t]) => t);
		expect([...SWAPPED_TABLES]).toEqual(byLifecycle('register', 'persisted'));
		expect([...PERSISTED_TABLES]).toEqual(byLifecycle('persisted'));
		expect(REGISTER_TABLES).toBe(PERSISTED_TABLES);
		expect(registerSchemaFingerprint()).toBe(PERSISTED_TABLES.map((t) => createTableSql(t)).join(';'));
		expect(PERSISTED_TABLES).toEqual(expect.arrayContaining(['household', 'person', 'ingest_report', 'register_field']));
	});
});

describe('layers', () => {
	it('engine/ imports nothing above it (only core and packages)', () => {
		const dir = fileURLToPath(new URL('../../src/lib/engine/', import.meta.url));
		const above = /from\s+'(?:\$lib\/|\.\.\/)(ingest|state|queries|export|ui|sample|paraglide)\b|from\s+'\.\.\/\.\.\//;
		const offending = readdirSync(dir)
			.filter((name) => name.endsWith('.ts'))
			.flatMap((name) =>
				readFileSync(`${dir}${name}`, 'utf8')
					.split('\n')
					.filter((line) => above.test(line))
					.map((line) => `${name}: ${line.trim()}`)
			);
		expect(offending).toEqual([]);
	});
});
