import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Reference } from '../lib/core/reference';
import { m } from '../lib/paraglide/messages.js';
import type { Locale } from '../lib/words';

/** data/reference.json of this package, found from this file (not from the working directory). */
export const DEFAULT_REFERENCE = fileURLToPath(new URL('../../data/reference.json', import.meta.url));

export async function readReference(path = DEFAULT_REFERENCE, lang: Locale = 'id'): Promise<Reference> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch {
		throw new Error(m.cli_reference_not_found({ file: path }, { locale: lang }));
	}
	const data = JSON.parse(text) as Partial<Reference>;
	if (!data.kabupaten || !Array.isArray(data.kecamatan) || !Array.isArray(data.villages)) {
		throw new Error(m.cli_reference_invalid({ file: path }, { locale: lang }));
	}
	return data as Reference;
}
