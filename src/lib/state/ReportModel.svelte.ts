/** The Data screen's validation report: the summary, the detail rows page by page, and downloads. */
import { loadReport, loadReportFindings, type IngestReport, type ReportFinding } from '$lib/ingest/report';
import { reportToCsv } from '$lib/export/csv';
import { findingsInWords } from '$lib/words/error-text';
import { reportHeaders } from '$lib/words/report-labels';
import { getLocale } from '$lib/paraglide/runtime.js';
import { capabilityLines } from '$lib/words/capability-notes';
import { capabilities } from './CapabilityModel.svelte';
import { download, safeFileStem } from './download';
import { plan } from './PlanModel.svelte';
import { queries, Resource } from './query';
import { register } from './RegisterModel.svelte';

export const REPORT_PAGE_SIZE = 20;

/** `laporan-validasi-<register file>.csv`: the register's first file name, without extension. */
function reportFileName(extension: string): string {
	const base = safeFileStem(register.info?.names[0] ?? 'register');
	return `laporan-validasi-${base}.${extension}`;
}

function findingsOf(report: IngestReport | null): number {
	const findings = report?.findings;
	return findings ? Object.values(findings).reduce((sum, n) => sum + n, 0) : 0;
}

export class ReportModel {
	/** The page asked for, and for which register: another register starts at the first page. */
	#wanted = $state.raw({ version: -1, page: 0 });

	readonly #report = new Resource(queries, {
		priority: 'interactive',
		inputs: () => (register.info ? { version: register.version } : null),
		key: ({ version }) => String(version),
		load: (engine) => loadReport(engine)
	});

	readonly #rows = new Resource(queries, {
		priority: 'interactive',
		inputs: () => {
			if (!this.#report.current) return null;
			const version = register.version;
			const page = this.#wanted.version === version ? Math.min(this.#wanted.page, this.pages - 1) : 0;
			return { version, page, report: this.#report.value };
		},
		key: ({ version, page }) => `${version}:${page}`,
		load: async (engine, { version, page, report }) => ({
			version,
			page,
			rows: report ? await loadReportFindings(engine, REPORT_PAGE_SIZE, page * REPORT_PAGE_SIZE) : []
		})
	});

	get report(): IngestReport | null {
		return this.#report.value;
	}

	/** The rows read for the register shown: another register's findings are never shown beside its figures. */
	get #rowsOfRegister(): { page: number; rows: ReportFinding[] } | null {
		const held = this.#rows.value;
		return held !== null && held.version === register.version && this.#report.current ? held : null;
	}

	/** The page's findings; the screen words them (saidText). */
	get rows(): ReportFinding[] {
		return this.#rowsOfRegister?.rows ?? [];
	}

	/** The page of the rows shown (0-based). */
	get page(): number {
		return this.#rowsOfRegister?.page ?? 0;
	}

	/** True while the report has findings whose rows for this register are still being read. */
	get rowsLoading(): boolean {
		return this.total > 0 && this.#rowsOfRegister === null;
	}

	get loading(): boolean {
		return this.#report.loading;
	}

	/** What reading the report threw, if it failed. */
	get error(): unknown {
		return this.#report.error ?? this.#rows.error;
	}

	get total(): number {
		return findingsOf(this.report);
	}

	get pages(): number {
		return Math.max(1, Math.ceil(this.total / REPORT_PAGE_SIZE));
	}

	/** Keeps the report current while the calling component lives. */
	activate(): void {
		this.#report.activate();
		this.#rows.activate();
	}

	/** Re-reads the report if the register changed since the last read. */
	async refresh(): Promise<void> {
		await this.#report.refresh();
		await this.#rows.refresh();
	}

	show(page: number): Promise<void> {
		this.#wanted = { version: register.version, page: Math.min(Math.max(0, page), this.pages - 1) };
		return this.#rows.refresh();
	}

	async downloadCsv(): Promise<void> {
		const findings = await queries.submit({ priority: 'background', run: (engine) => loadReportFindings(engine) });
		download(
			reportToCsv(findingsInWords(findings), { headers: reportHeaders(getLocale()) }),
			reportFileName('csv'),
			'text/csv;charset=utf-8'
		);
	}

	async downloadXlsx(): Promise<void> {
		const [findings, { reportToXlsx }] = await Promise.all([
			queries.submit({ priority: 'background', run: (engine) => loadReportFindings(engine) }),
			import('$lib/export/xlsx')
		]);
		const fields = capabilities.known ? capabilities.fields : [];
		const lines = fields.length > 0 ? capabilityLines(fields, capabilities.capabilities, plan.current.name, getLocale()) : [];
		download(
			await reportToXlsx(findingsInWords(findings), this.report, lines, getLocale()),
			reportFileName('xlsx'),
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
	}
}

export const report = new ReportModel();
