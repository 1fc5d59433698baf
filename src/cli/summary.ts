/**
 * `tepat summary FILE [FILE2]`: households and people per kecamatan of a register file, as CSV.
 * `tepat summary DIR`: the same for every regency of a folder partitioned by regency, one after the
 * other, each in a fresh engine, and the province's total.
 */
import { overviewByKecamatan, registerTotals } from '../lib/queries/overview';
import type { IngestResult } from '../lib/ingest';
import type { NodeEngine } from '../lib/engine/node';
import { parseRegisterArgs, registerOptionsUsage, withRegister, type RegisterArgs } from './load';
import { PARTITION_REFUSED, PartitionError, orPartitionRefused, partitionFolder, readPartitions, type Partition } from './partitions';
import { m } from '../lib/paraglide/messages.js';
import { EXIT_FAILED, EXIT_OK, csvLine, formatNumber, formatSeconds, langOf, type CliIO, type Command } from './io';
import type { Locale } from '../lib/words';

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

async function summarise(engine: NodeEngine, result: IngestResult, started: number, lang: Locale): Promise<RegisterSummary> {
	const rows = await overviewByKecamatan(engine);
	const totals = await registerTotals(engine);
	const locale = { locale: lang };
	const outside =
		totals.unmatched_households > 0 ? m.cli_summary_outside({ households: formatNumber(totals.unmatched_households) }, locale) : '';
	const rejected = result.rowsRejected ? m.cli_summary_rejected({ rows: formatNumber(result.rowsRejected) }, locale) : '';
	return {
		rows: rows.map((r): Row => [r.kecamatan_kode, r.kecamatan_nama, r.villages, r.households, r.people]),
		households: totals.households,
		people: totals.people,
		villages: totals.villages_with_data,
		total: m.cli_summary_total(
			{
				households: formatNumber(totals.households),
				people: formatNumber(totals.people),
				villages: formatNumber(totals.villages_with_data),
				outside,
				rejected,
				source: result.source.toUpperCase(),
				rows: formatNumber(result.rowsRead),
				seconds: formatSeconds(performance.now() - started)
			},
			locale
		)
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
			const summary = await summarise(engine, result, loadStarted, langOf(io));
			io.stdout(summary.rows.map((r) => `${csvLine([p.kode, p.nama, ...r])}\n`).join(''));
			io.stderr(`${summary.total}\n`);
			households += summary.households;
			people += summary.people;
			villages += summary.villages;
			return EXIT_OK;
		});
		if (code !== EXIT_OK) {
			io.stderr(`${m.cli_summary_stopped({ partition: p.name }, { locale: langOf(io) })}\n`);
			return code;
		}
	}
	const total = m.cli_summary_province(
		{
			regencies: formatNumber(partitions.length),
			households: formatNumber(households),
			people: formatNumber(people),
			villages: formatNumber(villages),
			seconds: formatSeconds(performance.now() - started)
		},
		{ locale: langOf(io) }
	);
	io.stderr(`${total}\n`);
	return EXIT_OK;
}

export const summaryCommand: Command = {
	name: 'summary',
	summary: (lang) => m.cli_summary_summary({}, { locale: lang }),
	usage: (lang) => m.cli_summary_usage({ options: registerOptionsUsage(lang) }, { locale: lang }),
	async run(args: string[], io: CliIO): Promise<number> {
		const parsed = parseRegisterArgs<RegisterArgs>(args, { files: [] });
		const lang = langOf(io);
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
			const summary = await summarise(engine, result, started, lang);
			io.stdout(`${[csvLine(SUMMARY_HEADER), ...summary.rows.map((r) => csvLine(r))].join('\n')}\n`);
			io.stderr(`${summary.total}\n`);
			return EXIT_OK;
		});
	}
};
