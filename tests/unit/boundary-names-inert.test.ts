/**
 * Issue 18 point 4, boundaries: a boundary file's own names never reach a CSV or XLSX. A matched
 * feature is drawn and exported under the reference's name (core/geo/match.ts); the file's text stays
 * only beside it, as `nama_asli`, which no export reads. Names that do reach files (reference, register)
 * are covered by cli-formula.test.ts and xlsx-safe.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { matchBoundaries } from '../../src/lib/core/geo/match';
import type { InputFeature } from '../../src/lib/core/geo/types';
import { TINY_REFERENCE } from '../fixtures/ingest';

const square = (x: number): InputFeature['geometry'] => ({
	type: 'Polygon',
	coordinates: [
		[
			[116 + x, -0.4],
			[116.01 + x, -0.4],
			[116.01 + x, -0.39],
			[116 + x, -0.4]
		]
	]
});

describe('a hostile boundary file', () => {
	it('its matched villages carry the reference names; the file’s text is kept aside, never as the name', () => {
		const hostile = ['=HYPERLINK("http://x","y")', '+1+2', '@SUM(A1)', '\t=1+1\uFFFE'];
		const features: InputFeature[] = TINY_REFERENCE.villages.map((v, i) => ({
			properties: { KODE: v.kode.replaceAll('.', ''), nama: hostile[i % hostile.length], WADMKC: `-${v.kecamatan_nama}` },
			geometry: square(i * 0.02)
		}));
		const { collection, report } = matchBoundaries(features, TINY_REFERENCE, 'village');
		expect(report.byCode).toBe(TINY_REFERENCE.villages.length);
		const byKode = new Map(TINY_REFERENCE.villages.map((v) => [v.kode, v.nama]));
		for (const feature of collection.features) {
			expect(feature.properties.nama).toBe(byKode.get(feature.properties.kode));
			expect(hostile).toContain(feature.properties.nama_asli);
		}
	});
});
