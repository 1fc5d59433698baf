/**
 * Writes the synthetic register: npm run sample -- --people N --seed S [--out DIR]
 *   [--formats csv,parquet,xlsx] [--schemas dtsen,bdt,p3ke] [--kabupaten KODE]
 * Defaults: 200000 people, seed 1, out data/sample/, csv + parquet, dtsen + bdt, Kukar.
 * --kabupaten 64.03 (or 6403): a register of that regency from Indonesia's list (static/wilayah/).
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSample, ALL_SAMPLE_FORMATS, SAMPLE_FORMATS, type SampleFormat } from '../src/lib/sample/write';
import { ALL_SAMPLE_SCHEMAS, SAMPLE_SCHEMAS, type SampleSchema } from '../src/lib/sample/tables';
import { loadSampleRegency, type SampleRegency } from '../src/lib/sample/regency';
import { diskWilayah } from '../src/cli/wilayah';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `Menulis register sintetis (gaya DTSEN, BDT/DTKS atau P3KE; CSV, Parquet atau XLSX): Kukar, atau kabupaten/kota lain.

  npm run sample -- [--people N] [--seed S] [--out FOLDER] [--formats csv,parquet,xlsx] [--schemas dtsen,bdt,p3ke] [--kabupaten KODE]

  --people    jumlah orang (bawaan 200000)
  --seed      benih acak; benih dan jumlah yang sama memberi berkas yang sama persis (bawaan 1)
  --out       folder tujuan (bawaan data/sample/)
  --formats   ${ALL_SAMPLE_FORMATS.join(', ')} (bawaan ${SAMPLE_FORMATS.join(', ')})
  --schemas   ${ALL_SAMPLE_SCHEMAS.join(', ')} (bawaan ${SAMPLE_SCHEMAS.join(', ')})
  --kabupaten kode kabupaten/kota dari daftar wilayah Indonesia, mis. 64.03 atau 6403 (bawaan 64.02 Kutai Kartanegara)
  --help, -h  tampilkan bantuan ini tanpa menulis apa pun`;

if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
	console.log(HELP);
	process.exit(0);
}

function arg(name: string): string | undefined {
	const args = process.argv.slice(2);
	const index = args.indexOf(`--${name}`);
	if (index >= 0) return args[index + 1];
	return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function list<T extends string>(name: string, allowed: readonly T[], defaults: readonly T[]): T[] {
	const value = arg(name);
	if (value === undefined) return [...defaults];
	const items = value
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	for (const item of items) {
		if (!(allowed as readonly string[]).includes(item))
			throw new Error(`--${name}: unknown value ${item} (allowed: ${allowed.join(', ')})`);
	}
	return items as T[];
}

function int(name: string, fallback: number): number {
	const value = arg(name);
	if (value === undefined) return fallback;
	const n = Number(value.replaceAll('_', ''));
	if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${value}`);
	return n;
}

const people = int('people', 200_000);
const seed = int('seed', 1);
const outDir = resolve(process.cwd(), arg('out') ?? resolve(ROOT, 'data/sample'));
const formats: SampleFormat[] = list('formats', ALL_SAMPLE_FORMATS, SAMPLE_FORMATS);
const schemas: SampleSchema[] = list('schemas', ALL_SAMPLE_SCHEMAS, SAMPLE_SCHEMAS);
const kabupaten = arg('kabupaten');
let regency: SampleRegency | undefined;
if (kabupaten !== undefined) {
	try {
		regency = await loadSampleRegency(diskWilayah, kabupaten);
	} catch (error) {
		console.error(`--kabupaten: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
}

const started = performance.now();
const manifest = await writeSample(outDir, { people, seed, formats, schemas, regency });
const seconds = (performance.now() - started) / 1000;
console.log(
	`${regency ? `${regency.reference.kabupaten.nama} (${regency.reference.kabupaten.kode}): ` : ''}${manifest.people} people, ${manifest.families} families (KK), ${manifest.households} households (rumah tangga), seed ${seed} → ${relative(process.cwd(), outDir) || '.'}/ in ${seconds.toFixed(1)} s`
);
for (const f of manifest.files) console.log(`  ${f.name.padEnd(26)} ${String(f.rows).padStart(8)} rows  ${f.sha256.slice(0, 12)}`);
