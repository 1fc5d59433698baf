/**
 * A rehearsal of a load, once per page, while the user is on the Data screen. The first load of a page
 * runs DuckDB's code for the first time: the browser compiles each function as it is first called and
 * optimises it once it runs hot. That made a page's first load of the 100,000-row workbook 4–6 s slower
 * than its next, and a 300-person register take 3.4–4.7 s (bench/RESULTS.md, session 25). A tiny
 * synthetic register (static/sample/rehearsal/, written by scripts/ensure-sample.ts) goes through the
 * same ingest with `rehearsal: true`: every step runs, nothing is swapped in, the tables it built are
 * dropped. Its statements are background jobs (BackgroundEngine), so the screens' reads go between them.
 */
import type { Reference } from '$lib/core/reference';
import type { Engine } from '$lib/engine/types';
import { IngestCancelled, ingestRegister, type IngestOptions } from '$lib/ingest';
import type { ByteSource } from '$lib/ingest/types';
import { BackgroundEngine } from './query/background-engine';
import type { QueryCoordinator } from './query/coordinator';

export { REHEARSAL_REGISTER } from './sample';

export type RehearsalState = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

export interface RehearsalInput {
	engine: Engine;
	coordinator: QueryCoordinator;
	sources: ByteSource[];
	reference: Reference;
	region?: IngestOptions['region'];
	/** Aborted when a real load needs the engine: the rehearsal stops at its next statement and cleans up. */
	signal: AbortSignal;
}

/** Runs the rehearsal: 'done', or 'stopped' when `signal` ended it first. Other failures are thrown. */
export async function rehearseLoad(input: RehearsalInput): Promise<'done' | 'stopped'> {
	const label = input.sources.map((s) => s.name).join(', ');
	const engine = new BackgroundEngine(input.engine, input.coordinator, input.signal, () => new IngestCancelled(label));
	try {
		await ingestRegister(engine, input.sources, input.reference, {
			rehearsal: true,
			signal: input.signal,
			...(input.region ? { region: input.region } : {})
		});
		return 'done';
	} catch (error) {
		if (input.signal.aborted) return 'stopped';
		throw error;
	}
}
