/** "Register DTSEN: dtsen.csv, dimuat 3 Des 2026, 20.20": where the figures on the landing page and the printed reports come from. */
import { m } from '$lib/paraglide/messages.js';
import type { RegisterInfo } from '$lib/state/persistence';
import { sourceTitle } from '$lib/state/source-title';
import { formatDateTime } from '../format';

export function registerSourceLine(info: RegisterInfo | null, dateLocale: string): string {
	if (!info) return '';
	return m.landing_source({
		kind: sourceTitle(info.kind),
		files: info.source === 'sample' ? m.register_sample() : info.names.join(' + '),
		date: formatDateTime(info.loadedAt, dateLocale)
	});
}
