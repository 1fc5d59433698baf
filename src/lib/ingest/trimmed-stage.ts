/**
 * The stage as the normalise, duplicates and report statements read it: only the columns the mapping
 * uses, each trimmed once (NULL when empty), in file order (its rowid + 1 is still the data row number),
 * under the stage's own column names (c3 stays c3). Every later statement scans this narrower table
 * instead of trimming the same columns again (issue 14 point 1).
 *
 * Every reader writes the stage in this shape straight away (stage-table.ts `stageTableFor`): the
 * mapping follows from the headers alone (ingest/index.ts `shapeOf`), so there is no wide VARCHAR copy
 * of every column to trim afterwards. A file whose headers are not recognised is staged wide, as
 * written (`wideShape`), and then refused; so is every file of a verval-result import, which has its own
 * columns (verval-results.ts).
 *
 * The NIK/KK checks (core/nik.ts) judge the value as written (spaces, Excel's apostrophe), so the
 * columns of the identifier fields are also kept untrimmed, under `writtenColumn(column)`.
 */
import { sqlIdent } from '../core/sql';
import type { ColumnMapping } from './sources';

/** Fields whose value some statement reads as written, not trimmed. */
const WRITTEN_FIELDS: ReadonlySet<string> = new Set(['nik', 'kk', 'key']);

/** One column of a stage: the file's column `index`, trimmed or as written, under `name`. */
export interface StageColumn {
	name: string;
	index: number;
	trimmed: boolean;
}

/** The stage's name of the file's column `index` (c0 … cN). */
export function stageColumn(index: number): string {
	return `c${index}`;
}

/** The untrimmed copy of stage column `column` (only for the columns of WRITTEN_FIELDS). */
export function writtenColumn(column: string): string {
	return `${column}_written`;
}

/** The position of stage column c<N> in the file. */
function positionOf(column: string): number {
	return Number(column.slice(1));
}

/** Every column of the file as written (`stageColumn` names): the stage before the mapping is known. */
export function wideShape(count: number): StageColumn[] {
	return Array.from({ length: count }, (_, index) => ({ name: stageColumn(index), index, trimmed: false }));
}

/** The trimmed stage's columns for `mappings` (both sides of a flat file), in file order. */
export function trimmedShape(mappings: readonly ColumnMapping[]): StageColumn[] {
	const columns = new Set<string>();
	const written = new Set<string>();
	for (const mapping of mappings) {
		for (const [field, mapped] of Object.entries(mapping)) {
			columns.add(mapped.column);
			if (WRITTEN_FIELDS.has(field)) written.add(mapped.column);
		}
	}
	const byPosition = (a: string, b: string) => positionOf(a) - positionOf(b);
	return [
		...[...columns].sort(byPosition).map((name) => ({ name, index: positionOf(name), trimmed: true })),
		...[...written].sort(byPosition).map((name) => ({ name: writtenColumn(name), index: positionOf(name), trimmed: false }))
	];
}

/** `c0 VARCHAR, …`: the stage's columns for CREATE TABLE. */
export function shapeColumnsSql(shape: readonly StageColumn[]): string {
	return shape.map((c) => `${sqlIdent(c.name)} VARCHAR`).join(', ');
}

/** The SELECT list that fills the stage, `source(index)` being the file's column (as VARCHAR) in the reader's FROM. */
export function shapeSelectSql(shape: readonly StageColumn[], source: (index: number) => string): string {
	return shape.map((c) => `${c.trimmed ? `NULLIF(trim(${source(c.index)}), '')` : source(c.index)} AS ${sqlIdent(c.name)}`).join(', ');
}
