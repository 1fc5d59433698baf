/**
 * Makes sure the bundled default register (static/sample/) exists before a build or dev server.
 * It is generated, not committed: deterministic, so the same seed always gives the same files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSample, type SampleManifest } from '../src/lib/sample/write';

/** Kukar's register size: about 200,000 people in about 60,000 families. */
export const BUNDLED_SAMPLE = { people: 200_000, seed: 1 } as const;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(ROOT, 'static/sample');
const stampPath = join(outDir, 'generator.sha256');

/** The generator's own source: a change to it must regenerate the sample, not reuse an older one. */
function generatorHash(): string {
	const dir = join(ROOT, 'src/lib/sample');
	const hash = createHash('sha256');
	for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
	hash.update(JSON.stringify(BUNDLED_SAMPLE));
	return hash.digest('hex');
}

function isCurrent(): boolean {
	const manifestPath = join(outDir, 'manifest.json');
	if (!existsSync(manifestPath) || !existsSync(stampPath)) return false;
	if (readFileSync(stampPath, 'utf8').trim() !== generatorHash()) return false;
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as SampleManifest;
	return (
		manifest.people === BUNDLED_SAMPLE.people &&
		manifest.seed === BUNDLED_SAMPLE.seed &&
		manifest.files.every((file) => existsSync(join(outDir, file.name)))
	);
}

if (isCurrent()) {
	console.log('static/sample/ is current');
} else {
	const started = performance.now();
	const manifest = await writeSample(outDir, {
		...BUNDLED_SAMPLE,
		formats: ['parquet'],
		schemas: ['dtsen']
	});
	writeFileSync(stampPath, generatorHash() + '\n');
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`static/sample/: ${manifest.people} people, ${manifest.families} families in ${seconds} s`);
}
