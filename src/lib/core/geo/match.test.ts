import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Reference } from '../reference';
import { codeDigits, featureLabel, kecamatanNameKey, matchBoundaries, villageNameKey } from './match';
import type { InputFeature } from './types';

/** A made-up regency (not Kukar): the matcher must work on whatever reference it is given. */
const UJI: Reference = {
	kabupaten: { kode: '63.09', nama: 'Kabupaten Uji' },
	kecamatan: [
		{ kode: '63.09.01', nama: 'Alpha', zona: 'hulu' },
		{ kode: '63.09.02', nama: 'Beta', zona: 'pesisir' }
	],
	villages: [
		{ kode: '63.09.01.1001', nama: 'Kota Alpha', jenis: 'kelurahan', kecamatan_kode: '63.09.01', kecamatan_nama: 'Alpha', zona: 'hulu' },
		{ kode: '63.09.01.2001', nama: 'Sungai Baru', jenis: 'desa', kecamatan_kode: '63.09.01', kecamatan_nama: 'Alpha', zona: 'hulu' },
		{ kode: '63.09.01.2002', nama: 'Sanga-Sanga Dalam', jenis: 'desa', kecamatan_kode: '63.09.01', kecamatan_nama: 'Alpha', zona: 'hulu' },
		{ kode: '63.09.02.2001', nama: 'Sungai Baru', jenis: 'desa', kecamatan_kode: '63.09.02', kecamatan_nama: 'Beta', zona: 'pesisir' },
		{ kode: '63.09.02.2002', nama: 'Beta', jenis: 'desa', kecamatan_kode: '63.09.02', kecamatan_nama: 'Beta', zona: 'pesisir' },
		{ kode: '63.09.02.2003', nama: 'Tanjung', jenis: 'desa', kecamatan_kode: '63.09.02', kecamatan_nama: 'Beta', zona: 'pesisir' }
	],
	attribution: ''
};

let nextSquare = 0;
/** A distinct small closed square per call, so merged geometries can be told apart. */
function square(): { type: 'Polygon'; coordinates: number[][][] } {
	const x = 115 + nextSquare++ * 0.1;
	return {
		type: 'Polygon',
		coordinates: [
			[
				[x, -1],
				[x + 0.05, -1],
				[x + 0.05, -0.95],
				[x, -0.95],
				[x, -1]
			]
		]
	};
}

const feature = (properties: Record<string, unknown> | null, geometry: InputFeature['geometry'] = square()): InputFeature => ({
	properties,
	geometry
});

describe('codes and names as compared', () => {
	it('reads a village code dotted, undotted, spaced, dashed, unpadded or as a number', () => {
		const village = [2, 2, 2, 4];
		for (const value of ['63.09.01.2001', '6309012001', ' 63 09 01 2001 ', '63-09-01-2001', '63.9.1.2001', 6309012001]) {
			expect(codeDigits(value, village), String(value)).toBe('6309012001');
		}
		expect(codeDigits('63.09.01', village)).toBeNull();
		expect(codeDigits('Desa 6309012001', village)).toBeNull();
		expect(codeDigits(6309012001.5, village)).toBeNull();
		expect(codeDigits(null, village)).toBeNull();
		expect(codeDigits('63.09.01', [2, 2, 2])).toBe('630901');
		expect(codeDigits(630901, [2, 2, 2])).toBe('630901');
	});

	it('ignores case, spacing, punctuation and Desa/Kelurahan/Kel./Ds. prefixes, never the whole name', () => {
		const key = villageNameKey('Sungai Baru');
		for (const value of ['DESA SUNGAI BARU', 'Kelurahan sungai baru', 'Kel. Sungai  Baru', 'Ds.Sungai-Baru', ' desa desa Sungai Baru ']) {
			expect(villageNameKey(value), value).toBe(key);
		}
		expect(villageNameKey('Sangasanga Dalam')).toBe(villageNameKey('Sanga-Sanga Dalam'));
		expect(villageNameKey('Kampung Baru')).toBe('kampungbaru');
		expect(villageNameKey('Desa')).toBe('desa');
		expect(villageNameKey('6309012001')).toBeNull();
		expect(kecamatanNameKey('KEC. BETA')).toBe('beta');
		expect(kecamatanNameKey('Kecamatan Beta')).toBe('beta');
	});

	it('labels a feature by its name-like properties', () => {
		expect(featureLabel({ OBJECTID: 7, NAMOBJ: 'Desa X', WADMKC: 'Beta', LUAS: 3 })).toBe('NAMOBJ: Desa X · WADMKC: Beta');
		expect(featureLabel({ OBJECTID: 7, LUAS: 3 })).toBe('OBJECTID: 7 · LUAS: 3');
		expect(featureLabel(null)).toBe('');
	});
});

describe('matching features to villages', () => {
	it('matches by code in any property and any form, keeping the original properties', () => {
		const { collection, report } = matchBoundaries(
			[
				feature({ KDEPUM: '63.09.02.2003', NAMOBJ: 'Tanjung' }),
				feature({ KD_DESA: '6309012001', NAMA: 'nama lain' }),
				feature({ kode: 6309011001, nama: 'KOTA ALPHA' }),
				feature({ ID: 'x', code: '63 09 02 2002' })
			],
			UJI,
			'village'
		);
		expect(report).toMatchObject({ features: 4, units: 6, matched: 4, byCode: 4, byName: 0, unmatched: [], duplicates: [] });
		expect(report.missing).toEqual([
			{ kode: '63.09.01.2002', nama: 'Sanga-Sanga Dalam', kecamatan_nama: 'Alpha' },
			{ kode: '63.09.02.2001', nama: 'Sungai Baru', kecamatan_nama: 'Beta' }
		]);
		// One feature per village, in code order, with the canonical code, name and kecamatan.
		expect(collection.features.map((f) => f.properties.kode)).toEqual(['63.09.01.1001', '63.09.01.2001', '63.09.02.2002', '63.09.02.2003']);
		expect(collection.features[0]?.properties).toEqual({
			kode: '63.09.01.1001',
			kode_asli: 6309011001,
			nama: 'Kota Alpha',
			nama_asli: 'KOTA ALPHA',
			kecamatan_kode: '63.09.01'
		});
		expect(collection.features[1]?.properties).toMatchObject({ KD_DESA: '6309012001', NAMA: 'nama lain', nama: 'Sungai Baru' });
	});

	it('trusts the property that matched most features when two properties hold codes', () => {
		// KODE_BPS comes first and, for the first feature, happens to be another village's Kemendagri code.
		const { collection, report } = matchBoundaries(
			[
				feature({ KODE_BPS: '6309022003', KDEPUM: '63.09.01.2001' }),
				feature({ KODE_BPS: '6309010010', KDEPUM: '63.09.01.1001' }),
				feature({ KODE_BPS: '6309020020', KDEPUM: '63.09.02.2002' })
			],
			UJI,
			'village'
		);
		expect(report.byCode).toBe(3);
		expect(collection.features.map((f) => f.properties.kode)).toEqual(['63.09.01.1001', '63.09.01.2001', '63.09.02.2002']);
	});

	it('matches names with prefixes and another case within the kecamatan named by another property', () => {
		const { collection, report } = matchBoundaries(
			[
				feature({ NAMA_DESA: 'DESA SUNGAI BARU', KECAMATAN: 'KEC. BETA' }),
				feature({ NAMA_DESA: 'Ds. sungai baru', KD_KEC: '630901' }),
				feature({ NAMA_DESA: 'kelurahan KOTA alpha', KECAMATAN: 'alpha' }),
				feature({ NAMA_DESA: 'Sangasanga  Dalam', KECAMATAN: 'Alpha' }),
				// "Beta" is the kecamatan and a desa in it.
				feature({ NAMA_DESA: 'Desa Beta', KECAMATAN: 'Beta' }),
				feature({ NAMA_DESA: 'Tanjung', KECAMATAN: 'Beta' })
			],
			UJI,
			'village'
		);
		expect(report).toMatchObject({ features: 6, matched: 6, byCode: 0, byName: 6, unmatched: [], missing: [] });
		const byName = new Map(collection.features.map((f) => [f.properties.NAMA_DESA, f.properties.kode]));
		expect(Object.fromEntries(byName)).toEqual({
			'DESA SUNGAI BARU': '63.09.02.2001',
			'Ds. sungai baru': '63.09.01.2001',
			'kelurahan KOTA alpha': '63.09.01.1001',
			'Sangasanga  Dalam': '63.09.01.2002',
			'Desa Beta': '63.09.02.2002',
			Tanjung: '63.09.02.2003'
		});
	});

	it('matches a desa named like its kecamatan, but never turns an unknown name into that desa', () => {
		const { collection, report } = matchBoundaries(
			[
				feature({ NAMOBJ: 'Beta', WADMKC: 'Beta' }),
				feature({ NAMOBJ: 'Tanjung', WADMKC: 'Beta' }),
				feature({ NAMOBJ: 'Pulau Entah', WADMKC: 'Beta' }),
				feature({ NAMOBJ: 'Kota Alpha', WADMKC: 'Alpha' })
			],
			UJI,
			'village'
		);
		expect(collection.features.map((f) => f.properties.kode)).toEqual(['63.09.01.1001', '63.09.02.2002', '63.09.02.2003']);
		expect(report.unmatched).toEqual([{ index: 2, label: 'NAMOBJ: Pulau Entah · WADMKC: Beta', reason: 'no-match' }]);
	});

	it('without a kecamatan, matches a name only when it is unique and reports the rest as ambiguous', () => {
		const { report } = matchBoundaries(
			[feature({ NAMOBJ: 'Tanjung' }), feature({ NAMOBJ: 'Desa Sungai Baru' }), feature({ NAMOBJ: 'Kota Alpha' })],
			UJI,
			'village'
		);
		expect(report.byName).toBe(2);
		expect(report.unmatched).toEqual([
			{ index: 1, label: 'NAMOBJ: Desa Sungai Baru', reason: 'ambiguous', detail: '63.09.01.2001, 63.09.02.2001' }
		]);
	});

	it('reports unmatched features with their index and label, villages without a shape, and bad geometry', () => {
		const { collection, report } = matchBoundaries(
			[
				feature({ KODE: '6309012001' }),
				feature({ NAMA: 'Desa Entah', KECAMATAN: 'Beta' }),
				feature({ NAMA: 'Tanjung' }, { type: 'Point', coordinates: [115, -1] }),
				feature({ NAMA: 'Beta' }, null),
				feature(
					{ NAMA: 'Kota Alpha' },
					{
						type: 'Polygon',
						coordinates: [
							[
								[115, -1],
								[116, -1],
								[115, -1]
							]
						]
					}
				),
				feature(null)
			],
			UJI,
			'village'
		);
		expect(collection.features).toHaveLength(1);
		expect(report).toMatchObject({ features: 6, matched: 1, byCode: 1, byName: 0 });
		expect(report.unmatched).toEqual([
			{ index: 1, label: 'NAMA: Desa Entah · KECAMATAN: Beta', reason: 'no-match' },
			{ index: 2, label: 'NAMA: Tanjung', reason: 'geometry', detail: 'Point' },
			{ index: 3, label: 'NAMA: Beta', reason: 'geometry', detail: 'null' },
			{ index: 4, label: 'NAMA: Kota Alpha', reason: 'geometry', detail: 'Polygon' },
			{ index: 5, label: '', reason: 'no-match' }
		]);
		expect(report.missing.map((v) => v.kode)).toEqual([
			'63.09.01.1001',
			'63.09.01.2002',
			'63.09.02.2001',
			'63.09.02.2002',
			'63.09.02.2003'
		]);
	});

	it('merges two features for one village into a MultiPolygon and lists the extra one', () => {
		const first = square();
		const second = square();
		const { collection, report } = matchBoundaries(
			[feature({ KODE: '63.09.02.2003', PART: 'a' }, first), feature({ NAMA: 'Tanjung', KEC: 'Beta', PART: 'b' }, second)],
			UJI,
			'village'
		);
		expect(report).toMatchObject({ matched: 1, byCode: 1, byName: 1 });
		expect(report.duplicates).toEqual([{ index: 1, firstIndex: 0, kode: '63.09.02.2003', nama: 'Tanjung' }]);
		expect(collection.features).toHaveLength(1);
		expect(collection.features[0]?.properties.PART).toBe('a');
		expect(collection.features[0]?.geometry).toEqual({
			type: 'MultiPolygon',
			coordinates: [first.coordinates, second.coordinates]
		});
	});

	it('does not match another regency by name: foreign codes and unknown kecamatan are reported', () => {
		const { report } = matchBoundaries(
			[
				feature({ KDEPUM: '63.09.02.2003', NAMOBJ: 'Tanjung', WADMKC: 'Beta' }),
				feature({ KDEPUM: '63.10.01.2001', NAMOBJ: 'Tanjung', WADMKC: 'Gamma' }),
				feature({ KDEPUM: '', NAMOBJ: 'Kota Alpha', WADMKC: 'Delta' }),
				feature({ KDEPUM: '', NAMOBJ: 'Sanga Sanga Dalam', WADMKC: 'Alpha' })
			],
			UJI,
			'village'
		);
		expect(report).toMatchObject({ matched: 2, byCode: 1, byName: 1 });
		expect(report.unmatched.map(({ index, reason, detail }) => ({ index, reason, detail }))).toEqual([
			{ index: 1, reason: 'outside', detail: '63.10.01.2001' },
			{ index: 2, reason: 'kecamatan-unknown', detail: 'Delta' }
		]);
	});

	it('matches kecamatan by code in any form or by name with a Kecamatan prefix; a 6-digit area is no code', () => {
		const { collection, report } = matchBoundaries(
			[
				feature({ KDCPUM: '63.09.01', LUAS_HA: 120500 }),
				feature({ NAMA: 'KECAMATAN BETA', LUAS_HA: 250300 }),
				feature({ kode_kec: 630902 }),
				feature({ NAMA: 'Kec. Gamma', LUAS_HA: 99000 })
			],
			UJI,
			'kecamatan'
		);
		expect(report).toMatchObject({ features: 4, units: 2, matched: 2, byCode: 2, byName: 1, missing: [] });
		expect(report.duplicates).toEqual([{ index: 2, firstIndex: 1, kode: '63.09.02', nama: 'Beta' }]);
		expect(report.unmatched).toEqual([{ index: 3, label: 'NAMA: Kec. Gamma', reason: 'no-match' }]);
		expect(collection.features.map((f) => [f.properties.kode, f.properties.nama])).toEqual([
			['63.09.01', 'Alpha'],
			['63.09.02', 'Beta']
		]);
		expect(collection.features[1]?.geometry.type).toBe('MultiPolygon');
	});
});

describe('the bundled Kukar boundaries', () => {
	const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../../../data/${path}`, import.meta.url), 'utf8')) as T;
	const reference = read<Reference>('reference.json');

	it('match every village and kecamatan of the reference by code', () => {
		const desa = matchBoundaries(read<{ features: InputFeature[] }>('boundaries/kukar-desa.geojson').features, reference, 'village');
		expect(desa.report).toMatchObject({
			features: 237,
			units: 237,
			matched: 237,
			byCode: 237,
			byName: 0,
			unmatched: [],
			missing: [],
			duplicates: []
		});
		const kecamatan = matchBoundaries(
			read<{ features: InputFeature[] }>('boundaries/kukar-kecamatan.geojson').features,
			reference,
			'kecamatan'
		);
		expect(kecamatan.report).toMatchObject({ features: 20, units: 20, matched: 20, byCode: 20, unmatched: [], missing: [] });
	});

	it('match by name alone, prefixed and upper case, except the names used in several kecamatan', () => {
		const features = read<{ features: { properties: { nama: string }; geometry: InputFeature['geometry'] }[] }>(
			'boundaries/kukar-desa.geojson'
		).features.map((f) => feature({ NAMOBJ: `DESA ${f.properties.nama.toUpperCase()}` }, f.geometry));
		const { report } = matchBoundaries(features, reference, 'village');
		// 8 names are shared by 17 villages (Sumber Sari three times): without a kecamatan they are ambiguous.
		expect(report).toMatchObject({ matched: 220, byName: 220 });
		expect(report.unmatched).toHaveLength(17);
		expect(new Set(report.unmatched.map((u) => u.reason))).toEqual(new Set(['ambiguous']));
	});
});
