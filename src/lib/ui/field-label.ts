/** A canonical field's name for people, in the current language (fields are listed in ingest/sources.ts). */
import { m } from '$lib/paraglide/messages.js';

const LABELS: Record<string, () => string> = {
	key: m.field_key,
	village_prov: m.field_village_prov,
	village_kab: m.field_village_kab,
	village_kec: m.field_village_kec,
	village_desa: m.field_village_desa,
	village_kec_name: m.field_village_kec_name,
	village_name: m.field_village_name,
	alamat: m.field_alamat,
	head_name: m.field_head_name,
	desil: m.field_desil,
	members_declared: m.field_members_declared,
	tenure: m.field_tenure,
	land_own: m.field_land_own,
	floor: m.field_floor,
	floor_area: m.field_floor_area,
	wall: m.field_wall,
	wall_condition: m.field_wall_condition,
	roof: m.field_roof,
	roof_condition: m.field_roof_condition,
	water: m.field_water,
	lighting: m.field_lighting,
	fuel: m.field_fuel,
	toilet: m.field_toilet,
	closet: m.field_closet,
	disposal: m.field_disposal,
	verval_status: m.field_verval_status,
	person_key: m.field_person_key,
	nik: m.field_nik,
	kk: m.field_kk,
	name: m.field_name,
	birth_date: m.field_birth_date,
	age: m.field_age,
	sex: m.field_sex,
	relation: m.field_relation,
	school_participation: m.field_school_participation,
	level: m.field_level,
	class: m.field_class,
	certificate: m.field_certificate,
	disability_type: m.field_disability_type,
	disability: m.field_disability,
	village_kode: m.field_village_kode
};

export function fieldLabel(field: string): string {
	const label = LABELS[field];
	if (label) return label();
	const difficulty = /^difficulty_(\d+)$/.exec(field);
	if (difficulty) return m.field_difficulty({ n: difficulty[1] ?? '' });
	return field;
}
