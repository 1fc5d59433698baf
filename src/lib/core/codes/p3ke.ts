import type { AnyCodedField } from '../schema';
import { DTSEN_CODES } from './dtsen';
import type { CodeRows, CodeTable } from './types';

/**
 * P3KE (Kemenko PMK) by-name extracts write text labels, not codes (../shared/DOMAIN.md §2d,
 * "[verify]"). P3KE was assembled from Regsosek-era data, so its housing and person labels are taken
 * as the Regsosek/DTSEN option texts (same canonical values, same granularity) with their code
 * numbers removed: a bare number in a P3KE file means nothing known and is counted as unknown.
 * Added on top: the Dukcapil education labels P3KE uses for `pendidikan` (highest completed level,
 * so it feeds `certificate`), the extra relation and sex spellings, and a few short housing labels.
 */
function labelsOnly(table: CodeTable, omit: readonly AnyCodedField[]): CodeTable['fields'] {
	const out: Record<string, CodeRows<AnyCodedField>> = {};
	for (const [field, rows] of Object.entries(table.fields) as [AnyCodedField, CodeRows<AnyCodedField>][]) {
		if (omit.includes(field)) continue;
		out[field] = rows.map(([, value, ...labels]) => ['', value, ...labels] as const);
	}
	return out as CodeTable['fields'];
}

// P3KE `pendidikan` is the Dukcapil completed-education list (below), not Regsosek's level list.
const base = labelsOnly(DTSEN_CODES, ['level', 'certificate']);

/** Dukcapil "pendidikan dalam KK" labels → highest certificate. */
const EDUCATION: CodeRows<'certificate'> = [
	[
		'',
		'none',
		'tidak/belum sekolah',
		'tidak / belum sekolah',
		'belum sekolah',
		'tidak sekolah',
		'belum tamat sd/sederajat',
		'tidak tamat sd/sederajat',
		'tidak tamat sd',
		'tidak punya ijazah'
	],
	['', 'sd', 'tamat sd/sederajat', 'tamat sd', 'sd/sederajat', 'sd', 'sd/mi'],
	['', 'smp', 'sltp/sederajat', 'smp/sederajat', 'sltp', 'smp', 'smp/mts'],
	['', 'sma_smk', 'slta/sederajat', 'sma/sederajat', 'slta', 'sma/smk', 'sma', 'sma/smk/ma'],
	[
		'',
		'd1_d3',
		'diploma i/ii',
		'diploma i',
		'diploma ii',
		'akademi/diploma iii/sarjana muda',
		'akademi/diploma iii/s. muda',
		'diploma iii',
		'd1/d2/d3'
	],
	['', 'd4_s1', 'diploma iv/strata i', 'diploma iv/strata 1', 'strata i', 's1', 'd4/s1'],
	['', 's2', 'strata ii', 'strata 2', 's2'],
	['', 's3', 'strata iii', 'strata 3', 's3']
];

export const P3KE_CODES: CodeTable = {
	id: 'p3ke',
	title: 'P3KE (label teks)',
	fields: {
		...base,
		floor: [...(base.floor ?? []), ['', 'cement_brick', 'semen/bata merah/plesteran', 'bata merah'], ['', 'earth', 'tanah/lainnya']],
		wall: [...(base.wall ?? []), ['', 'masonry', 'tembok/beton', 'beton']],
		roof: [
			...(base.roof ?? []),
			['', 'tile', 'genteng tanah liat', 'genteng keramik', 'genteng metal'],
			['', 'thatch', 'daun', 'rumbia/daun']
		],
		water: [...(base.water ?? []), ['', 'tap', 'leding meteran', 'leding eceran', 'air leding', 'pam/leding', 'pam']],
		lighting: [...(base.lighting ?? []), ['', 'non_pln', 'listrik non pln/lainnya']],
		toilet: [
			...(base.toilet ?? []),
			['', 'own', 'jamban sendiri', 'ada, milik sendiri'],
			['', 'shared', 'jamban bersama'],
			['', 'public', 'jamban umum'],
			['', 'none', 'tidak punya']
		],
		sex: [
			['', 'M', 'laki-laki', 'laki laki', 'lk', 'l', 'pria'],
			['', 'F', 'perempuan', 'pr', 'p', 'wanita']
		],
		relation: [...(base.relation ?? []), ['', 'other', 'famili lain', 'lainnya'], ['', 'spouse', 'istri', 'suami']],
		certificate: EDUCATION
	}
};
