/**
 * What a register can feed (core/capabilities.ts), in Indonesian words for files and the CLI: the
 * exports record which filters and requirements did not apply, and `tepat report` prints the whole
 * list. The screens say the same through their own (translated) messages.
 */
import {
	capabilitiesOf,
	type Capabilities,
	type CapabilityReason,
	type CapabilityStatus,
	type Effect,
	type FilterCheck,
	type RefinementId,
	type RequirementCheck
} from '../core/capabilities';
import type { IndicatorId } from '../core/indicators/definitions';
import type { MissingRule, Plan, ProgrammeId } from '../core/plan';
import type { FieldKey, RegisterField } from '../core/register-fields';
import { programmeTitle } from '../words/export-labels';

const FIELD_NAME: Record<string, string> = {
	village_kode: 'kode desa',
	alamat: 'alamat',
	head_name: 'nama kepala keluarga',
	desil: 'desil',
	members_declared: 'jumlah anggota keluarga',
	tenure: 'kepemilikan rumah',
	land_own: 'kepemilikan lahan',
	floor: 'jenis lantai',
	wall: 'jenis dinding',
	wall_condition: 'kondisi dinding',
	roof: 'jenis atap',
	roof_condition: 'kondisi atap',
	floor_area: 'luas lantai',
	water: 'sumber air minum',
	lighting: 'sumber penerangan',
	fuel: 'bahan bakar memasak',
	toilet: 'fasilitas buang air besar',
	closet: 'jenis kloset',
	disposal: 'pembuangan tinja',
	verval_status: 'status verval',
	nik: 'NIK',
	kk: 'nomor KK',
	name: 'nama',
	sex: 'jenis kelamin',
	birth_date: 'tanggal lahir',
	age: 'umur',
	relation: 'hubungan keluarga',
	school_participation: 'partisipasi sekolah',
	level: 'jenjang pendidikan',
	class: 'kelas',
	certificate: 'ijazah',
	disability: 'disabilitas'
};

const INDICATOR_NAME: Record<IndicatorId, string> = {
	ats: 'anak tidak sekolah (ATS)',
	ats_sd: 'ATS usia SD',
	ats_smp: 'ATS usia SMP',
	ats_sma: 'ATS usia SMA',
	rtlh: 'rumah tidak layak huni (RTLH)',
	rtlh_roof: 'atap tidak layak (RTLH)',
	rtlh_wall: 'dinding tidak layak (RTLH)',
	rtlh_floor: 'lantai tidak layak (RTLH)',
	rtlh_crowding: 'luas lantai per jiwa (RTLH)',
	water_unsafe: 'air minum tidak layak',
	water_conditional: 'air minum bersyarat',
	paket_a: 'calon Paket A',
	paket_b: 'calon Paket B',
	paket_c: 'calon Paket C'
};

const REFINEMENT_TEXT: Record<RefinementId, string> = {
	ats_certificate: 'anak berijazah SMA tidak bisa dikecualikan dari ATS',
	paket_in_school: 'yang masih sekolah tidak bisa dikecualikan dari Paket',
	roof_condition: 'atap berkondisi buruk tidak terhitung',
	wall_condition: 'dinding berkondisi buruk tidak terhitung',
	pip_level: 'jenjang PIP siswa ditentukan dari umur, bukan dari jenjang yang diduduki',
	pip_class: 'separuh biaya PIP untuk siswa baru dan kelas akhir tidak bisa ditentukan'
};

const STATUS_TEXT: Record<CapabilityStatus, string> = { full: 'lengkap', partial: 'sebagian', none: 'tidak bisa dihitung' };
const FILTER_NAME = { desil: 'desil', verval: 'verval' } as const;
const REQUIREMENT_NAME = { land: 'milik lahan', house: 'milik rumah' } as const;
const RULE_TEXT: Record<MissingRule, string> = { counted: 'tetap dihitung', excluded: 'tidak dihitung' };

export function fieldName(key: FieldKey | string): string {
	const field = key.slice(key.indexOf('.') + 1);
	return FIELD_NAME[field] ?? field;
}

/** "status verval" / "umur dan partisipasi sekolah": the absent columns, each once. */
function columnsText(keys: readonly string[]): string {
	const names = [...new Set(keys.map(fieldName))];
	return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} dan ${names[names.length - 1]}`;
}

function programmeShort(programme: ProgrammeId): string {
	return programme.toUpperCase();
}

function effectText(effect: Effect): string {
	switch (effect.kind) {
		case 'indicator':
			return `${INDICATOR_NAME[effect.indicator]} tidak bisa dihitung`;
		case 'refinement':
			return REFINEMENT_TEXT[effect.refinement];
		case 'filter':
			return `filter ${FILTER_NAME[effect.filter]} tidak berlaku`;
		case 'requirement':
			return `syarat ${REQUIREMENT_NAME[effect.requirement]} ${programmeShort(effect.programme)} tidak bisa diperiksa`;
	}
}

/** "tidak ada kolom status verval: filter verval tidak berlaku". */
export function reasonText(reason: CapabilityReason): string {
	return `tidak ada kolom ${columnsText(reason.absent)}: ${effectText(reason.effect)}`;
}

function unitOf(key: string): string {
	return key.startsWith('person.') ? 'jiwa' : 'keluarga';
}

function checkText(label: string, check: FilterCheck | RequirementCheck): string {
	if (!check.applies) return `${label}: tidak berlaku (tidak ada kolom ${columnsText(check.fields)})`;
	const missing =
		check.missing > 0
			? `; ${fieldName(check.fields[0] ?? '')} kosong di ${check.missing.toLocaleString('id-ID')} ${unitOf(check.fields[0] ?? '')}: ${RULE_TEXT[check.rule]}`
			: '';
	return `${label}: berlaku${missing}`;
}

export function filterText(check: FilterCheck): string {
	return checkText(`Filter ${FILTER_NAME[check.id]}`, check);
}

export function requirementText(check: RequirementCheck): string {
	return checkText(`Syarat ${REQUIREMENT_NAME[check.requirement]} ${programmeShort(check.programme)}`, check);
}

/**
 * The notes an export carries: each population filter, and each ownership requirement the plan asks
 * for, that did not apply or met records without a value.
 */
export function exportNotes(caps: Capabilities): string[] {
	const checks = [
		...caps.filters.map((f) => ({ check: f, text: filterText(f) })),
		...caps.requirements.filter((r) => r.enabled).map((r) => ({ check: r, text: requirementText(r) }))
	];
	return checks.filter(({ check }) => !check.applies || check.missing > 0).map(({ text }) => text);
}

/** Each indicator the register cannot feed in full: its name, how far it is computed, and why. */
export function indicatorNotes(caps: Capabilities): string[] {
	return caps.indicators
		.filter((c) => c.status !== 'full')
		.map((c) => `${INDICATOR_NAME[c.id]}: ${STATUS_TEXT[c.status]} (${c.reasons.map(reasonText).join('; ')})`);
}

/** The notes of an export made under `plan` from a register with these columns. */
export function planNotes(fields: readonly RegisterField[], plan: Plan): string[] {
	return exportNotes(capabilitiesOf(fields, plan));
}

/**
 * The validation report's section (`tepat report`, its XLSX): the register's columns and what they can
 * feed; `planLabel` names the plan the filters and requirements are those of ("rencana bawaan").
 */
export function capabilityLines(fields: readonly RegisterField[], caps: Capabilities, planLabel: string): string[] {
	const present = fields.filter((f) => f.present).length;
	const lines = [`Kolom register: ${present} dari ${fields.length} ditemukan`];
	if (caps.absent.length > 0) lines.push(`  Tidak ada: ${[...new Set(caps.absent.map(fieldName))].join(', ')}`);
	const item = (name: string, status: CapabilityStatus, reasons: readonly CapabilityReason[]) => {
		lines.push(`  ${name}: ${STATUS_TEXT[status]}`);
		for (const r of reasons) lines.push(`    ${reasonText(r)}`);
	};
	lines.push('Indikator:');
	for (const c of caps.indicators) item(INDICATOR_NAME[c.id], c.status, c.reasons);
	lines.push('Program:');
	for (const c of caps.programmes) item(programmeTitle(c.id, 'id'), c.status, c.reasons);
	lines.push(`Populasi dan syarat (${planLabel}):`);
	for (const f of caps.filters) lines.push(`  ${filterText(f)}`);
	for (const r of caps.requirements.filter((x) => x.enabled)) lines.push(`  ${requirementText(r)}`);
	return lines;
}
