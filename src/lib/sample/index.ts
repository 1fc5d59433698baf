/**
 * Synthetic register generator (pure, no Node APIs): `generateSample` draws people, families and houses
 * of Kukar or any regency `loadSampleRegency` finds in Indonesia's list; `sampleTables` renders them as
 * DTSEN, BDT and P3KE CSV text. `writeSample` (./write, Node only) writes the files, Parquet copies and
 * manifest.json to a folder.
 */
export { generateSample, SAMPLE_REFERENCE_DATE } from './generate';
export type { Sample, SampleFamily, SampleHouse, SampleOptions, SamplePerson } from './generate';
export {
	sampleTables,
	schemaTables,
	dtsenTables,
	bdtTables,
	p3keTables,
	csvField,
	SAMPLE_COLUMNS,
	SAMPLE_SCHEMAS,
	ALL_SAMPLE_SCHEMAS
} from './tables';
export type { SampleSchema, SampleTable, SampleTableName } from './tables';
export { Rng } from './prng';
export { KUKAR_SAMPLE_REGENCY, loadSampleRegency } from './regency';
export type { SampleRegency } from './regency';
