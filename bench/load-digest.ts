/**
 * Digests of every table a register load writes (the canonical tables, the report, the unknown codes …),
 * so a change to the load path can be shown to give the same answers on generated registers of any
 * size: `npx tsx bench/load-digest.ts FILE [FILE2]` prints one line per table (rows, and a hash of
 * every row in table order). Run it before and after a change and compare the lines.
 */
import { NodeEngine } from '../src/lib/engine/node';
import { ingestRegister, loadReference } from '../src/lib/ingest';
import { fileByteSource } from '../src/lib/ingest/node-source';
import { SWAPPED_TABLES } from '../src/lib/core/catalog';
import { readReference } from '../src/cli/reference';
import { diskWilayah } from '../src/cli/wilayah';

const files = process.argv.slice(2);
const engine = await NodeEngine.open();
const current = await readReference(undefined);
await loadReference(engine, current);
const sources = await Promise.all(files.map((f) => fileByteSource(f)));
const result = await ingestRegister(engine, sources, current, { region: { wilayah: diskWilayah }, asOf: '2026-07-01' });
const { mapping: _mapping, ...summary } = result;
console.log(JSON.stringify({ ...summary, reference: summary.reference?.kabupaten }));
for (const table of SWAPPED_TABLES) {
	// Row order is part of the answer: each row's hash is folded with its position (rowid).
	const digest = await engine.query(
		`SELECT count(*)::BIGINT AS n, sum(hash(rowid, hash(t)))::HUGEINT::VARCHAR AS digest FROM ${table} AS t`
	);
	const row = digest.get(0)?.toJSON() as { n: bigint; digest: string | null };
	console.log(table.padEnd(24), String(row.n).padStart(9), row.digest);
}
await engine.close();
