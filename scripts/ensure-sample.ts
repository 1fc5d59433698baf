/**
 * Makes sure the bundled default register (static/sample/) exists before a build or dev server.
 * It is generated, not committed: deterministic, so the same seed always gives the same files.
 *
 * Besides the DTSEN source files it writes the register already ingested (static/sample/register/):
 * the canonical tables as Parquet, made by the same ingest SQL in Node, so the app opens on the sample
 * in about a second instead of ingesting 200,000 rows on every first visit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diskWilayah } from '../src/cli/wilayah';
import type { Reference } from '../src/lib/core/reference';
import { registerSchemaFingerprint } from '../src/lib/core/schema';
import { NodeEngine } from '../src/lib/engine/node';
import { ingestRegister, loadReference } from '../src/lib/ingest';
import { fileByteSource } from '../src/lib/ingest/node-source';
import { writeSample, type SampleManifest } from '../src/lib/sample/write';
import { generateSample } from '../src/lib/sample/generate';
import { schemaTables } from '../src/lib/sample/tables';
import { REGISTER_TABLES } from '../src/lib/ingest/tables';
import { REHEARSAL_REGISTER, prebuiltPath, type PrebuiltRegister } from '../src/lib/state/sample';

/** Kukar's register size: about 200,000 people in about 60,000 families. */
export const BUNDLED_SAMPLE = { people: 200_000, seed: 1 } as const;
/**
 * The register the Data screen rehearses a load on (src/lib/state/rehearsal.ts): enough rows for every
 * step of the load to run, few enough to cost nothing but DuckDB's first run.
 */
const REHEARSAL_SAMPLE = { people: 300, seed: 2 } as const;
const SOURCE_FILES = ['dtsen-keluarga.parquet', 'dtsen-anggota.parquet'];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(ROOT, 'static/sample');
const stampPath = join(outDir, 'generator.sha256');

/** Generator, ingest and schema sources: a change to any of them must rebuild the sample. */
function inputsHash(): string {
	const hash = createHash('sha256');
	for (const dir of ['src/lib/sample', 'src/lib/ingest', 'src/lib/core', 'src/lib/core/codes']) {
		const full = join(ROOT, dir);
		for (const name of readdirSync(full).sort()) {
			if (name.endsWith('.ts')) hash.update(`${dir}/${name}`).update(readFileSync(join(full, name)));
		}
	}
	hash.update(readFileSync(join(ROOT, 'data/reference.json')));
	hash.update(JSON.stringify([BUNDLED_SAMPLE, REHEARSAL_SAMPLE]));
	return hash.digest('hex');
}

function isCurrent(expected: string): boolean {
	return (
		existsSync(stampPath) &&
		readFileSync(stampPath, 'utf8').trim() === expected &&
		existsSync(join(outDir, 'register', 'register.json')) &&
		existsSync(join(ROOT, 'static', REHEARSAL_REGISTER))
	);
}

async function prebuildRegister(manifest: SampleManifest): Promise<PrebuiltRegister> {
	const reference = JSON.parse(readFileSync(join(ROOT, 'data/reference.json'), 'utf8')) as Reference;
	const engine = await NodeEngine.open();
	try {
		await loadReference(engine, reference);
		const sources = await Promise.all(SOURCE_FILES.map((name) => fileByteSource(join(outDir, name))));
		const result = await ingestRegister(engine, sources, reference, { asOf: manifest.reference_date, region: { wilayah: diskWilayah } });
		const dir = join(outDir, 'register');
		await mkdir(dir, { recursive: true });
		for (const table of REGISTER_TABLES) {
			await writeFile(join(outDir, prebuiltPath(table).replace(/^\/sample\//, '')), await engine.exportParquet(`SELECT * FROM ${table}`));
		}
		const prebuilt: PrebuiltRegister = {
			schema: registerSchemaFingerprint(),
			names: SOURCE_FILES,
			kind: result.source,
			households: result.households,
			people: result.people,
			reference_date: manifest.reference_date,
			...(result.regency ? { regency: result.regency } : {})
		};
		await writeFile(join(dir, 'register.json'), JSON.stringify(prebuilt, null, '\t') + '\n');
		return prebuilt;
	} finally {
		await engine.close();
	}
}

/** Only the flat DTSEN CSV of REHEARSAL_SAMPLE, at REHEARSAL_REGISTER (the service worker keeps it for offline use). */
async function writeRehearsalRegister(): Promise<void> {
	const flat = schemaTables(generateSample(REHEARSAL_SAMPLE), 'dtsen').find((t) => t.table === 'flat');
	if (!flat) throw new Error('the sample generator wrote no flat DTSEN table');
	const path = join(ROOT, 'static', REHEARSAL_REGISTER);
	await mkdir(dirname(path), { recursive: true });
	await writeFile(path, flat.csv);
}

const expected = inputsHash();
if (isCurrent(expected)) {
	console.log('static/sample/ is current');
} else {
	const started = performance.now();
	await rm(outDir, { recursive: true, force: true });
	const manifest = await writeSample(outDir, { ...BUNDLED_SAMPLE, formats: ['parquet'], schemas: ['dtsen'] });
	const prebuilt = await prebuildRegister(manifest);
	await writeRehearsalRegister();
	await writeFile(stampPath, expected + '\n');
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`static/sample/: ${prebuilt.people} people, ${prebuilt.households} families in ${seconds} s`);
}
