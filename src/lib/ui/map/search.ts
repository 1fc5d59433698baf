/** Finding an area by name for the map's search box: case- and accent-insensitive, any part of the name. */

export interface SearchOption {
	kode: string;
	nama: string;
	/** Shown after the name to tell namesakes apart (the kecamatan). */
	detail: string;
}

export function normalise(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('id-ID').replace(/\s+/g, ' ').trim();
}

/** Names containing `query`: those starting with it first, then by name; at most `limit`. */
export function searchAreas(options: readonly SearchOption[], query: string, limit = 12): SearchOption[] {
	const q = normalise(query);
	if (q === '') return [];
	const hits: { option: SearchOption; at: number; name: string }[] = [];
	for (const option of options) {
		const name = normalise(option.nama);
		const at = name.indexOf(q);
		if (at >= 0) hits.push({ option, at, name });
	}
	hits.sort(
		(a, b) => Number(a.at > 0) - Number(b.at > 0) || a.name.localeCompare(b.name, 'id') || a.option.kode.localeCompare(b.option.kode)
	);
	return hits.slice(0, limit).map((h) => h.option);
}
