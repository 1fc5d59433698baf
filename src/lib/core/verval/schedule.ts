/**
 * Whether a kecamatan is behind the verval deadline the user set (issue 13 point 3). The share checked
 * is compared with a straight line from the first round to the deadline: by the deadline everything
 * should be checked, halfway there half of it. Before any round nothing is behind until the deadline
 * itself has passed. Dates are ISO 'YYYY-MM-DD'.
 */
export interface Schedule {
	deadline: string;
	/** Date of the first round (its earliest visit), or null before any. */
	start: string | null;
	today: string;
}

const DAY_MS = 86_400_000;

function day(iso: string): number {
	return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

/** The share of records that should be checked by `today`, from 0 to 1. */
export function expectedShare({ deadline, start, today }: Schedule): number {
	const end = day(deadline);
	const now = day(today);
	if (now >= end) return 1;
	if (start === null) return 0;
	const begin = day(start);
	if (now <= begin || end <= begin) return 0;
	return (now - begin) / (end - begin);
}

/** Behind: fewer checked than the straight line asks for by today (none to check is never behind). */
export function isBehind(checked: number, total: number, schedule: Schedule): boolean {
	if (total <= 0) return false;
	return checked / total < expectedShare(schedule);
}
