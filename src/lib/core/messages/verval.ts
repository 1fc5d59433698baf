/** Why a verval result file is refused (ingest/verval-results.ts). */
export interface VervalMessages {
	/** `missing`: each group of fields of which the file has none (e.g. [['nik', 'record_id'], ['status']]). */
	'verval.columns_missing': { file: string; missing: string[][]; headers: string[] };
	'verval.dates_ambiguous': { file: string; column: string; dayFirst: string; monthFirst: string };
	'verval.round_invalid': { file: string; round: number };
	'verval.decision_reason_missing': { person: string };
	'verval.decision_outcome_invalid': { person: string; outcome: string };
}
