/** `tepat summary FILE [FILE2]`: households and people per kecamatan of a register file, as CSV. */
import { stat } from 'node:fs/promises';
import { NodeEngine } from '../lib/engine/node';
import { IngestError, ingestRegister, loadReference } from '../lib/ingest';
import { fileByteSource } from '../lib/ingest/node-source';
import { overviewByKecamatan, registerTotals } from '../lib/queries/overview';
import { readReference } from './reference';
import {
	EXIT_FAILED,
	EXIT_OK,
	UsageError,
	csvLine,
	formatNumber,
	formatSeconds,
	type CliIO,
	type Command
} from './io';

export const SUMMARY_HEADER = ['kecamatan_kode', 'kecamatan_nama', 'desa_kelurahan', 'households', 'people'] as const;

interface SummaryArgs {
	files: string[];
	reference?: string;
}

function parse(args: string[]): SummaryArgs {
	const files: string[] = [];
	let reference: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--reference') {
			reference = args[++i];
			if (!reference) throw new UsageError('--reference butuh nama berkas.');
		} else if (arg.startsWith('--reference=')) reference = arg.slice('--reference='.length);
		else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Opsi tidak dikenal: ${arg}`);
		else files.push(arg);
	}
	if (files.length === 0) throw new UsageError('Sebutkan berkas register (CSV atau Parquet).');
	if (files.length > 2) throw new UsageError('Paling banyak dua berkas: keluarga dan anggota keluarga.');
	return { files, reference };
}

export const summaryCommand: Command = {
	name: 'summary',
	summary: 'Jumlah keluarga dan jiwa per kecamatan dari berkas register (CSV ke stdout)',
	usage: [
		'tepat summary FILE [FILE2] [--reference reference.json]',
		'',
		'  FILE          ekspor DTSEN atau DTKS/BDT: satu berkas gabungan, atau berkas keluarga + anggota',
		'                (CSV dengan pemisah koma, titik koma atau tab; atau Parquet)',
		'  --reference   referensi desa (bawaan: data/reference.json paket ini)',
		'',
		'Mencetak CSV: kecamatan_kode,kecamatan_nama,desa_kelurahan,households,people (satu baris per',
		'kecamatan referensi, termasuk yang nol). Total dan waktu muat ke stderr.'
	].join('\n'),
	async run(args: string[], io: CliIO): Promise<number> {
		const { files, reference: referencePath } = parse(args);
		const started = performance.now();
		for (const file of files) {
			try {
				await stat(file);
			} catch {
				io.stderr(`Berkas '${file}' tidak ditemukan.\n`);
				return EXIT_FAILED;
			}
		}
		let reference;
		try {
			reference = await readReference(referencePath);
		} catch (error) {
			io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
			return EXIT_FAILED;
		}
		const engine = await NodeEngine.open();
		try {
			await loadReference(engine, reference);
			const sources = await Promise.all(files.map((f) => fileByteSource(f)));
			const result = await ingestRegister(engine, sources, reference, {
				onProgress: io.interactive
					? (p) => {
							if (p.phase === 'read') {
								io.stderr(`\rMembaca ${p.file}: ${formatNumber(p.rowsRead)} baris`);
							}
						}
					: undefined
			});
			if (io.interactive) io.stderr('\n');
			const rows = await overviewByKecamatan(engine);
			const totals = await registerTotals(engine);
			const lines = [csvLine(SUMMARY_HEADER)];
			for (const r of rows) {
				lines.push(csvLine([r.kecamatan_kode, r.kecamatan_nama, r.villages, r.households, r.people]));
			}
			io.stdout(`${lines.join('\n')}\n`);
			const outside =
				totals.unmatched_households > 0
					? `; ${formatNumber(totals.unmatched_households)} keluarga dengan kode desa di luar referensi (tidak masuk tabel)`
					: '';
			const rejected = result.rowsRejected ? `; ${formatNumber(result.rowsRejected)} baris ditolak` : '';
			io.stderr(
				`Total: ${formatNumber(totals.households)} keluarga, ${formatNumber(totals.people)} jiwa di ` +
					`${formatNumber(totals.villages_with_data)} desa/kelurahan${outside}${rejected}. ` +
					`Sumber ${result.source.toUpperCase()}, ${formatNumber(result.rowsRead)} baris dibaca dalam ` +
					`${formatSeconds(performance.now() - started)} detik.\n`
			);
			return EXIT_OK;
		} catch (error) {
			if (error instanceof IngestError) {
				io.stderr(`${error.message}\n`);
				return EXIT_FAILED;
			}
			throw error;
		} finally {
			await engine.close();
		}
	}
};
