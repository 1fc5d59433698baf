/**
 * The rule that a load never quietly loses people (issue 18 point 1): when the rows a load would leave
 * out for want of a household (an empty key, a member whose household is not in the file) or because
 * the record was damaged exceed a small share of the rows read, the load stops and says how many and
 * where the first one is; the user may then accept it (IngestOptions.acceptRejected). Exact repeats
 * (duplicates.ts) and blank rows are not counted: nobody is lost with them.
 */
import { coded } from '../core/messages';
import { rowsOf } from '../core/rows';
import type { Engine } from '../engine/types';
import { findingOf } from './report-params';
import { IngestError } from './types';

/** The share of rows read (in %) that a load may leave out without asking. */
export const REJECTED_SHARE_LIMIT = 1;

const NOT_A_LOSS = ['empty_row', 'duplicate_family', 'duplicate_person', 'person_in_two_families'];

/** Throws `ingest.too_many_rejected` when the report `table` rejects more than the limit of `rowsRead`. */
export async function refuseLosses(engine: Engine, table: string, rowsRead: number, label: string): Promise<void> {
	const lost = `severity = 'rejected' AND code NOT IN (${NOT_A_LOSS.map((c) => `'${c}'`).join(', ')})`;
	const [count] = rowsOf(await engine.query(`SELECT coalesce(sum(rows), 0)::BIGINT AS n FROM ${table} WHERE ${lost}`), { n: 'number' });
	const rejected = count?.n ?? 0;
	if (rejected * 100 <= rowsRead * REJECTED_SHARE_LIMIT) return;
	const [first] = rowsOf(
		await engine.query(
			`SELECT code, source_file, source_row, source_column, value, rows, household_id, params FROM ${table} WHERE ${lost} ` +
				`ORDER BY source_file, source_row LIMIT 1`
		),
		{
			code: 'string',
			source_file: 'string',
			source_row: 'number?',
			source_column: 'string?',
			value: 'string?',
			rows: 'number',
			household_id: 'string?',
			params: 'string'
		}
	);
	const said = coded('ingest.too_many_rejected', {
		label,
		rejected,
		rows: rowsRead,
		limit: REJECTED_SHARE_LIMIT,
		first: first ? findingOf(first) : null
	});
	throw new IngestError(said, first?.source_file ?? label, first?.source_row ?? undefined, first?.source_column ?? undefined);
}
