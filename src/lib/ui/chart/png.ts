/** A chart as a PNG file: ECharts' data URL turned into a Blob, and the file's name. */

/** A base64 data URL (`data:image/png;base64,…`, as ECharts' getDataURL gives) as a Blob of its type. */
export function dataUrlToBlob(url: string): Blob {
	const match = /^data:([^;,]+)(;[^,]*)?,(.*)$/s.exec(url);
	if (!match || !(match[2] ?? '').split(';').includes('base64')) throw new Error('not a base64 data URL');
	const binary = atob(match[3] ?? '');
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return new Blob([bytes], { type: match[1] });
}

/** `tepat-<chart>-<YYYY-MM-DD>.png`, the date the user's own (local). */
export function chartFileName(chart: string, date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
	return `tepat-${chart.replace(/[^\w.-]+/g, '_')}-${day}.png`;
}
