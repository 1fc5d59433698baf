/**
 * The edits the funding-line table makes to a plan draft, without Svelte. A line imported from a
 * partner's pledge (it has a `pledge`) is read-only here: its name, kind, budget and presence are the
 * Mitra screen's to change, so these edits leave it as it is. Every edit changes a line by spreading
 * it, so the fields this table does not show (`units`, `villages`, `pledge`) are kept.
 */
import type { FundingKind, FundingLine, Plan, ProgrammeId } from '$lib/core/plan';

export function isPledgeLine(line: FundingLine | undefined): boolean {
	return line?.pledge !== undefined;
}

/** Replaces line `i` by `change(line)`, unless it is a pledge's line or there is none. */
function changeLine(draft: Plan, i: number, change: (line: FundingLine) => FundingLine): void {
	const line = draft.fundingLines[i];
	if (!line || isPledgeLine(line)) return;
	draft.fundingLines[i] = change(line);
}

export function renameLine(draft: Plan, i: number, name: string): void {
	changeLine(draft, i, (line) => ({ ...line, name }));
}

export function setLineKind(draft: Plan, i: number, kind: FundingKind): void {
	changeLine(draft, i, (line) => ({ ...line, kind }));
}

/** A Rupiah budget for a programme; 0 takes the programme off the line. */
export function setLineBudget(draft: Plan, i: number, programme: ProgrammeId, rupiah: number): void {
	changeLine(draft, i, (line) => {
		const budgets = { ...line.budgets };
		if (rupiah === 0) delete budgets[programme];
		else budgets[programme] = rupiah;
		return { ...line, budgets };
	});
}

/** Moves line `i` by `by` places (the draw order); a pledge's line moves too, unchanged. */
export function moveLine(draft: Plan, i: number, by: number): void {
	const [line] = draft.fundingLines.splice(i, 1);
	if (line) draft.fundingLines.splice(i + by, 0, line);
}

export function removeLine(draft: Plan, i: number): void {
	if (isPledgeLine(draft.fundingLines[i])) return;
	draft.fundingLines.splice(i, 1);
}

export function addLine(draft: Plan, id: string, name: string): void {
	draft.fundingLines.push({ id, name, kind: 'other', budgets: {} });
}
