/**
 * Makes sure the bundled default register (static/sample/) exists before a build or dev server.
 * It is generated, not committed: deterministic, so the same seed always gives the same files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSample, type SampleManifest } from '../src/lib/sample/write';

/** Kukar's register size: about 200,000 people in about 60,000 families. */
export const BUNDLED_SAMPLE = { people: 200_000, seed: 1 } as const;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(ROOT, 'static/sample');

function isCurrent(): boolean {
	const manifestPath = join(outDir, 'manifest.json');
	if (!existsSync(manifestPath)) return false;
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
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`static/sample/: ${manifest.people} people, ${manifest.families} families in ${seconds} s`);
}
