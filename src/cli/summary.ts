/** `tepat summary FILE [FILE2]`: households and people per kecamatan of a register file, as CSV. */
import { overviewByKecamatan, registerTotals } from '../lib/queries/overview';
import { REGISTER_OPTIONS_USAGE, parseRegisterArgs, withRegister } from './load';
import { EXIT_OK, csvLine, formatNumber, formatSeconds, type CliIO, type Command } from './io';

export const SUMMARY_HEADER = ['kecamatan_kode', 'kecamatan_nama', 'desa_kelurahan', 'households', 'people'] as const;

export const summaryCommand: Command = {
	name: 'summary',
	summary: 'Jumlah keluarga dan jiwa per kecamatan dari berkas register (CSV ke stdout)',
	usage: [
		'tepat summary FILE [FILE2] [--mapping pemetaan.json] [--sheet NAMA] [--reference reference.json]',
		'',
		'  FILE          ekspor DTSEN, DTKS/BDT atau P3KE: satu berkas gabungan, atau berkas keluarga + anggota',
		'                (CSV dengan pemisah koma, titik koma atau tab; XLSX; atau Parquet)',
		...REGISTER_OPTIONS_USAGE,
		'',
		'Mencetak CSV: kecamatan_kode,kecamatan_nama,desa_kelurahan,households,people (satu baris per',
		'kecamatan referensi, termasuk yang nol). Total dan waktu muat ke stderr.'
	].join('\n'),
	async run(args: string[], io: CliIO): Promise<number> {
		return withRegister(parseRegisterArgs(args, { files: [] }), io, async ({ engine, result, started }) => {
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
		});
	}
};
