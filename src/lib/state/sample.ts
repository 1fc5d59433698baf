/**
 * The bundled sample, already ingested at build time (scripts/ensure-sample.ts): the canonical tables as
 * Parquet in static/sample/register/, described by register.json. Opening on it is a restore, not an
 * ingest; the DTSEN source files beside it remain the fallback.
 */
import type { Engine } from '$lib/engine/types';
import { registerSchemaFingerprint } from '$lib/core/schema';

export interface PrebuiltRegister {
	/** registerSchemaFingerprint() of the build that wrote the tables. */
	schema: string;
	/** The source files the tables were ingested from. */
	names: string[];
	kind: string;
	households: number;
	people: number;
	reference_date: string;
}

type Fetch = (path: string) => Promise<Response>;

async function bytes(fetchAsset: Fetch, path: string): Promise<Uint8Array> {
	const response = await fetchAsset(path);
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

/**
 * Restores the prebuilt sample into `household` and `person`. Null when there is none, or when it was
 * built for other table definitions (the caller then ingests the source files).
 */
export async function restorePrebuiltSample(engine: Engine, fetchAsset: Fetch): Promise<PrebuiltRegister | null> {
	const response = await fetchAsset('/sample/register/register.json');
	if (!response.ok) return null;
	const prebuilt = (await response.json()) as PrebuiltRegister;
	if (prebuilt.schema !== registerSchemaFingerprint()) return null;
	const [household, person] = await Promise.all([
		bytes(fetchAsset, '/sample/register/household.parquet'),
		bytes(fetchAsset, '/sample/register/person.parquet')
	]);
	await engine.createTableFromParquet('household', household);
	await engine.createTableFromParquet('person', person);
	return prebuilt;
}
