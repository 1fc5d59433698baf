/**
 * Boundaries outside their regency (issue 18 point 5): the real Kukar and Berau shapes from
 * ../shared/geo pass; the same shapes moved by one UTM zone (6° of longitude, the classic wrong `.prj`),
 * or one of their features moved far from the rest, are refused with the file, the feature and why.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diskWilayah } from '../../src/cli/wilayah';
import { boxOfCoordinates, unionBox } from '../../src/lib/core/geo/extent';
import { matchBoundaries } from '../../src/lib/core/geo/match';
import { BoundaryFileError } from '../../src/lib/core/geo/read';
import { BUNDLED_REGENCY_BOXES, checkWithinRegency } from '../../src/lib/core/geo/regency-extent';
import type { InputFeature } from '../../src/lib/core/geo/types';
import type { Reference } from '../../src/lib/core/reference';
import { loadRegencyReference } from '../../src/lib/core/wilayah';
import { errorText } from '../../src/lib/words/error-text';
import { islandPosition } from '../../scripts/island-position';

const shared = (name: string) =>
	JSON.parse(readFileSync(new URL(`../../../shared/geo/${name}`, import.meta.url), 'utf8')) as { features: InputFeature[] };
const bundled = (name: string) =>
	JSON.parse(readFileSync(new URL(`../../data/boundaries/${name}`, import.meta.url), 'utf8')) as { features: InputFeature[] };
const kukar = JSON.parse(readFileSync(new URL('../../data/reference.json', import.meta.url), 'utf8')) as Reference;

function moved(features: readonly InputFeature[], dx: number, which: (index: number) => boolean = () => true): InputFeature[] {
	const shift = (value: unknown): unknown =>
		Array.isArray(value) && typeof value[0] === 'number'
			? [(value[0] as number) + dx, value[1]]
			: Array.isArray(value)
				? value.map(shift)
				: value;
	return features.map((feature, index) =>
		which(index) && feature.geometry
			? { ...feature, geometry: { ...feature.geometry, coordinates: shift(feature.geometry.coordinates) } }
			: feature
	);
}

function refusal(run: () => void): BoundaryFileError {
	try {
		run();
	} catch (error) {
		if (error instanceof BoundaryFileError) return error;
		throw error;
	}
	throw new Error('not refused');
}

function check(file: string, features: readonly InputFeature[], reference: Reference, level: 'village' | 'kecamatan' = 'village') {
	return () => checkWithinRegency(file, matchBoundaries(features, reference, level), reference);
}

describe('boundaries inside their regency', () => {
	let berau: Reference;
	beforeAll(async () => {
		berau = (await loadRegencyReference(diskWilayah, '64.03')) as Reference;
	});

	it("keeps Kukar's bundled box equal to the bundled shapes", () => {
		for (const name of ['kukar-desa.geojson', 'kukar-kecamatan.geojson']) {
			const box = unionBox(bundled(name).features.map((f) => boxOfCoordinates(f.geometry?.coordinates)));
			const kept = BUNDLED_REGENCY_BOXES['64.02'];
			expect(box && kept && Math.abs(box.west - kept.west) < 0.05 && Math.abs(box.east - kept.east) < 0.05).toBe(true);
			expect(box && kept && Math.abs(box.south - kept.south) < 0.05 && Math.abs(box.north - kept.north) < 0.05).toBe(true);
		}
	});

	it('accepts the real Kukar and Berau shapes, villages and kecamatan', () => {
		expect(check('kukar-desa.geojson', shared('kukar-desa.geojson').features, kukar)).not.toThrow();
		expect(check('kukar-desa.simplified.geojson', shared('kukar-desa.simplified.geojson').features, kukar)).not.toThrow();
		expect(check('kukar-kecamatan.geojson', shared('kukar-kecamatan.geojson').features, kukar, 'kecamatan')).not.toThrow();
		expect(berau.islands).toMatchObject({ count: 71 });
		expect(check('berau-desa.geojson', shared('berau-desa.geojson').features, berau)).not.toThrow();
		expect(check('berau-kecamatan.geojson', shared('berau-kecamatan.geojson').features, berau, 'kecamatan')).not.toThrow();
	});

	it('refuses Kukar one UTM zone off, naming the first feature and the bundled box', () => {
		const error = refusal(check('kukar-zona-49.geojson', moved(shared('kukar-desa.geojson').features, -6), kukar));
		expect(error.said.code).toBe('boundary.outside_regency');
		expect(error.feature).toBe(1);
		expect(errorText(error)).toMatch(
			/^Berkas 'kukar-zona-49\.geojson', fitur ke-1 \(64\.02\.\d\d\.\d{4}\): koordinat \(1\d\d\.\d+, -?\d\.\d+\) berada di luar Kabupaten Kutai Kartanegara \(batas bawaan: bujur\/lintang 115\.2322, -1\.140\d, 117\.6279, 1\.5313\)/
		);
	});

	it('refuses one Kukar village drawn 0.5° beyond the regency, and names it', () => {
		const features = moved(shared('kukar-desa.geojson').features, 1.2, (index) => index === 40);
		const error = refusal(check('kukar-satu-geser.geojson', features, kukar));
		expect(error.said.code).toBe('boundary.outside_regency');
		expect(error.feature).toBe(41);
	});

	it('refuses Berau one UTM zone off: nowhere near its 71 islands', () => {
		const error = refusal(check('berau-zona-49.geojson', moved(shared('berau-desa.geojson').features, -6), berau));
		expect(error.said.code).toBe('boundary.away_from_islands');
		expect(errorText(error)).toMatch(
			/^Berkas 'berau-zona-49\.geojson' mencakup hampir semua wilayah Kabupaten Berau, tetapi .* jauh dari 71 pulau/
		);
	});

	it('refuses one Berau village moved a zone away from the others, naming it', () => {
		const features = moved(shared('berau-desa.geojson').features, 6, (index) => index === 7);
		const error = refusal(check('berau-satu-zona.geojson', features, berau));
		expect(error.said.code).toBe('boundary.far_from_others');
		expect(error.feature).toBe(8);
		expect(errorText(error)).toContain("Berkas 'berau-satu-zona.geojson', fitur ke-8 (");
	});

	it('does not judge a part of a regency by islands it does not cover', () => {
		const part = moved(
			shared('berau-desa.geojson').features.filter((_, index) => index < 10),
			-6
		);
		expect(check('berau-sebagian.geojson', part, berau)).not.toThrow();
	});

	it("reads Kemendagri's island coordinates", () => {
		const [x, y] = islandPosition(`00°38'21.99" S 117°28'50.99" E`) ?? [];
		expect(x).toBeCloseTo(117 + 28 / 60 + 50.99 / 3600, 6);
		expect(y).toBeCloseTo(-(38 / 60 + 21.99 / 3600), 6);
		expect(islandPosition('')).toBeNull();
	});
});
