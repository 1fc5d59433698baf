/** Indonesia's administrative areas for the CLI: the files scripts/build-wilayah.ts writes, read from disk. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ProvinceAreas, WilayahIndex, WilayahSource } from '../lib/core/wilayah';
import { m } from '../lib/paraglide/messages.js';
import type { Locale } from '../lib/words';

const WILAYAH_DIR = fileURLToPath(new URL('../../static/wilayah/', import.meta.url));

async function readJson<T>(name: string, lang: Locale): Promise<T> {
	try {
		return JSON.parse(await readFile(`${WILAYAH_DIR}${name}`, 'utf8')) as T;
	} catch {
		throw new Error(m.cli_wilayah_missing({ file: `${WILAYAH_DIR}${name}` }, { locale: lang }));
	}
}

/** The areas, with the error of a missing file in `lang`. */
export const diskWilayahIn = (lang: Locale): WilayahSource => ({
	index: () => readJson<WilayahIndex>('index.json', lang),
	province: (kode) => readJson<ProvinceAreas>(`${kode.replace(/\D/g, '')}.json`, lang)
});

export const diskWilayah: WilayahSource = diskWilayahIn('id');
