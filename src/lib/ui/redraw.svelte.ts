import { tick } from 'svelte';

/**
 * Puts a form's controls back to the plan in force after an edit the plan refused or normalised. Svelte
 * writes `value={…}` or `checked={…}` only when the value changes, and a refused edit changes nothing,
 * so the control would keep what was typed. Controls inside `{#key redraw.count}` are drawn anew from
 * the plan instead of having their DOM written. Drawing anew drops the focus, so the control that had
 * it (found again by its data-testid, inside its nearest ancestor that stayed) gets it back.
 */
export class Redraw {
	count = $state(0);

	now = (): void => {
		const focused = document.activeElement;
		const testid = focused instanceof HTMLElement ? focused.dataset.testid : undefined;
		const ancestors: Element[] = [];
		for (let e = focused?.parentElement; e; e = e.parentElement) ancestors.push(e);
		this.count++;
		if (testid === undefined) return;
		void tick().then(() => {
			if (document.activeElement !== null && document.activeElement !== document.body) return;
			const stayed = ancestors.find((e) => e.isConnected);
			stayed?.querySelector<HTMLElement>(`[data-testid="${CSS.escape(testid)}"]`)?.focus();
		});
	};
}
