/**
 * Writes Indonesia's administrative areas from the idn-area-data package (Kemendagri codes and names) as
 * the compact files the app and the CLI read (src/lib/core/wilayah.ts):
 *
 *   static/wilayah/index.json   every province and regency/city (about 30 KB)
 *   static/wilayah/NN.json      one province: its kecamatan and villages (loaded on demand)
 *
 * Generated, not committed (the package is the source); run by `npm install` (prepare) and before every
 * build. Skips the work when the files are newer than the package's data.
 *
 * Usage: npx tsx scripts/build-wilayah.ts [--force]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CodeName, ProvinceAreas, WilayahIndex } from '../src/lib/core/wilayah';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WILAYAH_DIR = join(ROOT, 'static/wilayah');

function packageDataDir(): { dir: string; version: string } {
	const require = createRequire(import.meta.url);
	// The package's exports point at its code; its data sits beside package.json.
	const pkgDir = dirname(require.resolve('idn-area-data/package.json', { paths: [ROOT] }));
	const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
	return { dir: join(pkgDir, 'data'), version };
}

const CSVS = ['provinces', 'regencies', 'districts', 'villages'] as const;

function isCurrent(dataDir: string): boolean {
	const index = join(WILAYAH_DIR, 'index.json');
	if (!existsSync(index)) return false;
	const built = statSync(index).mtimeMs;
	return CSVS.every((name) => statSync(join(dataDir, `${name}.csv`)).mtimeMs <= built);
}

async function readCodeNames(csv: string): Promise<CodeName[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		const path = csv.replaceAll("'", "''");
		const reader = await connection.runAndReadAll(
			`SELECT code, name FROM read_csv('${path}', header = true, all_varchar = true, quote = '"', escape = '"') ORDER BY code`
		);
		return reader.getRows().map(([code, name]) => [String(code), String(name)] as const);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

export async function buildWilayah(force = false): Promise<{ provinces: number; regencies: number; villages: number } | null> {
	const { dir, version } = packageDataDir();
	if (!force && isCurrent(dir)) return null;
	const read = (name: (typeof CSVS)[number]) => readCodeNames(join(dir, `${name}.csv`));
	const provinsi = await read('provinces');
	const kabupaten = await read('regencies');
	const kecamatan = await read('districts');
	const desa = await read('villages');
	await rm(WILAYAH_DIR, { recursive: true, force: true });
	await mkdir(WILAYAH_DIR, { recursive: true });
	for (const [kode, nama] of provinsi) {
		const inProvince = ([code]: CodeName) => code.startsWith(`${kode}.`);
		const areas: ProvinceAreas = { kode, nama, kecamatan: kecamatan.filter(inProvince), desa: desa.filter(inProvince) };
		await writeFile(join(WILAYAH_DIR, `${kode}.json`), JSON.stringify(areas));
	}
	const index: WilayahIndex = { source: `idn-area-data ${version}`, provinsi, kabupaten };
	// Written last: its presence says the province files are complete.
	await writeFile(join(WILAYAH_DIR, 'index.json'), JSON.stringify(index));
	return { provinces: provinsi.length, regencies: kabupaten.length, villages: desa.length };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
	const built = await buildWilayah(process.argv.includes('--force'));
	if (built) {
		console.log(`static/wilayah: ${built.provinces} provinsi, ${built.regencies} kabupaten/kota, ${built.villages} desa/kelurahan.`);
	}
}
