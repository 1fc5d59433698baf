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

/** Kukar's three zones in the UI's words; any other zone name as the plan writes it. */
export function zoneLabel(zone: Zone): string {
	switch (zone) {
		case 'hulu':
			return m.rencana_zone_hulu();
		case 'tengah':
			return m.rencana_zone_tengah();
		case 'pesisir':
			return m.rencana_zone_pesisir();
		default:
			return zone;
	}
}

export function kindLabel(kind: FundingKind): string {
	return kind === 'other' ? m.rencana_kind_other() : kind;
}
