/**
 * Node side of the sample generator: writes the CSV and Parquet files and manifest.json to a folder.
 * Parquet is converted from the CSV by DuckDB with every column as VARCHAR (NIK, KK and codes stay text).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { NodeEngine } from '../engine/node';
import { sqlString } from '../core/sql';
import { generateSample, type SampleOptions } from './generate';
import { ALL_SAMPLE_SCHEMAS, SAMPLE_COLUMNS, SAMPLE_SCHEMAS, schemaTables, type SampleSchema, type SampleTableName } from './tables';
import { writeTableXlsx } from './xlsx';

/** Writes a CSV from its chunks (one string would be too long for the largest registers); its SHA-256. */
async function writeChunks(path: string, chunks: readonly string[]): Promise<string> {
	const hash = createHash('sha256');
	const file = await open(path, 'w');
	try {
		for (const chunk of chunks) {
			const bytes = Buffer.from(chunk, 'utf8');
			hash.update(bytes);
			await file.write(bytes);
		}
	} finally {
		await file.close();
	}
	return hash.digest('hex');
}

export type SampleFormat = 'csv' | 'parquet' | 'xlsx';
/** Formats written by default. */
export const SAMPLE_FORMATS: readonly SampleFormat[] = ['csv', 'parquet'];
/** Every format the generator can write; XLSX (one sheet 'Data', header in row 1) on request. */
export const ALL_SAMPLE_FORMATS: readonly SampleFormat[] = ['csv', 'parquet', 'xlsx'];

export interface WriteSampleOptions extends SampleOptions {
	/** Default csv and parquet (SAMPLE_FORMATS); 'xlsx' too on request. */
	formats?: readonly SampleFormat[];
	/** Default dtsen and bdt (SAMPLE_SCHEMAS); 'p3ke' too on request. */
	schemas?: readonly SampleSchema[];
}

export interface SampleManifestFile {
	name: string;
	schema: SampleSchema;
	table: SampleTableName;
	format: SampleFormat;
	rows: number;
	sha256: string;
}

export interface SampleManifest {
	seed: number;
	people: number;
	/** BDT rumah tangga (houses). */
	households: number;
	/** DTSEN keluarga (KK); a house can hold more than one. */
	families: number;
	reference_date: string;
	generated_by: string;
	files: SampleManifestFile[];
}

export const GENERATED_BY = 'tepat scripts/sample.ts (src/lib/sample, synthetic data)';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** SQL that reads a registered sample CSV with every column as text. */
export function readSampleCsvSql(fileName: string): string {
	return `SELECT * FROM read_csv(${sqlString(fileName)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
}

/**
 * Generates a sample and writes `<schema>[-<table>].<format>` files plus manifest.json into `outDir`
 * (created if missing). Returns the manifest. Same options ⇒ byte-identical CSV files.
 */
export async function writeSample(outDir: string, options: WriteSampleOptions): Promise<SampleManifest> {
	const formats = options.formats ?? SAMPLE_FORMATS;
	const schemas = options.schemas ?? SAMPLE_SCHEMAS;
	for (const f of formats) if (!ALL_SAMPLE_FORMATS.includes(f)) throw new Error(`Unknown format ${f}`);
	for (const s of schemas) if (!ALL_SAMPLE_SCHEMAS.includes(s)) throw new Error(`Unknown schema ${s}`);
	const sample = generateSample(options);
	const dir = resolve(outDir);
	await mkdir(dir, { recursive: true });
	const wantCsv = formats.includes('csv');
	const engine = formats.includes('parquet') ? await NodeEngine.open() : null;
	const csvFiles = new Map<string, SampleManifestFile>();
	const parquetFiles = new Map<string, SampleManifestFile>();
	const xlsxFiles = new Map<string, SampleManifestFile>();
	// DuckDB converts one schema's CSV to Parquet on its own threads while JS renders the next schema.
	let conversions: Promise<void> = Promise.resolve();
	try {
		for (const schema of ALL_SAMPLE_SCHEMAS) {
			if (!schemas.includes(schema)) continue;
			for (const t of schemaTables(sample, schema)) {
				if (formats.includes('xlsx')) {
					const name = `${t.base}.xlsx`;
					await writeTableXlsx(join(dir, name), t);
					xlsxFiles.set(t.base, {
						name,
						schema: t.schema,
						table: t.table,
						format: 'xlsx',
						rows: t.rows,
						sha256: sha256(await readFile(join(dir, name)))
					});
				}
				const csvName = `${t.base}.csv`;
				if (wantCsv) {
					const digest = await writeChunks(join(dir, csvName), t.csvChunks);
					csvFiles.set(t.base, { name: csvName, schema: t.schema, table: t.table, format: 'csv', rows: t.rows, sha256: digest });
				}
				if (engine) {
					const staged = !wantCsv;
					if (staged) await engine.registerFile(csvName, Buffer.concat(t.csvChunks.map((chunk) => Buffer.from(chunk, 'utf8'))));
					const source = staged ? csvName : join(dir, csvName);
					const name = `${t.base}.parquet`;
					const entry = { name, schema: t.schema, table: t.table, format: 'parquet' as const, rows: t.rows };
					conversions = conversions.then(async () => {
						await engine.exec(`COPY (${readSampleCsvSql(source)}) TO ${sqlString(join(dir, name))} (FORMAT parquet)`);
						if (staged) await engine.dropFile(csvName);
						parquetFiles.set(t.base, { ...entry, sha256: sha256(await readFile(join(dir, name))) });
					});
				}
			}
		}
		await conversions;
	} finally {
		await conversions.catch(() => undefined);
		await engine?.close();
	}
	const files: SampleManifestFile[] = [];
	for (const schema of ALL_SAMPLE_SCHEMAS) {
		if (!schemas.includes(schema)) continue;
		for (const table of Object.keys(SAMPLE_COLUMNS[schema])) {
			const base = `${schema}${table === 'flat' ? '' : `-${table}`}`;
			for (const entry of [csvFiles.get(base), parquetFiles.get(base), xlsxFiles.get(base)]) if (entry) files.push(entry);
		}
	}
	const manifest: SampleManifest = {
		seed: sample.seed,
		people: sample.people,
		households: sample.houses.length,
		families: sample.families.length,
		reference_date: sample.referenceDate,
		generated_by: GENERATED_BY,
		files
	};
	await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	return manifest;
}
