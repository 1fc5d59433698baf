/**
 * The column-mapping step: which column of the user's file feeds which canonical field. Ingest guesses
 * from header names (sources.ts); the user can overrule any guess with a `SavedMapping`, which is plain
 * JSON so it can be kept across reloads, downloaded and opened again for next year's extract.
 *
 * Choices name headers as written (not positions), so one saved mapping fits every export that uses
 * the same column names. A choice naming a header the file does not have is not applied (the guess
 * stays) and is listed in `ignored`, so the screen can say so instead of failing the load.
 */
import { CodedError, coded, type CodedMessage } from '../core/messages';
import type { MappingMessages } from '../core/messages/ingest';
import {
	SOURCES,
	headerIndex,
	normaliseHeader,
	resolveColumns,
	type ColumnMapping,
	type FieldSpec,
	type FileRole,
	type RegisterSource
} from './sources';

/** Canonical field → header as written in the file, or null for "do not use any column". */
export type FieldChoices = Record<string, string | null>;

export const MAPPING_FORMAT = 'tepat-column-mapping';
export const MAPPING_VERSION = 1;

/** The user's overrides for one source, as saved and as written to a .json file. */
export interface SavedMapping {
	format: typeof MAPPING_FORMAT;
	version: typeof MAPPING_VERSION;
	source: RegisterSource;
	household: FieldChoices;
	person: FieldChoices;
}

export type MappingOrigin = 'guessed' | 'chosen' | 'none';

export interface MappedField {
	field: string;
	/** The header feeding it, as written in the file; null when no column does. */
	header: string | null;
	origin: MappingOrigin;
	required: boolean;
}

/** The mapping used for one side (household or person) of a load. */
export interface SideMapping {
	file: string;
	role: FileRole;
	/** Every header of the file, in order: what the user can choose from. */
	headers: string[];
	fields: MappedField[];
	/** XLSX: the worksheet read, and every worksheet of the workbook. */
	sheet?: string;
	sheets?: string[];
}

export type MappingSide = 'household' | 'person';

/** What a load used: shown on the Data screen, kept with the stored register. */
export interface LoadMapping {
	source: RegisterSource;
	household: SideMapping;
	person: SideMapping;
	/** Saved choices that named a header the file does not have (the guess was used instead). */
	ignored: { side: MappingSide; field: string; header: string }[];
}

export function emptyMapping(source: RegisterSource): SavedMapping {
	return { format: MAPPING_FORMAT, version: MAPPING_VERSION, source, household: {}, person: {} };
}

/** Each field once, in the order of the source spec (a spec may list a field under two headers). */
export function sideFields(source: RegisterSource, side: MappingSide): FieldSpec[] {
	const seen = new Set<string>();
	return SOURCES[source][side].filter((spec) => !seen.has(spec.field) && seen.add(spec.field));
}

function requiredFields(source: RegisterSource, side: MappingSide): readonly string[] {
	const spec = SOURCES[source];
	return side === 'household' ? spec.requiredHousehold : spec.requiredPerson;
}

/**
 * The guessed mapping with the user's choices applied: a choice of a header the file has wins, a
 * choice of null unmaps the field, a choice of a missing header is ignored (and reported).
 */
export function applyChoices(
	source: RegisterSource,
	side: MappingSide,
	file: { file: string; role: FileRole; headers: readonly string[]; sheet?: string; sheets?: readonly string[] },
	stageColumn: (index: number) => string,
	choices: FieldChoices = {}
): { mapping: ColumnMapping; used: SideMapping; ignored: LoadMapping['ignored'] } {
	const fields = sideFields(source, side);
	const loose = headerIndex(file.headers);
	const mapping = resolveColumns(fields, file.headers, stageColumn, loose);
	const exact = new Map<string, number>();
	file.headers.forEach((h, i) => {
		if (!exact.has(h)) exact.set(h, i);
	});
	const chosen = new Set<string>();
	const ignored: LoadMapping['ignored'] = [];
	for (const spec of fields) {
		if (!Object.hasOwn(choices, spec.field)) continue;
		const header = choices[spec.field];
		if (header === null || header === undefined) {
			delete mapping[spec.field];
			chosen.add(spec.field);
			continue;
		}
		const index = exact.get(header) ?? loose.get(normaliseHeader(header));
		if (index === undefined) {
			ignored.push({ side, field: spec.field, header });
			continue;
		}
		mapping[spec.field] = { header: file.headers[index] ?? header, column: stageColumn(index) };
		chosen.add(spec.field);
	}
	const required = requiredFields(source, side);
	const used: SideMapping = {
		file: file.file,
		role: file.role,
		headers: [...file.headers],
		...(file.sheet && file.sheets ? { sheet: file.sheet, sheets: [...file.sheets] } : {}),
		fields: fields.map((spec) => {
			const header = mapping[spec.field]?.header ?? null;
			const origin: MappingOrigin = chosen.has(spec.field) ? 'chosen' : header === null ? 'none' : 'guessed';
			return { field: spec.field, header, origin, required: required.includes(spec.field) };
		})
	};
	return { mapping, used, ignored };
}

/** The choices that reproduce `used` exactly: every field the user chose, plus the edits in `draft`. */
export function choicesOf(used: SideMapping, draft: FieldChoices = {}): FieldChoices {
	const out: FieldChoices = {};
	for (const field of used.fields) {
		if (field.origin === 'chosen') out[field.field] = field.header;
	}
	for (const [field, header] of Object.entries(draft)) out[field] = header;
	return out;
}

/** A column-mapping file refused: why as a code, worded at the edge. */
export class MappingFileError extends CodedError {
	declare readonly said: CodedMessage<keyof MappingMessages>;

	constructor(said: CodedMessage<keyof MappingMessages>) {
		super(said);
		this.name = 'MappingFileError';
	}
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseChoices(source: RegisterSource, side: MappingSide, value: unknown, name: string): FieldChoices {
	if (value === undefined) return {};
	if (!isRecord(value)) throw new MappingFileError(coded('mapping.side_not_object', { file: name, side }));
	const known = new Set(sideFields(source, side).map((spec) => spec.field));
	const out: FieldChoices = {};
	for (const [field, header] of Object.entries(value)) {
		if (!known.has(field)) {
			throw new MappingFileError(coded('mapping.unknown_field', { file: name, field, side, source: SOURCES[source].title }));
		}
		if (header !== null && (typeof header !== 'string' || header.trim() === '')) {
			throw new MappingFileError(coded('mapping.not_header', { file: name, side, field }));
		}
		out[field] = header;
	}
	return out;
}

/** Reads a mapping file's JSON text; refuses anything that is not a mapping Tepat wrote or could use. */
export function parseSavedMapping(text: string, name: string): SavedMapping {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new MappingFileError(coded('mapping.not_json', { file: name }));
	}
	return savedMappingOf(value, name);
}

/** A parsed JSON value as a mapping, checked the same way as a mapping file (`name` in the messages). */
export function savedMappingOf(value: unknown, name: string): SavedMapping {
	if (!isRecord(value) || value.format !== MAPPING_FORMAT) {
		throw new MappingFileError(coded('mapping.not_mapping', { file: name, format: MAPPING_FORMAT }));
	}
	if (value.version !== MAPPING_VERSION) {
		throw new MappingFileError(
			coded('mapping.version', { file: name, version: String(value.version), supported: String(MAPPING_VERSION) })
		);
	}
	const source = value.source;
	if (typeof source !== 'string' || !Object.hasOwn(SOURCES, source)) {
		throw new MappingFileError(coded('mapping.unknown_source', { file: name, source: String(source) }));
	}
	const id = source as RegisterSource;
	return {
		format: MAPPING_FORMAT,
		version: MAPPING_VERSION,
		source: id,
		household: parseChoices(id, 'household', value.household, name),
		person: parseChoices(id, 'person', value.person, name)
	};
}
