/** One way for every plan form to apply an edit and say, in the UI's words, why the plan refused it. */
import { PlanFileError, type Plan } from '$lib/core/plan';
import { m } from '$lib/paraglide/messages.js';
import { plan } from '$lib/state/PlanModel.svelte';

/** The plan's message without its "Berkas rencana '…':" opening, which names a file an edit does not have. */
function reasonOf(error: unknown): string {
	if (error instanceof PlanFileError) return error.message.replace(/^Berkas rencana '[^']*': /, '');
	return error instanceof Error ? error.message : String(error);
}

/** Applies `change` to the active plan: null when it took, else the refusal to show (the plan is unchanged). */
export function editRefusal(change: (draft: Plan) => void): string | null {
	try {
		plan.update(change);
		return null;
	} catch (error) {
		return m.plan_refused({ reason: reasonOf(error) });
	}
}
