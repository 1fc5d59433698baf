/**
 * Deterministic synthetic register of one regency (Kutai Kartanegara unless another is given): houses
 * (BDT rumah tangga), families (DTSEN keluarga, one KK each) and people, drawn from a seeded PRNG.
 * Same options ⇒ same sample. Everything here is invented; no real person's data.
 */
import type { Disability, Level, Participation, VervalStatus } from './codes';
import { drawDesil, drawHousing, drawVerval, type Housing } from './housing';
import { address, birthPlace, personName, type Ethnicity } from './names';
import { composeFamily, drawHealth, drawSchooling, drawSector, drawWork, type MemberSpec } from './people';
import { Rng } from './prng';
import { IssuingRegions, NumberIssuer, ddmmyy } from './numbers';
import { ETHNICITIES, regionalBirthPlaces, sampleVillages, type SampleVillage } from './region';
import { KUKAR_SAMPLE_REGENCY, regencyDigits, type SampleRegency } from './regency';

/** The date ages are computed at ("data as of"). */
export const SAMPLE_REFERENCE_DATE = '2025-06-30';

export interface SampleOptions {
	people: number;
	seed: number;
	/** ISO date ages refer to; default SAMPLE_REFERENCE_DATE. */
	referenceDate?: string;
	/** The regency the register belongs to; default Kukar (the bundled reference). */
	regency?: SampleRegency;
}

export interface SamplePerson {
	nik: string;
	name: string;
	/** 1 male, 2 female. */
	sex: 1 | 2;
	/** YYYY-MM-DD. */
	birthDate: string;
	age: number;
	birthPlace: string;
	/** Relation to the family (KK) head, 1 … 8: the DTSEN status_hubungan_keluarga. */
	relation: number;
	/** Relation to the head of the house (rumah tangga), 1 … 8: the BDT Hub_KRT. */
	relationToHouseHead: number;
	marital: number;
	participation: Participation | null;
	level: Level | null;
	kelas: number | null;
	certificate: Level | null;
	working: boolean | null;
	/** BDT sector 01–22, '' if not working. */
	sector: string;
	disability: Disability | null;
	difficulty: string[];
	chronic: string;
	/** BDT Sta_keberadaan_art: 1 present, 2 deceased, 3 moved, 4 new member, 6 not found. */
	presence: string;
	kip: boolean;
	/** IDARTBDT, 18 digits: IDBDT + member number. */
	idart: string;
	family: SampleFamily;
}

export interface SampleFamily {
	/** 16-digit KK number. */
	kk: string;
	house: SampleHouse;
	members: SamplePerson[];
	desil: number;
	desilProvinsi: number;
	desilKabupaten: number;
	pbiNas: boolean;
	pbiPemda: boolean;
}

export interface SampleHouse {
	/** Materials, area per person, water, energy and sanitation drawn for the house. */
	housing: Housing;
	/** 16-digit BDT household id. */
	idbdt: string;
	village: SampleVillage;
	alamat: string;
	/** Latent poverty score 0 (well off) … 1 (poorest) the draws were conditioned on. */
	poverty: number;
	/** Total floor area, m². */
	area: number;
	/** Empty = not yet checked. */
	verval: VervalStatus;
	idPln: string;
	kks: boolean;
	pkh: boolean;
	bpnt: boolean;
	families: SampleFamily[];
}

export interface Sample {
	regency: SampleRegency;
	seed: number;
	people: number;
	referenceDate: string;
	houses: SampleHouse[];
	families: SampleFamily[];
	persons: SamplePerson[];
}

const FAMILY_SIZES: readonly (readonly [number, number])[] = [
	[1, 14],
	[2, 20],
	[3, 22],
	[4, 20.5],
	[5, 12.5],
	[6, 7],
	[7, 3],
	[8, 0.7],
	[9, 0.3]
];
const SECOND_FAMILY_SIZES: readonly (readonly [number, number])[] = [
	[1, 15],
	[2, 35],
	[3, 30],
	[4, 15],
	[5, 5]
];

const DAY = 86_400_000;
const isoCache = new Map<number, string>();
/** YYYY-MM-DD of a UTC midnight timestamp (cached: the same few tens of thousands of days recur). */
function iso(ms: number): string {
	const day = Math.round(ms / DAY);
	let text = isoCache.get(day);
	if (text === undefined) {
		text = new Date(ms).toISOString().slice(0, 10);
		isoCache.set(day, text);
	}
	return text;
}

/** A birth date for someone `age` years old on the reference date. */
function birthDateFor(rng: Rng, age: number, ref: Date): string {
	const y = ref.getUTCFullYear();
	const m = ref.getUTCMonth();
	const d = ref.getUTCDate();
	const earliest = Date.UTC(y - age - 1, m, d) + DAY;
	const days = Math.round((Date.UTC(y - age, m, d) - earliest) / DAY);
	return iso(earliest + rng.int(0, days) * DAY);
}

function digits(rng: Rng, n: number): string {
	let out = '';
	for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
	return out;
}

/** Generates the synthetic register: exactly `people` persons in about people / 3.3 families. */
export function generateSample(options: SampleOptions): Sample {
	const people = Math.floor(options.people);
	if (!Number.isFinite(people) || people < 1) throw new Error(`people must be a positive number, got ${options.people}`);
	const referenceDate = options.referenceDate ?? SAMPLE_REFERENCE_DATE;
	const ref = new Date(`${referenceDate}T00:00:00Z`);
	const rng = new Rng(options.seed);
	const regency = options.regency ?? KUKAR_SAMPLE_REGENCY;
	const { prefix } = regencyDigits(regency);
	const villages = sampleVillages(regency.reference);
	if (villages.length === 0) throw new Error(`${regency.reference.kabupaten.nama} has no villages to place families in`);
	const regions = new IssuingRegions(prefix);
	const towns = regionalBirthPlaces(regency.reference);
	const villageCumulative = new Float64Array(villages.length);
	villages.reduce((sum, v, i) => (villageCumulative[i] = sum + v.weight), 0);
	const niks = new NumberIssuer();
	const kks = new NumberIssuer();

	interface Draft {
		house: SampleHouse;
		villageIndex: number;
		order: number;
	}
	const drafts: Draft[] = [];
	let remaining = people;

	while (remaining > 0) {
		const villageIndex = rng.cumulativeIndex(villageCumulative);
		const sv = villages[villageIndex];
		if (!sv) throw new Error('unreachable: village index');
		const zone = sv.village.zona;
		const s = Math.min(1, Math.max(0, sv.deprivation + 0.22 * rng.normal()));
		const ethnicity = ETHNICITIES[rng.weightedIndex(sv.profile.ethnic)] ?? 'kutai';
		const housing = drawHousing(rng, s, zone);
		const house: SampleHouse = {
			housing,
			idbdt: '',
			village: sv,
			alamat: address(rng, sv.kelurahan, rng.int(1, sv.kelurahan ? 48 : 22)),
			poverty: s,
			area: 0,
			verval: '',
			idPln: housing.light === 'pln_meteran' ? `23${digits(rng, 10)}` : '',
			kks: rng.chance(0.25 + 0.4 * s),
			pkh: false,
			bpnt: rng.chance(0.3 + 0.4 * s),
			families: []
		};
		const atsBase = 0.03 + 0.15 * Math.pow(s, 1.3) + (zone === 'hulu' ? 0.015 : 0);

		const familySpecs: { specs: MemberSpec[]; second: 'child' | 'other' | null }[] = [];
		const size1 = Math.min(remaining, rng.weighted(FAMILY_SIZES));
		familySpecs.push({ specs: composeFamily(rng, size1), second: null });
		remaining -= size1;
		const mainHeadAge = familySpecs[0]?.specs[0]?.age ?? 40;
		if (remaining > 0 && rng.chance(0.05 + 0.07 * s)) {
			const size2 = Math.min(remaining, rng.weighted(SECOND_FAMILY_SIZES));
			const second = mainHeadAge >= 45 && rng.chance(0.7) ? 'child' : 'other';
			familySpecs.push({ specs: composeFamily(rng, size2, second === 'child' ? mainHeadAge - 19 : 36), second });
			remaining -= size2;
		}

		let memberNo = 0;
		for (const { specs, second } of familySpecs) {
			const headSpec = specs[0];
			if (!headSpec) continue;
			const desil = drawDesil(rng, s);
			const pbiNas = rng.chance(0.35 + 0.5 * s);
			const family: SampleFamily = {
				kk: '',
				house,
				members: [],
				desil,
				desilProvinsi: Math.max(1, desil - (rng.chance(0.35) ? 1 : 0)),
				desilKabupaten: Math.max(
					1,
					desil -
						rng.weighted([
							[0, 50],
							[1, 40],
							[2, 10]
						])
				),
				pbiNas,
				pbiPemda: !pbiNas && rng.chance(0.3)
			};
			const familyEthnicity: Ethnicity = ethnicity;
			for (const spec of specs) {
				const female = spec.female;
				const personEthnicity: Ethnicity =
					spec.relation === 2 || spec.relation === 4
						? rng.chance(0.2)
							? (ETHNICITIES[rng.int(0, 3)] ?? familyEthnicity)
							: familyEthnicity
						: familyEthnicity;
				const birthDate = birthDateFor(rng, spec.age, ref);
				const birthYear = Number(birthDate.slice(0, 4));
				const schooling = drawSchooling(rng, spec.age, birthYear, s, atsBase);
				const health = drawHealth(rng, spec.age, s);
				const working = drawWork(rng, spec.age, female, schooling.participation === 'still', health.disability !== null);
				const outside = birthYear < 2000 ? 0.05 : 0.015;
				const nik = niks.issue(regions.nik(rng, sv.kec, birthYear, outside), ddmmyy(birthDate, female));
				memberNo++;
				let relationToHouseHead = spec.relation;
				if (second === 'child') relationToHouseHead = spec.relation === 1 ? 3 : spec.relation === 2 ? 4 : spec.relation === 3 ? 5 : 8;
				else if (second === 'other') relationToHouseHead = 8;
				family.members.push({
					nik,
					name: personName(rng, personEthnicity, female, birthYear),
					sex: female ? 2 : 1,
					birthDate,
					age: spec.age,
					birthPlace: birthPlace(rng, personEthnicity, birthYear, sv.localPlaces, towns),
					relation: spec.relation,
					relationToHouseHead,
					marital: spec.marital,
					participation: schooling.participation,
					level: schooling.level,
					kelas: schooling.kelas,
					certificate: schooling.certificate,
					working,
					sector: working ? drawSector(rng, sv.village.zona, s) : '',
					disability: health.disability,
					difficulty: health.difficulty,
					chronic: health.chronic,
					presence: '1',
					kip: schooling.participation === 'still' && spec.age <= 21 && rng.chance(0.3 + 0.4 * s),
					idart: String(memberNo).padStart(2, '0'),
					family
				});
			}
			// KK issued after the head turned 17, from 2006 on.
			const head = family.members[0];
			if (!head) continue;
			const earliest = Math.max(Date.UTC(Number(head.birthDate.slice(0, 4)) + 17, 0, 1), Date.UTC(2006, 0, 1));
			const latest = ref.getTime() - 10 * DAY;
			const issued = iso(earliest >= latest ? latest : earliest + rng.int(0, Math.floor((latest - earliest) / DAY)) * DAY);
			family.kk = kks.issue(regions.kk(rng, sv.kec), ddmmyy(issued, false));
			house.families.push(family);
		}

		const members = house.families.reduce((n, f) => n + f.members.length, 0);
		house.area = Math.min(300, Math.max(9, Math.round(housing.areaPerPerson * members)));
		const singleElderly = members === 1 && (house.families[0]?.members[0]?.age ?? 0) >= 65;
		house.verval = drawVerval(rng, s, sv.profile.vervalPending, singleElderly);
		const hasChildOrElder = house.families.some((f) => f.members.some((p) => p.age < 18 || p.age >= 70));
		house.pkh = hasChildOrElder && rng.chance(0.2 + 0.4 * s);
		for (const family of house.families) {
			for (const person of family.members) {
				person.presence = presenceOf(rng, house.verval, person);
			}
		}
		drafts.push({ house, villageIndex, order: drafts.length });
	}

	drafts.sort((a, b) => a.villageIndex - b.villageIndex || a.order - b.order);
	const houses: SampleHouse[] = [];
	const families: SampleFamily[] = [];
	const persons: SamplePerson[] = [];
	let seq = 0;
	let lastVillage = -1;
	for (const { house, villageIndex } of drafts) {
		if (villageIndex !== lastVillage) {
			seq = 0;
			lastVillage = villageIndex;
		}
		seq++;
		house.idbdt = `${prefix}${house.village.kec}${house.village.desa}${String(seq).padStart(6, '0')}`;
		houses.push(house);
		for (const family of house.families) {
			families.push(family);
			for (const person of family.members) {
				person.idart = house.idbdt + person.idart;
				persons.push(person);
			}
		}
	}
	return { regency, seed: options.seed, people, referenceDate, houses, families, persons };
}

/** BDT Sta_keberadaan_art from the house's verval outcome, with a few individual changes. */
function presenceOf(rng: Rng, verval: VervalStatus, person: SamplePerson): string {
	if (verval === 'Tidak Ditemukan') return '6';
	if (verval === 'Pindah') return '3';
	if (verval === 'Meninggal' && person.relation === 1) return '2';
	if (verval === '') return '1';
	if (person.age <= 2 && rng.chance(0.4)) return '4';
	return rng.weighted([
		['1', 97],
		['2', person.age >= 60 ? 4 : 0.3],
		['3', 1.5]
	]);
}
