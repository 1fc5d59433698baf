/**
 * The bundled sample, already ingested at build time (scripts/ensure-sample.ts): the canonical tables as
 * Parquet in static/sample/register/, described by register.json. Opening on it is a restore, not an
 * ingest; the DTSEN source files beside it remain the fallback.
 */
import type { Engine } from '$lib/engine/types';
import { registerSchemaFingerprint } from '$lib/core/schema';
import type { RegencyOutcome } from '$lib/ingest/regency';
import { REGISTER_TABLES } from '$lib/ingest/tables';
import type { RegisterTables } from './persistence';
import { restoreTables } from './register-tables';

export interface PrebuiltRegister {
	/** registerSchemaFingerprint() of the build that wrote the tables. */
	schema: string;
	/** The source files the tables were ingested from. */
	names: string[];
	kind: string;
	households: number;
	people: number;
	reference_date: string;
	/** The sample's regency as its load detected it (absent in samples built before regencies were). */
	regency?: RegencyOutcome;
}

type Fetch = (path: string) => Promise<Response>;

/** The tiny register the Data screen rehearses a load on (rehearsal.ts), beside the sample. */
export const REHEARSAL_REGISTER = '/sample/rehearsal/dtsen.csv';

async function bytes(fetchAsset: Fetch, path: string): Promise<Uint8Array> {
	const response = await fetchAsset(path);
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

export interface FetchedSample {
	prebuilt: PrebuiltRegister;
	tables: RegisterTables;
}

/**
 * The prebuilt sample's description and table bytes, not yet in DuckDB (start-up fetches them while the
 * engine starts). Null when there is none, or when it was built for other table definitions (the caller
 * then ingests the source files).
 */
export async function fetchPrebuiltSample(fetchAsset: Fetch): Promise<FetchedSample | null> {
	const response = await fetchAsset('/sample/register/register.json');
	if (!response.ok) return null;
	const prebuilt = (await response.json()) as PrebuiltRegister;
	if (prebuilt.schema !== registerSchemaFingerprint()) return null;
	const bytesByTable = await Promise.all(
		REGISTER_TABLES.map(async (table) => [table, await bytes(fetchAsset, prebuiltPath(table))] as const)
	);
	return { prebuilt, tables: Object.fromEntries(bytesByTable) as RegisterTables };
}

/** Restores the prebuilt sample's tables (register and report); null as for fetchPrebuiltSample. */
export async function restorePrebuiltSample(engine: Engine, fetchAsset: Fetch): Promise<PrebuiltRegister | null> {
	const fetched = await fetchPrebuiltSample(fetchAsset);
	if (!fetched) return null;
	await restoreTables(engine, fetched.tables);
	return fetched.prebuilt;
}

/** Where the build puts a table of the prebuilt sample (relative to the site root). */
export function prebuiltPath(table: string): string {
	return `/sample/register/${table}.parquet`;
}
