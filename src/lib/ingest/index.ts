/**
 * Register files → canonical `household` / `person` tables (../shared/DESIGN.md "Canonical data").
 *
 * Flow: each file is staged as VARCHAR columns, only those its mapping uses, trimmed (trimmed-stage.ts; CSV in slices through read_csv, Windows-1252 slices
 * re-encoded to UTF-8 first; XLSX through exceljs as CSV chunks; Parquet through
 * engine.createTableFromParquet; in Node a CSV or Parquet file on disk, `ByteSource.path`, is read by
 * DuckDB directly, and again in slices if DuckDB cannot read it so); headers say which source (DTSEN, DTKS/BDT or P3KE) and which role (flat,
 * household, person) each file has; SQL normalises into `*_next` tables; only when everything has
 * succeeded are they swapped in, in one transaction. Any failure or cancel leaves the previously
 * loaded tables as they were, and the staging tables and registered slices are always removed.
 *
 * Errors are `IngestError` with an Indonesian message naming the file (and row/column when known);
 * a cancelled load (opts.signal) throws `IngestCancelled`, a subclass of IngestError.
 */
import { coded } from '../core/messages';
import type { Engine } from '../engine/types';
import type { Reference } from '../core/reference';
import { CODE_TABLES, codeTableStatements } from '../core/codes';
import { SWAPPED_TABLES, createTableSql, nextName, rehearsalName, scratchName, type SwappedTable } from '../core/catalog';
import { referenceStatements } from './reference';
import { regionStatements, resolveRegency } from './regency';
import { applyChoices, type LoadMapping, type SideMapping } from './mapping';
import { SOURCES, recognise, type ColumnMapping, type FileRole, type RegisterSource, type SourceSpec } from './sources';
import { DEFAULT_SLICE_BYTES, stageColumn, stageSource, type StageContext, type StagedFile } from './stage';
import {
	codeValuesSides,
	householdRowsSql,
	householdStatements,
	personStatements,
	unknownCodesSql,
	villageNameIssuesInsertSql,
	type NormaliseInput
} from './normalise';
import { VILLAGE_NAME_TABLE, createVillageNameTableSql } from './villages';
import { REGISTER_FIELD_TABLE } from '../core/register-fields';
import { registerFieldInsertSql, registerFieldSources } from './fields';
import { familiesSql, peopleSql } from './duplicates';
import { codeValuesStatements, readCodeValues } from './code-values';
import { trimmedShape, type StageColumn } from './trimmed-stage';
import { checkFitsBeforeLoad, isOutOfMemory, memoryLimit, tooLargeError } from './memory';
import { REPORT_FILE_TABLE, REPORT_TABLE, reportFileStatements, reportStatements } from './report-sql';
import { csvFindingStatements } from './csv-findings';
import { refuseLosses } from './losses';
import { IngestCancelled, IngestError, type ByteSource, type IngestOptions, type IngestResult, type IngestTiming } from './types';

export { loadReference, referenceStatements } from './reference';
export { bytesByteSource } from './bytes-source';
export { INGEST_STEPS, IngestCancelled, IngestError } from './types';
export type { ByteSource, IngestOptions, IngestProgress, IngestResult, IngestStep, IngestTiming, SourceKind } from './types';
export type { ColumnMapping, FileRole, RegisterSource } from './sources';
export type { RegencyBasis, RegencyChoice, RegencyOutcome } from './regency';
export type { FieldChoices, LoadMapping, MappedField, SavedMapping, SideMapping } from './mapping';

interface RecognisedFile extends StagedFile {
	source: RegisterSource;
	role: FileRole;
}

function localDate(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function newLoadId(): string {
	return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
}

async function scalar(engine: Engine, sql: string): Promise<number> {
	const table = await engine.query(sql);
	const row = table.get(0);
	const value = row ? Object.values(row.toJSON())[0] : 0;
	return Number(value ?? 0);
}

function recogniseFile(file: StagedFile): RecognisedFile {
	const found = recognise(file.headers);
	if ('reason' in found) {
		throw new IngestError(coded('ingest.not_recognised', { file: file.file }), file.file);
	}
	return { ...file, ...found };
}

/** Picks the household and person files out of one flat file or one pair. */
function arrange(files: RecognisedFile[]): { household: RecognisedFile; person: RecognisedFile; flat: boolean } {
	const [a, b] = files;
	if (!a) throw new IngestError(coded('ingest.no_files', {}), '');
	const spec = SOURCES[a.source];
	if (!b) {
		if (a.role === 'flat') return { household: a, person: a, flat: true };
		if (a.role === 'household') {
			const marker = spec.person.find((s) => s.field === 'person_key')?.headers[0] ?? '';
			throw new IngestError(coded('ingest.household_file_alone', { file: a.file, marker }), a.file);
		}
		throw new IngestError(coded('ingest.person_file_alone', { file: a.file, source: spec.title }), a.file);
	}
	if (a.source !== b.source) {
		throw new IngestError(
			coded('ingest.different_sources', {
				first: a.file,
				firstSource: SOURCES[a.source].title,
				second: b.file,
				secondSource: SOURCES[b.source].title
			}),
			b.file
		);
	}
	const household = [a, b].find((f) => f.role === 'household');
	const person = [a, b].find((f) => f.role === 'person');
	if (!household || !person) {
		throw new IngestError(coded('ingest.not_a_pair', { first: a.file, firstRole: a.role, second: b.file, secondRole: b.role }), b.file);
	}
	return { household, person, flat: false };
}

/** The mappings a file of these headers gets (both sides of a flat file), as the load applies them below. */
function mappingsOf(headers: readonly string[], choices: IngestOptions['mappings']): ColumnMapping[] | undefined {
	const found = recognise(headers);
	if ('reason' in found) return undefined;
	const sides = found.role === 'flat' ? (['household', 'person'] as const) : [found.role];
	const file = { file: '', role: found.role, headers };
	return sides.map((side) => applyChoices(found.source, side, file, stageColumn, choices?.[found.source]?.[side]).mapping);
}

/** The trimmed stage's columns of a file of these headers (trimmed-stage.ts), when they are recognised. */
function shapeOf(headers: readonly string[], choices: IngestOptions['mappings']): StageColumn[] | undefined {
	const mappings = mappingsOf(headers, choices);
	return mappings ? trimmedShape(mappings) : undefined;
}

function requireColumns(
	file: RecognisedFile,
	spec: SourceSpec,
	mapping: ColumnMapping,
	which: 'household' | 'person',
	unmappedByChoice: ReadonlySet<string>
): void {
	const required = which === 'household' ? spec.requiredHousehold : spec.requiredPerson;
	const fields = which === 'household' ? spec.household : spec.person;
	for (const field of required) {
		if (mapping[field]) continue;
		const header = fields.find((s) => s.field === field)?.headers[0] ?? field;
		const where = { file: file.file, source: spec.title, role: file.role, header };
		const said = unmappedByChoice.has(field) ? coded('ingest.unmapped_column', where) : coded('ingest.missing_column', where);
		throw new IngestError(said, file.file, undefined, header);
	}
}

async function dropTables(engine: Engine, tables: Iterable<string>): Promise<void> {
	for (const table of tables) {
		try {
			await engine.exec(`DROP TABLE IF EXISTS ${table}`);
		} catch {
			// Best effort: cleanup must never hide the error that got us here.
		}
	}
}

/** The loaded register's tables replaced by the `*_next` ones, all or none. */
async function swapIn(engine: Engine): Promise<void> {
	await engine.exec('BEGIN TRANSACTION');
	try {
		for (const table of SWAPPED_TABLES) {
			await engine.exec(`DROP TABLE IF EXISTS ${table}`);
			await engine.exec(`ALTER TABLE ${nextName(table)} RENAME TO ${table}`);
		}
		await engine.exec('COMMIT');
	} catch (error) {
		await engine.exec('ROLLBACK');
		throw error;
	}
}

/**
 * Loads a register: one flat file, or a household file and a member file (any order), of DTSEN,
 * DTKS/BDT or P3KE, as CSV (comma, semicolon or tab; UTF-8 with or without BOM, or Windows-1252),
 * XLSX (first visible sheet, or `ByteSource.sheet`; header row found under title rows) or Parquet.
 * Replaces `household`, `person`, `village`, `kecamatan`, `ingest_unknown_code`, `register_field`
 * and `ingest_village_name` only if the whole load succeeds.
 */
export async function ingestRegister(
	engine: Engine,
	sources: ByteSource[],
	current: Reference,
	opts: IngestOptions = {}
): Promise<IngestResult> {
	if (sources.length === 0) throw new IngestError(coded('ingest.no_files', {}), '');
	if (sources.length > 2) {
		throw new IngestError(coded('ingest.too_many_files', {}), sources[2]?.name ?? '');
	}
	const loadId = newLoadId();
	const next: (table: SwappedTable) => string = opts.rehearsal ? rehearsalName : nextName;
	const ctx: StageContext = {
		engine,
		loadId,
		sliceBytes: Math.max(1, Math.floor(opts.sliceBytes ?? DEFAULT_SLICE_BYTES)),
		signal: opts.signal,
		onProgress: opts.onProgress,
		registered: new Set(),
		tables: new Set(),
		stageMs: 0,
		// Readers that start from the headers stage only the mapped columns, trimmed (trimmed-stage.ts).
		shapeOf: (headers) => shapeOf(headers, opts.mappings)
	};
	const bytesTotal = sources.reduce((sum, s) => sum + s.size, 0);
	const loadStarted = performance.now();
	let stepStarted = loadStarted;
	/** Reports the step that ends now (onTiming), and starts the next one. */
	const stepDone = (step: IngestTiming['step'], rows: number, bytes = 0, ms = performance.now() - stepStarted) => {
		opts.onTiming?.({ step, ms, rows, bytes });
		stepStarted = performance.now();
	};
	const codesTable = scratchName('tepat_codes', loadId);
	const label = sources.map((s) => s.name).join(', ');
	const checkAbort = () => {
		if (opts.signal?.aborted) throw new IngestCancelled(label);
	};
	let swapped = false;
	const limit = await memoryLimit(engine);
	try {
		checkFitsBeforeLoad(sources, limit);
		// 1. Stage every file.
		const staged: RecognisedFile[] = [];
		for (const [index, source] of sources.entries()) {
			const file = await stageSource(ctx, source, index);
			staged.push(recogniseFile(file));
		}
		const csvFindings = scratchName('tepat_csv_findings', loadId);
		const scanned = staged.filter((f) => (f.issues ?? []).length > 0);
		if (scanned.length > 0) {
			ctx.tables.add(csvFindings);
			for (const statement of csvFindingStatements(csvFindings, scanned)) await engine.exec(statement);
		}
		const stagedRows = staged.reduce((sum, f) => sum + f.rows, 0);
		stepDone('read', stagedRows, bytesTotal, performance.now() - loadStarted - (ctx.stageMs ?? 0));
		stepDone('stage', stagedRows, bytesTotal, ctx.stageMs ?? 0);
		checkAbort();

		// 2. Which file is what; are the needed columns there; is there any data.
		const { household, person, flat } = arrange(staged);
		const spec = SOURCES[household.source];
		const saved = opts.mappings?.[spec.id];
		const householdSide = applyChoices(spec.id, 'household', household, stageColumn, saved?.household);
		const personSide = applyChoices(spec.id, 'person', person, stageColumn, saved?.person);
		const householdMap = householdSide.mapping;
		const personMap = personSide.mapping;
		const mapping: LoadMapping = {
			source: spec.id,
			household: householdSide.used,
			person: personSide.used,
			ignored: [...householdSide.ignored, ...personSide.ignored]
		};
		const unmapped = (side: SideMapping) =>
			new Set(side.fields.filter((f) => f.origin === 'chosen' && f.header === null).map((f) => f.field));
		requireColumns(household, spec, householdMap, 'household', unmapped(mapping.household));
		requireColumns(person, spec, personMap, 'person', unmapped(mapping.person));
		for (const file of flat ? [household] : [household, person]) {
			if (file.rows === 0) {
				throw new IngestError(coded('ingest.header_only', { file: file.file }), file.file);
			}
		}

		// 3. Normalise into *_next tables.
		const rowsRead = flat ? household.rows : household.rows + person.rows;
		opts.onProgress?.({ phase: 'normalise', file: label, rowsRead, bytesRead: 0, bytesTotal: 0 });
		for (const statement of codeTableStatements(codesTable, CODE_TABLES[spec.codeTable])) {
			await engine.exec(statement);
		}
		ctx.tables.add(codesTable);
		const staged0: NormaliseInput = {
			spec,
			household: { file: household.file, table: household.table, mapping: householdMap },
			person: { file: person.file, table: person.table, mapping: personMap },
			flat,
			codes: codesTable,
			kabupatenKode: current.kabupaten.kode,
			villages: next('village'),
			asOf: opts.asOf ?? localDate(new Date()),
			families: scratchName('tepat_families', loadId),
			people: scratchName('tepat_people', loadId),
			households: scratchName('tepat_households', loadId),
			codeValues: scratchName('tepat_code_values', loadId)
		};
		// Duplicate families and people are placed or left out by rule and reported, never refused (duplicates.ts).
		ctx.tables.add(staged0.families).add(staged0.people).add(staged0.households).add(staged0.codeValues);
		await engine.exec(familiesSql(staged0, staged0.families));
		await engine.exec(peopleSql(staged0, staged0.people));
		await engine.exec(householdRowsSql(staged0, staged0.households));
		// The regency is read off the families as placed (householdCtes reads the families table).
		const { reference, regency } = await resolveRegency(engine, staged0, current, opts.region ?? {}, household.file);
		for (const statement of codeValuesStatements(codeValuesSides(staged0), codesTable, staged0.codeValues)) await engine.exec(statement);
		const knownCodes = {
			household: await readCodeValues(engine, staged0.codeValues, 'household'),
			person: await readCodeValues(engine, staged0.codeValues, 'person')
		};
		const input: NormaliseInput = { ...staged0, kabupatenKode: reference.kabupaten.kode, knownCodes };
		checkAbort();
		await dropTables(engine, SWAPPED_TABLES.map(next));
		for (const statement of referenceStatements(reference, next('village'), next('kecamatan'))) {
			await engine.exec(statement);
		}
		for (const statement of regionStatements(regency, next('register_region'))) await engine.exec(statement);
		for (const statement of householdStatements(input, next('household'))) await engine.exec(statement);
		checkAbort();
		for (const statement of personStatements(input, next('person'), next('household'))) await engine.exec(statement);
		await engine.exec(createTableSql(REGISTER_FIELD_TABLE, next(REGISTER_FIELD_TABLE)));
		await engine.exec(
			registerFieldInsertSql(registerFieldSources(spec, householdMap, personMap), next(REGISTER_FIELD_TABLE), {
				household: next('household'),
				person: next('person')
			})
		);
		await engine.exec(createTableSql('ingest_unknown_code', next('ingest_unknown_code')));
		for (const which of ['household', 'person'] as const) {
			const sql = unknownCodesSql(input, which, next('ingest_unknown_code'));
			if (sql) await engine.exec(sql);
		}
		await engine.exec(createVillageNameTableSql(next(VILLAGE_NAME_TABLE)));
		const villageNames = villageNameIssuesInsertSql(input, next(VILLAGE_NAME_TABLE));
		if (villageNames) await engine.exec(villageNames);
		if (opts.onTiming) {
			const built = await scalar(engine, `SELECT (SELECT count(*) FROM ${next('household')}) + (SELECT count(*) FROM ${next('person')})`);
			stepDone('normalise', built);
		}
		// The validation report (report-sql.ts), swapped in with the tables it describes.
		const reportTables = {
			households: next('household'),
			people: next('person'),
			villages: next('village'),
			unknown: next('ingest_unknown_code'),
			villageNames: next(VILLAGE_NAME_TABLE),
			regionName: reference.kabupaten.nama,
			regency,
			csvFindings: scanned.length > 0 ? csvFindings : undefined,
			sheets: Object.fromEntries(
				staged.flatMap((f) => (f.sheet && f.headerRow ? [[f.file, { sheet: f.sheet, headerRow: f.headerRow }]] : []))
			)
		};
		for (const statement of reportStatements(input, reportTables, next(REPORT_TABLE))) await engine.exec(statement);
		const files = flat ? [household] : [household, person];
		for (const statement of reportFileStatements(files, next(REPORT_FILE_TABLE))) await engine.exec(statement);
		checkAbort();

		// 4. Count, then swap in.
		const households = await scalar(engine, `SELECT count(*)::BIGINT FROM ${next('household')}`);
		if (households === 0) {
			const keyHeader = householdMap['key']?.header ?? 'kunci';
			throw new IngestError(
				coded('ingest.no_households', { file: household.file, header: keyHeader }),
				household.file,
				undefined,
				keyHeader
			);
		}
		const people = await scalar(engine, `SELECT count(*)::BIGINT FROM ${next('person')}`);
		const unmatchedHouseholds = await scalar(
			engine,
			`SELECT count(*)::BIGINT FROM ${next('household')} h WHERE h.village_kode IS NULL OR h.village_kode NOT IN (SELECT kode FROM ${next('village')})`
		);
		const unknownValues = await scalar(engine, `SELECT coalesce(sum(rows), 0)::BIGINT FROM ${next('ingest_unknown_code')}`);
		const rowsRejected = rowsRead - households * (flat ? 0 : 1) - people;
		if (!opts.acceptRejected) await refuseLosses(engine, next(REPORT_TABLE), rowsRead, label);
		checkAbort();

		if (!opts.rehearsal) await swapIn(engine);
		swapped = !opts.rehearsal;

		if (opts.onTiming) {
			stepDone('report', await scalar(engine, `SELECT count(*)::BIGINT FROM ${swapped ? REPORT_TABLE : next(REPORT_TABLE)}`));
			opts.onTiming({ step: 'total', ms: performance.now() - loadStarted, rows: rowsRead, bytes: bytesTotal });
		}
		opts.onProgress?.({ phase: 'done', file: label, rowsRead, bytesRead: 0, bytesTotal: 0 });
		return {
			source: spec.id,
			files: sources.map((s) => s.name),
			rowsRead,
			households,
			people,
			rowsRejected,
			unmatchedHouseholds,
			unknownValues,
			mapping,
			regency,
			reference,
			readBy: staged.map((f) => f.readBy ?? 'copy')
		};
	} catch (error) {
		if (error instanceof IngestError) throw error;
		if (isOutOfMemory(error)) throw tooLargeError(sources, limit);
		const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
		throw new IngestError(coded('ingest.failed', { label, detail }), label);
	} finally {
		if (!swapped) await dropTables(engine, SWAPPED_TABLES.map(next));
		await dropTables(engine, ctx.tables);
		for (const name of ctx.registered) {
			try {
				await engine.dropFile(name);
			} catch {
				// already gone
			}
		}
	}
}
