/**
 * Visit dates as field files write them: ISO (`2026-11-03`), Indonesian day-first (`03/11/2026`,
 * `3-11-2026 10.15.22`), a Google Forms timestamp in the form owner's locale (`11/3/2026 10:15:22` from an
 * English account: month first), or an Excel serial day number. Slash dates are ambiguous one by one,
 * so the order is decided per column: a first part above 12 proves day-first, a second part above 12
 * proves month-first; a column proving both is refused, and one proving neither takes its default
 * (month-first only for an English `Timestamp` column, day-first for everything Indonesian).
 */
export type DayOrder = 'dmy' | 'mdy';

export interface ColumnDates {
	order: DayOrder;
	/** How the order was decided: by a value that proves it, or by the column's default. */
	basis: 'proved' | 'default';
	/** Value as written → ISO date; values that are not a date are absent. */
	dates: Map<string, string>;
	/** Values that are not a date (or not a real day, like 31/02/2026). */
	unreadable: string[];
}

export class AmbiguousDatesError extends Error {
	constructor(
		readonly dayFirst: string,
		readonly monthFirst: string
	) {
		super(`dates in both orders: ${dayFirst} / ${monthFirst}`);
		this.name = 'AmbiguousDatesError';
	}
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ ,T].*)?$/;
/** Excel's day numbers for 1990-01-01 … 2099-12-31, optionally with a time fraction. */
const SERIAL = /^(\d{5})(?:\.\d+)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoOf(year: number, month: number, day: number): string | null {
	const time = Date.UTC(year, month - 1, day);
	const d = new Date(time);
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
	return d.toISOString().slice(0, 10);
}

function fullYear(text: string): number {
	const n = Number(text);
	return text.length === 2 ? 2000 + n : n;
}

function parse(value: string, order: DayOrder): string | null {
	const text = value.trim();
	const iso = ISO.exec(text);
	if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	const slashed = SLASHED.exec(text);
	if (slashed) {
		const [a, b] = [Number(slashed[1]), Number(slashed[2])];
		const year = fullYear(slashed[3] ?? '');
		return order === 'dmy' ? isoOf(year, b, a) : isoOf(year, a, b);
	}
	const serial = SERIAL.exec(text);
	if (serial) {
		const days = Number(serial[1]);
		if (days < 32874 || days > 73415) return null;
		return new Date(EXCEL_EPOCH_MS + days * 86_400_000).toISOString().slice(0, 10);
	}
	return null;
}

/** Reads the distinct values of one date column. `englishTimestamp`: the column is Google Forms' `Timestamp`. */
export function readColumnDates(values: readonly string[], englishTimestamp = false): ColumnDates {
	let dayFirst: string | null = null;
	let monthFirst: string | null = null;
	for (const value of values) {
		const slashed = SLASHED.exec(value.trim());
		if (!slashed) continue;
		if (Number(slashed[1]) > 12 && dayFirst === null) dayFirst = value;
		if (Number(slashed[2]) > 12 && monthFirst === null) monthFirst = value;
	}
	if (dayFirst !== null && monthFirst !== null) throw new AmbiguousDatesError(dayFirst, monthFirst);
	const proved: DayOrder | null = dayFirst !== null ? 'dmy' : monthFirst !== null ? 'mdy' : null;
	const order = proved ?? (englishTimestamp ? 'mdy' : 'dmy');
	const dates = new Map<string, string>();
	const unreadable: string[] = [];
	for (const value of values) {
		if (value.trim() === '') continue;
		const date = parse(value, order);
		if (date === null) unreadable.push(value);
		else dates.set(value, date);
	}
	return { order, basis: proved ? 'proved' : 'default', dates, unreadable };
}
