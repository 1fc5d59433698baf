/**
 * What every register command shares: the options that say how to read the register (--reference,
 * --mapping, --sheet), and loading it into a fresh Node DuckDB exactly as the app does, with the
 * file, reference and mapping errors printed in the CLI's language (exit 1) instead of a stack trace.
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
import { diskWilayahIn } from './wilayah';
import { EXIT_FAILED, UsageError, errorIn, formatNumber, formatSeconds, langOf, type CliIO } from './io';
import type { Locale } from '../lib/words';

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
	/** --accept-rejected: load even when more rows are left out than a load takes unasked (ingest/losses.ts). */
	acceptRejected?: boolean;
	/** Set when the files are one partition of a folder partitioned by regency ('kabupaten=64.02'): its name chose the regency. */
	partition?: string;
}

/** Usage lines for the shared options, to put under a command's own. */
export const registerOptionsUsage = (lang: Locale): string => m.cli_register_options({}, { locale: lang });

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
	if (args[i] === '--accept-rejected') {
		into.acceptRejected = true;
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
		if (!value) throw new UsageError((lang) => m.cli_needs_value({ flag }, { locale: lang }));
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
		if (arg.startsWith('-') && arg !== '-') throw new UsageError((lang) => m.cli_option_unknown({ option: arg }, { locale: lang }));
		into.files.push(arg);
	}
	if (into.files.length === 0) throw new UsageError((lang) => m.cli_files_missing({}, { locale: lang }));
	if (into.files.length > 2) throw new UsageError((lang) => m.cli_files_too_many({}, { locale: lang }));
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

const BASIS: Record<RegencyBasis, (inputs: Record<string, never>, options: { locale: Locale }) => string> = {
	detected: m.cli_basis_detected,
	chosen: m.cli_basis_chosen,
	kept: m.cli_basis_kept,
	fixed: m.cli_basis_fixed
};

/**
 * The first line every register command prints: whose register this is, and how that was decided
 * (`partition`: by the name of the partition the files came from).
 */
export function regencyLine(result: IngestResult, lang: Locale, partition?: string): string {
	const r = result.regency;
	if (!r) return '';
	const locale = { locale: lang };
	const share =
		r.basis === 'detected' ? m.cli_regency_share({ households: formatNumber(r.households), voting: formatNumber(r.voting) }, locale) : '';
	const others = r.others.reduce((sum, o) => sum + o.households, 0);
	const outside = others > 0 ? m.cli_regency_others({ households: formatNumber(others) }, locale) : '';
	const basis = partition && r.basis === 'chosen' ? m.cli_basis_partition({ partition }, locale) : BASIS[r.basis]({}, locale);
	return `${r.nama} (${r.kode}), ${basis}${share}${outside}.`;
}

/**
 * The register files of `args`: the files as given, or, for a folder partitioned by regency, the
 * files of the partition --kabupaten names (only that partition is read). Undefined, after saying
 * why, when the folder cannot be read that way.
 */
async function registerFiles(args: RegisterArgs, io: CliIO): Promise<string[] | undefined> {
	const lang = langOf(io);
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
			io.stderr(`${m.cli_file_not_found({ file }, { locale: langOf(io) })}\n`);
			return false;
		}
	}
	return true;
}

const MIB = 1024 * 1024;

/** One `--timings` line: the step, its seconds, rows and MiB (`read      12,3 s  1.000.000 baris  261,2 MiB`). */
export function timingLine(timing: IngestTiming, lang: Locale): string {
	const mib = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(timing.bytes / MIB);
	const bytes = timing.bytes > 0 ? `  ${mib} MiB` : '';
	return `  ${timing.step.padEnd(10)} ${formatSeconds(timing.ms).padStart(7)} s  ${m.cli_rows({ rows: formatNumber(timing.rows) }, { locale: lang })}${bytes}`;
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
	const lang = langOf(io);
	if (!(await allFilesExist(args.files, io))) return EXIT_FAILED;
	const files = await registerFiles(args, io);
	if (!files) return EXIT_FAILED;
	let current: Reference;
	let mapping: SavedMapping | undefined;
	try {
		current = await readReference(args.reference, lang);
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
			region: args.reference ? {} : { wilayah: diskWilayahIn(lang), chosen: args.kabupaten },
			onTiming: args.timings ? (t) => timings.push(t) : undefined,
			acceptRejected: args.acceptRejected,
			onProgress: io.interactive
				? (p) => {
						if (p.phase === 'read') io.stderr(`\r${m.cli_reading({ file: p.file, rows: formatNumber(p.rowsRead) }, { locale: lang })}`);
					}
				: undefined
		});
		if (io.interactive) io.stderr('\n');
		if (args.timings)
			io.stderr(`${m.cli_timings_heading({}, { locale: lang })}\n${timings.map((t) => `${timingLine(t, lang)}\n`).join('')}`);
		io.stderr(`${regencyLine(result, lang, args.partition)}\n`);
		for (const { header, field } of result.mapping?.ignored ?? []) {
			io.stderr(`${m.cli_mapping_ignored({ mapping: args.mapping ?? '', header, field }, { locale: lang })}\n`);
		}
		return await work({ engine, reference: result.reference ?? current, result, started });
	} catch (error) {
		if (error instanceof IngestError) {
			io.stderr(`${errorIn(io, error)}\n`);
			if (error.said.code === 'ingest.too_many_rejected') io.stderr(`${m.cli_accept_rejected_hint({}, { locale: lang })}\n`);
			return EXIT_FAILED;
		}
		throw error;
	} finally {
		await engine.close();
	}
}
