/**
 * `tepat summary FILE [FILE2]`: households and people per kecamatan of a register file, as CSV.
 * `tepat summary DIR`: the same for every regency of a folder partitioned by regency, one after the
 * other, each in a fresh engine, and the province's total.
 */
import { overviewByKecamatan, registerTotals } from '../lib/queries/overview';
import type { IngestResult } from '../lib/ingest';
import type { NodeEngine } from '../lib/engine/node';
import { REGISTER_OPTIONS_USAGE, parseRegisterArgs, withRegister, type RegisterArgs } from './load';
import { PARTITION_REFUSED, PartitionError, orPartitionRefused, partitionFolder, readPartitions, type Partition } from './partitions';
import { m } from '../lib/paraglide/messages.js';
import { EXIT_FAILED, EXIT_OK, csvLine, formatNumber, formatSeconds, type CliIO, type Command } from './io';

export const SUMMARY_HEADER = ['kecamatan_kode', 'kecamatan_nama', 'desa_kelurahan', 'households', 'people'] as const;
/** A partitioned folder's CSV: the regency's code and name before each kecamatan row. */
export const PROVINCE_SUMMARY_HEADER = ['kabupaten_kode', 'kabupaten_nama', ...SUMMARY_HEADER] as const;

type Row = [string, string, number, number, number];

interface RegisterSummary {
	rows: Row[];
	households: number;
	people: number;
	villages: number;
	/** The stderr line after the table: totals, rows left out, source and time. */
	total: string;
}

async function summarise(engine: NodeEngine, result: IngestResult, started: number): Promise<RegisterSummary> {
	const rows = await overviewByKecamatan(engine);
	const totals = await registerTotals(engine);
	const outside =
		totals.unmatched_households > 0
			? `; ${formatNumber(totals.unmatched_households)} keluarga dengan kode desa di luar referensi (tidak masuk tabel)`
			: '';
	const rejected = result.rowsRejected ? `; ${formatNumber(result.rowsRejected)} baris ditolak` : '';
	return {
		rows: rows.map((r): Row => [r.kecamatan_kode, r.kecamatan_nama, r.villages, r.households, r.people]),
		households: totals.households,
		people: totals.people,
		villages: totals.villages_with_data,
		total:
			`Total: ${formatNumber(totals.households)} keluarga, ${formatNumber(totals.people)} jiwa di ` +
			`${formatNumber(totals.villages_with_data)} desa/kelurahan${outside}${rejected}. ` +
			`Sumber ${result.source.toUpperCase()}, ${formatNumber(result.rowsRead)} baris dibaca dalam ` +
			`${formatSeconds(performance.now() - started)} detik.`
	};
}

/** Every partition in turn, each loaded alone; stops at the first that cannot be loaded. */
async function summariseProvince(args: RegisterArgs, partitions: readonly Partition[], io: CliIO): Promise<number> {
	const started = performance.now();
	io.stdout(`${csvLine(PROVINCE_SUMMARY_HEADER)}\n`);
	let households = 0;
	let people = 0;
	let villages = 0;
	for (const [i, p] of partitions.entries()) {
		io.stderr(`[${i + 1}/${partitions.length}] ${p.name}\n`);
		const partitionArgs: RegisterArgs = { ...args, files: p.files, kabupaten: p.kode, partition: p.name };
		const code = await withRegister(partitionArgs, io, async ({ engine, result, started: loadStarted }) => {
			const summary = await summarise(engine, result, loadStarted);
			io.stdout(summary.rows.map((r) => `${csvLine([p.kode, p.nama, ...r])}\n`).join(''));
			io.stderr(`${summary.total}\n`);
			households += summary.households;
			people += summary.people;
			villages += summary.villages;
			return EXIT_OK;
		});
		if (code !== EXIT_OK) {
			io.stderr(`Berhenti di partisi ${p.name}: total provinsi tidak dicetak.\n`);
			return code;
		}
	}
	io.stderr(
		`Total provinsi: ${formatNumber(partitions.length)} kabupaten/kota, ${formatNumber(households)} keluarga, ` +
			`${formatNumber(people)} jiwa di ${formatNumber(villages)} desa/kelurahan, dalam ${formatSeconds(performance.now() - started)} detik.\n`
	);
	return EXIT_OK;
}

export const summaryCommand: Command = {
	name: 'summary',
	summary: 'Jumlah keluarga dan jiwa per kecamatan dari berkas register (CSV ke stdout)',
	usage: [
		'tepat summary FILE [FILE2] [--mapping pemetaan.json] [--sheet NAMA] [--reference reference.json]',
		'tepat summary FOLDER [--kabupaten KODE]',
		'',
		'  FILE          ekspor DTSEN, DTKS/BDT atau P3KE: satu berkas gabungan, atau berkas keluarga + anggota',
		'                (CSV dengan pemisah koma, titik koma atau tab; XLSX; atau Parquet)',
		'  FOLDER        register satu provinsi dipartisi per kabupaten/kota: FOLDER/kabupaten=64.02/dtsen.parquet, …',
		'                (tiap partisi satu berkas Parquet gabungan, atau keluarga + anggota). Dengan --kabupaten hanya',
		'                partisi itu yang dibaca, persis seperti berkasnya sendiri; tanpa --kabupaten semua partisi dibaca',
		'                bergiliran, masing-masing di mesin DuckDB baru (memori sebesar kabupaten/kota terbesar)',
		...REGISTER_OPTIONS_USAGE,
		'',
		'Mencetak CSV: kecamatan_kode,kecamatan_nama,desa_kelurahan,households,people (satu baris per',
		'kecamatan referensi, termasuk yang nol). Total dan waktu muat ke stderr.',
		'Untuk FOLDER tanpa --kabupaten: kabupaten_kode,kabupaten_nama di depan tiap baris, total tiap',
		'kabupaten/kota dan total provinsi ke stderr.'
	].join('\n'),
	async run(args: string[], io: CliIO): Promise<number> {
		const parsed = parseRegisterArgs<RegisterArgs>(args, { files: [] });
		const lang = io.lang ?? 'id';
		if (!parsed.kabupaten) {
			const partitions = await orPartitionRefused(io, async (): Promise<Partition[] | null> => {
				const dir = await partitionFolder(parsed.files, lang);
				if (dir && parsed.reference) throw new PartitionError(m.cli_partitions_reference({ dir }, { locale: lang }));
				return dir ? readPartitions(dir, lang) : null;
			});
			if (partitions === PARTITION_REFUSED) return EXIT_FAILED;
			if (partitions) return summariseProvince(parsed, partitions, io);
		}
		return withRegister(parsed, io, async ({ engine, result, started }) => {
			const summary = await summarise(engine, result, started);
			io.stdout(`${[csvLine(SUMMARY_HEADER), ...summary.rows.map((r) => csvLine(r))].join('\n')}\n`);
			io.stderr(`${summary.total}\n`);
			return EXIT_OK;
		});
	}
};
