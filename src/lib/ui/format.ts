/** Display formatting for the UI. Numbers are always id-ID (1.234.567), whatever the UI language. */

const integer = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export function formatCount(value: number | bigint | null | undefined): string {
	if (value === null || value === undefined) return '–';
	return integer.format(typeof value === 'bigint' ? value : Math.round(value));
}

/** A rate or threshold with one decimal: 12,5 (null: no data, shown as a dash). */
export function formatDecimal(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	return oneDecimal.format(value);
}

export function formatSeconds(ms: number): string {
	return oneDecimal.format(ms / 1000);
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${integer.format(bytes)} B`;
	if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} KB`;
	if (bytes < 1024 * 1024 * 1024) return `${oneDecimal.format(bytes / 1024 / 1024)} MB`;
	return `${oneDecimal.format(bytes / 1024 / 1024 / 1024)} GB`;
}

export function formatDateTime(iso: string, locale: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function toNumber(value: number | bigint | null | undefined): number {
	if (value === null || value === undefined) return 0;
	return typeof value === 'bigint' ? Number(value) : value;
}

const shortNumber = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** Rupiah in full, for tables and exports: "Rp 1.234.567". */
export function formatRupiah(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	return `Rp ${integer.format(Math.round(value))}`;
}

/** Rupiah short, for summaries: "Rp 450 rb", "Rp 1,8 jt", "Rp 12,5 M", "Rp 1,2 T". */
export function formatRupiahShort(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const sign = value < 0 ? '-' : '';
	const abs = Math.abs(value);
	const steps: [number, string][] = [
		[1e12, 'T'],
		[1e9, 'M'],
		[1e6, 'jt'],
		[1e3, 'rb']
	];
	for (const [i, [size, unit]] of steps.entries()) {
		if (abs < size) continue;
		// 999.960 rb would read "1.000 rb": one unit up it is "1 jt".
		const up = steps[i - 1];
		if (up && Math.round((abs / size) * 10) >= 10_000) return `${sign}Rp ${shortNumber.format(abs / up[0])} ${up[1]}`;
		return `${sign}Rp ${shortNumber.format(abs / size)} ${unit}`;
	}
	return `${sign}Rp ${integer.format(Math.round(abs))}`;
}

/**
 * A Rupiah amount as typed: digits with optional id-ID thousands dots or spaces and an optional "Rp"
 * ("5.000.000.000", "Rp 5 000 000"); null when it is not a whole non-negative amount.
 */
export function parseRupiah(text: string): number | null {
	const cleaned = text
		.trim()
		.replace(/^rp\.?\s*/i, '')
		.replace(/[.\s_]/g, '');
	if (!/^\d{1,16}$/.test(cleaned)) return null;
	const n = Number(cleaned);
	return Number.isSafeInteger(n) ? n : null;
}
