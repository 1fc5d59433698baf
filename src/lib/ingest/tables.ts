import { REGISTER_FIELD_TABLE } from '../core/register-fields';
import { REPORT_FILE_TABLE, REPORT_TABLE } from './report-sql';

/**
 * The tables one load leaves behind: the register itself, its regency's villages and kecamatan (the
 * reference it was read against, or the one the user chose since), and what the validation report
 * reads. Whatever keeps a register (the browser's stored copy, the prebuilt sample) keeps all of them,
 * so the regency and the report are there again after a reload.
 */
export const REGISTER_TABLES = [
	'household',
	'person',
	// The register's regency and its villages travel with it: a reload shows the same regency.
	'village',
	'kecamatan',
	'register_region',
	'ingest_unknown_code',
	REGISTER_FIELD_TABLE,
	REPORT_TABLE,
	REPORT_FILE_TABLE
] as const;
export type RegisterTable = (typeof REGISTER_TABLES)[number];
