/** The pledge flags in words (shown as text beside a mark, never by colour alone). */
import type { PledgeFlagKind } from '$lib/core/partner/pledge';
import { m } from '$lib/paraglide/messages.js';

export function flagLabel(kind: PledgeFlagKind): string {
	switch (kind) {
		case 'over_pledged':
			return m.mitra_flag_over_pledged();
		case 'hidden_figures':
			return m.mitra_flag_hidden_figures();
		case 'already_funded':
			return m.mitra_flag_already_funded();
	}
}

export function flagHint(kind: PledgeFlagKind): string {
	switch (kind) {
		case 'over_pledged':
			return m.mitra_flag_over_pledged_hint();
		case 'hidden_figures':
			return m.mitra_flag_hidden_figures_hint();
		case 'already_funded':
			return m.mitra_flag_already_funded_hint();
	}
}
