/** The Data screen's validation report: the summary, the detail rows page by page, and downloads. */
import { loadReport, loadReportRows, type IngestReport, type ReportRow } from '$lib/ingest/report';
import { reportToCsv } from '$lib/export/csv';
import { capabilityLines } from '$lib/export/capability-notes';
import { capabilities } from './CapabilityModel.svelte';
import { download, safeFileStem } from './download';
import { plan } from './PlanModel.svelte';
import { register } from './RegisterModel.svelte';

export const REPORT_PAGE_SIZE = 20;

/** `laporan-validasi-<register file>.csv`: the register's first file name, without extension. */
function reportFileName(extension: string): string {
	const base = safeFileStem(register.info?.names[0] ?? 'register');
	return `laporan-validasi-${base}.${extension}`;
}

export class ReportModel {
	report = $state<IngestReport | null>(null);
	rows = $state<ReportRow[]>([]);
	page = $state(0);
	loading = $state(false);
	error = $state<string | null>(null);
	/** The register version the report was read for. */
	version = $state(-1);

	get total(): number {
		const findings = this.report?.findings;
		return findings ? Object.values(findings).reduce((sum, n) => sum + n, 0) : 0;
	}

	get pages(): number {
		return Math.max(1, Math.ceil(this.total / REPORT_PAGE_SIZE));
	}

	/** Re-reads the report if the register changed since the last read. */
	async refresh(): Promise<void> {
		const version = register.version;
		if (version === this.version || !register.info) return;
		this.loading = true;
		this.error = null;
		try {
			const engine = await register.engine();
			const report = await loadReport(engine);
			if (version !== register.version) return;
			this.report = report;
			this.version = version;
			await this.show(0);
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.loading = false;
		}
	}

	async show(page: number): Promise<void> {
		const target = Math.min(Math.max(0, page), this.pages - 1);
		const engine = await register.engine();
		const rows = this.report ? await loadReportRows(engine, REPORT_PAGE_SIZE, target * REPORT_PAGE_SIZE) : [];
		this.rows = rows;
		this.page = target;
	}

	async downloadCsv(): Promise<void> {
		const rows = await loadReportRows(await register.engine());
		download(reportToCsv(rows), reportFileName('csv'), 'text/csv;charset=utf-8');
	}

	async downloadXlsx(): Promise<void> {
		const engine = await register.engine();
		const [rows, { reportToXlsx }] = await Promise.all([loadReportRows(engine), import('$lib/export/xlsx')]);
		const fields = capabilities.known ? capabilities.fields : [];
		const lines = fields.length > 0 ? capabilityLines(fields, capabilities.capabilities, `rencana '${plan.current.name}'`) : [];
		download(
			await reportToXlsx(rows, this.report, lines),
			reportFileName('xlsx'),
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
	}
}

export const report = new ReportModel();
