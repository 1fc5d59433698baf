import { describe, expect, it } from 'vitest';
import { searchAreas, type SearchOption } from './search';

const OPTIONS: SearchOption[] = [
	{ kode: '64.02.06.1001', nama: 'Melayu', detail: 'Tenggarong' },
	{ kode: '64.02.06.1002', nama: 'Panji', detail: 'Tenggarong' },
	{ kode: '64.02.05.2001', nama: 'Tanjung Limau', detail: 'Muara Badak' },
	{ kode: '64.02.04.2001', nama: 'Sungai Meriam', detail: 'Anggana' },
	{ kode: '64.02.10.2001', nama: 'Muara Kaman Ulu', detail: 'Muara Kaman' },
	{ kode: '64.02.01.2001', nama: 'Kayu Batu', detail: 'Muara Muntai' }
];

describe('searchAreas', () => {
	it('finds any part of a name, ignoring case and accents, prefix matches first', () => {
		expect(searchAreas(OPTIONS, 'MERIAM').map((o) => o.nama)).toEqual(['Sungai Meriam']);
		expect(searchAreas(OPTIONS, 'méla').map((o) => o.nama)).toEqual(['Melayu']);
		expect(searchAreas(OPTIONS, 'ka').map((o) => o.nama)).toEqual(['Kayu Batu', 'Muara Kaman Ulu']);
		expect(searchAreas(OPTIONS, '  tanjung   lim ').map((o) => o.kode)).toEqual(['64.02.05.2001']);
	});

	it('answers nothing for an empty query, and at most the limit', () => {
		expect(searchAreas(OPTIONS, '   ')).toEqual([]);
		expect(searchAreas(OPTIONS, 'a', 2)).toHaveLength(2);
	});
});
