/** Words of the Plan screen that depend on a code: programme names, zones, funding kinds. */
import type { FundingKind, ProgrammeId } from '$lib/core/plan';
import type { Zone } from '$lib/core/reference';
import { m } from '$lib/paraglide/messages.js';

export function programmeLabel(id: ProgrammeId | string): string {
	switch (id) {
		case 'pip':
			return m.rencana_prog_pip();
		case 'paket':
			return m.rencana_prog_paket();
		case 'bsps':
			return m.rencana_prog_bsps();
		case 'rtlh':
			return m.rencana_prog_rtlh();
		case 'water':
			return m.rencana_prog_water();
		default:
			return id;
	}
}

export function zoneLabel(zone: Zone): string {
	return zone === 'hulu' ? m.rencana_zone_hulu() : zone === 'tengah' ? m.rencana_zone_tengah() : m.rencana_zone_pesisir();
}

export function kindLabel(kind: FundingKind): string {
	return kind === 'other' ? m.rencana_kind_other() : kind;
}
