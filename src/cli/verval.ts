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
import { wordedFindings, type Locale } from '../lib/words';
import { reportHeaders } from '../lib/words/report-labels';
import { unmatchedReasonWords } from '../lib/words/verval';
import { findingCodeWords } from '../lib/words/worklist';
import { fileByteSource } from '../lib/ingest/node-source';
import { ResultImportError, importResultFile, type ResultImport } from '../lib/ingest/verval-results';
import type { Engine } from '../lib/engine/types';
import {
	allFilesExist,
	parseRegisterArgs,
	registerOptionsUsage,
	takeRegisterFlag,
	takeValue,
	withRegister,
	type RegisterArgs
} from './load';
import { m } from '../lib/paraglide/messages.js';
import { EXIT_FAILED, EXIT_OK, UsageError, errorIn, formatNumber, langOf, type CliIO, type Command } from './io';

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

/** What one result file gave: its rows, and the answers and dates that could not be read. */
function roundLine(round: number, imported: ResultImport, lang: Locale): string {
	const locale = { locale: lang };
	const unread = imported.unreadAnswers.reduce((sum, a) => sum + a.rows, 0);
	const answers = imported.unreadAnswers.map((a) => `'${a.answer}'`).join(', ');
	return (
		m.cli_verval_round({ round, file: imported.file, rows: n(imported.rows) }, locale) +
		(unread > 0 ? m.cli_verval_unread_answers({ rows: n(unread), answers }, locale) : '') +
		(imported.unreadDates.length > 0 ? m.cli_verval_unread_dates({ dates: imported.unreadDates.join(', ') }, locale) : '')
	);
}

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
	summary: (lang) => m.cli_verval_summary({}, { locale: lang }),
	usage: (lang) => m.cli_verval_usage({ options: registerOptionsUsage(lang) }, { locale: lang }),
	async run(args: string[], io: CliIO): Promise<number> {
		const parsed = parseRegisterArgs<VervalArgs>(
			args,
			{ files: [], register: false, results: [], oneRound: false, readingResults: false },
			vervalOption
		);
		if (!parsed.register) throw new UsageError((lang) => m.cli_register_flag_missing({}, { locale: lang }));
		if (parsed.results.length === 0) throw new UsageError((lang) => m.cli_results_missing({}, { locale: lang }));
		if (!parsed.out) throw new UsageError((lang) => m.cli_out_missing({ dir: 'DIR' }, { locale: lang }));
		const out = parsed.out;
		if (!(await allFilesExist(parsed.results, io))) return EXIT_FAILED;
		const lang = langOf(io);
		return withRegister(parsed, io, async ({ engine, result }) => {
			await engine.exec(createTableSql('verval_decision', 'verval_decision', 'if_not_exists'));
			for (const [i, file] of parsed.results.entries()) {
				const round = parsed.oneRound ? 1 : i + 1;
				try {
					const imported = await importResultFile(engine, await fileByteSource(file), { round });
					io.stderr(`${roundLine(round, imported, lang)}.\n`);
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
			const done = m.cli_verval_done(
				{
					checked: n(total.checked),
					people: n(total.people),
					conflicts: n(conflicts),
					unmatched: n(unmatched),
					findings: n(findings),
					worklists: n(byVillage.size),
					verified: n(verified.rows.length),
					dir: out
				},
				{ locale: lang }
			);
			io.stderr(`${done}\n`);
			return EXIT_OK;
		});
	}
};
