import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Reference } from '../lib/core/reference';

/** data/reference.json of this package, found from this file (not from the working directory). */
export const DEFAULT_REFERENCE = fileURLToPath(new URL('../../data/reference.json', import.meta.url));

export async function readReference(path = DEFAULT_REFERENCE): Promise<Reference> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch {
		throw new Error(`Referensi desa '${path}' tidak ditemukan.`);
	}
	const data = JSON.parse(text) as Partial<Reference>;
	if (!data.kabupaten || !Array.isArray(data.kecamatan) || !Array.isArray(data.villages)) {
		throw new Error(`Referensi desa '${path}' tidak berisi kabupaten, kecamatan dan villages.`);
	}
	return data as Reference;
}
