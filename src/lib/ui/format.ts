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
