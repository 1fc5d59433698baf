/** ByteSource for ingest from a user's File (read by DuckDB itself, or slice by slice), and the bundled sample's manifest. */
import type { ByteSource } from '$lib/ingest/types';

/** A user's file; `sheet` picks an XLSX worksheet (default: the first holding a register). */
export function fileSource(file: File, sheet?: string): ByteSource {
	return {
		name: file.name,
		size: file.size,
		file,
		read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
		...(sheet ? { sheet } : {})
	};
}

/** One entry of static/sample/manifest.json, written by the sample generator. */
export interface SampleManifestFile {
	name: string;
	schema: string;
	table: string;
	format: string;
	rows: number;
	sha256?: string;
}

export interface SampleManifest {
	/** 'YYYY-MM-DD' the synthetic register describes (ages are computed at this date). */
	reference_date?: string;
	files: SampleManifestFile[];
}

/** The bundled default: the DTSEN family + member pair as Parquet. */
export function pickSampleFiles(manifest: SampleManifest): SampleManifestFile[] {
	const preferred = ['dtsen-keluarga.parquet', 'dtsen-anggota.parquet'];
	const byName = preferred
		.map((name) => manifest.files.find((file) => file.name === name))
		.filter((file): file is SampleManifestFile => file !== undefined);
	if (byName.length === preferred.length) return byName;
	const dtsenParquet = manifest.files.filter(
		(file) => file.schema === 'dtsen' && file.format === 'parquet' && !/flat|datar/i.test(file.table)
	);
	return dtsenParquet.length > 0 ? dtsenParquet : byName;
}
