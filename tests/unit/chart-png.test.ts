/** A chart's PNG: ECharts' data URL → Blob (bytes and type intact), and the file's name. */
import { describe, expect, it } from 'vitest';
import { chartFileName, dataUrlToBlob } from '../../src/lib/ui/chart/png';

/** The 8-byte PNG signature and an IHDR chunk's start: enough to recognise the bytes coming back. */
const PNG_START = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];

describe('a chart as a PNG file', () => {
	it('turns a base64 data URL into a Blob of the same bytes and type', async () => {
		// "iVBORw0KGgoAAAANSUhEUg==" is the base64 of PNG_START, worked out by hand in groups of three bytes.
		const blob = dataUrlToBlob('data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==');
		expect(blob.type).toBe('image/png');
		expect(blob.size).toBe(16);
		expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual(PNG_START);
	});

	it('keeps every byte value 0–255 (a byte is not a character)', async () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		const blob = dataUrlToBlob(`data:image/png;base64,${Buffer.from(bytes).toString('base64')}`);
		expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
	});

	it('refuses what is not a base64 data URL', () => {
		expect(() => dataUrlToBlob('data:image/png,plain')).toThrow('not a base64 data URL');
		expect(() => dataUrlToBlob('https://example.org/chart.png')).toThrow('not a base64 data URL');
	});

	it("names the file after the chart and the user's date", () => {
		expect(chartFileName('coverage-rtlh', new Date(2026, 11, 4, 23, 59))).toBe('tepat-coverage-rtlh-2026-12-04.png');
		expect(chartFileName('verval rounds/2', new Date(2027, 0, 9))).toBe('tepat-verval_rounds_2-2027-01-09.png');
	});
});
