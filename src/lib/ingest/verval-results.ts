/**
 * A verval result file (CSV or XLSX, a field team's sheet or a Google Forms export) → rows of
 * `verval_result` for one round (issue 13 point 1). The file is staged like a register file; its columns
 * are recognised from the headers (core/verval/result-fields.ts, a saved choice winning); the status
 * answers and the dates are read once per distinct value in TypeScript and joined back, so the
 * rules live in one place (core/verval). Importing the same file name into the same round again
 * replaces its rows; the register is never touched.
 */
import { createColumnsTableSql, createTableSql, scratchName } from '../core/catalog';
import { CodedError, coded, type CodedMessage } from '../core/messages';
import type { VervalMessages } from '../core/messages/verval';
import { sqlIdent, sqlString } from '../core/sql';
import { AmbiguousDatesError, readColumnDates, type ColumnDates } from '../core/verval/dates';
import { recogniseOutcome } from '../core/verval/outcomes';
import { resultColumns, type ResultColumns, type ResultField } from '../core/verval/result-fields';
import type { Engine } from '../engine/types';
import { rowsOf, scalarNumber } from '../core/rows';
import { DEFAULT_SLICE_BYTES, stageColumn, stageSource, type StageContext } from './stage';
import type { ByteSource } from './types';

export interface ResultImportOptions {
	round: number;
	/** A saved column choice (field → header, null = use no column). */
	chosen?: Partial<Record<ResultField, string | null>>;
	signal?: AbortSignal;
	sliceBytes?: number;
}

/** Why a result file cannot be imported (its words are the edge's: core/messages/verval.ts). */
export class ResultImportError extends CodedError {
	constructor(readonly said: CodedMessage<keyof VervalMessages>) {
		super(said);
		this.name = 'ResultImportError';
	}
}

export interface ResultImport {
	file: string;
	round: number;
	rows: number;
	columns: ResultColumns;
	/** Status answers not recognised, with how many rows give each (those rows resolve nobody). */
	unreadAnswers: { answer: string; rows: number }[];
	/** The day order of the date column used, when there is one. */
	dates: Pick<ColumnDates, 'order' | 'basis'> | null;
	unreadDates: string[];
}

interface Lookup {
	key: string;
	value: string | null;
}

async function distinctValues(engine: Engine, table: string, column: string): Promise<{ value: string; rows: number }[]> {
	const result = await engine.query(
		`SELECT trim(${column}) AS value, count(*) AS rows FROM ${table} WHERE nullif(trim(${column}), '') IS NOT NULL GROUP BY 1 ORDER BY 1`
	);
	return rowsOf(result, { value: 'string', rows: 'number' });
}

async function createLookup(engine: Engine, name: string, rows: readonly Lookup[]): Promise<void> {
	await engine.exec(
		createColumnsTableSql(
			[
				{ name: 'key', type: 'VARCHAR', doc: 'value as written, trimmed' },
				{ name: 'value', type: 'VARCHAR', doc: 'what it reads as' }
			],
			name,
			'temp_replace'
		)
	);
	for (let i = 0; i < rows.length; i += 200) {
		const values = rows
			.slice(i, i + 200)
			.map((r) => `(${sqlString(r.key)}, ${r.value === null ? 'NULL' : sqlString(r.value)})`)
			.join(', ');
		await engine.exec(`INSERT INTO ${name} VALUES ${values}`);
	}
}

/** Digits of an identifier cell, as text; NULL when empty. Excel damage is left for the register's checks. */
function idSql(column: string | null): string {
	return column === null ? 'NULL' : `nullif(regexp_replace(trim(${column}), '[^0-9A-Za-z.-]', '', 'g'), '')`;
}

function textSql(column: string | null): string {
	return column === null ? 'NULL' : `nullif(trim(${column}), '')`;
}

/** Imports one result file into `verval_result` (created if absent) as round `round`. */
export async function importResultFile(engine: Engine, source: ByteSource, options: ResultImportOptions): Promise<ResultImport> {
	const file = source.name;
	const { round } = options;
	if (!Number.isInteger(round) || round < 1) throw new ResultImportError(coded('verval.round_invalid', { file, round }));
	const loadId = `v${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
	const ctx: StageContext = {
		engine,
		loadId,
		sliceBytes: options.sliceBytes ?? DEFAULT_SLICE_BYTES,
		signal: options.signal,
		registered: new Set(),
		tables: new Set()
	};
	const answers = scratchName('tepat_codes', loadId, 0);
	const days = scratchName('tepat_codes', loadId, 1);
	ctx.tables.add(answers);
	ctx.tables.add(days);
	try {
		const staged = await stageSource(ctx, source, 0);
		const columns = resultColumns(staged.headers, options.chosen);
		if (columns.missing.length > 0) {
			const missing = columns.missing.map((group) => [...group]);
			throw new ResultImportError(coded('verval.columns_missing', { file, missing, headers: staged.headers }));
		}
		const col = (field: ResultField): string | null => {
			const header = columns.fields[field];
			return header === undefined ? null : stageColumn(staged.headers.indexOf(header));
		};

		const statusColumn = col('status') as string;
		const statusValues = await distinctValues(engine, staged.table, statusColumn);
		const outcomes = statusValues.map((v) => ({ key: v.value, value: recogniseOutcome(v.value), rows: v.rows }));
		await createLookup(engine, answers, outcomes);

		const dateField: ResultField | null = col('date') !== null ? 'date' : col('timestamp') !== null ? 'timestamp' : null;
		let dates: ColumnDates | null = null;
		if (dateField !== null) {
			const header = columns.fields[dateField] as string;
			const values = (await distinctValues(engine, staged.table, col(dateField) as string)).map((v) => v.value);
			try {
				dates = readColumnDates(values, dateField === 'timestamp' && /^timestamp$/i.test(header.trim()));
			} catch (error) {
				if (error instanceof AmbiguousDatesError) {
					const { dayFirst, monthFirst } = error;
					throw new ResultImportError(coded('verval.dates_ambiguous', { file, column: header, dayFirst, monthFirst }));
				}
				throw error;
			}
		}
		await createLookup(
			engine,
			days,
			[...(dates?.dates ?? new Map<string, string>())].map(([key, value]) => ({ key, value }))
		);

		await engine.exec(createTableSql('verval_result', 'verval_result', 'if_not_exists'));
		const dateColumn = dateField === null ? null : col(dateField);
		await engine.exec('BEGIN TRANSACTION');
		try {
			await engine.exec(`DELETE FROM verval_result WHERE round = ${round} AND source_file = ${sqlString(file)}`);
			await engine.exec(`
INSERT INTO verval_result
SELECT
	${round} AS round,
	${sqlString(file)} AS source_file,
	s.rowid + 1 AS source_row,
	${idSql(col('nik') === null ? null : `s.${col('nik')}`)} AS nik,
	${idSql(col('record_id') === null ? null : `s.${col('record_id')}`)} AS record_id,
	a.value AS outcome,
	${textSql(`s.${statusColumn}`)} AS answer,
	CAST(d.value AS DATE) AS visit_date,
	${textSql(col('officer') === null ? null : `s.${col('officer')}`)} AS officer,
	${textSql(col('notes') === null ? null : `s.${col('notes')}`)} AS notes,
	${textSql(col('village') === null ? null : `s.${col('village')}`)} AS village,
	${textSql(col('name') === null ? null : `s.${col('name')}`)} AS name
FROM ${staged.table} s
LEFT JOIN ${answers} a ON a.key = trim(s.${statusColumn})
LEFT JOIN ${days} d ON ${dateColumn === null ? 'FALSE' : `d.key = trim(s.${dateColumn})`}
WHERE ${staged.headers.map((_, i) => `nullif(trim(s.${sqlIdent(stageColumn(i))}), '') IS NOT NULL`).join(' OR ')}`);
			await engine.exec('COMMIT');
		} catch (error) {
			await engine.exec('ROLLBACK');
			throw error;
		}
		const rows = scalarNumber(
			await engine.query(`SELECT count(*) AS rows FROM verval_result WHERE round = ${round} AND source_file = ${sqlString(file)}`)
		);
		const unreadAnswers = outcomes.filter((o) => o.value === null).map((o) => ({ answer: o.key, rows: o.rows }));
		return {
			file,
			round,
			rows,
			columns,
			unreadAnswers,
			dates: dates && { order: dates.order, basis: dates.basis },
			unreadDates: dates?.unreadable ?? []
		};
	} finally {
		for (const table of ctx.tables) await engine.exec(`DROP TABLE IF EXISTS ${table}`);
		for (const name of ctx.registered) await engine.dropFile(name);
	}
}
