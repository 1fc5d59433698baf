/**
 * Writes Indonesia's administrative areas from the idn-area-data package (Kemendagri codes and names) as
 * the compact files the app and the CLI read (src/lib/core/wilayah.ts):
 *
 *   static/wilayah/index.json   every province and regency/city (about 30 KB)
 *   static/wilayah/NN.json      one province: its kecamatan and villages (loaded on demand), and the
 *                               box of each regency's islands (Kemendagri's island list, with coordinates)
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
import { islandPosition } from './island-position';
import type { CodeName, IslandBox, ProvinceAreas, WilayahIndex } from '../src/lib/core/wilayah';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WILAYAH_DIR = join(ROOT, 'static/wilayah');

function packageDataDir(): { dir: string; version: string } {
	const require = createRequire(import.meta.url);
	// The package's exports point at its code; its data sits beside package.json.
	const pkgDir = dirname(require.resolve('idn-area-data/package.json', { paths: [ROOT] }));
	const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
	return { dir: join(pkgDir, 'data'), version };
}

const CSVS = ['provinces', 'regencies', 'districts', 'villages', 'islands'] as const;
/** Bumped when the files' shape changes, so files built by an older script are built again. */
const LAYOUT = 2;

function isCurrent(dataDir: string): boolean {
	const index = join(WILAYAH_DIR, 'index.json');
	if (!existsSync(index)) return false;
	const written = JSON.parse(readFileSync(index, 'utf8')) as { layout?: number };
	if (written.layout !== LAYOUT) return false;
	const built = statSync(index).mtimeMs;
	return CSVS.every((name) => statSync(join(dataDir, `${name}.csv`)).mtimeMs <= built);
}

/** Per regency, the box of its islands: [kode, west, south, east, north, count], rounded to 1e-4°. */
async function readIslandBoxes(csv: string): Promise<IslandBox[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		const path = csv.replaceAll("'", "''");
		const reader = await connection.runAndReadAll(
			`SELECT regency_code, coordinate FROM read_csv('${path}', header = true, all_varchar = true, quote = '"', escape = '"')`
		);
		const boxes = new Map<string, [number, number, number, number, number]>();
		for (const [kode, coordinate] of reader.getRows()) {
			const position = islandPosition(String(coordinate ?? ''));
			if (!position) continue;
			const [x, y] = position;
			const box = boxes.get(String(kode));
			if (box) boxes.set(String(kode), [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y), box[4] + 1]);
			else boxes.set(String(kode), [x, y, x, y, 1]);
		}
		const round = (n: number) => Math.round(n * 1e4) / 1e4;
		return [...boxes]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([kode, [w, s, e, n, count]]) => [kode, round(w), round(s), round(e), round(n), count] as const);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
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
	const read = (name: Exclude<(typeof CSVS)[number], 'islands'>) => readCodeNames(join(dir, `${name}.csv`));
	const provinsi = await read('provinces');
	const kabupaten = await read('regencies');
	const kecamatan = await read('districts');
	const desa = await read('villages');
	const pulau = await readIslandBoxes(join(dir, 'islands.csv'));
	await rm(WILAYAH_DIR, { recursive: true, force: true });
	await mkdir(WILAYAH_DIR, { recursive: true });
	for (const [kode, nama] of provinsi) {
		const inProvince = ([code]: readonly [string, ...unknown[]]) => code.startsWith(`${kode}.`);
		const areas: ProvinceAreas = {
			kode,
			nama,
			kecamatan: kecamatan.filter(inProvince),
			desa: desa.filter(inProvince),
			pulau: pulau.filter(inProvince)
		};
		await writeFile(join(WILAYAH_DIR, `${kode}.json`), JSON.stringify(areas));
	}
	const index: WilayahIndex & { layout: number } = { layout: LAYOUT, source: `idn-area-data ${version}`, provinsi, kabupaten };
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
