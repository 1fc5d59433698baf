/**
 * A register partitioned by regency, hive style: a folder with one subfolder per regency named after
 * its code (`kabupaten=64.02/`), each holding that regency's register as Parquet (one combined file, or
 * households + members). A province's Bappeda keeps its regencies' extracts this way; every regency
 * stays a register of its own, loaded by itself, so memory is bounded by the largest regency.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { findRegency, normaliseRegencyCode, type WilayahIndex } from '../lib/core/wilayah';
import { m } from '../lib/paraglide/messages.js';
import type { Locale } from '../lib/paraglide/runtime.js';
import { diskWilayahIn } from './wilayah';

export interface Partition {
	/** The folder's name as written: 'kabupaten=64.02'. */
	name: string;
	/** Dotted regency code: '64.02'. */
	kode: string;
	/** 'Kabupaten Kutai Kartanegara'. */
	nama: string;
	/** The partition's Parquet files, sorted: one combined register, or households + members. */
	files: string[];
}

/** A partition folder that cannot be read as it is; the message is already in the CLI's language. */
export class PartitionError extends Error {}

/** Stands for "a PartitionError was said on stderr": the command exits with a failure. */
export const PARTITION_REFUSED = Symbol('partition refused');

/** What `read` gives, or PARTITION_REFUSED after saying its PartitionError on stderr; other errors pass. */
export async function orPartitionRefused<T>(
	io: { stderr(text: string): void },
	read: () => Promise<T>
): Promise<T | typeof PARTITION_REFUSED> {
	try {
		return await read();
	} catch (error) {
		if (!(error instanceof PartitionError)) throw error;
		io.stderr(`${error.message}\n`);
		return PARTITION_REFUSED;
	}
}

const PARTITION = /^kabupaten=(.+)$/i;

export async function isDirectory(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isDirectory();
	} catch {
		return false;
	}
}

/**
 * The partitions of `dir`, in code order. Subfolders not named `kabupaten=…` and other files
 * (manifest.json) are ignored; a partition whose code names no regency of Indonesia, or that holds
 * no Parquet or more than two files, is refused, as is a folder without any partition.
 */
export async function readPartitions(dir: string, lang: Locale, index?: WilayahIndex): Promise<Partition[]> {
	const wilayah = index ?? (await diskWilayahIn(lang).index());
	const partitions: Partition[] = [];
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const folder = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(join(dir, entry.name))));
		const match = folder ? PARTITION.exec(entry.name) : null;
		if (!match?.[1]) continue;
		const written = match[1];
		const regency = normaliseRegencyCode(written) === null ? null : findRegency(wilayah, written);
		if (!regency) throw new PartitionError(m.cli_partitions_unknown({ partition: entry.name, dir, kode: written }, { locale: lang }));
		const files = (await readdir(join(dir, entry.name), { withFileTypes: true }))
			.filter((f) => (f.isFile() || f.isSymbolicLink()) && f.name.toLowerCase().endsWith('.parquet'))
			.map((f) => join(dir, entry.name, f.name))
			.sort();
		if (files.length === 0 || files.length > 2) {
			throw new PartitionError(m.cli_partitions_files({ partition: entry.name, dir, count: String(files.length) }, { locale: lang }));
		}
		partitions.push({ name: entry.name, kode: regency.kode, nama: regency.nama, files });
	}
	if (partitions.length === 0) throw new PartitionError(m.cli_partitions_none({ dir }, { locale: lang }));
	return partitions.sort((a, b) => a.kode.localeCompare(b.kode));
}

/** The partition of regency `kabupaten` (any writing of its code) among `partitions`, or a refusal naming those there are. */
export function choosePartition(partitions: readonly Partition[], kabupaten: string, dir: string, lang: Locale): Partition {
	const kode = normaliseRegencyCode(kabupaten);
	const found = partitions.find((p) => p.kode === kode);
	if (!found) {
		const list = partitions.map((p) => p.kode).join(', ');
		throw new PartitionError(m.cli_partitions_not_found({ kode: kabupaten, dir, list }, { locale: lang }));
	}
	return found;
}

/** The one folder among the register arguments, or undefined when they are files; a folder beside other files is refused. */
export async function partitionFolder(files: readonly string[], lang: Locale): Promise<string | undefined> {
	for (const file of files) {
		if (!(await isDirectory(file))) continue;
		if (files.length > 1) throw new PartitionError(m.cli_partitions_one_dir({ dir: file }, { locale: lang }));
		return file;
	}
	return undefined;
}
