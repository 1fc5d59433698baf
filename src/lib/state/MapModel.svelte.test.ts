import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFigures, kecamatanFigures, type AreaFigures } from '$lib/core/indicators';
import { MapModel, type FigureSource } from './MapModel.svelte';

function village(kode: string, count: number, households: number): AreaFigures {
	const figures = emptyFigures();
	figures.rtlh = { count, denominator: households };
	figures.water_unsafe = { count: households - count, denominator: households };
	return { kode, nama: `Desa ${kode}`, kecamatan_kode: kode.slice(0, 8), kecamatan: `Kec ${kode.slice(6, 8)}`, figures };
}

const villages = [
	village('64.02.01.2001', 1, 10),
	village('64.02.01.2002', 2, 10),
	village('64.02.01.2003', 3, 10),
	village('64.02.02.2001', 4, 10),
	village('64.02.02.2002', 8, 10),
	village('64.02.02.2003', 9, 10)
];

const source: FigureSource = { villages, kecamatan: kecamatanFigures(villages), key: '1:0', uncomputed: new Set() };

class MemoryStorage {
	items = new Map<string, string>();
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

let store: MemoryStorage;
beforeEach(() => {
	store = new MemoryStorage();
	(globalThis as { localStorage?: unknown }).localStorage = store;
});
afterEach(() => {
	delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('MapModel', () => {
	it('starts on RTLH rates by village, 5 quantile classes, and paints nothing before figures exist', () => {
		const model = new MapModel(source);
		expect(model.choices).toMatchObject({ indicator: 'rtlh', measure: 'rate', level: 'village', method: 'quantile', classes: 5 });
		expect(model.paint?.colours).toHaveLength(5);
		expect(new MapModel({ villages: [], kecamatan: [], key: '', uncomputed: new Set() }).paint).toBeNull();
	});

	it('recolours from the figures it holds when a choice changes', () => {
		const model = new MapModel(source);
		const first = model.paint;
		model.indicator = 'water_unsafe';
		expect(model.paint?.key).not.toBe(first?.key);
		expect(model.paint?.colours[0]).toBe('#f1eef6');
		model.measure = 'count';
		expect(model.view.values.get('64.02.01.2001')).toBe(9);
		model.level = 'kecamatan';
		expect([...(model.paint?.classOf.keys() ?? [])]).toEqual(['64.02.01', '64.02.02']);
	});

	it('keeps the choices across a reload, and only valid ones', () => {
		const model = new MapModel(source);
		model.indicator = 'paket_b';
		model.measure = 'count';
		model.classes = 9;
		model.kecamatan = '64.02.02';
		expect(model.classes).toBe(7);
		const again = new MapModel(source);
		expect(again.choices).toMatchObject({ indicator: 'paket_b', measure: 'count', classes: 7, kecamatan: '64.02.02' });
		again.kecamatan = '';
		expect(new MapModel(source).kecamatan).toBeNull();
		store.setItem('tepat.map.v1', '{broken');
		expect(new MapModel(source).indicator).toBe('rtlh');
		// A model that does not persist leaves the store alone.
		const quiet = new MapModel(source, false);
		quiet.indicator = 'ats';
		expect(store.getItem('tepat.map.v1')).toBe('{broken');
	});

	it('manual breaks start from the breaks on screen, and refused ones keep the last good colours', () => {
		const model = new MapModel(source);
		model.method = 'equal';
		model.classes = 3;
		expect(model.shown.classification?.breaks.map((b) => b.toFixed(2))).toEqual(['10.00', '36.67', '63.33', '90.00']);
		model.method = 'manual';
		expect(model.breaks).toBe('36,7; 63,3');
		expect(model.shown.classification?.breaks).toEqual([10, 36.7, 63.3, 90]);
		const good = model.paint?.key;
		model.breaks = '50; 40';
		expect(model.view.error).toBe('Batas kelas harus naik: 50 lalu 40.');
		expect(model.paint?.key).toBe(good);
		model.breaks = '50';
		expect(model.view.error).toBeNull();
		expect(model.shown.classification?.breaks).toEqual([10, 50, 90]);
		// Another indicator cannot borrow the old colours: refused breaks then colour nothing.
		model.breaks = 'x';
		model.indicator = 'water_unsafe';
		expect(model.shown.classification).toBeNull();
		expect(model.paint?.colours).toEqual([]);
	});

	it('tells a selected village from a selected kecamatan', () => {
		const model = new MapModel(source);
		model.select('64.02.01.2002');
		expect(model.selectedArea?.nama).toBe('Desa 64.02.01.2002');
		expect(model.selectedVillage).toBe('64.02.01.2002');
		model.select('64.02.02');
		expect(model.selectedArea?.kode).toBe('64.02.02');
		expect(model.selectedVillage).toBeNull();
		model.select(null);
		expect(model.selectedArea).toBeNull();
	});
});
