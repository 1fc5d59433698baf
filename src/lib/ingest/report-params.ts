/**
 * A report row read back as a coded finding: its columns and its `params` JSON text (written by
 * report-sql.ts and regency-change.ts through core/sql-json.ts) become one of the finding messages
 * (core/messages/report.ts) that the words layer renders.
 */
import type { CodedMessage } from '../core/messages';
import type { FindingMessages, FindingPlace, LabelledValue } from '../core/messages/report';
import { ID_ISSUES, type IdIssue, type IdKind } from '../core/nik';
import { CSV_ISSUE_SEVERITY, type CsvIssueCode } from './csv-scan';

export type FindingSaid = CodedMessage<keyof FindingMessages>;

/** The columns of a report row a finding is read from. */
export interface FindingColumns {
	code: string;
	source_file: string;
	source_row: number | null;
	source_column: string | null;
	value: string | null;
	rows: number;
	household_id: string | null;
	params: string;
}

/**
 * JSON text to an object. The SQL escapes quotes, backslashes, newlines, returns and tabs; any other
 * control character can only sit inside a string, so it is escaped here before parsing.
 */
export function parseParams(code: string, text: string): Readonly<Record<string, unknown>> {
	// eslint-disable-next-line no-control-regex
	const safe = text.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	const parsed: unknown = JSON.parse(safe);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return broken(code, `params ${text}`);
	return parsed as Record<string, unknown>;
}

/** A finding the reader cannot read is a bug in the SQL that wrote it, not something a file can cause. */
function broken(code: string, what: string): never {
	throw new Error(`finding ${code}: ${what}`);
}

/** Typed access to one finding's parameters. */
class Params {
	constructor(
		private readonly code: string,
		private readonly values: Readonly<Record<string, unknown>>
	) {}

	private wrong(key: string): never {
		return broken(this.code, `param ${key} is ${JSON.stringify(this.values[key])}`);
	}

	textOrNull(key: string): string | null {
		const v = this.values[key];
		if (v === undefined || v === null) return null;
		return typeof v === 'string' ? v : this.wrong(key);
	}

	text(key: string): string {
		return this.textOrNull(key) ?? this.wrong(key);
	}

	numberOrNull(key: string): number | null {
		const v = this.values[key];
		return v === null || v === undefined ? null : this.number(key);
	}

	number(key: string): number {
		const v = this.values[key];
		return typeof v === 'number' ? v : this.wrong(key);
	}

	oneOf<T extends string>(key: string, allowed: readonly T[]): T {
		const v = this.text(key);
		return (allowed as readonly string[]).includes(v) ? (v as T) : this.wrong(key);
	}

	flag(key: string): boolean {
		return this.values[key] === true;
	}

	texts(key: string): string[] {
		const v = this.values[key];
		return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : this.wrong(key);
	}

	sheet(): FindingPlace['sheet'] {
		const v = this.values['sheet'];
		if (v === undefined) return null;
		const s = v as { name?: unknown; headerRow?: unknown };
		return typeof s.name === 'string' && typeof s.headerRow === 'number' ? { name: s.name, headerRow: s.headerRow } : this.wrong('sheet');
	}
}

const REGENCY_BASES = ['detected', 'chosen', 'kept', 'changed'] as const;
const INVALID_REASONS = ['not_number', 'not_whole', 'out_of_range', 'not_date'] as const;

const need = <T>(value: T | null, what: string, code: string): T => {
	return value === null ? broken(code, `no ${what}`) : value;
};

/** The NIK/KK kind and issue of a code `nik_<issue>` / `kk_<issue>`, or null. */
function identifierIssue(code: string): { kind: IdKind; issue: IdIssue } | null {
	const m = /^(nik|kk)_(.+)$/.exec(code);
	const issue = m?.[2] as IdIssue | undefined;
	return m && issue && ID_ISSUES.includes(issue) ? { kind: m[1] as IdKind, issue } : null;
}

const headOf = (header: string | null, value: string | null): LabelledValue | null => (header && value !== null ? { header, value } : null);

/** One report row as its coded finding. */
export function findingOf(row: FindingColumns): FindingSaid {
	const code = row.code;
	const p = new Params(code, parseParams(code, row.params));
	const place: FindingPlace = { file: row.source_file, row: row.source_row, sheet: p.sheet(), column: row.source_column };
	const value = () => need(row.value, 'value', code);
	const firstRow = () => need(row.source_row, 'row', code);
	const afterChange = p.flag('afterChange');
	const identifier = identifierIssue(code);
	if (identifier) return { code: 'finding.identifier', params: { place, ...identifier, value: row.value } };
	const trailing = /^(nik|kk)_column_trailing_zeros$/.exec(code);
	if (trailing) {
		return {
			code: 'finding.trailing_zeros',
			params: {
				place: { ...place, row: null },
				kind: trailing[1] as IdKind,
				zeros: row.rows,
				values: p.number('values'),
				firstRow: firstRow()
			}
		};
	}
	const csv = /^csv_(.+)$/.exec(code)?.[1];
	if (csv !== undefined && csv in CSV_ISSUE_SEVERITY) {
		const found = p.numberOrNull('found');
		return { code: 'finding.csv', params: { place, issue: csv as CsvIssueCode, found, expected: p.number('expected') } };
	}
	switch (code) {
		case 'invalid_value':
			return {
				code: 'finding.invalid_value',
				params: {
					place,
					value: value(),
					rows: row.rows,
					reason: p.oneOf('reason', INVALID_REASONS),
					min: p.numberOrNull('min'),
					max: p.numberOrNull('max'),
					firstRows: p.text('firstRows')
				}
			};
		case 'empty_row':
		case 'empty_key':
			return { code: `finding.${code}`, params: { place } };
		case 'orphan_member':
			return { code: 'finding.orphan_member', params: { place, key: value(), householdFile: p.text('householdFile') } };
		case 'household_without_members':
			return { code: 'finding.household_without_members', params: { place, householdId: value(), personFile: p.text('personFile') } };
		case 'village_not_in_reference':
			return {
				code: 'finding.village_not_in_reference',
				params: {
					place,
					kode: row.value,
					region: p.text('region'),
					households: p.number('households'),
					people: p.number('people'),
					firstRow: afterChange ? null : row.source_row
				}
			};
		case 'regency': {
			const basis = p.oneOf('basis', REGENCY_BASES);
			return {
				code: 'finding.regency',
				params: {
					file: basis === 'changed' ? null : row.source_file,
					name: p.text('name'),
					kode: value(),
					basis,
					households: row.rows,
					voting: p.number('voting')
				}
			};
		}
		case 'other_regency':
			return {
				code: 'finding.other_regency',
				params: {
					place,
					kode: value(),
					name: p.textOrNull('name'),
					region: p.text('region'),
					households: row.rows,
					people: p.number('people'),
					firstRow: afterChange ? null : row.source_row
				}
			};
		case 'village_name_ambiguous':
			return {
				code: 'finding.village_name_ambiguous',
				params: {
					place,
					name: value(),
					kecamatan: p.textOrNull('kecamatan') ?? '',
					candidates: p.textOrNull('candidates') ?? '',
					households: row.rows
				}
			};
		case 'village_name_not_found':
			return {
				code: 'finding.village_name_not_found',
				params: { place, name: value(), kecamatan: p.textOrNull('kecamatan') ?? '', households: row.rows }
			};
		case 'village_name_no_kecamatan':
			return { code: 'finding.village_name_no_kecamatan', params: { place, name: value(), households: row.rows } };
		case 'unknown_code':
			return {
				code: 'finding.unknown_code',
				params: {
					file: row.source_file,
					column: need(row.source_column, 'column', code),
					value: value(),
					rows: row.rows,
					firstRow: firstRow(),
					codebook: p.text('codebook')
				}
			};
		case 'duplicate_family':
			return {
				code: 'finding.duplicate_family',
				params: { place, key: value(), firstRow: p.number('firstRow'), columns: p.texts('columns') }
			};
		case 'family_key_shared': {
			const header = p.textOrNull('headHeader');
			return {
				code: 'finding.family_key_shared',
				params: {
					place,
					key: value(),
					keyRow: p.number('keyRow'),
					firstHead: headOf(header, p.textOrNull('firstHead')),
					rows: p.text('rows'),
					head: headOf(header, p.textOrNull('head')),
					columns: p.text('columns'),
					householdId: need(row.household_id, 'household', code),
					personFile: p.textOrNull('personFile')
				}
			};
		}
		case 'duplicate_person':
			return {
				code: 'finding.duplicate_person',
				params: { place, nik: p.text('nik'), name: p.textOrNull('name'), firstRow: p.number('firstRow') }
			};
		case 'person_in_two_families':
			return {
				code: 'finding.person_in_two_families',
				params: {
					place,
					nik: p.text('nik'),
					name: p.textOrNull('name'),
					firstRow: p.number('firstRow'),
					firstHousehold: p.text('firstHousehold'),
					householdId: need(row.household_id, 'household', code)
				}
			};
		case 'duplicate_nik':
			return { code: 'finding.duplicate_nik', params: { place, nik: p.text('nik'), firstRow: p.number('firstRow') } };
		case 'nik_in_two_families':
			return {
				code: 'finding.nik_in_two_families',
				params: { place, nik: p.text('nik'), firstRow: p.number('firstRow'), firstHousehold: p.text('firstHousehold') }
			};
		default:
			return broken(code, 'unknown code');
	}
}
