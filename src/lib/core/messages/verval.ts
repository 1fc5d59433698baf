/** Why a verval result file is refused (ingest/verval-results.ts). */
export interface VervalMessages {
	/** `missing`: each group of fields of which the file has none (e.g. [['nik', 'record_id'], ['status']]). */
	'verval.columns_missing': { file: string; missing: string[][]; headers: string[] };
	'verval.dates_ambiguous': { file: string; column: string; dayFirst: string; monthFirst: string };
	'verval.round_invalid': { file: string; round: number };
	'verval.decision_reason_missing': { person: string };
	'verval.decision_outcome_invalid': { person: string; outcome: string };
	'fieldkit.kit_not_json': { file: string };
	'fieldkit.kit_not_format': { file: string };
	'fieldkit.kit_field': { file: string; field: string };
	/** Not the two lines (body, checksum) of a results file. */
	'fieldkit.results_not_sealed': { file: string };
	/** The body's bytes no longer give the checksum written under it. */
	'fieldkit.results_changed': { file: string };
	'fieldkit.results_field': { file: string; field: string };
	/** Results of another kit than the one given. */
	'fieldkit.results_other_kit': { file: string };
}
