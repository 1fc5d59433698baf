/**
 * XLSX ingest in Node: time and peak memory of loading one workbook through ingestRegister.
 *
 *   npx tsx bench/xlsx.ts FILE.xlsx [--sheet NAME]
 *   /usr/bin/time -v npx tsx bench/xlsx.ts FILE.xlsx   (the kernel's peak RSS of the whole process)
 *
 * Generate a workbook first, e.g. 100,000 people as flat BDT (51 columns, one sheet 'Data'):
 *   npm run sample -- --people 100000 --formats xlsx --schemas bdt --out bench/out/xlsx
 * Prints its figures; they are not written to bench/RESULTS.md.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeEngine } from '../src/lib/engine/node';
import { ingestRegister, loadReference, type IngestProgress } from '../src/lib/ingest';
import { fileByteSource } from '../src/lib/ingest/node-source';
import type { Reference } from '../src/lib/core/reference';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reference = JSON.parse(readFileSync(join(ROOT, 'data/reference.json'), 'utf8')) as Reference;

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--'));
if (!path) {
	console.error('usage: npx tsx bench/xlsx.ts FILE.xlsx [--sheet NAME]');
	process.exit(2);
}
const sheetIndex = args.indexOf('--sheet');
const sheet = sheetIndex >= 0 ? args[sheetIndex + 1] : undefined;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
// Sampled in JS; a GC pause or a burst between samples can be missed, so /usr/bin/time -v is the reference.
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const engine = await NodeEngine.open();
try {
	await loadReference(engine, reference);
	const source = { ...(await fileByteSource(resolve(path))), ...(sheet ? { sheet } : {}) };
	let readDone = 0;
	let lastRead: IngestProgress | undefined;
	let readUpdates = 0;
	const started = performance.now();
	const result = await ingestRegister(engine, [source], reference, {
		onProgress: (p) => {
			if (p.phase === 'read') {
				readUpdates++;
				lastRead = p;
			} else if (readDone === 0) readDone = performance.now();
		}
	});
	const total = performance.now() - started;
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	console.log(`${source.name}: ${(source.size / 2 ** 20).toFixed(1)} MiB, ${result.rowsRead.toLocaleString('en')} rows, ${result.people.toLocaleString('en')} people`);
	console.log(`  read (staging) ${((readDone - started) / 1000).toFixed(1)} s, whole load ${(total / 1000).toFixed(1)} s`);
	console.log(`  progress: ${readUpdates} read updates, last ${lastRead?.bytesRead ?? 0}/${lastRead?.bytesTotal ?? 0} bytes`);
	console.log(`  peak RSS (sampled every 50 ms) ${mib(peakRss)}`);
} finally {
	clearInterval(sampler);
	await engine.close();
}
