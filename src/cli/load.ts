/**
 * What every register command shares: the options that say how to read the register (--reference,
 * --mapping, --sheet), and loading it into a fresh Node DuckDB exactly as the app does, with the
 * file, reference and mapping errors printed in Indonesian (exit 1) instead of a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import { coded } from '../lib/core/messages';
import type { Reference } from '../lib/core/reference';
import { NodeEngine } from '../lib/engine/node';
import {
	IngestError,
	ingestRegister,
	loadReference,
	type ByteSource,
	type IngestResult,
	type IngestTiming,
	type RegencyBasis
} from '../lib/ingest';
import { MappingFileError, parseSavedMapping, type SavedMapping } from '../lib/ingest/mapping';
import { fileByteSource } from '../lib/ingest/node-source';
import { m } from '../lib/paraglide/messages.js';
import { PARTITION_REFUSED, PartitionError, choosePartition, orPartitionRefused, partitionFolder, readPartitions } from './partitions';
import { readReference } from './reference';
import { diskWilayah } from './wilayah';
import { EXIT_FAILED, UsageError, errorIn, formatNumber, formatSeconds, type CliIO } from './io';

export interface RegisterArgs {
	files: string[];
	/** A village reference file: the register is read against it as it is (no detection). */
	reference?: string;
	/** The register's regency chosen by the user (code, e.g. 64.03); default: detected from the village codes. */
	kabupaten?: string;
	/** A column-mapping file saved from the Data screen (pemetaan-kolom-*.json). */
	mapping?: string;
	/** XLSX: the worksheet to read. */
	sheet?: string;
	/** --timings: print the time of each step of the load to stderr. */
	timings?: boolean;
	/** Set when the files are one partition of a folder partitioned by regency ('kabupaten=64.02'): its name chose the regency. */
	partition?: string;
}

/** Usage lines for the shared options, to put under a command's own. */
export const REGISTER_OPTIONS_USAGE = [
	'  --mapping     pemetaan kolom yang disimpan dari layar Data (pemetaan-kolom-*.json)',
	'  --sheet       XLSX: nama lembar kerja (bawaan: lembar terlihat pertama)',
	'  --kabupaten   kode kabupaten/kota register, mis. 64.03 (bawaan: terdeteksi dari kode desa)',
	'  --reference   berkas referensi desa sendiri, dipakai apa adanya (bawaan: daftar wilayah Indonesia)',
	'  --timings     cetak waktu tiap langkah muat ke stderr: read (baca), stage, normalise, report (laporan), total'
];

const OPTIONS = { '--reference': 'reference', '--kabupaten': 'kabupaten', '--mapping': 'mapping', '--sheet': 'sheet' } as const;

/**
 * If args[i] is one of the shared options (`--name value` or `--name=value`), stores it and returns
 * the index of its last argument; otherwise returns undefined.
 */
function takeRegisterOption(args: readonly string[], i: number, into: RegisterArgs): number | undefined {
	if (args[i] === '--timings') {
		into.timings = true;
		return i;
	}
	for (const [flag, key] of Object.entries(OPTIONS) as [keyof typeof OPTIONS, (typeof OPTIONS)[keyof typeof OPTIONS]][]) {
		const taken = takeValue(args, i, flag);
		if (taken) {
			into[key] = taken.value;
			return taken.last;
		}
	}
	return undefined;
}

/**
 * `--flag value` or `--flag=value` at args[i]: the value and the index of the option's last argument,
 * or undefined when args[i] is another argument.
 */
export function takeValue(args: readonly string[], i: number, flag: string): { value: string; last: number } | undefined {
	const arg = args[i] ?? '';
	if (arg === flag) {
		const value = args[i + 1];
		if (!value) throw new UsageError(`${flag} butuh nilai.`);
		return { value, last: i + 1 };
	}
	if (arg.startsWith(`${flag}=`)) return { value: arg.slice(flag.length + 1), last: i };
	return undefined;
}

/**
 * `--register` before the register files (`tepat indicators --register FILE [FILE2]`). The files are
 * taken as the command's positional arguments, so `--register` only marks that they were named.
 */
export function takeRegisterFlag(args: readonly string[], i: number, into: RegisterArgs & { register: boolean }): number | undefined {
	const arg = args[i] ?? '';
	if (arg === '--register') {
		into.register = true;
		return i;
	}
	if (arg.startsWith('--register=')) {
		into.register = true;
		into.files.push(arg.slice('--register='.length));
		return i;
	}
	return undefined;
}

/**
 * A register command's arguments: one or two files, the shared options, and the command's own
 * options through `own` (which returns the index of the option's last argument, or undefined when
 * args[i] is not one of them). Anything else starting with '-' is a usage error.
 */
export function parseRegisterArgs<T extends RegisterArgs>(
	args: readonly string[],
	into: T,
	own: (args: readonly string[], i: number, into: T) => number | undefined = () => undefined
): T {
	for (let i = 0; i < args.length; i++) {
		const taken = takeRegisterOption(args, i, into) ?? own(args, i, into);
		if (taken !== undefined) {
			i = taken;
			continue;
		}
		const arg = args[i] ?? '';
		if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Opsi tidak dikenal: ${arg}`);
		into.files.push(arg);
	}
	if (into.files.length === 0) throw new UsageError('Sebutkan berkas register (CSV, XLSX atau Parquet).');
	if (into.files.length > 2) throw new UsageError('Paling banyak dua berkas: keluarga dan anggota keluarga.');
	return into;
}

async function readMapping(path: string): Promise<SavedMapping> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch {
		throw new MappingFileError(coded('mapping.not_found', { file: path }));
	}
	return parseSavedMapping(text, path);
}

const BASIS: Record<RegencyBasis, string> = {
	detected: 'terdeteksi dari kode desa',
	chosen: 'dipilih dengan --kabupaten',
	kept: 'kode desa tanpa kode kabupaten: bawaan dipakai, pilih dengan --kabupaten',
	fixed: 'dari --reference'
};

/**
 * The first line every register command prints: whose register this is, and how that was decided
 * (`partition`: by the name of the partition the files came from).
 */
export function regencyLine(result: IngestResult, partition?: string): string {
	const r = result.regency;
	if (!r) return '';
	const share = r.basis === 'detected' ? ` (${formatNumber(r.households)} dari ${formatNumber(r.voting)} keluarga)` : '';
	const others = r.others.reduce((sum, o) => sum + o.households, 0);
	const outside = others > 0 ? `; ${formatNumber(others)} keluarga berkode kabupaten/kota lain (lihat tepat report)` : '';
	const basis = partition && r.basis === 'chosen' ? `dari nama partisi ${partition}` : BASIS[r.basis];
	return `${r.nama} (${r.kode}), ${basis}${share}${outside}.`;
}

/**
 * The register files of `args`: the files as given, or, for a folder partitioned by regency, the
 * files of the partition --kabupaten names (only that partition is read). Undefined, after saying
 * why, when the folder cannot be read that way.
 */
async function registerFiles(args: RegisterArgs, io: CliIO): Promise<string[] | undefined> {
	const lang = io.lang ?? 'id';
	const files = await orPartitionRefused(io, async () => {
		const dir = await partitionFolder(args.files, lang);
		if (!dir) return args.files;
		const partitions = await readPartitions(dir, lang);
		if (!args.kabupaten)
			throw new PartitionError(m.cli_partitions_choose({ dir, example: partitions[0]?.kode ?? '64.02' }, { locale: lang }));
		return choosePartition(partitions, args.kabupaten, dir, lang).files;
	});
	return files === PARTITION_REFUSED ? undefined : files;
}

/** False, after saying which, when one of `files` is not there. */
export async function allFilesExist(files: readonly string[], io: CliIO): Promise<boolean> {
	for (const file of files) {
		try {
			await stat(file);
		} catch {
			io.stderr(`Berkas '${file}' tidak ditemukan.\n`);
			return false;
		}
	}
	return true;
}

const MIB = 1024 * 1024;

/** One `--timings` line: the step, its seconds, rows and MiB (`read      12,3 s  1.000.000 baris  261,2 MiB`). */
export function timingLine(timing: IngestTiming): string {
	const mib = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(timing.bytes / MIB);
	const bytes = timing.bytes > 0 ? `  ${mib} MiB` : '';
	return `  ${timing.step.padEnd(10)} ${formatSeconds(timing.ms).padStart(7)} s  ${formatNumber(timing.rows)} baris${bytes}`;
}

export interface LoadedRegister {
	engine: NodeEngine;
	reference: Reference;
	result: IngestResult;
	started: number;
}

/**
 * Loads the register of `args` and runs `work` on it; the engine is closed afterwards. Problems with
 * the files, the reference or the mapping are printed to stderr and give EXIT_FAILED.
 */
export async function withRegister(args: RegisterArgs, io: CliIO, work: (loaded: LoadedRegister) => Promise<number>): Promise<number> {
	const started = performance.now();
	if (!(await allFilesExist(args.files, io))) return EXIT_FAILED;
	const files = await registerFiles(args, io);
	if (!files) return EXIT_FAILED;
	let current: Reference;
	let mapping: SavedMapping | undefined;
	try {
		current = await readReference(args.reference);
		if (args.mapping) mapping = await readMapping(args.mapping);
	} catch (error) {
		io.stderr(`${errorIn(io, error)}\n`);
		return EXIT_FAILED;
	}
	const engine = await NodeEngine.open();
	const timings: IngestTiming[] = [];
	try {
		await loadReference(engine, current);
		const sources: ByteSource[] = await Promise.all(
			files.map(async (f) => {
				const source = await fileByteSource(f);
				return args.sheet ? { ...source, sheet: args.sheet } : source;
			})
		);
		const result = await ingestRegister(engine, sources, current, {
			mappings: mapping ? { [mapping.source]: mapping } : undefined,
			region: args.reference ? {} : { wilayah: diskWilayah, chosen: args.kabupaten },
			onTiming: args.timings ? (t) => timings.push(t) : undefined,
			onProgress: io.interactive
				? (p) => {
						if (p.phase === 'read') io.stderr(`\rMembaca ${p.file}: ${formatNumber(p.rowsRead)} baris`);
					}
				: undefined
		});
		if (io.interactive) io.stderr('\n');
		if (args.timings) io.stderr(`Waktu muat per langkah:\n${timings.map((t) => `${timingLine(t)}\n`).join('')}`);
		io.stderr(`${regencyLine(result, args.partition)}\n`);
		for (const ignored of result.mapping?.ignored ?? []) {
			io.stderr(`Pemetaan '${args.mapping}': kolom '${ignored.header}' untuk ${ignored.field} tidak ada di berkas; tebakan dipakai.\n`);
		}
		return await work({ engine, reference: result.reference ?? current, result, started });
	} catch (error) {
		if (error instanceof IngestError) {
			io.stderr(`${errorIn(io, error)}\n`);
			return EXIT_FAILED;
		}
		throw error;
	} finally {
		await engine.close();
	}
}
