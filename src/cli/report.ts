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
import { parseRegisterArgs, registerOptionsUsage, withRegister, type RegisterArgs } from './load';
import { wordedFindings, wordsOf, type Locale } from '../lib/words';
import { m } from '../lib/paraglide/messages.js';
import { EXIT_OK, UsageError, formatNumber, langOf, type CliIO, type Command } from './io';

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
		if (!into.out) throw new UsageError((lang) => m.cli_needs_value({ flag: arg }, { locale: lang }));
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

/** The lines on rows rejected and households without members. */
function acceptedLines(report: IngestReport, locale: Locale): string[] {
	const lang = { locale };
	const detail = m.cli_report_rejected_detail(
		{
			emptyKey: n(report.emptyKeyRows),
			orphans: n(report.orphanMembers),
			empty: n(report.emptyRows),
			repeated: repeatedRowsWords(locale),
			duplicates: n(duplicateRowsRejected(report.duplicates)),
			damaged: report.damagedRows > 0 ? m.cli_report_rejected_damaged({ rows: n(report.damagedRows) }, lang) : ''
		},
		lang
	);
	return [
		m.cli_report_accepted({ households: n(report.households), people: n(report.people) }, lang),
		m.cli_report_rejected({ rows: n(report.rowsRejected) }, lang) + (report.rowsRejected > 0 ? detail : ''),
		m.cli_report_without_members({ households: n(report.householdsWithoutMembers) }, lang)
	];
}

/** The lines on villages outside the reference and code values not known. */
function outsideLines(report: IngestReport, locale: Locale): string[] {
	const lang = { locale };
	const outside = report.villagesNotInReference;
	const households = n(outside.reduce((s, v) => s + v.households, 0));
	const lines: string[] = [m.cli_report_outside({ codes: n(outside.length), households }, lang)];
	for (const v of outside) {
		const kode = v.kode ?? m.cli_report_empty_code({}, lang);
		lines.push(`  ${m.cli_report_outside_village({ kode, households: n(v.households), people: n(v.people), row: v.firstRow }, lang)}`);
	}
	const rows = n(report.unknownCodes.reduce((s, u) => s + u.rows, 0));
	lines.push(m.cli_report_unknown_codes({ values: n(report.unknownCodes.length), rows }, lang));
	for (const u of report.unknownCodes) {
		const words = { file: u.file, column: u.column, value: u.value, rows: n(u.rows), row: u.firstRow };
		lines.push(`  ${m.cli_report_unknown_code(words, lang)}`);
	}
	return lines;
}

/** The lines on damaged NIK and KK numbers. */
function identifierLines(report: IngestReport, locale: Locale): string[] {
	const lang = { locale };
	const lines: string[] = [];
	for (const kind of ['nik', 'kk'] as IdKind[]) {
		const found = Object.entries(report.identifiers[kind]).filter(([, rows]) => rows > 0);
		const words = { kind: idKindWords(kind, locale) };
		lines.push(found.length === 0 ? m.cli_report_ids_none(words, lang) : m.cli_report_ids(words, lang));
		for (const [issue, rows] of found) {
			lines.push(`  ${idIssueWords(issue as IdIssue, locale)}: ${m.cli_rows({ rows: n(rows) }, lang)}`);
		}
	}
	for (const t of report.trailingZeroColumns) {
		const words = { column: t.column, file: t.file, rows: n(t.rows), kind: idKindWords(t.kind, locale) };
		lines.push(m.cli_report_trailing_zero(words, lang));
	}
	return lines;
}

/** The summary as lines of text; its words, the findings and the report's labels in `locale` (--lang). */
export function formatReportSummary(report: IngestReport, locale: Locale = 'id'): string {
	const lang = { locale };
	const r = report.regency;
	const lines = [`${m.cli_report_title({ source: report.source.toUpperCase() }, lang)}${r ? `: ${r.nama} (${r.kode})` : ''}`];
	for (const f of report.files) {
		const how = [f.format.toUpperCase(), f.encoding, f.sheet ? m.cli_report_sheet({ sheet: f.sheet }, lang) : null]
			.filter(Boolean)
			.join(', ');
		lines.push(`  ${m.cli_report_file({ file: f.file, how, rows: n(f.rowsRead) }, lang)}`);
	}
	lines.push(...acceptedLines(report, locale));
	if (r && r.others.length > 0) {
		lines.push(m.cli_report_other_regencies({ households: n(r.others.reduce((sum, o) => sum + o.households, 0)) }, lang));
		for (const o of r.others) lines.push(`  ${wordsOf(o.said, locale)}`);
	}
	lines.push(...outsideLines(report, locale));
	for (const [figure, value] of duplicateFigures(report)) lines.push(`${duplicateFigureWords(figure, locale)}: ${n(value)}`);
	lines.push(...identifierLines(report, locale));
	const f = report.findings;
	lines.push(m.cli_report_findings({ counts: REPORT_SEVERITIES.map((s) => `${n(f[s])} ${severityWords(s, locale)}`).join(', ') }, lang));
	return `${lines.join('\n')}\n`;
}

export const reportCommand: Command = {
	name: 'report',
	summary: (lang) => m.cli_report_summary({}, { locale: lang }),
	usage: (lang) => m.cli_report_usage({ options: registerOptionsUsage(lang), rows: PREVIEW_ROWS }, { locale: lang }),
	async run(args: string[], io: CliIO): Promise<number> {
		const { out, delimiter, ...register } = parseRegisterArgs<ReportArgs>(args, { files: [], delimiter: ',' }, reportOption);
		const lang = langOf(io);
		// The report is where rejected rows are read, so it never stops for having too many of them.
		return withRegister({ ...register, acceptRejected: true }, io, async ({ engine }) => {
			const report = await loadReport(engine);
			if (!report) throw new Error(m.cli_report_missing({}, { locale: lang }));
			io.stdout(formatReportSummary(report, lang));
			const fields = await registerFields(engine);
			const capabilities = capabilityLines(fields, capabilitiesOf(fields, defaultPlan()), null, lang);
			io.stdout(`\n${capabilities.join('\n')}\n`);
			if (out) {
				const rows = wordedFindings(await loadReportFindings(engine), lang);
				const bytes = /\.xlsx$/i.test(out)
					? await reportToXlsx(rows, report, capabilities, lang)
					: new TextEncoder().encode(reportToCsv(rows, { delimiter, headers: reportHeaders(lang) }));
				await writeFile(out, bytes);
				io.stderr(`${m.cli_report_written({ count: n(rows.length), file: out }, { locale: lang })}\n`);
			} else {
				const rows = wordedFindings(await loadReportFindings(engine, PREVIEW_ROWS), lang);
				const total = report.findings.rejected + report.findings.error + report.findings.warning + report.findings.info;
				const heading =
					total > rows.length
						? m.cli_report_preview_some({ shown: rows.length, total: n(total) }, { locale: lang })
						: m.cli_report_preview_all({}, { locale: lang });
				if (rows.length > 0) io.stdout(`\n${heading}:\n`);
				for (const r of rows) io.stdout(`  [${severityWords(r.severity, lang)}] ${r.message}\n`);
			}
			return EXIT_OK;
		});
	}
};
