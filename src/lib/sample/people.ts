/** Person-level draws: family composition, schooling, work, disability and health. */
import type { Zone } from '../core/reference';
import { DISABILITIES, type Disability, type Level, type Participation } from './codes';
import type { Rng } from './prng';

export interface MemberSpec {
	age: number;
	female: boolean;
	/** Relation to the family head (Regsosek/PBDT share 1 head … 8 other). */
	relation: number;
	/** 1 never married, 2 married, 3 divorced, 4 widowed. */
	marital: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Who lives in a family of `size` people: head first, then spouse, parents, children, relatives.
 * `youngHeadMaxAge` makes a young family (a second family in a house, e.g. a married child's).
 */
export function composeFamily(rng: Rng, size: number, youngHeadMaxAge?: number): MemberSpec[] {
	const members: MemberSpec[] = [];
	let headAge: number;
	let headFemale: boolean;
	if (youngHeadMaxAge !== undefined) {
		headAge = rng.int(19, Math.max(19, Math.min(36, youngHeadMaxAge)));
		headFemale = rng.chance(0.08);
	} else if (size === 1) {
		headAge = rng.chance(0.6) ? rng.int(60, 90) : rng.int(19, 59);
		headFemale = rng.chance(headAge >= 60 ? 0.62 : 0.35);
	} else {
		headAge = clamp(Math.round(45 + 13 * rng.normal()), 21 + 3 * Math.max(0, size - 2), 88);
		headFemale = rng.chance(headAge >= 60 ? 0.24 : 0.11);
	}
	const head: MemberSpec = { age: headAge, female: headFemale, relation: 1, marital: 2 };
	members.push(head);
	let left = size - 1;
	let motherAge = headFemale ? headAge : -1;
	if (!headFemale && left > 0 && rng.chance(0.94)) {
		const spouseAge = clamp(headAge - rng.int(-2, 9), 17, 92);
		members.push({ age: spouseAge, female: true, relation: 2, marital: 2 });
		motherAge = spouseAge;
		left--;
	} else {
		head.marital =
			headAge < 25 && rng.chance(0.5)
				? 1
				: rng.weighted([
						[4, headAge >= 50 ? 70 : 35],
						[3, 45],
						[1, 10]
					]);
	}
	if (motherAge < 0) motherAge = headAge - rng.int(0, 5);
	if (left > 1 && headAge < 58 && rng.chance(0.1)) {
		members.push({ age: clamp(headAge + rng.int(20, 32), 45, 95), female: rng.chance(0.75), relation: 6, marital: 4 });
		left--;
	}
	if (left >= 3 && headAge >= 48 && rng.chance(0.3)) {
		const childAge = rng.int(20, Math.min(35, headAge - 18));
		const childFemale = rng.chance(0.5);
		members.push({ age: childAge, female: childFemale, relation: 3, marital: 2 });
		members.push({ age: clamp(childAge + rng.int(-3, 4), 18, 45), female: !childFemale, relation: 4, marital: 2 });
		left -= 2;
		const grandchildren = Math.min(left, rng.int(1, 3));
		for (let i = 0; i < grandchildren; i++) {
			members.push({ age: rng.int(0, Math.max(0, Math.min(14, childAge - 18))), female: rng.chance(0.49), relation: 5, marital: 1 });
		}
		left -= grandchildren;
	}
	// Children: the oldest born when the mother was 18–30, then a gap of 1–5 years, squeezed when needed.
	const oldest = motherAge >= 18 ? clamp(motherAge - rng.int(18, 30), 0, 32) : -1;
	let childAge = oldest;
	const gap = left > 1 ? Math.max(1, Math.min(rng.int(2, 4), Math.floor(Math.max(0, oldest) / (left - 1)))) : 0;
	while (left > 0) {
		if (childAge < 0) {
			members.push({ age: rng.int(3, 70), female: rng.chance(0.5), relation: 8, marital: 1 });
		} else {
			const married = childAge >= 22 && rng.chance(0.12);
			members.push({ age: childAge, female: rng.chance(0.49), relation: 3, marital: married ? 3 : 1 });
			childAge -= rng.chance(0.03) ? 0 : Math.max(1, gap + rng.int(-1, 1));
		}
		left--;
	}
	for (const m of members) if (m.age < 16 && m.relation !== 1 && m.relation !== 2) m.marital = 1;
	return members;
}

export interface Schooling {
	participation: Participation | null;
	level: Level | null;
	/** 1–7, 8 = completed. */
	kelas: number | null;
	certificate: Level | null;
}

const NONE: Schooling = { participation: null, level: null, kelas: null, certificate: null };

function primary(rng: Rng): Level {
	return rng.chance(0.13) ? 'mi' : 'sd';
}
function lower(rng: Rng): Level {
	return rng.chance(0.2) ? 'mts' : 'smp';
}
function upper(rng: Rng): Level {
	return rng.weighted<Level>([
		['sma', 47],
		['smk', 38],
		['ma', 15]
	]);
}

/**
 * Schooling by age. `atsBase` is the household's propensity for children to be out of school
 * (ATS); it grows with poverty and remoteness and is multiplied by an age factor (higher at 16–18).
 */
export function drawSchooling(rng: Rng, age: number, birthYear: number, s: number, atsBase: number): Schooling {
	if (age < 5) return NONE;
	if (age <= 6) {
		return age === 6 && rng.chance(0.35)
			? { participation: 'still', level: primary(rng), kelas: 1, certificate: null }
			: { participation: 'never', level: null, kelas: null, certificate: null };
	}
	if (age <= 18) {
		const factor = age <= 12 ? 0.35 : age <= 15 ? 1 : 2.3;
		if (rng.chance(atsBase * factor)) return outOfSchool(rng, age);
		const lag = rng.chance(0.15) ? 1 : 0;
		if (age <= 12) return { participation: 'still', level: primary(rng), kelas: clamp(age - 6 - lag, 1, 6), certificate: null };
		if (age <= 15) return { participation: 'still', level: lower(rng), kelas: clamp(age - 12 - lag, 1, 3), certificate: primary(rng) };
		if (age === 18 && rng.chance(0.45)) {
			const level = upper(rng);
			return { participation: 'no_longer', level, kelas: 8, certificate: level };
		}
		return { participation: 'still', level: upper(rng), kelas: clamp(age - 15 - lag, 1, 3), certificate: lower(rng) };
	}
	if (age <= 24 && rng.chance(0.2 * (1 - s))) {
		const level: Level = rng.chance(0.25) ? 'd3' : 's1';
		return { participation: 'still', level, kelas: clamp(age - 18, 1, level === 'd3' ? 3 : 5), certificate: upper(rng) };
	}
	return adultSchooling(rng, birthYear, s);
}

function outOfSchool(rng: Rng, age: number): Schooling {
	if (rng.chance(age <= 12 ? 0.35 : 0.14)) return { participation: 'never', level: null, kelas: null, certificate: null };
	if (age <= 12) return { participation: 'no_longer', level: primary(rng), kelas: rng.int(1, Math.min(5, age - 6)), certificate: null };
	const stage =
		age <= 15
			? rng.weighted([
					[0, 45],
					[1, 30],
					[2, 25]
				])
			: rng.weighted([
					[0, 20],
					[1, 15],
					[2, 25],
					[3, 15],
					[4, 25]
				]);
	switch (stage) {
		case 0: // left primary school before finishing
			return { participation: 'no_longer', level: primary(rng), kelas: rng.int(3, 6), certificate: null };
		case 1: // finished primary, did not go on
			return { participation: 'no_longer', level: primary(rng), kelas: 8, certificate: 'sd' };
		case 2: // left lower secondary
			return { participation: 'no_longer', level: lower(rng), kelas: rng.int(1, 3), certificate: primary(rng) };
		case 3: {
			// finished lower secondary, did not go on
			const level = lower(rng);
			return { participation: 'no_longer', level, kelas: 8, certificate: level };
		}
		default: // left upper secondary
			return { participation: 'no_longer', level: upper(rng), kelas: rng.int(1, 2), certificate: lower(rng) };
	}
}

function adultSchooling(rng: Rng, birthYear: number, s: number): Schooling {
	const pNever = birthYear < 1960 ? 0.12 + 0.2 * s : birthYear < 1980 ? 0.04 + 0.08 * s : 0.01 + 0.03 * s;
	if (rng.chance(pNever)) return { participation: 'never', level: null, kelas: null, certificate: null };
	const g = birthYear >= 1990 ? 1 : birthYear >= 1975 ? 0.6 : birthYear >= 1960 ? 0.3 : 0;
	const outcome = rng.weighted([
		['sd_partial', Math.max(1, 14 + 10 * s - 9 * g)],
		['sd', Math.max(4, 28 + 10 * s - 12 * g)],
		['smp_partial', 5 + 2 * s],
		['smp', 18 + 2 * s],
		['sma_partial', 4 + 2 * s],
		['sma', Math.max(3, 18 - 10 * s + 20 * g)],
		['d3', 2 * (1 - s) + 1.5 * g],
		['s1', 4 * (1 - s) + 5 * g],
		['s2', 0.3 * (1 - s)],
		['paket_a', 1],
		['paket_b', 1.5],
		['paket_c', 2 + 2 * g]
	] as const);
	switch (outcome) {
		case 'sd_partial':
			return { participation: 'no_longer', level: primary(rng), kelas: rng.int(1, 5), certificate: null };
		case 'sd':
			return { participation: 'no_longer', level: 'sd', kelas: 8, certificate: 'sd' };
		case 'smp_partial':
			return { participation: 'no_longer', level: lower(rng), kelas: rng.int(1, 2), certificate: 'sd' };
		case 'smp': {
			const level = lower(rng);
			return { participation: 'no_longer', level, kelas: 8, certificate: level };
		}
		case 'sma_partial':
			return { participation: 'no_longer', level: upper(rng), kelas: rng.int(1, 2), certificate: 'smp' };
		case 'sma': {
			const level = upper(rng);
			return { participation: 'no_longer', level, kelas: 8, certificate: level };
		}
		default:
			return { participation: 'no_longer', level: outcome, kelas: 8, certificate: outcome };
	}
}

/** BDT b4k21 sector (01–22) of someone who works, by zone. */
export function drawSector(rng: Rng, zone: Zone, s: number): string {
	const hulu = zone === 'hulu' ? 1 : 0;
	const pesisir = zone === 'pesisir' ? 1 : 0;
	return rng.weighted([
		['01', 8 + 6 * hulu],
		['02', 4],
		['03', 10 + 10 * hulu],
		['04', 4 + 16 * hulu + 14 * pesisir],
		['05', 2 + 3 * hulu + 10 * pesisir],
		['06', 2],
		['07', 1 + 3 * hulu],
		['08', 8 - 4 * hulu],
		['09', 3],
		['11', 9],
		['12', 14],
		['13', 4],
		['14', 4],
		['17', 3 * (1 - s) + 1],
		['18', 1.5],
		['19', 5],
		['20', 0.5 + s],
		['21', 4]
	]);
}

export function drawWork(rng: Rng, age: number, female: boolean, still: boolean, disabled: boolean): boolean | null {
	if (age < 10) return null;
	let p: number;
	if (age < 15) p = 0.05;
	else if (age < 20) p = still ? 0.05 : 0.45;
	else if (age < 60) p = female ? 0.45 : 0.9;
	else p = female ? 0.25 : 0.55;
	if (still && age >= 20) p *= 0.3;
	if (disabled) p *= 0.4;
	return rng.chance(p);
}

export interface Health {
	disability: Disability | null;
	/** Nine Regsosek difficulty domains, 1 cannot at all … 4 none. */
	difficulty: string[];
	/** Chronic illness: 0 none, 1 hypertension, 2 rheumatism, 3 asthma, 4 heart, 5 diabetes, 6 TB, 7 stroke, 8 cancer, 9 other. */
	chronic: string;
}

export function drawHealth(rng: Rng, age: number, s: number): Health {
	const difficulty = ['4', '4', '4', '4', '4', '4', '4', '4', '4'];
	const pDisabled = (age < 18 ? 0.012 : age < 60 ? 0.022 : 0.11) * (1 + 0.6 * s);
	let disability: Disability | null = null;
	if (rng.chance(pDisabled)) {
		disability = rng.weighted<Disability>([
			['fisik', 40],
			['netra', 18],
			['rungu', 14],
			['wicara', 5],
			['rungu_wicara', 5],
			['mental', 12],
			['fisik_mental', 6]
		]);
		for (const d of DISABILITIES[disability].domains) difficulty[d] = rng.chance(0.3) ? '1' : '2';
	} else if (age >= 65 && rng.chance(0.35)) {
		difficulty[rng.chance(0.5) ? 0 : 2] = '3';
	}
	const pChronic = age < 40 ? 0.03 : age < 60 ? 0.15 : 0.35;
	const chronic = rng.chance(pChronic)
		? rng.weighted([
				['1', 35],
				['2', 15],
				['3', 10],
				['4', 8],
				['5', 15],
				['6', 4],
				['7', 6],
				['8', 2],
				['9', 5]
			])
		: '0';
	return { disability, difficulty, chronic };
}
