/**
 * `tepat verval --register FILE [FILE2] --results R1.csv [R2.csv …] --out DIR`: loads the register as
 * the app does, imports the field results (each file its own round, in the order given, unless
 * --one-round), resolves each person's and household's status with the same SQL as the screens, and
 * writes into DIR: progress per village and kecamatan, open conflicts, results that resolve nobody,
 * the register's quality findings, and one worklist per village with records still to check.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rowsOf, scalarNumber, type RowSpec } from '../lib/core/rows';
import { kecamatanProgressSql, villageProgressSql } from '../lib/core/verval/progress';
import { CONFLICT_SPEC, PROGRESS_SPEC, UNMATCHED_SPEC, VILLAGE_PROGRESS_SPEC } from '../lib/queries/fieldwork';
import { conflictsSql, resolveHouseholdStatements, resolvePersonStatements, unmatchedResultsSql } from '../lib/core/verval/resolve';
import { qualityChecksSql } from '../lib/core/verval/checks';
import { createTableSql } from '../lib/core/catalog';
import { reportToCsv, toCsv, type CsvCell } from '../lib/export/csv';
import { loadReportFindings } from '../lib/ingest/report';
import { registerChecksum } from '../lib/queries/allocation';
import { verifiedRegister } from '../lib/queries/verified-register';
import { villageWorklist, worklistsByVillage } from '../lib/queries/verval';
import { VERIFIED_REGISTER_FILE, verifiedRegisterCsv } from '../lib/export/verified-register';
import { worklistCsv, worklistFileStem, worklistStampOf, worklistXlsx } from '../lib/export/worklist';
import { wordedFindings } from '../lib/words';
import { reportHeaders } from '../lib/words/report-labels';
import { unmatchedReasonWords } from '../lib/words/verval';
import { findingCodeWords } from '../lib/words/worklist';
import { fileByteSource } from '../lib/ingest/node-source';
import { ResultImportError, importResultFile } from '../lib/ingest/verval-results';
import type { Engine } from '../lib/engine/types';
import {
	REGISTER_OPTIONS_USAGE,
	allFilesExist,
	parseRegisterArgs,
	takeRegisterFlag,
	takeValue,
	withRegister,
	type RegisterArgs
} from './load';
import { EXIT_FAILED, EXIT_OK, UsageError, errorIn, formatNumber, type CliIO, type Command } from './io';

interface VervalArgs extends RegisterArgs {
	register: boolean;
	results: string[];
	out?: string;
	oneRound: boolean;
	/** While true, bare arguments are result files (after --results), else register files. */
	readingResults: boolean;
}

function vervalOption(args: readonly string[], i: number, into: VervalArgs): number | undefined {
	const arg = args[i] ?? '';
	const register = takeRegisterFlag(args, i, into);
	if (register !== undefined) {
		into.readingResults = false;
		return register;
	}
	if (arg === '--results') {
		into.readingResults = true;
		return i;
	}
	if (arg.startsWith('--results=')) {
		into.results.push(arg.slice('--results='.length));
		into.readingResults = true;
		return i;
	}
	if (arg === '--one-round') {
		into.oneRound = true;
		return i;
	}
	const out = takeValue(args, i, '--out');
	if (out) {
		into.out = out.value;
		return out.last;
	}
	if (into.readingResults && !arg.startsWith('-')) {
		into.results.push(arg);
		return i;
	}
	return undefined;
}

const n = formatNumber;

async function writeQuery<S extends RowSpec>(
	engine: Engine,
	sql: string,
	spec: S,
	path: string,
	map?: (row: Record<string, unknown>) => CsvCell[]
): Promise<number> {
	const rows = rowsOf(await engine.query(sql), spec) as Record<string, unknown>[];
	const header = Object.keys(spec);
	const cells = rows.map((r) => (map ? map(r) : header.map((h) => r[h] as CsvCell)));
	await writeFile(path, toCsv(header, cells));
	return rows.length;
}

export const vervalCommand: Command = {
	name: 'verval',
	summary: 'Hasil verval lapangan: kemajuan per desa/kecamatan, konflik, temuan kualitas, daftar periksa, register terverifikasi',
	usage: [
		'tepat verval --register FILE [FILE2] --results R1.csv [R2.xlsx …] --out DIR [--one-round] [--mapping pemetaan.json] [--sheet NAMA] [--reference reference.json]',
		'',
		'  --register    ekspor DTSEN, DTKS/BDT atau P3KE: satu berkas gabungan, atau berkas keluarga + anggota',
		'  --results     berkas hasil verval (CSV/XLSX; ekspor Google Forms apa adanya): NIK atau ID anggota,',
		'                status (ditemukan, tidak ditemukan, meninggal, pindah, mampu, di luar kabupaten,',
		'                anggota baru), tanggal, petugas, keterangan, desa. Tiap berkas satu putaran menurut',
		'                urutannya (putaran yang lebih baru menggantikan yang lama)',
		'  --one-round   semua berkas hasil dalam satu putaran (hasil berbeda untuk orang yang sama = konflik)',
		'  --out         folder tujuan (dibuat bila belum ada)',
		...REGISTER_OPTIONS_USAGE,
		'',
		'Menulis ke DIR: progres-desa.csv, progres-kecamatan.csv, konflik.csv, hasil-tidak-cocok.csv,',
		'temuan-kualitas.csv (konsistensi keluarga dan umur, tanggal lahir di NIK, calon warga luar kabupaten),',
		'laporan-validasi.csv (temuan pemuatan register), daftar-periksa/<kode desa>-<nama>.csv dan .xlsx untuk',
		'tiap desa yang masih punya catatan untuk diperiksa (kolom status, tanggal_kunjungan, petugas dan catatan',
		'diisi tim lapangan; berkas yang sudah diisi dapat dimuat kembali dengan --results), dan',
		'register-terverifikasi.csv: tiap jiwa register sekali, dengan kolom sumbernya sendiri dan status verval',
		'hasil lapangan ditulis dengan kode sumber (DTSEN 1 ditemukan, 2 pindah, 3 meninggal, 4 tidak ditemukan),',
		'lalu status_verval_tepat, dasar_status, putaran, tanggal_kunjungan. Ringkasan ke stderr. Keluar 1 bila',
		'register atau berkas hasil tidak dapat dimuat.'
	].join('\n'),
	async run(args: string[], io: CliIO): Promise<number> {
		const parsed = parseRegisterArgs<VervalArgs>(
			args,
			{ files: [], register: false, results: [], oneRound: false, readingResults: false },
			vervalOption
		);
		if (!parsed.register) throw new UsageError('Sebutkan berkas register dengan --register FILE.');
		if (parsed.results.length === 0) throw new UsageError('Sebutkan berkas hasil verval dengan --results R1.csv [R2.csv …].');
		if (!parsed.out) throw new UsageError('Sebutkan folder tujuan dengan --out DIR.');
		const out = parsed.out;
		if (!(await allFilesExist(parsed.results, io))) return EXIT_FAILED;
		const lang = io.lang ?? 'id';
		return withRegister(parsed, io, async ({ engine, result }) => {
			await engine.exec(createTableSql('verval_decision', 'verval_decision', 'if_not_exists'));
			for (const [i, file] of parsed.results.entries()) {
				const round = parsed.oneRound ? 1 : i + 1;
				try {
					const imported = await importResultFile(engine, await fileByteSource(file), { round });
					const unread = imported.unreadAnswers.reduce((sum, a) => sum + a.rows, 0);
					io.stderr(
						`Putaran ${round}: ${imported.file}, ${n(imported.rows)} baris` +
							(unread > 0
								? `; ${n(unread)} baris dengan status tak dikenali (${imported.unreadAnswers.map((a) => `'${a.answer}'`).join(', ')})`
								: '') +
							(imported.unreadDates.length > 0 ? `; tanggal tak terbaca: ${imported.unreadDates.join(', ')}` : '') +
							'.\n'
					);
				} catch (error) {
					if (error instanceof ResultImportError) {
						io.stderr(`${errorIn(io, error)}\n`);
						return EXIT_FAILED;
					}
					throw error;
				}
			}
			for (const s of [...resolvePersonStatements(), ...resolveHouseholdStatements()]) await engine.exec(s);

			await mkdir(join(out, 'daftar-periksa'), { recursive: true });
			await writeQuery(engine, villageProgressSql(), VILLAGE_PROGRESS_SPEC, join(out, 'progres-desa.csv'));
			const kecamatan = rowsOf(await engine.query(kecamatanProgressSql()), PROGRESS_SPEC);
			const kecamatanHeader = Object.keys(PROGRESS_SPEC);
			await writeFile(
				join(out, 'progres-kecamatan.csv'),
				toCsv(
					kecamatanHeader,
					kecamatan.map((r) => kecamatanHeader.map((h) => (r as Record<string, CsvCell>)[h]))
				)
			);
			await writeQuery(engine, conflictsSql(), CONFLICT_SPEC, join(out, 'konflik.csv'));
			const unmatched = await writeQuery(engine, unmatchedResultsSql(), UNMATCHED_SPEC, join(out, 'hasil-tidak-cocok.csv'), (r) => [
				...Object.keys(UNMATCHED_SPEC)
					.slice(0, -1)
					.map((k) => r[k] as CsvCell),
				unmatchedReasonWords(r.reason as string, lang)
			]);
			const conflicts = scalarNumber(await engine.query(`SELECT count(*) FROM verval_person WHERE basis = 'conflict'`));
			const findings = await writeQuery(
				engine,
				qualityChecksSql(),
				{ check: 'string', household_id: 'string', person_id: 'string?', village_kode: 'string?', value: 'string' },
				join(out, 'temuan-kualitas.csv'),
				(r) => [
					findingCodeWords(r.check as string, lang),
					r.household_id as string,
					r.person_id as CsvCell,
					r.village_kode as CsvCell,
					r.value as string
				]
			);
			await writeFile(
				join(out, 'laporan-validasi.csv'),
				reportToCsv(wordedFindings(await loadReportFindings(engine), lang), { headers: reportHeaders(lang) })
			);

			const checksum = await registerChecksum(engine);
			const byVillage = worklistsByVillage(await villageWorklist(engine));
			const printed = new Date().toISOString().slice(0, 10);
			for (const rows of byVillage.values()) {
				const stamp = worklistStampOf(rows, { date: printed, regencyNama: result.regency?.nama, registerChecksum: checksum });
				const stem = join(out, 'daftar-periksa', worklistFileStem(stamp));
				await writeFile(`${stem}.csv`, worklistCsv(rows, stamp, lang));
				await writeFile(`${stem}.xlsx`, await worklistXlsx(rows, stamp, lang));
			}
			const verified = await verifiedRegister(engine, result.mapping);
			await writeFile(join(out, VERIFIED_REGISTER_FILE), verifiedRegisterCsv(verified));

			const total = kecamatan.reduce((sum, k) => ({ people: sum.people + k.people, checked: sum.checked + k.people_checked }), {
				people: 0,
				checked: 0
			});
			io.stderr(
				`Diperiksa: ${n(total.checked)} dari ${n(total.people)} jiwa; ${n(conflicts)} konflik terbuka; ` +
					`${n(unmatched)} hasil tidak cocok dengan register; ${n(findings)} temuan kualitas; ` +
					`${n(byVillage.size)} daftar periksa desa; ${n(verified.rows.length)} jiwa di register terverifikasi. Ditulis ke ${out}.\n`
			);
			return EXIT_OK;
		});
	}
};
