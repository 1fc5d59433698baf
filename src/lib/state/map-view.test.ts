import { describe, expect, it } from 'vitest';
import { emptyFigures, type AreaFigures } from '$lib/core/indicators';
import {
	DEFAULT_CHOICES,
	NO_DATA_COLOUR,
	allRampColours,
	choicesOf,
	formatBreaks,
	formatRange,
	mapView,
	parseBreaks,
	parseNumber,
	rampColours,
	rampOf,
	sameSubject,
	type MapChoices
} from './map-view';

/** A village with RTLH `count` of `households` (0 households: no data). */
function village(kode: string, count: number, households: number): AreaFigures {
	const figures = emptyFigures();
	figures.rtlh = { count, denominator: households };
	figures.ats = { count: 1, denominator: households > 0 ? 10 : 0 };
	return { kode, nama: `Desa ${kode}`, kecamatan_kode: kode.slice(0, 8), kecamatan: `Kec ${kode.slice(6, 8)}`, figures };
}

const VILLAGES = [
	village('64.02.01.2001', 1, 10), // 10 %
	village('64.02.01.2002', 2, 10), // 20 %
	village('64.02.01.2003', 3, 10), // 30 %
	village('64.02.02.2001', 4, 10), // 40 %
	village('64.02.02.2002', 8, 10), // 80 %
	village('64.02.02.2003', 0, 0) // no households: no data
];

const choices = (patch: Partial<MapChoices> = {}): MapChoices => ({ ...DEFAULT_CHOICES, ...patch });

describe('map choices', () => {
	it('start on RTLH rates by village in 5 quantile classes', () => {
		expect(choicesOf(null)).toEqual({
			indicator: 'rtlh',
			measure: 'rate',
			level: 'village',
			method: 'quantile',
			classes: 5,
			breaks: '',
			kecamatan: null
		});
	});

	it('read back what was stored, field by field, dropping what is unknown or damaged', () => {
		const stored = {
			indicator: 'water_unsafe',
			measure: 'count',
			level: 'kecamatan',
			method: 'jenks',
			classes: 7,
			breaks: '5; 10',
			kecamatan: '64.02.06'
		};
		expect(choicesOf(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
		expect(
			choicesOf({ indicator: 'nope', measure: 'per', level: 'desa', method: 'kmeans', classes: 12, breaks: 7, kecamatan: '6402' })
		).toEqual({ ...DEFAULT_CHOICES, classes: 7 });
		expect(choicesOf({ classes: 1 }).classes).toBe(3);
		expect(choicesOf('{"indicator":"ats"}')).toEqual(DEFAULT_CHOICES);
	});
});

describe('colours', () => {
	it('use the ramp of the indicator group, as many colours as classes', () => {
		expect(rampOf('rtlh_roof')).toBe('YlOrRd');
		expect(rampOf('ats_sd')).toBe('YlOrRd');
		expect(rampOf('water_conditional')).toBe('PuBu');
		expect(rampOf('paket_b')).toBe('BuPu');
		for (let k = 1; k <= 7; k++) expect(rampColours('PuBu', k)).toHaveLength(k);
		expect(rampColours('YlOrRd', 5)).toEqual(['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026']);
		expect(rampColours('YlOrRd', 0)).toEqual([]);
	});

	it('keep no data grey and apart from every ramp colour', () => {
		expect(NO_DATA_COLOUR).toBe('#cccccc');
		expect(allRampColours()).not.toContain(NO_DATA_COLOUR);
		expect(new Set(allRampColours()).size).toBe(allRampColours().length);
	});
});

describe('manual breaks as typed', () => {
	it('read id-ID numbers: comma decimals, dot thousands', () => {
		expect(parseNumber('12,5')).toBe(12.5);
		expect(parseNumber('1.250')).toBe(1250);
		expect(parseNumber('1.250,75')).toBe(1250.75);
		expect(parseNumber('12.5')).toBe(12.5);
		expect(parseNumber('-3')).toBe(-3);
		expect(parseNumber('12a')).toBeNull();
		expect(parseNumber('')).toBeNull();
	});

	it('split on semicolons or spaces and explain what is wrong', () => {
		expect(parseBreaks('10; 20,5;30')).toEqual([10, 20.5, 30]);
		expect(parseBreaks(' 10 20 ')).toEqual([10, 20]);
		expect(() => parseBreaks('  ')).toThrow('Isi batas antarkelas');
		expect(() => parseBreaks('10; dua puluh')).toThrow('"dua" bukan angka.');
		expect(() => parseBreaks('1;2;3;4;5;6;7')).toThrow('Paling banyak 6 batas antarkelas.');
	});

	it('write breaks back the way they are read', () => {
		expect(formatBreaks([10, 20.5, 1250])).toBe('10; 20,5; 1250');
		expect(parseBreaks(formatBreaks([10, 20.5, 1250]))).toEqual([10, 20.5, 1250]);
	});
});

describe('the classified view', () => {
	it('classes every village with a value and counts the one without apart', () => {
		const view = mapView(VILLAGES, choices({ method: 'equal', classes: 3 }), 'k1');
		expect(view.classification?.breaks).toEqual([10, 33.33333333333333, 56.666666666666664, 80]);
		expect(view.classification?.counts).toEqual([3, 1, 1]);
		expect(view.classification?.missing).toBe(1);
		expect(view.colours).toEqual(rampColours('YlOrRd', 3));
		expect(Object.fromEntries(view.classOf)).toEqual({
			'64.02.01.2001': 0,
			'64.02.01.2002': 0,
			'64.02.01.2003': 0,
			'64.02.02.2001': 1,
			'64.02.02.2002': 2,
			'64.02.02.2003': -1
		});
		expect(view.outside.size).toBe(0);
		expect(view.error).toBeNull();
	});

	it('count and rate class the same villages differently', () => {
		const rate = mapView(VILLAGES, choices({ method: 'manual', breaks: '25' }));
		const count = mapView(VILLAGES, choices({ method: 'manual', breaks: '2,5', measure: 'count' }));
		expect(rate.classification?.breaks).toEqual([10, 25, 80]);
		expect(count.classification?.breaks).toEqual([1, 2.5, 8]);
		expect(rate.values.get('64.02.02.2002')).toBe(80);
		expect(count.values.get('64.02.02.2002')).toBe(8);
		expect(rate.key).not.toBe(count.key);
	});

	it('a kecamatan filter classes only its villages and marks the others outside', () => {
		const view = mapView(VILLAGES, choices({ kecamatan: '64.02.01', method: 'equal', classes: 3 }));
		expect(view.areas.map((a) => a.kode)).toEqual(['64.02.01.2001', '64.02.01.2002', '64.02.01.2003']);
		expect(view.classification?.breaks[0]).toBe(10);
		expect(view.classification?.breaks.at(-1)).toBe(30);
		expect([...view.outside]).toEqual(['64.02.02.2001', '64.02.02.2002', '64.02.02.2003']);
		expect(view.classOf.has('64.02.02.2001')).toBe(false);
		expect(view.filter).toBe('64.02.01');
		// A kecamatan the figures do not know is no filter at all.
		expect(mapView(VILLAGES, choices({ kecamatan: '64.02.99' })).filter).toBeNull();
	});

	it('refused manual breaks leave no classes and say why', () => {
		const view = mapView(VILLAGES, choices({ method: 'manual', breaks: '30; 20' }));
		expect(view.classification).toBeNull();
		expect(view.error).toBe('Batas kelas harus naik: 30 lalu 20.');
		expect([...view.classOf.values()].every((c) => c === -1)).toBe(true);
		expect(sameSubject(view, mapView(VILLAGES, choices()))).toBe(true);
		expect(sameSubject(view, mapView(VILLAGES, choices({ indicator: 'ats' })))).toBe(false);
	});

	it('the colour key changes with the indicator, the measure, the breaks, the filter and the figures', () => {
		const base = mapView(VILLAGES, choices(), 'k1');
		const keys = [
			base.key,
			mapView(VILLAGES, choices({ indicator: 'ats' }), 'k1').key,
			mapView(VILLAGES, choices({ measure: 'count' }), 'k1').key,
			mapView(VILLAGES, choices({ method: 'equal' }), 'k1').key,
			mapView(VILLAGES, choices({ kecamatan: '64.02.02' }), 'k1').key,
			mapView(VILLAGES, choices(), 'k2').key
		];
		expect(new Set(keys).size).toBe(keys.length);
		expect(mapView(VILLAGES, choices(), 'k1').key).toBe(base.key);
	});

	it('an indicator the register has no column for colours nothing: every village is no data, not 0', () => {
		const view = mapView(VILLAGES, choices({ method: 'equal', classes: 3 }), 'k1', new Set(['rtlh']));
		expect(view.classification).toEqual({ method: 'equal', breaks: [], counts: [], missing: VILLAGES.length });
		expect([...view.values.values()]).toEqual(VILLAGES.map(() => null));
		expect([...view.classOf.values()]).toEqual(VILLAGES.map(() => -1));
		expect(view.key).not.toBe(mapView(VILLAGES, choices({ method: 'equal', classes: 3 }), 'k1').key);
		// Another indicator of the same register is classed as before.
		const ats = mapView(VILLAGES, choices({ indicator: 'ats', method: 'equal', classes: 3 }), 'k1', new Set(['rtlh']));
		expect(ats.classification?.missing).toBe(1);
	});

	it('no figures yet: nothing classified, everything no data', () => {
		const view = mapView([], choices());
		expect(view.classification).toEqual({ method: 'quantile', breaks: [], counts: [], missing: 0 });
		expect(view.colours).toEqual([]);
	});
});

describe('numbers on the map', () => {
	it('rates with one decimal, counts whole, id-ID', () => {
		expect(formatRange(12.5, 20, 'rate')).toBe('12,5 – 20,0');
		expect(formatRange(3, 1250, 'count')).toBe('3 – 1.250');
		expect(formatRange(3.25, 5.5, 'count')).toBe('3,3 – 5,5');
	});
});
