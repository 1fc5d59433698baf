/**
 * The active plan as app state: read from localStorage on start, saved on every change, opened from
 * and saved to a file. A plan file that does not validate is refused with its message and the current
 * plan is kept. `revision` changes with every edit so derived figures know when to recompute.
 */
import { checkPlanSize, defaultPlan, parsePlan, PlanFileError, serialisePlan, type Plan } from '$lib/core/plan';
import { download, safeFileStem } from './download';
import { readStoredPlan, writeStoredPlan } from './plan-store';
import { errorText } from '$lib/words/error-text';

/** The local calendar date, YYYY-MM-DD (a plan is dated where it is made). */
function today(): string {
	const now = new Date(Date.now());
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export class PlanModel {
	current = $state.raw<Plan>(defaultPlan());
	revision = $state(0);
	/** The last refused file or stored copy, in Indonesian. */
	error = $state<string | null>(null);
	/** False when the last change could not be stored in this browser. */
	stored = $state(true);

	#restored = false;

	/** Reads the stored plan once (idempotent). */
	restore(): void {
		if (this.#restored) return;
		this.#restored = true;
		const stored = readStoredPlan();
		if (stored.plan) this.#set(stored.plan, false);
		else if ('error' in stored && stored.error) this.error = stored.error;
	}

	/** Applies an edit to a copy of the plan and dates it today; the edit must keep the plan valid (it is re-checked). */
	update(edit: (draft: Plan) => void): void {
		const draft = structuredClone($state.snapshot(this.current)) as Plan;
		edit(draft);
		draft.date = today();
		this.#set(draft, true);
	}

	replace(plan: Plan): void {
		this.#set(plan, true);
	}

	/** Back to the default settings; the plan keeps its name and what its BNBA prints (letterhead, signatories). */
	reset(): void {
		const { print } = this.current;
		this.#set({ ...defaultPlan(), name: this.current.name, date: today(), ...(print ? { print } : {}) }, true);
	}

	/** Opens a plan file; false (with `error` set) when it is refused, the current plan untouched. */
	async open(file: File): Promise<boolean> {
		try {
			checkPlanSize(file.size, file.name);
			this.#set(parsePlan(await file.text(), file.name), true);
			return true;
		} catch (error) {
			this.error = error instanceof PlanFileError ? errorText(error) : `Berkas rencana '${file.name}' tidak terbaca.`;
			return false;
		}
	}

	save(): void {
		download(serialisePlan(this.current), `rencana-${safeFileStem(this.current.name)}.json`, 'application/json');
	}

	#set(plan: Plan, persist: boolean): void {
		// Validating every change keeps an impossible plan out of the SQL.
		const checked = parsePlan(serialisePlan(plan), 'rencana');
		this.current = checked;
		this.error = null;
		this.revision++;
		if (persist) this.stored = writeStoredPlan(checked);
	}
}

export const plan = new PlanModel();
