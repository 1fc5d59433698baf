/** One way for every plan form to apply an edit and say, in the UI's words, why the plan refused it. */
import { PlanFileError, type Plan } from '$lib/core/plan';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { plan } from '$lib/state/PlanModel.svelte';
import { planReasonWords } from '$lib/words/plan';
import { errorText } from '$lib/words/error-text';

/** The field and why, without the file an edit does not have. */
function reasonOf(error: unknown): string {
	if (error instanceof PlanFileError && error.said.code === 'plan.field_refused') return planReasonWords(error.said, getLocale());
	return errorText(error);
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
