/**
 * `tepat report FILE [FILE2] [--out report.csv|report.xlsx]`: loads a register file as the app does
 * and prints the validation report's summary and what the register can feed (its columns, each
 * indicator and programme, the default plan's filters and requirements); the detail rows (one per finding, with file, row,
 * column, value and message) go to --out as formula-safe CSV or as XLSX, or the first few to stdout.
 * Exit 0 when the load succeeded (whatever it found), 1 when the file could not be loaded.
 */
import { writeFile } from 'node:fs/promises';
import {
	REPORT_SEVERITIES,
	duplicateFigures,
	duplicateRowsRejected,
	loadReport,
	loadReportFindings,
	type IngestReport
} from '../lib/ingest/report';
import type { IdIssue, IdKind } from '../lib/core/nik';
import {
	duplicateFigureWords,
	idIssueWords,
	idKindWords,
	repeatedRowsWords,
	reportHeaders,
	severityWords
} from '../lib/words/report-labels';
import { reportToCsv } from '../lib/export/csv';
import { reportToXlsx } from '../lib/export/xlsx';
import { capabilitiesOf } from '../lib/core/capabilities';
import { defaultPlan } from '../lib/core/plan';
import { capabilityLines } from '../lib/words/capability-notes';
import { registerFields } from '../lib/queries/capabilities';
import { REGISTER_OPTIONS_USAGE, parseRegisterArgs, withRegister, type RegisterArgs } from './load';
import { wordedFindings, wordsOf, type Locale } from '../lib/words';
import { EXIT_OK, UsageError, formatNumber, type CliIO, type Command } from './io';

/** Detail rows printed to stdout when there is no --out. */
export const PREVIEW_ROWS = 20;

interface ReportArgs extends RegisterArgs {
	out?: string;
	delimiter: ',' | ';';
}

/** --out FILE / --out=FILE / -o FILE, and --semicolon. */
function reportOption(args: readonly string[], i: number, into: ReportArgs): number | undefined {
	const arg = args[i] ?? '';
	if (arg === '--out' || arg === '-o') {
		into.out = args[i + 1];
		if (!into.out) throw new UsageError(`${arg} butuh nilai.`);
		return i + 1;
	}
	if (arg.startsWith('--out=')) {
		into.out = arg.slice('--out='.length);
		return i;
	}
	if (arg === '--semicolon') {
		into.delimiter = ';';
		return i;
	}
	return undefined;
}

const n = formatNumber;

/** The summary as lines of Indonesian text; the findings and the report's labels in `locale` (--lang). */
export function formatReportSummary(report: IngestReport, locale: Locale = 'id'): string {
	const r = report.regency;
	const lines = [`Laporan validasi pemuatan (${report.source.toUpperCase()})${r ? `: ${r.nama} (${r.kode})` : ''}`];
	for (const f of report.files) {
		const how = [f.format.toUpperCase(), f.encoding, f.sheet ? `lembar ${f.sheet}` : null].filter(Boolean).join(', ');
		lines.push(`  ${f.file} (${how}): ${n(f.rowsRead)} baris dibaca`);
	}
	lines.push(
		`Diterima: ${n(report.households)} keluarga, ${n(report.people)} jiwa`,
		`Ditolak: ${n(report.rowsRejected)} baris` +
			(report.rowsRejected > 0
				? ` (kunci keluarga kosong ${n(report.emptyKeyRows)}, anggota tanpa keluarga ${n(report.orphanMembers)}, baris kosong ${n(report.emptyRows)}, ${repeatedRowsWords(locale)} ${n(duplicateRowsRejected(report.duplicates))})`
				: ''),
		`Keluarga tanpa anggota: ${n(report.householdsWithoutMembers)}`
	);
	if (r && r.others.length > 0) {
		lines.push(`Keluarga berkode kabupaten/kota lain: ${n(r.others.reduce((sum, o) => sum + o.households, 0))}`);
		for (const o of r.others) lines.push(`  ${wordsOf(o.said, locale)}`);
	}
	const outside = report.villagesNotInReference;
	lines.push(`Kode desa di luar referensi: ${n(outside.length)} kode, ${n(outside.reduce((s, v) => s + v.households, 0))} keluarga`);
	for (const v of outside) {
		lines.push(`  ${v.kode ?? '(kosong)'}: ${n(v.households)} keluarga, ${n(v.people)} jiwa (baris data pertama ${v.firstRow})`);
	}
	lines.push(
		`Nilai kode tidak dikenal: ${n(report.unknownCodes.length)} nilai, ${n(report.unknownCodes.reduce((s, u) => s + u.rows, 0))} baris`
	);
	for (const u of report.unknownCodes) {
		lines.push(`  ${u.file}, kolom ${u.column}: '${u.value}' × ${n(u.rows)} (baris data pertama ${u.firstRow})`);
	}
	for (const [figure, value] of duplicateFigures(report)) lines.push(`${duplicateFigureWords(figure, locale)}: ${n(value)}`);
	for (const kind of ['nik', 'kk'] as IdKind[]) {
		const found = Object.entries(report.identifiers[kind]).filter(([, rows]) => rows > 0);
		lines.push(`${idKindWords(kind, locale)} bermasalah: ${found.length === 0 ? 'tidak ada' : ''}`.trimEnd());
		for (const [issue, rows] of found) {
			lines.push(`  ${idIssueWords(issue as IdIssue, locale)}: ${n(rows)} baris`);
		}
	}
	for (const t of report.trailingZeroColumns) {
		lines.push(`Kolom ${t.column} (${t.file}): ${n(t.rows)} ${idKindWords(t.kind, locale)} berakhiran 0, kemungkinan rusak oleh Excel`);
	}
	const f = report.findings;
	lines.push(`Temuan: ${REPORT_SEVERITIES.map((s) => `${n(f[s])} ${severityWords(s, locale)}`).join(', ')}`);
	return `${lines.join('\n')}\n`;
}

export const reportCommand: Command = {
	name: 'report',
	summary: 'Laporan validasi berkas register: baris ditolak, NIK/KK rusak, kode tak dikenal, desa di luar referensi',
	usage: [
		'tepat report FILE [FILE2] [--out laporan.csv|laporan.xlsx] [--semicolon] [--mapping pemetaan.json] [--sheet NAMA] [--reference reference.json]',
		'',
		'  FILE          ekspor DTSEN, DTKS/BDT atau P3KE: satu berkas gabungan, atau berkas keluarga + anggota',
		'  --out         tulis rincian temuan (satu baris per temuan: berkas, baris, kolom, nilai, pesan)',
		'                sebagai CSV (aman dari rumus; NIK sebagai teks) atau XLSX (menurut akhiran nama)',
		'  --semicolon   CSV dengan pemisah titik koma (Excel berbahasa Indonesia)',
		...REGISTER_OPTIONS_USAGE,
		'',
		`Ringkasan ke stdout, lalu kolom yang ditemukan dan indikator/program yang bisa dihitung (lengkap,`,
		'sebagian, tidak bisa) beserta alasannya; XLSX --out memuatnya di lembar "Kolom dan kemampuan".',
		`Tanpa --out, ${PREVIEW_ROWS} temuan pertama juga ke stdout.`,
		'Keluar 0 bila berkas termuat (apa pun temuannya), 1 bila tidak dapat dimuat.'
	].join('\n'),
	async run(args: string[], io: CliIO): Promise<number> {
		const { out, delimiter, ...register } = parseRegisterArgs<ReportArgs>(args, { files: [], delimiter: ',' }, reportOption);
		return withRegister(register, io, async ({ engine }) => {
			const report = await loadReport(engine);
			if (!report) throw new Error('laporan tidak terbentuk');
			io.stdout(formatReportSummary(report, io.lang ?? 'id'));
			const fields = await registerFields(engine);
			const capabilities = capabilityLines(fields, capabilitiesOf(fields, defaultPlan()), null, io.lang ?? 'id');
			io.stdout(`\n${capabilities.join('\n')}\n`);
			if (out) {
				const rows = wordedFindings(await loadReportFindings(engine), io.lang ?? 'id');
				const bytes = /\.xlsx$/i.test(out)
					? await reportToXlsx(rows, report, capabilities, io.lang ?? 'id')
					: new TextEncoder().encode(reportToCsv(rows, { delimiter, headers: reportHeaders(io.lang ?? 'id') }));
				await writeFile(out, bytes);
				io.stderr(`Rincian ${n(rows.length)} temuan ditulis ke ${out}.\n`);
			} else {
				const rows = wordedFindings(await loadReportFindings(engine, PREVIEW_ROWS), io.lang ?? 'id');
				const total = report.findings.rejected + report.findings.error + report.findings.warning + report.findings.info;
				if (rows.length > 0)
					io.stdout(`\nTemuan${total > rows.length ? ` (${rows.length} dari ${n(total)}; pakai --out untuk semuanya)` : ''}:\n`);
				for (const r of rows) io.stdout(`  [${severityWords(r.severity, io.lang ?? 'id')}] ${r.message}\n`);
			}
			return EXIT_OK;
		});
	}
};
