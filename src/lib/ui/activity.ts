import { m } from '$lib/paraglide/messages.js';
import type { RegisterActivity } from '$lib/state/RegisterModel.svelte';

/** What the app is doing, in words, for status lines and the progress label. */
export function activityLabel(value: RegisterActivity | null): string {
	switch (value) {
		case 'starting':
			return m.status_starting();
		case 'restoring':
			return m.status_restoring();
		case 'sample':
			return m.status_sample();
		case 'file':
			return m.status_file();
		case 'clearing':
			return m.status_clearing();
		case 'regency':
			return m.status_regency();
		default:
			return '';
	}
}
