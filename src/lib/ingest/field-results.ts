/**
 * A field kit's sealed results imported as a verval round (issue 17 point 3): written as the result
 * sheet a field team would type (record id, NIK, name, status in the words the worklist offers, date,
 * officer, notes, village) and read by the same import as any result file, so a kit's round and a
 * typed sheet's round resolve the same way.
 */
import type { KitResults } from '../core/fieldkit/results';
import { FIELD_ANSWERS } from '../core/verval/outcomes';
import type { Engine } from '../engine/types';
import { bytesByteSource } from './bytes-source';
import { importResultFile, type ResultImport } from './verval-results';

const HEADERS = ['record_id', 'nik', 'nama', 'status', 'tanggal', 'petugas', 'catatan', 'kode_desa'];

/** Every field quoted: names and notes carry commas, quotes and line breaks. */
const field = (value: string | null) => `"${(value ?? '').replaceAll('"', '""')}"`;

export function fieldResultsCsv(results: KitResults): string {
	const rows = results.entries.map((e) =>
		[e.person, e.nik, e.name, FIELD_ANSWERS[e.status], e.at.slice(0, 10), results.officer, e.notes, results.village].map(field).join(',')
	);
	return `${[HEADERS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Imports `results` (opened and checked by openResults) as round `round`, under the results file's name. */
export function importFieldResults(engine: Engine, file: string, results: KitResults, round: number): Promise<ResultImport> {
	return importResultFile(engine, bytesByteSource(file, new TextEncoder().encode(fieldResultsCsv(results))), { round });
}
