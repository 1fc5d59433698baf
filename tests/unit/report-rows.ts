/** Test set-up: the report's findings worded as the Data screen and the CLI word them (Indonesian unless asked). */
import type { Engine } from '../../src/lib/engine/types';
import { loadReportFindings, type ReportRow } from '../../src/lib/ingest/report';
import { wordedFindings, type Locale } from '../../src/lib/words';

export async function loadReportRows(engine: Engine, limit?: number, offset?: number, locale: Locale = 'id'): Promise<ReportRow[]> {
	return wordedFindings(await loadReportFindings(engine, limit, offset), locale);
}
