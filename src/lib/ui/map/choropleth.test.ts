import { describe, expect, it } from 'vitest';
import type { BoundaryCollection, BoundaryFeature } from '$lib/core/geo/types';
import type { MapPaint } from '$lib/state/MapModel.svelte';
import { NO_DATA_COLOUR, OUTSIDE_COLOUR } from '$lib/state/map-view';
import { areaStates, fillColour } from './choropleth';

const area = (kode: string): BoundaryFeature => ({ type: 'Feature', properties: { kode }, geometry: { type: 'Polygon', coordinates: [] } });
const shapes: BoundaryCollection = { type: 'FeatureCollection', features: ['a', 'b', 'c', 'd'].map(area) };

function paint(classOf: [string, number][], outside: string[]): MapPaint {
	return { level: 'village', classOf: new Map(classOf), outside: new Set(outside), colours: ['#111111', '#222222'], key: 'k' };
}

describe('areaStates', () => {
	it('gives each shape its class, -1 without data, and -1 with out=true outside the filter', () => {
		const states = areaStates(
			shapes,
			paint(
				[
					['a', 0],
					['b', 1],
					['c', 1]
				],
				['c']
			)
		);
		expect(states).toEqual([
			{ kode: 'a', cls: 0, out: false },
			{ kode: 'b', cls: 1, out: false },
			{ kode: 'c', cls: -1, out: true },
			{ kode: 'd', cls: -1, out: false }
		]);
	});
});

describe('fillColour', () => {
	it('matches each class index to its colour, pale outside the filter, grey without data', () => {
		expect(fillColour(['#111111', '#222222'])).toEqual([
			'case',
			['boolean', ['feature-state', 'out'], false],
			OUTSIDE_COLOUR,
			['match', ['coalesce', ['feature-state', 'cls'], -1], 0, '#111111', 1, '#222222', NO_DATA_COLOUR]
		]);
	});

	it('is grey everywhere inside the filter when there are no classes', () => {
		expect(fillColour([])).toEqual(['case', ['boolean', ['feature-state', 'out'], false], OUTSIDE_COLOUR, NO_DATA_COLOUR]);
	});
});
