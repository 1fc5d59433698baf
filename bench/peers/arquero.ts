/**
 * Arquero (bench-only devDependency), the dataframe library a JavaScript data team would reach for:
 * the Parquet files read to Arrow IPC (parquet.ts) and taken in with `fromArrow`, then verbs
 * (derive, join, groupby/rollup, orderby). Expressions are written as strings: Arquero parses a
 * function's source, which a bundler's rewriting of imported names (`op`) would break.
 */
import * as aq from 'arquero';
import { parquetToIpc } from './parquet';
import type { Peer } from './types';
import type { VillageTotals, Workload, WorkloadAnswer } from './workload';

type ColumnTable = ReturnType<typeof aq.fromArrow>;

function compute(household: ColumnTable, person: ColumnTable, village: ColumnTable, w: Workload): WorkloadAnswer {
	if (w.schoolAges.length !== 3) throw new Error('the Arquero peer expects the three school bands SD, SMP, SMA');
	const [sd, smp, sma] = w.schoolAges as [{ min: number; max: number }, { min: number; max: number }, { min: number; max: number }];
	const params = {
		desilMin: w.desilMin,
		desilMax: w.desilMax,
		valid: [...w.validVerval],
		unfit: [...w.unfitRoof],
		outOfSchool: [...w.outOfSchool],
		inSchool: w.inSchool,
		sma: [...w.smaCertificates],
		a0: sd.min,
		b0: sd.max,
		a1: smp.min,
		b1: smp.max,
		a2: sma.min,
		b2: sma.max
	};
	const households = household.params(params).derive({
		in_pop:
			'(d, $) => (d.desil == null || (d.desil >= $.desilMin && d.desil <= $.desilMax)) && (d.verval_status == null || op.includes($.valid, d.verval_status))',
		roof_unfit: '(d, $) => d.roof != null && op.includes($.unfit, d.roof)'
	});
	const hv = households
		.groupby('village_kode')
		.rollup({ households: 'd => op.count()', rtlh_roof: 'd => op.sum(d.in_pop && d.roof_unfit ? 1 : 0)' })
		.rename({ village_kode: 'kode' });
	const people = person
		.select('person_id', 'household_id', 'age', 'school_participation', 'certificate', 'verval_status')
		.rename({ verval_status: 'person_verval' })
		.join(households.select('household_id', 'village_kode', 'desil', 'in_pop'), 'household_id')
		.params(params)
		.derive({
			counted:
				'(d, $) => d.in_pop && (d.person_verval == null || op.includes($.valid, d.person_verval)) && d.age != null && ((d.age >= $.a0 && d.age <= $.b0) || (d.age >= $.a1 && d.age <= $.b1) || (d.age >= $.a2 && d.age <= $.b2))'
		})
		.derive({
			ats: '(d, $) => d.counted && d.school_participation != null && op.includes($.outOfSchool, d.school_participation) && (d.certificate == null || !op.includes($.sma, d.certificate))'
		})
		.derive({ pip: '(d, $) => d.ats || (d.counted && d.school_participation === $.inSchool)' });
	const pv = people
		.groupby('village_kode')
		.rollup({ people: 'd => op.count()', ats: 'd => op.sum(d.ats ? 1 : 0)' })
		.rename({ village_kode: 'kode' });
	const villages = village
		.select('kode')
		.join_left(hv, 'kode')
		.join_left(pv, 'kode')
		.impute({ households: () => 0, people: () => 0, ats: () => 0, rtlh_roof: () => 0 })
		.orderby('kode')
		.objects() as VillageTotals[];
	const funded = people
		.filter('d => d.pip')
		.semijoin(village.select('kode'), ['village_kode', 'kode'])
		.derive({ desil_rank: 'd => d.desil == null ? 1e9 : d.desil' })
		.orderby('desil_rank', 'household_id', 'person_id')
		.slice(0, w.budget)
		.array('person_id') as string[];
	return {
		villages: villages.map((v) => ({ kode: v.kode, households: v.households, people: v.people, ats: v.ats, rtlh_roof: v.rtlh_roof })),
		funded: Array.from(funded)
	};
}

export const arquero: Peer = {
	id: 'arquero',
	label: 'Arquero 8.0.1',
	async load(files) {
		const household = aq.fromArrow(await parquetToIpc(files.household));
		const person = aq.fromArrow(await parquetToIpc(files.person));
		const village = aq.fromArrow(await parquetToIpc(files.village));
		return {
			async compute(workload) {
				return compute(household, person, village, workload);
			},
			async release() {}
		};
	}
};
