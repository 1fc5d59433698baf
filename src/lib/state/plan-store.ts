/**
 * The active plan in localStorage: small JSON that must outlive a reload and "Hapus data tersimpan"
 * (that clears the register, not the user's decisions). Read back through planOf like a plan file, so
 * a damaged copy is refused (and reported) rather than half-applied.
 */
import { planOf, serialisePlan, type Plan } from '$lib/core/plan';
import { errorText } from '$lib/words/error-text';

const KEY = 'tepat.plan.v1';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export type StoredPlan = { plan: Plan } | { plan: null; error?: string };

export function readStoredPlan(): StoredPlan {
	const text = storage()?.getItem(KEY);
	if (!text) return { plan: null };
	try {
		return { plan: planOf(JSON.parse(text), 'localStorage') };
	} catch (error) {
		return { plan: null, error: errorText(error) };
	}
}

/** False when the browser refused to store it (quota, privacy mode). */
export function writeStoredPlan(plan: Plan): boolean {
	try {
		storage()?.setItem(KEY, serialisePlan(plan));
		return true;
	} catch {
		return false;
	}
}
