/** Indonesia's administrative areas for the CLI: the files scripts/build-wilayah.ts writes, read from disk. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ProvinceAreas, WilayahIndex, WilayahSource } from '../lib/core/wilayah';

const WILAYAH_DIR = fileURLToPath(new URL('../../static/wilayah/', import.meta.url));

async function readJson<T>(name: string): Promise<T> {
	try {
		return JSON.parse(await readFile(`${WILAYAH_DIR}${name}`, 'utf8')) as T;
	} catch {
		throw new Error(
			`Daftar wilayah Indonesia (${WILAYAH_DIR}${name}) tidak ada: jalankan 'npm install' (atau 'npx tsx scripts/build-wilayah.ts').`
		);
	}
}

export const diskWilayah: WilayahSource = {
	index: () => readJson<WilayahIndex>('index.json'),
	province: (kode) => readJson<ProvinceAreas>(`${kode.replace(/\D/g, '')}.json`)
};
